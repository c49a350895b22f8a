"""Showing residents where the words they typed occur: an excerpt with the words marked.

The words are found in the folded text but marked in the text as written, so "dang uy" marks "Đảng
ủy". Safety: every piece of the article's text is escaped first, and only our own <mark> tags are
added around escaped pieces; nothing a staff member or a visitor typed is ever output raw.
"""

import heapq
import html
import re
import unicodedata
from collections import defaultdict
from functools import cache, lru_cache

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from .search import WORD
from .text import _D_LETTERS, strip_marks

EXCERPT_LENGTH = 220
# How much text to show before the first match, so the reader sees it in context.
LEAD_IN = 60
_WORD_CHAR = re.compile(r"[^\W_]")
_NOT_WORD_CHAR = re.compile(r"[\W_]")


# Folded one character at a time, so that each folded letter remembers where it came from.
_fold_char = lru_cache(maxsize=4096)(strip_marks)


@cache
def _folding():
    """What the fast path needs: for each folded letter, the characters that fold to it; and a pattern
    finding any character that does not fold one for one.

    A character folds one for one when strip_marks makes it exactly one character and a letter stays a
    letter (and anything else stays not a letter): nearly all of Vietnamese text (ấ -> a, Đ -> d). In a
    text of such characters the folded text's words are where the text's words are, so a word can be
    found in the text as written, with a pattern whose letters are those characters (no folding of the
    text at all, at C speed). Others (the combining marks left after NFC, "…" -> "...", "ﬁ" -> "fi",
    "ß" -> "ss", and every character beyond the first 65,536, not listed here) send the text to the
    letter-by-letter path. Made once per process, from the characters whose fold is not themselves.
    """
    variants, irregular = defaultdict(list), ["\ud800-\udfff", "\U00010000-\U0010ffff"]
    changed = set()
    for code in range(0x10000):
        c = chr(code)
        if 0xD800 <= code <= 0xDFFF:
            continue
        if (
            c in _D_LETTERS
            or unicodedata.combining(c)
            or c.casefold() != c
            or unicodedata.normalize("NFKD", c) != c
        ):
            changed.add(c)
            folded = strip_marks(c)
            if len(folded) == 1 and bool(_WORD_CHAR.match(c)) == bool(_WORD_CHAR.match(folded)):
                variants[folded].append(c)
            else:
                irregular.append(re.escape(c))
    # A character that folds to itself is its own letter's first variant.
    letters = {letter: [letter] if letter not in changed else [] for letter in variants}
    for letter, chars in variants.items():
        letters[letter].extend(chars)
    return letters, changed, re.compile(f"[{''.join(irregular)}]")


@lru_cache(maxsize=4096)
def _word_pattern(word):
    """One folded word, as whole words of the text as written (WORD's letters on neither side).

    The first letter comes first and the look back after it, so that the regular expression engine
    skips at C speed to where that letter is, instead of trying the look back at every character.
    """
    letters, changed, _ = _folding()
    pieces = []
    for letter in word:
        chars = letters.get(letter, [] if letter in changed else [letter])
        pieces.append(f"[{''.join(re.escape(c) for c in chars)}]" if chars else "(?!)")
    first, rest = pieces[0], "".join(pieces[1:])
    return re.compile(rf"{first}(?<![^\W_][\s\S]){rest}(?![^\W_])")


def _fast_spans(text, words, pos=0):
    """The words' spans in text from pos on, in order (text without characters that fold otherwise)."""
    found = [((m.start(), m.end()) for m in _word_pattern(word).finditer(text, pos)) for word in words]
    return heapq.merge(*found)


def _folded_spans(text, words):
    """The words' spans in any text: folded letter by letter, each folded letter knowing its origin."""
    wanted = set(words)
    folded, origin = [], []
    for i, ch in enumerate(text):
        for c in _fold_char(ch):
            folded.append(c)
            origin.append(i)
    folded = "".join(folded)
    return [
        (origin[m.start()], origin[m.end() - 1] + 1) for m in WORD.finditer(folded) if m.group() in wanted
    ]


def _regular_until(text, end):
    """Whether text[:end] holds only characters that fold one for one (and so the fast path holds)."""
    return _folding()[2].search(text, 0, end) is None


def match_spans(text, words):
    """(start, end) spans of text whose folded form is one of the (folded) words, as whole words."""
    words = set(words)
    if not text or not words:
        return []
    text = unicodedata.normalize("NFC", text)
    if _regular_until(text, len(text)):
        return list(_fast_spans(text, words))
    return _folded_spans(text, words)


def _render(text, spans, start, end):
    # The standard library's escape: Django's gives the same text (it calls this one) but wraps each
    # call, a fifth of the time of a search page's twenty excerpts.
    pieces, at = [], start
    for s, e in spans:
        if e <= start or s >= end:
            continue
        s, e = max(s, start), min(e, end)
        pieces.append(html.escape(text[at:s]))
        pieces.append(f"<mark>{html.escape(text[s:e])}</mark>")
        at = e
    pieces.append(html.escape(text[at:end]))
    return "".join(pieces)


