"""What an article becomes when saved, whichever path it came by."""

import unicodedata
from datetime import timedelta

from django.utils import timezone

from news.models import Article, Category
from news.view_log import add_views


def test_slug_is_made_from_the_title_and_kept_unique(make_article):
    first = make_article(title="Hội nghị Đảng ủy")
    second = make_article(title="Hội nghị Đảng ủy")
    assert first.slug == "hoi-nghi-dang-uy"
    assert second.slug == "hoi-nghi-dang-uy-2"
    assert first.get_absolute_url() == "/tin-tuc/hoi-nghi-dang-uy/"


def test_a_slug_given_by_staff_is_kept(make_article):
    assert make_article(title="Tin", slug="tin-rieng").slug == "tin-rieng"


def test_title_summary_and_body_are_stored_nfc(make_article):
    article = make_article(
        title=unicodedata.normalize("NFD", "Hội nghị"),
        summary=unicodedata.normalize("NFD", "Tóm tắt"),
        body=unicodedata.normalize("NFD", "<p>Đảng ủy</p>"),
    )
    article.refresh_from_db()
    for text in (article.title, article.summary, article.body):
        assert unicodedata.is_normalized("NFC", text)
    assert article.title == "Hội nghị"


def test_a_body_typed_in_composite_unicode_and_sent_as_entities_is_stored_nfc(make_article):
    """Unikey's "Unicode tổ hợp" via CKEditor: "H&ocirc;̣i" was stored as ô plus a combining dot."""
    article = make_article(body="<p>H&ocirc;\u0323i ngh&#x1ecb; v&agrave; Đa\u0309ng u\u0309y</p>")
    article.refresh_from_db()
    assert article.body == "<p>Hội nghị và Đảng ủy</p>"
    assert unicodedata.is_normalized("NFC", article.body)


def test_body_is_sanitized_on_save(make_article):
    article = make_article(
        body='<p onclick="x()">An <b style="font-family:Calibri">toàn</b></p>'
        '<script>alert(1)</script><a href="javascript:alert(1)">x</a><a href="https://a.vn">ngoài</a>'
    )
    article.refresh_from_db()
    assert "script" not in article.body
    assert "onclick" not in article.body
    assert "style" not in article.body
    assert "javascript" not in article.body
    assert '<a href="https://a.vn" rel="noopener noreferrer">ngoài</a>' in article.body


def test_published_hides_drafts_and_scheduled(make_article):
    public = make_article()
    make_article(status=Article.Status.DRAFT)
    make_article(published_at=timezone.now() + timedelta(days=1))
    assert list(Article.objects.published()) == [public]


def test_a_counted_view_is_an_atomic_database_increment(make_article):
    article = make_article()
    stale = Article.objects.get(pk=article.pk)  # a second copy that never sees the first increment
    add_views({(article.pk, timezone.localdate()): 1})
    add_views({(stale.pk, timezone.localdate()): 1})
    article.refresh_from_db()
    assert article.view_count == 2


def test_a_photo_stored_without_processing_gets_cleaned_and_a_thumbnail(make_article, reader):
    """An import that saves the file directly must not leave a list page without its thumbnail."""
    from django.core.files.base import ContentFile

    from news.models import ArticlePhoto

    from .staff.files import image_bytes

    article = make_article()
    photo = ArticlePhoto(article=article, caption="Ảnh nhập")
    photo.image.save("nhap.jpg", ContentFile(image_bytes(size=(3000, 1000))), save=True)
    photo.refresh_from_db()
    assert photo.thumbnail
    assert (photo.width, photo.height) == (2000, 667)
    assert photo.thumbnail_url in reader.get("/").content.decode()


def test_a_slug_with_marks_set_by_an_import_becomes_its_plain_form_and_the_pages_still_link(reader, db):
    """The admin's form refuses "hội-nghị"; an import or the shell did not, and every list then failed."""
    section = Category.objects.create(name="Văn hóa", slug="văn-hóa")
    article = Article.objects.create(
        title="Hội nghị", slug="hội-nghị", status=Article.Status.PUBLISHED, category=section
    )
    Article.objects.create(title="Bài khác", slug="hoi-nghi-dang-uy", status=Article.Status.PUBLISHED)
    assert (section.slug, article.slug) == ("van-hoa", "hoi-nghi")
    taken = Article.objects.create(title="Trùng", slug="Hội nghị Đảng ủy", status=Article.Status.PUBLISHED)
    assert taken.slug == "hoi-nghi-dang-uy-2"
    page = reader.get("/").content.decode()
    assert 'href="/tin-tuc/hoi-nghi/"' in page
    assert 'href="/chuyen-muc/van-hoa/"' in page
