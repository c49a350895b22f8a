"""nginx's micro-cache (deploy/nginx-microcache.conf, docs/DEPLOY.md): only pages that count nothing,
never for staff."""

import re
from pathlib import Path

from django.conf import settings
from django.urls import reverse

CONF = (Path(__file__).resolve().parent.parent / "deploy" / "nginx-microcache.conf").read_text()


def kept_by_nginx(path):
    (pattern,) = re.findall(r"^location ~ (\S+) \{", CONF, re.M)
    return re.search(pattern, path) is not None


def test_the_pages_that_count_nothing_are_kept(category):
    for path in ["/", reverse("news:feed"), reverse("news:sitemap"), category.get_absolute_url()]:
        assert kept_by_nginx(path), path
    assert kept_by_nginx(reverse("news:category_feed", kwargs={"slug": category.slug}))


def test_the_article_page_search_and_staff_tools_are_never_kept(make_article):
    article = make_article()
    for path in [
        article.get_absolute_url(),
        reverse("news:search"),
        f"/{settings.PORTAL_ADMIN_PATH}",
        f"/{settings.PORTAL_ADMIN_PATH}news/article/",
        "/chuyen-muc/",
        "/tin-tuc/",
    ]:
        assert not kept_by_nginx(path), path


def test_staff_with_a_session_cookie_bypass_it_and_are_never_kept():
    cookie = f"$cookie_{settings.SESSION_COOKIE_NAME}"
    assert f"proxy_cache_bypass {cookie};" in CONF
    assert f"proxy_no_cache {cookie};" in CONF
    assert "proxy_ignore_headers" not in CONF  # an answer setting a cookie is never kept
    assert 'proxy_cache_key "$scheme$host$uri?page=$arg_page";' in CONF
