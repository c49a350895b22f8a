"""Benchmark: the portal over HTTP under gunicorn with production settings, against "the ceiling".

    scripts/setup requirements.txt
    .venv/bin/python bench/http_load.py          # the full run, about 11 minutes; updates docs/PERFORMANCE.md
    .venv/bin/python bench/http_load.py --quick  # a smoke test, under a minute; writes no docs

One run:
1. drops and creates a throwaway PostgreSQL database (portal_bench), migrates it, fills it with 10,000
   articles in 4 sections (bodies of a ward report's length, photos as rows sharing one processed
   file), collects static files into a temporary folder; the same data, from the same seed, goes into
   a SQLite file for the embedded default;
2. starts, each under gunicorn with 2 sync workers on a free port of 127.0.0.1: the portal (debug off,
   a generated secret key, PostgreSQL, Redis db 14 flushed first), the portal on SQLite without Redis,
   and the ceiling (bench/ceiling: one view, two middlewares, a fixed 30 KB page);
3. drives them with wrk (16 connections, 10 s a run): ceiling, page, ceiling, page… so every page's
   share is of the mean of the ceiling runs just before and after it. Pages: an article (all 10,000 in
   turn, each request without cookies and with a phone browser's User-Agent: a new reader each time),
   the home page, /?page=3, a section, search (5,000 different queries), and the article page on SQLite;
4. checks that the views counted in the database (news_viewtotal, news_dailyviews) rose by exactly
   the number of article pages wrk received with a 2xx (after `manage.py flush_views`, where the
   portal has that command, and once the sum stops moving);
5. prints a table, writes JSON (bench/results/http_load-DATE.json or --json) and the results block of
   docs/PERFORMANCE.md (between its http_load markers; the rest of that file is left alone).

Only 127.0.0.1 is sent traffic. Every server is killed on exit, whatever the exit. wrk comes from
Debian's package; the script installs it with apt-get when it is missing and it runs as root.
"""

import argparse
import contextlib
import datetime
import io
import json
import os
import random
import re
import secrets
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
import urllib.parse
import urllib.request
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LUA = ROOT / "bench" / "http_load.lua"
DOCS = ROOT / "docs" / "PERFORMANCE.md"
RESULTS = ROOT / "bench" / "results"
DOCS_BEGIN = "<!-- http_load:begin (written by bench/http_load.py; edit outside these markers) -->"
DOCS_END = "<!-- http_load:end -->"
# How many articles the "viral" runs rotate through: the warm-up reads the same first ones.
VIRAL = 20

# A resident's phone. The portal does not count bots, curl or headless browsers (news.counting).
BROWSER_UA = (
    "Mozilla/5.0 (Linux; Android 14; SM-A346E) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0.0.0 Mobile Safari/537.36"
)
# Warm-up and readiness checks: answered like any page, never counted as a view.
BOT_UA = "curl/8.5.0 (http_load warm-up)"

# Ward-news Vietnamese, drawn with a Zipf law so that some words are everywhere and some rare.
_WORDS = (
    "phường|Đảng ủy|hội nghị|chi bộ|nhân dân|khu dân cư|cán bộ|đảng viên|công tác|tổ chức|thực hiện|"
    "triển khai|kế hoạch|năm|tháng|đồng chí|bí thư|chủ tịch|ủy ban|Mặt trận Tổ quốc|đoàn thể|"
    "thanh niên|phụ nữ|cựu chiến binh|người cao tuổi|học sinh|gia đình|hộ dân|tuyên truyền|vận động|"
    "an ninh|trật tự|vệ sinh|môi trường|phòng cháy chữa cháy|tiêm chủng|y tế|giáo dục|văn hóa|thể thao|"
    "dịch vụ công|trực tuyến|cải cách hành chính|chuyển đổi số|hồ sơ|giấy tờ|đường phố|chiếu sáng|"
    "cây xanh|rác thải|nước sạch|hiến máu|tình nguyện|quỹ|ủng hộ|khó khăn|gia đình chính sách|"
    "thương binh|liệt sĩ|kỷ niệm|ngày|lễ|khen thưởng|tập thể|cá nhân|xuất sắc|tiêu biểu|đánh giá|"
    "kết quả|nhiệm vụ|giải pháp|trọng tâm|đề nghị|ý kiến|phát biểu|chỉ đạo|tham dự|đại biểu|và|của|"
    "các|những|đã|sẽ|được|cho|với|trong|tại|theo|để|có|là|một|nhiều|đầy đủ|kịp thời|hiệu quả|"
    "nghiêm túc|thường xuyên|đồng thời|bên cạnh đó|tiếp tục|nâng cao|tăng cường|đẩy mạnh|bảo đảm|"
    "mừng thọ|trao tặng|sổ hộ khẩu|căn cước|bầu cử|tổ dân phố|hội khuyến học|lớp học|sinh hoạt hè"
)
VOCABULARY = _WORDS.split("|")
WEIGHTS = [1 / (rank + 1) ** 0.9 for rank in range(len(VOCABULARY))]
# Searches: thousands of different queries, each of one to three of the corpus's words, half typed
# without diacritics, as residents type them; each is sent about once a run, so that a cache of answers
# could not stand in for searching. Sixteen hand-written ones come first, among them one that finds nothing.
HAND_WRITTEN_SEARCHES = [
    "dang uy",
    "hội nghị chi bộ",
    "nguoi cao tuoi",
    "phòng cháy chữa cháy",
    "hien mau tinh nguyen",
    "vệ sinh môi trường",
    "tiem chung",
    "an ninh trật tự",
    "chuyen doi so",
    "Mặt trận Tổ quốc",
    "cuu chien binh",
    "dịch vụ công trực tuyến",
    "mung tho",
    "khen thưởng tập thể",
    "sinh hoat he",
    "khong co bai nao nhu the",
]
SEARCH_QUERIES = 5000


