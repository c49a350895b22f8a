"""What search engines, feed readers and link previews read: RSS, sitemap.xml and robots.txt."""

import importlib.util
import xml.etree.ElementTree as ET
from datetime import timedelta
from email.utils import parsedate_to_datetime

from django.urls import reverse
from django.utils import timezone

from news.models import Article, Category

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def test_rss_feed_is_valid_rss_2_with_published_items_newest_first(client, make_article, category):
    older = make_article(
        title="Tin cũ", summary="Tóm tắt cũ.", published_at=timezone.now() - timedelta(days=2)
    )
    newer = make_article(
        title="Tin mới & nóng", summary="Tóm tắt <mới>.", category=category, published_at=timezone.now()
    )
    make_article(title="Bản nháp", status=Article.Status.DRAFT)
    make_article(title="Hẹn giờ", published_at=timezone.now() + timedelta(days=1))

    response = client.get("/rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own response
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    assert channel.findtext("language") == "vi"
    items = channel.findall("item")
    assert [i.findtext("title") for i in items] == ["Tin mới & nóng", "Tin cũ"]
    first = items[0]
    assert first.findtext("link") == f"http://testserver{newer.get_absolute_url()}"
    # The description is HTML to a feed reader: the summary's "<mới>" is written so that it reads as text.
    assert first.findtext("description") == "Tóm tắt &lt;mới&gt;."
    assert first.findtext("category") == category.name
    assert parsedate_to_datetime(first.findtext("pubDate")) == newer.published_at.replace(microsecond=0)
    assert items[1].findtext("description") == older.summary


def test_section_feed_has_only_that_sections_articles(client, make_article, category):
    other = Category.objects.create(name="Văn hóa", order=2)
    make_article(title="Tin xây dựng Đảng", category=category)
    make_article(title="Tin văn hóa", category=other)
    root = ET.fromstring(client.get(f"/chuyen-muc/{category.slug}/rss/").content)  # noqa: S314 - our own response
    channel = root.find("channel")
    assert category.name in channel.findtext("title")
    assert [i.findtext("title") for i in channel.findall("item")] == ["Tin xây dựng Đảng"]
    assert client.get("/chuyen-muc/khong-co/rss/").status_code == 404


def test_sitemap_lists_home_sections_and_published_articles_only(client, make_article, category):
    public = make_article(title="Đã đăng")
    draft = make_article(title="Nháp", status=Article.Status.DRAFT)
    scheduled = make_article(title="Hẹn giờ", published_at=timezone.now() + timedelta(days=1))
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 - our own response
    locations = [u.findtext("s:loc", namespaces=SITEMAP_NS) for u in root.findall("s:url", SITEMAP_NS)]
    assert "http://testserver/" in locations
    assert f"http://testserver{category.get_absolute_url()}" in locations
    assert f"http://testserver{public.get_absolute_url()}" in locations
    assert f"http://testserver{draft.get_absolute_url()}" not in locations
    assert f"http://testserver{scheduled.get_absolute_url()}" not in locations
    lastmods = [u.findtext("s:lastmod", namespaces=SITEMAP_NS) for u in root.findall("s:url", SITEMAP_NS)]
    assert any(lastmods)


def test_robots_txt_points_at_the_sitemap_and_keeps_crawlers_out_of_admin_and_search(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Disallow: /quan-tri/" in lines
    assert "Disallow: /tim-kiem/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def urlconf_as_imported_now():
    """portal/urls.py run afresh, as a server started with today's settings runs it: it reads the
    admin's path at import, so overriding the setting alone would leave the admin where it was."""
    spec = importlib.util.find_spec("portal.urls")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_robots_txt_never_reveals_a_moved_admin_address(client, db, settings):
    """A ward that moves the admin to a secret path must not find it printed in robots.txt."""
    settings.PORTAL_ADMIN_PATH = "bi-mat-123/"
    settings.ROOT_URLCONF = urlconf_as_imported_now()
    assert reverse("admin:index") == "/bi-mat-123/"  # the admin really moved
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "bi-mat-123" not in response.content.decode()


def test_a_control_character_pasted_into_a_title_does_not_break_the_feeds(client, make_article):
    """XML cannot hold control characters: one in a title (Word's Shift+Enter is \\x0b) made /rss/ a 500."""
    section = Category.objects.create(name="Văn\x1fhóa", order=2)
    make_article(title="Hội nghị\x0bĐảng ủy\x01", summary="Tóm\x0ctắt\x08.", category=section)
    for address in ("/rss/", f"/chuyen-muc/{section.slug}/rss/"):
        response = client.get(address)
        assert response.status_code == 200, address
        channel = ET.fromstring(response.content).find("channel")  # noqa: S314 - our own response
        item = channel.find("item")
        assert item.findtext("title") == "Hội nghị Đảng ủy"
        assert item.findtext("description") == "Tóm tắt."
        assert item.findtext("category") == "Vănhóa"


def test_an_article_without_a_summary_is_described_by_its_opening_words(client, make_article):
    body = "<p>Sáng 20/11, Chi bộ khu dân cư số 5 tổ chức lễ kết nạp hai đảng viên mới.</p><p>Đoạn hai.</p>"
    article = make_article(title="Kết nạp đảng viên", summary="", body=body)
    root = ET.fromstring(client.get("/rss/").content)  # noqa: S314 - our own response
    assert root.find("channel/item").findtext("description").startswith("Sáng 20/11, Chi bộ khu dân cư số 5")
    page = client.get(article.get_absolute_url()).content.decode()
    assert '<meta property="og:description" content="Sáng 20/11, Chi bộ khu dân cư số 5' in page


def test_text_that_looks_like_a_tag_stays_text_in_every_feed(client, make_article):
    """A feed reader decodes a description as HTML: text showing "<img … onerror=…>" must not become one."""
    section = Category.objects.create(name="Thông báo", order=3)
    shown = "<img src=x onerror=alert(1)>"
    make_article(
        title="Cảnh báo tin nhắn lừa đảo",
        summary="",
        body="<p>Tin nhắn giả chứa đoạn &lt;img src=x onerror=alert(1)&gt; để lừa người đọc.</p>",
        category=section,
    )
    make_article(
        title="Nhắc nhở về mã độc", summary=f"Đừng mở tệp có dòng {shown} trong đó.", category=section
    )
    for address in ("/rss/", f"/chuyen-muc/{section.slug}/rss/"):
        channel = ET.fromstring(client.get(address).content).find("channel")  # noqa: S314 - our own response
        descriptions = [item.findtext("description") for item in channel.findall("item")]
        assert descriptions == [
            "Tin nhắn giả chứa đoạn &lt;img src=x onerror=alert(1)&gt; để lừa người đọc.",
            "Đừng mở tệp có dòng &lt;img src=x onerror=alert(1)&gt; trong đó.",
        ], address
        assert all("<img" not in description for description in descriptions)


def test_the_sitemap_lists_one_of_each_public_type(client, make_article, make_notice):
    """Articles, Giới thiệu pages, notices and Hỏi đáp, each from its own app's sitemap (news.sitemaps)."""
    from pages.models import Page
    from questions.models import Question

    page = Page.objects.create(title="Lịch sử phường", status=Page.Status.PUBLISHED)
    question = Question.objects.create(
        subject="Hỏi về giờ làm việc", body="Sáng thứ Bảy?", answer="Có.", status=Question.Status.PUBLISHED
    )
    items = [make_article(title="Đã đăng"), page, make_notice(title="Lịch cắt điện"), question]
    root = ET.fromstring(client.get("/sitemap.xml").content)  # noqa: S314 - our own response
    locations = {u.findtext("s:loc", namespaces=SITEMAP_NS) for u in root.findall("s:url", SITEMAP_NS)}
    for item in items:
        assert f"http://testserver{item.get_absolute_url()}" in locations, item
    for index in ("/gioi-thieu/", "/thong-bao/", "/hoi-dap/", "/lien-he/"):
        assert f"http://testserver{index}" in locations, index


def test_text_that_looks_like_a_tag_stays_text_in_the_notice_feed(client, make_notice):
    """As in the articles' feeds: a notice's opening words are text, and a feed reader decodes HTML."""
    make_notice(
        title="Cảnh báo tin nhắn lừa đảo",
        body="<p>Tin nhắn giả chứa đoạn &lt;img src=x onerror=alert(1)&gt; để lừa người đọc.</p>",
    )
    channel = ET.fromstring(client.get("/thong-bao/rss/").content).find("channel")  # noqa: S314 - our own
    (description,) = [item.findtext("description") for item in channel.findall("item")]
    assert "<img" not in description
    assert description.endswith("Tin nhắn giả chứa đoạn &lt;img src=x onerror=alert(1)&gt; để lừa người đọc.")
