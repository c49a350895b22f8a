"""The public search's word index, kept in each worker's memory: matching and ranking without SQL.

news.search states the rule (every word a whole syllable of the folded text; of the newest
MAX_RESULTS matches, the words standing together first, in the title then in the text, then more of
the words in the title, then the newest) and answers it in SQL for the admin. A resident's search
asked the database to walk the newest articles and read each one's words, which was most of a search
page's time (docs/SEARCH.md). Here the same rule is answered from memory:

- Every approved article (status published, scheduled ones too) gets an ordinal, oldest first by
  (published_at, pk), the order of "newest first" turned round. The articles public at a moment are
  then the ordinals below one bound, found by a bisect on the sorted times: published_q's time half
  applied per search, with nothing to rebuild when a scheduled article comes due.
- Each syllable is one character (its code in a vocabulary of the indexed texts), so an article's
  text is a short string of syllables; and each syllable keeps a bitset (a Python int) of the
  articles holding it. The articles holding every word are the AND of their bitsets; the newest
  MAX_RESULTS of them, the lowest bit kept found by a binary search on the bits' count.
- The words stand together where the syllables' string holds the query's syllables one after
  another: what `" w1 w2 " in search_text` asks, on strings about a fifth as long.

Kept for the pages' generation (news.page_cache), which every save or delete of an article, a photo
or a section bumps, and at most PORTAL_ARTICLE_CACHE_SECONDS, as kept pages and cards are: a write
that announces nothing (a bulk update from the shell) is seen within that time. The view fetches the
page's rows with Article.objects.published(), so a row unpublished meanwhile is never shown.
"""

import bisect
import copy
import logging
import time
from collections import defaultdict
from itertools import pairwise

from django.conf import settings
from django.db import connections
from django.db.models import CharField, Value
from django.db.models.expressions import RawSQL
from django.utils import timezone

from publishing.models import Status

from . import page_cache, search
from .models import Article

logger = logging.getLogger(__name__)
# The texts' pairs of syllables hashed into this many slices (a power of two), each slice a bitset of
# the articles holding a pair that falls in it: a text holding the query's words together holds each
# of their pairs, so only the articles in all of the query's pairs' slices need their text searched.
# 4,096 slices: 5.5 MB a worker at 10,000 articles; of the candidates of the benchmark's drawn queries
# a quarter then are searched (19 % hold the words together), and about 1 s more to make the index.
PAIR_SLICES = 4096


