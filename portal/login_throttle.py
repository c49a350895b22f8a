"""Login throttling with django-axes: whose address a login comes from, and the Vietnamese lockout page.

The limits themselves (5 failures, 15 minutes, per account and address) are in settings.py.
"""

from django.conf import settings
from django.contrib import admin
from django.template.response import TemplateResponse


def client_ip(request):
    """The address a login came from.

    With PORTAL_PROXY_COUNT proxies in front of Django, each appends the address it received the request
    from to X-Forwarded-For, so the client is that many entries from the right; anything further left was
    written by the client and may be forged.
    """
    count = settings.PORTAL_PROXY_COUNT
    if count:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= count:
            return forwarded[-count]
    return request.META.get("REMOTE_ADDR")


def lockout_response(request, original_response=None, credentials=None):
    """The page shown instead of the login form while an account is locked out from this address."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    context = {
        **admin.site.each_context(request),
        "title": "Tạm khóa đăng nhập",
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "cooloff_minutes": minutes,
    }
    return TemplateResponse(
        request, "admin/locked_out.html", context, status=settings.AXES_HTTP_RESPONSE_CODE
    ).render()