def highlight(text, words):
    """The whole text, escaped, with the words marked."""
    text = unicodedata.normalize("NFC", text or "")
    return mark_safe(_render(text, match_spans(text, words), 0, len(text)))  # noqa: S308 - escaped above


def excerpt(text, words, length=EXCERPT_LENGTH):
    """A short piece of text around the first match, escaped, with the words marked; "" if no match.

    Only as much of the text is looked at as the excerpt needs: up to the first match and the length
    after it (an article's body is thousands of characters, an excerpt a few hundred).
    """
    text = unicodedata.normalize("NFC", text or "")
    words = set(words)
    if not text or not words:
        return ""
    spans = _fast_spans(text, words)
    first = next(spans, None)
    # The fast path's answer holds where every character up to the excerpt's end (and the one after
    # it, which says whether a word ends there) folds one for one.
    if first is not None and not _regular_until(text, min(len(text), first[0] + LEAD_IN + length + 1)):
        first = None
    if first is None and not _regular_until(text, len(text)):
        spans = iter(_folded_spans(text, words))
        first = next(spans, None)
    if first is None:
        return ""
    start, end = _window(text, first, length)
    shown = [first]
    for span in spans:
        if span[0] >= end:
            break
        shown.append(span)
    return _cut(text, shown, start, end)


def _cut(text, spans, start, end):
    """text[start:end] as an excerpt: escaped, the spans marked, "…" where the text goes on."""
    body = _render(text, spans, start, end)
    return mark_safe(("… " if start else "") + body + (" …" if end < len(text) else ""))  # noqa: S308 - escaped


def _window(text, first, length):
    """Where an excerpt around the first match (a span) starts and ends: a little before it, at a word,
    and `length` on, at a word."""
    start = max(0, first[0] - LEAD_IN)
    if start:
        # Start at a word, not in the middle of one.
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first[0] else start
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > first[1] else end
    return start, end


class Prepared:
    """A text made ready for marking many searches' words in it: NFC, and where every character folds
    one for one, its folded twin with every character that is not a letter or digit as a space, and a
    space on either side. A whole word then is `" word "` in the twin, found by str.find at C speed at
    the text's own position, a tenth of the time of the regular expressions (news.kept_cards keeps
    search results' texts so). Other texts keep the letter-by-letter path."""

    __slots__ = ("spaced", "text")

    def __init__(self, text):
        self.text = unicodedata.normalize("NFC", text or "")
        self.spaced = None
        if _regular_until(self.text, len(self.text)):
            folded = strip_marks(self.text)
            if len(folded) == len(self.text):
                self.spaced = f" {_NOT_WORD_CHAR.sub(' ', folded)} "

    def first(self, needles):
        """The first (start, end) span of any of the needles (" word "), or None."""
        spaced, first = self.spaced, None
        for needle in needles:
            at = spaced.find(needle, 0, len(spaced) if first is None else first[0] + len(needle) - 1)
            if at != -1 and (first is None or at < first[0]):
                first = (at, at + len(needle) - 2)
        return first

    def spans(self, needles, start, end):
        """The needles' spans that start from start to before end, in order."""
        spaced, found = self.spaced, []
        for needle in needles:
            size = len(needle) - 2
            at = spaced.find(needle, start, end + size + 1)
            while at != -1:
                found.append((at, at + size))
                at = spaced.find(needle, at + size + 1, end + size + 1)
        found.sort()
        return found


def _needles(words):
    return [f" {word} " for word in set(words)]


def marked(prepared, words):
    """highlight() of a Prepared text."""
    if prepared.spaced is None:
        return highlight(prepared.text, words)
    text = prepared.text
    return mark_safe(_render(text, prepared.spans(_needles(words), 0, len(text)), 0, len(text)))  # noqa: S308


def prepared_excerpt(prepared, words, length=EXCERPT_LENGTH):
    """excerpt() of a Prepared text."""
    if prepared.spaced is None:
        return excerpt(prepared.text, words, length)
    needles = _needles(words)
    first = prepared.first(needles) if needles else None
    if first is None:
        return ""
    text = prepared.text
    start, end = _window(text, first, length)
    return _cut(text, prepared.spans(needles, start, end), start, end)


def result_excerpt(texts, words, length=EXCERPT_LENGTH, cut=excerpt):
    """Where in an article the words are: the first of its texts (summary, body, captions, in that
    order) that holds one; else only the title matched, and the start of its teaser is shown, as a
    list would. cut is excerpt, or prepared_excerpt where the texts but the teaser are Prepared."""
    for source in texts[:-1]:
        found = cut(source, words, length)
        if found:
            return found
    return escape(Truncator(texts[-1]).chars(length))
