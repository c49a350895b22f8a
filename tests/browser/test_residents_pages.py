"""Residents read the portal in real Chromium, on a 360 px phone and a 1280 px desktop.

Screenshots are saved in test-artifacts/screenshots/ (residents-*.png) for a person to look at.
"""

import pytest

from news.models import Category

from .portal_content import load_all_images, loaded_width, populate


@pytest.fixture
def featured(live_server, make_article, make_photo):
    return populate(make_article, make_photo)


@pytest.fixture(params=["phone", "desktop"])
def page(request):
    """The same check at both sizes; the page records any Content-Security-Policy violation."""
    page = request.getfixturevalue(request.param)
    page.csp_errors = []
    page.on(
        "console",
        lambda m: page.csp_errors.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.size_name = request.param
    return page


def no_sideways_scroll(page):
    # Not window.innerWidth: a phone zooms out to fit wide content, and innerWidth grows with it.
    return page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


def test_home_features_the_newest_with_the_next_few_beside_it_or_below_on_a_phone(
    page, live_server, featured, screenshot
):
    page.goto(live_server.url + "/")
    assert page.locator(".featured-title").inner_text() == featured.title
    assert loaded_width(page.locator(".featured-photo img")) > 0
    assert page.locator(".brief").count() >= 4
    # The front page has no sidebar: its lists are blocks of the page, each article once.
    assert page.locator(".sidebar").count() == 0
    lead_box = page.locator(".featured").bounding_box()
    next_box = page.locator(".front-next").bounding_box()
    if page.size_name == "phone":
        assert next_box["y"] >= lead_box["y"] + lead_box["height"]  # below the lead
    else:
        assert next_box["x"] >= lead_box["x"] + lead_box["width"]  # beside it
    assert no_sideways_scroll(page)
    assert page.csp_errors == []
    load_all_images(page)
    screenshot(page, f"residents-home-{page.size_name}")


def test_a_section_page_with_breadcrumbs(page, live_server, featured, screenshot):
    page.goto(live_server.url + "/")
    page.locator(".site-nav").get_by_role("link", name="Xây dựng Đảng").click()
    page.wait_for_url("**/chuyen-muc/xay-dung-dang/")
    assert page.locator("h1").inner_text() == "Xây dựng Đảng"
    assert "Trang chủ" in page.locator(".breadcrumbs").inner_text()
    assert page.locator(".card").count() == 4
    assert no_sideways_scroll(page)
    assert page.csp_errors == []
    load_all_images(page)
    screenshot(page, f"residents-category-{page.size_name}")


def test_an_article_with_related_previous_next_share_and_tools(page, live_server, featured, screenshot):
    page.goto(live_server.url + featured.get_absolute_url())
    assert page.locator("h1").inner_text() == featured.title
    assert page.locator(".related li").count() == 3
    assert page.locator(".prev-next .prev").is_visible()
    assert page.locator(".prev-next .next").count() == 0  # the newest has no next
    assert page.locator(".print-button").is_visible()  # shown by site.js
    assert page.locator("[data-text-size-control]").is_visible()
    assert (
        page.get_by_role("link", name="Facebook")
        .get_attribute("href")
        .startswith("https://www.facebook.com/sharer/sharer.php?u=")
    )
    assert page.get_by_role("link", name="Zalo").is_visible()
    for img in page.locator("figure img").all():
        assert loaded_width(img) > 0
    assert no_sideways_scroll(page)
    assert page.csp_errors == []
    load_all_images(page)
    screenshot(page, f"residents-article-{page.size_name}")


def test_printing_keeps_photos_and_captions_and_drops_navigation(desktop, live_server, featured, screenshot):
    desktop.goto(live_server.url + featured.get_absolute_url())
    desktop.emulate_media(media="print")
    assert not desktop.locator(".site-nav").is_visible()
    assert not desktop.locator(".search-form").is_visible()
    assert not desktop.locator(".article-tools").is_visible()
    assert not desktop.locator(".breadcrumbs").is_visible()
    assert not desktop.locator(".related").is_visible()
    assert desktop.locator("h1").is_visible()
    figures = desktop.locator("figure.photo")
    assert figures.count() == 2
    for n in range(2):
        assert figures.nth(n).locator("img").is_visible()
        assert figures.nth(n).locator("figcaption").is_visible()
    load_all_images(desktop)
    screenshot(desktop, "residents-article-print")


def test_printing_a_wide_table_keeps_every_column_on_the_page(desktop, live_server, make_article):
    """On screen a wide table scrolls sideways; on paper nothing scrolls: the last columns were cut off."""
    head = "".join(f"<th>Số thẻ đảng viên {n}</th>" for n in range(1, 9))
    row = "<tr>" + "".join(f"<td>0123456789{n:02d}</td>" for n in range(1, 9)) + "</tr>"
    article = make_article(
        body=f"<p>Danh sách:</p><table><thead><tr>{head}</tr></thead><tbody>{row * 3}</tbody></table>"
    )
    desktop.set_viewport_size({"width": 718, "height": 1000})  # A4 less the browser's default margins
    desktop.goto(live_server.url + article.get_absolute_url())
    desktop.emulate_media(media="print")
    page_right = desktop.evaluate("document.querySelector('.article-body').getBoundingClientRect().right")
    for cell in desktop.locator(".article-body table tr > :last-child").all():
        box = cell.bounding_box()
        assert box["x"] + box["width"] <= page_right + 0.5, cell.inner_text()
        assert cell.is_visible()


def test_text_size_is_remembered_across_reloads_and_pages(phone, live_server, featured):
    phone.goto(live_server.url + featured.get_absolute_url())

    def body_size():
        return phone.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")

    def caption_size():
        return phone.evaluate("parseFloat(getComputedStyle(document.querySelector('figcaption')).fontSize)")

    assert body_size() == 17
    caption = caption_size()
    phone.get_by_role("button", name="A+").click()
    phone.get_by_role("button", name="A+").click()
    bigger = body_size()
    assert bigger > 17
    # The captions are read with the text: they grow with it.
    assert caption_size() > caption
    phone.reload()
    assert body_size() == bigger
    phone.goto(live_server.url + "/")
    assert body_size() == bigger
    phone.goto(live_server.url + featured.get_absolute_url())
    smaller = phone.get_by_role("button", name="A-")
    for _ in range(6):
        if smaller.is_enabled():  # disabled at the smallest step
            smaller.click()
    assert not smaller.is_enabled()
    assert 14 <= body_size() < 17  # stops at the smallest step


def test_keyboard_reaches_the_skip_link_first_and_focus_is_visible(desktop, live_server, featured):
    desktop.goto(live_server.url + "/")
    desktop.keyboard.press("Tab")
    focused = desktop.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    assert desktop.locator(".skip-link").is_visible()
    outline = desktop.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"
    desktop.keyboard.press("Enter")
    assert desktop.evaluate("location.hash") == "#noi-dung"


# The focus ring is drawn outside the element (outline-offset), over the background of what holds it;
# WCAG 2.1 AA (1.4.11) asks a contrast of 3:1 between the ring and that background.
FOCUS_RING_CONTRAST = """() => {
  const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  const luminance = ([r, g, b]) => {
    const lin = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const el = document.activeElement;
  if (el === document.body) return null;
  let holder = el.parentElement;
  while (holder && rgb(getComputedStyle(holder).backgroundColor)[3] === 0) holder = holder.parentElement;
  const ring = luminance(rgb(getComputedStyle(el).outlineColor));
  const behind = luminance(rgb(getComputedStyle(holder || document.body).backgroundColor));
  const ratio = (Math.max(ring, behind) + 0.05) / (Math.min(ring, behind) + 0.05);
  return [el.outerHTML.slice(0, 80), Math.round(ratio * 100) / 100];
}"""


def test_every_focus_ring_stands_out_from_what_is_behind_it(desktop, live_server, featured):
    """The blue ring was 1.3:1 on the red header, 1.8:1 on the menu, 2.2:1 on the footer: hard to follow."""
    desktop.goto(live_server.url + "/")
    seen = []
    for _ in range(200):
        desktop.keyboard.press("Tab")
        focused = desktop.evaluate(FOCUS_RING_CONTRAST)
        if focused is None:
            continue
        if seen and focused[0] == seen[0][0]:
            break
        seen.append(tuple(focused))
    assert any('href="/rss/"' in where for where, _ in seen)  # walked as far as the footer
    faint = [(where, ratio) for where, ratio in seen if ratio < 3]
    assert not faint, "\n".join(f"{r}: {w}" for w, r in faint)


def test_a_long_unbroken_address_never_widens_a_phones_page(phone, live_server, make_article, make_photo):
    """A pasted link in a title, summary or caption, or typed into search, made the page scroll sideways."""
    link = "https://www.facebook.com/permalink.php?story_fbid=pfbid02" + "kXq7ZbT3mWcN9rLdV4hYs" * 3
    section = Category.objects.create(name="Thông báo", order=1)
    article = make_article(title="Xem văn bản tại " + link, summary=link, category=section)
    make_photo(article, caption="Nguồn: " + link)
    for path in ("/", article.get_absolute_url(), section.get_absolute_url(), "/tim-kiem/?q=" + link):
        phone.goto(live_server.url + path)
        assert no_sideways_scroll(phone), path
