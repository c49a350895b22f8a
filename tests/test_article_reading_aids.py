"""Around an article: related news, previous/next, breadcrumbs, print, text size and sharing."""

import re
from datetime import timedelta
from urllib.parse import quote

from django.utils import timezone

from news.models import Article, Category


def related_titles(html):
    section = re.search(r'<section class="related".*?</section>', html, re.S)
    return re.findall(r'<a href="[^"]+">([^<]+)</a>', section.group(0)) if section else []


def test_related_are_the_newest_of_the_same_section_without_itself_drafts_or_scheduled(
    reader, make_article, category
):
    now = timezone.now()
    other = Category.objects.create(name="Văn hóa", order=2)
    article = make_article(title="Bài đang đọc", category=category, published_at=now - timedelta(days=1))
    for n in range(7):
        make_article(
            title=f"Cùng chuyên mục {n}", category=category, published_at=now - timedelta(hours=n + 1)
        )
    make_article(title="Khác chuyên mục", category=other)
    make_article(title="Nháp cùng chuyên mục", category=category, status=Article.Status.DRAFT)
    make_article(title="Hẹn giờ cùng chuyên mục", category=category, published_at=now + timedelta(hours=1))

    html = reader.get(article.get_absolute_url()).content.decode()
    assert "Tin liên quan" in html
    assert related_titles(html) == [f"Cùng chuyên mục {n}" for n in range(5)]


def test_an_article_without_a_section_has_no_related_block(reader, make_article):
    article = make_article()
    make_article()
    response = reader.get(article.get_absolute_url())
    assert response.status_code == 200
    assert "Tin liên quan" not in response.content.decode()


def test_previous_and_next_in_time_skip_drafts_and_scheduled(reader, make_article):
    now = timezone.now()
    older = make_article(title="Bài trước đó", published_at=now - timedelta(days=3))
    make_article(
        title="Nháp ở giữa", status=Article.Status.DRAFT, published_at=now - timedelta(days=2, hours=12)
    )
    current = make_article(title="Bài hiện tại", published_at=now - timedelta(days=2))
    make_article(
        title="Nháp sau", status=Article.Status.DRAFT, published_at=now - timedelta(days=1, hours=12)
    )
    newer = make_article(title="Bài sau đó", published_at=now - timedelta(days=1))
    make_article(title="Hẹn giờ sau", published_at=now + timedelta(days=1))

    html = reader.get(current.get_absolute_url()).content.decode()
    nav = re.search(r'<nav class="prev-next".*?</nav>', html, re.S).group(0)
    assert f'rel="prev" href="{older.get_absolute_url()}"' in nav
    assert f'rel="next" href="{newer.get_absolute_url()}"' in nav
    assert "Nháp" not in nav and "Hẹn giờ" not in nav
    # The newest has no "next", the oldest no "previous".
    for article, missing in ((newer, 'rel="next"'), (older, 'rel="prev"')):
        response = reader.get(article.get_absolute_url())
        assert response.status_code == 200
        assert missing not in response.content.decode()


def test_articles_of_the_same_minute_still_have_an_order(reader, make_article):
    at = timezone.now() - timedelta(hours=1)
    first = make_article(title="Cùng giờ một", published_at=at)
    second = make_article(title="Cùng giờ hai", published_at=at)
    html = reader.get(first.get_absolute_url()).content.decode()
    assert f'rel="next" href="{second.get_absolute_url()}"' in html
    assert (
        f'rel="prev" href="{first.get_absolute_url()}"'
        in reader.get(second.get_absolute_url()).content.decode()
    )


def test_breadcrumbs_lead_home_and_to_the_section(reader, make_article, category):
    article = make_article(category=category)
    html = reader.get(article.get_absolute_url()).content.decode()
    crumbs = re.search(r'<nav class="breadcrumbs".*?</nav>', html, re.S).group(0)
    assert '<a href="/">Trang chủ</a>' in crumbs
    assert f'<a href="{category.get_absolute_url()}">{category.name}</a>' in crumbs
    assert 'aria-current="page"' in crumbs


