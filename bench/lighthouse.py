"""Lighthouse on the home page and an article page, served as production serves them.

    npm ci --prefix bench/node                     # once: Lighthouse, about 190 MB (bench/node/package.json)
    .venv/bin/python bench/lighthouse.py           # about 2 minutes; updates docs/PERFORMANCE.md
    .venv/bin/python bench/lighthouse.py --runs 3  # each page 3 times, the run of median performance kept

One run:
1. migrates a SQLite file in a temporary folder, loads the demo content (`manage.py load_demo`: articles
   with generated photos, notices, the schedule, documents) and collects static files into it;
2. starts the portal under gunicorn (2 sync workers, debug off, a generated secret key) and Debian's nginx
   in front of it as docs/DEPLOY.md sets it up (uploads with their cache lifetimes, gzip, the micro-cache),
   each on a free port of 127.0.0.1, plain HTTP: Chromium counts 127.0.0.1 as a secure origin, as it
   would HTTPS. Without nginx the portal serves its uploads itself, uncompressed pages then fail an audit;
3. runs npm's Lighthouse (bench/node, pinned) with Debian's Chromium, headless, the mobile profile and
   its default (simulated) throttling, on / and on the published demo article with the most photos;
4. prints and writes the four category scores, the audits that fail and the article's weight before
   photos: JSON in bench/results/lighthouse-DATE.json (or --json), the block of docs/PERFORMANCE.md
   between its lighthouse markers (the rest of that file is left alone).

Only 127.0.0.1 is loaded. The server and the browsers are killed on exit, whatever the exit.
"""

import argparse
import contextlib
import datetime
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import http_load  # noqa: E402  (the portal's server and the benchmark's errors, shared)
from bench.http_load import BenchError, Server, run  # noqa: E402

DOCS = ROOT / "docs" / "PERFORMANCE.md"
RESULTS = ROOT / "bench" / "results"
DOCS_BEGIN = "<!-- lighthouse:begin (written by bench/lighthouse.py; edit outside these markers) -->"
DOCS_END = "<!-- lighthouse:end -->"
NODE_TOOLS = ROOT / "bench" / "node"
LIGHTHOUSE = NODE_TOOLS / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
# No GPU, no sandbox (root in a container), and none of Chromium's own traffic (updates, field trials)
# in the measured network log.
CHROME_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# Issue 12's targets: every category at 100, performance on a phone at 95 or more.
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
# Lighthouse's report shows an audit as passed from 0.9 (its PASS_THRESHOLD); binary audits are 0 or 1.
PASS = 0.9
SCORED_MODES = {"binary", "numeric", "metricSavings"}
METRICS = (
    "first-contentful-paint",
    "largest-contentful-paint",
    "total-blocking-time",
    "cumulative-layout-shift",
    "speed-index",
)
# The published demo article with the most photos (the newest among equals): the page readers share.
PICK_ARTICLE = (
    "from django.db.models import Count; from news.models import Article; "
    "a = Article.objects.published().annotate(n=Count('photos')).order_by('-n', '-published_at').first(); "
    "print(a.get_absolute_url())"
)


# --- Reading a Lighthouse report ----------------------------------------------------------------


def shown(audit):
    """An audit's display value ("2.1 s", "Est savings of 71 KiB") with plain spaces for the docs."""
    return audit.get("displayValue", "").replace("\xa0", " ")


def failing_audits(report, category):
    """The audits of `category` that Lighthouse's report shows as failed: (id, title, display value)."""
    audits = report["audits"]
    failed = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = audits[ref["id"]]
        if audit["scoreDisplayMode"] in SCORED_MODES and audit["score"] is not None and audit["score"] < PASS:
            failed.append((ref["id"], audit["title"], shown(audit)))
    return failed


def page_weight(report):
    """Bytes over the network (as sent: gzip for text) in all, and by Lighthouse's resource type."""
    by_type = {}
    for item in report["audits"]["network-requests"]["details"]["items"]:
        kind = item.get("resourceType") or "Other"
        by_type[kind] = by_type.get(kind, 0) + item.get("transferSize", 0)
    total = report["audits"]["total-byte-weight"]["numericValue"]
    return {"total": total, "without_images": total - by_type.get("Image", 0), "by_type": by_type}


