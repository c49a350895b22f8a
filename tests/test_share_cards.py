"""What Facebook, Zalo and X draw when a resident shares a link, and what a phone shows around the page:
Open Graph and twitter:card on the home, section and article pages, theme-color, the touch icon."""

import re
from datetime import datetime
from html import unescape
from zoneinfo import ZoneInfo

import pytest

from news.models import Category

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
ORIGIN = "http://testserver"
LOGO_ICON = f"{ORIGIN}/static/img/apple-touch-icon.png"

pytestmark = pytest.mark.django_db


def meta(response):
    """{property or name: content} of the page's <meta> tags; a repeated one is a list."""
    found = {}
    for key, content in re.findall(
        r'<meta (?:property|name)="([^"]+)" content="([^"]*)">', response.content.decode()
    ):
        found.setdefault(key, []).append(unescape(content))
    return {key: values[0] if len(values) == 1 else values for key, values in found.items()}


def test_the_home_page_card_shows_the_lead_storys_photo(reader, make_article, make_photo):
    lead = make_article(title="Đại hội Đảng bộ phường nhiệm kỳ mới")
    photo = make_photo(lead, size=(1200, 800))
    tags = meta(reader.get("/"))
    assert tags["og:type"] == "website"
    assert tags["og:locale"] == "vi_VN"
    assert tags["og:site_name"] == "Đảng ủy phường Hòa Bình"
    assert tags["og:title"] == "Trang thông tin điện tử Đảng bộ phường Hòa Bình"
    assert tags["og:description"] == "Tin tức, sự kiện của Đảng ủy phường Hòa Bình"
    assert tags["og:url"] == f"{ORIGIN}/"
    assert tags["og:image"] == ORIGIN + photo.image.url
    assert (tags["og:image:width"], tags["og:image:height"]) == ("1200", "800")
    assert tags["og:image:alt"] == "Quang cảnh hội nghị"
    assert tags["twitter:card"] == "summary_large_image"


def test_without_a_photo_the_card_is_the_small_one_with_the_logo(reader, make_article):
    make_article()
    tags = meta(reader.get("/"))
    assert tags["og:image"] == LOGO_ICON
    assert tags["twitter:card"] == "summary"


def test_a_section_page_has_its_own_card(reader, make_article, make_photo):
    section = Category.objects.create(name="Quốc phòng – An ninh")
    newest = make_article(category=section)
    make_article(category=section)
    make_photo(newest)
    tags = meta(reader.get(section.get_absolute_url()))
    assert tags["og:type"] == "website"
    assert tags["og:title"] == "Quốc phòng – An ninh – Phường Hòa Bình"
    assert tags["og:description"] == "Tin tức chuyên mục Quốc phòng – An ninh của Đảng ủy phường Hòa Bình"
    assert tags["og:url"] == ORIGIN + section.get_absolute_url()
    assert tags["og:image"] == ORIGIN + newest.photos.get().image.url
    assert tags["twitter:card"] == "summary_large_image"


def test_an_article_says_when_it_was_published_and_last_changed(reader, make_article, clock):
    clock(datetime(2026, 11, 20, 9, 0, tzinfo=HANOI))
    article = make_article(published_at=datetime(2026, 11, 20, 8, 0, tzinfo=HANOI))
    clock(datetime(2026, 11, 25, 14, 30, tzinfo=HANOI))
    article.summary = "Tóm tắt đã sửa."
    article.save()
    tags = meta(reader.get(article.get_absolute_url()))
    assert tags["og:type"] == "article"
    assert tags["article:published_time"] == "2026-11-20T08:00:00+07:00"
    assert tags["article:modified_time"] == tags["og:updated_time"] == "2026-11-25T14:30:00+07:00"
    # Without a photo of its own an article's card has no picture, rather than the logo posing as one.
    assert tags["twitter:card"] == "summary"
    assert "og:image" not in tags


def test_a_scheduled_article_was_changed_when_it_appeared(reader, make_article, clock):
    """Edited on the 20th to appear on the 22nd: for readers it changed on the 22nd, not before it existed."""
    clock(datetime(2026, 11, 20, 9, 0, tzinfo=HANOI))
    article = make_article(published_at=datetime(2026, 11, 22, 7, 0, tzinfo=HANOI))
    clock(datetime(2026, 11, 23, 9, 0, tzinfo=HANOI))
    tags = meta(reader.get(article.get_absolute_url()))
    assert tags["article:modified_time"] == tags["article:published_time"] == "2026-11-22T07:00:00+07:00"


def test_an_article_with_a_photo_gets_the_large_card(reader, make_article, make_photo):
    article = make_article()
    make_photo(article)
    assert meta(reader.get(article.get_absolute_url()))["twitter:card"] == "summary_large_image"


@pytest.mark.parametrize("path", ["/", "/tin-tuc/", "/lien-he/", "/tim-kiem/?q=hoi"])
def test_every_page_has_the_header_colour_and_the_home_screen_icon(reader, path):
    page = reader.get(path).content.decode()
    assert '<meta name="theme-color" content="#a50e0e">' in page
    assert '<link rel="apple-touch-icon" href="/static/img/apple-touch-icon.png">' in page
    assert '<link rel="icon" href="/static/img/favicon.svg" type="image/svg+xml">' in page


def test_the_theme_colour_is_the_headers():
    """One colour: the header's background in css/site.css, which theme-color repeats."""
    from pathlib import Path

    css = (Path(__file__).parent.parent / "static/css/site.css").read_text()
    red = re.search(r"--red: (#[0-9a-f]{6});", css).group(1)
    assert re.search(r"\.site-header \{[^}]*background: var\(--red\)", css)
    base = (Path(__file__).parent.parent / "templates/base.html").read_text()
    assert f'<meta name="theme-color" content="{red}">' in base