def without_diacritics(text):
    bare = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in bare if not unicodedata.combining(c))


def searches(count=SEARCH_QUERIES, seed=2027):
    """count different queries: the hand-written ones, then words drawn from the corpus's vocabulary."""
    rng = random.Random(seed)
    queries = dict.fromkeys(HAND_WRITTEN_SEARCHES)
    while len(queries) < count:
        query = " ".join(rng.sample(VOCABULARY, rng.choice((1, 1, 2, 2, 3))))
        queries[without_diacritics(query) if rng.random() < 0.5 else query] = None
    return list(queries)


SEARCHES = searches()
# The warm-up's searches are others: it compiles templates and opens connections, and answers none
# of the measured queries in advance.
WARM_SEARCHES = searches(SEARCH_QUERIES + 40)[SEARCH_QUERIES:]


# --- Data (run in a child process, with the environment of the portal it fills) ------------------


def article_text(rng, n):
    def words(count):
        return " ".join(rng.choices(VOCABULARY, WEIGHTS, k=count))

    def sentence(low, high):
        text = words(rng.randint(low, high))
        return text[0].upper() + text[1:]

    title = f"{sentence(5, 9)} {n}"
    summary = f"{sentence(14, 22)}. {sentence(10, 18)}."
    # 6–12 paragraphs of 3–5 sentences: about 700 words, 4–5 KB of text, a ward report's length.
    paragraphs = [
        " ".join(f"{sentence(8, 16)}." for _ in range(rng.randint(3, 5))) for _ in range(rng.randint(6, 12))
    ]
    return title, summary, "\n".join(f"<p>{p}</p>" for p in paragraphs)


# A ward's share of the other types the search page also searches ("Trong các mục khác",
# portal.site_search): without them the search row leaves out what a real ward's first page of
# results reads. Saved one by one, as staff and residents' answered questions are, so that save()
# makes their search text; a few hundred each, as a ward holds after a few years.
WARD_ITEMS = {"pages": 60, "notices": 300, "documents": 300, "questions": 300}


def fill_ward_items(rng, now, counts=WARD_ITEMS):
    """Giới thiệu pages, notices, documents and answered questions in the corpus's words, all public."""
    from datetime import timedelta

    from documents.models import Document, DocumentType, IssuingBody
    from notices.models import Notice
    from pages.models import Page
    from questions.models import Question

    def sentence(low, high):
        text = " ".join(rng.choices(VOCABULARY, WEIGHTS, k=rng.randint(low, high)))
        return text[0].upper() + text[1:]

    def body(paragraphs):
        return "".join(f"<p>{sentence(12, 24)}. {sentence(8, 16)}.</p>" for _ in range(paragraphs))

    published = {"status": "published"}
    for n in range(counts["pages"]):
        Page.objects.create(
            title=sentence(3, 6), body=body(4), published_at=now - timedelta(days=n), **published
        )
    for n in range(counts["notices"]):
        start = now - timedelta(days=2 * n)
        Notice.objects.create(
            title=sentence(6, 12),
            body=body(2),
            published_at=start,
            valid_from=start,
            valid_until=start + timedelta(days=rng.choice((3, 7, 30))),
            **published,
        )
    kind, _ = DocumentType.objects.get_or_create(name="Nghị quyết")
    issuer, _ = IssuingBody.objects.get_or_create(name="Ban Thường vụ Đảng ủy", defaults={"order": 1})
    for n in range(counts["documents"]):
        Document.objects.create(
            number=f"{n + 1:02d}-NQ/ĐU",
            doc_type=kind,
            issuer=issuer,
            summary=sentence(8, 16),
            issued_on=(now - timedelta(days=3 * n)).date(),
            published_at=now - timedelta(days=3 * n),
            **published,
        )
    for n in range(counts["questions"]):
        Question.objects.create(
            subject=f"{sentence(6, 12)}?",
            body=f"{sentence(15, 30)}.",
            answer=f"{sentence(20, 40)}. {sentence(10, 20)}.",
            published_at=now - timedelta(hours=20 * n),
            **published,
        )


