"""A real Redis for the tests of features that need one (counting in Redis, shared kept pages).

Each test gets key prefix of its own and leaves nothing behind. The suite runs in parallel processes
(pytest-xdist, scripts/test): on the local Redis each process has a database of its own, 15 for the
first, 14 for the second and so on, so that even a whole-database clear (Django's RedisCache.clear() is
FLUSHDB) in one cannot take another's keys. PORTAL_TEST_REDIS_URL names another Redis for all of them.
Where no Redis answers the tests skip, except in CI, where that is a failure.
"""

import os
import uuid

import pytest

from news import view_counter


def _worker_number():
    """0 in a run without workers and in the first worker ("gw0"), 1 in the second, and so on."""
    return int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)


TEST_REDIS_URL = os.environ.get(
    "PORTAL_TEST_REDIS_URL", f"redis://127.0.0.1:6379/{15 - _worker_number() % 16}"
)


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


@pytest.fixture
def redis_cache(settings, redis_counting):
    """Production's cache (portal/redis_cache.py) on the test Redis, under this test's key prefix:
    what workers share (kept pages, the ward's identity, the question limits). Returns redis_counting's
    client of that Redis."""
    settings.CACHES = {
        "default": {
            "BACKEND": "portal.redis_cache.RedisCache",
            "LOCATION": settings.REDIS_URL,
            "KEY_PREFIX": settings.PORTAL_REDIS_PREFIX,
        }
    }
    return redis_counting
