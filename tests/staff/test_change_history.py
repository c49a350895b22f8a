"""An article's history says what staff changed: pressing "Lưu" on an untouched form changes nothing.

CKEditor sends the body with its own entities and spacing, and a browser sends NFC text and CRLF line
breaks; compared with what is stored, every save read "Đã thay đổi Nội dung." in the history.
"""

import json
import unicodedata
from datetime import UTC, datetime

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse

from news.editor import comparable_body
from news.models import Article

from .posting import article_form

STORED_BODY = "<p>Đoạn một và hai.</p><p>Hội nghị Đảng ủy phường.</p><ul><li>Ý một</li></ul>"
# The same body as CKEditor 4 sends it back untouched (its default entities, its source layout).
AS_CKEDITOR_SENDS = (
    "<p>Đoạn một v&agrave; hai.</p>\r\n\r\n<p>H&ocirc;̣i nghị Đảng ủy ph&#432;&#7901;ng.</p>\r\n\r\n"
    "<ul>\r\n\t<li>&Yacute; một</li>\r\n</ul>\r\n"
)


@pytest.fixture
def draft(make_article):
    return make_article(
        title="Hội nghị sơ kết",
        summary="Tóm tắt hội nghị.\nDòng hai.",
        body=STORED_BODY,
        status=Article.Status.DRAFT,
        published_at=datetime(2026, 11, 25, 1, 30, tzinfo=UTC),
    )


def save(client, article, **fields):
    stored = {"title": article.title, "slug": article.slug, "summary": article.summary, "body": article.body}
    data = article_form(published_at=article.published_at, **(stored | fields))
    # The time has a callable default, so the form carries its initial value in hidden inputs too.
    data |= {f"initial-{name}": data[name] for name in ("published_at_0", "published_at_1")}
    response = client.post(reverse("admin:news_article_change", args=[article.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    entry = LogEntry.objects.filter(object_id=str(article.pk)).latest("action_time")
    changed = [part["changed"]["fields"] for part in json.loads(entry.change_message) if "changed" in part]
    return [field for fields in changed for field in fields]


def test_an_untouched_body_sent_with_ckeditors_entities_is_no_change(editor_client, draft):
    assert save(editor_client, draft, body=AS_CKEDITOR_SENDS) == []
    draft.refresh_from_db()
    assert comparable_body(draft.body) == STORED_BODY


def test_a_real_change_to_the_body_is_recorded(editor_client, draft):
    body = AS_CKEDITOR_SENDS.replace("hai.", "ba.")
    assert save(editor_client, draft, body=body) == ["Nội dung"]
    draft.refresh_from_db()
    assert "Đoạn một và ba." in draft.body


def test_a_change_of_spacing_inside_a_paragraph_is_still_a_change(editor_client, draft):
    assert save(editor_client, draft, body=STORED_BODY.replace("và hai", "vàhai")) == ["Nội dung"]


def test_title_and_summary_sent_in_nfd_with_crlf_breaks_are_no_change(editor_client, draft):
    fields = {
        "title": unicodedata.normalize("NFD", draft.title),
        "summary": unicodedata.normalize("NFD", draft.summary).replace("\n", "\r\n"),
    }
    assert save(editor_client, draft, **fields) == []


def test_title_and_summary_stored_unnormalised_by_an_import_are_no_change(editor_client, draft):
    """A row written with update() (an import, the shell) holds NFD; the form sends NFC."""
    Article.objects.filter(pk=draft.pk).update(
        title=unicodedata.normalize("NFD", draft.title), summary=unicodedata.normalize("NFD", draft.summary)
    )
    assert save(editor_client, draft) == []


def test_a_real_change_to_the_title_or_summary_is_recorded(editor_client, draft):
    assert save(editor_client, draft, title="Hội nghị tổng kết", summary="Tóm tắt khác.") == [
        "Tiêu đề",
        "Tóm tắt (sapo)",
    ]
