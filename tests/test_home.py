"""The front page: the lead story and the next few, the blocks, a block per section, "Xem nhiều nhất":
each article once (news.front_page)."""

import re
from datetime import timedelta

from django.utils import timezone
from PIL import Image

from news.models import Article, Category, DailyViews
from news.view_log import set_total
from ward.identity import ward_in_a_phrase


def test_newest_article_is_featured_with_its_photo(reader, make_article, make_photo):
    make_article(title="Tin hôm qua", published_at=timezone.now() - timedelta(days=1))
    newest = make_article(title="Tin sáng nay", published_at=timezone.now() - timedelta(minutes=5))
    photo = make_photo(newest)
    html = reader.get("/").content.decode()
    featured = re.search(r'<article class="featured">(.*?)</article>', html, re.S).group(1)
    assert "Tin sáng nay" in featured
    assert photo.image.url in featured
    assert f'width="{photo.width}" height="{photo.height}"' in featured
    assert "Tin hôm qua" not in featured
    # The rest follow in the latest list.
    assert html.index('id="tin-moi"') < html.index("Tin hôm qua")


def test_a_portrait_featured_photo_offers_phones_its_thumbnail_at_its_true_width(
    reader, make_article, make_photo
):
    # A phone picks from srcset by width: a 300 px thumbnail called 400w is drawn blurred.
    photo = make_photo(make_article(title="Tin có ảnh dọc"), size=(600, 800))
    with Image.open(photo.thumbnail.path) as thumbnail:
        assert thumbnail.size == (300, 400)
    html = reader.get("/").content.decode()
    assert f'srcset="{photo.thumbnail.url} 300w, {photo.image.url} 600w"' in html


def test_a_block_per_section_with_its_newest_few_not_shown_above(reader, make_article):
    first = Category.objects.create(name="Xây dựng Đảng", order=1)
    second = Category.objects.create(name="An sinh xã hội", order=2)
    Category.objects.create(name="Chuyên mục trống", order=3)
    now = timezone.now()
    for n in range(10):
        make_article(title=f"Xây dựng Đảng {n}", category=first, published_at=now - timedelta(hours=n + 1))
    make_article(title="An sinh 1", category=second, published_at=now - timedelta(days=2))
    make_article(title="An sinh nháp", category=second, status=Article.Status.DRAFT)
    make_article(title="An sinh hẹn giờ", category=second, published_at=now + timedelta(hours=2))

    html = reader.get("/").content.decode()
    blocks = dict(
        re.findall(
            r'<section class="block section-block" aria-labelledby="cm-([\w-]+)">(.*?)</section>', html, re.S
        )
    )
    assert list(blocks) == [first.slug, second.slug]  # in the sections' order; an empty one has no block
    # The five newest are the lead and the next few above; the section shows its next four.
    assert re.findall(r"Xây dựng Đảng \d", blocks[first.slug]) == [f"Xây dựng Đảng {n}" for n in range(5, 9)]
    assert "An sinh 1" in blocks[second.slug]
    assert "nháp" not in blocks[second.slug]
    assert "hẹn giờ" not in blocks[second.slug]
    assert f'href="{first.get_absolute_url()}"' in blocks[first.slug]


def test_a_section_whose_articles_are_all_above_has_no_block(reader, make_article, category):
    for _ in range(3):
        make_article(category=category)
    html = reader.get("/").content.decode()
    assert "section-block" not in html
    assert html.count('class="brief"') == 2


def test_most_viewed_of_the_last_7_days_leaves_out_what_the_page_shows_above(reader, make_article, category):
    """'Xem nhiều nhất' ranks the week's views (DailyViews), not lifetime totals, of the articles the
    page does not already show: the lead, the next few and the sections' newest are above it."""
    now, today = timezone.now(), timezone.localdate()
    shown = [make_article(title=f"Tin mới số {n}", category=category) for n in range(9)]
    old_hit = make_article(title="Bài cũ rất nhiều lượt xem", published_at=now - timedelta(days=45))
    popular = make_article(title="Bài được đọc nhiều", published_at=now - timedelta(days=3))
    quiet = make_article(title="Bài ít người đọc", published_at=now - timedelta(days=1))
    draft = make_article(title="Bài nháp được xem", status=Article.Status.DRAFT)
    set_total(old_hit.pk, 10_000)
    DailyViews.objects.create(article=old_hit, day=today - timedelta(days=10), views=9_000)
    DailyViews.objects.create(article=popular, day=today, views=200)
    DailyViews.objects.create(article=popular, day=today - timedelta(days=2), views=100)
    DailyViews.objects.create(article=quiet, day=today, views=2)
    DailyViews.objects.create(article=draft, day=today, views=500)
    DailyViews.objects.create(article=shown[0], day=today, views=1_000)

    html = reader.get("/").content.decode()
    assert '<aside class="sidebar"' not in html
    most = re.search(r'<section class="block most-viewed-block".*?</section>', html, re.S).group(0)
    assert re.findall(r'">(Bài[^<]+)</a>', most) == ["Bài được đọc nhiều", "Bài ít người đọc"]
    assert "300 lượt xem trong 7 ngày" in most
    assert "Tin mới số" not in most  # the most read of all is the lead, shown already
    assert "nháp" not in most


