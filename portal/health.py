"""/healthz: whether this app server can serve, for a load balancer or a monitor.

200 "ok" only when the database (and Redis, when REDIS_URL is set) answered within HEALTH_DEADLINE;
503 otherwise. The body names what failed and nothing else: no versions, hosts or settings.

Answered by the first middleware, before SecurityMiddleware and CommonMiddleware look at the Host
header: a load balancer probes each server by its own address (http://10.0.0.5:8000/healthz), which is
not in ALLOWED_HOSTS and is plain HTTP, and must get the answer rather than a 400 or a redirect to HTTPS.
It reveals nothing a host name could protect. Never cached, never counted, no session or cookie.

The checks run in a thread of their own so that the deadline holds even when the database hangs (a
TCP connect to a dead host would wait for the driver's own timeout, seconds). One check runs at a time:
while one is stuck on a dead server, the next probes answer 503 at once. The check keeps a database
connection of its own between probes: opening one costs 10-200 ms on a busy 2-core server, more than
the deadline, while SELECT 1 on an open one is well under a millisecond. It is dropped on any error and
opened again by the next probe; on PostgreSQL it gives up on a silent server after TCP_USER_TIMEOUT
(connecting: after the connect timeout of settings.py), which frees the check for the next probe.
"""

import contextlib
import copy
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
TCP_USER_TIMEOUT_MS = 3000
log = logging.getLogger(__name__)
_check_running = threading.Lock()
_connection = None


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


def _database():
    """The check's own connection (not a request's), made on first use; probes run one at a time."""
    global _connection
    if _connection is None:
        config = copy.deepcopy(connections["default"].settings_dict)
        if config["ENGINE"] == "django.db.backends.postgresql":
            config["OPTIONS"]["tcp_user_timeout"] = TCP_USER_TIMEOUT_MS
        _connection = type(connections["default"])(config, "default")
        # Used by each probe's thread in turn (never two at once: _check_running).
        _connection.inc_thread_sharing()
    return _connection


def close_connection():
    """Drop the check's connection (after an error, and when a test's database goes away)."""
    global _connection
    if _connection is not None:
        with contextlib.suppress(Exception):  # a broken connection is being dropped anyway
            _connection.close()
        _connection = None


def _failures(redis_url):
    """The names of what did not answer; runs in a thread of its own."""
    failed = []
    try:
        with _database().cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:
        log.warning("healthz: database did not answer: %s", type(error).__name__)
        failed.append("database")
        close_connection()
    if redis_url:
        try:
            _redis(redis_url).ping()
        except Exception as error:
            log.warning("healthz: Redis did not answer: %s", type(error).__name__)
            failed.append("redis")
    return failed


def _run_check(redis_url, answer):
    try:
        answer.put(_failures(redis_url))
    finally:
        _check_running.release()


def check():
    """What failed (an empty list when healthy), within HEALTH_DEADLINE."""
    if not _check_running.acquire(blocking=False):
        return ["busy"]
    answer = queue.SimpleQueue()
    # A daemon thread: one stuck on a dead server must not keep a stopping worker alive.
    threading.Thread(target=_run_check, args=(settings.REDIS_URL, answer), daemon=True).start()
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
