"""CKEditor in real Chromium speaks Vietnamese: its Format list, its image dialog, and an untouched draft
saved with "Lưu lại" leaves no "Đã thay đổi Nội dung." in the article's history.

CKEditor's own vi.js says "Heading 2" and "Bình thường (P)"; js/editor-vi.js names them from the
settings. The history test runs what CKEditor really sends (its entities, its source layout) back
through the form.
"""

import json

from django.contrib.admin.models import LogEntry
from django.urls import reverse

from news.models import Article
from tests.staff.people import EDITORS, PASSWORD, make_staff, restore_groups


def open_article_form(page, base, path=None):
    path = path or reverse("admin:news_article_add")
    restore_groups()
    make_staff("bien-tap", EDITORS)
    page.goto(f"{base}{reverse('admin:login')}?next={path}")
    page.fill("#id_username", "bien-tap")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_selector(".cke_wysiwyg_frame")


def test_the_format_list_and_the_image_dialog_read_vietnamese(desktop, live_server, screenshot):
    page = desktop
    open_article_form(page, live_server.url)
    page.click(".cke_combo__format a.cke_combo_button")
    entries = page.frame_locator(".cke_combopanel__format iframe").locator("a[title]")
    entries.first.wait_for()
    assert [entry.get_attribute("title") for entry in entries.all()] == [
        "Đoạn văn",
        "Tiêu đề 2",
        "Tiêu đề 3",
        "Tiêu đề 4",
    ]
    screenshot(page, "editor-format-list-vi")
    page.keyboard.press("Escape")

    page.click("a.cke_button__image")
    dialog = page.locator(".cke_dialog").first
    dialog.locator(".cke_dialog_contents").wait_for()
    text = dialog.inner_text()
    for label in ("Mô tả ảnh", "Chọn ảnh đã tải lên", "Liên kết", "Tải lên", "Hủy", "Đoạn văn mẫu"):
        assert label in text, label
    for english_or_odd in ("Tab liên kết", "Tab mở rộng", "Duyệt máy chủ", "Bỏ qua", "Lorem ipsum"):
        assert english_or_odd not in text, english_or_odd
    screenshot(page, "editor-image-dialog-vi")


def test_saving_an_untouched_draft_records_no_change_to_its_body(desktop, live_server, make_article):
    article = make_article(
        title="Hội nghị sơ kết",
        body="<p>Đoạn một và hai.</p><p>Hội nghị Đảng ủy phường.</p><ul><li>Ý một</li><li>Ý hai</li></ul>",
        status=Article.Status.DRAFT,
    )
    page = desktop
    open_article_form(page, live_server.url, reverse("admin:news_article_change", args=[article.pk]))
    page.click("input[name=_save]")
    page.wait_for_url(live_server.url + reverse("admin:news_article_changelist"))
    entry = LogEntry.objects.filter(object_id=str(article.pk)).latest("action_time")
    assert "Nội dung" not in entry.get_change_message()
    assert json.loads(entry.change_message) == []
