"""A form sent with a stale or missing CSRF token: nothing is saved, and staff are told so in Vietnamese."""

from django.test import Client
from django.urls import reverse

from news.models import Article

from .posting import article_form


def test_an_article_sent_from_a_stale_tab_is_refused_in_vietnamese(editor):
    """Django's page was English ("CSRF verification failed. Request aborted.")."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    client.get(
        reverse("admin:news_article_add")
    )  # the CSRF cookie is set; the tab's token is then out of date
    response = client.post(
        reverse("admin:news_article_add"), {**article_form(), "csrfmiddlewaretoken": "x" * 64}
    )
    assert response.status_code == 403
    page = response.content.decode()
    assert '<html lang="vi"' in page
    assert "Nội dung vừa gửi chưa được lưu" in page
    assert "CSRF verification failed" not in page
    assert not Article.objects.exists()


def test_a_login_without_the_cookie_is_refused_in_vietnamese(db):
    response = Client(enforce_csrf_checks=True).post(
        reverse("admin:login"), {"username": "a", "password": "b"}
    )
    assert response.status_code == 403
    assert "chưa được lưu" in response.content.decode()
