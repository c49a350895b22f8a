"""Documents made the way staff make them, with files of their own folder per test."""

import itertools
from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from documents.models import Document, DocumentFile, DocumentType, IssuingBody

from .samples import pdf_bytes

_serial = itertools.count(1)


@pytest.fixture(autouse=True)
def documents_root(settings, tmp_path):
    settings.PORTAL_DOCUMENTS_ROOT = tmp_path / "documents"
    return settings.PORTAL_DOCUMENTS_ROOT


def document_type(name):
    # get_or_create: a browser test's flush empties the table its migration filled.
    return DocumentType.objects.get_or_create(name=name)[0]


@pytest.fixture
def issuer(db):
    return IssuingBody.objects.create(name="Ban Thường vụ Quận ủy", order=1)


@pytest.fixture
def make_document(db, issuer):
    made_here = itertools.count(1)

    def make(number=None, doc_type="Nghị quyết", **fields):
        n = next(_serial)
        fields.setdefault("issuer", issuer)
        fields.setdefault("summary", f"Về việc nâng cao chất lượng sinh hoạt chi bộ, lần {n}")
        fields.setdefault("issued_on", date(2024, 3, 1) + timedelta(days=n))
        fields.setdefault("signer", "Nguyễn Văn Bình")
        fields.setdefault("status", Document.Status.PUBLISHED)
        fields.setdefault("published_at", timezone.now() - timedelta(hours=next(made_here)))
        return Document.objects.create(
            number=number or f"{n:02d}-NQ/QU", doc_type=document_type(doc_type), **fields
        )

    return make


@pytest.fixture
def attach(db):
    def attach(document, data=None, name="nghi-quyet.pdf"):
        row = DocumentFile(document=document)
        row.file = SimpleUploadedFile(name, pdf_bytes() if data is None else data)
        row.save()
        return row

    return attach
