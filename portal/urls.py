from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

admin.site.site_header = f"Quản trị cổng tin {settings.PORTAL_WARD_NAME}"
admin.site.site_title = "Quản trị cổng tin"
admin.site.index_title = "Quản lý nội dung"

urlpatterns = [
    path(settings.PORTAL_ADMIN_PATH, admin.site.urls),
    path("ckeditor/", include("ckeditor_uploader.urls")),
    path("", include("news.urls")),
]

if settings.DEBUG:
    # Locally the development server serves uploads; in production the web server does.
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler500 = "news.views.server_error"