def test_a_section_page_keeps_the_sidebar_with_latest_and_most_viewed(reader, make_article, category):
    today = timezone.localdate()
    older = make_article(title="Bài được đọc nhiều", category=category)
    make_article(title="Bài mới hơn", category=category, published_at=timezone.now())
    DailyViews.objects.create(article=older, day=today, views=30)
    html = reader.get(category.get_absolute_url()).content.decode()
    aside = re.search(r'<aside class="sidebar".*?</aside>', html, re.S).group(0)
    latest, most = aside.split("Xem nhiều nhất")
    assert "Tin mới nhất" in latest
    assert latest.index("Bài mới hơn") < latest.index("Bài được đọc nhiều")
    assert re.findall(r'">(Bài[^<]+)</a>', most) == ["Bài được đọc nhiều"]


def test_later_pages_list_without_featured_or_section_blocks(reader, make_article, category):
    for _ in range(25):
        make_article(category=category)
    html = reader.get("/?page=2").content.decode()
    assert 'class="featured"' not in html
    assert "section-block" not in html
    assert html.count('class="card"') == 5
    assert 'rel="canonical" href="http://testserver/?page=2"' in html


def test_home_has_header_footer_search_box_skip_link_and_feed(reader, db, settings):
    html = reader.get("/").content.decode()
    assert '<html lang="vi">' in html
    assert 'class="skip-link" href="#noi-dung"' in html
    # The header names the site after the ward (issue 12): "… Đảng bộ phường Hòa Bình".
    assert f"Đảng bộ {ward_in_a_phrase(settings.PORTAL_WARD_NAME)}" in html
    assert settings.PORTAL_WARD_ADDRESS in html
    # The office's phone and email (first-run defaults, tests/ward/ for staff's own) as links.
    assert f'<a href="tel:02400000000">{settings.PORTAL_WARD_PHONE}</a>' in html
    assert f'<a href="mailto:{settings.PORTAL_WARD_EMAIL}">{settings.PORTAL_WARD_EMAIL}</a>' in html
    assert 'role="search"' in html and 'name="q"' in html
    assert 'type="application/rss+xml"' in html
    assert '<h1 class="visually-hidden">' in html
    assert 'rel="canonical" href="http://testserver/"' in html


def test_empty_portal_still_answers(reader, db):
    response = reader.get("/")
    assert response.status_code == 200
    assert "Chưa có tin bài nào được đăng." in response.content.decode()


def test_home_queries_do_not_grow_with_articles_photos_or_sections(
    reader, make_article, make_photo, django_assert_num_queries, ward_identity
):
    """The newest few, the section blocks (one query), the photos of both (one prefetch), the menu's
    sections, "Xem nhiều nhất", the featured pin, the notices in force, the newest documents ("Văn
    bản mới", documents.home) and Lịch công tác (schedule.home): 9, whatever the number of sections
    or articles (tests/test_notices_home.py: with notices and a pin). The front page has no paginator
    (its count query) and no sidebar ("Tin mới nhất" was the newest few again): 12 before."""
    sections = [Category.objects.create(name=f"Chuyên mục {n}", order=n) for n in range(2)]
    for n in range(4):
        make_photo(make_article(category=sections[n % 2]))
    with django_assert_num_queries(9):
        reader.get("/")
    sections += [Category.objects.create(name=f"Chuyên mục thêm {n}", order=10 + n) for n in range(5)]
    for n in range(40):
        article = make_article(category=sections[n % len(sections)])
        make_photo(article)
        make_photo(article)
    with django_assert_num_queries(9):
        html = reader.get("/").content.decode()
    assert html.count("section-block") == 7
