"""Counting in Redis (production): one round trip a view, flushed to the database exactly once, the live
count on kept pages, and a limit per address."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from news import view_counter
from news.view_log import DailyViews, FlushedBatch, set_total

from .conftest import BROWSER_AGENT
from .test_concurrent_views import read_at_once


def views_in_database(article):
    article.refresh_from_db()
    return article.view_count


def test_a_view_waits_in_redis_and_the_flush_writes_it_once(
    reader, make_article, redis_counting, django_assert_num_queries
):
    article = make_article()
    reader.get(article.get_absolute_url())  # renders, counts, keeps
    reader.cookies.clear()
    with django_assert_num_queries(0):  # the kept page and one Redis round trip
        page = reader.get(article.get_absolute_url()).content.decode()
    assert "Lượt xem: 2" in page
    assert views_in_database(article) == 0

    assert view_counter.flush() == 2
    assert views_in_database(article) == 2
    assert DailyViews.objects.get(article=article, day=timezone.localdate()).views == 2
    assert view_counter.flush() == 0  # nothing twice
    assert views_in_database(article) == 2


def redis_commands(monkeypatch):
    """The names of the commands this worker's Redis client sends from now on."""
    sent = []
    client = view_counter.redis_client()
    original = client.execute_command

    def recorded(*args, **options):
        sent.append(args[0])
        return original(*args, **options)

    monkeypatch.setattr(client, "execute_command", recorded)
    return sent


def test_the_first_view_of_an_article_redis_holds_no_total_for_is_one_round_trip(
    reader, make_article, redis_counting, monkeypatch
):
    """Rendering the page, the view reads the row first: the script starts the live total from its
    count and today's views waiting, in the same round trip as the view."""
    make_article(title="Bài đã đọc trước")
    reader.get(make_article().get_absolute_url())  # the script loaded, the frame kept
    article = make_article()
    set_total(article.pk, 40)
    view_counter.redis_client().hset(
        view_counter.key("views:pending"), view_counter._day_field(article.pk, timezone.localdate()), 2
    )
    sent = redis_commands(monkeypatch)
    reader.cookies.clear()
    page = reader.get(article.get_absolute_url()).content.decode()
    assert "Lượt xem: 43" in page  # 40 in the database, 2 waiting, this one
    assert sent.count("EVALSHA") == 1
    assert not {"HGET", "GET"} & set(sent)


def test_a_batch_left_by_a_killed_flush_is_applied_once(make_article, redis_counting, settings):
    article = make_article()
    prefix = settings.PORTAL_REDIS_PREFIX
    field = f"{article.pk}:{timezone.localdate():%Y%m%d}"
    # A flush that died after renaming the batch, before writing it: the next one applies it.
    redis_counting.hset(f"{prefix}:views:flushing:aaaa", field, 3)
    # One that died after writing it, before deleting it: the next one only deletes it.
    redis_counting.hset(f"{prefix}:views:flushing:bbbb", field, 5)
    FlushedBatch.objects.create(pk="bbbb", views=5)
    assert view_counter.flush() == 3
    assert views_in_database(article) == 3
    assert not list(redis_counting.scan_iter(match=f"{prefix}:views:flushing:*"))


def test_the_flush_command_writes_what_waits(reader, make_article, redis_counting, capsys):
    article = make_article()
    reader.get(article.get_absolute_url())
    call_command("flush_views")
    assert "Đã ghi 1 lượt xem" in capsys.readouterr().out
    assert views_in_database(article) == 1


def test_one_address_cannot_add_thousands_of_views(client, make_article, redis_counting, settings):
    settings.PORTAL_VIEWS_PER_ADDRESS = 5
    article = make_article()
    for _ in range(8):
        client.cookies.clear()  # a script without cookies, from one address
        client.get(article.get_absolute_url(), HTTP_USER_AGENT=BROWSER_AGENT)
    client.cookies.clear()
    client.get(article.get_absolute_url(), HTTP_USER_AGENT=BROWSER_AGENT, REMOTE_ADDR="10.0.0.2")
    view_counter.flush()
    assert views_in_database(article) == 6  # five from the first address, one from another


def test_the_limit_holds_without_redis_too(client, make_article, settings):
    settings.PORTAL_VIEWS_PER_ADDRESS = 5
    article = make_article()
    for _ in range(8):
        client.cookies.clear()
        client.get(article.get_absolute_url(), HTTP_USER_AGENT=BROWSER_AGENT)
    assert views_in_database(article) == 5


@pytest.mark.django_db(transaction=True)
def test_a_thousand_concurrent_views_through_redis_add_exactly_a_thousand(
    live_server, make_article, redis_counting, settings, ward_identity
):
    # ward_identity: the ward's row and cached identity exist before the readers come. On SQLite the
    # live server's threads share one in-memory connection, so a thousand first requests at once would
    # interleave their transactions on it (a real server's connections are its own: ward.defaults).
    settings.PORTAL_VIEWS_PER_ADDRESS = 10_000
    article = make_article()
    url = live_server.url + article.get_absolute_url()

    assert read_at_once(url, 1000, 16) == [200] * 1000
    view_counter.flush()
    assert views_in_database(article) == 1000
    assert DailyViews.objects.get(article=article).views == 1000
