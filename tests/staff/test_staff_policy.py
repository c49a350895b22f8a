"""The admin's Content-Security-Policy: inline scripts only where CKEditor 4 is on the page.

CKEditor 4 cannot run without 'unsafe-inline' (portal/security.py says why). Every other staff page,
the read-only view of a published article among them, allows our own scripts only, so markup that
reached a body some other way cannot run there either.
"""

import re

from django.urls import reverse

from .files import image_bytes, upload


def script_sources(response):
    policy = response["Content-Security-Policy"]
    return re.search(r"script-src ([^;]*)", policy).group(1).split()


def test_staff_pages_without_the_editor_allow_no_inline_script(client, editor_client, make_article):
    published = make_article()
    pages = [
        editor_client.get(reverse("admin:index")),
        editor_client.get(reverse("admin:news_article_changelist")),
        # An editor may not change a published article: the body is shown as HTML, not edited.
        editor_client.get(reverse("admin:news_article_change", args=[published.pk])),
        editor_client.get(reverse("admin:news_article_history", args=[published.pk])),
    ]
    client.logout()
    pages.append(client.get(reverse("admin:login")))
    for response in pages:
        assert response.status_code == 200, response.wsgi_request.path
        assert script_sources(response) == ["'self'"], response.wsgi_request.path
        assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
        assert response["X-Frame-Options"] == "DENY"


def test_the_form_with_the_editor_allows_what_ckeditor_needs_and_no_more(editor_client, make_article):
    draft = make_article(status="draft")
    for address in (reverse("admin:news_article_add"), reverse("admin:news_article_change", args=[draft.pk])):
        response = editor_client.get(address)
        assert "ckeditor/ckeditor/ckeditor.js" in response.content.decode()
        policy = response["Content-Security-Policy"]
        assert script_sources(response) == ["'self'", "'unsafe-inline'"]
        for directive in (
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ):
            assert directive in policy


def test_the_form_uploads_answer_runs_its_one_script_by_nonce(editor_client):
    url = "/ckeditor/upload/?CKEditor=id_body&CKEditorFuncNum=7&langCode=vi"
    response = editor_client.post(url, {"upload": upload("anh.jpg", image_bytes())})
    nonce = re.search(r'<script nonce="([^"]+)">', response.content.decode()).group(1)
    assert script_sources(response) == [f"'nonce-{nonce}'"]
    assert "default-src 'none'" in response["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "SAMEORIGIN"
