"""Restores and recoveries where the world moved on since the version was kept (found in review)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from news.models import Article, Category
from publishing.diff import word_diff

from .files import image_bytes, upload
from .posting import article_form


def url(name, *args):
    return reverse(f"admin:news_article_{name}", args=args)


@pytest.fixture
def saved(approver_client):
    """An article added in the admin, in a section, with one photo: one version."""
    section = Category.objects.create(name="Sẽ bị xóa")
    data = article_form(
        title="Bài gốc",
        category=str(section.pk),
        photos=[{"image": upload("a.jpg", image_bytes()), "caption": "Ảnh A"}],
    )
    assert approver_client.post(url("add"), data).status_code == 302
    return Article.objects.get(), section


def test_text_is_compared_as_typed_not_decoded_again():
    assert "&amp;lt;" in word_diff("Giá &lt; 5 triệu", "Giá &lt; 6 triệu")


def test_the_history_page_costs_the_same_queries_however_many_versions(approver_client, saved):
    article, _ = saved

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert approver_client.get(url("history", article.pk)).status_code == 200
        return len(queries)

    few = count()
    for n in range(5):
        data = article_form(title=f"Bài gốc {n}", published_at=article.published_at)
        approver_client.post(url("change", article.pk), data)
    assert count() == few
