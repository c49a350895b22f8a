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


def test_staff_answer_from_the_queue_and_publish(browser, desktop, live_server, screenshot):
    """Screenshots questions-admin-{index,queue,form,form-phone}.png: what staff see."""
    import importlib

    from django.apps import apps
    from django.contrib.auth.models import Group
    from django.urls import reverse

    from tests.staff.people import APPROVERS, PASSWORD, make_staff, restore_groups

    from .conftest import new_context

    # Another browser test may have flushed the database, groups included.
    restore_groups()
    importlib.import_module("questions.migrations.0002_question_groups").create_groups(apps, None)
    staff = make_staff("tiep-nhan", APPROVERS)
    staff.groups.add(Group.objects.get(name="Tiếp nhận hỏi đáp"))
    question = Question.receive(
        name="Bùi Thị Lan",
        phone="0903111222",
        residential_group="Tổ dân phố số 6",
        subject="Xin hỏi về lớp học tiếng Anh miễn phí",
        body="Nhà văn hóa tổ 6 có mở lớp tiếng Anh cho thiếu nhi vào hè không ạ?",
    )
    base = live_server.url
    page = desktop
    page.goto(base + reverse("admin:index"))
    page.fill("#id_username", "tiep-nhan")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(base + reverse("admin:index"))
    row = page.locator("#viec-can-lam tr", has_text="Câu hỏi của người dân chờ trả lời")
    assert row.locator("td").inner_text() == "1"
    screenshot(page, "questions-admin-index")
    row.get_by_role("link").click()
    page.wait_for_url("**/questions/question/?tra_loi=cho")
    assert "0903111222" in page.locator("#result_list").inner_text()
    screenshot(page, "questions-admin-queue")
    page.get_by_role("link", name=question.reference).click()
    page.fill("#id_answer", "Hè này nhà văn hóa tổ 6 mở lớp vào sáng thứ Bảy.\n\nXin đăng ký với tổ trưởng.")
    page.select_option("#id_status", "published")
    screenshot(page, "questions-admin-form")
    page.click("input[name=_save]")
    # Back to the list as it was filtered (Django keeps ?tra_loi=cho).
    page.wait_for_url(re.compile(r"/questions/question/(\?.*)?$"))
    question.refresh_from_db()
    assert question.is_public and question.answered_by == staff

    context = new_context(browser, PHONE)
    context.add_cookies(page.context.cookies())
    phone_page = context.new_page()
    phone_page.goto(base + reverse("admin:questions_question_change", args=[question.pk]))
    assert phone_page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    screenshot(phone_page, "questions-admin-form-phone")
    context.close()

    page.context.clear_cookies()
    page.goto(base + "/hoi-dap/")
    assert "Hè này nhà văn hóa tổ 6 mở lớp" in page.locator(".qa").first.inner_text()
    assert "Bùi Thị Lan" not in page.content()
