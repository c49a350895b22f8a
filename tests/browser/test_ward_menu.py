"""The main menu in real Chromium: on a 360 px phone it opens from a button (and, without JavaScript,
from a link), one entry per line; at 1280 px it is one row. Liên hệ and Tin tức as residents see them."""

import pytest

from .conftest import DESKTOP, PHONE, new_context
from .portal_content import populate


def menu_entries(page):
    return page.locator("#danh-muc li a")


def one_line_each(page):
    """Every entry's text on one line: its box no taller than one line of its own text."""
    return page.evaluate(
        """() => [...document.querySelectorAll('#danh-muc li a')].every(a => {
            const range = document.createRange(); range.selectNodeContents(a);
            return range.getClientRects().length === 1;
        })"""
    )


def test_on_a_phone_the_menu_opens_from_its_button(phone, live_server, make_article, make_photo, screenshot):
    populate(make_article, make_photo)
    phone.goto(live_server.url + "/lien-he/")
    button = phone.get_by_role("button", name="Danh mục")
    assert button.is_visible()
    assert button.get_attribute("aria-expanded") == "false"
    assert not phone.locator("#danh-muc").is_visible()
    screenshot(phone, "ward-menu-closed-360")
    button.click()
    assert button.get_attribute("aria-expanded") == "true"
    assert phone.locator("#danh-muc").is_visible()
    labels = [a.inner_text().strip() for a in menu_entries(phone).all()]
    assert labels == ["Giới thiệu", "Tin tức", "Thông báo", "Văn bản", "Lịch công tác", "Hỏi đáp", "Liên hệ"]
    assert menu_entries(phone).filter(has_text="Liên hệ").get_attribute("aria-current") == "page"
    assert one_line_each(phone)
    assert phone.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    screenshot(phone, "ward-menu-open-360")
    phone.keyboard.press("Escape")
    assert not phone.locator("#danh-muc").is_visible()
    assert button.get_attribute("aria-expanded") == "false"


def test_without_javascript_the_menu_opens_from_a_link(browser, live_server, db):
    context = new_context(browser, PHONE, java_script_enabled=False, is_mobile=True)
    page = context.new_page()
    page.goto(live_server.url + "/")
    assert not page.locator("#danh-muc").is_visible()
    page.get_by_role("link", name="Danh mục").click()
    assert page.locator("#danh-muc").is_visible()
    assert page.get_by_role("link", name="Tin tức", exact=True).is_visible()
    page.get_by_role("link", name="Đóng danh mục").click()
    assert not page.locator("#danh-muc").is_visible()
    context.close()


def test_on_a_desktop_the_menu_is_one_row_and_needs_no_button(
    desktop, live_server, make_article, make_photo, screenshot
):
    populate(make_article, make_photo)
    desktop.goto(live_server.url + "/tin-tuc/")
    assert not desktop.locator(".menu-toggle").first.is_visible()
    assert not desktop.get_by_role("button", name="Danh mục").is_visible()
    tops = {round(a.bounding_box()["y"]) for a in menu_entries(desktop).all()}
    assert len(tops) == 1
    assert menu_entries(desktop).filter(has_text="Tin tức").get_attribute("aria-current") == "page"
    assert desktop.get_by_role("navigation", name="Tin theo chuyên mục").is_visible()
    screenshot(desktop, "ward-all-news-1280")


@pytest.mark.parametrize(("viewport", "size"), [(PHONE, "360"), (DESKTOP, "1280")])
def test_contact_page_and_its_footer(browser, live_server, db, screenshot, viewport, size):
    from ward import demo

    demo.load()
    context = new_context(browser, viewport)
    page = context.new_page()
    page.goto(live_server.url + "/lien-he/")
    assert page.get_by_role("heading", name="Lịch tiếp công dân").is_visible()
    phone_link = page.locator("main a[href^='tel:']")
    assert phone_link.get_attribute("href") == "tel:02400000000"
    assert page.locator("main a[href^='mailto:']").is_visible()
    footer_links = page.get_by_role("navigation", name="Liên kết")
    assert footer_links.get_by_role("link", name="Cổng Dịch vụ công quốc gia (trang ngoài)").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    screenshot(page, f"ward-contact-{size}")
    page.emulate_media(media="print")
    assert not page.locator("#danh-muc").is_visible()
    assert not footer_links.is_visible()
    assert page.get_by_role("heading", name="Lịch tiếp công dân").is_visible()
    context.close()
