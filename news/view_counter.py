"""Where a counted view is kept until it is in the database, and the live count a page shows.

Two backends, one rule (every view counted once, exactly):

- Direct (the embedded default, no Redis): each view is written at once through news.view_log.
- Redis (production): a view is one round trip to Redis, a Lua script that adds it to a pending hash
  and to the article's live total, checks the per-address limit, and returns the total and the pages'
  generation (news.page_cache) with it. A flush (every PORTAL_VIEWS_FLUSH_SECONDS, by whichever worker
  takes the lock, and by `manage.py flush_views`) moves the pending views to the database in batches,
  exactly once: the hash is renamed away atomically, applied in one transaction together with a row
  naming the batch (FlushedBatch), then deleted; a batch left behind by a killed worker is applied by
  the next flush unless its row says it already was. If Redis itself is lost, the views since the last
  flush are lost with it (at most PORTAL_VIEWS_FLUSH_SECONDS of views; docs/PERFORMANCE.md).

The per-address limit: one client address adds at most PORTAL_VIEWS_PER_ADDRESS views to one article
per PORTAL_VIEWS_ADDRESS_WINDOW seconds; beyond it a visit is read but not counted (docs/DECISIONS.md).
"""

import logging
import threading
import time
import uuid
from datetime import datetime, timedelta
from functools import cache

from django.conf import settings
from django.core.cache import caches
from django.db import close_old_connections, connection, transaction
from django.utils import timezone

from .view_log import add_views

log = logging.getLogger(__name__)

# KEYS: 1 pending hash, 2 the article's total, 3 the address's counter, 4 the pages' generation,
# 5 the next due time, 6 the flush lock. ARGV: 1 count it (1/0), 2 pending field, 3 limit,
# 4 limit window (s), 5 flush lock lifetime (s), 6 the database's count where the caller has read it
# (else ""), from which a total not in Redis yet starts (_start_total's rule, in the same round trip).
# Returns {counted (1/0), total or false, generation or false, next due or false, flush lock taken (1/0)}.
_SCRIPT = """
local counted = 0
if ARGV[1] == '1' then
  local used = redis.call('INCR', KEYS[3])
  if used == 1 then redis.call('EXPIRE', KEYS[3], tonumber(ARGV[4])) end
  if used <= tonumber(ARGV[3]) then
    redis.call('HINCRBY', KEYS[1], ARGV[2], 1)
    if redis.call('EXISTS', KEYS[2]) == 1 then redis.call('INCR', KEYS[2]) end
    counted = 1
  end
end
local lock = 0
if counted == 1 and redis.call('SET', KEYS[6], '1', 'NX', 'EX', tonumber(ARGV[5])) then lock = 1 end
local total = redis.call('GET', KEYS[2])
if not total and ARGV[6] ~= '' then
  total = tonumber(ARGV[6]) + tonumber(redis.call('HGET', KEYS[1], ARGV[2]) or '0')
  redis.call('SET', KEYS[2], total)
end
return {counted, total, redis.call('GET', KEYS[4]), redis.call('GET', KEYS[5]), lock}
"""


def key(name):
    """A Redis key of this portal's: a city running many wards' portals on one Redis sets a prefix each."""
    return f"{settings.PORTAL_REDIS_PREFIX}:{name}"


@cache
def redis_client():
    import redis

    return redis.Redis.from_url(settings.REDIS_URL)


@cache
def _visit_script():
    # Sent by its SHA-1 (EVALSHA): the script's text crosses the wire once per worker, not per view.
    return redis_client().register_script(_SCRIPT)


def uses_redis():
    return bool(settings.REDIS_URL)


class Visit:
    """What one request learns from the counter: whether it counted, the live total, the generation."""

    def __init__(self, counted, total, generation, next_due):
        self.counted, self.total, self.generation, self.next_due = counted, total, generation, next_due


def _day_field(article_id, day):
    return f"{article_id}:{day:%Y%m%d}"


