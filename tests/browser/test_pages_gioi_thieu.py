"""Giới thiệu in Chromium at a phone's 360 px and a desktop's 1280 px: axe finds nothing serious, the
people cards fit the screen, and the screenshots are saved for a look (test-artifacts/screenshots/)."""

import pytest

from news.management.commands.load_demo import demo_photo
from pages.demo_content import load
from pages.models import Page

from . import test_residents_accessibility as accessibility
from .conftest import DESKTOP, PHONE

axe_page = accessibility.axe_page  # the fixture: a page that bypasses CSP, so axe can be injected

PAGES = {
    "index": "/gioi-thieu/",
    "committee": "/gioi-thieu/ban-chap-hanh-dang-bo/",
    "nested": "/gioi-thieu/ban-chap-hanh-dang-bo/ban-thuong-vu/",
    "history": "/gioi-thieu/lich-su-phuong/",
    "not-found": "/gioi-thieu/ban-chap-hanh-dang-bo/khong-co/",
}


@pytest.mark.parametrize("axe_page", [PHONE, DESKTOP], ids=["360x800", "1280x900"], indirect=True)
def test_gioi_thieu_pages_pass_axe_and_fit_the_screen(axe_page, live_server, screenshot):
    assert load(demo_photo) == 5
    width = axe_page.viewport_size["width"]
    found = {}
    for name, path in PAGES.items():
        axe_page.goto(live_server.url + path)
        violations = accessibility.serious_violations(axe_page)
        if violations:
            found[name] = violations
        # Nothing wider than the screen: no sideways scrolling on a phone.
        assert axe_page.evaluate("document.documentElement.scrollWidth") <= width, name
        if name == "index":
            # News lists hide their summaries on phones; a page's opening words stay.
            assert axe_page.locator(".page-teaser").first.is_visible()
        screenshot(axe_page, f"pages-{name}-{width}")
    assert found == {}


def test_people_cards_show_published_contacts_as_links_on_a_phone(phone, live_server, screenshot):
    load(demo_photo)
    board = Page.objects.get(slug="ban-chap-hanh-dang-bo")
    phone.goto(live_server.url + board.get_absolute_url())
    cards = phone.locator(".person-card")
    assert cards.count() == board.people.count()
    first = cards.first
    assert first.get_by_role("heading", level=3).inner_text() == "Nguyễn Văn Thành"
    assert first.get_by_role("link", name="024 0000 0101").get_attribute("href") == "tel:02400000101"
    # Lazy: loaded as it nears the screen, which the first card is.
    phone.wait_for_function(
        "() => { const img = document.querySelector('.person-card img');"
        " return img && img.naturalWidth > 0; }"
    )
    # Cards one under another at 360 px, each as wide as the column.
    boxes = [cards.nth(i).bounding_box() for i in range(2)]
    assert boxes[1]["y"] > boxes[0]["y"] and abs(boxes[1]["x"] - boxes[0]["x"]) < 1
    crumbs = phone.get_by_role("navigation", name="Đường dẫn")
    # The way here, not this page again: its headline is right below (docs/SITE.md).
    assert crumbs.get_by_role("link").all_inner_texts() == ["Trang chủ", "Giới thiệu"]
    screenshot(phone, "pages-committee-cards-phone")


def test_printing_a_page_keeps_its_text_and_people_and_drops_navigation(desktop, live_server, screenshot):
    load(demo_photo)
    board = Page.objects.get(slug="ban-chap-hanh-dang-bo")
    desktop.goto(live_server.url + board.get_absolute_url())
    assert desktop.locator(".print-button").is_visible()  # shown by site.js
    desktop.emulate_media(media="print")
    for hidden in (".site-nav", ".search-form", ".breadcrumbs", ".article-tools", ".page-children"):
        assert not desktop.locator(hidden).is_visible(), hidden
    assert desktop.get_by_role("heading", name="Ban Chấp hành Đảng bộ", level=1).is_visible()
    assert desktop.locator(".person-card").first.is_visible()
    assert desktop.get_by_text("Nguyễn Văn Thành").is_visible()
    screenshot(desktop, "pages-committee-print")
