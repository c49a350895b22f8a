"""The staff admin: titled for the ward, its front page opening with what waits for review."""

from django.conf import settings
from django.contrib import admin


class PortalAdminSite(admin.AdminSite):
    site_header = f"Quản trị cổng tin {settings.PORTAL_WARD_NAME}"
    site_title = "Quản trị cổng tin"
    index_title = "Quản lý nội dung"
    # Two models need no sidebar; the article list needs the width for its columns.
    enable_nav_sidebar = False

    def index(self, request, extra_context=None):
        # Imported here: the admin modules register their models with this very site while it starts.
        from publishing.admin import review_queue

        queue = review_queue(request, self)
        return super().index(request, {"review_queue": queue, **(extra_context or {})})
