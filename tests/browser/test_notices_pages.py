"""Residents read notices in Chromium, at 360 px and 1280 px: /thong-bao/, a notice, the home page's
block and a pinned notice as its lead story, and a notice printed.

Screenshots: test-artifacts/screenshots/notices-*.png.
"""

import pytest

from .notice_content import populate_notices
from .portal_content import populate


@pytest.fixture(params=["phone", "desktop"])
def page(request):
    page = request.getfixturevalue(request.param)
    page.size_name = request.param
    return page


def no_sideways_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


def test_the_notices_page_and_a_notice(page, live_server, screenshot):
    notice = populate_notices()
    page.goto(live_server.url + "/thong-bao/")
    current = page.locator("section[aria-labelledby=dang-hieu-luc] .notice-title").all_inner_texts()
    assert current == [
        "Lịch tiếp công dân của lãnh đạo phường tháng 12",
        "Lịch tạm ngừng cấp điện khu phố 3 để bảo dưỡng lưới điện",
    ]
    archive = page.locator("section[aria-labelledby=het-hieu-luc] .notice-title").all_inner_texts()
    assert archive == ["Ngày tiêm chủng mở rộng cho trẻ dưới 5 tuổi tại Trạm y tế phường"]
    assert "Họp dân tổ dân phố 5" not in page.content()  # not yet in force
    assert no_sideways_scroll(page)
    screenshot(page, f"notices-list-{page.size_name}")

    page.goto(live_server.url + notice.get_absolute_url())
    assert page.locator("h1").inner_text() == notice.title
    assert page.get_by_role("button", name="In thông báo").is_visible()  # site.js shows it
    assert page.get_by_role("link", name="Lịch tiếp công dân chi tiết").is_visible()
    assert no_sideways_scroll(page)
    screenshot(page, f"notices-detail-{page.size_name}")


def test_the_home_page_block_and_a_pinned_notice_as_the_lead(
    page, live_server, make_article, make_photo, screenshot
):
    populate(make_article, make_photo)
    notice = populate_notices(pin=True)
    page.goto(live_server.url + "/")
    assert page.locator(".featured-title").inner_text() == notice.title
    assert page.locator(".featured-kind").inner_text().upper() == "THÔNG BÁO"
    # The pinned notice is not repeated in the block.
    assert page.locator(".notice-block .notice-title").all_inner_texts() == [
        "Lịch tạm ngừng cấp điện khu phố 3 để bảo dưỡng lưới điện"
    ]
    assert no_sideways_scroll(page)
    screenshot(page, f"notices-home-{page.size_name}")


def test_a_notice_prints_without_the_site_chrome(desktop, live_server, screenshot):
    notice = populate_notices()
    desktop.goto(live_server.url + notice.get_absolute_url())
    desktop.emulate_media(media="print")
    assert not desktop.locator(".site-nav").is_visible()
    assert not desktop.locator(".breadcrumbs").is_visible()
    assert desktop.locator(".notice-validity").is_visible()
    assert desktop.locator(".article-body").is_visible()
    screenshot(desktop, "notices-detail-print")
