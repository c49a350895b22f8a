"""Tin tức (/tin-tuc/): every published article, newest first, paginated like the home page's list."""

from news.models import Article, Category


def test_all_news_lists_published_articles_newest_first_with_the_sections(reader, make_article, category):
    older = make_article(title="Hội nghị sơ kết quý ba", category=category)
    newer = make_article(title="Lễ kết nạp đảng viên mới")
    older.published_at, newer.published_at = newer.published_at, older.published_at
    older.save()
    newer.save()
    make_article(title="Bản nháp chưa đăng", status=Article.Status.DRAFT)
    html = reader.get("/tin-tuc/").content.decode()
    assert '<h1 class="page-title">Tin tức</h1>' in html
    assert html.index("Lễ kết nạp đảng viên mới") < html.index("Hội nghị sơ kết quý ba")
    assert "Bản nháp chưa đăng" not in html
    assert '<nav class="section-list" aria-label="Tin theo chuyên mục">' in html
    assert f'<a href="{category.get_absolute_url()}">Xây dựng Đảng</a>' in html
    assert 'rel="canonical" href="http://testserver/tin-tuc/"' in html


def test_all_news_is_paginated_and_junk_pages_never_500(reader, make_article):
    for _ in range(25):
        make_article()
    first = reader.get("/tin-tuc/").content.decode()
    assert first.count('class="card"') == 20
    assert 'href="?page=2"' in first
    second = reader.get("/tin-tuc/?page=2").content.decode()
    assert second.count('class="card"') == 5
    assert "Tin tức – trang 2" in second
    for junk in ("abc", "999", "-1", "%00"):
        assert reader.get(f"/tin-tuc/?page={junk}").status_code in (200, 404)


def test_all_news_is_kept_and_a_new_article_drops_it(reader, make_article, django_assert_num_queries):
    make_article(title="Tin thứ nhất")
    reader.get("/tin-tuc/")
    with django_assert_num_queries(0):
        reader.get("/tin-tuc/")
    make_article(title="Tin thứ hai vừa đăng")
    assert "Tin thứ hai vừa đăng" in reader.get("/tin-tuc/").content.decode()


def test_all_news_queries_do_not_grow_with_articles_photos_or_sections(
    reader, make_article, make_photo, django_assert_num_queries, ward_identity
):
    """Count, page, photos, the sections (strip and list: one query), the two sidebar lists: 6."""
    for _ in range(3):
        make_photo(make_article())
    with django_assert_num_queries(6):
        reader.get("/tin-tuc/")
    for n in range(4):
        section = Category.objects.create(name=f"Chuyên mục {n}", order=n)
        for _ in range(8):
            make_photo(make_article(category=section))
    with django_assert_num_queries(6):
        html = reader.get("/tin-tuc/").content.decode()
    assert html.count('class="card"') == 20
