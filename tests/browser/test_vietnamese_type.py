"""Vietnamese letters come from one typeface: the self-hosted Noto faces, not whatever the device has.

Chromium reports which font it really drew a node's text with (CSS.getPlatformFontsForNode); this
machine has no Noto installed, so "Noto Serif" there can only be the portal's own web font.
"""

import gzip

from .portal_content import PARAGRAPHS


def drawn_with(page, selector):
    """The families Chromium drew the text of the first element matching selector with."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    return {(font["familyName"], font["isCustomFont"]) for font in fonts}


def loaded_faces(page):
    return page.evaluate(
        """async () => { await document.fonts.ready;
            return [...document.fonts].filter(f => f.status === "loaded")
              .map(f => [f.family.replaceAll('"', ""), f.weight, f.style,
                         f.unicodeRange.includes("1EA0") ? "vi" : "latin"].join(" ")); }"""
    )


def bytes_before_photos(page):
    """What the page fetched, photos left out (HTML, CSS, JS, icons, fonts), in bytes as production
    sends them: whitenoise and nginx gzip text; WOFF2 is compressed already and goes as it is."""
    urls = page.evaluate(
        """() => [location.href, ...performance.getEntriesByType("resource")
            .filter(r => r.initiatorType !== "img").map(r => r.name)]"""
    )
    sizes = {}
    for url in urls:
        body = page.request.get(url).body()
        sizes[url.rsplit("/", 1)[-1] or "html"] = len(
            body if url.endswith(".woff2") else gzip.compress(body, 9)
        )
    return sizes


def check_page(page, article_url):
    page.goto(article_url)
    faces = loaded_faces(page)
    # The Vietnamese subset of each face the page shows was fetched, beside the Latin one.
    for face in (
        "Noto Serif 400 normal",
        "Noto Sans 700 normal",
        "Noto Sans 400 normal",
    ):
        assert f"{face} vi" in faces, (face, faces)
        assert f"{face} latin" in faces, (face, faces)
    # Every letter of a paragraph with ư, ơ, ầ, ậ, ễ… is drawn with Noto Serif, none with another font.
    assert drawn_with(page, ".article-body p") == {("Noto Serif", True)}
    # The caption is in the sans the header needs anyway; the italic serif (declared for <em> in a
    # body) is not fetched by a page without one, which keeps the page within its weight.
    assert drawn_with(page, "figure figcaption") == {("Noto Sans", True)}
    assert not [face for face in faces if "italic" in face], faces
    # The header is one face: its name, the search box and the search button.
    for part in (".brand-kind", ".header-date", "#q-header", ".search-form button"):
        assert drawn_with(page, part) == {("Noto Sans", True)}, part
    assert page.evaluate("document.fonts.check('1em \"Noto Serif\"', 'Nghị quyết ưu tiên ổn định đời sống')")
    family = page.locator(".article-body p").first.evaluate("p => getComputedStyle(p).fontFamily")
    assert family.startswith('"Noto Serif"')
    # docs/PERFORMANCE.md: the article page's HTML, CSS, JS and fonts stay within 100 KB before photos.
    fetched = bytes_before_photos(page)
    assert sum(fetched.values()) <= 100_000, fetched
    return fetched


def test_an_article_is_drawn_in_the_portals_own_noto_faces(
    phone, desktop, live_server, make_article, make_photo, screenshot
):
    article = make_article(
        title="Đảng ủy phường triển khai chuyển đổi số ở khu dân cư",
        summary="Mỗi chi bộ giúp người cao tuổi cài ứng dụng định danh điện tử ngay tại nhà văn hóa.",
        body="".join(f"<p>{text}</p>" for text in PARAGRAPHS),
    )
    make_photo(article, caption="Người cao tuổi được hướng dẫn nộp hồ sơ trực tuyến", position=2)
    url = live_server.url + article.get_absolute_url()

    print("bytes before photos (phone):", check_page(phone, url))
    screenshot(phone, "type-article-phone")
    check_page(desktop, url)
    screenshot(desktop, "type-article-desktop")
