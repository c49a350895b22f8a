"""Whatever a visitor types into the address bar or a cookie, the answer is a page, never a 500."""

import pytest

from news.counting import COOKIE_NAME

TYPED = [
    "/?page=1%00",
    "/?page=" + "9" * 5000,
    "/?page=1e3",
    "/?page=%EF%BC%91",  # a full-width digit one
    "/tin-tuc/%00/",
    "/tin-tuc/" + "a" * 5000 + "/",
    "/tin-tuc/<script>/",
    "/chuyen-muc/khong-co/",
    "/chuyen-muc/%C4%91/",
    "/tim-kiem/?q=%00",
    "/tim-kiem/?q=" + "x" * 5000,
    "/tim-kiem/?q=%25%5F%25",
    "/tim-kiem/?q=%3Cscript%3Ealert(1)%3C/script%3E",
    "/tim-kiem/?q=h%E1%BB%99i&page=abc",
    "/%ZZ",
]


@pytest.mark.parametrize("path", TYPED)
def test_typed_addresses_answer_a_page(reader, make_article, path):
    make_article()
    response = reader.get(path)
    assert response.status_code in (200, 404), path
    assert 'lang="vi"' in response.content.decode()
    assert "<script>alert(1)" not in response.content.decode()


@pytest.mark.parametrize("cookie", ["", "x", "1-2.3-4", "%C4%91", "a:b:c", "1" * 4000])
def test_a_garbage_view_cookie_is_ignored(reader, make_article, cookie):
    article = make_article()
    reader.cookies[COOKIE_NAME] = cookie
    assert reader.get(article.get_absolute_url()).status_code == 200
    article.refresh_from_db()
    assert article.view_count == 1


@pytest.mark.parametrize(
    ("path", "headers"),
    [
        ("/?" + "&".join(f"k{n}=1" for n in range(1200)), {}),  # past Django's 1,000 parameters
        ("/tim-kiem/?q=hoi+nghi", {"HTTP_HOST": "tin-gia.example"}),  # a Host we do not serve
    ],
)
def test_a_bad_request_answers_a_vietnamese_page(client, db, path, headers):
    """Django's own 400 page is English ("Bad Request (400)", lang="en")."""
    response = client.get(path, **headers)
    assert response.status_code == 400
    html = response.content.decode()
    assert '<html lang="vi">' in html
    assert "Yêu cầu không hợp lệ" in html
    assert "Đảng bộ phường Hòa Bình" in html
    assert "Bad Request" not in html


@pytest.mark.parametrize("cookie", ['sessionid="\\000abcdefghijk"', 'sessionid="abcdefgh\\000ijk"'])
def test_a_session_cookie_django_never_made_is_not_looked_up(
    reader, make_article, category, django_assert_num_queries, cookie, ward_identity
):
    """A cookie can quote a NUL byte as \\000; PostgreSQL refused the lookup: the article answered 500."""
    article = make_article(category=category)
    # As for a reader without the cookie (tests/test_article_page.py): no session is looked up.
    with django_assert_num_queries(9):
        response = reader.get(article.get_absolute_url(), HTTP_COOKIE=cookie)
    assert response.status_code == 200
    assert article.title in response.content.decode()
