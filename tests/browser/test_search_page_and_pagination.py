"""The search page on a phone: one search box, the results near the top, one sentence for what was
found; and the pagination row of every list, which fits a 360 px phone."""

import pytest

from news.models import Category

from . import test_residents_accessibility as accessibility
from .conftest import DESKTOP, PHONE
from .portal_content import load_all_images, populate

axe_page = accessibility.axe_page  # the fixture: a page that bypasses CSP, so axe can be injected


def top_of(page, selector):
    return page.locator(selector).first.evaluate("e => e.getBoundingClientRect().top")


def fits_the_width(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_results_start_high_under_one_search_box(
    phone, desktop, live_server, make_article, make_photo, screenshot
):
    populate(make_article, make_photo)
    for page, name in ((phone, "360"), (desktop, "1280")):
        page.goto(live_server.url + "/tim-kiem/?q=hoi+nghi")
        assert page.locator('form[role="search"]').count() == 1
        assert page.locator("#q-page").input_value() == "hoi nghi"
        # Under two boxes a phone's first result started 460 px down.
        assert top_of(page, ".card") < 300, name
        assert page.locator(".result-count").inner_text().startswith("Tìm thấy ")
        load_all_images(page)
        screenshot(page, f"search-found-{name}")

        page.goto(live_server.url + "/tim-kiem/?q=bong+da+phui")
        said = page.locator('[role="status"]')
        assert said.count() == 1
        assert said.inner_text() == "Không tìm thấy kết quả nào cho «bong da phui»."
        assert "kiểm tra chính tả" in page.locator(".search-hint").inner_text()
        assert fits_the_width(page)
        screenshot(page, f"search-nothing-{name}")


@pytest.fixture
def pages_of_two(monkeypatch):
    """One article a page, so a section of twelve articles has twelve pages."""
    monkeypatch.setattr("news.pagination.paginate.__defaults__", (1,))


def test_a_sections_pagination_shows_numbers_and_fits_a_phone(
    phone, desktop, live_server, make_article, pages_of_two, screenshot
):
    section = Category.objects.create(name="Xây dựng Đảng", order=1)
    for n in range(12):
        make_article(title=f"Chi bộ khu dân cư số {n + 1} sinh hoạt chuyên đề", category=section)
    address = live_server.url + section.get_absolute_url()
    for page, name in ((phone, "360"), (desktop, "1280")):
        page.goto(address + "?page=6")
        row = page.get_by_role("navigation", name="Phân trang")
        current = row.locator('[aria-current="page"]')
        assert current.count() == 1 and " ".join(current.inner_text().split()) == "Trang 6"
        # Each item as read aloud ("Trang " and the arrows' words are hidden from the eye on a phone).
        shown = [" ".join(t.split()) for t in row.locator("li:visible").all_inner_texts()]
        numbers = ["Trang 1", "…", "Trang 4", "Trang 5", "Trang 6", "Trang 7", "Trang 8", "…", "Trang 12"]
        if name == "360":
            assert shown == ["‹ Trước", *numbers[:2], *numbers[3:6], *numbers[7:], "Sau ›"]
            assert row.locator(".pagination-word").first.bounding_box()["width"] <= 1
        else:
            assert shown == ["« Đầu", "‹ Trước", *numbers, "Sau ›", "Cuối »"]
        assert fits_the_width(page)
        box = row.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= page.viewport_size["width"]
        row.get_by_role("link", name="Trang 12").click()
        page.wait_for_url("**?page=12")
        assert " ".join(row.locator('[aria-current="page"]').inner_text().split()) == "Trang 12"
        assert row.get_by_role("link", name="Sau").count() == 0
        page.goto(address + "?page=6")
        page.locator(".pagination").scroll_into_view_if_needed()
        screenshot(page, f"section-page-6-{name}")


@pytest.mark.parametrize("axe_page", [PHONE, DESKTOP], ids=["360x800", "1280x900"], indirect=True)
def test_a_paginated_section_passes_axe(axe_page, live_server, make_article, pages_of_two):
    section = Category.objects.create(name="Xây dựng Đảng", order=1)
    for n in range(12):
        make_article(title=f"Chi bộ số {n + 1} sinh hoạt chuyên đề", category=section)
    axe_page.goto(live_server.url + section.get_absolute_url() + "?page=3")
    assert axe_page.get_by_role("navigation", name="Phân trang").count() == 1
    assert accessibility.serious_violations(axe_page) == []
