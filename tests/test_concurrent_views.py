"""1,000 views at once add exactly 1,000: the increment happens in the database, not in Python."""

import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from news.view_log import DailyViews

from .conftest import BROWSER_AGENT

VIEWS = 1000
THREADS = 16


def read_at_once(url, readers, threads):
    """Many new readers (no cookie: each request a reader never seen) at once; their statuses."""

    def view(_):
        request = urllib.request.Request(url, headers={"User-Agent": BROWSER_AGENT})
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status

    with ThreadPoolExecutor(threads) as pool:
        return list(pool.map(view, range(readers)))


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_thousand_concurrent_views_add_exactly_a_thousand(live_server, make_article, settings):
    if connection.vendor != "postgresql":
        pytest.skip("concurrent writers need PostgreSQL; SQLite serialises every write")
    # All from this machine's one address: the per-address limit is not what this test is about.
    settings.PORTAL_VIEWS_PER_ADDRESS = 10_000
    article = make_article()
    url = live_server.url + article.get_absolute_url()

    assert read_at_once(url, VIEWS, THREADS) == [200] * VIEWS
    article.refresh_from_db()
    assert article.view_count == VIEWS
    assert DailyViews.objects.get(article=article).views == VIEWS
