"""When a visit to an article counts as a view.

A view is a person reading the page: a GET from a browser that has not read this article in the last 30
minutes. Reloads, HEAD requests, link prefetches, crawlers and link-preview bots, and staff checking
their own work do not count. The browser's memory is a signed cookie, so counting an anonymous reader
writes no session row. This module decides; news.view_counter keeps the count (in the database, or
in Redis first) and applies the per-address limit.

Any counted content (an article, later a notice or a document) is remembered by its type and key,
"article12", so that notice 12 is not taken for article 12 already read.
"""

import functools
import re
import time

from django.conf import settings
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
    return _crawler_agent(request.META.get("HTTP_USER_AGENT", ""))


# Kept per User-Agent: residents' phones send a few hundred different ones, and the pattern's search
# was a tenth of a kept article page's time.
@functools.lru_cache(maxsize=1024)
def _crawler_agent(agent):
    return not agent.strip() or bool(CRAWLER_AGENTS.search(agent))


def visit_key(model, pk):
    """How the cookie names one counted item: its model's name and primary key, "article12"."""
    return f"{model._meta.model_name}{pk}"


_ENTRY = re.compile(r"([a-z]+[0-9]+)-([0-9]+)")


def read_seen(request, now):
    """The items this browser has read in the window, as {visit key: unix time}."""
    try:
        raw = request.get_signed_cookie(COOKIE_NAME, default="", salt=COOKIE_SALT, max_age=WINDOW_SECONDS)
    except signing.BadSignature:
        return {}
    seen = {}
    for entry in raw.split("."):
        match = _ENTRY.fullmatch(entry)
        if match and now - int(match.group(2)) < WINDOW_SECONDS:
            seen[match.group(1)] = int(match.group(2))
    return seen


def should_count(request, key, seen):
    if request.method != "GET" or is_prefetch(request) or is_crawler(request):
        return False
    # Before AuthenticationMiddleware (news.middleware) there is no user: a request without a session.
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.is_staff:
        return False
    return key not in seen


def decide(request, key):
    """Whether this visit to the item named key is a view; with the cookie value to remember it by.

    Returns (count, cookie value or None). The caller records the view (news.view_counter) and sets
    the cookie only if the view was counted.
    """
    now = int(time.time())
    seen = read_seen(request, now)
    if not should_count(request, key, seen):
        return False, None
    seen[key] = now
    recent = sorted(seen.items(), key=lambda entry: entry[1])[-MAX_REMEMBERED:]
    return True, ".".join(f"{name}-{stamp}" for name, stamp in recent)


def remember_visit(request, response, value):
    # What response.set_signed_cookie() writes, with its signer made once: making one (the signing
    # backend imported by name, its keys read) was a fifth of the cookie's cost on every counted view.
    response.set_cookie(
        COOKIE_NAME,
        _signer(settings.SECRET_KEY).sign(value),
        max_age=WINDOW_SECONDS,
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
    )


@functools.lru_cache(maxsize=4)
def _signer(secret):
    """The cookie's signer for this secret key (the argument: a new key gets a new signer)."""
    return signing.get_cookie_signer(salt=COOKIE_NAME + COOKIE_SALT)
