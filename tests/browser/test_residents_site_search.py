"""A search that finds articles, a Giới thiệu page, notices and Hỏi đáp, in Chromium at 360 and 1280 px:
the block "Trong các mục khác" stands before the articles, fits the screen, passes axe, and its
"Xem thêm" shows the rest of one type. Screenshots: test-artifacts/screenshots/site-search-{360,1280}.png.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from notices.models import Notice
from pages.models import Page
from questions.models import Question

from . import test_residents_accessibility as accessibility
from .conftest import DESKTOP, PHONE
from .portal_content import load_all_images, populate

axe_page = accessibility.axe_page  # the fixture: a page that bypasses CSP, so axe can be injected

QUERY = "to dan pho"


def content(make_article, make_photo):
    populate(make_article, make_photo)
    now = timezone.now()
    Page.objects.create(
        title="Các tổ dân phố và khu dân cư",
        body="<p>Phường có 12 tổ dân phố, mỗi tổ có tổ trưởng và chi bộ khu dân cư.</p>",
        status=Page.Status.PUBLISHED,
    )
    notices = [
        ("Lịch thu gom rác thải ở các tổ dân phố từ tháng 12", now - timedelta(hours=2), None),
        ("Họp dân tổ dân phố 5: góp ý chỉnh trang vỉa hè", now - timedelta(days=1), now + timedelta(days=6)),
        ("Tổ dân phố 3 tạm ngừng cấp nước để sửa ống", now - timedelta(days=2), now - timedelta(days=1)),
    ]
    for n in range(4):
        notices.append((f"Kế hoạch ra quân vệ sinh tổ dân phố số {n + 6}", now - timedelta(days=3 + n), None))
    for title, start, end in notices:
        Notice.objects.create(
            title=title,
            body="<p>Đề nghị bà con theo dõi và thực hiện.</p>",
            status=Notice.Status.PUBLISHED,
            published_at=now - timedelta(days=30),
            valid_from=start,
            valid_until=end,
        )
    Question.objects.create(
        subject="Tổ dân phố 5 có được lắp thêm đèn đường không?",
        body="Ngõ 12 tối quá, các cụ đi lại khó.",
        answer="Phường đã đưa ngõ 12 vào kế hoạch lắp đèn quý I.",
        name="Lê Văn Minh",
        phone="0912345678",
        status=Question.Status.PUBLISHED,
        published_at=now - timedelta(days=2),
    )


@pytest.mark.parametrize("axe_page", [PHONE, DESKTOP], ids=["360x800", "1280x900"], indirect=True)
def test_a_search_finding_several_types_shows_them_first_and_passes_axe(
    axe_page, live_server, make_article, make_photo, screenshot
):
    content(make_article, make_photo)
    width = axe_page.viewport_size["width"]
    axe_page.goto(f"{live_server.url}/tim-kiem/?q={QUERY.replace(' ', '+')}")
    block = axe_page.get_by_role("region", name="Trong các mục khác")
    kinds = block.locator(".elsewhere-kind").all_inner_texts()
    assert [k.lower() for k in kinds] == [
        "trang giới thiệu",
        "thông báo",
        "thông báo",
        "thông báo · đã hết hiệu lực",
        "hỏi đáp",
    ]
    assert block.locator(".elsewhere-title").first.locator("mark").all_inner_texts() == [
        "tổ",
        "dân",
        "phố",
        "dân",
    ]
    # Before the articles, which follow below it.
    block_box = block.bounding_box()
    first_card = axe_page.locator(".card").first.bounding_box()
    assert block_box["y"] + block_box["height"] <= first_card["y"]
    assert "Lê Văn Minh" not in axe_page.content() and "0912345678" not in axe_page.content()
    assert axe_page.evaluate("document.documentElement.scrollWidth") <= width
    assert accessibility.serious_violations(axe_page) == []
    load_all_images(axe_page)
    screenshot(axe_page, f"site-search-{width}")

    axe_page.get_by_role("link", name="Xem thêm thông báo").click()
    axe_page.wait_for_url("**loai=thong-bao**")
    assert axe_page.locator("#muc-thong-bao .elsewhere-item").count() == 7
    assert axe_page.locator("#q-page").input_value() == QUERY
