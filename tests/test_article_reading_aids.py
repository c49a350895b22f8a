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


def test_a_sections_newest_are_kept_for_its_other_articles_until_one_is_saved(
    reader, make_article, category, django_assert_num_queries, ward_identity
):
    """news.related keeps them per section: the next article of the section rendered afresh asks only
    for its own photos, shows the newest others but itself, and a newly published one at once."""
    now = timezone.now()
    first = make_article(title="Tin thứ nhất", category=category, published_at=now - timedelta(hours=1))
    second = make_article(title="Tin thứ hai", category=category, published_at=now - timedelta(hours=2))
    make_article(title="Tin thứ ba", category=category, published_at=now - timedelta(hours=3))
    assert related_titles(reader.get(first.get_absolute_url()).content.decode()) == [
        "Tin thứ hai",
        "Tin thứ ba",
    ]
    # tests/test_article_page.py's 9 but the menu's sections (kept with the page's frame), these and
    # the timeline for previous and next (kept too).
    with django_assert_num_queries(6):
        html = reader.get(second.get_absolute_url()).content.decode()
    assert related_titles(html) == ["Tin thứ nhất", "Tin thứ ba"]
    make_article(title="Tin mới đăng", category=category, published_at=timezone.now())
    html = reader.get(second.get_absolute_url()).content.decode()
    assert related_titles(html) == ["Tin mới đăng", "Tin thứ nhất", "Tin thứ ba"]


def test_the_kept_related_news_show_a_related_article_as_saved_since(reader, make_article, category):
    """The block is kept rendered per list of related news (news/article_detail.html): a save of one
    of them shows at the next page, on every article of the section."""
    related = make_article(title="Tổng kết năm học", category=category, published_at=timezone.now())
    readers = [make_article(title=f"Tin {n}", category=category) for n in range(7)]
    for article in readers[-2:]:
        assert "Tổng kết năm học" in related_titles(reader.get(article.get_absolute_url()).content.decode())
    related.title = "Tổng kết năm học 2025-2026"
    related.save()
    for article in readers[-2:]:
        assert "Tổng kết năm học 2025-2026" in related_titles(
            reader.get(article.get_absolute_url()).content.decode()
        )


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


def prev_next(html):
    nav = re.search(r'<nav class="prev-next".*?</nav>', html, re.S)
    return re.findall(r'rel="(prev|next)" href="([^"]+)"', nav.group(0)) if nav else []


def test_previous_and_next_follow_what_is_published_since(reader, make_article):
    """The worker keeps the published articles' timeline (news.related.beside): an article published
    between two shows at once as the next of the one and the previous of the other."""
    now = timezone.now()
    older = make_article(title="Tin cũ", published_at=now - timedelta(days=2))
    newer = make_article(title="Tin mới", published_at=now - timedelta(hours=1))
    assert prev_next(reader.get(older.get_absolute_url()).content.decode()) == [
        ("next", newer.get_absolute_url())
    ]
    between = make_article(title="Tin ở giữa", published_at=now - timedelta(days=1))
    assert prev_next(reader.get(older.get_absolute_url()).content.decode()) == [
        ("next", between.get_absolute_url())
    ]
    assert prev_next(reader.get(newer.get_absolute_url()).content.decode()) == [
        ("prev", between.get_absolute_url())
    ]


def test_a_draft_previewed_by_staff_sits_between_the_published_ones(staff_client, make_article):
    now = timezone.now()
    older = make_article(title="Tin cũ", published_at=now - timedelta(days=2))
    draft = make_article(title="Bản nháp", status=Article.Status.DRAFT, published_at=now - timedelta(days=1))
    newer = make_article(title="Tin mới", published_at=now - timedelta(hours=1))
    assert prev_next(staff_client.get(draft.get_absolute_url()).content.decode()) == [
        ("prev", older.get_absolute_url()),
        ("next", newer.get_absolute_url()),
    ]


def test_breadcrumbs_lead_home_and_to_the_section_without_repeating_the_headline(
    reader, make_article, category
):
    """The trail ended in the title cut to eight words, right above the same title in full."""
    title = "Hội nghị sơ kết công tác xây dựng Đảng sáu tháng đầu năm"
    article = make_article(title=title, category=category)
    html = reader.get(article.get_absolute_url()).content.decode()
    crumbs = re.search(r'<nav class="breadcrumbs".*?</nav>', html, re.S).group(0)
    assert re.findall(r"<li>(.*?)</li>", crumbs) == [
        '<a href="/">Trang chủ</a>',
        f'<a href="{category.get_absolute_url()}">{category.name}</a>',
    ]
    assert "Hội nghị" not in crumbs
    assert f'<h1 class="article-title">{article.title}</h1>' in html