def fill(articles, photos, out, seed=2026):
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from datetime import timedelta

    from django.core.files.storage import default_storage
    from django.db import connection
    from django.utils import timezone
    from PIL import Image

    from news.images import process_photo
    from news.models import Article, ArticlePhoto, Category, ViewTotal
    from news.sanitize import sanitize_body
    from news.search import indexed, plain_text
    from news.teasers import teaser_of
    from news.text import slugify_vi

    started = time.perf_counter()
    rng = random.Random(seed)
    names = ["Tin hoạt động", "Xây dựng Đảng", "An ninh trật tự", "Văn hóa xã hội"]
    sections = [Category.objects.create(name=name, order=k) for k, name in enumerate(names)]
    rendition = None
    if photos:
        # One phone-sized photo processed once; every photo row points at its files (the web server,
        # not Django, serves uploads in production, so the pages only print their addresses).
        buffer = io.BytesIO()
        Image.effect_noise((1600, 1200), 48).convert("RGB").save(buffer, "JPEG", quality=85)
        buffer.seek(0)
        made = process_photo(buffer)
        rendition = {
            "image": default_storage.save(f"photos/bench/{made.display.name}", made.display),
            "thumbnail": default_storage.save(f"photos/bench/thumbs/{made.thumbnail.name}", made.thumbnail),
            "medium": default_storage.save(f"photos/bench/medium/{made.medium.name}", made.medium)
            if made.medium
            else "",
        }
        with default_storage.open(rendition["image"]) as stored:
            rendition["width"], rendition["height"] = Image.open(stored).size
    now = timezone.now()
    batch, photo_rows, captions, counts, body_chars = [], [], {}, {}, 0
    for n in range(articles):
        title, summary, body = article_text(rng, n)
        if n == 0 and sanitize_body(body) != body:
            raise ValueError("generated bodies must be what the sanitizer keeps")
        article_captions = [f"Ảnh {k + 1}: {title}" for k in range(n % 3)] if photos else []
        body_chars += len(body)
        slug = f"{slugify_vi(title, max_length=80)}-{n}"
        captions[slug] = article_captions
        counts[slug] = rng.randint(0, 3000)
        batch.append(
            Article(
                title=title,
                slug=slug,
                summary=summary,
                body=body,
                status=Article.Status.PUBLISHED,
                # One every 2 h 37 min: 10,000 articles are about three years of a ward's news.
                published_at=now - timedelta(minutes=157 * n + 1),
                category=sections[n % len(sections)],
                # Made here as save() would (bulk_create skips it); captions are searchable too.
                search_text=indexed("\n".join([title, summary, plain_text(body), *article_captions])),
                search_title=indexed(title),
                teaser=teaser_of(summary, body),
                body_text=plain_text(body),
            )
        )
        if len(batch) == 1000 or n == articles - 1:
            made = Article.objects.bulk_create(batch)
            ViewTotal.objects.bulk_create(ViewTotal(article=a, views=counts.pop(a.slug)) for a in made)
            for article in made:
                for k, caption in enumerate(captions.pop(article.slug)):
                    photo_rows.append(
                        ArticlePhoto(
                            article=article,
                            caption=caption,
                            order=k,
                            position=(2, 5)[k],
                            **rendition,
                        )
                    )
            batch = []
    ArticlePhoto.objects.bulk_create(photo_rows, batch_size=2000)
    fill_ward_items(rng, now)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    rotation = list(Article.objects.order_by("pk").values_list("slug", flat=True))
    random.Random(seed + 1).shuffle(rotation)
    result = {
        "vendor": connection.vendor,
        "articles": articles,
        "sections": [section.get_absolute_url() for section in sections],
        "photos": len(photo_rows),
        "mean_body_chars": round(body_chars / max(articles, 1)),
        "article_paths": [f"/tin-tuc/{slug}/" for slug in rotation],
        "seconds": round(time.perf_counter() - started, 1),
    }
    Path(out).write_text(json.dumps(result), encoding="utf-8")


# --- Helpers the orchestrator uses ----------------------------------------------------------------


class BenchError(Exception):
    """A clear reason to stop, printed without a traceback."""


def search_paths(queries=SEARCHES):
    return ["/tim-kiem/?" + urllib.parse.urlencode({"q": query}) for query in queries]


def write_paths(path, paths):
    """The file http_load.lua rotates through: one path a line."""
    for item in paths:
        if not item.startswith("/") or any(c.isspace() for c in item):
            raise ValueError(f"not a request path: {item!r}")
    Path(path).write_text("".join(f"{item}\n" for item in paths), encoding="ascii")
    return Path(path)


def replace_block(text, block):
    """docs/PERFORMANCE.md with the results block replaced (or added), the rest as it was."""
    new = f"{DOCS_BEGIN}\n{block.strip()}\n{DOCS_END}"
    pattern = re.compile(re.escape(DOCS_BEGIN) + r".*?" + re.escape(DOCS_END), re.DOTALL)
    if pattern.search(text):
        return pattern.sub(lambda _: new, text, count=1)
    return f"{text.rstrip()}\n\n{new}\n"


# --ports FIRST-LAST: the servers take free ports from this range only (a shared machine gives each
# user a range); by default any free port.
PORTS = None
taken = set()  # given to a server already, which may not have bound it yet


def free_port():
    for port in [p for p in range(PORTS[0], PORTS[1] + 1) if p not in taken] if PORTS else [0]:
        with socket.socket() as sock, contextlib.suppress(OSError):
            sock.bind(("127.0.0.1", port))
            return sock.getsockname()[1]
    raise BenchError(f"no free port in {PORTS[0]}-{PORTS[1]}")


def check_database_name(name):
    if name in {"portal", "postgres"} or name.startswith(("test_", "template")):
        raise BenchError(f"refusing to drop the database {name!r}: choose a throwaway name (--db)")
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", name):
        raise BenchError(f"not a plain database name: {name!r}")


