"""Staff see a body written around Article.save() sanitized too: the preview and the read-only form."""

from django.urls import reverse

from news.models import Article

from ..test_rows_written_around_save import assert_harmless, written_by_update


def test_a_staff_preview_of_an_updated_draft_is_sanitized(editor_client, make_article):
    draft = written_by_update(make_article(status=Article.Status.DRAFT))
    page = editor_client.get(draft.get_absolute_url()).content.decode()
    assert "Bản xem trước" in page and "Đoạn đầu của bài." in page
    assert_harmless(page)


def test_the_admins_read_only_view_of_a_published_article_is_sanitized(editor_client, make_article):
    """An editor opening a published article gets the body as the page shows it, never run as given."""
    article = written_by_update(make_article())
    page = editor_client.get(reverse("admin:news_article_change", args=[article.pk])).content.decode()
    assert 'class="body-preview"' in page
    assert "Đoạn đầu của bài." in page
    assert_harmless(page)
