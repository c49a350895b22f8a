"""A few documents with files, and an article that cites one, for the browser tests to look at."""

from datetime import date, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from documents.models import Document, DocumentFile, DocumentType, Field, IssuingBody
from tests.documents.samples import docx_bytes, pdf_bytes


def populate(make_article):
    """A few documents with files, and an article citing one; returns (the cited document, the article)."""
    kinds = {
        n: DocumentType.objects.get_or_create(name=n)[0] for n in ("Nghị quyết", "Kế hoạch", "Thông báo")
    }
    committee = IssuingBody.objects.create(name="Ban Chấp hành Đảng bộ phường", order=1)
    people = IssuingBody.objects.create(name="Ủy ban nhân dân phường", order=2)
    field = Field.objects.create(name="Kinh tế – xã hội")
    rows = [
        ("07-NQ/ĐU", "Nghị quyết", committee, date(2025, 4, 26),
         "Về đẩy mạnh chuyển đổi số trong công tác Đảng và phục vụ người dân trên địa bàn phường"),
        ("125/KH-UBND", "Kế hoạch", people, date(2025, 9, 3),
         "Tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở các tổ dân phố năm 2025"),
        ("42/TB-ĐU", "Thông báo", committee, date(2024, 10, 20),
         "Lịch tiếp xúc cử tri của đại biểu Hội đồng nhân dân phường quý IV"),
    ]  # fmt: skip
    made = []
    for n, (number, kind, issuer, issued_on, summary) in enumerate(rows):
        document = Document.objects.create(
            number=number, doc_type=kinds[kind], issuer=issuer, field=field, signer="Lê Thị Thu Hà",
            issued_on=issued_on, effective_on=issued_on, summary=summary, status=Document.Status.PUBLISHED,
            published_at=timezone.now() - timedelta(days=n + 1),
        )  # fmt: skip
        for name, data in (
            (f"{kind} {number.replace('/', '-')}.pdf", pdf_bytes()),
            ("Phụ lục.docx", docx_bytes()),
        ):
            row = DocumentFile(document=document)
            row.file = SimpleUploadedFile(name, data)
            row.save()
        made.append(document)
    article = make_article(
        title="Quán triệt Nghị quyết về chuyển đổi số đến các chi bộ",
        body="<p>Đảng ủy phường quán triệt Nghị quyết số 07-NQ/ĐU ngày 26/4/2025 tới các chi bộ.</p>",
    )
    return made[0], article
