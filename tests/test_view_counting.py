"""Every real view adds one, exactly; reloads, bots, prefetches, HEAD and staff do not."""

import time
from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.db import connection
from django.utils import timezone

from news.counting import COOKIE_NAME, read_seen, visit_key
from news.models import Article, Category
from news.view_log import DailyViews, add_views

from .conftest import BROWSER_AGENT


def views_of(article):
    article.refresh_from_db()
    return article.view_count


def test_a_visit_counts_once_and_a_reload_does_not(reader, make_article):
    article = make_article()
    reader.get(article.get_absolute_url())
    reader.get(article.get_absolute_url())
    assert views_of(article) == 1


def test_the_page_shows_the_count_including_this_view(reader, make_article):
    article = make_article()
    assert "Lượt xem: 1" in reader.get(article.get_absolute_url()).content.decode()


def test_another_article_in_the_same_browser_counts(reader, make_article):
    first, second = make_article(), make_article()
    reader.get(first.get_absolute_url())
    reader.get(second.get_absolute_url())
    reader.get(first.get_absolute_url())
    assert (views_of(first), views_of(second)) == (1, 1)


def test_the_same_browser_counts_again_after_thirty_minutes(reader, make_article, monkeypatch):
    article = make_article()
    reader.get(article.get_absolute_url())
    later = time.time() + 31 * 60
    monkeypatch.setattr(time, "time", lambda: later)
    reader.get(article.get_absolute_url())
    assert views_of(article) == 2


def test_a_forged_cookie_is_ignored_and_the_view_counts(reader, make_article):
    article = make_article()
    reader.cookies[COOKIE_NAME] = f"{article.pk}-{int(time.time())}"
    reader.get(article.get_absolute_url())
    assert views_of(article) == 1


def test_anonymous_reading_writes_no_session(reader, make_article):
    article = make_article()
    response = reader.get(article.get_absolute_url())
    assert response.status_code == 200
    assert Session.objects.count() == 0
    assert "sessionid" not in response.cookies
    assert response.cookies[COOKIE_NAME]["httponly"]


def test_head_requests_do_not_count(reader, make_article):
    article = make_article()
    assert reader.head(article.get_absolute_url()).status_code == 200
    assert views_of(article) == 0


@pytest.mark.parametrize(
    "headers",
    [{"HTTP_SEC_PURPOSE": "prefetch"}, {"HTTP_PURPOSE": "prefetch"}, {"HTTP_X_MOZ": "prefetch"}],
)
def test_link_prefetches_do_not_count(reader, make_article, headers):
    article = make_article()
    reader.get(article.get_absolute_url(), **headers)
    assert views_of(article) == 0


@pytest.mark.parametrize(
    "agent",
    [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "Mozilla/5.0 (compatible; coccocbot-web/1.0; +http://help.coccoc.com/searchengine)",
        "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
        "Zalo-Bot/1.0",
        "ZaloLinkPreview",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/130.0",
        "GOOGLEBOT/2.1",
        # Scripts and scrapers in other languages than curl's and requests'.
        "Python-urllib/3.11",
        "Scrapy/2.11 (+https://scrapy.org)",
        "node-fetch/1.0 (+https://github.com/bitinn/node-fetch)",
        "axios/1.6.8",
        "libwww-perl/6.72",
        "Java/17.0.2",
        "okhttp/4.12.0",
        "Mozilla/5.0 (compatible; Google-InspectionTool/1.0)",
        "Mediapartners-Google",
        "",
    ],
)
def test_crawlers_and_link_previews_do_not_count(client, make_article, agent):
    article = make_article()
    assert client.get(article.get_absolute_url(), HTTP_USER_AGENT=agent).status_code == 200
    assert views_of(article) == 0


def test_readers_in_zalos_in_app_browser_do_count(client, make_article):
    article = make_article()
    zalo_reader = BROWSER_AGENT + " Zalo android/12090221 ZaloTheme/light ZaloLanguage/vi"
    client.get(article.get_absolute_url(), HTTP_USER_AGENT=zalo_reader)
    assert views_of(article) == 1


def test_staff_reading_a_published_article_do_not_count(staff_client, make_article):
    article = make_article()
    staff_client.get(article.get_absolute_url())
    assert views_of(article) == 0


def test_posting_to_an_article_is_refused_and_not_counted(reader, make_article):
    article = make_article()
    assert reader.post(article.get_absolute_url()).status_code == 405
    assert views_of(article) == 0


