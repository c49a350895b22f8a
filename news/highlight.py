"""Showing residents where the words they typed occur: an excerpt with the words marked.

The words are found in the folded text but marked in the text as written, so "dang uy" marks "Đảng
ủy". Safety: every piece of the article's text is escaped first, and only our own <mark> tags are
added around escaped pieces; nothing a staff member or a visitor typed is ever output raw.
"""

import re
import unicodedata
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from .search import WORD, plain_text
from .text import strip_marks

EXCERPT_LENGTH = 220
# How much text to show before the first match, so the reader sees it in context.
LEAD_IN = 60


# Folded one character at a time, so that each folded letter remembers where it came from.
_fold_char = lru_cache(maxsize=4096)(strip_marks)


@lru_cache(maxsize=256)
def _words_pattern(words):
    """The folded words as whole words (WORD's letters and digits on neither side), longest first."""
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![^\W_])(?:{alternatives})(?![^\W_])")


def match_spans(text, words):
    """(start, end) spans of text whose folded form is one of the (folded) words, as whole words."""
    wanted = set(words)
    if not text or not wanted:
        return []
    text = unicodedata.normalize("NFC", text)
    folded = strip_marks(text)
    if len(folded) == len(text):
        # Vietnamese text folds letter for letter (ấ -> a, đ -> d): positions are the same in both, and
        # the whole text is folded at C speed. Only a letter that folds to several (ﬁ -> fi) needs the
        # letter-by-letter path below.
        return [m.span() for m in _words_pattern(frozenset(wanted)).finditer(folded)]
    folded, origin = [], []
    for i, ch in enumerate(text):
        for c in _fold_char(ch):
            folded.append(c)
            origin.append(i)
    folded = "".join(folded)
    return [
        (origin[m.start()], origin[m.end() - 1] + 1) for m in WORD.finditer(folded) if m.group() in wanted
    ]


def _render(text, spans, start, end):
    pieces, at = [], start
    for s, e in spans:
        if e <= start or s >= end:
            continue
        s, e = max(s, start), min(e, end)
        pieces.append(escape(text[at:s]))
        pieces.append(f"<mark>{escape(text[s:e])}</mark>")
        at = e
    pieces.append(escape(text[at:end]))
    return "".join(pieces)


def highlight(text, words):
    """The whole text, escaped, with the words marked."""
    text = unicodedata.normalize("NFC", text or "")
    return mark_safe(_render(text, match_spans(text, words), 0, len(text)))  # noqa: S308 - escaped above


def excerpt(text, words, length=EXCERPT_LENGTH):
    """A short piece of text around the first match, escaped, with the words marked; "" if no match."""
    text = unicodedata.normalize("NFC", text or "")
    spans = match_spans(text, words)
    if not spans:
        return ""
    start = max(0, spans[0][0] - LEAD_IN)
    if start:
        # Start at a word, not in the middle of one.
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < spans[0][0] else start
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > spans[0][1] else end
    body = _render(text, spans, start, end)
    return mark_safe(("… " if start else "") + body + (" …" if end < len(text) else ""))  # noqa: S308


def article_excerpt(article, words, length=EXCERPT_LENGTH):
    """Where in the article the words are: its summary, body or a caption (from prefetched photos)."""
    sources = [article.summary, plain_text(article.body)]
    sources.extend(photo.caption for photo in article.photos.all())
    for source in sources:
        found = excerpt(source, words, length)
        if found:
            return found
    # Only the title matched: show the start of the summary, as a list would.
    return escape(Truncator(article.get_teaser()).chars(length))
