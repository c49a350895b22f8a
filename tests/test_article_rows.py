"""A reader's article row (news.article_rows): what the queryset read, without compiling it each time."""

from datetime import timedelta

import pytest
from django.db.models.sql.compiler import SQLCompiler
from django.utils import timezone

from news import article_rows
from news.models import Article
from news.view_log import set_total


def as_the_queryset_reads(slug):
    rows = Article.objects.select_related("category", "view_total").published()
    return rows.defer(*article_rows.NOT_SHOWN).get(slug=slug)


def shown(article):
    fields = [f.attname for f in Article._meta.concrete_fields if f.attname not in article_rows.NOT_SHOWN]
    return {name: getattr(article, name) for name in fields}


@pytest.mark.parametrize("in_section", [True, False])
@pytest.mark.parametrize("views", [None, 41])
def test_the_row_its_section_and_its_count_are_the_querysets(
    make_article, category, django_assert_num_queries, in_section, views
):
    article = make_article(title="Hội nghị Ban Chấp hành Đảng bộ", category=category if in_section else None)
    if views is not None:
        set_total(article.pk, views)
    expected = as_the_queryset_reads(article.slug)
    with django_assert_num_queries(1):
        found = article_rows.public_article(article.slug)
    with django_assert_num_queries(0):  # the section and the count came with the row
        assert shown(found) == shown(expected)
        assert found.category == expected.category
        if in_section:
            assert (found.category.name, found.category.slug) == ("Xây dựng Đảng", category.slug)
        assert found.view_count == expected.view_count == (views or 0)
    body_text = Article.objects.get(pk=article.pk).body_text
    with django_assert_num_queries(1):  # what the page does not show is read only if asked for
        assert found.body_text == body_text


def test_only_a_public_article_is_read(make_article):
    draft = make_article(title="Bản nháp", status=Article.Status.DRAFT)
    scheduled = make_article(title="Hẹn giờ", published_at=timezone.now() + timedelta(hours=2))
    assert article_rows.public_article(draft.slug) is None
    assert article_rows.public_article(scheduled.slug) is None
    assert article_rows.public_article("khong-co-bai-nay") is None


def test_a_readers_article_page_compiles_no_article_query_after_the_first(
    reader, make_article, category, monkeypatch
):
    """Compiling the row's queryset was 0.5 ms of every article page rendered afresh."""
    first, second = make_article(title="Bài thứ nhất", category=category), make_article(title="Bài thứ hai")
    reader.get(first.get_absolute_url())
    compiled = []
    as_sql = SQLCompiler.as_sql

    def counted(compiler, *args, **kwargs):
        compiled.append(compiler.query.model)
        return as_sql(compiler, *args, **kwargs)

    monkeypatch.setattr(SQLCompiler, "as_sql", counted)
    page = reader.get(second.get_absolute_url())
    assert page.status_code == 200 and "Bài thứ hai" in page.content.decode()
    assert Article not in compiled
