"""Teasers (what a list entry says of an article) are made on save and stored, not made per request."""

import importlib
import re

from django.apps import apps

from news.models import Article
from news.teasers import TEASER_WORDS

LONG_BODY = "<p>" + " ".join(f"từ{n}" for n in range(1, 101)) + "</p>"
OPENING = " ".join(f"từ{n}" for n in range(1, TEASER_WORDS + 1)) + "…"


def card_summaries(html):
    return re.findall(r'<p class="(?:card|featured)-summary">([^<]*)</p>', html)


def test_save_stores_the_summary_else_the_bodys_opening_words(make_article):
    with_summary = make_article(summary="Tóm tắt do biên tập viên viết.", body=LONG_BODY)
    without = make_article(summary="", body=LONG_BODY)
    with_summary.refresh_from_db()
    without.refresh_from_db()
    assert with_summary.teaser == "Tóm tắt do biên tập viên viết."
    assert without.teaser == OPENING
    # Edited and saved again: the stored words follow.
    without.summary = "Sapo mới."
    without.save()
    without.refresh_from_db()
    assert without.teaser == "Sapo mới."


def test_a_list_shows_the_stored_teaser_without_reading_the_body(reader, make_article):
    """The list's query leaves the body out: only the stored words can reach the page."""
    article = make_article(summary="", body=LONG_BODY)
    Article.objects.filter(pk=article.pk).update(teaser="Lời dẫn đã lưu.")
    html = reader.get("/").content.decode()
    assert card_summaries(html) == ["Lời dẫn đã lưu."]


def test_rows_written_around_save_still_show_their_words(
    reader, make_article, category, django_assert_num_queries, ward_identity
):
    """update() and bulk_create skip save(), so their rows have no teaser: the list makes the words
    from the row as it is, in the list's own queries, rather than showing nothing."""
    saved = make_article(category=category)
    Article.objects.bulk_create(
        [
            Article(
                title=f"Bài nhập {n}",
                slug=f"bai-nhap-{n}",
                summary="",
                body=LONG_BODY,
                status=Article.Status.PUBLISHED,
                published_at=saved.published_at,
                category=category,
            )
            for n in range(3)
        ]
    )
    Article.objects.filter(pk=saved.pk).update(summary="Sapo sửa bằng update().", teaser="")
    with django_assert_num_queries(7):  # as many as for saved rows (tests/test_category_page.py)
        html = reader.get(category.get_absolute_url()).content.decode()
    assert sorted(card_summaries(html)) == sorted([OPENING] * 3 + ["Sapo sửa bằng update()."])
    feed = reader.get("/rss/").content.decode()
    assert feed.count(OPENING) == 3


def test_the_migration_fills_the_teasers_of_articles_written_before(make_article):
    article = make_article(summary="", body=LONG_BODY)
    Article.objects.filter(pk=article.pk).update(teaser="")
    migration = importlib.import_module("news.migrations.0013_stored_teasers")
    migration.fill_teasers(apps, schema_editor=None)
    article.refresh_from_db()
    assert article.teaser == OPENING
