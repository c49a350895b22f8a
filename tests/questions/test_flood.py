"""A flood of the question form: at most the limits are stored, the rest told why in Vietnamese.

The limits are counted in Django's cache: the per-process memory cache here, and Redis (the production
cache, shared by workers) in the last test.
"""

import pytest
from django.core.cache import caches

from questions.models import Question

ASK = "/hoi-dap/gui-cau-hoi/"
REFUSAL = "Bạn đã gửi nhiều lần trong thời gian ngắn nên phường tạm chưa nhận thêm"


def flood(client, form_data, count, **each):
    """count posts as fast as the test client sends them; returns the status codes."""
    statuses = []
    for n in range(count):
        extra = {key: value(n) for key, value in each.items()}
        response = client.post(ASK, form_data(), **extra)
        statuses.append(response.status_code)
        if response.status_code == 429:
            assert REFUSAL in response.content.decode()
    return statuses


def test_400_posts_a_minute_from_one_address_store_at_most_the_limit(client, form_data, settings, db):
    statuses = flood(client, form_data, 400)
    limit = settings.PORTAL_QUESTION_LIMIT_PER_ADDRESS
    assert Question.objects.count() == limit
    assert statuses[:limit] == [302] * limit
    assert statuses[limit:] == [429] * (400 - limit)


def test_junk_posts_count_against_the_address_too(client, form_data, settings, db):
    settings.PORTAL_QUESTION_LIMIT_PER_ADDRESS = 5
    for _ in range(5):
        assert client.post(ASK, {"body": "x" * 50_000}).status_code == 400
    response = client.post(ASK, form_data())
    assert response.status_code == 429 and Question.objects.count() == 0


def test_one_contact_from_many_addresses_stores_at_most_its_limit(client, form_data, settings, db):
    def same_sender():
        return form_data(phone="0912 345 678", name="Lê Văn Cường")

    statuses = []
    for n in range(60):
        response = client.post(ASK, same_sender(), REMOTE_ADDR=f"10.0.0.{n}")
        statuses.append(response.status_code)
    limit = settings.PORTAL_QUESTION_LIMIT_PER_CONTACT
    assert Question.objects.count() == limit
    assert statuses.count(429) == 60 - limit
    # The same phone written another way is the same contact.
    response = client.post(ASK, form_data(phone="+84 912345678"), REMOTE_ADDR="10.9.9.9")
    assert response.status_code == 429


def test_other_residents_are_not_held_back_by_one_address(client, form_data, settings, db):
    flood(client, form_data, 50, REMOTE_ADDR=lambda n: "203.0.113.7")
    response = client.post(ASK, form_data(), REMOTE_ADDR="203.0.113.8")
    assert response.status_code == 302


def test_the_window_ends_and_the_address_may_send_again(client, form_data, settings, db):
    settings.PORTAL_QUESTION_LIMIT_PER_ADDRESS = 2
    flood(client, form_data, 3)
    caches["default"].clear()  # what the end of the window does to the counts
    assert client.post(ASK, form_data()).status_code == 302


def test_behind_a_proxy_the_address_is_the_forwarded_one(client, form_data, settings, db):
    settings.PORTAL_PROXY_COUNT = 1
    settings.PORTAL_QUESTION_LIMIT_PER_ADDRESS = 3
    flood(client, form_data, 3, HTTP_X_FORWARDED_FOR=lambda n: "198.51.100.1")
    assert client.post(ASK, form_data(), HTTP_X_FORWARDED_FOR="198.51.100.1").status_code == 429
    assert client.post(ASK, form_data(), HTTP_X_FORWARDED_FOR="198.51.100.2").status_code == 302


def test_the_limits_hold_with_redis_as_the_cache(client, form_data, settings, redis_cache, db):
    statuses = flood(client, form_data, 100)
    keys = list(redis_cache.scan_iter(match=f"{settings.PORTAL_REDIS_PREFIX}:*questions:limit:*"))
    # No caches["default"].clear() here: on Redis that is FLUSHDB, every test's keys at once; the
    # redis_counting fixture (under redis_cache) deletes this test's own.
    assert keys, "the counts were not kept in Redis"
    assert Question.objects.count() == settings.PORTAL_QUESTION_LIMIT_PER_ADDRESS
    assert statuses.count(429) == 100 - settings.PORTAL_QUESTION_LIMIT_PER_ADDRESS


@pytest.mark.parametrize("method", ["put", "delete"])
def test_other_methods_are_refused(client, method, db):
    assert getattr(client, method)(ASK).status_code == 405
