"""Ward staff publish from a phone: the admin at 360 px with touch, in real Chromium.

Staff take the photos on their phone and may write and publish there too. Every control the workflow
needs must be on the screen without scrolling the page (or a table in it) sideways, and what the form
says about a field must be readable without a mouse to hover over a tooltip.
"""

import re

import pytest
from django.urls import reverse

from news.models import Article
from tests.staff.people import APPROVERS, EDITORS, PASSWORD, make_staff, restore_groups

from .conftest import PHONE, _page
from .portal_content import write_photos
from .test_staff_publishing import CAPTIONS, PARAGRAPHS, TITLE

PHOTO_FIELDS = ("image", "caption", "position")


@pytest.fixture
def photos(tmp_path):
    """Two photos as a phone takes them, upright 3:4."""
    return write_photos(tmp_path, (1200, 1600), "anh-dien-thoai")


def assert_no_sideways_scroll(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} is {width} px wide on a {PHONE['width']} px phone"


def assert_on_screen(locator):
    """Visible and inside the phone's width: not cut off, not behind a table's sideways scroll.

    Only the page's own vertical scroll is used to reach it: Playwright's scroll_into_view would also
    scroll a wide table sideways, which a member of staff does not know to do.
    """
    locator.wait_for()
    locator.evaluate("el => window.scrollBy(0, el.getBoundingClientRect().top - innerHeight / 3)")
    assert locator.is_visible()
    box = locator.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], (locator, box)
    scrolled = locator.evaluate(
        "el => { const s = []; for (let p = el.parentElement; p; p = p.parentElement)"
        " if (p.scrollLeft) s.push(p.tagName + '.' + p.className); return s; }"
    )
    assert scrolled == [], f"{locator} is reached only by scrolling {scrolled} sideways"


def tap(locator):
    assert_on_screen(locator)
    locator.tap()


def log_in(page, base, username):
    page.goto(base + reverse("admin:index"))
    assert_no_sideways_scroll(page)
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    tap(page.locator("input[type=submit]"))
    page.wait_for_url(base + reverse("admin:index"))
    assert_no_sideways_scroll(page)


def test_an_editor_writes_and_an_approver_publishes_on_a_phone(
    browser, phone, live_server, screenshot, photos
):
    restore_groups()
    make_staff("bien-tap", EDITORS)
    make_staff("duyet-tin", APPROVERS)
    base = live_server.url

    page = phone
    log_in(page, base, "bien-tap")
    page.goto(base + reverse("admin:news_article_add"))
    page.wait_for_selector(".cke_wysiwyg_frame")
    assert_no_sideways_scroll(page)
    for field in ("#id_title", "#id_summary", "#id_category", "#id_status"):
        assert_on_screen(page.locator(field))
    page.fill("#id_title", TITLE)
    page.fill("#id_summary", "Đảng ủy phường sơ kết công tác xây dựng Đảng.")

    # CKEditor's toolbar wraps within the screen, and the body takes typing after a tap.
    for button in ("Format", "Bold", "BulletedList", "Link", "Image", "Table", "Maximize"):
        assert_on_screen(page.locator(f".cke_button__{button.lower()}, .cke_combo__{button.lower()}").first)
    body = page.frame_locator(".cke_wysiwyg_frame").locator("body")
    assert_on_screen(page.locator(".cke_wysiwyg_frame"))
    body.tap()
    for n, paragraph in enumerate(PARAGRAPHS):
        if n:
            page.keyboard.press("Enter")
        page.keyboard.type(paragraph)

    # Each photo row: every field on the screen, with what "vị trí trong bài" means written out.
    for row, (path, caption) in enumerate(zip(photos, CAPTIONS, strict=True)):
        for field in PHOTO_FIELDS:
            assert_on_screen(page.locator(f"#id_photos-{row}-{field}"))
        page.set_input_files(f"#id_photos-{row}-image", str(path))
        page.locator(f"#id_photos-{row}-caption").tap()
        page.fill(f"#id_photos-{row}-caption", caption)
        page.select_option(f"#id_photos-{row}-position", str(row + 1))
    help_text = page.locator("#photos-group").get_by_text("Ảnh hiện ngay sau đoạn bạn chọn").first
    assert_on_screen(help_text)
    assert_no_sideways_scroll(page)
    screenshot(page, "admin-phone-article-form")

    tap(page.locator("input[name=_continue]"))
    page.wait_for_selector(".messagelist .success")
    assert "được thêm vào thành công" in page.locator(".messagelist").inner_text()
    assert_no_sideways_scroll(page)
    article = Article.objects.get()
    assert article.status == Article.Status.DRAFT
    assert [p.strip() for p in re.findall(r"<p>(.*?)</p>", article.body)] == PARAGRAPHS
    assert list(article.photos.values_list("caption", "position")) == [(CAPTIONS[0], 1), (CAPTIONS[1], 2)]
    for row in range(2):
        assert_on_screen(page.locator(f"#photos-{row} img.photo-thumb"))
    screenshot(page, "admin-phone-saved-draft")

    # The draft, previewed at its public address from the form's "Xem trên trang web".
    preview = page.get_by_role("link", name=re.compile("Xem trên trang web", re.IGNORECASE)).last
    tap(preview)
    page.wait_for_url(f"**{article.get_absolute_url()}")
    assert "Bản xem trước" in page.locator(".preview-banner").inner_text()
    assert_no_sideways_scroll(page)
    screenshot(page, "admin-phone-preview")

    # An approver, on another phone, publishes it from the form.
    context, approver = _page(browser, PHONE, is_mobile=True, has_touch=True, device_scale_factor=1)
    log_in(approver, base, "duyet-tin")
    approver.goto(base + reverse("admin:news_article_change", args=[article.pk]))
    assert_no_sideways_scroll(approver)
    assert_on_screen(approver.locator("#id_status"))
    approver.select_option("#id_status", Article.Status.PUBLISHED)
    tap(approver.locator("input[name=_save]"))
    approver.wait_for_selector(".messagelist .success")
    assert "đã được thay đổi thành công" in approver.locator(".messagelist").inner_text()
    assert_no_sideways_scroll(approver)
    screenshot(approver, "admin-phone-after-publish")
    context.close()
    article.refresh_from_db()
    assert article.is_public