def run(cmd, env, timeout, what):
    done = subprocess.run(
        cmd, env=env, cwd=ROOT, capture_output=True, text=True, timeout=timeout, check=False
    )
    if done.returncode != 0:
        raise BenchError(f"{what} failed ({done.returncode}):\n{done.stdout[-3000:]}{done.stderr[-3000:]}")
    return done.stdout


def ensure_tool(command):
    """The path of a command that Debian's package of the same name installs (wrk, valgrind),
    installed with apt-get first when it is missing and this runs as root."""
    if shutil.which(command):
        return shutil.which(command)
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print(f"{command} is missing: installing Debian's package…", flush=True)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        install = ["apt-get", "install", "-y", "-qq", command]
        if subprocess.run(install, env=env, capture_output=True, check=False).returncode != 0:
            subprocess.run(["apt-get", "update", "-qq"], env=env, capture_output=True, check=False)
            subprocess.run(install, env=env, capture_output=True, check=False)
    if not shutil.which(command):
        raise BenchError(f"{command} is not installed: apt-get install {command} (as root), then run again")
    return shutil.which(command)


def connect_postgres(base_url):
    import psycopg

    try:
        return psycopg.connect(f"{base_url}/postgres", autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as error:
        raise BenchError(
            f"PostgreSQL is not answering at {base_url} ({error}).\n"
            "Start it (pg_ctlcluster 15 main start) or give --postgres postgres://user@host:port"
        ) from None


def connect_redis(url):
    import redis

    client = redis.Redis.from_url(url, socket_connect_timeout=3)
    try:
        client.ping()
    except redis.exceptions.RedisError as error:
        raise BenchError(f"Redis is not answering at {url} ({error}): start redis-server") from None
    return client


class Server:
    """A gunicorn in its own process group, killed with its workers by stop()."""

    def __init__(self, name, app, env, workdir, workers=2):
        self.name, self.port = name, free_port()
        taken.add(self.port)
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = workdir / f"{name}.log"
        self.log = self.log_path.open("wb")
        cmd = [sys.executable, "-m", "gunicorn", app, "--workers", str(workers), "--worker-class", "sync"]
        cmd += ["--bind", f"127.0.0.1:{self.port}", "--timeout", "60", "--chdir", str(ROOT)]
        self.process = subprocess.Popen(
            cmd, env=env, cwd=ROOT, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True
        )

    def wait_ready(self, path="/", timeout=60):
        limit = time.monotonic() + timeout
        while time.monotonic() < limit:
            if self.process.poll() is not None:
                raise BenchError(f"{self.name} exited ({self.process.returncode}):\n{self.log_tail()}")
            request = urllib.request.Request(self.url + path, headers={"User-Agent": BOT_UA})
            with contextlib.suppress(OSError), urllib.request.urlopen(request, timeout=5) as answer:
                if answer.status == 200:
                    return len(answer.read())
            time.sleep(0.3)
        raise BenchError(f"{self.name} did not answer {path} within {timeout} s:\n{self.log_tail()}")

    def kill_a_worker(self):
        """kill -9 one of gunicorn's workers (the master starts another); its pid, or None."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        pids = [int(pid) for pid in children.read_text().split()] if children.exists() else []
        if not pids:
            return None
        with contextlib.suppress(ProcessLookupError):
            os.kill(pids[0], signal.SIGKILL)
        return pids[0]

    def log_tail(self):
        self.log.flush()
        return self.log_path.read_text(errors="replace")[-3000:]

    def stop(self):
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        self.log.close()


NGINX_MICROCACHE = ROOT / "deploy" / "nginx-microcache.conf"


class NginxServer(Server):
    """Debian's nginx in front of the portal with the micro-cache of docs/DEPLOY.md (one worker)."""

    def __init__(self, upstream, workdir):
        self.name, self.port = "nginx", free_port()
        taken.add(self.port)
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
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {home}/body;
    proxy_temp_path {home}/proxy;
    fastcgi_temp_path {home}/fastcgi;
    uwsgi_temp_path {home}/uwsgi;
    scgi_temp_path {home}/scgi;
    proxy_cache_path {home}/cache keys_zone=portal_pages:10m max_size=100m inactive=1m use_temp_path=off;
    upstream portal {{ server 127.0.0.1:{upstream.port}; }}
    server {{
        listen 127.0.0.1:{self.port};
        include {NGINX_MICROCACHE};
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


def drive(wrk, url, paths_file, seconds, tail, connections, threads, user_agent=BROWSER_UA):
    """One wrk run: `seconds` of traffic, then `tail` seconds in which nothing new is sent."""
    cmd = [wrk, f"-t{threads}", f"-c{connections}", f"-d{seconds + tail}s", "--timeout", "10s", "--latency"]
    cmd += ["-s", str(LUA), url, "--", str(paths_file), str(seconds), user_agent]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=seconds + tail + 60, check=False)
    line = next((x for x in done.stdout.splitlines() if x.startswith("BENCH_JSON ")), None)
    if done.returncode != 0 or line is None:
        raise BenchError(f"wrk failed ({done.returncode}) on {url}:\n{done.stdout}\n{done.stderr}")
    raw = json.loads(line.removeprefix("BENCH_JSON "))
    statuses = {int(code): n for code, n in raw["statuses"].items()}
    ok = sum(n for code, n in statuses.items() if 200 <= code < 300)
    window = raw["window_s"] if raw["precise_clock"] and raw["window_s"] > 0 else seconds
    errors = raw["errors"]
    return {
        "url": url,
        "requests": raw["answered"],
        "rps": raw["answered"] / window,
        "window_s": round(window, 3),
        "p50_ms": raw["latency_us"]["p50"] / 1000,
        "p90_ms": raw["latency_us"]["p90"] / 1000,
        "p99_ms": raw["latency_us"]["p99"] / 1000,
        "max_ms": raw["latency_us"]["max"] / 1000,
        "ok_2xx": ok,
        "non_2xx": raw["answered"] - ok,
        "statuses": statuses,
        "socket_errors": {k: errors[k] for k in ("connect", "read", "write", "timeout")},
        # wrk calls request() once more than it sends, on its first thread, to check the script.
        "unanswered": raw["sent"] - 1 - raw["answered"],
        "counted_cookie": raw["counted_cookie"],
        "kb_per_response": raw["bytes"] / max(raw["answered"], 1) / 1024,
        "wrk_output": done.stdout.split("BENCH_JSON")[0].strip(),
    }


class Counts:
    """The views the database holds, read once counting has settled (flush_views first where it exists)."""

    def __init__(self, env, reader):
        self.env, self.reader = env, reader
        manage = [sys.executable, "manage.py", "help", "flush_views"]
        self.has_flush = (
            subprocess.run(manage, env=env, cwd=ROOT, capture_output=True, check=False).returncode == 0
        )

    def settled(self, timeout=30):
        if self.has_flush:
            run([sys.executable, "manage.py", "flush_views"], self.env, 120, "manage.py flush_views")
        readings = [self.reader()]
        limit = time.monotonic() + timeout
        while time.monotonic() < limit:
            time.sleep(0.5)
            readings.append(self.reader())
            if len(readings) >= 3 and readings[-1] == readings[-2] == readings[-3]:
                return readings[-1]
        raise BenchError(f"the view counts did not settle in {timeout} s: {readings[-5:]}")


def postgres_reader(url):
    import psycopg

    def read():
        with psycopg.connect(url, autocommit=True) as conn:
            views = conn.execute("SELECT coalesce(sum(views), 0) FROM news_viewtotal").fetchone()[0]
            daily = None
            if conn.execute("SELECT to_regclass('news_dailyviews')").fetchone()[0]:
                daily = conn.execute("SELECT coalesce(sum(views), 0) FROM news_dailyviews").fetchone()[0]
            return int(views), None if daily is None else int(daily)

    return read


def sqlite_reader(path):
    def read():
        with contextlib.closing(sqlite3.connect(path, timeout=20)) as conn:
            views = conn.execute("SELECT coalesce(sum(views), 0) FROM news_viewtotal").fetchone()[0]
            has_daily = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'news_dailyviews'"
            ).fetchone()
            daily = conn.execute("SELECT coalesce(sum(views), 0) FROM news_dailyviews").fetchone()[0]
            return int(views), int(daily) if has_daily else None

    return read


def kill_into(server, pids):
    pids.append(server.kill_a_worker())


def counting_check(label, expected, before, after, killed=0, in_flight=0):
    """Whether the views counted equal the article pages received.

    With `killed` workers killed by kill -9 during the run, each may have counted the one view it was
    answering when it died (a sync worker answers one request at a time): that reader got no page, so
    up to `killed` views more than pages received is still every view counted once, and nothing lost.
    Likewise `in_flight` requests wrk had sent but not seen answered when it stopped (a tail shorter
    than the slowest answer, on a loaded machine): the portal answered and counted them, wrk did not
    read the answers. The line says so whenever either is not zero.
    """
    got_views = after[0] - before[0]
    got_daily = None if after[1] is None else after[1] - before[1]
    allowed = range(expected, expected + killed + in_flight + 1)
    exact = got_views in allowed and (got_daily is None or got_daily == got_views)
    daily = "" if got_daily is None else f", news_dailyviews {got_daily}"
    killed_note = f"; {killed} worker killed with kill -9, its view in flight may count" if killed else ""
    if in_flight:
        killed_note += f"; {in_flight} requests still unanswered when wrk stopped, each may count"
    line = (
        f"{label}: exact: {'yes' if exact else 'no'} (expected {expected}, got {got_views}{daily}"
        f"{killed_note})"
    )
    return (
        {"label": label, "expected": expected, "view_count": got_views, "daily_views": got_daily},
        exact,
        line,
    )


def machine():
    def first(path, key):
        with contextlib.suppress(OSError):
            for row in Path(path).read_text().splitlines():
                if row.startswith(key):
                    return row.split(":", 1)[1].strip()
        return "?"

    def version_of(cmd):
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=10, check=False)
            return (done.stdout or done.stderr).strip().splitlines()[0]
        return "?"

    memory_kb = first("/proc/meminfo", "MemTotal").split()[0]
    return {
        "nproc": os.cpu_count(),
        "memory_gib": round(int(memory_kb) / 1024 / 1024, 1) if memory_kb.isdigit() else "?",
        "cpu": first("/proc/cpuinfo", "model name"),
        "kernel": os.uname().release,
        "python": sys.version.split()[0],
        "django": metadata.version("django"),
        "gunicorn": metadata.version("gunicorn"),
        "wrk": version_of(["wrk", "--version"]).split(" [")[0],
    }


