"""A reader's article row, read with SQL the ORM writes once per process.

The article page read its row with select_related (the section, the stored count) and defer (search's
columns, each as long as the body), and compiling that queryset took 0.5 ms of every page rendered
afresh, more than PostgreSQL took to answer: the same statement each time but for the slug. Here
the ORM writes it once per database; each page runs it as a raw query (Article.objects.raw, which
converts the columns as the ORM does and defers those left out) and puts the section and the count
where select_related puts them. Whether the row may be shown is Article.is_public, the published rule
for one row (publishing.models.state_of); staff's previews keep the queryset (news.views).
"""

from functools import cache

from django.db import DEFAULT_DB_ALIAS
from django.db.models import F

from .models import Article, Category
from .view_log import ViewTotal

# What the page does not show: search's columns, each as long as the body.
NOT_SHOWN = ("search_text", "search_title", "body_text")
# The section's columns, read beside the article's under these names.
SECTION = {f"section_{field.attname}": field.attname for field in Category._meta.concrete_fields}
# Stands for the slug while the statement is written; no slug holds a NUL.
_SLUG = "\x00slug"


@cache
def _statement(db):
    joined = {name: F(f"category__{attname}") for name, attname in SECTION.items()}
    rows = Article.objects.using(db).defer(*NOT_SHOWN).filter(slug=_SLUG)
    rows = rows.annotate(**joined, stored_views=F("view_total__views"))
    sql, params = rows.query.sql_with_params()
    if list(params) != [_SLUG]:
        raise AssertionError(f"the article's statement takes only its slug, not {params!r}")
    return sql


def public_article(slug, db=DEFAULT_DB_ALIAS):
    """The public article with this slug, with its section and its stored count; None if there is none."""
    found = list(Article.objects.using(db).raw(_statement(db), [slug]))
    if not found or not found[0].is_public:
        return None
    article = found[0]
    section = None
    if article.category_id is not None:
        values = [getattr(article, name) for name in SECTION]
        section = Category.from_db(db, list(SECTION.values()), values)
    article.category = section
    if article.stored_views is None:  # no view yet: no row, as select_related would leave it
        Article.view_total.related.set_cached_value(article, None)
    else:
        article.view_total = ViewTotal.from_db(
            db, ["article_id", "views"], [article.pk, article.stored_views]
        )
    return article
