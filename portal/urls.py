from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.static import serve

admin.site.site_header = f"Quản trị cổng tin {settings.PORTAL_WARD_NAME}"
admin.site.site_title = "Quản trị cổng tin"
admin.site.index_title = "Quản lý nội dung"


def serve_media(request, path):
    # MEDIA_ROOT is read per request so that each test's own media folder is served.
    return serve(request, path, document_root=settings.MEDIA_ROOT)


urlpatterns = [
    path(settings.PORTAL_ADMIN_PATH, admin.site.urls),
    path("ckeditor/", include("ckeditor_uploader.urls")),
    path("", include("news.urls")),
]

if settings.SERVE_MEDIA:
    urlpatterns.append(re_path(r"^media/(?P<path>.*)$", serve_media))

handler500 = "news.views.server_error"
