"""Files are served by a view that keeps them from running in the site's origin, and counted."""

from urllib.parse import quote

from django.test import Client

from documents.models import Document, DocumentFile
from tests.conftest import BROWSER_AGENT

from . import samples


def test_a_pdf_is_shown_inline_in_a_sandbox(reader, make_document, attach):
    row = attach(make_document(), name="Nghị quyết 07.pdf")
    response = reader.get(row.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Security-Policy"] == "sandbox"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("inline")
    assert f"filename*=utf-8''{quote('Nghị quyết 07.pdf')}" in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_office_files_are_downloaded_under_their_vietnamese_name(reader, make_document, attach):
    row = attach(make_document(), samples.docx_bytes(), name="Kế hoạch tháng 5.docx")
    response = reader.get(row.get_absolute_url())
    assert response["Content-Disposition"].startswith("attachment")
    assert quote("Kế hoạch tháng 5.docx") in response["Content-Disposition"]
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_file_renamed_gets_the_extension_of_what_it_is(reader, make_document, attach):
    row = attach(make_document(), samples.pdf_bytes(), name="bao-cao.docx")
    assert row.original_name == "bao-cao.docx.pdf"
    assert row.kind == "pdf"


def test_stored_names_are_random_and_outside_media(make_document, attach, documents_root, settings):
    row = attach(make_document(), name="nghi-quyet.pdf")
    assert "nghi-quyet" not in row.file.name
    assert len(row.file.name.rsplit("/", 1)[1]) == 32 + len(".pdf")
    assert (documents_root / row.file.name).exists()
    assert not list(settings.MEDIA_ROOT.glob("**/*.pdf")) if settings.MEDIA_ROOT.exists() else True


def test_an_unpublished_documents_files_are_not_found_for_residents(reader, make_document, attach):
    row = attach(make_document(status=Document.Status.DRAFT))
    assert reader.get(row.get_absolute_url()).status_code == 404


def test_a_file_under_another_documents_address_is_not_found(reader, make_document, attach):
    row = attach(make_document())
    other = make_document()
    assert reader.get(f"/van-ban/{other.slug}/tep/{row.pk}/").status_code == 404


def test_downloads_are_counted_once_per_reader_and_not_for_head_or_staff(
    reader, make_document, attach, django_user_model
):
    row = attach(make_document())
    url = row.get_absolute_url()
    reader.get(url)
    reader.get(url)  # the same browser, within the half hour
    Client(HTTP_USER_AGENT=BROWSER_AGENT).head(url)
    Client(HTTP_USER_AGENT="Zalo-Link-Preview/1.0").get(url)
    staff = Client(HTTP_USER_AGENT=BROWSER_AGENT)
    staff.force_login(django_user_model.objects.create_user("vanthu", is_staff=True))
    staff.get(url)
    assert DocumentFile.objects.get(pk=row.pk).downloads == 1
    Client(HTTP_USER_AGENT=BROWSER_AGENT).get(url)  # another resident
    assert DocumentFile.objects.get(pk=row.pk).downloads == 2


def test_raw_media_never_serves_a_document(reader, make_document, attach):
    row = attach(make_document())
    assert reader.get(f"/media/{row.file.name}").status_code == 404
