"""The date line ("Ngày đăng 25/11/2026 | 14:49 | Lượt xem: 187") breaks between its items, never inside one.

Issue 12: "Lượt xem:" ended a line with "214" alone on the next; on cards "Ngày đăng 25/11/2026 |" then
"14:49 | Lượt xem: 187".
"""

from news.view_log import set_total

# The lines an item's pieces sit on (an inline with a <time> inside may report a box per piece).
ITEMS_ON_LINES = """meta => [...meta.querySelectorAll(".meta-item")]
    .map(item => new Set([...item.getClientRects()].map(box => Math.round(box.bottom))).size)"""
LINES = """meta => Math.round(meta.getBoundingClientRect().height
    / parseFloat(getComputedStyle(meta).lineHeight))"""


def lines_of(page):
    """For each date line on the page: how many lines each item takes, and how many lines it takes."""
    metas = page.locator(".meta")
    return [
        (metas.nth(n).evaluate(ITEMS_ON_LINES), metas.nth(n).evaluate(LINES)) for n in range(metas.count())
    ]


def test_date_lines_break_only_between_items_on_a_phone(
    phone, live_server, make_article, make_photo, screenshot
):
    for n in range(3):
        article = make_article(title=f"Ra quân tổng vệ sinh môi trường tổ dân phố số {n + 1}")
        make_photo(article)
    set_total(article.pk, 1234567)

    phone.goto(live_server.url + "/tin-tuc/")  # the list of cards (the front page's items show the date only)
    cards = lines_of(phone)
    assert cards and all(items == [1, 1, 1] for items, _ in cards), cards
    # Beside a thumbnail the line is too narrow for all three: it wraps, between items.
    assert any(lines > 1 for _, lines in cards), cards
    screenshot(phone, "date-line-cards-phone")

    phone.goto(live_server.url + article.get_absolute_url())
    phone.get_by_role("button", name="A+").click()
    phone.get_by_role("button", name="A+").click()
    phone.get_by_role("button", name="A+").click()
    [(items, lines)] = lines_of(phone)
    assert items == [1, 1, 1] and lines > 1, (items, lines)
    screenshot(phone, "date-line-article-phone")
