"""A real Redis for the tests of features that need one (counting in Redis, shared kept pages).

Each test gets key prefix of its own on database 15 of PORTAL_TEST_REDIS_URL (default the local Redis)
and leaves nothing behind. Where no Redis answers the tests skip, except in CI, where that is a failure.
"""

import os
import uuid

import pytest

from news import view_counter

TEST_REDIS_URL = os.environ.get("PORTAL_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture
def redis_counting(settings):
    import redis

    client = redis.Redis.from_url(TEST_REDIS_URL)
    try:
        client.ping()
    except redis.ConnectionError:
        if os.environ.get("CI"):
            pytest.fail(f"no Redis at {TEST_REDIS_URL}")
        pytest.skip(f"no Redis at {TEST_REDIS_URL}")
    settings.REDIS_URL = TEST_REDIS_URL
    settings.PORTAL_REDIS_PREFIX = f"test-{uuid.uuid4().hex[:12]}"
    view_counter.redis_client.cache_clear()
    view_counter._visit_script.cache_clear()
    yield client
    for name in client.scan_iter(match=f"{settings.PORTAL_REDIS_PREFIX}:*"):
        client.delete(name)
    view_counter.redis_client.cache_clear()
    view_counter._visit_script.cache_clear()