# --- The run --------------------------------------------------------------------------------------


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smoke test: 3 s runs, 1,000 articles, no docs")
    parser.add_argument("--articles", type=int, help="articles to load (10,000; --quick 1,000)")
    parser.add_argument("--duration", type=int, help="seconds of traffic per run (10; --quick 3)")
    parser.add_argument("--tail", type=int, default=2, help="seconds after each run for answers in flight")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--no-photos", dest="photos", action="store_false", help="articles without photos")
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432", help="server, no db name")
    parser.add_argument("--db", default="portal_bench", help="throwaway database, dropped and created")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379", help="server, no db number")
    parser.add_argument("--redis-db", type=int, default=14, help="Redis database of this benchmark, flushed")
    parser.add_argument("--json", type=Path, help="where the results go (default bench/results/…)")
    parser.add_argument(
        "--no-docs", dest="docs", action="store_false", help="leave docs/PERFORMANCE.md alone"
    )
    parser.add_argument(
        "--no-nginx", dest="nginx", action="store_false", help="skip nginx's micro-cache (run when installed)"
    )
    parser.add_argument("--ports", help="FIRST-LAST: take the servers' ports from this range only")
    parser.add_argument("--keep", action="store_true", help="keep the database and the temporary folder")
    parser.add_argument("--time-limit", type=int, default=1200, help="give up after this many seconds")
    parser.add_argument("--fill", help=argparse.SUPPRESS)  # internal: load data into DATABASE_URL
    args = parser.parse_args(argv)
    args.articles = args.articles or (1000 if args.quick else 10_000)
    args.duration = args.duration or (3 if args.quick else 10)
    if args.quick:
        args.tail = min(args.tail, 1)
        args.docs = False
    return args


