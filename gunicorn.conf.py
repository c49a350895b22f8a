"""gunicorn's settings for production; `gunicorn portal.wsgi` run from the project folder reads this file.

Every value can be set from the environment (EnvironmentFile=/etc/portal.env, docs/DEPLOY.md); the
defaults suit one ward on a small server behind nginx.

Two instances on one machine (two wards, or the old and the new release side by side) each need their
own address, control socket and pid file: systemd's RuntimeDirectory= gives each service a folder of its
own in RUNTIME_DIRECTORY (/run/portal, /run/portal-b…), and both files go there. Without it (gunicorn run
by hand) the control socket is gunicorn's default, $HOME/.gunicorn/gunicorn.ctl, shared by every
instance of that user: set GUNICORN_CONTROL_SOCKET.
"""

import os


def _number(name, default):
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


# 127.0.0.1: only nginx, on the same machine, reaches the app server. Behind a load balancer on another
# machine, bind the private address (docs/SCALING.md).
bind = [os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")]
# Sync workers: each holds one request at a time; a page takes milliseconds, a form with phone photos a
# few seconds. Two per core and one more, capped: each worker is ~80 MB, and ~40 MB more for the search
# index of 10,000 articles (news.search_index), and a 2 GB server also runs PostgreSQL and Redis.
workers = _number("GUNICORN_WORKERS", min(2 * (os.cpu_count() or 1) + 1, 8))
worker_class = "sync"
# A form with several 12-megapixel photos is verified, resized and re-encoded in the request.
timeout = _number("GUNICORN_TIMEOUT", 60)
# On restart (SIGHUP, `systemctl reload`) or stop, a worker finishes the request it is serving first.
graceful_timeout = _number("GUNICORN_GRACEFUL_TIMEOUT", 30)
# nginx keeps connections to the app server open; a little longer than its own requests take.
keepalive = 5
# Workers are not replaced after a number of requests (gunicorn's max_requests, off by default): a
# worker's memory is bounded (at most 500 kept pages and 5,000 kept cards, news.page_cache and
# news.kept_cards), and each replacement threw those away and stalled the requests waiting for up to
# 0.8 s (measured, docs/PERFORMANCE.md); at 1,000 requests a worker under a viral article's load, that
# was every two seconds. GUNICORN_MAX_REQUESTS brings it back, with GUNICORN_MAX_REQUESTS_JITTER.
max_requests = _number("GUNICORN_MAX_REQUESTS", 0)
max_requests_jitter = _number("GUNICORN_MAX_REQUESTS_JITTER", 0)
# Workers import the application themselves, so a reload (SIGHUP) after an upgrade runs the new code.
preload_app = False
# The heartbeat file in memory, not on a disk that may stall (gunicorn's docs, "Blocking os.fchmod").
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108

proc_name = os.environ.get("GUNICORN_NAME", "portal")
_runtime = os.environ.get("RUNTIME_DIRECTORY", "").split(":")[0]
control_socket = os.environ.get("GUNICORN_CONTROL_SOCKET") or (
    os.path.join(_runtime, "gunicorn.ctl") if _runtime else None
)
if control_socket is None:
    del control_socket  # gunicorn's default
pidfile = os.environ.get("GUNICORN_PIDFILE") or (os.path.join(_runtime, "gunicorn.pid") if _runtime else None)

# The access log to standard output (journald), with the request id the portal answers with
# (portal/request_id.py) and the time taken in microseconds.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
access_log_format = '%(h)s "%(r)s" %(s)s %(B)s %(D)sus "%(a)s" id=%({x-request-id}o)s'
errorlog = "-"


def post_worker_init(worker):
    """Before the worker takes requests: the public search's word index (news.search_index, 3-4 s
    at 10,000 articles) and the newest articles' result cards (news.kept_cards, about 2 s), made now
    rather than while the first residents to search wait. Only for the portal: another application
    started with this file (the benchmark's ceiling) has neither. The worker tells the arbiter it is
    alive between the two, so that each, not their sum, is what must stay under `timeout`.

    Then everything alive is frozen out of the garbage collector's full passes (gc.freeze): they
    walked the index and the cards, about 150,000 objects that live as long as the worker, and held
    every request of that worker for about 90 ms each time (docs/PERFORMANCE.md)."""
    import gc

    from django.apps import apps

    if apps.ready and apps.is_installed("news"):
        from news import kept_cards, search_index

        search_index.warm()
        worker.notify()
        kept_cards.warm()
        gc.freeze()
