"""Production's cache (portal/redis_cache.py): Django's Redis cache, one Redis client a pool."""

import pytest
from django.core.cache import caches


@pytest.fixture
def cache(redis_cache):
    return caches["default"]


def test_values_are_kept_replaced_and_deleted(cache):
    cache.set("trang", {"tiêu đề": "Hội nghị"}, 30)
    assert cache.get("trang") == {"tiêu đề": "Hội nghị"}
    assert cache.add("trang", "khác", 30) is False
    cache.set_many({"a": 1, "b": 2}, 30)
    assert cache.get_many(["a", "b", "c"]) == {"a": 1, "b": 2}
    cache.delete("trang")
    assert cache.get("trang", "không có") == "không có"


def test_calls_share_one_client(cache, monkeypatch):
    """Django's made a redis.Redis for each call (about 50 us each); ours one for the pool."""
    made = []
    real = cache._cache._client
    monkeypatch.setattr(cache._cache, "_client", lambda **options: made.append(1) or real(**options))
    for n in range(5):
        cache.set(f"k{n}", n, 30)
        assert cache.get(f"k{n}") == n
    cache.delete("k0")
    assert len(made) == 1
