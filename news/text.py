"""Vietnamese text: NFC normalisation, diacritic folding for search, and slugs.

Text pasted from Word or typed on a phone arrives in NFC or NFD form; everything we store is NFC so that
equal words compare equal. Folding drops the tone and vowel marks and turns đ into d, which is how
residents type when their keyboard has no Vietnamese layout.
"""

import re
import sys
import unicodedata
from functools import cache

from django.utils.text import slugify

# Characters that never belong in stored text: NUL breaks PostgreSQL, the other control characters
# cannot be written in XML (one in a title would break the RSS feed for everyone), and the rest are
# invisible junk that Word and some phone keyboards leave behind. Tab and newlines stay.
_INVISIBLE = re.compile("[\x00-\x08\x0e-\x1f\u200b\u200c\u200d\u2060\ufeff\ufffe\uffff]")
# Word's line break (Shift+Enter) and page break arrive as vertical tab and form feed: a space.
_BREAKS = re.compile("[\x0b\x0c]")
_SPACES = re.compile(r"\s+")
# Đ/đ, and Ð/ð (Icelandic eth), which looks the same and which text converted from the old VNI and
# TCVN3 encodings often carries: "Ðảng ủy" must fold to "dang uy" as "Đảng ủy" does.
_D_LETTERS = "đĐðÐ"


def nfc(text):
    """Return text in Unicode NFC form, without NUL bytes, control characters or zero-width characters."""
    if not text:
        return text or ""
    return unicodedata.normalize("NFC", _INVISIBLE.sub("", _BREAKS.sub(" ", text)))


def one_line(text):
    """NFC text on one line, its runs of spaces and line breaks one space: a name, a source."""
    return _SPACES.sub(" ", nfc(text)).strip()


def strip_marks(text):
    """Lower-case text without tone and vowel marks, đ as d, spacing untouched: "Đảng ủy" -> "dang uy".

    The compatibility decomposition (NFKD) also writes superscripts, subscripts and full-width forms as
    the plain letters and digits a phone types: "m²" -> "m2", "CO₂" -> "co2". PostgreSQL's word parser
    does not count "²" as part of a word, so without this it indexed "m²" as "m" and SQLite did not.
    """
    # Each step at C speed over the whole text: str.translate looks every character up in its table, and
    # an article's body took 0.64 ms where this takes 0.15 (search folds the texts its results are cut from).
    for letter in _D_LETTERS:
        text = text.replace(letter, "d")
    decomposed = _common_marks().sub("", unicodedata.normalize("NFKD", text))
    if not decomposed.isascii():  # a mark outside U+0300-U+036F may be left: the table decides
        decomposed = decomposed.translate(_without_combining())
    return decomposed.casefold()


@cache
def _common_marks():
    """The combining marks of their own block (U+0300-U+036F: all of Vietnamese's tone and vowel marks
    once decomposed), as one regular expression; the rest are _without_combining's."""
    marks = "".join(chr(c) for c in range(0x300, 0x370) if unicodedata.combining(chr(c)))
    return re.compile(f"[{re.escape(marks)}]+")


@cache
def _without_combining():
    """str.translate's table deleting every combining mark (unicodedata.combining), made once.

    The same characters as testing each one with unicodedata.combining, at C speed: search folds whole
    article bodies for its excerpts, where a Python loop over the letters cost most of the page.
    """
    return dict.fromkeys(c for c in range(sys.maxunicode + 1) if unicodedata.combining(chr(c)))


def fold(text):
    """Lower-case text without diacritics: "Hội nghị Đảng ủy" -> "hoi nghi dang uy"."""
    return _SPACES.sub(" ", strip_marks(nfc(text))).strip()


def slugify_vi(text, max_length=200):
    """An ASCII slug: "Hội nghị Đảng ủy" -> "hoi-nghi-dang-uy"."""
    slug = slugify(fold(text))[:max_length].strip("-")
    return slug or "bai-viet"


# What the URL patterns' <slug:…> accepts; the admin's form refuses anything else, an import or the
# shell does not, and one such slug made every page that links to it fail to build the link (a 500).
_URL_SLUG = re.compile(r"[-a-zA-Z0-9_]+")


def needs_slug(slug):
    """Whether a slug is missing or could not be put in an address."""
    return not (slug and _URL_SLUG.fullmatch(slug))


def unique_slug(text, is_taken, max_length=200):
    """A slug from text, suffixed -2, -3… while is_taken(slug) says another row holds it."""
    base = slugify_vi(text, max_length=max_length - 6)
    slug, n = base, 1
    while is_taken(slug):
        n += 1
        slug = f"{base}-{n}"
    return slug
