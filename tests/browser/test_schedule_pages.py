"""Lịch công tác in Chromium at 360 and 1280 px: axe finds nothing serious, nothing scrolls sideways,
today is marked, the week prints on one A4 page in landscape; screenshots saved for a look."""

import re

import pytest

from schedule.demo_content import load

from . import test_residents_accessibility as accessibility
from .conftest import DESKTOP, PHONE

axe_page = accessibility.axe_page  # the fixture: a page that bypasses CSP, so axe can be injected


@pytest.mark.parametrize("axe_page", [PHONE, DESKTOP], ids=["360x800", "1280x900"], indirect=True)
def test_schedule_pages_pass_axe_and_fit_the_screen(axe_page, live_server, screenshot):
    assert load() == 1
    width = axe_page.viewport_size["width"]
    found = {}
    for name, path in {"week": "/lich-cong-tac/", "home": "/"}.items():
        axe_page.goto(live_server.url + path)
        violations = accessibility.serious_violations(axe_page)
        if violations:
            found[name] = violations
        assert axe_page.evaluate("document.documentElement.scrollWidth") <= width, name
        screenshot(axe_page, f"schedule-{name}-{width}")
    axe_page.goto(live_server.url + "/lich-cong-tac/")
    axe_page.get_by_role("link", name="Tuần sau ›").click()
    assert axe_page.get_by_text("Lịch tuần này chưa được đăng.").is_visible()
    found.update({"next-week": v} for v in [accessibility.serious_violations(axe_page)] if v)
    screenshot(axe_page, f"schedule-next-week-{width}")
    assert found == {}


def test_today_is_marked_where_a_reader_sees_it(phone, live_server):
    load()
    phone.goto(live_server.url + "/lich-cong-tac/")
    today = phone.locator('[aria-current="date"]')
    assert today.count() == 1 and today.locator(".today-mark").is_visible()
    assert today.locator(".today-mark").inner_text() == "Hôm nay"


def test_the_week_prints_on_one_a4_page_in_landscape(desktop, live_server, screenshot):
    load()
    desktop.goto(live_server.url + "/lich-cong-tac/")
    desktop.emulate_media(media="print")
    for hidden in (".site-nav", ".search-form", ".schedule-weeks", ".main-menu"):
        assert not desktop.locator(hidden).first.is_visible(), hidden
    screenshot(desktop, "schedule-week-print")
    pdf = desktop.pdf(prefer_css_page_size=True)
    pages = re.findall(rb"/Type\s*/Page[^s]", pdf)
    assert len(pages) == 1
    box = [
        float(n)
        for n in re.search(rb"/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)", pdf).groups()
    ]
    width, height = box[2] - box[0], box[3] - box[1]
    # A4 landscape: 297 × 210 mm, 842 × 595 points.
    assert abs(width - 842) < 2 and abs(height - 595) < 2
