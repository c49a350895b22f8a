"""The lists of articles (Tin tức, /tin-tuc/, and the home address past its first page): newest
published first, 20 a page, with thumbnail, date, views and summary."""

from datetime import timedelta

import pytest
from django.utils import timezone

from news.models import Article


def test_lists_published_newest_first_without_drafts_or_scheduled(reader, make_article):
    older = make_article(title="Tin cũ hơn", published_at=timezone.now() - timedelta(days=2))
    newer = make_article(title="Tin mới hơn", published_at=timezone.now() - timedelta(days=1))
    make_article(title="Bản nháp bí mật", status=Article.Status.DRAFT)
    make_article(title="Tin hẹn giờ", published_at=timezone.now() + timedelta(days=1))

    html = reader.get("/").content.decode()

    assert html.index(newer.title) < html.index(older.title)
    assert "Bản nháp bí mật" not in html
    assert "Tin hẹn giờ" not in html


def test_card_shows_thumbnail_date_views_and_summary(reader, make_article, make_photo):
    article = make_article(summary="Một câu tóm tắt ngắn gọn.")
    photo = make_photo(article)
    html = reader.get("/tin-tuc/").content.decode()
    card = html[html.index('class="card"') :]
    assert photo.thumbnail.url in card
    assert 'loading="lazy"' in card
    assert "Một câu tóm tắt ngắn gọn." in html
    published = timezone.localtime(article.published_at)
    assert f'Ngày đăng <time datetime="{published.isoformat()}">{published:%d/%m/%Y}</time>' in html
    assert "Lượt xem: 0" in html


def test_twenty_a_page(reader, make_article):
    for _ in range(25):
        make_article()
    first = reader.get("/tin-tuc/").content.decode()
    second = reader.get("/?page=2").content.decode()
    assert first.count('class="card"') == 20
    # The home address past its front page goes on with the same list.
    assert second.count('class="card"') == 5
    assert "Trang 2 / 2" in second


@pytest.mark.parametrize(
    ("page", "status"), [("abc", 200), ("0", 200), ("-1", 200), ("%00", 200), ("99999", 404)]
)
def test_junk_page_numbers_never_answer_500(reader, make_article, page, status):
    article = make_article()
    response = reader.get(f"/?page={page}")
    assert response.status_code == status
    if status == 200:
        # Junk gives the first page: the one article, featured at its top.
        html = response.content.decode()
        featured = html[html.index('class="featured"') :]
        assert article.title in featured


@pytest.mark.parametrize("page", ["1000000", "99999999999", "9" * 40])
def test_a_page_number_past_the_end_is_a_404_however_large(reader, make_article, page):
    """From seven digits on, the number was taken for junk: the home page answered as page 1."""
    make_article()
    response = reader.get(f"/?page={page}")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_leading_zeros_still_name_the_page(reader, make_article):
    for _ in range(21):
        make_article()
    assert "Trang 2 / 2" in reader.get("/?page=00000002").content.decode()


def test_list_queries_do_not_grow_with_articles_or_photos(
    reader, make_article, make_photo, django_assert_num_queries, ward_identity
):
    """The list pages past the first: count, page, photos, sections for the menu, the two sidebar lists."""
    for _ in range(23):
        make_photo(make_article())
    with django_assert_num_queries(6):
        reader.get("/?page=2")
    for _ in range(40):
        article = make_article()
        make_photo(article)
        make_photo(article)
    with django_assert_num_queries(6):
        reader.get("/?page=2")


def test_every_page_is_vietnamese_with_a_link_home_and_phone_viewport(reader, db):
    html = reader.get("/").content.decode()
    assert '<html lang="vi">' in html
    assert 'rel="home"' in html
    assert 'name="viewport" content="width=device-width, initial-scale=1"' in html


def test_a_card_without_a_summary_shows_the_opening_words_of_the_body(reader, make_article):
    make_article(title="Bài mới nhất")
    make_article(
        title="Bài không có sapo",
        summary="",
        body="<p>Chiều 18/11, Ban Chỉ huy Quân sự phường ra quân huấn luyện dân quân năm 2026.</p>",
    )
    html = reader.get("/tin-tuc/").content.decode()
    assert '<p class="card-summary">Chiều 18/11, Ban Chỉ huy Quân sự phường ra quân' in html
