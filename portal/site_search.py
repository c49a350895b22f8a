"""The site search beyond articles: Giới thiệu pages, notices, documents and Hỏi đáp, by the words of
/tim-kiem/.

Articles are news.search's (ranked, paged, with excerpts). The other types are few and short, so the
search page shows a compact block of them ("Trong các mục khác") above the articles, on the first page
only: at most PER_TYPE hits of each, or EXPANDED hits of the one type a resident asked to see more of
(?loai=<key>). One query per type, whatever the number of items.

SEARCHABLE is the one registry: which types, each app's own rule of what residents may see, what a hit
reads and shows. A type joins the search by an entry here and a folded search_text made on save
(news.search.indexed); never a field with who sent something (a question's contact data).

The word rule is news.search's: the query's words (news.search.query_words, which the view has
already made), each a whole folded syllable of search_text (`LIKE '% w %'`), and title matches first.
PostgreSQL answers articles from a word index (news.search.HasAllWords) because there are 100,000 of
them; these tables hold tens to a few thousand rows, so the same LIKE is used on both databases
(docs/SEARCH.md, "Trong các mục khác").

This module lives in portal/, beside admin_site.py's review queue, because it knows every app; news
stays the articles' app.
"""

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import reduce
from operator import add, and_

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Case, Q, Value, When
from django.utils import timezone

from documents.models import Document
from news.highlight import highlight
from notices.models import Notice
from pages.models import Page
from questions.models import Question

# Hits of each type on the search page, and of the type a resident asked to see more of. Three: the
# block stands above the articles, and on a 360 px phone nine hits already fill two screens.
PER_TYPE = 3
EXPANDED = 50
# The query-string parameter naming that type.
TYPE_PARAMETER = "loai"


@dataclass(frozen=True)
class SearchableType:
    key: str  # its ?loai= value and its block's anchor
    label: str  # what residents read beside each hit
    public: Callable  # () -> the queryset residents may see, by the app's own rule
    title_field: str
    date_field: str
    date_label: str  # before the date: "cập nhật 01/12/2026"
    fields: tuple  # all a hit reads: its address, title, date (never contact data)
    ranks_titles: bool = True  # the type stores search_title (folded title) to rank title matches first
    related: tuple = ()  # what the title reads from other tables, fetched in the same query
    note: Callable | None = None  # (item) -> a word residents must see first ("đã hết hiệu lực"), or ""


SEARCHABLE = (
    SearchableType(
        key="gioi-thieu",
        label="Trang giới thiệu",
        # Published, and every page above it too (pages.models.PageQuerySet.public).
        public=Page.objects.public,
        title_field="title",
        date_field="updated_at",
        date_label="cập nhật",
        fields=("title", "path", "updated_at"),
    ),
    SearchableType(
        key="thong-bao",
        label="Thông báo",
        # In force or in the archive: public and its validity begun (notices.models.NoticeQuerySet).
        public=Notice.objects.on_site,
        title_field="title",
        date_field="valid_from",
        date_label="hiệu lực từ",
        fields=("title", "slug", "valid_from", "valid_until"),
        note=lambda notice: notice.validity_state,
    ),
    SearchableType(
        key="van-ban",
        label="Văn bản",
        # Published (the publishing core's rule). Found by the words of its number, trích yếu, signer,
        # type and issuer (documents.models.Document.save); documents' own page also finds numbers
        # however they are typed (documents.search).
        public=Document.objects.published,
        title_field="heading",
        date_field="issued_on",
        date_label="ban hành ngày",
        fields=("slug", "number", "summary", "issued_on", "doc_type__name"),
        ranks_titles=False,
        related=("doc_type",),
    ),
    SearchableType(
        key="hoi-dap",
        label="Hỏi đáp",
        # Published and answered (questions.models.QuestionQuerySet.published). Its search_text is the
        # subject, question and answer only; only these fields are read, never who asked.
        public=Question.objects.published,
        title_field="subject",
        date_field="published_at",
        date_label="đăng ngày",
        fields=("subject", "published_at"),
        # A question stores no folded subject: newest first.
        ranks_titles=False,
    ),
)
BY_KEY = {kind.key: kind for kind in SEARCHABLE}


@dataclass(frozen=True)
class Hit:
    url: str
    title: str  # escaped, the words in <mark>
    date: object
    note: str


@dataclass(frozen=True)
class Found:
    kind: SearchableType
    hits: list
    more: bool  # there are more than shown: a "Xem thêm" link (or, expanded, "add a word")
    expanded: bool

    @property
    def more_parameter(self):
        """The query-string part of its "Xem thêm" link (the template adds ?q=…)."""
        return f"{TYPE_PARAMETER}={self.kind.key}"


