"""What staff type is checked as it will be stored (NFC, no invisible characters), so the form says no."""

import unicodedata
from datetime import UTC, datetime

import pytest
from django.urls import reverse, reverse_lazy

from news.models import Article, ArticlePhoto, Category

from .files import image_bytes, upload
from .posting import article_form

CATEGORY_ADD = reverse_lazy("admin:news_category_add")


def test_a_section_name_typed_in_nfd_is_refused_as_taken_not_a_500(approver_client):
    """The unique check compared the NFD name with the stored NFC one, so the save hit the database."""
    Category.objects.create(name="Tin tức")
    data = {"name": unicodedata.normalize("NFD", "Tin tức"), "slug": "", "order": "0"}
    response = approver_client.post(CATEGORY_ADD, data)
    assert response.status_code == 200
    assert "đã tồn tại" in response.content.decode()
    assert Category.objects.count() == 1


@pytest.mark.parametrize("typed", ["văn hóa", "VĂN HÓA", "Văn hoá", "Van hoa"])
def test_a_section_name_differing_only_in_case_or_marks_is_refused(approver_client, typed):
    Category.objects.create(name="Văn hóa")
    data = {"name": typed, "slug": "", "order": "0"}
    page = approver_client.post(CATEGORY_ADD, data).content.decode()
    assert "Đã có chuyên mục “Văn hóa”, chỉ khác chữ hoa hoặc dấu." in page
    assert list(Category.objects.values_list("name", flat=True)) == ["Văn hóa"]


def test_a_section_keeps_its_name_when_saved_again_and_may_fix_its_own_case(approver_client):
    section = Category.objects.create(name="văn hóa")
    Category.objects.create(name="Thể thao")
    change = reverse("admin:news_category_change", args=[section.pk])
    assert (
        approver_client.post(change, {"name": "Văn hóa", "slug": section.slug, "order": "0"}).status_code
        == 302
    )
    section.refresh_from_db()
    assert section.name == "Văn hóa"


def test_a_new_section_name_in_nfd_is_stored_nfc(approver_client):
    data = {"name": unicodedata.normalize("NFD", "Văn hóa xã hội"), "slug": "", "order": "0"}
    assert approver_client.post(CATEGORY_ADD, data).status_code == 302
    section = Category.objects.get()
    assert section.name == "Văn hóa xã hội"
    assert section.slug == "van-hoa-xa-hoi"


def test_a_body_typed_in_composite_unicode_is_stored_nfc_through_the_form(editor_client):
    """CKEditor sends what Unikey's "Unicode tổ hợp" typed as an entity and a combining mark."""
    body = "<p>H&ocirc;\u0323i nghi\u0323 &#273;a\u0309ng u\u0309y ph&#432;&#417;\u0300ng</p>"
    assert editor_client.post(reverse("admin:news_article_add"), article_form(body=body)).status_code == 302
    stored = Article.objects.get().body
    assert stored == "<p>Hội nghị đảng ủy phường</p>"
    assert unicodedata.is_normalized("NFC", stored)


def test_a_title_of_only_invisible_characters_is_required_not_saved_empty(editor_client):
    response = editor_client.post(reverse("admin:news_article_add"), article_form(title="\u200b\ufeff\u200b"))
    assert response.status_code == 200
    assert "Trường này là bắt buộc." in response.content.decode()
    assert not Article.objects.exists()


def test_a_nul_byte_in_a_title_is_dropped_as_on_save_without_an_english_message(editor_client):
    response = editor_client.post(
        reverse("admin:news_article_add"),
        article_form(
            title="Hội nghị\x00 Đảng ủy",
            summary="Tóm\x00 tắt",
            photos=[{"image": upload("a.jpg", image_bytes()), "caption": "Quang\x00 cảnh", "order": 0}],
        ),
    )
    assert "Null characters" not in response.content.decode()
    assert response.status_code == 302
    article = Article.objects.get()
    assert (article.title, article.summary) == ("Hội nghị Đảng ủy", "Tóm tắt")
    assert ArticlePhoto.objects.get().caption == "Quang cảnh"


@pytest.mark.parametrize(
    ("day", "time"), [("01/01/0001", "00:00:00"), ("01/01/0001", "06:59:59"), ("25/11/2206", "08:00")]
)
def test_a_publication_year_out_of_reach_is_a_form_error(approver_client, day, time):
    """Year 1 was a 500 on SQLite and, on PostgreSQL, an article no page could read back."""
    data = {**article_form(status="published"), "published_at_0": day, "published_at_1": time}
    response = approver_client.post(reverse("admin:news_article_add"), data)
    assert response.status_code == 200
    assert "Năm đăng phải từ 1900 đến 2099" in response.content.decode()
    assert not Article.objects.exists()


def test_a_form_sent_with_mistakes_says_so_in_vietnamese(editor_client):
    """Django's Vietnamese lacks the plural banner and the title prefix: staff read "Please correct…"."""
    page = editor_client.post(reverse("admin:news_article_add"), article_form(title="")).content.decode()
    assert "Xin sửa những chỗ báo lỗi bên dưới" in page
    assert "<title>Có lỗi:" in page
    assert "Please correct" not in page
    assert "Error:" not in page


def test_the_admin_shows_dates_dd_mm_yyyy_in_ha_noi_time(approver_client, make_article):
    """Read-only times and the history read "20:02 Ngày 25 tháng 11 năm 2026", Django's Vietnamese."""
    article = make_article(status="draft")
    Article.objects.filter(pk=article.pk).update(created_at=datetime(2026, 11, 24, 17, 5, tzinfo=UTC))
    page = approver_client.get(reverse("admin:news_article_change", args=[article.pk])).content.decode()
    assert '<div class="readonly">25/11/2026 00:05</div>' in page  # 17:05 UTC is 00:05 the next day
    assert "Ngày" not in page.split('class="readonly"', 1)[1].split("</div>", 1)[0]


def test_a_slug_with_diacritics_is_refused_in_vietnamese(editor_client):
    page = editor_client.post(
        reverse("admin:news_article_add"), article_form(slug="hội-nghị")
    ).content.decode()
    assert "Đường dẫn chỉ gồm chữ không dấu, số và dấu gạch ngang" in page
    assert "Enter a valid" not in page
    assert not Article.objects.exists()


def test_images_pasted_from_word_are_dropped_and_the_editor_is_told(editor_client):
    body = (
        "<p>Đoạn một.</p>"
        '<p><img src="file:///C:/Users/vanphong/AppData/Local/Temp/msohtmlclip1/01/clip_image002.jpg"></p>'
        '<p><img src="data:image/png;base64,iVBORw0KGgo="></p>'
        '<p><img src="/media/bai-viet/2026/11/anh-da-tai-len.jpg" alt="Ảnh đã tải lên"></p>'
    )
    response = editor_client.post(reverse("admin:news_article_add"), article_form(body=body), follow=True)
    article = Article.objects.get()
    assert article.body.count("<img") == 1
    assert "anh-da-tai-len.jpg" in article.body
    page = response.content.decode()
    assert "2 ảnh dán thẳng vào nội dung (từ Word hoặc từ máy tính) không được giữ lại" in page


def test_a_body_whose_images_all_stay_gets_no_warning_about_pasted_images(editor_client):
    body = '<p>Đoạn một.</p><p><img src="/media/bai-viet/2026/11/anh.jpg" alt="Ảnh"></p>'
    page = editor_client.post(
        reverse("admin:news_article_add"), article_form(body=body), follow=True
    ).content.decode()
    assert Article.objects.get().body.count("<img") == 1
    assert "không được giữ lại" not in page
