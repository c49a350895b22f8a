"""The JSON-LD in real Chromium: the strict Content-Security-Policy (script-src 'self', nothing inline)
lets it be, because the browser treats application/ld+json as data and never runs it; and what the page
reads from it is what the page shows.

Screenshots: test-artifacts/screenshots/structured-data-*.png.
"""

import json

import pytest

from .portal_content import populate


@pytest.fixture
def featured(live_server, make_article, make_photo):
    return populate(make_article, make_photo)


@pytest.fixture(params=["phone", "desktop"])
def page(request):
    page = request.getfixturevalue(request.param)
    page.problems = []
    page.on(
        "console",
        lambda m: (
            page.problems.append(m.text) if "Content Security Policy" in m.text or m.type == "error" else None
        ),
    )
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    page.size_name = request.param
    return page


def json_ld(page):
    return [
        json.loads(text)
        for text in page.locator('script[type="application/ld+json"]').evaluate_all(
            "scripts => scripts.map(s => s.textContent)"
        )
    ]


def test_the_article_pages_json_ld_runs_into_no_policy_and_matches_the_page(
    page, live_server, featured, screenshot
):
    page.goto(live_server.url + featured.get_absolute_url())
    (block,) = json_ld(page)
    news = next(node for node in block["@graph"] if node["@type"] == "NewsArticle")
    assert news["headline"] == page.locator("h1.article-title").inner_text()
    assert news["mainEntityOfPage"]["@id"] == page.locator('link[rel="canonical"]').get_attribute("href")
    assert news["image"][0].startswith(live_server.url + "/media/")
    assert page.locator('meta[name="theme-color"]').get_attribute("content") == "#a50e0e"
    assert page.problems == []
    name = f"structured-data-article-{page.size_name}"
    screenshot(page, name)


def test_the_home_and_section_pages_json_ld_runs_into_no_policy(page, live_server, featured, screenshot):
    page.goto(live_server.url + "/")
    (block,) = json_ld(page)
    assert {node["@type"] for node in block["@graph"]} == {"WebSite", "Organization"}
    name = f"structured-data-home-{page.size_name}"
    screenshot(page, name)
    page.goto(live_server.url + featured.category.get_absolute_url())
    (block,) = json_ld(page)
    (trail,) = block["@graph"]
    assert trail["itemListElement"][-1]["name"] == page.locator("h1.page-title").inner_text()
    assert page.problems == []
    # The home-screen icon is served.
    icon = page.locator('link[rel="apple-touch-icon"]').get_attribute("href")
    assert page.request.get(live_server.url + icon).status == 200
