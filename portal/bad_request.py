"""The 400 page, and the one staff see when the form they sent was too big to read.

A body with photos pasted straight from Word carries every photo's bytes in its text (data: addresses);
a few phone photos pass DATA_UPLOAD_MAX_MEMORY_SIZE and Django refuses the whole request. Its 400 page
speaks of a wrong address; staff need to know that nothing was saved, why, and what to do instead.
"""

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import RequestDataTooBig
from django.template.response import TemplateResponse
from django.views import defaults

from .security import is_staff_tool


def bad_request(request, exception):
    if not (isinstance(exception, RequestDataTooBig) and is_staff_tool(request.path)):
        return defaults.bad_request(request, exception)
    context = {
        **admin.site.each_context(request),
        "title": "Chưa lưu được",
        "limit_mb": settings.DATA_UPLOAD_MAX_MEMORY_SIZE // (1024 * 1024),
    }
    return TemplateResponse(request, "admin/request_too_big.html", context, status=413).render()
