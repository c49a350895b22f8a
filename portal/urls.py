from ckeditor_uploader import views as ckeditor_views
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.views.decorators import staff_member_required
from django.http import Http404
from django.urls import include, path, re_path
from django.utils.cache import patch_cache_control
from django.views.decorators.cache import never_cache
from django.views.static import serve

from news import editor_uploads

# A photo's files have random names, and a changed photo gets a new name: what is at an address never
# changes, so browsers may keep it (docs/DEPLOY.md gives nginx the same rule for production).
PHOTO_LIFETIME = 365 * 24 * 60 * 60


def serve_media(request, path):
    # MEDIA_ROOT is read per request so that each test's own media folder is served.
    try:
        response = serve(request, path, document_root=settings.MEDIA_ROOT)
    except OSError:
        # A name the file system refuses to look up (longer than 255 bytes): there is no such file.
        raise Http404("Không có tệp này.") from None
    if path.startswith("photos/"):
        patch_cache_control(response, public=True, max_age=PHOTO_LIFETIME, immutable=True)
    return response


urlpatterns = [
    path(settings.PORTAL_ADMIN_PATH, admin.site.urls),
    # django-ckeditor's URL names, so its widget finds them, but our uploader (news.editor_uploads).
    # No $: CKEditor's paste upload appends "&responseType=json" to the path itself.
    re_path(r"^ckeditor/upload/", editor_uploads.upload_view, name="ckeditor_upload"),
    re_path(
        r"^ckeditor/browse/",
        never_cache(staff_member_required(ckeditor_views.browse)),
        name="ckeditor_browse",
    ),
    path("", include("ward.urls")),
    path("", include("questions.urls")),
    path("thong-bao/", include("notices.urls")),
    path("", include("documents.urls")),
    path("", include("news.urls")),
    path("", include("pages.urls")),
    path("", include("schedule.urls")),
]

if settings.SERVE_MEDIA:
    urlpatterns.append(re_path(r"^media/(?P<path>.*)$", serve_media, name="media"))

handler400 = "portal.bad_request.bad_request"
handler404 = "news.views.not_found"
handler500 = "news.views.server_error"
