"""Pages that are the same for every anonymous reader, kept rendered until anything they show changes.

A page is kept under its address (scheme, host, path, and the query parameters the page reads: `page`
for lists, none for an article; tracking parameters of shared links change nothing) and the pages'
generation: one number that every save or delete of published content or a section bumps, at once and
again when its transaction commits (signals below), and that also moves when a scheduled item comes
due, which no save announces: the earliest due time is kept beside the generation, and the first
request after it bumps the generation.

Two levels: this worker's memory (bounded, least recently used out first), then the shared cache
(Redis in production; nothing shared on the embedded default), where a page goes once it is asked for
a second time (_share). Staff (any request carrying a session cookie) and anything but GET and HEAD
never touch it. Entries also expire after PORTAL_PAGE_CACHE_SECONDS (lists show view counts; they may
be that far behind) or, for article pages, whose count is put in fresh on every request,
PORTAL_ARTICLE_CACHE_SECONDS.
"""

import math
import threading
import time
import zlib
from collections import OrderedDict

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from .view_counter import key, redis_client, uses_redis

# What an article page says in place of its view count while it is rendered for keeping; each response
# puts the live count there (news.views).
VIEW_COUNT_MARK = "\u2063lượt-xem\u2063"
MEMORY_ENTRIES = 500


class Entry:
    __slots__ = ("_around_count", "body", "content_type", "expires", "generation", "object_id", "shared")

    def __init__(self, body, content_type, generation, lifetime, object_id=None):
        self.body, self.content_type, self.generation = body, content_type, generation
        self.expires = time.monotonic() + lifetime
        self.object_id = object_id
        self.shared = False  # in the shared cache too (get, _share)
        self._around_count = None

    @property
    def fresh(self):
        return time.monotonic() < self.expires

    def with_count(self, total):
        """A kept article page with its live view count put in (for VIEW_COUNT_MARK)."""
        if self._around_count is None:
            # Cut at the mark once an entry, not searched for in 24 KB on every view: 8 -> 0.7 us.
            self._around_count = self.body.split(VIEW_COUNT_MARK.encode())
        return str(total).encode().join(self._around_count)


class Memory:
    """Entries kept in this worker's memory, at most `entries` of them, the least recently used out first."""

    def __init__(self, entries):
        self.entries = entries
        self._kept = OrderedDict()
        self._lock = threading.Lock()
        _memories.append(self)

    def get(self, name):
        with self._lock:
            entry = self._kept.get(name)
            if entry is not None:
                self._kept.move_to_end(name)
        return entry

    def put(self, name, entry):
        with self._lock:
            self._kept[name] = entry
            self._kept.move_to_end(name)
            while len(self._kept) > self.entries:
                self._kept.popitem(last=False)

    def current(self, name, generation):
        """The entry kept under name, if it is for this generation and still fresh; else None."""
        entry = self.get(name)
        return entry if entry is not None and entry.fresh and entry.generation == generation else None

    def kept(self, name, generation, lifetime, make):
        """What is kept under name for this generation, or make()'s answer, kept from now on for the
        generation and at most lifetime seconds."""
        entry = self.current(name, generation)
        if entry is None:
            entry = Entry(make(), "", generation, lifetime)
            self.put(name, entry)
        return entry.body

    def clear(self):
        with self._lock:
            self._kept.clear()


_memories = []
_pages = Memory(MEMORY_ENTRIES)


def cacheable(request):
    """Whether this request may be answered from, and its answer kept in, the page cache."""
    return request.method in ("GET", "HEAD") and settings.SESSION_COOKIE_NAME not in request.COOKIES


def address(request, *parts):
    """Where a page is kept: its scheme, host and path, and the parts of its query it depends on.

    Nothing else of the query string: links shared on Zalo and Facebook carry zarsrc=, fbclid=, utm_…
    that change nothing on the page, and a viral article's readers nearly all arrive with them.
    """
    return ":".join((request.scheme, request.get_host(), request.path, *map(str, parts)))


# --- the generation ---------------------------------------------------------------------------------
def _local():
    return caches["default"]


def generation(current=None, next_due=None):
    """The pages' generation now, bumping it first if a scheduled item has come due.

    current and next_due are what the store said, when the caller has read them already (the visit
    script returns them with the count); otherwise they are read here.
    """
    if current is not None:
        return _settle(current, next_due)
    if uses_redis():
        current, next_due = redis_client().mget(key("pages:generation"), key("pages:next_due"))
    else:
        values = _local().get_many(["pages:generation", "pages:next_due"])
        current, next_due = values.get("pages:generation"), values.get("pages:next_due")
    return _settle(current, next_due)


