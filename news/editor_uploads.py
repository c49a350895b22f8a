"""CKEditor's image uploader, for staff only, with every upload verified and re-encoded by news.images.

django-ckeditor's own view stores the file as sent (EXIF and GPS included) under a name derived from the
original one. This one decodes it in full, turns it upright, drops its metadata, bounds it to 2000 px and
stores it as uploads/YYYY/MM/<random>.jpg, with a <random>_thumb.jpg beside it for the server browser.
A refused file is answered in the form CKEditor expects, with our Vietnamese message, and nothing is kept.
"""

import re
import secrets
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.html import escapejs
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from portal.security import callback_policy

from .images import MESSAGE_NOT_IMAGE, process_photo

# Whoever may add photos to an article may put images in its body (both staff groups may).
UPLOAD_PERMISSION = "news.add_articlephoto"
MESSAGE_NO_FILE = "Chưa chọn tệp ảnh nào để tải lên."
MESSAGE_FOREIGN_ORIGIN = (
    "Không tải ảnh lên được: yêu cầu không đến từ trang soạn bài của cổng tin. Xin mở lại trang quản trị"
    " từ địa chỉ của cổng tin rồi thử lại."
)
MESSAGE_NOT_ALLOWED = "Tài khoản này không được phép tải ảnh lên. Xin nhờ quản trị viên cấp quyền."


def _folder():
    today = timezone.localdate()
    return f"{settings.CKEDITOR_UPLOAD_PATH.strip('/')}/{today:%Y/%m}"


def store_editor_image(upload):
    """Verify and re-encode an upload; store it with its thumbnail and return the stored name."""
    renditions = process_photo(upload)
    display, thumb = renditions.display, renditions.thumbnail
    stem, dot, extension = display.name.rpartition(".")
    folder = _folder()
    name = default_storage.save(f"{folder}/{display.name}", display)
    # CKEditor's server browser looks for <name>_thumb.<ext> beside each image.
    default_storage.save(f"{folder}/{stem}_thumb{dot}{extension}", thumb)
    return name


def _answer(request, url="", message=""):
    """Answer the way the request asked: JSON for the XHR and paste uploads, a script for the form one."""
    func_num = request.GET.get("CKEditorFuncNum", "")
    if request.GET.get("responseType") == "json" or not re.fullmatch(r"\d+", func_num):
        if message:
            return JsonResponse({"uploaded": 0, "error": {"message": message}})
        return JsonResponse({"uploaded": 1, "url": url, "fileName": url.rpartition("/")[2]})
    # The form upload posts into a hidden frame; its answer calls back into the editor's page. That one
    # script runs by its nonce (portal.security.callback_policy), and only this frame may be framed.
    call = f"{func_num}, '{escapejs(url)}', '{escapejs(message)}'"
    nonce = secrets.token_urlsafe(16)
    response = HttpResponse(
        f'<!doctype html><script nonce="{nonce}">window.parent.CKEDITOR.tools.callFunction({call});</script>',
        content_type="text/html; charset=utf-8",
    )
    response.headers["Content-Security-Policy"] = callback_policy(nonce)
    response.headers["X-Frame-Options"] = "SAMEORIGIN"
    return response


def _origin_of(address):
    parts = urlsplit(address)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else "null"


def from_our_pages(request):
    """Whether the browser says this request was sent by one of our own pages.

    Browsers since 2020 say so in Sec-Fetch-Site. Older ones send no Sec-Fetch-Site, but do send Origin
    with a POST (or at least a Referer): when present it must be this site, or an origin declared in
    DJANGO_CSRF_TRUSTED_ORIGINS (the public address, behind a proxy). With neither header there is
    nothing to check, and the SameSite=Lax session cookie still keeps other sites out.
    """
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site in {"same-origin", "none"}
    origin = request.headers.get("Origin")
    if origin is None and request.headers.get("Referer"):
        origin = _origin_of(request.headers["Referer"])
    if origin is None:
        return True
    return origin in {f"{request.scheme}://{request.get_host()}", *settings.CSRF_TRUSTED_ORIGINS}


def _refused(request, message):
    # 403 as well as the reason: the form upload's frame shows the message; the dialog's and a paste's
    # XHR show CKEditor's line for a 403, which js/editor-vi.js words to the same effect.
    response = _answer(request, message=message)
    response.status_code = 403
    return response


@require_POST
def upload(request):
    # CKEditor 4 cannot send Django's CSRF token, so the view is exempt (as django-ckeditor's is). The
    # session cookie is SameSite=Lax, so another site cannot post here as a logged-in staff member, and
    # browsers say where a request came from: anything but our own pages is refused.
    if not from_our_pages(request):
        return _refused(request, MESSAGE_FOREIGN_ORIGIN)
    if not request.user.has_perm(UPLOAD_PERMISSION):
        return _refused(request, MESSAGE_NOT_ALLOWED)
    upload = request.FILES.get("upload")
    if upload is None:
        return _answer(request, message=MESSAGE_NO_FILE)
    try:
        name = store_editor_image(upload)
    except ValidationError as error:
        return _answer(request, message=" ".join(error.messages) or MESSAGE_NOT_IMAGE)
    return _answer(request, url=default_storage.url(name))


upload_view = csrf_exempt(staff_member_required(upload))
