"""Staff add documents with their files in the admin; a refused file saves nothing and says why."""

from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from documents.models import Document, DocumentFile, DocumentType
from tests.staff.people import EDITORS, make_staff

from . import samples

ADD = "/quan-tri/documents/document/add/"


def document_form(issuer, files=(), **fields):
    now = timezone.localtime()
    data = {
        "number": "07-NQ/QU",
        "doc_type": DocumentType.objects.get_or_create(name="Nghị quyết")[0].pk,
        "issuer": issuer.pk,
        "field": "",
        "signer": "Nguyễn Văn Bình",
        "issued_on": "26/04/2021",
        "effective_on": "",
        "summary": "Về phát triển kinh tế số",
        "status": Document.Status.DRAFT,
        "published_at_0": now.strftime("%d/%m/%Y"),
        "published_at_1": now.strftime("%H:%M:%S"),
        "slug": "",
        "body": "",
        "files-TOTAL_FORMS": str(len(files)),
        "files-INITIAL_FORMS": "0",
        "files-MIN_NUM_FORMS": "0",
        "files-MAX_NUM_FORMS": "1000",
    }
    for index, upload in enumerate(files):
        data[f"files-{index}-file"] = upload
        data[f"files-{index}-order"] = str(index)
    data.update(fields)
    return data


def test_an_editor_adds_a_draft_document_with_its_files(client, issuer):
    client.force_login(make_staff("van-thu", EDITORS))
    files = [
        SimpleUploadedFile("Nghị quyết 07.pdf", samples.pdf_bytes()),
        SimpleUploadedFile("Phụ lục.xlsx", samples.xlsx_bytes()),
    ]
    response = client.post(ADD, document_form(issuer, files))
    assert response.status_code == 302, response.content.decode()[:3000]
    document = Document.objects.get()
    assert document.issued_on == date(2021, 4, 26)
    assert document.status == Document.Status.DRAFT
    assert sorted(DocumentFile.objects.values_list("original_name", "kind")) == [
        ("Nghị quyết 07.pdf", "pdf"),
        ("Phụ lục.xlsx", "xlsx"),
    ]


def test_a_refused_file_saves_nothing_and_says_why(client, issuer, documents_root):
    client.force_login(make_staff("van-thu", EDITORS))
    files = [
        SimpleUploadedFile("Nghị quyết 07.pdf", samples.pdf_bytes()),
        SimpleUploadedFile("Kế hoạch.docx", samples.docx_with_vba_bytes()),
    ]
    response = client.post(ADD, document_form(issuer, files))
    assert response.status_code == 200
    assert "có chứa macro nên không được đăng" in response.content.decode()
    assert not Document.objects.exists() and not DocumentFile.objects.exists()
    assert not documents_root.exists() or not any(p.is_file() for p in documents_root.rglob("*"))


def test_an_effective_date_before_the_issue_date_is_refused(client, issuer):
    client.force_login(make_staff("van-thu", EDITORS))
    response = client.post(ADD, document_form(issuer, effective_on="01/01/2020"))
    assert "Ngày hiệu lực không thể trước ngày ban hành." in response.content.decode()
    assert not Document.objects.exists()


def test_an_editor_cannot_publish_a_document(client, issuer):
    client.force_login(make_staff("van-thu", EDITORS))
    response = client.post(ADD, document_form(issuer, status=Document.Status.PUBLISHED))
    assert response.status_code == 200
    assert not Document.objects.exists()


def test_staff_search_finds_a_number_however_typed(admin_client, make_document):
    make_document("07-NQ/QU")
    make_document("12-HD/BTCTW", doc_type="Hướng dẫn")
    page = admin_client.get("/quan-tri/documents/document/", {"q": "7 nq qu"}).content.decode()
    assert "07-NQ/QU" in page and "12-HD/BTCTW" not in page


def test_each_save_keeps_a_version_with_the_files(client, issuer):
    from reversion.models import Version

    from tests.staff.people import APPROVERS

    client.force_login(make_staff("duyet", APPROVERS))
    files = [SimpleUploadedFile("Nghị quyết 07.pdf", samples.pdf_bytes())]
    assert client.post(ADD, document_form(issuer, files)).status_code == 302
    document = Document.objects.get()
    versions = Version.objects.get_for_object(document)
    assert versions.count() == 1
    followed = Version.objects.filter(revision=versions[0].revision).exclude(pk=versions[0].pk)
    assert [v.object_repr for v in followed] == ["Nghị quyết 07.pdf"]
    assert client.get(f"/quan-tri/documents/document/{document.pk}/history/").status_code == 200
