"""Login throttling with django-axes: whose address a login comes from, how much of a failed login is
kept, and the Vietnamese lockout page.

The limits themselves (5 failures, 15 minutes, per account and address) are in settings.py.
"""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import admin
from django.db.models import Q
from django.db.models.functions import Length, Right
from django.template.response import TemplateResponse

# How much of the failed logins' query strings and form data one attempt row keeps: the latest ones,
# about two attempts' worth (axes cuts each attempt's to 1,024 characters, then appends it).
ATTEMPT_DATA_CHARS = 2048


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


class BoundedAttemptHandler(AxesDatabaseHandler):
    """Axes' database handler, keeping at most ATTEMPT_DATA_CHARS of request data per attempt row.

    Axes appends every failure's GET and POST data to the account's row, without end: 1,000
    characters of junk per POST grew one row to 1.5 MB in 40 seconds. The row's count and times are
    what the lockout needs; of the data, the latest attempts are enough to see what was sent.
    """

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        super().user_login_failed(sender, credentials, request, **kwargs)
        if request is None:
            return
        # Only a row past the bound is written again: a login refused during a lockout writes nothing.
        AccessAttempt.objects.annotate(get_length=Length("get_data"), post_length=Length("post_data")).filter(
            Q(get_length__gt=ATTEMPT_DATA_CHARS) | Q(post_length__gt=ATTEMPT_DATA_CHARS),
            username=get_client_username(request, credentials),
            ip_address=request.axes_ip_address,
            user_agent=request.axes_user_agent,
        ).update(
            get_data=Right("get_data", ATTEMPT_DATA_CHARS), post_data=Right("post_data", ATTEMPT_DATA_CHARS)
        )
