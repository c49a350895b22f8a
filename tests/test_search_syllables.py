"""PostgreSQL: the search walks a position-less copy of each article's words, kept in its row.

The word vector with positions (search_words) is 3–4 KB an article and stored out of line, so a common
query, which checks the newest articles one by one until 1,000 match, read it from the TOAST table for
each (docs/SEARCH.md, docs/PERFORMANCE.md). These check the copy it walks now: made by PostgreSQL from
the search text on every write, without positions, kept in the row, indexed, and what the page uses.
"""

import pytest
from django.db import connection

from news.models import Article
from news.search import SYLLABLES, _newest_matches

from .test_search import search, titles

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the word vectors exist on PostgreSQL only"),
]


def test_the_syllables_are_the_search_words_without_positions_remade_on_every_write(db, make_article):
    article = make_article(title="Đảng ủy phường")
    Article.objects.filter(pk=article.pk).update(search_text=" hien mau tinh nguyen hien mau ")
    with connection.cursor() as cursor:
        cursor.execute("SELECT search_syllables::text FROM news_article WHERE id = %s", [article.pk])
        assert cursor.fetchone() == ("'hien' 'mau' 'nguyen' 'tinh'",)


def test_the_syllables_are_kept_in_the_row_and_have_their_own_index(db):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attstorage FROM pg_attribute WHERE attrelid = 'news_article'::regclass AND attname = %s",
            [SYLLABLES],
        )
        # 'm' (MAIN): compressed if need be, moved out of the row only when nothing else can be.
        assert cursor.fetchone() == ("m",)
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'article_search_syllables'")
        (definition,) = cursor.fetchone()
    assert "gin (search_syllables)" in definition.lower()


def test_the_search_page_walks_the_syllables_and_finds_by_them(reader, make_article):
    for n in range(50):
        make_article(title=f"Tin số {n}")
    make_article(title="Hiến máu tình nguyện", body="<p>" + "Đoàn viên phường tham gia. " * 150 + "</p>")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = _newest_matches(Article.objects.published(), ["hien", "mau"]).explain()
    assert "search_syllables" in plan and "search_words" not in plan
    assert titles(search(reader, "hien mau")) == ["Hiến máu tình nguyện"]
