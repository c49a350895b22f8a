"""Finding a document the way residents look: by its number however typed, its issue date, or words
of its summary without marks.

"07-NQ/QU", "07 nq qu", "7-nq/qu", "so 07" are one number (documents.numbers); "26/4/2021" or
"26/04/2021" is an issue date; anything else is words, each of which must be in the document's folded
text (news.search.indexed, as articles are searched). A query matches by any of the three ways.
"""

import re
from datetime import date

from django.db.models import Q

from news.search import MAX_QUERY_LENGTH, query_words

from .numbers import number_key

_DATE = re.compile(r"^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$")


def _as_date(text):
    match = _DATE.match(text)
    if not match:
        return None
    day, month, year = map(int, match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


def matching(raw):
    """The Q a query stands for, or None for a query with nothing to look for."""
    text = (raw or "")[:MAX_QUERY_LENGTH]
    when = _as_date(text)
    if when is not None:
        return Q(issued_on=when)
    words = query_words(text)
    if not words:
        return None
    every_word = Q()
    for word in words:
        every_word &= Q(search_text__contains=f" {word} ")
    key = number_key(text)
    if key and key.split()[0].isdigit():
        # A number starts the key: "so 07" finds 07-NQ/QU and 07/KH-UBND; "07 nq" narrows it.
        return every_word | Q(number_key__startswith=f" {key} ") | Q(number_key=f" {key} ")
    return every_word


def search_documents(queryset, raw):
    q = matching(raw)
    return queryset.none() if q is None else queryset.filter(q)
