"""bench/http_load.py's parts that can go wrong quietly: what wrk is told to request, the ceiling, the docs.

The benchmark itself (gunicorn, wrk) is not run here: speed is measured in bench/, not in tests.
"""

import importlib.util
import os
import random
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import RequestFactory
from django.urls import resolve
from django.utils import timezone

from news import page_cache
from news.models import Article, Category
from news.search import indexed, plain_text, query_words
from news.teasers import teaser_of
from portal import site_search

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("http_load", ROOT / "bench" / "http_load.py")
http_load = importlib.util.module_from_spec(spec)
spec.loader.exec_module(http_load)


def test_search_sends_thousands_of_different_queries_the_search_page_reads_back(tmp_path):
    """A cache of answers must not stand in for searching: each query comes about once a run, and
    the warm-up asks none of them."""
    paths = http_load.search_paths()
    assert len(set(paths)) == len(paths) == http_load.SEARCH_QUERIES >= 5000
    assert not set(http_load.WARM_SEARCHES) & set(http_load.SEARCHES)
    lines = http_load.write_paths(tmp_path / "search.txt", paths).read_text().splitlines()
    assert lines == paths  # one path a line, as http_load.lua reads them
    for line, query in zip(lines, http_load.SEARCHES, strict=True):
        split = urlsplit(line)
        assert resolve(split.path).view_name == "news:search"
        assert parse_qs(split.query)["q"] == [query]  # diacritics survive the encoding
    assert "hội nghị chi bộ" in http_load.SEARCHES
    assert any(query.isascii() for query in http_load.SEARCHES[16:])  # typed without diacritics
    assert any(not query.isascii() for query in http_load.SEARCHES[16:])


def test_a_path_wrk_could_not_send_is_refused(tmp_path):
    with pytest.raises(ValueError):
        http_load.write_paths(tmp_path / "bad.txt", ["/tim-kiem/?q=hội nghị"])
    with pytest.raises(ValueError):
        http_load.write_paths(tmp_path / "bad.txt", ["tin-tuc/a/"])


@pytest.mark.django_db
def test_generated_articles_are_stored_as_save_would_store_them():
    """The benchmark fills with bulk_create, which skips save(): its derived columns must match save()'s."""

    title, summary, body = http_load.article_text(random.Random(1), 7)
    article = Article.objects.create(
        title=title,
        summary=summary,
        body=body,
        status=Article.Status.PUBLISHED,
        category=Category.objects.create(name="Tin hoạt động"),
    )
    article.refresh_from_db()
    assert article.body == body
    assert article.search_text == indexed("\n".join([title, summary, plain_text(body)]))
    assert article.search_title == indexed(title)
    assert article.teaser == teaser_of(summary, body)
    assert article.body_text == plain_text(body)
    assert 3000 < len(body) < 12000  # a ward report's length, not a one-liner


@pytest.mark.own_processes
def test_the_ceiling_answers_its_fixed_page_under_its_own_settings():
    code = (
        "import django; django.setup(); from django.conf import settings; from django.test import Client; "
        "r = Client().get('/'); "
        "print(r.status_code, len(r.content), r['Content-Type'], len(settings.MIDDLEWARE))"
    )
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
        "DJANGO_SETTINGS_MODULE": "bench.ceiling.settings",
        "DJANGO_SECRET_KEY": "ceiling-test-key",
        "DJANGO_ALLOWED_HOSTS": "testserver",
    }
    command = [sys.executable, "-c", code]
    done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["200", str(30 * 1024), "text/html;", "charset=utf-8", "2"]


def test_the_docs_block_is_replaced_and_the_rest_of_the_file_kept():
    text = (
        "# Performance\n\nintro\n\n"
        f"{http_load.DOCS_BEGIN}\nold table\n{http_load.DOCS_END}\n\n"
        "## Design choices and their measured effect\n\n- ours\n"
    )
    updated = http_load.replace_block(text, "new table")
    assert "old table" not in updated
    assert f"{http_load.DOCS_BEGIN}\nnew table\n{http_load.DOCS_END}" in updated
    assert updated.startswith("# Performance\n\nintro\n\n")
    assert updated.endswith("## Design choices and their measured effect\n\n- ours\n")
    assert http_load.replace_block(updated, "newer") == updated.replace("new table", "newer")
    # A file without the markers gets the block at its end.
    block = f"{http_load.DOCS_BEGIN}\nt\n{http_load.DOCS_END}\n"
    assert http_load.replace_block("# P\n", "t").endswith(block)


def test_the_benchmark_refuses_the_project_and_test_databases():
    for name in ("portal", "test_portal", "postgres"):
        with pytest.raises(http_load.BenchError):
            http_load.check_database_name(name)
    http_load.check_database_name("portal_bench")


def test_a_killed_worker_may_add_only_the_view_it_was_answering():
    """kill -9 of a sync worker: at most its one view in flight more than the pages received, none less."""
    from bench.http_load import counting_check

    before, exact_after, one_more, two_more, one_less = (0, 0), (10, 10), (11, 11), (12, 12), (9, 9)
    assert counting_check("a", 10, before, exact_after)[1]
    assert not counting_check("a", 10, before, one_more)[1]
    assert counting_check("a", 10, before, one_more, killed=1)[1]
    assert not counting_check("a", 10, before, two_more, killed=1)[1]
    assert not counting_check("a", 10, before, one_less, killed=1)[1]


def test_requests_unanswered_when_wrk_stopped_may_add_only_themselves():
    """A loaded machine: wrk stopped with answers still on their way, which the portal counted."""
    from bench.http_load import counting_check

    before, three_more, four_more, one_less = (0, 0), (13, 13), (14, 14), (9, 9)
    _, exact, line = counting_check("a", 10, before, three_more, in_flight=3)
    assert exact and "3 requests still unanswered when wrk stopped" in line
    assert not counting_check("a", 10, before, four_more, in_flight=3)[1]
    assert not counting_check("a", 10, before, one_less, in_flight=3)[1]
    assert not counting_check("a", 10, before, three_more)[1]


@pytest.mark.django_db
def test_the_wards_other_items_are_public_and_found_by_the_benchmarks_searches(ward_identity):
    """The search row must read what a real ward's first page of results reads: the other types'
    block holds hits for the benchmark's queries."""
    counts = {"pages": 3, "notices": 10, "documents": 10, "questions": 10}
    http_load.fill_ward_items(random.Random(1), timezone.now(), counts)
    generation = page_cache.generation()
    kept = {kind.key: len(site_search.kept(kind, generation).items) for kind in site_search.SEARCHABLE}
    assert kept == {"gioi-thieu": 3, "thong-bao": 10, "van-ban": 10, "hoi-dap": 10}

    class FirstPage:
        number = 1

    request = RequestFactory().get("/tim-kiem/")
    hits = [
        site_search.found_elsewhere(request, query_words(query), FirstPage, generation)
        for query in http_load.SEARCHES[:300]
    ]
    assert sum(bool(found) for found in hits) > 100