def summarize(report):
    """What a run is kept for: scores (0–100), failing audits per category, metrics, weight."""
    return {
        "url": report["finalDisplayedUrl"],
        "lighthouse": report["lighthouseVersion"],
        "user_agent": report["environment"]["hostUserAgent"],
        "form_factor": report["configSettings"]["formFactor"],
        "throttling": report["configSettings"]["throttlingMethod"],
        "cpu_slowdown": report["configSettings"]["throttling"]["cpuSlowdownMultiplier"],
        "scores": {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES},
        "failing": {c: failing_audits(report, c) for c in CATEGORIES},
        "metrics": {m: shown(report["audits"][m]) for m in METRICS},
        "weight": page_weight(report),
        # Chromium's own measure of this machine's speed, taken in the run; a loaded machine scores low
        # and its simulated phone is slower than the phone Lighthouse means to simulate.
        "benchmark_index": report["environment"].get("benchmarkIndex"),
        "warnings": report.get("runWarnings", []),
    }


def median_run(summaries):
    """Of several runs of one page, the one of median performance (Lighthouse's own advice)."""
    ranked = sorted(summaries, key=lambda s: s["scores"]["performance"])
    return ranked[(len(ranked) - 1) // 2]


# --- Writing the results -------------------------------------------------------------------------


def kib(n):
    return f"{n / 1024:.1f} KiB"


def misses(summary):
    return [c for c in CATEGORIES if summary["scores"][c] < TARGETS[c]]


def docs_block(results):
    pages = results["pages"]
    default = ", Lighthouse's default" if results["cpu_slowdown"] == 4 else ", not Lighthouse's default 4×"
    lines = [
        f"### Latest run: {results['date']}",
        "",
        f"Lighthouse {results['lighthouse']}, {results['form_factor']} profile, {results['throttling']}"
        f" throttling (CPU {results['cpu_slowdown']:g}× slower{default}), {results['chromium']} headless;"
        " the demo content, production settings,"
        f" served by {results['served_by']}; {results['runs']} run(s) a page, the median one kept.",
        "",
        "| page | " + " | ".join(CATEGORIES) + " |",
        "| --- |" + " ---: |" * len(CATEGORIES),
    ]
    for page in pages:
        scores = page["scores"]
        lines.append(
            f"| {page['label']} `{page['path']}` | " + " | ".join(str(scores[c]) for c in CATEGORIES) + " |"
        )
    lines += ["", f"Targets: {', '.join(f'{c} ≥ {t}' for c, t in TARGETS.items())}."]
    for page in pages:
        failed = [(c, audit) for c in CATEGORIES for audit in page["failing"][c]]
        if failed:
            lines += ["", f"Failing audits on {page['label']}:", ""]
            for category, (audit_id, title, value) in failed:
                lines.append(f"- {category}: {title} (`{audit_id}`{', ' + value if value else ''})")
        else:
            lines += ["", f"No failing audit on {page['label']}."]
    lines += ["", "Metrics (simulated phone; Chromium's benchmark index of this machine during the run):", ""]
    for page in pages:
        metrics = ", ".join(f"{m} {v}" for m, v in page["metrics"].items())
        lines.append(f"- {page['label']}: {metrics}; benchmark index {page['benchmark_index']}")
    warnings = sorted({w for page in pages for w in page["warnings"]})
    lines += [f"- Lighthouse warned: {w}" for w in warnings]
    lines.append("")
    for page in pages:
        weight = page["weight"]
        parts = ", ".join(
            f"{kind} {kib(n)}" for kind, n in sorted(weight["by_type"].items()) if kind != "Image"
        )
        lines.append(
            f"- Weight of {page['label']}: {kib(weight['without_images'])} before photos ({parts}),"
            f" {kib(weight['total'])} with them (bytes on the wire with their HTTP headers, as Lighthouse"
            " counts them)."
        )
    return "\n".join(lines)


def replace_block(text, block):
    """docs/PERFORMANCE.md with the Lighthouse block replaced (or added), the rest as it was."""
    new = f"{DOCS_BEGIN}\n{block.strip()}\n{DOCS_END}"
    pattern = re.compile(re.escape(DOCS_BEGIN) + r".*?" + re.escape(DOCS_END), re.DOTALL)
    if pattern.search(text):
        return pattern.sub(lambda _: new, text, count=1)
    return f"{text.rstrip()}\n\n{new}\n"


# --- The run -------------------------------------------------------------------------------------


def ensure_tools():
    if not Path(CHROMIUM).exists():
        raise BenchError(f"{CHROMIUM} is missing: apt-get install chromium, then run again")
    if not LIGHTHOUSE.exists():
        if not shutil.which("npm"):
            raise BenchError("npm is missing: apt-get install npm, then run again")
        print("Installing Lighthouse into bench/node (npm ci)…", flush=True)
        cmd = ["npm", "ci", "--prefix", str(NODE_TOOLS), "--no-audit", "--no-fund", "--loglevel=error"]
        run(cmd, os.environ, 600, "npm ci --prefix bench/node")
    return run([str(LIGHTHOUSE), "--version"], os.environ, 60, "lighthouse --version").strip()


def lighthouse(url, out, timeout, cpu_slowdown=None):
    """One Lighthouse run on url; its JSON report. Lighthouse starts and stops its own Chromium."""
    cmd = [str(LIGHTHOUSE), url, "--output=json", f"--output-path={out}", "--quiet"]
    if cpu_slowdown is not None:
        cmd.append(f"--throttling.cpuSlowdownMultiplier={cpu_slowdown}")
    cmd += [f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={' '.join(CHROME_FLAGS)}"]
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    process = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               start_new_session=True)  # fmt: skip
    try:
        output, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        raise BenchError(f"Lighthouse did not finish {url} within {timeout} s") from None
    finally:
        # Lighthouse and the Chromium it started share its process group: none outlives the run.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    if process.returncode != 0 or not Path(out).exists():
        raise BenchError(f"Lighthouse failed on {url} ({process.returncode}):\n{output.decode()[-3000:]}")
    report = json.loads(Path(out).read_text(encoding="utf-8"))
    if report.get("runtimeError"):
        raise BenchError(f"Lighthouse could not load {url}: {report['runtimeError']}")
    return report


class ProductionNginx(Server):
    """Debian's nginx in front of the portal as docs/DEPLOY.md sets it up, without TLS: uploads served
    from MEDIA_ROOT with their cache lifetimes, the micro-cache, and gzip for the pages as Debian's
    /etc/nginx/nginx.conf turns it on (text/html; WhiteNoise sends CSS and JS compressed itself)."""

    def __init__(self, upstream, media_root, workdir):
        self.name, self.port = "nginx", http_load.free_port()
        http_load.taken.add(self.port)
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = workdir / "nginx.log"
        self.log = self.log_path.open("wb")
        home = workdir / "nginx"
        (home / "cache").mkdir(parents=True, exist_ok=True)
        conf = home / "nginx.conf"
        conf.write_text(
            f"""worker_processes 1;
daemon off;
user root;
pid {home}/nginx.pid;
error_log {self.log_path} warn;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    access_log off;
    gzip on;
    client_body_temp_path {home}/body;
    proxy_temp_path {home}/proxy;
    fastcgi_temp_path {home}/fastcgi;
    uwsgi_temp_path {home}/uwsgi;
    scgi_temp_path {home}/scgi;
    proxy_cache_path {home}/cache keys_zone=portal_pages:10m max_size=100m inactive=1m use_temp_path=off;
    upstream portal {{ server 127.0.0.1:{upstream.port}; }}
    server {{
        listen 127.0.0.1:{self.port};
        location /media/ {{
            alias {media_root}/;
            add_header X-Content-Type-Options nosniff;
            expires 30d;
        }}
        location /media/photos/ {{
            alias {media_root}/photos/;
            add_header X-Content-Type-Options nosniff;
            add_header Cache-Control "public, max-age=31536000, immutable";
        }}
        include {http_load.NGINX_MICROCACHE};
        location / {{
            proxy_pass http://portal;
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
        }}
    }}
}}
""",
            encoding="utf-8",
        )
        cmd = [shutil.which("nginx"), "-c", str(conf), "-p", str(home)]
        self.process = subprocess.Popen(
            cmd, cwd=ROOT, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True
        )


def lighthouse_retried(url, out, started, args, attempts=3):
    """lighthouse(), tried again when a run fails: on a loaded machine Chromium sometimes loses the
    trace (NO_NAVSTART, NO_FCP), which says nothing about the page."""
    for attempt in range(1, attempts + 1):
        left = args.time_limit - (time.monotonic() - started)
        if left < 60:
            raise BenchError(f"out of time (--time-limit {args.time_limit}) before Lighthouse on {url}")
        try:
            return lighthouse(url, out, min(left, 240), args.cpu_slowdown)
        except BenchError as error:
            if attempt == attempts:
                raise
            print(f"  failed, trying again ({str(error).splitlines()[-1][:160]})", flush=True)
            Path(out).unlink(missing_ok=True)


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1, help="Lighthouse runs a page; the median one is kept")
    parser.add_argument("--ports", help="FIRST-LAST: take the server's port from this range only")
    parser.add_argument(
        "--cpu-slowdown",
        type=float,
        help="CPU slowdown of the simulated phone (Lighthouse's default: 4, meant for a fast desktop; "
        "its docs/throttling.md gives 1-2 for a slower machine, see the benchmark index)",
    )
    parser.add_argument("--json", type=Path, help="where the results go (default bench/results/…)")
    parser.add_argument(
        "--no-docs", dest="docs", action="store_false", help="leave docs/PERFORMANCE.md alone"
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (reports, logs)")
    parser.add_argument("--time-limit", type=int, default=900, help="give up after this many seconds")
    return parser.parse_args(argv)


def stop_on_signals():
    def handler(signum, frame):
        raise SystemExit(f"stopped by signal {signum}")

    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, handler)


