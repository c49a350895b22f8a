"""The article page in Chromium: nothing moves when the script runs, the text size keeps the order of
headline, summary and body at every step and follows the reader to every page, and paper says where
the article lives. Screenshots of each state: test-artifacts/screenshots/article-*.png."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from .conftest import DESKTOP, PHONE, new_context
from .portal_content import load_all_images, populate

# Every layout shift the page makes from its very start (an init script is not subject to the page's
# Content-Security-Policy): what moved, and how far down.
RECORD_SHIFTS = """
window.__shifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) for (const s of entry.sources) window.__shifts.push({
    what: s.node ? (s.node.outerHTML || s.node.textContent || "").slice(0, 80) : "",
    down: s.currentRect.top - s.previousRect.top,
  });
}).observe({ type: "layout-shift", buffered: true });
"""

TOPS = """() => Object.fromEntries(["h1", ".article-tools", ".article-summary", ".article-body"].map(
  (s) => [s, Math.round(document.querySelector(s).getBoundingClientRect().top + scrollY)]))"""


@pytest.fixture
def featured(live_server, make_article, make_photo):
    return populate(make_article, make_photo)


def settle(page):
    page.wait_for_load_state("load")
    page.evaluate("document.fonts.ready")
    load_all_images(page)
    page.wait_for_timeout(300)


def size(page, selector):
    return page.evaluate(f"parseFloat(getComputedStyle(document.querySelector('{selector}')).fontSize)")


def in_order(page):
    """Headline larger than the summary, the summary larger than the body text."""
    headline, summary, body = (size(page, s) for s in ("h1", ".article-summary", ".article-body p"))
    return headline > summary > body


def shoot(page, screenshot, name):
    screenshot(page, f"article-{name}")


SHARE_SHEET = "navigator.share = () => Promise.resolve();"


@pytest.mark.parametrize("size", [PHONE, DESKTOP])
def test_the_script_moves_nothing_on_the_page(browser, live_server, featured, size):
    """The A-/A+/print row appeared when site.js ran and pushed the summary and body down."""
    tops = {}
    for run, scripts, share in (("no script", False, False), ("script", True, False), ("share", True, True)):
        context = new_context(browser, size, java_script_enabled=scripts)
        page = context.new_page()
        page.add_init_script(RECORD_SHIFTS)
        if share:  # a phone whose browser offers its own share sheet
            page.add_init_script(SHARE_SHEET)
        page.goto(live_server.url + featured.get_absolute_url())
        settle(page)
        tops[run] = page.evaluate(TOPS)
        assert page.locator(".print-button").is_enabled() == scripts
        assert page.locator(".share-device").is_visible() == share
        if scripts:
            # Only sideways moves of a few pixels remain, where a sans label gets its Noto face
            # (docs/TYPE.md); nothing is pushed up or down.
            assert [shift for shift in page.evaluate("window.__shifts") if shift["down"]] == []
        context.close()
    assert tops["script"] == tops["no script"]
    assert tops["share"] == tops["no script"]


@pytest.mark.parametrize("size", [PHONE, DESKTOP])
def test_the_logo_is_drawn_where_it_stays_before_the_name_has_arrived(browser, live_server, featured, size):
    """A slow phone paints what it has parsed: the page cut off after the logo, the logo was 7 px higher
    than once the ward's name beside it had arrived, and moved down."""
    url = live_server.url + featured.get_absolute_url()
    context = new_context(browser, size)
    page = context.new_page()
    html = page.request.get(url).text()
    cut = html[: html.index(">", html.index('class="brand-logo"')) + 1]
    page.route(url + "?cat", lambda route: route.fulfill(body=cut, content_type="text/html; charset=utf-8"))
    tops = {}
    for run, address in (("cut", url + "?cat"), ("whole", url)):
        page.goto(address)
        settle(page)
        assert page.locator(".brand-name").count() == (run == "whole")
        tops[run] = page.locator(".brand-logo").bounding_box()["y"]
    context.close()
    assert tops["cut"] == tops["whole"]