def test_the_cookie_names_what_was_read_by_its_type(reader, make_article, category):
    """Notice 12 or document 12 must not be taken for article 12 already read: keys carry the type."""
    article = make_article()
    response = reader.get(article.get_absolute_url())
    remembered = response.cookies[COOKIE_NAME].value
    assert remembered.startswith(f"article{article.pk}-")
    seen = read_seen(reader.get(article.get_absolute_url()).wsgi_request, int(time.time()))
    assert visit_key(Article, article.pk) in seen
    # Another type's row with the same primary key is another item.
    assert visit_key(Category, article.pk) not in seen


def test_each_view_is_also_kept_for_its_day(reader, make_article, monkeypatch):
    """'Xem nhiều nhất' ranks the last days' views and staff read views by day: each view is dated."""
    article = make_article()
    reader.get(article.get_absolute_url())
    (row,) = DailyViews.objects.filter(article=article)
    assert (row.day, row.views) == (timezone.localdate(), 1)
    tomorrow = time.time() + 31 * 60
    monkeypatch.setattr(time, "time", lambda: tomorrow)
    reader.get(article.get_absolute_url())  # past the 30 minutes: a new view, the same day
    assert DailyViews.objects.get(article=article).views == 2


def test_views_added_in_a_batch_reach_the_total_and_each_day(make_article):
    article, other = make_article(), make_article()
    today = timezone.localdate()
    yesterday = today - timedelta(days=1)
    add_views({(article.pk, today): 3, (article.pk, yesterday): 2, (other.pk, today): 1, (999_999, today): 5})
    add_views({(article.pk, today): 4})
    article.refresh_from_db()
    other.refresh_from_db()
    assert (article.view_count, other.view_count) == (9, 1)
    by_day = dict(DailyViews.objects.filter(article=article).values_list("day", "views"))
    assert by_day == {today: 7, yesterday: 2}


def test_a_batch_for_many_articles_is_a_few_statements(make_article, django_assert_num_queries, monkeypatch):
    """A flush after readers spread over the archive (a crawl of old links shared again) touches
    thousands of articles: a few statements a batch, not a round trip per article, and every view
    added, across the statements' boundaries too."""
    monkeypatch.setattr("news.view_log.ROWS_PER_STATEMENT", 7)
    articles = [make_article() for _ in range(20)]
    today = timezone.localdate()
    yesterday = today - timedelta(days=1)
    counts = {(article.pk, today): n + 1 for n, article in enumerate(articles)}
    counts |= {(article.pk, yesterday): 2 for article in articles[::2]}
    # 20 totals in three statements and 30 days' rows in five, inside the test's savepoint (two
    # statements more).
    with django_assert_num_queries(3 + 5 + 2):
        totals = add_views(counts)
    for n, article in enumerate(articles):
        expected = n + 1 + (2 if n % 2 == 0 else 0)
        assert views_of(article) == totals[article.pk] == expected
    assert DailyViews.objects.filter(day=today).count() == 20
    assert sum(DailyViews.objects.filter(day=yesterday).values_list("views", flat=True)) == 20


def test_counting_leaves_the_article_row_as_its_editors_saved_it(make_article):
    """The count lives in a narrow row of its own: a flush of views writes no new version of the
    article's row (PostgreSQL's xmin: the transaction that wrote it), whose ten indexes, the word
    index's too, each new version would add to."""
    if connection.vendor != "postgresql":
        pytest.skip("a row's version (xmin) is PostgreSQL's")
    article = make_article()

    def written_by():
        with connection.cursor() as cursor:
            cursor.execute("SELECT xmin::text FROM news_article WHERE id = %s", [article.pk])
            return cursor.fetchone()[0]

    before = written_by()
    add_views({(article.pk, timezone.localdate()): 3})
    add_views({(article.pk, timezone.localdate()): 2, (make_article().pk, timezone.localdate()): 1})
    assert views_of(article) == 5
    assert written_by() == before


def test_after_a_new_secret_key_the_cookie_is_signed_with_it(reader, make_article, settings):
    """A reload after the key changed counts once more (the old cookie no longer reads), and the
    next does not: the cookie set meanwhile was signed with the new key, not a signer kept from before."""
    article = make_article()
    reader.get(article.get_absolute_url())
    settings.SECRET_KEY = "khoa-bi-mat-moi-cua-cong-tin-phuong-" * 2
    reader.get(article.get_absolute_url())
    reader.get(article.get_absolute_url())
    assert views_of(article) == 2
