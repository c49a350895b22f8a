"""Response headers that Django 5.2 does not set by itself: the Content-Security-Policy and the
Permissions-Policy.

Three policies, from strictest to loosest:
- PUBLIC_POLICY, every public page: only our own static files, nothing inline.
- STAFF_POLICY, the admin: our own scripts only, nothing inline either; only style attributes (the
  statistics page's bars) are allowed, which can run nothing.
- EDITOR_POLICY, only where CKEditor 4 is on the page (the article form while its body can be edited,
  set by news.admin.ArticleAdmin) and its file browser: inline scripts and styles, still from our own
  origin only, because CKEditor 4 cannot work without them (below). docs/SECURITY.md says why each
  allowance is there.
The upload's answer to CKEditor's form (news.editor_uploads) carries its own policy: its one script
runs by a nonce.
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
        # Article bodies may show images from other https sites (the sanitizer keeps them).
        "img-src 'self' https: data:",
        "script-src 'self'",
        "style-src 'self'",
        # A style attribute can run nothing; the statistics page draws its bars with width: N%.
        "style-src-attr 'unsafe-inline'",
        "font-src 'self'",
        "connect-src 'self'",
        "frame-src 'none'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

EDITOR_POLICY = "; ".join(
    [
        "default-src 'self'",
        # blob: and data: are the previews of an image being pasted or uploaded, before it is stored.
        "img-src 'self' https: data: blob:",
        # 'unsafe-inline' must stay while CKEditor 4 is on the page: it writes its toolbar, menus and
        # dialogs as HTML strings with inline handlers (onclick="return CKEDITOR.tools.callFunction(12,
        # this)", onkeydown, onfocus…), numbered as it goes, so no hash can match them and a nonce
        # cannot apply to an attribute. Only our own origin's scripts load; the body it edits is
        # sanitized on save and again when shown.
        "script-src 'self' 'unsafe-inline'",
        # It also writes <style> into its editing frame and style="" into its UI (icons, panel sizes).
        "style-src 'self' 'unsafe-inline'",
        "font-src 'self'",
        "connect-src 'self'",
        # The upload tab posts its form into a frame of our own.
        "frame-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


def callback_policy(nonce):
    """The policy of the upload's answer to CKEditor's form, shown in a frame of the editor's page (the
    one page that may be framed, by our own): its one script, by its nonce, and nothing else."""
    return "; ".join(
        [
            "default-src 'none'",
            f"script-src 'nonce-{nonce}'",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors 'self'",
        ]
    )


def allow_editor(response):
    """Give a staff page that shows CKEditor the policy it needs (see EDITOR_POLICY)."""
    response.headers["Content-Security-Policy"] = EDITOR_POLICY
    return response


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
        if request.path.startswith("/ckeditor/"):
            # The editor's file browser (its page has inline scripts and styles) and the uploader,
            # whose answer to the form upload sets its own policy first.
            response.headers.setdefault("Content-Security-Policy", EDITOR_POLICY)
        elif is_staff_tool(request.path):
            response.headers.setdefault("Content-Security-Policy", STAFF_POLICY)
        else:
            response.headers.setdefault("Content-Security-Policy", PUBLIC_POLICY)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