def test_print_and_text_size_controls_come_from_site_js_without_inline_script(reader, make_article):
    article = make_article()
    response = reader.get(article.get_absolute_url())
    html = response.content.decode()
    assert re.search(r'<button type="button" class="print-button" data-print hidden>', html)
    assert "data-text-size-control hidden" in html
    assert 'data-text-size-step="-1"' in html and ">A-<" in html and ">A+<" in html
    assert '<link rel="stylesheet" href="/static/css/print.css" media="print">' in html
    # The strict policy holds: no inline script or style attribute on the page. The JSON-LD block is
    # data the browser never runs (type application/ld+json), so script-src does not apply to it.
    assert re.findall(r'<script(?![^>]*\ssrc=)(?! type="application/ld\+json">)', html) == []
    assert " style=" not in html and " onclick=" not in html
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_site_js_prints_and_remembers_the_text_size():
    from pathlib import Path

    script = (Path(__file__).resolve().parents[1] / "static" / "js" / "site.js").read_text()
    assert "window.print()" in script
    assert "localStorage" in script
    assert len(script.encode()) < 4096  # "a few KB of our own JS"


def test_share_links_for_facebook_and_zalo_carry_the_canonical_address(reader, make_article):
    article = make_article()
    html = reader.get(article.get_absolute_url()).content.decode()
    url = quote(f"http://testserver{article.get_absolute_url()}", safe="")
    assert f'href="https://www.facebook.com/sharer/sharer.php?u={url}"' in html
    assert f'href="https://sp.zalo.me/share_to_zalo?url={url}"' in html
    assert 'rel="noopener noreferrer"' in html
    assert "sdk.js" not in html and "connect.facebook.net" not in html


def test_open_graph_card_and_canonical_address(reader, make_article, make_photo, category):
    article = make_article(
        title="Ra mắt mô hình “Tổ dân phố văn minh”",
        summary="Tóm tắt & giới thiệu mô hình.",
        category=category,
    )
    first = make_photo(article, caption="Ảnh đầu tiên", order=0)
    make_photo(article, caption="Ảnh thứ hai", order=1)
    html = reader.get(article.get_absolute_url()).content.decode()
    address = f"http://testserver{article.get_absolute_url()}"
    assert f'<link rel="canonical" href="{address}">' in html
    assert f'<meta property="og:url" content="{address}">' in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:locale" content="vi_VN">' in html
    assert '<meta property="og:title" content="Ra mắt mô hình “Tổ dân phố văn minh”">' in html
    assert '<meta property="og:description" content="Tóm tắt &amp; giới thiệu mô hình.">' in html
    assert f'<meta property="og:image" content="http://testserver{first.image.url}">' in html
    assert f'<meta property="og:image:width" content="{first.width}">' in html
    assert '<meta property="og:image:alt" content="Ảnh đầu tiên">' in html


def test_without_a_photo_there_is_no_og_image(reader, make_article):
    html = reader.get(make_article().get_absolute_url()).content.decode()
    assert "og:image" not in html
    assert 'property="og:title"' in html


def test_photos_have_size_lazy_loading_and_caption_as_alt(reader, make_article, make_photo):
    article = make_article(body="".join(f"<p>Đoạn {n}.</p>" for n in range(4)))
    first = make_photo(article, caption="Ảnh một", position=1, order=0)
    second = make_photo(article, caption="Ảnh hai", position=3, order=1)
    html = reader.get(article.get_absolute_url()).content.decode()
    img = re.search(r'<img src="' + re.escape(second.image.url) + r'"[^>]*>', html).group(0)
    assert 'alt="Ảnh hai"' in img
    assert f'width="{second.width}" height="{second.height}"' in img
    assert 'loading="lazy"' in img
    # The first photo, after the first paragraph, is fetched at once: it is what a phone paints first.
    lead = re.search(r'<img src="' + re.escape(first.image.url) + r'"[^>]*>', html).group(0)
    assert 'loading="eager"' in lead
