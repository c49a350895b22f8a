"""Search: what a resident types, folded the way stored text is folded, matched syllable by syllable.

Residents type with or without diacritics, in any case, in NFC or NFD. The query and the article's
text are both folded by news.text.fold, so "hoi nghi" finds "Hội nghị" and "dang uy" finds "Đảng ủy".

Stored text (Article.search_text, Article.search_title, made on save) is the folded words with one
space between them and one at each end: " hoi nghi dang uy ". A query word w is looked for as " w ",
a whole syllable, because Vietnamese syllables are short and a bare substring would let "uy" find
"quy" and "huy", and "an" find nearly everything. On PostgreSQL a trigram index answers that LIKE
(see docs/SEARCH.md); on SQLite the same LIKE scans the table.
"""

import html
import re
from functools import reduce
from operator import add

from django.db.models import Case, Value, When
from django.utils.html import strip_tags

from .text import fold

MAX_QUERY_LENGTH = 200
MAX_WORDS = 8
# Letters and digits; like pg_trgm, the underscore and punctuation separate words.
WORD = re.compile(r"[^\W_]+")


def plain_text(markup):
    """The readable text of sanitized HTML, with a space where a tag was so blocks do not run together."""
    text = html.unescape(strip_tags((markup or "").replace("<", " <")))
    return re.sub(r"\s+", " ", text).strip()


def folded_words(text):
    return WORD.findall(fold(text))


def indexed(text):
    """Text as it is stored for search: " w1 w2 … wn " (empty when there are no words)."""
    words = folded_words(text)
    return f" {' '.join(words)} " if words else ""


def searchable_text(article):
    """The indexed text an article is found by: title, summary, body and photo captions."""
    parts = [article.title, article.summary, plain_text(article.body)]
    if article.pk:
        parts.extend(article.photos.values_list("caption", flat=True))
    return indexed("\n".join(p for p in parts if p))


def query_words(raw):
    """The words of a query: folded, at most MAX_WORDS, the query cut to a sane length first."""
    words = folded_words((raw or "")[:MAX_QUERY_LENGTH])
    return list(dict.fromkeys(words))[:MAX_WORDS]


def search_articles(queryset, raw):
    """Articles of queryset holding every word of the query; title matches first, then newest.

    Returns (queryset, words). An article whose title holds more of the words ranks higher; among
    equals the newer one comes first.
    """
    words = query_words(raw)
    if not words:
        return queryset.none(), words
    for word in words:
        queryset = queryset.filter(search_text__contains=f" {word} ")
    title_hits = reduce(
        add,
        [Case(When(search_title__contains=f" {word} ", then=Value(1)), default=Value(0)) for word in words],
    )
    queryset = queryset.annotate(title_hits=title_hits).order_by("-title_hits", "-published_at", "-pk")
    return queryset, words