def visit(article_id, stored_total, count, address):
    """Record a visit to an article (counting it if count is true) and return what the page needs.

    stored_total is the database's count as the caller knows it (None when it has not read the row),
    used to start the live total in Redis.
    """
    if not uses_redis():
        return _visit_direct(article_id, stored_total, count, address)
    client = redis_client()
    keys = [
        key("views:pending"),
        key(f"views:total:{article_id}"),
        key(f"views:address:{address}:{article_id}"),
        key("pages:generation"),
        key("pages:next_due"),
        key("views:flush_lock"),
    ]
    args = [
        1 if count else 0,
        _day_field(article_id, timezone.localdate()),
        settings.PORTAL_VIEWS_PER_ADDRESS,
        settings.PORTAL_VIEWS_ADDRESS_WINDOW,
        max(settings.PORTAL_VIEWS_FLUSH_SECONDS, 1),
        "" if stored_total is None else stored_total,
    ]
    counted, total, generation, next_due, lock = _visit_script()(keys=keys, args=args)
    if total is None:
        total = _start_total(client, article_id, stored_total)
    if lock and settings.PORTAL_VIEWS_FLUSH_THREAD:
        _flush_soon()
    return Visit(bool(counted), int(total), generation, next_due)


def _start_total(client, article_id, stored_total):
    """The live total from the database's count and today's views not yet flushed (display only:
    the exact count is the database's plus the pending hash, whatever this says). The visit script
    starts it itself where the caller has read the count; this is for a caller that has not."""
    if stored_total is None:
        stored_total = stored_count(article_id)
    pending = int(client.hget(key("views:pending"), _day_field(article_id, timezone.localdate())) or 0)
    client.set(key(f"views:total:{article_id}"), stored_total + pending, nx=True)
    return int(client.get(key(f"views:total:{article_id}")) or stored_total + pending)


def _visit_direct(article_id, stored_total, count, address):
    counted = count and _within_limit_locally(article_id, address)
    if counted:
        # The count as the addition left it, read in the same statement.
        total = add_views({(article_id, timezone.localdate()): 1}).get(article_id, stored_total)
    else:
        # Unknown until the caller reads the row (stored_count), which a page rendered afresh does anyway.
        total = stored_total
    return Visit(counted, total, None, None)


def stored_count(article_id):
    from .view_log import ViewTotal

    return ViewTotal.objects.filter(pk=article_id).values_list("views", flat=True).first() or 0


def _within_limit_locally(article_id, address):
    """The per-address limit without Redis: this process's cache (the embedded default is one process)."""
    local = caches["default"]
    limit_key = f"views:address:{address}:{article_id}"
    local.add(limit_key, 0, settings.PORTAL_VIEWS_ADDRESS_WINDOW)
    return local.incr(limit_key) <= settings.PORTAL_VIEWS_PER_ADDRESS


# --- flushing ---------------------------------------------------------------------------------------
def flush():
    """Move every pending view from Redis to the database, exactly once; return how many views."""
    if not uses_redis():
        return 0
    from .view_log import FlushedBatch

    client = redis_client()
    moved = 0
    batch = f"{uuid.uuid4().hex}"
    try:
        client.rename(key("views:pending"), key(f"views:flushing:{batch}"))
    except Exception as error:  # redis.ResponseError: no pending views
        if "no such key" not in str(error).lower():
            raise
    for name in client.scan_iter(match=key("views:flushing:*")):
        name = name.decode()
        batch_id = name.rsplit(":", 1)[1]
        if FlushedBatch.objects.filter(pk=batch_id).exists():
            client.delete(name)  # applied by a flush that died before deleting it
            continue
        counts = {}
        for field, value in client.hgetall(name).items():
            article_id, day = field.decode().split(":")
            counts[(int(article_id), datetime.strptime(day, "%Y%m%d").date())] = int(value)
        with transaction.atomic():
            add_views(counts)
            FlushedBatch.objects.create(pk=batch_id, views=sum(counts.values()))
        client.delete(name)
        moved += sum(counts.values())
    # A batch's row only matters until its hash is deleted, moments later; a day covers any crash.
    FlushedBatch.objects.filter(flushed_at__lt=timezone.now() - timedelta(days=1)).delete()
    return moved


_flusher_lock = threading.Lock()
_flusher_busy = False


def _flush_soon():
    """Flush in a thread of this worker, after its response: a request never waits for the database."""
    global _flusher_busy
    with _flusher_lock:
        if _flusher_busy:
            return
        _flusher_busy = True

    def run():
        global _flusher_busy
        try:
            # The lock's lifetime spaces flushes out; let views gather before taking this batch.
            time.sleep(settings.PORTAL_VIEWS_FLUSH_SECONDS)
            flush()
        except Exception:
            log.exception("flushing views to the database failed; they stay in Redis for the next flush")
        finally:
            connection.close()
            close_old_connections()
            with _flusher_lock:
                _flusher_busy = False

    threading.Thread(target=run, name="flush-views", daemon=True).start()
