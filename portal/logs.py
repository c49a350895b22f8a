"""How log lines are written: once each, as text or JSON lines, with the request's id.

- Django's default logging gives the "django" logger a console handler of its own (in debug), which
  also propagates to the root's: every line printed twice. settings.LOGGING gives "django" no handler of
  its own, so its records reach the root's one handler once.
- PORTAL_LOG_FORMAT=json writes one JSON object per line (time, level, logger, message, request_id,
  status, exception), for journald or a log shipper; the default is one line of text.
- A visitor's 4xx (a request for a host not in ALLOWED_HOSTS, a NUL byte in an admin address) is one
  short line without a traceback: scanners send them all day, and a traceback of Django's own code says
  nothing. 5xx keep theirs.
"""

import json
import logging
from datetime import UTC, datetime

from .request_id import current

LONGEST_CLIENT_ERROR = 300  # characters of a 4xx line: the address a scanner sent may be 5,000


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        # Django logs "Not Found: …" after the middleware has returned; those records carry the request.
        request = getattr(record, "request", None)
        record.request_id = current.get() or getattr(request, "id", "") or "-"
        return True


def _one_line(text):
    return text.encode("unicode_escape").decode("ascii") if not text.isprintable() else text


class ShortClientErrors(logging.Filter):
    """A 4xx from the django.request or django.security loggers: no traceback, one bounded line."""

    def filter(self, record):
        status = getattr(record, "status_code", None)
        if (
            status is not None
            and 400 <= status < 500
            and record.name.startswith(("django.request", "django.security"))
        ):
            message = _one_line(record.getMessage())
            if len(message) > LONGEST_CLIENT_ERROR:
                message = message[:LONGEST_CLIENT_ERROR] + "…"
            record.msg, record.args = message, None
            record.exc_info, record.exc_text, record.stack_info = None, None, None
        return True


class JsonLines(logging.Formatter):
    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", "-"),
        }
        if getattr(record, "status_code", None) is not None:
            entry["status"] = record.status_code
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)
