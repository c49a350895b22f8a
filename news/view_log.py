"""Views per article per day, and the one way counted views reach the database.

Every counted view ends in add_views(): at once, one view at a time, on the embedded default (SQLite, no
Redis); in batches flushed from Redis in production (news.view_counter). It adds to the article's
lifetime count and to its row for the day (in Asia/Ho_Chi_Minh), so that "Xem nhiều nhất" can rank the
views of the last 7 or 30 days and staff can read views by day.
"""

from collections import defaultdict

from django.db import connection, models, transaction


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

    Each statement adds in the database itself (view_count + n; ON CONFLICT … views + excluded.views),
    so concurrent callers never overwrite each other; the articles' rows are locked first, in the order
    of their ids, so that two callers adding to the same articles wait for each other instead of
    deadlocking (PostgreSQL; SQLite locks the whole database for a write). Rows of articles deleted
    meanwhile are skipped. Returns {article id: its lifetime count now}, read in the same statement as
    the addition (RETURNING, PostgreSQL and SQLite 3.35+), so that a page showing the count needs no
    query of its own.
    """
    if not counts:
        return {}
    from .models import Article

    per_article = defaultdict(int)
    for (article_id, _day), views in counts.items():
        per_article[article_id] += views
    added = sorted(per_article.items())
    daily_rows = [(article_id, day, views) for (article_id, day), views in sorted(counts.items())]
    tables = {"articles": Article._meta.db_table, "daily": DailyViews._meta.db_table}
    totals = {}
    with transaction.atomic(), connection.cursor() as cursor:
        if len(added) > 1:  # one row is locked by its UPDATE, first
            ids = [article_id for article_id, _views in added]
            list(Article.objects.filter(pk__in=ids).order_by("pk").select_for_update().values_list("pk"))
        for rows in _chunks(added):
            cursor.execute(_ADD_TO_ARTICLES.format(values=_values(rows, 2), **tables), _flat(rows))
            totals.update(cursor.fetchall())
        for rows in _chunks(daily_rows):
            cursor.execute(_ADD_TO_DAYS.format(values=_values(rows, 3), **tables), _flat(rows))
    return totals


# UPDATE … FROM and RETURNING: PostgreSQL, SQLite 3.33+/3.35+. The values' columns are named apart from
# the table's so that RETURNING's names are the article's.
_ADD_TO_ARTICLES = (
    "WITH added (article_id, n) AS (VALUES {values}) "
    "UPDATE {articles} SET view_count = {articles}.view_count + added.n "
    "FROM added WHERE {articles}.id = added.article_id RETURNING id, view_count"
)
# Joined to the articles, which skips one deleted meanwhile. "WHERE true": SQLite's parser needs it
# before ON CONFLICT after a join. Django's bulk_create can set a column on conflict but not add to it.
_ADD_TO_DAYS = (
    "WITH added (article_id, day, n) AS (VALUES {values}) "
    "INSERT INTO {daily} (article_id, day, views) "
    "SELECT added.article_id, added.day, added.n FROM added JOIN {articles} "
    "ON {articles}.id = added.article_id WHERE true "
    "ON CONFLICT (article_id, day) DO UPDATE SET views = {daily}.views + excluded.views"
)


def _chunks(rows):
    return (rows[at : at + ROWS_PER_STATEMENT] for at in range(0, len(rows), ROWS_PER_STATEMENT))


def _values(rows, width):
    row = "(" + ", ".join(["%s"] * width) + ")"
    return ", ".join([row] * len(rows))


def _flat(rows):
    return [value for row in rows for value in row]
