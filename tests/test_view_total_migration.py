"""Upgrading keeps every article's count: migration 0020 moves it from the article's row into a row of
its own (news.view_log.ViewTotal), and moving back returns it."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from news.models import Article, ViewTotal

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("news", "0019_photo_phone_size")]
AFTER = [("news", "0020_view_total")]


def migrate(targets):
    """Migrate to targets; return the models as they were there."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


def test_each_articles_count_comes_through_the_upgrade_and_back():
    try:
        old = migrate(BEFORE).get_model("news", "Article")
        made = {}
        for slug, views in (("bai-nhieu-nguoi-doc", 1234), ("bai-chua-ai-doc", 0)):
            row = old.objects.create(
                title=slug, slug=slug, status="published", published_at=timezone.now(), view_count=views
            )
            made[slug] = row.pk

        migrate(AFTER)
        read, unread = (Article.objects.get(pk=made[slug]) for slug in made)
        assert (read.view_count, unread.view_count) == (1234, 0)
        assert list(ViewTotal.objects.values_list("article_id", "views")) == [(read.pk, 1234)]

        back = migrate(BEFORE).get_model("news", "Article")
        assert dict(back.objects.values_list("slug", "view_count")) == {
            "bai-nhieu-nguoi-doc": 1234,
            "bai-chua-ai-doc": 0,
        }
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
