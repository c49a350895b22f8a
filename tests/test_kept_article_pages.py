"""Kept article pages answered before the session, user, CSRF and message layers (news.middleware),
with the same headers and the same counting as through the whole stack."""

from django.test import Client

from news import page_cache, view_counter

from .conftest import BROWSER_AGENT


def headers(response):
    """The response's headers but its X-Request-ID, which is each request's own (portal/request_id.py)."""
    return {name: value for name, value in response.headers.items() if name != "X-Request-ID"}


def test_a_kept_article_page_skips_the_layers_a_reader_without_a_session_never_needs(
    reader, make_article, redis_counting, django_assert_num_queries, ward_identity
):
    article = make_article()
    reader.get(article.get_absolute_url())  # renders, counts, keeps
    reader.cookies.clear()
    with django_assert_num_queries(0):
        kept = reader.get(article.get_absolute_url())
    assert "Lượt xem: 2" in kept.content.decode()
    assert not hasattr(kept.wsgi_request, "session")
    assert not hasattr(kept.wsgi_request, "user")


def test_a_kept_article_page_has_the_headers_of_a_rendered_one(reader, make_article, redis_counting):
    article = make_article()
    rendered = reader.get(article.get_absolute_url())
    reader.cookies.clear()
    kept = reader.get(article.get_absolute_url())
    assert hasattr(rendered.wsgi_request, "session") and not hasattr(kept.wsgi_request, "session")
    assert headers(kept) == headers(rendered)
    assert kept["X-Request-ID"] and kept["X-Request-ID"] != rendered["X-Request-ID"]
    assert headers(kept)["X-Frame-Options"] == "DENY"
    assert headers(kept)["Vary"] == "Cookie"
    assert int(headers(kept)["Content-Length"]) == len(kept.content)
    assert kept.cookies["da_xem"]["httponly"]  # the reader is remembered, not counted twice
    again = reader.get(article.get_absolute_url())
    assert "Lượt xem: 2" in again.content.decode()


def test_a_kept_page_gone_stale_counts_its_reader_once(reader, make_article, redis_counting):
    """The middleware records the visit; the page is then rendered afresh with that visit."""
    article = make_article(title="Tin trước khi sửa")
    reader.get(article.get_absolute_url())
    article.title = "Tin sau khi sửa"
    article.save()
    reader.cookies.clear()
    page = reader.get(article.get_absolute_url()).content.decode()
    assert "Tin sau khi sửa" in page
    assert "Lượt xem: 2" in page


def test_staff_reading_an_article_go_through_the_whole_stack(make_article, admin_user, redis_counting):
    article = make_article()
    Client(HTTP_USER_AGENT=BROWSER_AGENT).get(article.get_absolute_url())  # kept
    staff = Client(HTTP_USER_AGENT=BROWSER_AGENT)
    staff.force_login(admin_user)
    response = staff.get(article.get_absolute_url())
    assert response.wsgi_request.user.is_staff
    assert "Lượt xem: 1" in response.content.decode()  # staff are not counted


def test_a_kept_list_page_skips_those_layers_with_the_headers_of_a_rendered_one(
    reader, make_article, redis_counting, django_assert_num_queries, ward_identity
):
    make_article(title="Tin mới nhất của phường")
    rendered = reader.get("/")  # renders and keeps
    with django_assert_num_queries(0):
        kept = reader.get("/")
    assert "Tin mới nhất của phường" in kept.content.decode()
    assert kept.content == rendered.content
    assert hasattr(rendered.wsgi_request, "session") and not hasattr(kept.wsgi_request, "session")
    assert headers(kept) == headers(rendered)
    assert int(headers(kept)["Content-Length"]) == len(kept.content)


def test_a_kept_list_page_goes_stale_with_the_content(reader, make_article, redis_counting, ward_identity):
    reader.get("/")
    make_article(title="Tin vừa đăng")
    page = reader.get("/")
    assert "Tin vừa đăng" in page.content.decode()
    assert hasattr(page.wsgi_request, "session")  # rendered afresh, through the whole stack


def shared_pages(redis, settings):
    """The addresses of the pages in the shared cache (Django's cache keys end with the name)."""
    names = redis.scan_iter(match=f"{settings.PORTAL_REDIS_PREFIX}:*page:*")
    return [name.decode().split("page:", 1)[1] for name in names]


def test_a_page_read_once_stays_in_its_worker_and_one_read_again_is_shared(
    reader, make_article, redis_cache, settings, django_assert_num_queries
):
    """Most of an archive is read once in a while: such a page is not compressed and sent to the
    shared cache; one asked for again is, and another worker then answers from it."""
    article = make_article()
    reader.get(article.get_absolute_url())
    assert shared_pages(redis_cache, settings) == []
    reader.cookies.clear()
    reader.get(article.get_absolute_url())  # the second reader, from this worker's memory
    (shared,) = shared_pages(redis_cache, settings)
    assert shared.endswith(article.get_absolute_url())
    page_cache.forget_all()  # another worker: nothing in its memory
    reader.cookies.clear()
    with django_assert_num_queries(0):
        third = reader.get(article.get_absolute_url())
    assert "Lượt xem: 3" in third.content.decode()
    view_counter.flush()
    article.refresh_from_db()
    assert article.view_count == 3
