"""The staff admin: titled for the ward, its front page opening with what waits for review and the
link to the view statistics."""

from django.conf import settings
from django.contrib import admin
from django.urls import path, reverse


class PortalAdminSite(admin.AdminSite):
    site_header = f"Quản trị cổng tin {settings.PORTAL_WARD_NAME}"
    site_title = "Quản trị cổng tin"
    index_title = "Quản lý nội dung"
    # Two models need no sidebar; the article list needs the width for its columns.
    enable_nav_sidebar = False

    def index(self, request, extra_context=None):
        # Imported here: the admin modules register their models with this very site while it starts.
        from news.admin_statistics import may_view_statistics
        from publishing.admin import review_queue

        queue = review_queue(request, self)
        statistics = reverse("admin:view_statistics") if may_view_statistics(request.user) else None
        context = {"review_queue": queue, "statistics_url": statistics, **(extra_context or {})}
        return super().index(request, context)

    def get_urls(self):
        from news import admin_statistics

        def view(function):
            return self.admin_view(lambda request: function(request, self))

        return [
            path(
                "thong-ke-luot-xem/",
                view(admin_statistics.statistics_view),
                name="view_statistics",
            ),
            path(
                "thong-ke-luot-xem/excel/",
                view(admin_statistics.statistics_export_view),
                name="view_statistics_export",
            ),
            *super().get_urls(),
        ]
