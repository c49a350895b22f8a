"""The article body's editor on the staff side: CKEditor with Vietnamese labels, compared as stored.

CKEditor sends the body as it holds it, with its own entities ("v&agrave;") and line breaks; what is
stored is the sanitized, NFC markup (news.sanitize). Compared as sent, an untouched body always looked
changed, and every "Lưu" wrote "Đã thay đổi Nội dung." in the article's history.
"""

import re

from ckeditor_uploader.fields import RichTextUploadingFormField
from ckeditor_uploader.widgets import CKEditorUploadingWidget
from django.forms.widgets import Media

from .sanitize import sanitize_body

# Spacing around block tags is CKEditor's layout of its source ("</p>\n\n<p>"), not what readers see.
_BLOCK_SPACING = re.compile(
    r"\s*(</?(?:p|br|h2|h3|h4|ul|ol|li|blockquote|figure|figcaption|table|thead|tbody|tfoot|tr|th|td"
    r"|caption|hr)\b[^>]*>)\s*"
)


def comparable_body(html):
    """The body as stored, without the spacing between blocks: equal for a body staff did not touch."""
    return _BLOCK_SPACING.sub(r"\1", sanitize_body(html or ""))


class ArticleBodyWidget(CKEditorUploadingWidget):
    """django-ckeditor's widget, plus the labels its Vietnamese leaves in English (js/editor-vi.js)."""

    @property
    def media(self):
        # In the same list as ckeditor.js, after it: Django merges the page's media lists and keeps
        # only the order within each, and the labels need CKEDITOR defined.
        media = super().media
        return Media(css=media._css, js=[*media._js, "js/editor-vi.js"])


class ArticleBodyField(RichTextUploadingFormField):
    """The body, changed only when its sanitized form is.

    Only has_changed compares sanitized bodies: the cleaned value stays as sent, because the admin
    counts the images staff put in before the save sanitizes, to tell them which were dropped.
    """

    widget = ArticleBodyWidget

    def has_changed(self, initial, data):
        if self.disabled:
            return False
        return comparable_body(initial) != comparable_body(self.to_python(data))
