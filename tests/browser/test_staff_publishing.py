"""Ward staff publish in real Chromium: an editor writes in CKEditor and adds two captioned photos, previews
the draft, an approver publishes it, and a resident reads it with each caption under its photo."""

import re

import pytest
from django.urls import reverse

from news.models import Article
from tests.staff.people import APPROVERS, EDITORS, PASSWORD, make_staff, restore_groups

from .conftest import DESKTOP, new_context
from .portal_content import loaded_width, type_in_editor, write_photos

TITLE = "Hội nghị sơ kết công tác xây dựng Đảng 6 tháng đầu năm"
PARAGRAPHS = [
    "Sáng nay, Đảng ủy phường tổ chức hội nghị sơ kết công tác xây dựng Đảng.",
    "Hội nghị đã nghe báo cáo kết quả thực hiện nghị quyết của Ban Chấp hành.",
    "Các đại biểu thảo luận, đóng góp nhiều ý kiến tâm huyết.",
]
CAPTIONS = ["Quang cảnh hội nghị", "Đồng chí Bí thư Đảng ủy phát biểu kết luận"]


@pytest.fixture
def photos(tmp_path):
    return write_photos(tmp_path, (1600, 1067), "anh-hoi-nghi")


def new_page(browser):
    context = new_context(browser, DESKTOP)
    context.set_default_timeout(15_000)
    return context, context.new_page()


def log_in(page, base, username):
    page.goto(base + reverse("admin:index"))
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(base + reverse("admin:index"))


def watch_console(page):
    """Collect what would break CKEditor: script errors, and anything the CSP refused."""
    problems = []

    def on_console(message):
        # Failed loads are judged by on_response, which knows the address (the admin has no favicon).
        refused = "Content Security Policy" in message.text
        if refused or (message.type == "error" and "Failed to load resource" not in message.text):
            problems.append(message.text)

    def on_response(response):
        if response.status >= 400 and not response.url.endswith("/favicon.ico"):
            problems.append(f"{response.status} {response.url}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("response", on_response)
    return problems


def test_editor_writes_approver_publishes_resident_reads(browser, desktop, live_server, screenshot, photos):
    # Another browser test may have flushed the database, groups included, before this one.
    restore_groups()
    make_staff("bien-tap", EDITORS)
    make_staff("duyet-tin", APPROVERS)
    base = live_server.url

    # An editor writes the report, with two photos, and saves it as a draft.
    page = desktop
    problems = watch_console(page)
    log_in(page, base, "bien-tap")
    page.goto(base + reverse("admin:news_article_add"))
    page.fill("#id_title", TITLE)
    page.fill("#id_summary", "Đảng ủy phường sơ kết công tác xây dựng Đảng.")
    type_in_editor(page, PARAGRAPHS)
    for row, (path, caption) in enumerate(zip(photos, CAPTIONS, strict=True)):
        page.set_input_files(f"#id_photos-{row}-image", str(path))
        page.fill(f"#id_photos-{row}-caption", caption)
        page.select_option(f"#id_photos-{row}-position", str(row + 1))
    screenshot(page, "admin-article-form")
    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist .success")

    article = Article.objects.get()
    assert article.status == Article.Status.DRAFT
    assert [p.strip() for p in re.findall(r"<p>(.*?)</p>", article.body)] == PARAGRAPHS
    assert list(article.photos.values_list("caption", flat=True)) == CAPTIONS
    assert page.locator("img.photo-thumb").count() == 2
    screenshot(page, "admin-article-saved-draft")

    # The draft, previewed at its public address.
    page.click("a.viewsitelink")
    page.wait_for_url(f"**{article.get_absolute_url()}")
    assert page.locator(".preview-banner").is_visible()
    assert "Bản xem trước" in page.locator(".preview-banner").inner_text()
    screenshot(page, "public-article-preview")
    assert problems == [], problems

    # An approver publishes it from the list.
    context, approver = new_page(browser)
    log_in(approver, base, "duyet-tin")
    approver.goto(base + reverse("admin:news_article_changelist"))
    approver.check(f"input[name=_selected_action][value='{article.pk}']")
    approver.select_option("select[name=action]", "publish_selected")
    approver.click("button[name=index]")
    approver.wait_for_selector(".messagelist .success")
    assert "Đã xuất bản" in approver.locator("#result_list").inner_text()
    screenshot(approver, "admin-change-list-after-publish")
    context.close()
    article.refresh_from_db()
    assert article.is_public

    # A resident, not logged in, finds it on the home page and reads it with both captioned photos.
    context, reader = new_page(browser)
    reader.goto(base + "/")
    reader.get_by_role("link", name=TITLE).first.click()
    reader.wait_for_url(f"**{article.get_absolute_url()}")
    assert reader.locator(".preview-banner").count() == 0
    figures = reader.locator(".article-body figure")
    assert figures.count() == 2
    for index, caption in enumerate(CAPTIONS):
        figure = figures.nth(index)
        assert figure.locator("figcaption").inner_text() == caption
        assert loaded_width(figure.locator("img")) > 0
        # The caption sits under its photo.
        photo_box = figure.locator("img").bounding_box()
        caption_box = figure.locator("figcaption").bounding_box()
        assert caption_box["y"] >= photo_box["y"] + photo_box["height"] - 1
    # Each photo follows the paragraph staff chose.
    text = reader.locator(".article-body").inner_text()
    assert text.index(PARAGRAPHS[0]) < text.index(CAPTIONS[0]) < text.index(PARAGRAPHS[1])
    assert text.index(PARAGRAPHS[1]) < text.index(CAPTIONS[1]) < text.index(PARAGRAPHS[2])
    screenshot(reader, "public-article-after-publish")
    context.close()
