"""The 404 page (debug off, as in production): a search box and the newest articles, in a bounded
number of queries, and a 404 still when there is nothing to list."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from news.models import Article


def test_a_dead_link_offers_the_search_box_and_the_newest_articles(reader, make_article):
    for n in range(7):
        make_article(title=f"Tin số {n}")
    make_article(title="Bài nháp", status=Article.Status.DRAFT)
    make_article(title="Bài hẹn giờ", published_at=timezone.now() + timedelta(hours=1))
    response = reader.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    html = response.content.decode()
    main = html[html.index('<main id="noi-dung"') : html.index("</main>")]
    assert "Không tìm thấy trang" in main
    assert 'action="/tim-kiem/"' in main and 'name="q"' in main
    latest = re.search(r'<section class="block not-found-latest".*?</section>', main, re.S).group(0)
    assert re.findall(r'">(Tin số \d)</a>', latest) == [f"Tin số {n}" for n in range(5)]
    assert "nháp" not in latest and "hẹn giờ" not in latest
    assert 'name="robots" content="noindex"' in html


def test_with_nothing_published_the_404_page_still_answers(reader, db):
    response = reader.get("/tin-tuc/khong-co/")
    assert response.status_code == 404
    html = response.content.decode()
    assert 'name="q"' in html
    assert "not-found-latest" not in html


@pytest.mark.parametrize("articles", [1, 30])
def test_the_404_page_costs_the_same_queries_however_many_articles(
    reader, make_article, django_assert_num_queries, ward_identity, articles
):
    """The newest few (one query) and the menu's sections."""
    for _ in range(articles):
        make_article()
    with django_assert_num_queries(2):
        assert reader.get("/khong-co/").status_code == 404
