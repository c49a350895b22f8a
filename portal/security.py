"""Response headers that Django 5.2 does not set by itself: the Content-Security-Policy and the
Permissions-Policy.

The public pages run only our own static files, so their policy is strict. The staff tools (the admin
and django-ckeditor) run CKEditor 4, which injects inline scripts and styles and posts uploads into a
same-origin frame; they get a looser policy, still limited to our own origin. See docs/SECURITY.md.
"""

from django.conf import settings

PUBLIC_POLICY = "; ".join(
    [
        "default-src 'self'",
        "img-src 'self' https: data:",
        "script-src 'self'",
        "style-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

STAFF_POLICY = "; ".join(
    [
        "default-src 'self'",
        "img-src 'self' https: data: blob:",
        "script-src 'self' 'unsafe-inline'",
        "style-src 'self' 'unsafe-inline'",
        "font-src 'self' data:",
        "connect-src 'self'",
        "frame-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
    ]
)


# No page of the portal needs a camera, microphone, location, payment or USB: should a script ever get
# in, it is refused them. Web Share stays allowed: the article page's "Chia sẻ khác…" button uses it.
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"


def is_staff_tool(path):
    return path.startswith(("/" + settings.PORTAL_ADMIN_PATH, "/ckeditor/"))


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_staff_tool(request.path):
            response.headers.setdefault("Content-Security-Policy", STAFF_POLICY)
            # CKEditor 4's upload tab posts into a hidden frame of the admin page itself.
            response.headers["X-Frame-Options"] = "SAMEORIGIN"
        else:
            response.headers.setdefault("Content-Security-Policy", PUBLIC_POLICY)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
