"""The page for a form sent without a valid CSRF token, in Vietnamese and in the admin's look.

Staff meet it when they save a form from a tab opened before they logged in again elsewhere, or with
cookies blocked. Django's own page is in English and speaks of cookies and hijacking; ward staff need
to know that nothing was saved and what to do.
"""

from django.contrib import admin
from django.template.response import TemplateResponse


def csrf_failure(request, reason=""):
    context = {**admin.site.each_context(request), "title": "Chưa lưu được"}
    return TemplateResponse(request, "admin/csrf_failure.html", context, status=403).render()
