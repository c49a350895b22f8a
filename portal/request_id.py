"""One id per request, for finding a request's log lines: from the proxy's X-Request-ID, else made here.

nginx sets X-Request-ID to its $request_id (docs/DEPLOY.md), so its access log and ours share the id.
A value is used only when it is sane (1-128 letters, digits and -_.:), so a visitor cannot write line
breaks or a megabyte into the log through it; otherwise a new id is made. The id is echoed in the
response's X-Request-ID, where a resident reporting an error can read it to staff.
"""

import contextvars
import re
import uuid

HEADER = "X-Request-ID"
# Read from META as WSGI names it: request.headers parses every header of the request into a new
# mapping the first time it is read, a tenth of the time of a kept article page.
META_KEY = "HTTP_" + HEADER.upper().replace("-", "_")
SANE = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
current = contextvars.ContextVar("request_id", default="")


def chosen(request):
    offered = request.META.get(META_KEY, "")
    return offered if SANE.match(offered) else uuid.uuid4().hex


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.id = chosen(request)
        token = current.set(request.id)
        try:
            response = self.get_response(request)
        finally:
            current.reset(token)
        response[HEADER] = request.id
        return response