def test_the_largest_text_keeps_headline_above_summary_above_body_and_stops_there(
    phone, live_server, featured
):
    """At the largest size the headline was smaller than the summary and the body text."""
    phone.goto(live_server.url + featured.get_absolute_url())
    control = phone.locator("header [data-text-size-control]")
    bigger, smaller = control.get_by_role("button", name="A+"), control.get_by_role("button", name="A-")
    assert control.locator("[data-text-size-value]").inner_text() == "100\u00a0%"
    steps = 0
    while bigger.is_enabled():
        bigger.click()
        steps += 1
        assert in_order(phone), steps
    assert steps == 3
    assert control.locator("[data-text-size-value]").inner_text() == "150\u00a0%"
    assert smaller.is_enabled()
    while smaller.is_enabled():
        smaller.click()
        assert in_order(phone)
    assert control.locator("[data-text-size-value]").inner_text() == "90\u00a0%"
    assert bigger.is_enabled() and not smaller.is_enabled()


def test_the_text_size_follows_the_reader_to_other_pages_before_the_first_paint(phone, live_server, featured):
    phone.goto(live_server.url + featured.get_absolute_url())
    for _ in range(4):
        if phone.get_by_role("button", name="A+").is_enabled():
            phone.get_by_role("button", name="A+").click()
    largest = size(phone, "html")
    assert largest == 24  # 150 % of 16 px
    for path in ("/gioi-thieu/", "/lien-he/", "/"):
        phone.goto(live_server.url + path)
        assert size(phone, "html") == largest, path
        assert phone.locator("[data-text-size-value]").inner_text() == "150\u00a0%"
        assert not phone.get_by_role("button", name="A+").is_enabled()
    # The blocking script in <head> applies it alone: without site.js the page is still drawn at that size.
    phone.route("**/js/site.js", lambda route: route.abort())
    phone.goto(live_server.url + "/gioi-thieu/")
    assert size(phone, "html") == largest


def test_printed_the_article_says_where_it_lives_its_section_and_the_day_without_the_counter(
    desktop, live_server, featured, screenshot
):
    desktop.goto(live_server.url + featured.get_absolute_url())
    desktop.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    desktop.emulate_media(media="print")
    settle(desktop)
    text = desktop.locator("main").inner_text()
    today = datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).strftime("%d/%m/%Y")
    assert f"Địa chỉ bài viết: {live_server.url}{featured.get_absolute_url()}" in text
    assert "Chuyên mục: Xây dựng Đảng" in text
    assert f"Ngày in: {today}" in text
    assert "Nguồn: " in text  # the byline prints
    assert "Lượt xem" not in text
    assert not desktop.locator("[data-text-size-control]").is_visible()
    assert not desktop.locator(".article-tools").is_visible()
    shoot(desktop, screenshot, "print-1280")
    # On screen the facts are not shown: the page says them elsewhere.
    desktop.emulate_media(media="screen")
    assert not desktop.locator(".print-facts").is_visible()


@pytest.mark.parametrize("width", [360, 1280])
def test_screenshots_normal_largest_and_printed(browser, live_server, featured, screenshot, width):
    viewport = {"width": width, "height": 800 if width == 360 else 900}
    context = new_context(browser, viewport, is_mobile=width == 360, has_touch=width == 360)
    page = context.new_page()
    page.goto(live_server.url + featured.get_absolute_url())
    settle(page)
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    shoot(page, screenshot, f"normal-{width}")
    while page.get_by_role("button", name="A+").is_enabled():
        page.get_by_role("button", name="A+").click()
    settle(page)
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    shoot(page, screenshot, f"largest-{width}")
    page.get_by_role("button", name="A-").click()  # back towards the default for the printed copy
    page.evaluate("localStorage.clear()")
    page.reload()
    page.emulate_media(media="print")
    settle(page)
    shoot(page, screenshot, f"print-{width}")
    context.close()
