"""Văn bản in real Chromium: the list and its filters without JavaScript, a document's page, a number
in an article that leads to its document, at 360 and 1280 px, with screenshots."""

import pytest

from .conftest import DESKTOP, PHONE, new_context
from .documents_content import populate


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["360", "1280"])
def test_documents_list_and_page_at_each_size(
    browser, live_server, transactional_db, make_article, screenshot, size
):
    document, article = populate(make_article)
    width = size["width"]
    context = new_context(browser, size, java_script_enabled=False)
    page = context.new_page()
    # The filters are a plain form: they work without JavaScript.
    page.goto(live_server.url + "/van-ban/")
    page.get_by_label("Loại văn bản").select_option(label="Kế hoạch")
    page.get_by_role("button", name="Tìm văn bản").click()
    assert "loai=ke-hoach" in page.url
    assert page.locator(".document-row").count() == 1
    page.goto(live_server.url + "/van-ban/?q=7+nq+du")
    assert page.locator(".document-number").inner_text() == "Nghị quyết số 07-NQ/ĐU"
    page.goto(live_server.url + "/van-ban/")
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    screenshot(page, f"documents-list-{width}")
    page.goto(live_server.url + document.get_absolute_url())
    assert page.get_by_role("rowheader", name="Ngày ban hành").is_visible()
    assert page.get_by_text("(PDF, ").first.is_visible()
    assert page.get_by_role("link", name=article.title).is_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    screenshot(page, f"documents-page-{width}")
    page.goto(live_server.url + article.get_absolute_url())
    page.get_by_role("link", name="07-NQ/ĐU").click()
    assert page.url.endswith(document.get_absolute_url())
    page.goto(live_server.url + "/")
    assert page.get_by_role("heading", name="Văn bản mới").is_visible()
    screenshot(page, f"documents-home-block-{width}")
    context.close()
