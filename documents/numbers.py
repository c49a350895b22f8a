"""Document numbers (số/ký hiệu): how they are written, compared, and found in an article's text.

Staff and residents write one number many ways: "07-NQ/QU", "07 nq qu", "7-nq/qu", "Số 07-NQ/QU".
They compare equal by their key: folded (no case, no marks, đ → d), split into letters and digits, and
numbers without their leading zeros: "7 nq qu". A key is stored with one space at each end
(" 7 nq qu ") so that a LIKE finds whole parts only.
"""

import re

from news.search import folded_words

# A number as documents print it: digits, an optional year ("01/2024/NQ-HĐND"), then the letters of
# the type and the issuer joined by - or /. Upper case only: that is how numbers are written in text,
# and "3/tuần" or "10-15 người" are no documents.
_CAPITAL = "A-ZĐ"
NUMBER_IN_TEXT = re.compile(
    rf"(?<![\w/-])\d{{1,5}}(?:/\d{{4}})?[-/][{_CAPITAL}][{_CAPITAL}0-9]*(?:[-/][{_CAPITAL}][{_CAPITAL}0-9]*)*"
    r"(?![\w/-])"
)
# "số 07", "so 07", "Số: 07-NQ/QU": the word is how people say a number, not part of it.
_SO = {"so"}


def number_key(text):
    """The comparable form of a number: "Số 07-NQ/QU" -> "7 nq qu" (empty for no letters or digits)."""
    words = folded_words(text or "")
    if words and words[0] in _SO:
        words = words[1:]
    return " ".join(w.lstrip("0") or "0" if w.isdigit() else w for w in words)


def stored_key(text):
    key = number_key(text)
    return f" {key} " if key else ""
