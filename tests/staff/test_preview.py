"""Staff preview drafts and scheduled articles at their own public address; the public gets 404."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from news.models import Article

from ..conftest import BROWSER_AGENT

BANNER = "Bản xem trước"


@pytest.fixture(params=["draft", "scheduled"])
def unpublished(request, make_article):
    if request.param == "draft":
        return make_article(status=Article.Status.DRAFT)
    return make_article(published_at=timezone.now() + timedelta(days=2))


def test_staff_preview_with_the_public_layout_and_a_banner(editor_client, unpublished, make_photo):
    make_photo(unpublished, caption="Ảnh xem trước")
    editor_client.defaults["HTTP_USER_AGENT"] = BROWSER_AGENT
    response = editor_client.get(unpublished.get_absolute_url())
    assert response.status_code == 200
    page = response.content.decode()
    assert BANNER in page
    assert unpublished.title in page and "Ảnh xem trước" in page
    assert 'class="site-header"' in page  # the public layout, not the admin's
    assert '<meta name="robots" content="noindex">' in page
    unpublished.refresh_from_db()
    assert unpublished.view_count == 0


def test_the_public_gets_404(reader, unpublished):
    assert reader.get(unpublished.get_absolute_url()).status_code == 404


def test_a_published_article_has_no_banner_for_staff(editor_client, make_article):
    article = make_article()
    response = editor_client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert BANNER not in response.content.decode()


def test_the_form_links_to_the_preview(editor_client, unpublished):
    page = editor_client.get(reverse("admin:news_article_change", args=[unpublished.pk])).content.decode()
    assert "Xem trên trang web" in page


def test_staff_reading_an_article_have_a_link_to_its_form_and_residents_do_not(editor_client, make_article):
    article = make_article()
    edit = f'href="{reverse("admin:news_article_change", args=[article.pk])}"'
    page = editor_client.get(article.get_absolute_url()).content.decode()
    assert edit in page and "Sửa bài này trong trang quản trị" in page
    editor_client.logout()
    response = editor_client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert edit not in response.content.decode()
