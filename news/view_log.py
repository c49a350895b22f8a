"""Views per article per day, and the one way counted views reach the database.

Every counted view ends in add_views(): at once, one view at a time, on the embedded default (SQLite, no
Redis); in batches flushed from Redis in production (news.view_counter). It adds to the article's
lifetime count (ViewTotal) and to its row for the day (in Asia/Ho_Chi_Minh), so that "Xem nhiều nhất"
can rank the views of the last 7 or 30 days and staff can read views by day.
"""

from collections import defaultdict

from django.db import connection, models, transaction


class ViewTotal(models.Model):
    """An article's views since it was published (Article.view_count); none yet: no row.

    A narrow row of its own rather than a column of the article's: counting rewrites it every few
    seconds, and a new version of the article's wide row meant new entries in its ten indexes, the
    word index's too (docs/PERFORMANCE.md, the eleventh round).
    """

    article = models.OneToOneField(
        "news.Article",
        primary_key=True,
        related_name="view_total",
        on_delete=models.CASCADE,
        verbose_name="bài viết",
    )
    views = models.PositiveIntegerField("lượt xem", default=0)

    class Meta:
        verbose_name = "tổng lượt xem"
        verbose_name_plural = "tổng lượt xem"
        # Written by the counter alone: no one is given to add, change or delete a count.
        default_permissions = ()

    def __str__(self):
        return str(self.views)


class DailyViews(models.Model):
    article = models.ForeignKey(
        "news.Article", related_name="daily_views", on_delete=models.CASCADE, verbose_name="bài viết"
    )
    day = models.DateField("ngày")
    views = models.PositiveIntegerField("lượt xem", default=0)

    class Meta:
        verbose_name = "lượt xem trong ngày"
        verbose_name_plural = "lượt xem theo ngày"
        constraints = [models.UniqueConstraint(fields=["article", "day"], name="daily_views_unique")]
        indexes = [models.Index(fields=["day", "article"], name="daily_views_day_idx")]
        # The admin's "Thống kê lượt xem" page and its Excel file (news.admin_statistics).
        permissions = [("view_statistics", "Có thể xem thống kê lượt xem")]

    def __str__(self):
        return f"{self.day:%d/%m/%Y}: {self.views}"


class FlushedBatch(models.Model):
    """A batch of views moved from Redis to here (news.view_counter.flush), so it is never added twice."""

    id = models.CharField(primary_key=True, max_length=32)
    views = models.PositiveIntegerField()
    flushed_at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self):
        return self.id


# Rows per statement: the articles a flush touches go in a few statements instead of one round trip
# each (a flush after a crawl of the archive holds thousands). Two or three values a row, well under
# SQLite's 32,766 variables.
ROWS_PER_STATEMENT = 1000


def add_views(counts):
    """Add {(article id, day): views} to the lifetime counts and the daily rows, in one transaction.

    Each statement adds in the database itself (ON CONFLICT … views + excluded.views), so concurrent
    callers never overwrite each other, and takes its rows in the order of their keys, so that two
    callers adding to the same articles wait for each other instead of deadlocking (PostgreSQL;
    SQLite locks the whole database for a write). Articles deleted meanwhile are skipped. Returns
    {article id: its lifetime count now}, read in the same statement as the addition (RETURNING,
    PostgreSQL and SQLite 3.35+), so that a page showing the count needs no query of its own.
    """
    if not counts:
        return {}
    per_article = defaultdict(int)
    for (article_id, _day), views in counts.items():
        per_article[article_id] += views
    added = sorted(per_article.items())
    daily_rows = [(article_id, day, views) for (article_id, day), views in sorted(counts.items())]
    tables, totals = _tables(), {}
    with transaction.atomic(), connection.cursor() as cursor:
        for rows in _chunks(added):
            cursor.execute(_ADD_TO_TOTALS.format(values=_values(rows, 2), **tables), _flat(rows))
            totals.update(cursor.fetchall())
        for rows in _chunks(daily_rows):
            cursor.execute(_ADD_TO_DAYS.format(values=_values(rows, 3), **tables), _flat(rows))
    return totals


def set_total(article_id, views):
    """Set an article's lifetime count outright: an import's or the demo's starting figure (the
    counter only ever adds, through add_views)."""
    ViewTotal.objects.update_or_create(article_id=article_id, defaults={"views": views})


def _tables():
    from .models import Article

    return {
        "articles": Article._meta.db_table,
        "totals": ViewTotal._meta.db_table,
        "daily": DailyViews._meta.db_table,
    }


# Joined to the articles, which skips one deleted meanwhile; ORDER BY is the order the rows are locked
# in. "WHERE true": SQLite's parser needs it before ON CONFLICT after a join. Django's bulk_create can
# set a column on conflict but not add to it. The values' columns are named apart from the tables'.
_ADD_TO_TOTALS = (
    "WITH added (added_id, n) AS (VALUES {values}) "
    "INSERT INTO {totals} (article_id, views) "
    "SELECT added.added_id, added.n FROM added JOIN {articles} ON {articles}.id = added.added_id "
    "WHERE true ORDER BY added.added_id "
    "ON CONFLICT (article_id) DO UPDATE SET views = {totals}.views + excluded.views "
    "RETURNING article_id, views"
)
_ADD_TO_DAYS = (
    "WITH added (added_id, day, n) AS (VALUES {values}) "
    "INSERT INTO {daily} (article_id, day, views) "
    "SELECT added.added_id, added.day, added.n FROM added JOIN {articles} "
    "ON {articles}.id = added.added_id WHERE true ORDER BY added.added_id, added.day "
    "ON CONFLICT (article_id, day) DO UPDATE SET views = {daily}.views + excluded.views"
)


def _chunks(rows):
    return (rows[at : at + ROWS_PER_STATEMENT] for at in range(0, len(rows), ROWS_PER_STATEMENT))


def _values(rows, width):
    row = "(" + ", ".join(["%s"] * width) + ")"
    return ", ".join([row] * len(rows))


def _flat(rows):
    return [value for row in rows for value in row]