def of_request(request):
    """The pages' generation for this request: read once, then kept on the request (a view that has
    read it already sets request.pages_generation)."""
    known = getattr(request, "pages_generation", None)
    if known is None:
        known = request.pages_generation = generation()
    return known


def _settle(current, next_due):
    """The generation to use, given what the store said: bumped if the next due time has passed."""
    if current is None or (next_due not in (None, b"", "") and float(next_due) <= time.time()):
        return bump()
    return current.decode() if isinstance(current, bytes) else str(current)


def bump():
    """A new generation (every kept page is stale from now), and the next due time recomputed."""
    due = next_due_time()
    # Whole seconds, rounded down: rounded to the nearest, a due moment at 08:00:00.6 was kept as
    # 08:00:01, and the page stayed as it was for that part of a second after the notice's end.
    stamp = "" if due is None else str(math.floor(due.timestamp()))
    if uses_redis():
        client = redis_client()
        with client.pipeline() as pipe:
            pipe.incr(key("pages:generation"))
            pipe.set(key("pages:next_due"), stamp)
            new, _ = pipe.execute()
        return str(new)
    local = _local()
    local.add("pages:generation", 0, None)
    new = local.incr("pages:generation")
    local.set("pages:next_due", stamp, None)
    return str(new)


def next_due_time():
    """The earliest due moment of any model that has them (publishing.models.earliest_after), or midnight.

    A model takes part by naming its due_fields and giving its manager next_due(): every publishable
    type (its publication time, and e.g. a notice's validity), and the featured pin's start and end.
    Every page's header shows today's date (ward.today), so the next local midnight is one too.
    """
    from ward.today import next_midnight

    times = [next_midnight()]
    for model in apps.get_models():
        if getattr(model, "due_fields", ()):
            times.append(model._default_manager.next_due())
    return min(when for when in times if when is not None)


def _content_changed(sender, **kwargs):
    if kwargs.get("raw"):
        return
    # Now, so that this process never serves what it has just changed, and again once the transaction
    # commits: a page rendered meanwhile by another worker, from the rows as they were before, was kept
    # under the first new generation.
    bump()
    transaction.on_commit(bump)


def watch(*models):
    """Bump the generation whenever a row of these models is saved or deleted."""
    for model in models:
        post_save.connect(_content_changed, sender=model, dispatch_uid=f"page_cache_save_{model._meta.label}")
        post_delete.connect(
            _content_changed, sender=model, dispatch_uid=f"page_cache_del_{model._meta.label}"
        )


# --- keeping and finding pages ----------------------------------------------------------------------
def get(name, shared=True):
    """The kept entry for this address, from memory or (if shared) the shared cache; its generation
    unchecked. An entry of this worker's asked for again is shared from now on (_share)."""
    entry = _pages.get(name)
    if entry is not None and entry.fresh:
        if not entry.shared:
            _share(name, entry)
        return entry
    if not (shared and uses_redis()):
        return None
    stored = caches["default"].get(f"page:{name}")
    if stored is None:
        return None
    body, content_type, generation_, lifetime, object_id = stored
    entry = Entry(zlib.decompress(body), content_type, generation_, lifetime, object_id)
    entry.shared = True
    _pages.put(name, entry)
    return entry


def put(name, entry):
    """Keep a page rendered afresh in this worker's memory, until its entry expires."""
    _pages.put(name, entry)


def _share(name, entry):
    """Put this worker's entry in the shared cache, for the other workers, until it expires.

    Rule: a page is shared the second time this worker is asked for it, not when it is made. Most of
    an archive is read once in a while (readers from search engines), and compressing and sending a
    page of 24 KB cost 0.3-0.6 ms of each such request; a page asked for again is one worth sharing.
    Another worker asked for it before that renders it itself, once. get() shares before its caller
    compares generations, so an entry gone stale may be shared once; every reader compares them.
    """
    entry.shared = True
    if not uses_redis():
        return
    lifetime = math.ceil(entry.expires - time.monotonic())
    if lifetime > 0:
        body = zlib.compress(entry.body, 3)
        shared = (body, entry.content_type, entry.generation, lifetime, entry.object_id)
        caches["default"].set(f"page:{name}", shared, lifetime)


def forget_all():
    """Empty this worker's memories (tests; the generation makes it unnecessary otherwise)."""
    for memory in _memories:
        memory.clear()
