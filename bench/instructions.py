"""Instructions a page costs the worker, counted by Valgrind: a measure that noisy neighbours do not move.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench REDIS_URL=redis://127.0.0.1:6379/13 \
        .venv/bin/python bench/instructions.py article --against HEAD~3

On a shared virtual machine the HTTP benchmark's runs move by ±20 % from one minute to the next
(seen here: the ceiling between 2,200 and 4,500 req/s in one quarter of an hour), and a change of
5 % cannot be seen in them. The instructions the worker's process executes for a page do not depend
on the neighbours: Valgrind's cachegrind counts them (`--cache-sim=no`, only the count), for a
process that warms itself and then serves N requests, and for the same process serving none; the
difference over N is one page's count. Two runs of the same code agree within 1–2 %. What it leaves
out: the time PostgreSQL and Redis spend (their own processes) and the waits on them; bench/
http_load.py stays the measure of speed (docs/PERFORMANCE.md), this one says whether a change to
Python code saved work.

Pages: `article` (an article page rendered afresh, each a different article), `viral` (the kept
pages of 20 articles, read in turn), `search` (different queries of the HTTP benchmark's list; the
word index is made first, which under Valgrind takes minutes). It reads a database that already
holds articles (bench/http_load.py --fill, or --keep). `--against REV` counts the same page for
another commit too, from a git worktree of it, and prints the change. Needs Debian's valgrind (the
script installs it with apt-get when it runs as root). Redis: the database REDIS_URL names is
flushed before each count, so that neither count finds pages the other kept; use one of its own.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.http_load import BenchError, ensure_tool  # noqa: E402  (shared with the HTTP benchmark)

PAGES = ("article", "viral", "search")
# The child: warm the worker as a running one is, then serve `requests` pages of the kind given.
CHILD = r"""
import os, sys
sys.path.insert(0, os.getcwd())
import django
django.setup()
from django.core.handlers.wsgi import WSGIHandler
from django.test import RequestFactory
from news.models import Article

kind, requests = sys.argv[1], int(sys.argv[2])
app = WSGIHandler()
# A phone's browser (counted), as bench/search_page.py asks.
factory = RequestFactory(HTTP_HOST="127.0.0.1", HTTP_USER_AGENT="Mozilla/5.0 (Linux; Android 13) Mobile")


def ask(path):
    status = []
    b"".join(app(factory.get(path).environ, lambda line, headers, exc_info=None: status.append(line)))
    if not status[0].startswith("200"):
        raise SystemExit(f"{path}: {status[0]}")


if kind == "search":
    from bench.http_load import search_paths
    from news import kept_cards, search_index

    search_index.warm()
    kept_cards.warm()
    paths = search_paths()
    for path in paths[-40:] + paths[:requests]:
        ask(path)
else:
    paths = [article.get_absolute_url() for article in Article.objects.published().only("slug")[:3000]]
    # Templates compiled, each section's related news kept; the viral pages read twice, as a running
    # worker has (a page goes to the shared cache the second time: news.page_cache).
    for path in paths[:40] + paths[:20]:
        ask(path)
    chosen = paths[:20] * (requests // 20 + 1) if kind == "viral" else paths[1000:]
    for path in chosen[:requests]:
        ask(path)
"""


def instructions_in(report):
    """The total of cachegrind's summary line "I refs: 1,234,567" (== pid == prefixes and all)."""
    match = re.search(r"I\s+refs:\s+([\d,]+)", report)
    if match is None:
        raise BenchError(f"no instruction count in valgrind's report:\n{report[-2000:]}")
    return int(match.group(1).replace(",", ""))


def flush_redis(url):
    if url:
        import redis

        redis.Redis.from_url(url).flushdb()


def count(valgrind, root, kind, requests, env):
    """Instructions of the child serving `requests` pages of kind, in the project at root."""
    flush_redis(env.get("REDIS_URL"))
    cmd = [valgrind, "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"]
    cmd += [sys.executable, "-c", CHILD, kind, str(requests)]
    done = subprocess.run(cmd, cwd=root, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BenchError(f"the child failed in {root} ({done.returncode}):\n{done.stderr[-3000:]}")
    return instructions_in(done.stderr)


def per_page(valgrind, root, kind, requests, env):
    return (count(valgrind, root, kind, requests, env) - count(valgrind, root, kind, 0, env)) / requests


def worktree(rev, into):
    add = ["git", "worktree", "add", "--detach", str(into), rev]
    subprocess.run(add, cwd=ROOT, check=True, capture_output=True)
    return into


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", choices=PAGES)
    parser.add_argument("--requests", type=int, default=150, help="pages counted (default 150)")
    parser.add_argument("--against", metavar="REV", help="count the same page for this commit too")
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    valgrind = ensure_tool("valgrind")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", "portal.settings"),
        "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY", "benchmark-only-key"),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_DEBUG": "0",
        # Counted here: the flush's thread would add its work to whichever count it fell in.
        "PORTAL_VIEWS_FLUSH_THREAD": "0",
        "PORTAL_VIEWS_PER_ADDRESS": "1000000000",
    }
    if not env.get("DATABASE_URL"):
        raise BenchError("DATABASE_URL must name a database that holds articles (bench/http_load.py --fill)")
    here = per_page(valgrind, ROOT, args.page, args.requests, env)
    print(f"{args.page}: {here / 1e6:.2f} M instructions a page (this tree)")
    if args.against:
        with tempfile.TemporaryDirectory(prefix="instructions-") as temporary:
            other = worktree(args.against, Path(temporary) / "tree")
            try:
                there = per_page(valgrind, other, args.page, args.requests, env)
            finally:
                subprocess.run(["git", "worktree", "remove", "--force", str(other)], cwd=ROOT, check=False)
        print(f"{args.page}: {there / 1e6:.2f} M instructions a page ({args.against})")
        print(f"change: {(here - there) / there:+.1%}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BenchError as error:
        print(error, file=sys.stderr)
        sys.exit(1)
