"""Hỏi đáp in real Chromium at 360 and 1280 px: a resident fills in the form, gets the reference, reads
the answered questions; axe finds nothing serious on any of those pages. Screenshots:
test-artifacts/screenshots/questions-{form,form-errors,sent,index,detail}-{phone,desktop}.png.
"""

import re

import pytest

from questions import demo_content
from questions.models import REFERENCE_PATTERN, Question

from .conftest import DESKTOP, PHONE
from .test_residents_accessibility import axe_page, serious_violations  # noqa: F401 - the fixture


@pytest.fixture
def answered(transactional_db):
    class Quiet:
        def write(self, text):
            pass

    demo_content.load(Quiet())
    return Question.objects.published().order_by("-published_at").first()


@pytest.fixture(params=["phone", "desktop"])
def page(request):
    page = request.getfixturevalue(request.param)
    page.csp_errors = []
    page.on(
        "console", lambda m: page.csp_errors.append(m.text) if "Content Security Policy" in m.text else None
    )
    page.size_name = request.param
    return page


def no_sideways_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


def test_a_resident_sends_a_question_and_gets_its_reference(page, live_server, answered, screenshot):
    page.goto(live_server.url + "/hoi-dap/")
    screenshot(page, f"questions-index-{page.size_name}")
    assert page.locator(".qa").count() == 3
    assert no_sideways_scroll(page)
    page.get_by_role("link", name="Gửi câu hỏi, góp ý").first.click()
    page.wait_for_url("**/hoi-dap/gui-cau-hoi/")
    screenshot(page, f"questions-form-{page.size_name}")
    assert no_sideways_scroll(page)
    # The honeypot is there for bots and out of a person's sight.
    trap = page.locator(".qa-trap").bounding_box()
    assert trap["x"] + trap["width"] <= 0

    page.get_by_label("Họ và tên").fill("Đỗ Thị Hoa")
    page.get_by_label("Tiêu đề").fill("Hỏi về lịch cắt điện")
    page.get_by_label("Câu hỏi hoặc góp ý").fill("Tuần sau khu tôi có bị cắt điện không?")
    page.get_by_role("button", name="Gửi câu hỏi").click()
    alert = page.get_by_role("alert")
    assert "Câu hỏi chưa được gửi" in alert.inner_text()
    assert "Xin ghi số điện thoại hoặc thư điện tử" in alert.inner_text()
    screenshot(page, f"questions-form-errors-{page.size_name}")
    assert Question.objects.filter(subject="Hỏi về lịch cắt điện").count() == 0

    page.get_by_label("Số điện thoại").fill("0912 345 678")
    page.get_by_role("button", name="Gửi câu hỏi").click()
    page.wait_for_url("**/hoi-dap/da-gui/**")
    reference = page.locator(".qa-reference").inner_text()
    assert re.fullmatch(REFERENCE_PATTERN, reference)
    assert Question.objects.get(reference=reference).phone == "0912345678"
    screenshot(page, f"questions-sent-{page.size_name}")
    assert no_sideways_scroll(page)

    page.goto(live_server.url + answered.get_absolute_url())
    assert page.locator("h1").inner_text() == answered.subject
    screenshot(page, f"questions-detail-{page.size_name}")
    assert page.csp_errors == []


@pytest.mark.parametrize("axe_page", [PHONE, DESKTOP], ids=["360x800", "1280x900"], indirect=True)
def test_hoi_dap_pages_have_no_serious_or_critical_violations(axe_page, live_server, answered):  # noqa: F811
    found = {}

    def scan(name):
        violations = serious_violations(axe_page)
        if violations:
            found[name] = violations

    for name, path in {
        "index": "/hoi-dap/",
        "detail": answered.get_absolute_url(),
        "form": "/hoi-dap/gui-cau-hoi/",
        "empty page": "/hoi-dap/?page=1",
    }.items():
        axe_page.goto(live_server.url + path)
        scan(name)
    axe_page.goto(live_server.url + "/hoi-dap/gui-cau-hoi/")
    axe_page.get_by_role("button", name="Gửi câu hỏi").click()
    axe_page.get_by_role("alert").wait_for()
    scan("form with errors")
    axe_page.get_by_label("Họ và tên").fill("Vũ Văn Nam")
    axe_page.get_by_label("Thư điện tử").fill("nam@example.vn")
    axe_page.get_by_label("Tiêu đề").fill("Góp ý")
    axe_page.get_by_label("Câu hỏi hoặc góp ý").fill("Nên có thêm ghế đá ở vườn hoa.")
    axe_page.get_by_role("button", name="Gửi câu hỏi").click()
    axe_page.wait_for_url("**/hoi-dap/da-gui/**")
    scan("sent")
    assert found == {}


def test_printing_keeps_the_question_and_answer_and_drops_the_rest(desktop, live_server, answered):
    desktop.emulate_media(media="print")
    desktop.goto(live_server.url + answered.get_absolute_url())
    assert desktop.locator(".qa-answer").is_visible()
    assert not desktop.locator(".site-nav").is_visible()
    assert not desktop.locator(".breadcrumbs").is_visible()
    desktop.goto(live_server.url + "/hoi-dap/")
    assert not desktop.locator(".qa-ask").is_visible()
    assert desktop.locator(".qa").first.is_visible()
