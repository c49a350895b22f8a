"""axe-core (from the npm registry, pinned in package.json) finds nothing serious on the public pages.

The public CSP allows only our own scripts, and Playwright injects axe as an inline script, so these
pages are opened in a context that bypasses CSP; the other browser tests check CSP holds.
"""

import functools
import os
from pathlib import Path

import pytest

from . import documents_content
from .conftest import DESKTOP, PHONE, new_context
from .notice_content import populate_notices
from .portal_content import populate

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture
def axe_page(browser, live_server, transactional_db, request):
    if not AXE.exists():
        message = f"{AXE} is missing: run `npm ci` (scripts/test does)"
        if os.environ.get("PORTAL_REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    viewport = request.param
    context = new_context(browser, viewport, bypass_csp=True)
    context.set_default_timeout(15_000)
    # axe is given to the context once and runs in every page's top frame as it loads, as the script
    # tag it replaces put it there after: sending its 550 kB through Playwright and parsing it again for
    # each page scanned took about a third of a second a page, more than loading the page.
    context.add_init_script(script=_axe_in_top_frame())
    yield context.new_page()
    context.close()


@functools.cache
def _axe_in_top_frame():
    # Frames are left without axe, as before, so a scan covers what it covered.
    return f"if (window === window.top) {{\n{AXE.read_text()}\n}}"


def serious_violations(page):
    """The serious and critical violations on an axe_page's current page."""
    tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
    # Only violations are asked about; axe then skips building a selector for every node that passes or
    # is incomplete (axe-core's documented resultTypes), the slow tail of a scan. Violations come back
    # whole, every node listed.
    result = page.evaluate("tags => axe.run(document, {runOnly: tags, resultTypes: ['violations']})", tags)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("axe_page", [PHONE, DESKTOP], ids=["360x800", "1280x900"], indirect=True)
def test_public_pages_have_no_serious_or_critical_violations(axe_page, live_server, make_article, make_photo):
    featured = populate(make_article, make_photo)
    cited, citing = documents_content.populate(make_article)
    pages = {
        "home": "/",
        "category": "/chuyen-muc/xay-dung-dang/",
        "article": featured.get_absolute_url(),
        "search": "/tim-kiem/?q=dang+uy",
        "empty search": "/tim-kiem/?q=%3Cb%3E",
        "not found": "/tin-tuc/khong-co/",
        "all news": "/tin-tuc/",
        "contact": "/lien-he/",
        "documents": "/van-ban/",
        "documents filtered to nothing": "/van-ban/?nam=abc",
        "document": cited.get_absolute_url(),
        "article citing a document": citing.get_absolute_url(),
    }
    found = {}
    for name, path in pages.items():
        axe_page.goto(live_server.url + path)
        violations = serious_violations(axe_page)
        if violations:
            found[name] = violations
    assert found == {}


@pytest.mark.parametrize("axe_page", [PHONE], ids=["360x800"], indirect=True)
def test_a_wide_table_on_a_phone_scrolls_from_the_keyboard(axe_page, live_server, make_article):
    """A table wider than the phone scrolled only by touch: axe's scrollable-region-focusable (serious)."""
    head = "".join(f"<th>Số thẻ đảng viên {n}</th>" for n in range(1, 9))
    row = "<tr>" + "".join(f"<td>0123456789{n:02d}</td>" for n in range(1, 9)) + "</tr>"
    article = make_article(
        body=f"<p>Danh sách:</p><table><thead><tr>{head}</tr></thead><tbody>{row}</tbody></table>"
    )
    axe_page.goto(live_server.url + article.get_absolute_url())
    assert serious_violations(axe_page) == []
    box = axe_page.get_by_role("region", name="Bảng")
    box.focus()
    axe_page.keyboard.press("ArrowRight")
    axe_page.wait_for_function("document.activeElement.scrollLeft > 0")
    assert axe_page.get_by_role("table").count() == 1  # still read as a table


@pytest.mark.parametrize("axe_page", [PHONE], ids=["360x800"], indirect=True)
def test_the_open_phone_menu_has_no_serious_or_critical_violations(axe_page, live_server, db):
    axe_page.goto(live_server.url + "/lien-he/")
    axe_page.get_by_role("button", name="Danh mục").click()
    assert axe_page.locator("#danh-muc").is_visible()
    assert serious_violations(axe_page) == []


@pytest.mark.parametrize("axe_page", [PHONE, DESKTOP], ids=["360x800", "1280x900"], indirect=True)
def test_notice_pages_have_no_serious_or_critical_violations(axe_page, live_server, make_article, make_photo):
    """/thong-bao/, a notice with a file, and the home page with the block and a pinned notice."""
    populate(make_article, make_photo)
    notice = populate_notices(pin=True)
    found = {}
    for path in ("/thong-bao/", notice.get_absolute_url(), "/", "/thong-bao/khong-co/"):
        axe_page.goto(live_server.url + path)
        violations = serious_violations(axe_page)
        if violations:
            found[path] = violations
    assert found == {}
