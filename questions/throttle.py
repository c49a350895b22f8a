"""How often one address may send the question form, and one phone or email have questions stored.

Counted in Django's cache (Redis in production, shared by every worker; the per-process memory cache
without Redis), in fixed windows of PORTAL_QUESTION_LIMIT_WINDOW seconds. The address counts every form
it sends, whatever the form holds, so a flood of junk costs one cache round trip a post; the contact
(a phone or an email) counts the valid questions sent for it, so one person cannot fill the queue from
many addresses. Each is one increment that also answers, so concurrent posts cannot slip past a limit.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache

from portal.login_throttle import client_ip


def _key(kind, value):
    # Hashed: the cache is no place to keep residents' phone numbers and emails in the clear.
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{value}".encode()).hexdigest()[:32]
    return f"questions:limit:{kind}:{digest}"


def _count(key):
    """Add one to the window's count under key and return it."""
    window = settings.PORTAL_QUESTION_LIMIT_WINDOW
    cache.add(key, 0, window)
    try:
        return cache.incr(key)
    except ValueError:
        # The window ended between add and incr.
        cache.set(key, 1, window)
        return 1


def address_of(request):
    # The same address login throttling uses (PORTAL_PROXY_COUNT decides whom to believe).
    return client_ip(request) or "unknown"


def address_allows(request):
    """Count this form from its address; False once the address is past its limit for the window."""
    return _count(_key("address", address_of(request))) <= settings.PORTAL_QUESTION_LIMIT_PER_ADDRESS


def contact_allows(key):
    """Count a question for this contact (a phone or an email); False once past its limit."""
    return _count(_key("contact", key)) <= settings.PORTAL_QUESTION_LIMIT_PER_CONTACT


def minutes_left():
    """What the refusal tells a resident to wait, at most: the window, in minutes."""
    return max(1, settings.PORTAL_QUESTION_LIMIT_WINDOW // 60)