def test_print_and_text_size_controls_come_from_site_js_without_inline_script(reader, make_article):
    article = make_article()
    response = reader.get(article.get_absolute_url())
    html = response.content.decode()
    # Rendered whole and disabled until site.js enables them: nothing appears later and pushes the text.
    assert '<button type="button" class="print-button" data-print disabled>In bài viết</button>' in html
    header = html[html.index('<header class="site-header">') : html.index("</header>")]
    control = re.search(r"<div class=\"text-size\" data-text-size-control>.*?</div>", header, re.S).group(0)
    assert 'data-text-size-step="-1"' in control and ">A-<" in control and ">A+<" in control
    assert control.count(" disabled>") == 2
    assert "Cỡ chữ: </span><span data-text-size-value>100&nbsp;%</span>" in control
    # The stored size is on <html> before the first paint: a blocking script, first in <head>.
    head = html[: html.index("</head>")]
    assert '<script src="/static/js/text-size.js"></script>' in head
    assert head.index("js/text-size.js") < head.index("css/site.css")
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


def test_photos_have_size_lazy_loading_and_are_named_once_by_their_caption(reader, make_article, make_photo):
    """alt repeated the caption word for word: a screen reader read it twice (docs/SITE.md)."""
    article = make_article(title="Ngày hội đại đoàn kết", body="".join(f"<p>Đoạn {n}.</p>" for n in range(4)))
    first = make_photo(article, caption="Ảnh một", position=1, order=0)
    second = make_photo(article, caption="Ảnh hai", position=3, order=1)
    bare = make_photo(article, caption="", order=2)
    html = reader.get(article.get_absolute_url()).content.decode()
    img = re.search(r'<img src="' + re.escape(second.image.url) + r'"[^>]*>', html).group(0)
    assert 'alt=""' in img
    figure = html[html.rindex("<figure", 0, html.index(img)) : html.index("</figure>", html.index(img))]
    assert "<figcaption>Ảnh hai</figcaption>" in figure
    assert html.count("Ảnh hai") == 1  # said once, by the caption
    # A photo without a caption has nothing beside it: the title says what it is.
    lone = re.search(r'<img src="' + re.escape(bare.image.url) + r'"[^>]*>', html).group(0)
    assert 'alt="Ngày hội đại đoàn kết"' in lone
    assert f'width="{second.width}" height="{second.height}"' in img
    assert 'loading="lazy"' in img
    # The first photo, after the first paragraph, is fetched at once: it is what a phone paints first.
    lead = re.search(r'<img src="' + re.escape(first.image.url) + r'"[^>]*>', html).group(0)
    assert 'loading="eager"' in lead


def test_related_news_are_small_cards_with_a_thumbnail_title_and_date(
    reader, make_article, make_photo, category
):
    """The block was a bare bulleted list of titles, unlike every other list on the site."""
    article = make_article(category=category)
    with_photo = make_article(title="Có ảnh", category=category)
    photo = make_photo(with_photo)
    make_article(title="Không ảnh", category=category)
    html = reader.get(article.get_absolute_url()).content.decode()
    section = re.search(r'<section class="related".*?</section>', html, re.S).group(0)
    items = re.findall(r'<li class="related-item">(.*?)</li>', section, re.S)
    assert len(items) == 2
    pictured = next(item for item in items if "Có ảnh" in item)
    assert f'src="{photo.thumbnail.url}"' in pictured  # the smallest size, not the 2000 px image
    assert 'tabindex="-1" aria-hidden="true"' in pictured and 'alt=""' in pictured
    day = timezone.localtime(with_photo.published_at).strftime("%d/%m/%Y")
    assert f"{day}</time>" in pictured
    plain = next(item for item in items if "Không ảnh" in item)
    assert "<img" not in plain and "<time" in plain


def test_the_printed_article_carries_its_address_and_section(reader, make_article, category):
    article = make_article(category=category)
    html = reader.get(article.get_absolute_url()).content.decode()
    facts = re.search(r'<div class="print-facts">.*?</div>', html, re.S).group(0)
    address = f"http://testserver{article.get_absolute_url()}"
    assert f'Địa chỉ bài viết: <span class="print-url">{address}</span>' in facts
    assert f"Chuyên mục: {category.name}" in facts
    # The day of printing is the reader's; site.js writes it (a kept page cannot know it).
    assert '<p class="print-fact" data-print-date hidden>Ngày in: <time></time></p>' in facts
    assert 'class="meta-item meta-views"' in html  # print.css leaves the counter out
