"""When a visit to an article counts as a view.

A view is a person reading the page: a GET from a browser that has not read this article in the last 30
minutes. Reloads, HEAD requests, link prefetches, crawlers and link-preview bots, and staff checking
their own work do not count. The browser's memory is a signed cookie, so counting an anonymous reader
writes no session row; the count itself is one atomic UPDATE (Article.count_view).
"""

import re
import time

from django.core import signing

COOKIE_NAME = "da_xem"
COOKIE_SALT = "news.counting.seen"
WINDOW_SECONDS = 30 * 60
# A reader rarely opens more than this many articles in half an hour; beyond it the oldest are forgotten.
MAX_REMEMBERED = 40

# Crawlers and the bots that fetch a page to draw a link card in Facebook, Zalo or a search engine.
# Zalo's in-app browser ("Zalo android/…") is a person reading and does count.
CRAWLER_AGENTS = re.compile(
    r"(?<!cu)bot\b|bot/|crawl|spider|slurp|facebookexternalhit|facebookcatalog|meta-externalagent"
    r"|coccoc|zalo(?:-|\s)?(?:bot|link|preview)|skypeuripreview|whatsapp|telegrambot"
    r"|embedly|preview|python-requests|curl/|wget/|httpclient|go-http-client"
    r"|python-urllib|scrapy|node-fetch|axios/|libwww-perl|java/|okhttp|google-inspectiontool|mediapartners"
    # Scrapers and uptime monitors drive headless Chrome, which names itself; residents' browsers never do.
    r"|headlesschrome",
    re.IGNORECASE,
)
PREFETCH_HEADERS = ("HTTP_SEC_PURPOSE", "HTTP_PURPOSE", "HTTP_X_PURPOSE", "HTTP_X_MOZ")


def is_prefetch(request):
    return any(
        "prefetch" in request.META.get(h, "").lower() or "preview" in request.META.get(h, "").lower()
        for h in PREFETCH_HEADERS
    )


def is_crawler(request):
    agent = request.META.get("HTTP_USER_AGENT", "")
    return not agent.strip() or bool(CRAWLER_AGENTS.search(agent))


def read_seen(request, now):
    """The articles this browser has read in the window, as {article id: unix time}."""
    try:
        raw = request.get_signed_cookie(COOKIE_NAME, default="", salt=COOKIE_SALT, max_age=WINDOW_SECONDS)
    except signing.BadSignature:
        return {}
    seen = {}
    for entry in raw.split("."):
        pk, _, stamp = entry.partition("-")
        if pk.isdigit() and stamp.isdigit() and now - int(stamp) < WINDOW_SECONDS:
            seen[int(pk)] = int(stamp)
    return seen


def should_count(request, article, seen):
    if request.method != "GET" or is_prefetch(request) or is_crawler(request):
        return False
    if request.user.is_authenticated and request.user.is_staff:
        return False
    return article.pk not in seen


def count_visit(request, article):
    """Count this visit if it is a real view; return the cookie value to remember it by, or None."""
    now = int(time.time())
    seen = read_seen(request, now)
    if not should_count(request, article, seen):
        return None
    article.count_view()
    seen[article.pk] = now
    recent = sorted(seen.items(), key=lambda item: item[1])[-MAX_REMEMBERED:]
    return ".".join(f"{pk}-{stamp}" for pk, stamp in recent)


def remember_visit(request, response, value):
    response.set_signed_cookie(
        COOKIE_NAME,
        value,
        salt=COOKIE_SALT,
        max_age=WINDOW_SECONDS,
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
    )
