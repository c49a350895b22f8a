"""The public search's word index (news.search_index) answers news.search's rule as the SQL does, and
stays current: what staff publish, change or withdraw is found or gone at the next search."""

import gc
import itertools
import random
import runpy
from datetime import timedelta

import pytest
from django.conf import settings
from django.db import OperationalError, connection
from django.utils import timezone

from news import kept_cards, page_cache, search_index
from news.models import Article
from news.search import query_words, search_articles

from .test_search import search, titles

# Few syllables, so that queries find many articles, words stand together by chance and titles share
# words: every branch of the ranking is taken many times.
SYLLABLES = ["hội", "nghị", "chi", "bộ", "phường", "dân"]


@pytest.fixture
def crowded_archive(make_article):
    """Sixty articles of those syllables: published over two months, some scheduled, some drafts,
    some at the same minute (ties are broken by pk, newest first)."""
    rng = random.Random(8)
    now = timezone.now()

    def words(low, high):
        return " ".join(rng.choice(SYLLABLES) for _ in range(rng.randint(low, high)))

    for n in range(60):
        age = timedelta(minutes=rng.choice([-90, -30, 5, 5, 60, 600, 6000, 60000]) + n % 3)
        status = Article.Status.DRAFT if n % 11 == 0 else Article.Status.PUBLISHED
        make_article(
            title=words(2, 5).capitalize(),
            summary=words(0, 4),
            body=f"<p>{words(3, 12)}.</p>",
            published_at=now - age,
            status=status,
        )


def queries():
    """Every query of one, two or three of the syllables, in every order."""
    for size in (1, 2, 3):
        yield from (" ".join(words) for words in itertools.permutations(SYLLABLES, size))


def test_the_index_ranks_every_query_as_the_admins_sql_does(crowded_archive, monkeypatch):
    """The same articles in the same order for each of 156 queries, with the bound on ranked matches
    small enough (7) to cut most of them: on both databases, where the SQL differs."""
    monkeypatch.setattr("news.search.MAX_RESULTS", 7)
    generation = page_cache.generation()
    compared = 0
    for query in queries():
        results, words = search_articles(Article.objects.published(), query)
        expected = list(results.values_list("pk", flat=True))
        ranking = search_index.ranked_public(words, generation)
        assert len(ranking) == len(expected), query
        assert list(ranking) == expected, query
        # A page reads a slice: made from the groups it falls in, across their boundaries too, each
        # from a ranking read no further before (its phrase groups are checked only as far as a slice
        # reads), and again from one read up to an earlier slice.
        for start, stop in ((0, 2), (1, 4), (2, 7), (3, 3), (5, 9)):
            fresh = search_index.ranked_public(words, generation)
            assert fresh[start:stop] == expected[start:stop], (query, start, stop)
        read_on = search_index.ranked_public(words, generation)
        for start, stop in ((0, 2), (2, 4), (0, 7), (5, 9), (0, 1)):
            assert read_on[start:stop] == expected[start:stop], (query, start, stop)
        if expected:
            assert (ranking[0], ranking[-1], len(ranking)) == (expected[0], expected[-1], len(expected))
        compared += bool(expected)
    assert compared > 100


def test_a_scheduled_article_is_found_from_its_time_with_no_save(reader, make_article, monkeypatch):
    now = timezone.now()
    make_article(title="Hội nghị sơ kết quý", published_at=now - timedelta(days=1))
    make_article(title="Hội nghị tổng kết năm", published_at=now + timedelta(minutes=10))
    assert titles(search(reader, "hoi nghi")) == ["Hội nghị sơ kết quý"]
    later = now + timedelta(minutes=11)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert titles(search(reader, "hoi nghi")) == ["Hội nghị tổng kết năm", "Hội nghị sơ kết quý"]


