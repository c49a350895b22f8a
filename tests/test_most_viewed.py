"""'Xem nhiều nhất' ranks the views of the last 7 days, from the per-day log, in one query."""

from datetime import timedelta

from django.utils import timezone

from news.models import MOST_VIEWED_DAYS, Article, DailyViews
from news.view_log import set_total


def days_ago(n):
    return timezone.localdate() - timedelta(days=n)


def test_the_window_is_a_week():
    assert MOST_VIEWED_DAYS == 7


def test_an_old_article_with_a_huge_lifetime_count_loses_to_this_weeks_reading(make_article):
    """The reason for the change: a lifetime total let last year's hit hold the list forever."""
    now = timezone.now()
    old_hit = make_article(title="Bài cũ", published_at=now - timedelta(days=400))
    recent = make_article(title="Bài mới", published_at=now - timedelta(days=2))
    set_total(old_hit.pk, 1_000_000)
    DailyViews.objects.create(article=old_hit, day=days_ago(8), views=50_000)  # just outside the week
    DailyViews.objects.create(article=recent, day=days_ago(1), views=3)

    ranked = list(Article.objects.published().most_viewed())
    assert ranked == [recent]
    assert ranked[0].recent_views == 3


def test_an_old_article_read_again_this_week_is_ranked_by_this_weeks_views(make_article):
    now = timezone.now()
    old = make_article(published_at=now - timedelta(days=300))
    new = make_article(published_at=now - timedelta(days=1))
    DailyViews.objects.create(article=old, day=days_ago(0), views=40)
    DailyViews.objects.create(article=old, day=days_ago(6), views=20)  # the window's first day
    DailyViews.objects.create(article=new, day=days_ago(0), views=59)

    ranked = Article.objects.published().most_viewed()
    assert [(a.pk, a.recent_views) for a in ranked] == [(old.pk, 60), (new.pk, 59)]


def test_ties_go_to_the_newer_article(make_article):
    now = timezone.now()
    older = make_article(published_at=now - timedelta(days=5))
    newer = make_article(published_at=now - timedelta(days=1))
    for article in (older, newer):
        DailyViews.objects.create(article=article, day=days_ago(2), views=7)
    assert list(Article.objects.published().most_viewed()) == [newer, older]


def test_only_published_articles_are_ranked(make_article):
    draft = make_article(status=Article.Status.DRAFT)
    scheduled = make_article(published_at=timezone.now() + timedelta(days=1))
    for article in (draft, scheduled):
        DailyViews.objects.create(article=article, day=days_ago(0), views=99)
    assert list(Article.objects.published().most_viewed()) == []


def test_a_window_of_30_days_can_be_asked_for(make_article):
    article = make_article()
    DailyViews.objects.create(article=article, day=days_ago(20), views=5)
    assert list(Article.objects.published().most_viewed()) == []
    assert Article.objects.published().most_viewed(days=30).get().recent_views == 5


def test_the_sidebar_says_the_windows_views(reader, make_article, category):
    """The section pages' sidebar (the home page's own list leaves out what it shows above it,
    tests/test_home.py)."""
    article = make_article(title="Bài được đọc trong tuần", category=category)
    set_total(article.pk, 5_000)
    DailyViews.objects.create(article=article, day=days_ago(3), views=12)
    html = reader.get(category.get_absolute_url()).content.decode()
    most = html.split("Xem nhiều nhất", 1)[1].split("</section>", 1)[0]
    assert "Bài được đọc trong tuần" in most
    assert "12 lượt xem trong 7 ngày" in most
    assert "5000" not in most


def test_the_sidebar_says_when_nothing_was_read_this_week(reader, make_article, category):
    make_article(category=category)
    html = reader.get(category.get_absolute_url()).content.decode()
    assert "Chưa có lượt xem trong 7 ngày qua." in html


def test_home_queries_do_not_grow_with_the_days_logged(
    reader, make_article, category, django_assert_num_queries, ward_identity
):
    """The ranking stays one query however many days and articles the log holds: the home page's 9
    (tests/test_home.py), as before the ranking read the log."""
    articles = [make_article(category=category) for _ in range(3)]
    DailyViews.objects.bulk_create(DailyViews(article=a, day=days_ago(1), views=1) for a in articles)
    with django_assert_num_queries(9):
        reader.get("/")
    articles += [make_article(category=category) for _ in range(30)]
    DailyViews.objects.bulk_create(
        DailyViews(article=a, day=days_ago(n), views=n + 1) for a in articles for n in range(2, 40)
    )
    with django_assert_num_queries(9):
        html = reader.get("/").content.decode()
    assert html.split("Xem nhiều nhất", 1)[1].count("lượt xem trong 7 ngày") == 5
