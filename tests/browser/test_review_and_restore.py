"""The review step and a restore in real Chromium: an editor sends an article for review, the approver
finds it waiting on the admin's front page and publishes it, later rewrites it, compares the two versions
and restores the first; a resident then reads the restored text."""

import re

from django.urls import reverse

from news.models import Article
from tests.staff.people import APPROVERS, EDITORS, PASSWORD, make_staff, restore_groups

from .conftest import DESKTOP, PHONE, new_context
from .portal_content import type_in_editor

TITLE = "Ra quân tổng vệ sinh môi trường khu dân cư số 4"
FIRST = "Sáng chủ nhật, hơn hai trăm hội viên và đoàn viên ra quân dọn vệ sinh các tuyến ngõ."
SECOND = "Sáng chủ nhật, hơn ba trăm hội viên và đoàn viên ra quân dọn vệ sinh các tuyến ngõ."


def signed_in(browser, base, username, viewport=DESKTOP):
    context = new_context(browser, viewport)
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.goto(base + reverse("admin:login"))
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(base + reverse("admin:index"))
    return context, page


def both_widths(page, screenshot, name):
    for label, viewport in (("1280", DESKTOP), ("360", PHONE)):
        page.set_viewport_size(viewport)
        screenshot(page, f"{name}-{label}")
    page.set_viewport_size(DESKTOP)


def test_editor_submits_approver_publishes_then_restores(browser, desktop, live_server, screenshot):
    restore_groups()
    make_staff("bien-tap", EDITORS)
    make_staff("duyet-tin", APPROVERS)
    base = live_server.url

    # The editor writes and sends it for review: "Đã xuất bản" is not among the choices.
    context, editor = signed_in(browser, base, "bien-tap")
    editor.goto(base + reverse("admin:news_article_add"))
    options = editor.locator("#id_status option").all_inner_texts()
    assert options == ["Bản nháp", "Chờ duyệt"]
    editor.fill("#id_title", TITLE)
    type_in_editor(editor, [FIRST], replace=True)
    editor.select_option("#id_status", "review")
    editor.click("input[name=_save]")
    editor.wait_for_selector(".messagelist .success")
    assert "Chờ duyệt" in editor.locator("#result_list").inner_text()
    context.close()
    article = Article.objects.get()
    assert article.status == Article.Status.REVIEW

    # The approver sees it waiting on the front page, opens the list from there and publishes it.
    context, approver = signed_in(browser, base, "duyet-tin")
    queue = approver.locator("#viec-can-lam")
    waiting = queue.get_by_role("row", name="Bài viết chờ duyệt")
    assert waiting.locator("td").inner_text() == "1"
    both_widths(approver, screenshot, "admin-front-page-review-queue")
    waiting.get_by_role("link").click()
    approver.wait_for_url("**trang_thai=review")
    approver.get_by_role("link", name=TITLE).click()
    # The change form's address carries the list's filter after it (?_changelist_filters=…).
    approver.wait_for_url(re.compile(re.escape(reverse("admin:news_article_change", args=[article.pk]))))
    assert approver.locator("#id_status option").all_inner_texts() == ["Bản nháp", "Chờ duyệt", "Đã xuất bản"]
    approver.select_option("#id_status", "published")
    approver.click("input[name=_continue]")
    approver.wait_for_selector(".messagelist .success")
    assert "Đang hiện trên trang" in approver.locator(".field-state_description").inner_text()
    article.refresh_from_db()
    assert article.is_public

    # A later rewrite, then the history: compare the two versions and restore the first.
    type_in_editor(approver, [SECOND], replace=True)
    approver.click("input[name=_continue]")
    approver.wait_for_selector(".messagelist .success")
    approver.locator(".object-tools a.historylink").click()
    approver.wait_for_selector("#change-history")
    assert approver.locator("#change-history tbody tr").count() == 3
    both_widths(approver, screenshot, "admin-article-history")
    # Compare the first version (oldest, last row) with the newest (first row).
    approver.locator("#change-history tbody tr").last.locator("input[name=tu]").check()
    approver.locator("#change-history tbody tr").first.locator("input[name=den]").check()
    approver.get_by_role("button", name="So sánh").click()
    approver.wait_for_selector(".publishing-compare")
    body_diff = approver.locator(".diff-field", has_text="Nội dung")
    assert body_diff.locator("del").inner_text() == "hai"
    assert body_diff.locator("ins").inner_text() == "ba"
    both_widths(approver, screenshot, "admin-article-compare")
    approver.get_by_role("link", name="Về lịch sử sửa đổi").click()
    approver.wait_for_selector("#change-history")
    approver.locator("#change-history tbody tr").last.get_by_role("link", name="Khôi phục bản này").click()
    approver.wait_for_selector(".publishing-restore")
    both_widths(approver, screenshot, "admin-article-restore-confirm")
    approver.get_by_role("button", name="Khôi phục bản này").click()
    approver.wait_for_selector(".messagelist .success")
    assert "Đã khôi phục" in approver.locator(".messagelist").inner_text()
    context.close()

    article.refresh_from_db()
    assert FIRST in article.body and article.is_public

    # A resident reads the restored text.
    context = new_context(browser, PHONE)
    reader = context.new_page()
    reader.goto(base + article.get_absolute_url())
    assert FIRST in reader.locator(".article-body").inner_text()
    context.close()