def main(argv=None):
    args = parse_args(argv)
    stop_on_signals()
    if args.ports:
        first, _, last = args.ports.partition("-")
        http_load.PORTS = (int(first), int(last or first))
    started = time.monotonic()
    version = ensure_tools()
    chromium = run([CHROMIUM, "--version"], os.environ, 30, "chromium --version").strip()
    workdir = Path(tempfile.mkdtemp(prefix="lighthouse-"))
    servers = []
    try:
        base = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PORTAL_"))}
        base.pop("REDIS_URL", None)
        env = {
            **base,
            "DJANGO_SETTINGS_MODULE": "portal.settings",
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": f"sqlite:///{workdir / 'portal.sqlite3'}",
            "STATIC_ROOT": str(workdir / "static"),
            "MEDIA_ROOT": str(workdir / "media"),
            "PORTAL_PRIVATE_ROOT": str(workdir / "private"),
            # Without nginx (below) the portal serves the uploads itself.
            "PORTAL_SERVE_MEDIA": "0" if shutil.which("nginx") else "1",
        }
        print("Loading the demo content…", flush=True)
        run([sys.executable, "manage.py", "migrate", "--noinput"], env, 300, "migrate")
        # Static files first: with debug off, the demo's ward identity asks the manifest for its logo.
        run([sys.executable, "manage.py", "collectstatic", "--noinput"], env, 300, "collectstatic")
        run([sys.executable, "manage.py", "load_demo"], env, 300, "load_demo")
        article = run(
            [sys.executable, "manage.py", "shell", "-c", PICK_ARTICLE], env, 60, "picking an article"
        )
        targets = [("home", "/"), ("article", article.strip().splitlines()[-1])]

        portal = Server("portal", "portal.wsgi:application", env, workdir)
        servers.append(portal)
        front = portal
        if shutil.which("nginx"):
            front = ProductionNginx(portal, env["MEDIA_ROOT"], workdir)
            servers.append(front)
        else:
            print("nginx is not installed (apt-get install nginx-light): the portal serves its uploads and")
            print("sends its pages uncompressed, so uses-text-compression and the caching audits fail here.")
        for _, path in targets:  # templates compiled and files opened in the workers before measuring
            for server in servers:
                server.wait_ready(path)
                server.wait_ready(path)

        pages = []
        for label, path in targets:
            summaries = []
            for n in range(args.runs):
                print(f"Lighthouse: {label} {path} (run {n + 1} of {args.runs})…", flush=True)
                report = lighthouse_retried(front.url + path, workdir / f"{label}-{n}.json", started, args)
                summaries.append(summarize(report))
            pages.append({"label": label, "path": path, **median_run(summaries), "all_runs": summaries})

        first = pages[0]
        results = {
            "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
            "lighthouse": version,
            "chromium": chromium,
            "form_factor": first["form_factor"],
            "throttling": first["throttling"],
            "cpu_slowdown": first["cpu_slowdown"],
            "runs": args.runs,
            "served_by": "nginx in front of gunicorn (docs/DEPLOY.md)" if front is not portal else "gunicorn",
            "total_s": round(time.monotonic() - started),
            "pages": pages,
        }
        block = docs_block(results)
        print()
        print(block)
        target = args.json or RESULTS / f"lighthouse-{datetime.date.today()}.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"JSON: {target}")
        if args.docs:
            text = DOCS.read_text(encoding="utf-8") if DOCS.exists() else "# Performance\n"
            DOCS.write_text(replace_block(text, block), encoding="utf-8")
            print(f"Updated {DOCS.relative_to(ROOT)}")
        return 1 if any(misses(page) for page in pages) else 0
    finally:
        for server in servers:
            server.stop()
        if args.keep:
            print(f"Kept: {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BenchError as error:
        print(f"lighthouse: {error}", file=sys.stderr)
        sys.exit(2)
