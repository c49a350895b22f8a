"""Pages kept for anonymous readers: served again without rendering, fresh as soon as anything they show
changes (a save, a deletion, a scheduled article coming due), never to staff."""

import time
from datetime import timedelta

from django.test import Client
from django.utils import timezone

from news.models import Article

from .conftest import BROWSER_AGENT


def test_a_kept_article_page_costs_only_its_view(reader, make_article, django_assert_num_queries):
    article = make_article(title="Bài được đọc nhiều")
    first = reader.get(article.get_absolute_url())
    assert "Lượt xem: 1" in first.content.decode()
    reader.cookies.clear()  # another reader
    # The view's two statements in a transaction (a savepoint here), the first returning the live
    # count: nothing rendered, nothing read apart.
    with django_assert_num_queries(4):
        second = reader.get(article.get_absolute_url())
    page = second.content.decode()
    assert second.status_code == 200
    assert "Bài được đọc nhiều" in page
    assert "Lượt xem: 2" in page
    article.refresh_from_db()
    assert article.view_count == 2


def test_a_reload_from_the_cache_shows_the_count_without_adding(reader, make_article):
    article = make_article()
    reader.get(article.get_absolute_url())
    again = reader.get(article.get_absolute_url())
    assert "Lượt xem: 1" in again.content.decode()
    article.refresh_from_db()
    assert article.view_count == 1


def test_a_kept_list_is_served_without_queries_until_content_changes(
    reader, make_article, django_assert_num_queries
):
    make_article(title="Tin thứ nhất")
    assert "Tin thứ nhất" in reader.get("/").content.decode()
    with django_assert_num_queries(0):
        kept = reader.get("/")
    assert kept.status_code == 200
    assert "Tin thứ nhất" in kept.content.decode()

    make_article(title="Tin thứ hai")
    page = reader.get("/").content.decode()
    assert "Tin thứ nhất" in page and "Tin thứ hai" in page


def test_an_edited_article_is_shown_as_edited(reader, make_article):
    article = make_article(title="Tiêu đề cũ")
    reader.get(article.get_absolute_url())
    article.title = "Tiêu đề mới"
    article.save()
    page = reader.get(article.get_absolute_url()).content.decode()
    assert "Tiêu đề mới" in page
    assert "Tiêu đề cũ" not in page


def test_an_unpublished_article_leaves_the_kept_pages(reader, make_article):
    article = make_article(title="Bài sắp gỡ")
    assert reader.get(article.get_absolute_url()).status_code == 200
    reader.get("/")
    article.status = Article.Status.DRAFT
    article.save()
    assert reader.get(article.get_absolute_url()).status_code == 404
    home = reader.get("/")
    assert home.status_code == 200
    assert "Bài sắp gỡ" not in home.content.decode()


def test_a_scheduled_article_appears_when_due_without_any_save(reader, make_article, monkeypatch):
    soon = timezone.now() + timedelta(minutes=5)
    make_article(title="Bài hẹn giờ", published_at=soon)
    make_article(title="Bài đã đăng")
    before = reader.get("/").content.decode()
    assert "Bài đã đăng" in before and "Bài hẹn giờ" not in before

    later = soon + timedelta(seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    monkeypatch.setattr(time, "time", lambda: later.timestamp())
    after = reader.get("/")
    assert after.status_code == 200
    assert "Bài hẹn giờ" in after.content.decode()


def test_staff_are_never_served_a_kept_page(make_article, django_user_model, django_assert_max_num_queries):
    """A kept page is the anonymous one; staff get theirs rendered, with the link back to the form."""
    editor = django_user_model.objects.create_superuser("quan-tri", password="mat-khau-dai-123")
    article = make_article()
    anonymous, staff = Client(HTTP_USER_AGENT=BROWSER_AGENT), Client(HTTP_USER_AGENT=BROWSER_AGENT)
    anonymous.get(article.get_absolute_url())  # now kept
    staff.force_login(editor)
    page = staff.get(article.get_absolute_url()).content.decode()
    assert "Sửa bài này trong trang quản trị" in page
    again = anonymous.get(article.get_absolute_url()).content.decode()
    assert "Sửa bài này trong trang quản trị" not in again


def test_a_shared_link_with_tracking_parameters_gets_the_kept_page(
    reader, make_article, django_assert_num_queries
):
    """Zalo and Facebook add zarsrc=, fbclid=, utm_… to shared links: the same page, kept once."""
    article = make_article(title="Bài được chia sẻ")
    reader.get("/")
    reader.get(article.get_absolute_url())
    with django_assert_num_queries(0):
        home = reader.get("/", {"utm_source": "zalo", "fbclid": "IwAR0abc"})
    assert home.status_code == 200
    assert "Bài được chia sẻ" in home.content.decode()
    reader.cookies.clear()
    with django_assert_num_queries(4):  # only the view (direct path): the kept article page
        shared = reader.get(article.get_absolute_url(), {"zarsrc": "30", "utm_medium": "zalo"})
    assert "Lượt xem: 2" in shared.content.decode()


def test_each_list_page_is_kept_apart(reader, make_article):
    for n in range(25):
        make_article(title=f"Tin số {n:02d}")
    first = reader.get("/").content.decode()
    second = reader.get("/", {"page": "2"}).content.decode()
    # The oldest is on page 2 only (the newest stands in every page's sidebar too).
    assert "Tin số 24" not in first
    assert "Tin số 24" in second
