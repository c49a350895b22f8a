"""Time the search page in-process: the portal's WSGI handler called directly, no network.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench .venv/bin/python bench/search_page.py

Reads a database that already holds articles (bench/http_load.py --keep leaves one; or
`bench/http_load.py --fill OUT --articles N` with DATABASE_URL set fills one). Asks --queries different
queries of the HTTP benchmark's list (bench/http_load.py, SEARCHES) twice, the first pass to warm the
worker as a running one is (templates compiled, cards kept), and reports the second pass: the median
and 95th percentile of wall and CPU time per request, and of the SQL time and query count.
--profile prints cProfile's top functions by cumulative time over the second pass. Not part of the
test suite: speed is measured here, not asserted.
"""

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
os.environ.setdefault("DJANGO_SECRET_KEY", "benchmark-only-key")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1")


def percentile(samples, share):
    ordered = sorted(samples)
    return ordered[max(0, int(len(ordered) * share) - 1)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--profile", action="store_true", help="print cProfile's top 40 (cumulative)")
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.handlers.wsgi import WSGIHandler
    from django.db import connection, reset_queries
    from django.test import RequestFactory

    from bench.http_load import search_paths

    connection.force_debug_cursor = True  # every query's time in connection.queries
    handler = WSGIHandler()
    factory = RequestFactory(HTTP_HOST="127.0.0.1", HTTP_USER_AGENT="Mozilla/5.0 (Linux; Android 13) Mobile")
    paths = search_paths()[: args.queries]

    def ask(path):
        environ = factory.get(path).environ
        body = b"".join(handler(environ, lambda status, headers: None))
        if b'class="result-count"' not in body:
            raise SystemExit(f"{path}: not a search page with results counted")

    for path in paths:
        ask(path)
    walls, cpus, sqls, counts = [], [], [], []
    profiler = cProfile.Profile() if args.profile else None
    for path in paths:
        reset_queries()
        wall, cpu = time.perf_counter(), time.process_time()
        if profiler:
            profiler.enable()
        ask(path)
        if profiler:
            profiler.disable()
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
        sqls.append(sum(float(q["time"]) for q in connection.queries) * 1000)
        counts.append(len(connection.queries))
    print(f"{len(paths)} queries on {connection.vendor}, second pass")
    print(f"{'':10} {'median':>8} {'p95':>8}")
    for label, samples in (("wall ms", walls), ("CPU ms", cpus), ("SQL ms", sqls), ("queries", counts)):
        print(f"{label:10} {statistics.median(samples):8.1f} {percentile(samples, 0.95):8.1f}")
    if profiler:
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(40)
        print(out.getvalue())


if __name__ == "__main__":
    main()