def holding_all(words):
    """Every word a whole syllable of search_text: news.search's rule, as one filter."""
    return reduce(and_, (Q(search_text__contains=f" {word} ") for word in words))


def title_hits(words):
    """How many of the words the folded title holds: the first key of the order, as for articles."""
    return reduce(
        add,
        (Case(When(search_title__contains=f" {word} ", then=Value(1)), default=Value(0)) for word in words),
    )


def _queryset(kind, words, limit):
    """The first `limit` items of this type holding every word: title matches first, then newest."""
    queryset = kind.public().filter(holding_all(words)).select_related(*kind.related).only(*kind.fields)
    order = (f"-{kind.date_field}", "-pk")
    if kind.ranks_titles:
        queryset = queryset.annotate(title_hits=title_hits(words))
        order = ("-title_hits", *order)
    return queryset.order_by(*order)[:limit]


# The statement each type's search compiles to, kept per process by (database, type, number of words,
# rows). Building and compiling the four querysets cost more than running them (about 7 ms of a search
# page, half of it the Giới thiệu pages' rule, a subquery over the pages above each one); the
# statement is the same for every query of as many words, only its values change: the words' LIKE
# patterns, and the time "now" in each app's rule of what residents may see. Kept with a placeholder
# word in each pattern, bound afresh for each search. A type whose hit reads another table (a
# document's type) is read through the ORM each time, which joins it.
_statements = {}
_PLACEHOLDER = "qqz{}zqq"
_PLACEHOLDERS = re.compile(r"qqz(\d+)zqq")


def _compiled(kind, db, count, limit):
    queryset = _queryset(kind, [_PLACEHOLDER.format(n) for n in range(count)], limit).using(db)
    return queryset.model, *queryset.query.sql_with_params()


def _statement(kind, db, count, limit):
    """(model, sql, params, where "now" is) for this type's search of `count` words, or None when it
    is not kept (a type reading another table).

    "Now" is found by compiling twice, a moment apart: the values that differ are the rule's time,
    as the database takes it (a datetime for PostgreSQL, text for SQLite).
    """
    key = (db, kind.key, count, limit)
    if key not in _statements:
        kept = None
        if not kind.related:
            model, sql, params = _compiled(kind, db, count, limit)
            time.sleep(0.001)
            _, again, other = _compiled(kind, db, count, limit)
            now_at = tuple(n for n, (one, two) in enumerate(zip(params, other, strict=True)) if one != two)
            if again == sql:
                kept = (model, sql, params, now_at)
        _statements[key] = kept
    return _statements[key]


def _bound(params, now_at, words, now):
    bound = list(params)
    for n, param in enumerate(bound):
        if n in now_at:
            bound[n] = now
        elif isinstance(param, str):
            # One pass: a word that looks like a placeholder is put in, never replaced again. The words
            # are letters and digits (news.search.query_words), nothing LIKE would read as a wildcard.
            bound[n] = _PLACEHOLDERS.sub(lambda m: words[int(m.group(1))], param)
    return bound


def matches(kind, words, limit, db=DEFAULT_DB_ALIAS):
    """The first `limit` items of this type holding every word: title matches first, then newest."""
    kept = _statement(kind, db, len(words), limit)
    if kept is None:
        return list(_queryset(kind, words, limit).using(db))
    model, sql, params, now_at = kept
    now = connections[db].ops.adapt_datetimefield_value(timezone.now())
    return list(model.objects.using(db).raw(sql, _bound(params, now_at, words, now)))


def found_elsewhere(request, words, page):
    """The other types' hits for the search page: on its first page, the types with any hit.

    `words` are the query's (news.search.query_words), `page` the articles' page. One query per type.
    """
    if not words or page.number != 1:
        return []
    chosen = request.GET.get(TYPE_PARAMETER, "")
    found = []
    for kind in SEARCHABLE:
        expanded = kind.key == chosen
        shown = EXPANDED if expanded else PER_TYPE
        items = matches(kind, words, shown + 1)
        if not items:
            continue
        hits = [
            Hit(
                url=item.get_absolute_url(),
                title=highlight(getattr(item, kind.title_field), words),
                date=getattr(item, kind.date_field),
                note=kind.note(item) if kind.note else "",
            )
            for item in items[:shown]
        ]
        found.append(Found(kind, hits, more=len(items) > shown, expanded=expanded))
    return found
