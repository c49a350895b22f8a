"""/healthz: whether this app server can serve, for a load balancer or a monitor.

200 "ok" only when the database (and Redis, when REDIS_URL is set) answered within HEALTH_DEADLINE;
503 otherwise. The body names what failed and nothing else: no versions, hosts or settings.

Answered by the first middleware, before SecurityMiddleware and CommonMiddleware look at the Host
header: a load balancer probes each server by its own address (http://10.0.0.5:8000/healthz), which is
not in ALLOWED_HOSTS and is plain HTTP, and must get the answer rather than a 400 or a redirect to HTTPS.
It reveals nothing a host name could protect. Never cached, never counted, no session or cookie.

The checks run in a thread of their own so that the deadline holds even when the database hangs (a
TCP connect to a dead host would wait for the driver's own timeout, seconds). At most SLOTS checks run
at once: with every slot held by a check stuck on a dead server, the answer is 503 at once (the stuck
check ends with the database driver's connect timeout, settings.py).
"""

import functools
import logging
import queue
import threading

from django.conf import settings
from django.db import connections
from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers

PATH = "/healthz"
HEALTH_DEADLINE = 0.05  # seconds: a server slower than this to answer SELECT 1 should not take traffic
SLOTS = 2
log = logging.getLogger(__name__)
_free_slots = threading.Semaphore(SLOTS)


@functools.lru_cache(maxsize=4)
def _redis(url):
    import redis
    from redis.backoff import NoBackoff
    from redis.retry import Retry

    return redis.Redis.from_url(
        url,
        socket_timeout=HEALTH_DEADLINE,
        socket_connect_timeout=HEALTH_DEADLINE,
        retry=Retry(NoBackoff(), 0),
    )


def _failures(redis_url):
    """The names of what did not answer; runs in a pool thread with its own database connection."""
    failed = []
    connection = connections["default"]
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:
        log.warning("healthz: database did not answer: %s", type(error).__name__)
        failed.append("database")
    finally:
        # A fresh connection each probe: the next request needs one to be possible, and an idle one
        # held by this thread would outlive the database it was opened on.
        connection.close()
    if redis_url:
        try:
            _redis(redis_url).ping()
        except Exception as error:
            log.warning("healthz: Redis did not answer: %s", type(error).__name__)
            failed.append("redis")
    return failed


def _run_in_slot(redis_url, answer):
    try:
        answer.put(_failures(redis_url))
    finally:
        _free_slots.release()


def check():
    """What failed (an empty list when healthy), within HEALTH_DEADLINE."""
    if not _free_slots.acquire(blocking=False):
        return ["busy"]
    answer = queue.SimpleQueue()
    # A daemon thread: one stuck on a dead server must not keep a stopping worker alive.
    threading.Thread(target=_run_in_slot, args=(settings.REDIS_URL, answer), daemon=True).start()
    try:
        failed = answer.get(timeout=HEALTH_DEADLINE)
    except queue.Empty:
        log.warning("healthz: no answer within %d ms", HEALTH_DEADLINE * 1000)
        return ["timeout"]
    return failed


def healthz():
    failed = check()
    if failed:
        response = HttpResponse(f"unavailable: {', '.join(failed)}\n", status=503, content_type="text/plain")
    else:
        response = HttpResponse("ok\n", content_type="text/plain")
    add_never_cache_headers(response)
    response["X-Content-Type-Options"] = "nosniff"
    return response


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == PATH and request.method in ("GET", "HEAD"):
            return healthz()
        return self.get_response(request)
