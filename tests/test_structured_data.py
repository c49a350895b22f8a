"""What search engines read beside the page: JSON-LD that schema.org's vocabulary defines (tests/schema_org)
and that says what the page shows: the article, its breadcrumbs, the ward and the site's search."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from news.models import Category
from tests.schema_org import (
    LdScripts,
    check_node,
    check_page,
    check_trail,
    crumbs,
    ld_blocks,
    of_type,
    visible_breadcrumbs,
)
from ward.models import WardSettings

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
ORIGIN = "http://testserver"

pytestmark = pytest.mark.django_db


def script_elements(page_html):
    parser = LdScripts()
    parser.feed(page_html)
    return parser.scripts


def test_an_article_is_a_news_article_with_what_google_asks_for(reader, make_article, make_photo, category):
    article = make_article(
        title="Hội nghị Ban Chấp hành Đảng bộ phường lần thứ 5",
        category=category,
        published_at=datetime(2026, 11, 20, 8, 30, tzinfo=HANOI),
    )
    photo = make_photo(article, size=(1600, 1000))
    page = reader.get(article.get_absolute_url()).content.decode()
    nodes = check_page(page)
    news = of_type(nodes, "NewsArticle")
    # Google's Article rich results: headline, image, datePublished, author with a name; a publisher
    # with a name and a logo.
    assert news["headline"] == article.title
    assert news["datePublished"] == "2026-11-20T08:30:00+07:00"
    assert datetime.fromisoformat(news["dateModified"]) >= datetime.fromisoformat(news["datePublished"])
    assert news["author"]["name"] == news["publisher"]["name"] == "Đảng ủy phường Hòa Bình"
    assert news["publisher"]["logo"]["url"] == f"{ORIGIN}/static/img/apple-touch-icon.png"
    # The photo in each size it is stored in, the largest first, by absolute address.
    assert news["image"] == [
        ORIGIN + photo.image.url,
        ORIGIN + photo.medium.url,
        ORIGIN + photo.phone.url,
        ORIGIN + photo.thumbnail.url,
    ]
    assert news["mainEntityOfPage"]["@id"] == news["url"] == ORIGIN + article.get_absolute_url()
    assert news["articleSection"] == "Xây dựng Đảng"
    assert news["inLanguage"] == "vi"
    trail = of_type(nodes, "BreadcrumbList")
    assert crumbs(trail) == [
        (1, "Trang chủ", f"{ORIGIN}/"),
        (2, "Xây dựng Đảng", ORIGIN + category.get_absolute_url()),
        (3, article.title, ORIGIN + article.get_absolute_url()),
    ]
    # Shown without the last: the article's headline is right below the trail.
    assert [item for _, _, item in crumbs(trail)][:-1] == visible_breadcrumbs(page)


def test_an_article_with_a_byline_has_its_writer_as_author(reader, make_article):
    article = make_article(title="Ra quân làm sạch kênh", author="Nguyễn Thu Hà")
    page = reader.get(article.get_absolute_url()).content.decode()
    news = of_type(check_page(page), "NewsArticle")
    assert news["author"] == {"@type": "Person", "name": "Nguyễn Thu Hà"}
    assert news["publisher"]["name"] == "Đảng ủy phường Hòa Bình"


def test_an_article_without_photos_or_section_still_has_an_image(reader, make_article):
    article = make_article()
    news = of_type(check_page(reader.get(article.get_absolute_url()).content.decode()), "NewsArticle")
    assert news["image"] == [news["publisher"]["logo"]["url"]]
    assert "articleSection" not in news


def test_a_title_cannot_close_the_script_it_is_written_in(reader, make_article):
    title = 'Họp </script><script>alert("x")</script> & <!-- “Tết” -->'
    page = reader.get(make_article(title=title).get_absolute_url()).content.decode()
    plain = reader.get(make_article().get_absolute_url()).content.decode()
    news = of_type(check_page(page), "NewsArticle")
    assert news["headline"] == title  # read back whole: the block was not cut short
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    assert "<" not in block and ">" not in block and "&" not in block
    assert script_elements(page) == script_elements(plain)  # and no script of the title's own


def test_the_home_page_has_the_site_with_its_search_and_the_ward(reader, client, make_article):
    site = WardSettings.objects.get(pk=1)
    site.phone = "024 3856 1234"
    site.email = "dangbo@hoabinh.example.vn"
    site.address = "Số 5 phố Hòa Bình, phường Hòa Bình, Hà Nội"
    site.save()
    article = make_article(title="Khai giảng lớp bồi dưỡng lý luận chính trị")
    nodes = check_page(reader.get("/").content.decode())
    website = of_type(nodes, "WebSite")
    assert website["name"] == "Trang thông tin điện tử Đảng bộ phường Hòa Bình"
    assert website["url"] == f"{ORIGIN}/"
    search = website["potentialAction"]
    assert search["query-input"] == "required name=search_term_string"
    template = search["target"]["urlTemplate"]
    assert "{search_term_string}" in template
    # The template is the site's real search: filled in, it finds the article.
    results = client.get(template.removeprefix(ORIGIN).replace("{search_term_string}", "boi+duong+ly+luan"))
    assert f'href="{article.get_absolute_url()}"' in results.content.decode()
    ward = of_type(nodes, "Organization")
    assert ward["name"] == "Đảng ủy phường Hòa Bình"
    assert ward["telephone"] == "024 3856 1234"
    assert ward["email"] == "dangbo@hoabinh.example.vn"
    assert ward["address"]["streetAddress"] == "Số 5 phố Hòa Bình, phường Hòa Bình, Hà Nội"
    assert website["publisher"] == {"@id": ward["@id"]}


def test_the_ward_leaves_out_a_phone_and_email_it_does_not_have(reader):
    site = WardSettings.objects.get(pk=1)
    site.phone = site.email = ""
    site.save()
    ward = of_type(check_page(reader.get("/lien-he/").content.decode()), "Organization")
    assert "telephone" not in ward and "email" not in ward


@pytest.mark.parametrize(
    ("path", "trail"),
    [
        ("/tin-tuc/", [(1, "Trang chủ", f"{ORIGIN}/"), (2, "Tin tức", f"{ORIGIN}/tin-tuc/")]),
        ("/lien-he/", [(1, "Trang chủ", f"{ORIGIN}/"), (2, "Liên hệ", f"{ORIGIN}/lien-he/")]),
    ],
)
def test_list_pages_give_their_breadcrumbs(reader, path, trail):
    assert check_trail(reader.get(path).content.decode()) == trail


def test_a_section_page_gives_its_breadcrumbs(reader, make_article):
    section = Category.objects.create(name="Văn hóa – Xã hội")
    make_article(category=section)
    assert check_trail(reader.get(section.get_absolute_url()).content.decode()) == [
        (1, "Trang chủ", f"{ORIGIN}/"),
        (2, "Văn hóa – Xã hội", ORIGIN + section.get_absolute_url()),
    ]


def test_the_json_ld_is_written_in_unescaped_vietnamese(reader, make_article):
    """ensure_ascii=False: "Trang chủ", not "Trang ch\\u1ee7" (longer, and unreadable in the source)."""
    make_article()
    assert '"name":"Trang chủ"' in reader.get("/tin-tuc/").content.decode()


@pytest.mark.parametrize(
    ("node", "complaint"),
    [
        ({"@type": "NewsArticle", "headline": "x", "colour": "đỏ"}, "colour is not a schema.org property"),
        ({"@type": "WebSite", "articleSection": "x"}, "WebSite has no property articleSection"),
        ({"@type": "NewsArticle", "author": {"@type": "ImageObject"}}, "ImageObject where"),
        ({"@type": "ImageObject", "width": 1600}, "a number where"),
        ({"@type": "NewsArticle", "datePublished": "01/12/2026"}, "Invalid isoformat"),
        ({"@type": "Organization", "url": "/lien-he/"}, "not an absolute URL"),
        ({"@type": "Newsarticle"}, "not a schema.org type"),
        (
            {"@type": "BreadcrumbList", "itemListElement": [{"@type": "ListItem", "item": "Trang chủ"}]},
            "text where",
        ),
    ],
)
def test_the_check_refuses_what_schema_org_does_not_define(node, complaint):
    """The vocabulary check itself: it must be able to fail."""
    with pytest.raises((AssertionError, ValueError), match=complaint):
        check_node(node)


def test_a_page_without_json_ld_has_no_blocks(reader):
    assert ld_blocks(reader.get("/tim-kiem/?q=hoi+nghi").content.decode()) == []


def test_notices_give_their_breadcrumbs(reader, make_notice):
    notice = make_notice(title="Thông báo lịch tiếp công dân tháng 12")
    assert check_trail(reader.get("/thong-bao/").content.decode()) == [
        (1, "Trang chủ", f"{ORIGIN}/"),
        (2, "Thông báo", f"{ORIGIN}/thong-bao/"),
    ]
    found = check_trail(reader.get(notice.get_absolute_url()).content.decode())
    assert found[-1] == (3, "Thông báo lịch tiếp công dân tháng 12", ORIGIN + notice.get_absolute_url())