def test_what_staff_publish_change_or_withdraw_shows_at_the_next_search(reader, make_article):
    first = make_article(title="Ra quân vệ sinh môi trường")
    assert titles(search(reader, "ve sinh")) == [first.title]
    second = make_article(title="Tổng vệ sinh khu phố 3", published_at=timezone.now())
    assert titles(search(reader, "ve sinh")) == [second.title, first.title]
    first.title = "Ra quân dọn kênh mương"
    first.save()
    assert titles(search(reader, "ve sinh")) == [second.title]
    assert titles(search(reader, "kenh muong")) == [first.title]
    second.status = Article.Status.DRAFT
    second.save()
    assert titles(search(reader, "ve sinh")) == []
    first.delete()
    assert titles(search(reader, "kenh muong")) == []


def test_a_row_withdrawn_by_a_bulk_update_is_never_shown(reader, make_article):
    """An update() that announces nothing leaves the worker's index as it was, until its lifetime
    ends; the page's rows are read as published, so the withdrawn article is not shown meanwhile."""
    kept = make_article(title="Lịch tiếp công dân tháng 12")
    withdrawn = make_article(title="Lịch tiếp công dân tháng 11")
    assert titles(search(reader, "tiep cong dan")) == [kept.title, withdrawn.title]
    Article.objects.filter(pk=withdrawn.pk).update(status=Article.Status.DRAFT)
    assert titles(search(reader, "tiep cong dan")) == [kept.title]


def test_a_bulk_update_is_found_once_the_index_has_lived_its_lifetime(
    reader, make_article, settings, monkeypatch
):
    article = make_article(title="Hội khuyến học trao học bổng")
    assert titles(search(reader, "hoc bong")) == [article.title]
    Article.objects.filter(pk=article.pk).update(search_text=" hien mau nhan dao ")
    assert titles(search(reader, "hien mau")) == []  # kept for the generation, for its lifetime
    later = page_cache.time.monotonic() + settings.PORTAL_ARTICLE_CACHE_SECONDS + 1
    monkeypatch.setattr(page_cache.time, "monotonic", lambda: later)
    assert titles(search(reader, "hien mau")) == [article.title]


def test_a_word_no_article_holds_finds_nothing(make_article):
    make_article(title="Hội nghị chi bộ")
    assert list(search_index.ranked_public(query_words("hoi nghi khong"), page_cache.generation())) == []


def rankings(index, now):
    return {query: list(index.ranked(query_words(query), now)) for query in queries()}


def test_an_index_brought_up_to_date_ranks_as_one_made_anew(crowded_archive, make_article, monkeypatch):
    """Writes of every kind, then the kept index brought up to date: on PostgreSQL by the rows whose
    version (xmin) changed, on SQLite made again; either way as one made from the rows now."""
    monkeypatch.setattr("news.search.MAX_RESULTS", 7)
    kept = search_index.WordIndex(list(search_index.approved_rows()))
    now = timezone.now()
    public = list(Article.objects.published().order_by("-published_at"))
    public[0].title = "Dân phường hội nghị"
    public[0].save()
    # Newer than every article, the scheduled ones too: numbered after them, not among them.
    make_article(
        title="Chi bộ phường dân", body="<p>hội nghị chi bộ</p>", published_at=now + timedelta(hours=2)
    )
    public[1].status = Article.Status.DRAFT
    public[1].save()
    Article.objects.filter(pk=public[2].pk).update(search_text=" hoi nghi phuong dan ")
    public[3].delete()
    public[4].published_at = now + timedelta(hours=3)
    public[4].save()
    Article.objects.filter(pk=public[1].pk).update(status=Article.Status.PUBLISHED)

    updated = search_index.brought_up_to_date(kept)
    made = search_index.WordIndex(list(search_index.approved_rows()))
    for moment in (now, now + timedelta(hours=2), now + timedelta(hours=4)):
        assert rankings(updated, moment) == rankings(made, moment)
    if connection.vendor == "postgresql":  # updated in place: the deleted and moved keep their numbers
        assert len(updated.pks) == len(made.pks) + 2


