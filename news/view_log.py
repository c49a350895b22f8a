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


def add_views(counts):
    """Add {(article id, day): views} to the lifetime counts and the daily rows, in one transaction.

    Each statement adds in the database itself (view_count + n; ON CONFLICT … views + excluded.views),
    so concurrent callers never overwrite each other. Rows of articles deleted meanwhile are skipped.
    Returns {article id: its lifetime count now}, read in the same statement as the addition (RETURNING,
    PostgreSQL and SQLite 3.35+), so that a page showing the count needs no query of its own.
    """
    if not counts:
        return {}
    from .models import Article

    per_article = defaultdict(int)
    for (article_id, _day), views in counts.items():
        per_article[article_id] += views
    daily = DailyViews._meta.db_table
    articles = Article._meta.db_table
    totals = {}
    with transaction.atomic(), connection.cursor() as cursor:
        for article_id, views in sorted(per_article.items()):
            cursor.execute(
                f"UPDATE {articles} SET view_count = view_count + %s WHERE id = %s RETURNING view_count",  # noqa: S608
                [views, article_id],
            )
            row = cursor.fetchone()
            if row is not None:
                totals[article_id] = row[0]
        # One statement on PostgreSQL and SQLite (3.24+): Django's bulk_create can set a column on
        # conflict but not add to it. Selecting from the articles skips one deleted meanwhile.
        cursor.executemany(
            f"INSERT INTO {daily} (article_id, day, views) SELECT id, %s, %s FROM {articles} "  # noqa: S608
            "WHERE id = %s ON CONFLICT (article_id, day) "
            f"DO UPDATE SET views = {daily}.views + excluded.views",
            [(day, views, article_id) for (article_id, day), views in sorted(counts.items())],
        )
    return totals
