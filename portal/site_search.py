"""The site search beyond articles: Giới thiệu pages, notices, documents and Hỏi đáp, by the words of
/tim-kiem/.

Articles are news.search's (ranked, paged, with excerpts). The other types are few and short, so the
search page shows a compact block of them ("Trong các mục khác") above the articles, on the first page
only: at most PER_TYPE hits of each, or EXPANDED hits of the one type a resident asked to see more of
(?loai=<key>). Answered from this worker's memory (Kept below): no query, whatever the number of
items, but one per type to read them again after a change.

SEARCHABLE is the one registry: which types, each app's own rule of what residents may see, what a hit
reads and shows. A type joins the search by an entry here and a folded search_text made on save
(news.search.indexed); never a field with who sent something (a question's contact data).

The word rule is news.search's: the query's words (news.search.query_words, which the view has
already made), each a whole folded syllable of search_text (what `search_text LIKE '% w %'` asks),
and more of the words in the folded title first (docs/SEARCH.md, "Trong các mục khác").

This module lives in portal/, beside admin_site.py's review queue, because it knows every app; news
stays the articles' app.
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS
from django.db.models import F
from django.template import loader
from django.template.defaultfilters import date as format_date
from django.utils.safestring import mark_safe
from django.utils.timezone import template_localtime

from documents.models import Document
from news import page_cache, stencils
from news.highlight import Prepared, marked
from notices.models import Notice
from pages.models import Page
from questions.models import Question

# Hits of each type on the search page, and of the type a resident asked to see more of. Three: the
# block stands above the articles, and on a 360 px phone nine hits already fill two screens.
PER_TYPE = 3
EXPANDED = 50
# The query-string parameter naming that type.
TYPE_PARAMETER = "loai"
HIT_TEMPLATE = "news/_other_hit.html"


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


class Listed:
    """An item as its hit shows it (news/_other_hit.html), made when the item is kept: its address and
    date cost a URL reversal and two date formats, and the block shows up to twelve hits. The hit's
    markup is a stencil (news.stencils) made the first time it is shown, the title marked per search
    (prepared for that: news.highlight.Prepared)."""

    __slots__ = ("date_iso", "date_text", "kind", "note", "prepared", "stencil", "title", "url")

    def __init__(self, kind, url, title, date_iso, date_text, note):
        self.kind, self.url, self.title, self.note = kind, url, title, note
        self.prepared = Prepared(title)
        self.date_iso, self.date_text = date_iso, date_text  # "" where the item has no date
        self.stencil = None

    def hit(self, words):
        """The hit's HTML, the words marked in its title."""
        title = marked(self.prepared, words)
        if self.stencil is None:  # not made yet; False where none can be made (news.stencils.cut)
            self.stencil = stencils.cut(self._render(stencils.mark("title")), ["title"]) or False
        return mark_safe(self.stencil.fill({"title": title}) if self.stencil else self._render(title))  # noqa: S308

    def _render(self, title):
        return loader.render_to_string(HIT_TEMPLATE, {"kind": self.kind, "item": self, "title": title})


@dataclass(frozen=True)
class Found:
    kind: SearchableType
    hits: list  # each hit's HTML (Listed.hit)
    more: bool  # there are more than shown: a "Xem thêm" link (or, expanded, "add a word")
    expanded: bool

    @property
    def more_parameter(self):
        """The query-string part of its "Xem thêm" link (the template adds ?q=…)."""
        return f"{TYPE_PARAMETER}={self.kind.key}"


# Each type's public items, kept in this worker's memory with the words that find them. The tables
# hold tens to a few thousand rows and asking them cost four queries a search page (about 4 ms of it,
# more than the articles' ranking); kept as pages are (news.page_cache): for the pages' generation,
# which every save or delete of these types bumps, and which also moves when a scheduled item or a
# notice's validity comes due (their due_fields), and at most PORTAL_PAGE_CACHE_SECONDS, the bound
# for a write that announces nothing (a bulk update from the shell), as for the kept lists that show
# these items too. Each worker so reads the four tables whole at least that often: a few ms for the
# hundreds to few thousands of rows a ward has.
_kept = page_cache.Memory(4 * len(SEARCHABLE))


@dataclass(frozen=True)
class Kept:
    items: list  # the type's public items as hits show them (Listed), newest first (date, then pk)
    holding: dict  # each folded syllable -> the positions in items of those whose search_text holds it
    titles: list  # per item, the syllables of its folded title (empty where the type ranks none)


def _make(kind, db):
    """The type's public items, read as each app's rule says, and the syllables that find them."""
    queryset = kind.public().using(db).select_related(*kind.related).only(*kind.fields)
    queryset = queryset.annotate(words_=F("search_text"))
    if kind.ranks_titles:
        queryset = queryset.annotate(title_words_=F("search_title"))
    items, holding, titles = [], defaultdict(list), []
    for position, item in enumerate(queryset.order_by(f"-{kind.date_field}", "-pk")):
        for word in set(item.__dict__.pop("words_").split()):
            holding[word].append(position)
        titles.append(frozenset(item.__dict__.pop("title_words_", "").split()))
        items.append(_listed(kind, item))
    return Kept(items, {word: frozenset(found) for word, found in holding.items()}, titles)


def _listed(kind, item):
    # In the portal's time zone, as the template's date filter has it (a datetime; a date stays).
    date = template_localtime(getattr(item, kind.date_field))
    return Listed(
        kind,
        url=item.get_absolute_url(),
        title=getattr(item, kind.title_field),
        date_iso=format_date(date, "Y-m-d") if date else "",
        date_text=format_date(date, "d/m/Y") if date else "",
        # Fixed for the generation: it moves when a notice's validity comes due (due_fields).
        note=kind.note(item) if kind.note else "",
    )


def kept(kind, generation, db=DEFAULT_DB_ALIAS):
    """The type's Kept for this generation of the pages (news.page_cache.generation())."""
    lifetime = settings.PORTAL_PAGE_CACHE_SECONDS
    return _kept.kept((db, kind.key), generation, lifetime, lambda: _make(kind, db))


def matches(kind, words, limit, generation, db=DEFAULT_DB_ALIAS):
    """The first `limit` items (Listed) of this type holding every word (each a whole syllable of its folded
    text): those with more of the words in the title first, then the newest. `words` are distinct
    (news.search.query_words)."""
    if not words:
        return []
    found = kept(kind, generation, db)
    holding = [found.holding.get(word) for word in words]
    if not all(holding):
        return []
    positions = frozenset.intersection(*holding)
    if kind.ranks_titles:
        asked = frozenset(words)
        ordered = sorted(positions, key=lambda n: (-len(found.titles[n] & asked), n))
    else:
        ordered = sorted(positions)
    return [found.items[n] for n in ordered[:limit]]


def found_elsewhere(request, words, page, generation):
    """The other types' hits for the search page: on its first page, the types with any hit.

    `words` are the query's (news.search.query_words), `page` the articles' page, `generation` the
    pages' (news.page_cache.generation()). No query, but one per type to make what is kept after a
    change.
    """
    if not words or page.number != 1:
        return []
    chosen = request.GET.get(TYPE_PARAMETER, "")
    found = []
    for kind in SEARCHABLE:
        expanded = kind.key == chosen
        shown = EXPANDED if expanded else PER_TYPE
        items = matches(kind, words, shown + 1, generation)
        if not items:
            continue
        hits = [item.hit(words) for item in items[:shown]]
        found.append(Found(kind, hits, more=len(items) > shown, expanded=expanded))
    return found