def test_an_article_back_dated_among_the_others_makes_the_index_again(crowded_archive, make_article):
    kept = search_index.WordIndex(list(search_index.approved_rows()))
    make_article(title="Hội nghị chi bộ tháng trước", published_at=timezone.now() - timedelta(days=30))
    updated = search_index.brought_up_to_date(kept)
    made = search_index.WordIndex(list(search_index.approved_rows()))
    assert updated.pks == made.pks
    assert rankings(updated, timezone.now()) == rankings(made, timezone.now())


def start_hook():
    return runpy.run_path(str(settings.BASE_DIR / "gunicorn.conf.py"))["post_worker_init"]


class Worker:
    """What the hook uses of gunicorn's worker: it tells the arbiter it is alive."""

    def __init__(self):
        self.notified = 0

    def notify(self):
        self.notified += 1


def test_a_starting_worker_makes_the_index_and_the_newest_cards_before_the_first_search(
    reader, make_article, django_assert_num_queries, ward_identity
):
    """gunicorn's hook makes them: the first search then asks only for its cards' counts and the other
    types (tests/test_search.py), not for the index, nor for the rows and photos of its cards."""
    make_article(title="Hội nghị chi bộ")
    worker = Worker()
    start_hook()(worker=worker)
    assert worker.notified == 1  # between the index and the cards, each then within gunicorn's timeout
    with django_assert_num_queries(6):  # the counts, the four other types, the menu's sections
        assert titles(search(reader, "hoi nghi")) == ["Hội nghị chi bộ"]


@pytest.fixture(autouse=True)
def thawed():
    """The hook freezes the worker's objects out of the collector's full passes; the test process's
    are given back after each test."""
    yield
    gc.unfreeze()


def test_a_starting_worker_keeps_the_index_and_cards_out_of_the_collectors_full_passes(
    reader, make_article, ward_identity
):
    """A full collection walked every object the worker made at its start, the index's and the cards'
    too, and each held the worker's requests for about 90 ms."""
    article = make_article(title="Hội nghị chi bộ")
    start_hook()(worker=Worker())
    index = search_index.index_for(page_cache.generation())
    card = kept_cards._cards.get(article.pk).body
    assert not any(thing is index or thing is card for thing in gc.get_objects())
    assert titles(search(reader, "hoi nghi")) == ["Hội nghị chi bộ"]


def test_a_starting_worker_makes_only_the_newest_cards(
    reader, make_article, django_assert_num_queries, ward_identity, monkeypatch
):
    """Of the newest CARDS_WARMED published articles (news.kept_cards): an older one's card is made
    at the first search that shows it, with its row and its photos."""
    monkeypatch.setattr("news.kept_cards.CARDS_WARMED", 1)
    make_article(title="Hội nghị chi bộ tháng trước", published_at=timezone.now() - timedelta(days=30))
    make_article(title="Hội nghị chi bộ tháng này")
    start_hook()(worker=Worker())
    with django_assert_num_queries(8):  # as above, and the older one's row and photos
        found = titles(search(reader, "hoi nghi"))
    assert found == ["Hội nghị chi bộ tháng này", "Hội nghị chi bộ tháng trước"]


def test_a_worker_starts_when_the_index_cannot_be_made(reader, make_article, monkeypatch, caplog):
    make_article(title="Hội nghị chi bộ")

    def unreachable():
        raise OperationalError("the database is not up yet")

    monkeypatch.setattr(search_index, "approved_rows", unreachable)
    monkeypatch.setattr(kept_cards, "_made_for", lambda keys, generation: unreachable())
    start_hook()(worker=Worker())
    assert "search index not made at start" in caplog.text
    assert "search cards not made at start" in caplog.text
    monkeypatch.undo()
    assert titles(search(reader, "hoi nghi")) == ["Hội nghị chi bộ"]
