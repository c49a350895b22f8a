"""Real Chromium (Debian's /usr/bin/chromium) driven by Playwright against the live test server.

Screenshots land in test-artifacts/screenshots/ (named in the README). Where Chromium is missing the
browser tests skip, except in CI (PORTAL_REQUIRE_BROWSER=1), where a missing browser is a failure.
"""

import os
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
PHONE = {"width": 360, "height": 800}
DESKTOP = {"width": 1280, "height": 900}


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in item.nodeid:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        message = f"{CHROMIUM} is not installed (apt-get install chromium)"
        if os.environ.get("PORTAL_REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    # Playwright's sync API runs an event loop in this thread; the ORM calls our tests make around it
    # are still plain synchronous calls.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


# Headless Chromium says "HeadlessChrome" in its User-Agent, which the portal rightly does not count as a
# reader; the tests browse as the phones and desktops residents use.
PHONE_AGENT = (
    "Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/130.0.0.0 Mobile Safari/537.36"
)
DESKTOP_AGENT = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/130.0.0.0 Safari/537.36"
)


def new_context(browser, viewport, **options):
    """A browser context as a resident in Hà Nội has it: Vietnamese, local time, a normal User-Agent."""
    options.setdefault("user_agent", PHONE_AGENT if viewport["width"] < 600 else DESKTOP_AGENT)
    return browser.new_context(viewport=viewport, locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh", **options)


def _page(browser, viewport, **options):
    context = new_context(browser, viewport, **options)
    context.set_default_timeout(15_000)
    return context, context.new_page()


@pytest.fixture
def phone(browser, live_server, transactional_db):
    context, page = _page(browser, PHONE, is_mobile=True, has_touch=True, device_scale_factor=1)
    yield page
    context.close()


@pytest.fixture
def desktop(browser, live_server, transactional_db):
    context, page = _page(browser, DESKTOP)
    yield page
    context.close()


@pytest.fixture
def screenshot():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(page, name, **options):
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True, **options)
        return path

    return take
