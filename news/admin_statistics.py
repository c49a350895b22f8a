"""The admin's "Thống kê lượt xem" page and its Excel download (portal.admin_site routes them).

Staff with news.view_statistics (the approvers' group, and superusers) see them; the admin's own login
and staff check come first (AdminSite.admin_view). A range that cannot be read is a 400 with the form and
its Vietnamese message, never a 500.
"""

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils import timezone

from .statistics import MAX_DAYS, TOP_ARTICLES, DateRangeForm, figures
from .statistics_export import xlsx_response

PERMISSION = "news.view_statistics"
TITLE = "Thống kê lượt xem"


def may_view_statistics(user):
    return user.is_active and user.is_staff and user.has_perm(PERMISSION)


def _page(request, admin_site, form, stats, status=200):
    context = {
        **admin_site.each_context(request),
        "title": TITLE,
        "form": form,
        "stats": stats,
        "max_days": MAX_DAYS,
        "top_articles": TOP_ARTICLES,
        "now": timezone.localtime(),
    }
    return TemplateResponse(request, "news/admin/statistics.html", context, status=status)


def _range_form(request):
    if not may_view_statistics(request.user):
        raise PermissionDenied
    form = DateRangeForm(request.GET)
    return form, form.is_bound and not form.is_valid()


def statistics_view(request, admin_site):
    form, refused = _range_form(request)
    if refused:
        return _page(request, admin_site, form, None, status=400)
    return _page(request, admin_site, form, figures(*form.date_range()))


def statistics_export_view(request, admin_site):
    form, refused = _range_form(request)
    if refused:
        return _page(request, admin_site, form, None, status=400)
    # The spreadsheet lists every article viewed in the range, not only the page's top ones.
    return xlsx_response(figures(*form.date_range(), top=None))
