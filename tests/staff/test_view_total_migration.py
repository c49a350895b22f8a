"""Upgrading keeps every article's count: migration 0020 moves it from the article's row into a row of
its own (news.view_log.ViewTotal), moving back returns it, and an article deleted before the upgrade
is recovered with its count."""

import json
import re

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from news.models import Article, ViewTotal
from publishing import revisions

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


def test_an_article_deleted_before_the_upgrade_comes_back_with_its_count(admin_client, admin_user):
    """Its last version, kept before the upgrade, held the count in the article's own fields. (An
    administrator recovers it: the staff groups, which a migration writes, are gone from the tables
    emptied after a test that migrates.)"""
    recover = reverse("admin:news_article_recoverlist")  # the admin loaded: versions are kept
    try:
        article = Article.objects.create(
            title="Bài xóa trước khi nâng cấp", status="published", published_at=timezone.now()
        )
        revisions.record(article, admin_user, "Xóa")
        pk = article.pk
        article.delete()
        [kept] = Version.objects.get_for_object_reference(Article, pk)
        row = json.loads(kept.serialized_data)
        row[0]["fields"]["view_count"] = 321  # as the versions of the old schema were written
        kept.serialized_data = json.dumps(row)
        kept.save()
        Version.objects.exclude(pk=kept.pk).delete()  # the old schema kept no count row

        migrate(BEFORE)
        migrate(AFTER)

        listing = admin_client.get(recover).content.decode()
        link = re.search(r'href="([^"]+)">Bài xóa trước khi nâng cấp</a>', listing).group(1)
        assert admin_client.post(link).status_code == 302
        assert Article.objects.get(pk=pk).view_count == 321
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