def _bitset(ordinals, size):
    """The bitset of these ordinals, all below size: set in a byte array, not by shifting an int,
    which would make a new int of up to size bits for each one."""
    bits = bytearray(size // 8 + 1)
    for ordinal in ordinals:
        bits[ordinal >> 3] |= 1 << (ordinal & 7)
    return int.from_bytes(bits, "little")


def _bitsets(strings):
    """For each character, the bitset of the strings holding it: bit i set for strings[i]."""
    holding = defaultdict(list)
    for ordinal, string in enumerate(strings):
        for char in set(string):
            holding[char].append(ordinal)
    return {char: _bitset(ordinals, len(strings)) for char, ordinals in holding.items()}


def _pair_slices(string):
    """Which of the PAIR_SLICES slices the string's pairs of syllables (each next to the other) fall
    in: by Python's hash, which differs between processes and is never kept beyond this one."""
    return {hash(pair) & (PAIR_SLICES - 1) for pair in pairwise(string)}


def _ordinals(bits):
    """The set bits' positions, highest first."""
    return list(_descending(bits))


def _descending(bits):
    """The set bits' positions, highest first, found as they are asked for."""
    digits = bin(bits)
    top = len(digits) - 1
    at = digits.find("1", 2)
    while at != -1:
        yield top - at
        at = digits.find("1", at + 1)


def _newest(match, bound):
    """match with only its highest `bound` bits left set (all of them if it has no more)."""
    if match.bit_count() <= bound:
        return match
    low, high = 0, match.bit_length()
    while low < high:  # the highest shift that still leaves `bound` bits
        middle = (low + high + 1) // 2
        if (match >> middle).bit_count() >= bound:
            low = middle
        else:
            high = middle - 1
    return (match >> low) << low


def _counting(planes, count, within):
    """The articles of `within` (a bitset) whose count, kept in bit planes, is `count`."""
    if count >> len(planes):
        return 0  # more than any article's count reaches
    for j, plane in enumerate(planes):
        within &= plane if count >> j & 1 else ~plane
    return within


class _Bits:
    """A group of ranked ordinals known whole: a bitset, read newest first."""

    __slots__ = ("bits",)

    def __init__(self, bits):
        self.bits = bits

    def newest(self, count):
        """The group's newest `count` ordinals (all of them if it has fewer), newest first."""
        return _ordinals(_newest(self.bits, count))


class _Phrased:
    """The candidates (a bitset) whose string holds the phrase, checked newest first only as far as
    a page reads: a search page shows 20, and checking every one of up to MAX_RESULTS candidates was
    half of the ranking's time."""

    __slots__ = ("_found", "_phrase", "_strings", "_unchecked", "candidates")

    def __init__(self, candidates, phrase, strings, possible=-1):
        """possible: a bitset holding (at least) every candidate whose string holds the phrase."""
        self.candidates, self._phrase, self._strings = candidates, phrase, strings
        self._unchecked, self._found = _descending(candidates & possible), []

    def newest(self, count):
        found, phrase, strings = self._found, self._phrase, self._strings
        if len(found) < count:
            for ordinal in self._unchecked:
                if phrase in strings[ordinal]:
                    found.append(ordinal)
                    if len(found) == count:
                        break
        return found[:count]

    def bits(self):
        return _bitset(self.newest(self.candidates.bit_count()), len(self._strings))


class _Unphrased:
    """The candidates of a _Phrased whose string does not hold its phrase: read only after the
    _Phrased groups, so it is checked whole by then."""

    __slots__ = ("_bits", "_phrased")

    def __init__(self, phrased):
        self._phrased, self._bits = phrased, None

    def newest(self, count):
        if self._bits is None:
            self._bits = _Bits(self._phrased.candidates & ~self._phrased.bits())
        return self._bits.newest(count)


class Ranking:
    """Ranked pks, kept as groups of ordinals (each read newest first) and turned into pks only for
    the part a page reads: a search page shows 20 of up to MAX_RESULTS, and listing all of them was
    most of the ranking's time. A sequence for the paginator (len and slices); `total` is how many
    the groups hold together."""

    def __init__(self, pks, groups, total):
        self._pks, self._groups, self._total = pks, groups, total

    def __len__(self):
        return self._total

    def __iter__(self):
        return iter(self._take(0, self._total))

    def __getitem__(self, item):
        if not isinstance(item, slice):
            index = range(self._total)[item]  # an IndexError past either end, as a list's
            return self._take(index, index + 1)[0]
        start, stop, step = item.indices(self._total)
        return self._take(start, stop) if step == 1 else self._take(0, self._total)[item]

    def _take(self, start, stop):
        """The pks ranked start to stop (stop excluded): each group read only as far as needed."""
        ordinals, offset = [], 0
        for group in self._groups:
            if offset >= stop:
                break
            newest = group.newest(stop - offset)
            ordinals += newest[max(start - offset, 0) :]
            offset += len(newest)
        return [self._pks[ordinal] for ordinal in ordinals]


class WordIndex:
    """The approved articles' words, from rows of (pk, published_at, search_text, search_title,
    version) ordered by (published_at, pk); version is the row's (row_versions), or None."""

    def __init__(self, rows):
        self.pks = [row[0] for row in rows]
        self.times = [row[1] for row in rows]
        self.ordinal_of = {pk: ordinal for ordinal, pk in enumerate(self.pks)}
        self.versions = {row[0]: row[4] for row in rows}
        vocabulary = set()
        for row in rows:
            vocabulary.update(row[2].split(), row[3].split())
        # Codes from 1: a character per syllable. Surrogate code points are characters like any
        # other to a Python string; the strings are never encoded.
        self.codes = {word: chr(code) for code, word in enumerate(sorted(vocabulary), start=1)}
        code = self.codes.__getitem__
        self.texts = ["".join(map(code, row[2].split())) for row in rows]
        self.titles = ["".join(map(code, row[3].split())) for row in rows]
        self.words = _bitsets(self.texts)
        self.title_words = _bitsets(self.titles)
        holding = [[] for _ in range(PAIR_SLICES)]
        for ordinal, text in enumerate(self.texts):
            for piece in _pair_slices(text):
                holding[piece].append(ordinal)
        self.pairs = [_bitset(ordinals, len(rows)) for ordinals in holding]

    def updated(self, rows, gone):
        """A copy of this index with these rows written again and the articles `gone` (no longer
        approved) emptied; or None where a row would need a number among the others (a new or moved
        time older than the newest), which only making the index again gives.

        Shallow copies: what both share (the strings, the integers) is never changed in place, so a
        search reading this index meanwhile reads it whole.
        """
        new = copy.copy(self)
        for name in ("pks", "times", "texts", "titles", "pairs"):
            setattr(new, name, list(getattr(self, name)))
        for name in ("ordinal_of", "versions", "codes", "words", "title_words"):
            setattr(new, name, dict(getattr(self, name)))
        for pk in gone:
            new._write(new.ordinal_of[pk], "", "")
            del new.versions[pk]
        for pk, published_at, text, title, version in rows:
            ordinal = new.ordinal_of.get(pk)
            if ordinal is None or new.times[ordinal] != published_at:
                if new.pks and (published_at, pk) <= (new.times[-1], new.pks[-1]):
                    return None
                if ordinal is not None:
                    new._write(ordinal, "", "")  # its former place, emptied
                ordinal = new.ordinal_of[pk] = len(new.pks)
                new.pks.append(pk)
                new.times.append(published_at)
                new.texts.append("")
                new.titles.append("")
            new._write(ordinal, text, title)
            new.versions[pk] = version
        return new

    def _write(self, ordinal, text, title):
        """The article numbered `ordinal` holds these (indexed) texts from now on."""
        bit, former = 1 << ordinal, self.texts[ordinal]
        for strings, bitsets, indexed in (
            (self.texts, self.words, text),
            (self.titles, self.title_words, title),
        ):
            coded = "".join(self.codes.setdefault(word, chr(len(self.codes) + 1)) for word in indexed.split())
            held, holding = set(strings[ordinal]), set(coded)
            for char in held - holding:
                bitsets[char] &= ~bit
            for char in holding - held:
                bitsets[char] = bitsets.get(char, 0) | bit
            strings[ordinal] = coded
        held, holding = _pair_slices(former), _pair_slices(self.texts[ordinal])
        for piece in held - holding:
            self.pairs[piece] &= ~bit
        for piece in holding - held:
            self.pairs[piece] |= bit

    def ranked(self, words, now):
        """The pks of the articles public at `now` holding every one of the (folded) words, ranked by
        news.search's rule (a Ranking).

        The keys are sets of bits, not values per article: the articles whose words stand together in
        the title, in the text only, or not; and how many of the words each title holds, counted in
        bit planes (planes[j]: the articles whose count has bit j set). Each (together, title hits)
        group, highest first, is then read newest first.
        """
        chars = [self.codes.get(word) for word in words]
        if not chars or None in chars:
            return []
        match = (1 << bisect.bisect_right(self.times, now)) - 1
        for char in chars:
            match &= self.words[char]
        match = _newest(match, search.MAX_RESULTS)
        planes, in_title = [], match
        for char in chars:
            carry = self.title_words.get(char, 0) & match
            in_title &= carry
            for j, plane in enumerate(planes):
                planes[j], carry = plane ^ carry, plane & carry
            if carry:
                planes.append(carry)
        counts = range(len(chars), -1, -1)
        if len(chars) == 1:
            return Ranking(
                self.pks, [_Bits(_counting(planes, hits, match)) for hits in counts], match.bit_count()
            )
        # Titles are short: their phrase is checked whole. The texts', per count newest first, as far
        # as the page reads (_Phrased).
        phrase, possible = "".join(chars), match
        for piece in _pair_slices(phrase):
            possible &= self.pairs[piece]
        titled = _Phrased(in_title, phrase, self.titles).bits()
        untitled = match & ~titled
        in_text = [
            _Phrased(_counting(planes, hits, untitled), phrase, self.texts, possible) for hits in counts
        ]
        groups = [_Bits(_counting(planes, hits, titled)) for hits in counts]
        groups += in_text + [_Unphrased(phrased) for phrased in in_text]
        return Ranking(self.pks, groups, match.bit_count())


def approved_rows():
    """What the index is made of: every approved article, oldest first, with its row's version.
    published_q's time half (published_at <= now) is applied per search (WordIndex.ranked)."""
    rows = Article.objects.filter(status=Status.PUBLISHED).order_by("published_at", "pk")
    return rows.annotate(version=_VERSION[connections[rows.db].vendor]).values_list(
        "pk", "published_at", "search_text", "search_title", "version"
    )


# A row's version: PostgreSQL's xmin, the transaction that wrote the row as it is, which every write
# changes (admin, import, shell, bulk update); SQLite keeps none, and its index is made again. Writes
# inside the transaction that read the versions keep its xmin: the index is read in a request's own.
_VERSION = defaultdict(
    lambda: Value(None, output_field=CharField()),
    postgresql=RawSQL('"news_article"."xmin"::text', [], output_field=CharField()),
)


def row_versions():
    """Each approved article's row version, by pk."""
    return dict(approved_rows().order_by().values_list("pk", "version"))


def brought_up_to_date(index):
    """The index as the rows are now: the rows whose version changed written again, or else made anew."""
    if index is not None and None not in index.versions.values():
        now = row_versions()
        changed = [pk for pk, version in now.items() if index.versions.get(pk) != version]
        gone = index.versions.keys() - now.keys()
        if not changed and not gone:
            return index
        # Past a tenth of the archive, making it again costs less than writing so many rows.
        if len(changed) + len(gone) <= len(index.pks) // 10 + 10:
            updated = index.updated(approved_rows().filter(pk__in=changed), gone)
            if updated is not None:
                return updated
    return WordIndex(list(approved_rows()))


# One entry: this worker's index, kept as pages are (for the generation and a lifetime).
_kept = page_cache.Memory(1)


def index_for(generation):
    """This worker's index for the pages' generation, brought up to date if it is not."""
    entry = _kept.get("articles")
    if entry is None or not entry.fresh or entry.generation != generation:
        index = brought_up_to_date(entry.body if entry is not None else None)
        entry = page_cache.Entry(index, "", generation, settings.PORTAL_ARTICLE_CACHE_SECONDS)
        _kept.put("articles", entry)
    return entry.body


def warm():
    """Make this worker's index now (gunicorn.conf.py, as a worker starts). Whatever fails (the
    database or Redis not up yet) only leaves it to the first search: the worker starts all the same."""
    started = time.monotonic()
    try:
        index = index_for(page_cache.generation())
    except Exception:
        logger.exception("search index not made at start; the first search makes it")
        return
    logger.info("search index of %d articles made in %.1f s", len(index.pks), time.monotonic() - started)


def ranked_public(words, generation):
    """The ranked pks of the articles public now holding every one of the (folded) words."""
    return index_for(generation).ranked(words, timezone.now())