def stop_on_signals():
    def handler(signum, frame):
        raise SystemExit(f"stopped by signal {signum}")

    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, handler)


def main(argv=None):
    args = parse_args(argv)
    if args.fill:
        fill(args.articles, args.photos, args.fill)
        return 0
    stop_on_signals()
    if args.ports:
        global PORTS
        first, _, last = args.ports.partition("-")
        PORTS = (int(first), int(last or first))
    started = time.monotonic()
    check_database_name(args.db)
    wrk = ensure_tool("wrk")
    admin = connect_postgres(args.postgres)
    redis_url = f"{args.redis}/{args.redis_db}"
    connect_redis(redis_url).flushdb()
    workdir = Path(tempfile.mkdtemp(prefix="http-load-"))
    servers = []
    database_url = f"{args.postgres}/{args.db}"
    try:
        admin.execute(f'DROP DATABASE IF EXISTS "{args.db}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{args.db}"')
        secret = secrets.token_urlsafe(50)
        base = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PORTAL_"))}
        base.pop("DATABASE_URL", None)
        base.pop("REDIS_URL", None)
        production = {
            **base,
            "DJANGO_SETTINGS_MODULE": "portal.settings",
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": secret,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "STATIC_ROOT": str(workdir / "static"),
            "MEDIA_ROOT": str(workdir / "media"),
            "PORTAL_PRIVATE_ROOT": str(workdir / "private"),
            # wrk is one client address: the per-address limit on views (news.view_counter) would stop
            # counting after 60 views of an article; every request here stands for another reader.
            "PORTAL_VIEWS_PER_ADDRESS": "1000000000",
        }
        on_postgres = {**production, "DATABASE_URL": database_url, "REDIS_URL": redis_url}
        sqlite_path = workdir / "portal.sqlite3"
        on_sqlite = {**production, "DATABASE_URL": f"sqlite:///{sqlite_path}"}
        ceiling_env = {
            **base,
            "DJANGO_SETTINGS_MODULE": "bench.ceiling.settings",
            "DJANGO_SECRET_KEY": secret,
        }
        ceiling_env["DJANGO_ALLOWED_HOSTS"] = "127.0.0.1"

        print(f"Loading {args.articles} articles into {args.db} and into SQLite…", flush=True)
        data = {}
        for label, env in (("postgresql", on_postgres), ("sqlite", on_sqlite)):
            run([sys.executable, "manage.py", "migrate", "--noinput"], env, 300, f"migrate ({label})")
            out = workdir / f"fill-{label}.json"
            fill_cmd = [sys.executable, str(Path(__file__).resolve()), "--fill", str(out)]
            fill_cmd += ["--articles", str(args.articles)] + ([] if args.photos else ["--no-photos"])
            run(fill_cmd, env, 600, f"loading the articles ({label})")
            data[label] = json.loads(out.read_text(encoding="utf-8"))
            print(f"  {label}: {data[label]['photos']} photos, {data[label]['seconds']} s", flush=True)
        run([sys.executable, "manage.py", "collectstatic", "--noinput"], on_postgres, 300, "collectstatic")

        portal = Server("portal", "portal.wsgi:application", on_postgres, workdir)
        servers.append(portal)
        embedded = Server("portal-sqlite", "portal.wsgi:application", on_sqlite, workdir)
        servers.append(embedded)
        ceiling = Server("ceiling", "bench.ceiling.wsgi:application", ceiling_env, workdir)
        servers.append(ceiling)
        nginx = None
        if args.nginx and shutil.which("nginx"):
            nginx = NginxServer(portal, workdir)
            servers.append(nginx)
        elif args.nginx:
            print("nginx is not installed (apt-get install nginx-light): its micro-cache is not measured")
        for server in servers:
            server.wait_ready()

        files = {
            "articles": write_paths(workdir / "articles.txt", data["postgresql"]["article_paths"]),
            # An article shared on Zalo: many readers of a few articles in the same minutes.
            "viral": write_paths(workdir / "viral.txt", data["postgresql"]["article_paths"][:VIRAL]),
            "home": write_paths(workdir / "home.txt", ["/"]),
            "list": write_paths(workdir / "list.txt", ["/?page=3"]),
            "section": write_paths(workdir / "section.txt", data["postgresql"]["sections"][:1]),
            "search": write_paths(workdir / "search.txt", search_paths()),
            "ceiling": write_paths(workdir / "ceiling.txt", ["/"]),
        }
        warm = [*data["postgresql"]["article_paths"][:20], "/", "/?page=3", *data["postgresql"]["sections"]]
        files["warm"] = write_paths(workdir / "warm.txt", warm + search_paths(WARM_SEARCHES))
        for server in servers:  # templates compiled, connections open, caches filled: in every worker
            drive(wrk, server.url, files["warm"], 2, 1, args.connections, args.threads, BOT_UA)

        article_paths = data["postgresql"]["article_paths"]
        section = data["postgresql"]["sections"][0]
        pages = [
            (f"article, viral ({VIRAL} in turn)", portal, files["viral"], "postgresql"),
            (f"article, viral, a worker killed mid-run ({VIRAL})", portal, files["viral"], "postgresql"),
            (f"article ({len(article_paths):,} in turn)", portal, files["articles"], "postgresql"),
            ("home /", portal, files["home"], None),
            ("list /?page=3", portal, files["list"], None),
            (f"section {section}", portal, files["section"], None),
            (f"search ({len(SEARCHES):,} different queries)", portal, files["search"], None),
            (f"article, viral ({VIRAL}), SQLite default (no Redis)", embedded, files["viral"], "sqlite"),
            ("article, SQLite default (no Redis)", embedded, files["articles"], "sqlite"),
        ]
        if nginx is not None:
            pages += [
                ("home /, nginx micro-cache (5 s)", nginx, files["home"], None),
                (f"section {section}, nginx micro-cache (5 s)", nginx, files["section"], None),
                (
                    f"article, viral ({VIRAL}), through nginx (never cached)",
                    nginx,
                    files["viral"],
                    "postgresql",
                ),
            ]
        counters = {
            "postgresql": Counts(on_postgres, postgres_reader(database_url)),
            "sqlite": Counts(on_sqlite, sqlite_reader(sqlite_path)),
        }
        per_run = args.duration + args.tail + 1
        needed = per_run * (2 * len(pages) + 1) + 60
        if time.monotonic() - started + needed > args.time_limit:
            raise BenchError(f"the runs need about {needed} s more: beyond --time-limit {args.time_limit}")

        def ceiling_run():
            return drive(
                wrk, ceiling.url, files["ceiling"], args.duration, args.tail, args.connections, args.threads
            )

        print(f"Driving: {args.connections} connections, {args.duration} s a run…", flush=True)
        ceilings = [ceiling_run()]
        rows, checks, all_exact = [], [], True
        for label, server, paths_file, counted in pages:
            before = counters[counted].settled() if counted else None
            killer, killed_pids = None, []
            if "killed" in label:
                # Half-way through the run, kill -9 one worker: counting must neither lose nor repeat.
                killer = threading.Timer(args.duration / 2, kill_into, (server, killed_pids))
                killer.start()
            result = drive(
                wrk, server.url, paths_file, args.duration, args.tail, args.connections, args.threads
            )
            if killer is not None:
                killer.join()
                server.wait_ready()
            if counted:
                check, exact, line = counting_check(
                    label,
                    result["ok_2xx"],
                    before,
                    counters[counted].settled(),
                    killed=int(killer is not None),
                    in_flight=result["unanswered"],
                )
                check["flush_views"] = counters[counted].has_flush
                check["unanswered"] = result["unanswered"]
                check["line"] = line
                checks.append(check)
                all_exact = all_exact and exact
                print("  " + line, flush=True)
            ceilings.append(ceiling_run())
            around = (ceilings[-2]["rps"] + ceilings[-1]["rps"]) / 2
            rows.append({"page": label, **result, "ceiling_rps": around, "share": result["rps"] / around})
            print(
                f"  {label}: {result['rps']:.0f} req/s, {result['rps'] / around:.1%} of the ceiling",
                flush=True,
            )

        results = {
            "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
            "quick": args.quick,
            "machine": {**machine(), **server_versions(admin, redis_url)},
            "settings": {
                "articles": args.articles,
                "photos": data["postgresql"]["photos"],
                "mean_body_chars": data["postgresql"]["mean_body_chars"],
                "ward_items": WARD_ITEMS,
                "duration_s": args.duration,
                "connections": args.connections,
                "wrk_threads": args.threads,
                "gunicorn": "2 sync workers, --timeout 60",
                "total_s": None,
            },
            "pages": rows,
            "ceiling_runs": ceilings,
            "counting": checks,
            "exact": all_exact,
        }
        results["settings"]["total_s"] = round(time.monotonic() - started)
        table = format_table(results)
        print()
        print(table)
        for check in checks:
            print(check["line"])
        target = args.json or (None if args.quick else RESULTS / f"http_load-{datetime.date.today()}.json")
        if target:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
            print(f"JSON: {target}")
        if args.docs:
            text = DOCS.read_text(encoding="utf-8") if DOCS.exists() else "# Performance\n"
            DOCS.write_text(replace_block(text, docs_block(results)), encoding="utf-8")
            print(f"Updated {DOCS.relative_to(ROOT)}")
        return 0 if all_exact else 1
    finally:
        for server in servers:
            server.stop()
        if not args.keep:
            with contextlib.suppress(Exception):
                admin.execute(f'DROP DATABASE IF EXISTS "{args.db}" WITH (FORCE)')
            shutil.rmtree(workdir, ignore_errors=True)
        else:
            print(f"Kept: database {args.db}, folder {workdir}")
        admin.close()


