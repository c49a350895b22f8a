"""A section's page: its articles only, paginated like the list, with breadcrumbs, sidebar and feed."""

from datetime import timedelta

from django.utils import timezone

from news.models import Article, Category


def test_lists_only_this_sections_published_articles(reader, make_article, category):
    other = Category.objects.create(name="Văn hóa", order=2)
    make_article(title="Tin xây dựng Đảng", category=category)
    make_article(title="Tin văn hóa", category=other)
    make_article(title="Nháp xây dựng Đảng", category=category, status=Article.Status.DRAFT)
    make_article(title="Hẹn giờ", category=category, published_at=timezone.now() + timedelta(days=1))
    html = reader.get(category.get_absolute_url()).content.decode()
    main = html[html.index('<div class="layout-main">') : html.index('<aside class="sidebar"')]
    assert "Tin xây dựng Đảng" in main
    assert "Tin văn hóa" not in main
    assert "Nháp" not in html
    assert "Hẹn giờ" not in html


def test_breadcrumbs_heading_canonical_and_section_feed(reader, category):
    html = reader.get(category.get_absolute_url()).content.decode()
    assert 'aria-label="Đường dẫn"' in html
    assert '<a href="/">Trang chủ</a>' in html
    assert f'<h1 class="page-title">{category.name}</h1>' in html
    assert f'rel="canonical" href="http://testserver{category.get_absolute_url()}"' in html
    assert f'href="{category.get_absolute_url()}rss/"' in html
    assert "Tin mới nhất" in html and "Xem nhiều nhất" in html


def test_paginated_twenty_a_page_and_junk_pages_never_500(reader, make_article, category):
    for _ in range(25):
        make_article(category=category)
    url = category.get_absolute_url()
    assert reader.get(url).content.decode().count('class="card"') == 20
    assert reader.get(url + "?page=2").content.decode().count('class="card"') == 5
    assert reader.get(url + "?page=abc").status_code == 200
    assert reader.get(url + "?page=99999").status_code == 404
    assert reader.get("/chuyen-muc/khong-co/").status_code == 404


def test_category_queries_do_not_grow_with_articles_or_photos(
    reader, make_article, make_photo, category, django_assert_num_queries, ward_identity
):
    """The section, count, page, photos, the menu's sections and the two sidebar lists: 7."""
    for _ in range(3):
        make_photo(make_article(category=category))
    with django_assert_num_queries(7):
        reader.get(category.get_absolute_url())
    for _ in range(30):
        article = make_article(category=category)
        make_photo(article)
        make_photo(article)
    with django_assert_num_queries(7):
        reader.get(category.get_absolute_url())
