"""bench/lighthouse.py's reading of a Lighthouse report and the block it writes into docs/PERFORMANCE.md.

Lighthouse itself is not run here (a minute a page): tests/data/lighthouse_article_report.json is a real
report of the demo article, trimmed to what the script reads.
"""

import copy
import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("lighthouse_bench", ROOT / "bench" / "lighthouse.py")
lighthouse = importlib.util.module_from_spec(spec)
spec.loader.exec_module(lighthouse)

REPORT = json.loads((ROOT / "tests" / "data" / "lighthouse_article_report.json").read_text(encoding="utf-8"))
ARTICLE = "/tin-tuc/hoi-nghi-chuyen-de-dan-van-kheo-o-khu-dan-cu/"


@pytest.fixture
def report():
    return copy.deepcopy(REPORT)


def results_of(*pages):
    return {
        "date": "2026-12-01T15:20:00+00:00",
        "lighthouse": "12.8.2",
        "chromium": "Chromium 156",
        "form_factor": "mobile",
        "throttling": "simulate",
        "cpu_slowdown": 4,
        "runs": 1,
        "served_by": "nginx in front of gunicorn (docs/DEPLOY.md)",
        "pages": [{"label": label, "path": path, **summary} for label, path, summary in pages],
    }


def test_scores_failing_audits_and_weight_are_read_as_lighthouse_reports_them(report):
    summary = lighthouse.summarize(report)
    assert summary["scores"] == {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
    failing = {audit_id for audit_id, _, _ in summary["failing"]["performance"]}
    # Failed in the report (score under 0.9): the oversized photos, the render-blocking stylesheet.
    assert {"uses-responsive-images", "render-blocking-resources"} <= failing
    # Passed (score 0.9 or more) or not scored at all: not failures.
    assert not failing & {"first-contentful-paint", "cumulative-layout-shift", "dom-size-insight"}
    assert summary["failing"]["accessibility"] == summary["failing"]["seo"] == []
    assert ("uses-responsive-images", "Properly size images", "Est savings of 71 KiB") in summary["failing"][
        "performance"
    ]
    images = sum(
        i["transferSize"]
        for i in report["audits"]["network-requests"]["details"]["items"]
        if i["resourceType"] == "Image"
    )
    weight = summary["weight"]
    assert weight["total"] == report["audits"]["total-byte-weight"]["numericValue"]
    assert weight["without_images"] == weight["total"] - images > 0
    assert weight["by_type"]["Font"] > weight["by_type"]["Document"] > 0
    assert summary["metrics"]["largest-contentful-paint"] == "2.1 s"
    assert summary["cpu_slowdown"] == 4  # Lighthouse's default for a phone


def test_a_failing_audit_in_another_category_is_listed_and_misses_its_target(report):
    report["audits"]["document-title"]["score"] = 0
    report["categories"]["seo"]["score"] = 0.92
    summary = lighthouse.summarize(report)
    assert summary["failing"]["seo"] == [("document-title", report["audits"]["document-title"]["title"], "")]
    assert lighthouse.misses(summary) == ["seo"]
    block = lighthouse.docs_block(results_of(("article", ARTICLE, summary)))
    assert f"- seo: {report['audits']['document-title']['title']} (`document-title`)" in block


def test_the_docs_block_replaces_only_what_is_between_its_markers(report):
    summary = lighthouse.summarize(report)
    home = copy.deepcopy(summary)
    home["scores"]["performance"] = 94
    home["failing"] = {category: [] for category in lighthouse.CATEGORIES}
    block = lighthouse.docs_block(results_of(("home", "/", home), ("article", ARTICLE, summary)))
    assert "| home `/` | 94 | 100 | 100 | 100 |" in block
    assert f"| article `{ARTICLE}` | 98 | 100 | 100 | 100 |" in block
    assert "No failing audit on home." in block
    assert "simulate throttling (CPU 4× slower, Lighthouse's default)" in block
    assert "- performance: Properly size images (`uses-responsive-images`, Est savings of 71 KiB)" in block
    kib = summary["weight"]["without_images"] / 1024
    assert f"Weight of article: {kib:.1f} KiB before photos" in block

    before = (
        f"# Performance\n\nIntro.\n\n{lighthouse.DOCS_BEGIN}\nold table\n{lighthouse.DOCS_END}\n\n## After\n"
    )
    text = lighthouse.replace_block(before, block)
    assert "old table" not in text
    assert text.startswith("# Performance\n\nIntro.\n\n" + lighthouse.DOCS_BEGIN + "\n### Latest run")
    assert text.endswith(f"{lighthouse.DOCS_END}\n\n## After\n")
    assert lighthouse.replace_block(text, block) == text  # a second run changes nothing else
    appended = lighthouse.replace_block("# Performance\n", block)
    assert appended.count(lighthouse.DOCS_BEGIN) == appended.count(lighthouse.DOCS_END) == 1


def test_of_several_runs_the_median_performance_is_kept(report):
    runs = []
    for score in (90, 97, 94):
        summary = lighthouse.summarize(report)
        summary["scores"]["performance"] = score
        runs.append(summary)
    assert lighthouse.median_run(runs)["scores"]["performance"] == 94
    assert lighthouse.median_run(runs[:2])["scores"]["performance"] == 90  # of two, the lower