def server_versions(admin, redis_url):
    import redis

    info = redis.Redis.from_url(redis_url).info("server")
    return {
        "postgresql": admin.execute("SHOW server_version").fetchone()[0],
        "redis": info.get("redis_version", "?"),
    }


def ceiling_summary(runs):
    n = len(runs)
    return {
        "label": f"ceiling (mean of {n} runs)",
        "rps": sum(r["rps"] for r in runs) / n,
        "p50_ms": sum(r["p50_ms"] for r in runs) / n,
        "p99_ms": sum(r["p99_ms"] for r in runs) / n,
        "kb": sum(r["kb_per_response"] for r in runs) / n,
    }


def format_table(results):
    columns = ("page", "req/s", "p50 ms", "p99 ms", "ceiling", "share", "non-2xx", "KB")
    widths = (40, 7, 7, 7, 8, 6, 7, 5)
    cells = zip(columns, widths, strict=True)
    head = " ".join(f"{c:{w}}" if k == 0 else f"{c:>{w}}" for k, (c, w) in enumerate(cells))
    lines = [head, "-" * len(head)]
    for row in results["pages"]:
        lines.append(
            f"{row['page']:40} {row['rps']:7.0f} {row['p50_ms']:7.1f} {row['p99_ms']:7.1f} "
            f"{row['ceiling_rps']:8.0f} {row['share']:6.1%} {row['non_2xx']:7d} {row['kb_per_response']:5.1f}"
        )
    c = ceiling_summary(results["ceiling_runs"])
    lines.append(
        f"{c['label']:40} {c['rps']:7.0f} {c['p50_ms']:7.1f} {c['p99_ms']:7.1f} {'':23} {c['kb']:5.1f}"
    )
    return "\n".join(lines)


