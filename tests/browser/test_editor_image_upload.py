"""CKEditor's own image dialog, in real Chromium, against our uploader: a photo goes in, a fake is refused
with our Vietnamese message in the browser's alert."""

import re

from django.urls import reverse

from news.images import MESSAGE_NOT_IMAGE
from tests.staff.files import image_bytes
from tests.staff.people import EDITORS, PASSWORD, make_staff, restore_groups

from .portal_content import loaded_width


def open_upload_tab(page):
    page.click("a.cke_button__image")
    page.click("a.cke_dialog_tab:has-text('Tải lên')")
    return page.frame_locator("iframe.cke_dialog_ui_input_file").locator("input[type=file]")


def test_an_image_uploaded_in_the_editor_lands_in_the_body(desktop, live_server, tmp_path, media_root):
    restore_groups()
    make_staff("bien-tap", EDITORS)
    page = desktop
    # The form upload's answer runs by a nonce, the editor's page by the editor's policy: nothing the
    # policies refuse may be needed (portal/security.py).
    refused = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(f"{live_server.url}{reverse('admin:login')}?next={reverse('admin:news_article_add')}")
    page.fill("#id_username", "bien-tap")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_selector(".cke_wysiwyg_frame")

    fake = tmp_path / "anh-gia.jpg"
    fake.write_text("không phải ảnh")
    alerts = []

    def on_dialog(dialog):
        alerts.append(dialog.message)
        dialog.accept()

    page.on("dialog", on_dialog)
    open_upload_tab(page).set_input_files(str(fake))
    # The refusal arrives as an alert() once the upload's answer is in.
    with page.expect_event("dialog"):
        page.click("a.cke_dialog_ui_button:has-text('Tải lên máy chủ')")
    assert alerts == [MESSAGE_NOT_IMAGE]
    assert not (media_root / "uploads").exists()
    page.click("a.cke_dialog_ui_button_cancel")

    photo = tmp_path / "anh-that.jpg"
    photo.write_bytes(image_bytes((2400, 1600)))
    open_upload_tab(page).set_input_files(str(photo))
    page.click("a.cke_dialog_ui_button:has-text('Tải lên máy chủ')")
    url_field = page.locator(".cke_dialog_contents input.cke_dialog_ui_input_text").first
    page.wait_for_function(
        "el => el.value.startsWith('/media/uploads/')", arg=url_field.element_handle(), timeout=10_000
    )
    url = url_field.input_value()
    assert re.fullmatch(r"/media/uploads/\d{4}/\d{2}/[0-9a-f]{32}\.jpg", url), url
    page.click("a.cke_dialog_ui_button_ok")
    image = page.frame_locator(".cke_wysiwyg_frame").locator(f"img[src='{url}']")
    # The editor inserts the <img> at once; the picture itself may still be on its way.
    assert loaded_width(image) == 2000
    assert refused == [], refused