def _ward_items(settings):
    """The other searched types the data held, as the docs block says them ("" for an older run's)."""
    items = settings.get("ward_items")
    if not items:
        return ""
    return (
        f", {items['pages']} Giới thiệu pages, {items['notices']} notices, {items['documents']} documents"
        f" and {items['questions']} answered questions"
    )


def docs_block(results):
    m, s = results["machine"], results["settings"]
    lines = [
        f"### Latest run: {results['date']}",
        "",
        f"{s['articles']:,} articles ({s['photos']:,} photos, bodies of {s['mean_body_chars']:,} characters"
        f" on average){_ward_items(s)}, {s['connections']} connections, {s['duration_s']} s a run,"
        f" {s['gunicorn']}; the whole run took {s['total_s']} s.",
        "",
        "| page | req/s | p50 ms | p99 ms | ceiling req/s | share of ceiling | non-2xx | KB |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in results["pages"]:
        lines.append(
            f"| {row['page']} | {row['rps']:.0f} | {row['p50_ms']:.1f} | {row['p99_ms']:.1f} | "
            f"{row['ceiling_rps']:.0f} | {row['share']:.1%} | {row['non_2xx']} | "
            f"{row['kb_per_response']:.1f} |"
        )
    c = ceiling_summary(results["ceiling_runs"])
    lines += [
        f"| {c['label']} | {c['rps']:.0f} | {c['p50_ms']:.1f} | {c['p99_ms']:.1f} | | | | {c['kb']:.1f} |",
        "",
        "Counting (views in the database against article pages received with a 2xx):",
        "",
    ]
    for check in results["counting"]:
        flushed = "after flush_views" if check["flush_views"] else "the portal has no flush_views command"
        lines.append(f"- {check['line']}; {flushed}")
    lines += [
        "",
        f"Machine: {m['nproc']} cores ({m['cpu']}), {m['memory_gib']} GiB; Linux {m['kernel']}; PostgreSQL"
        f" {m['postgresql']}, Redis {m['redis']}, Python {m['python']}, Django {m['django']}, gunicorn"
        f" {m['gunicorn']}, {m['wrk']}. wrk, the servers, PostgreSQL and Redis share these cores.",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BenchError as error:
        print(f"http_load: {error}", file=sys.stderr)
        sys.exit(2)
