"""Demo documents for `manage.py load_demo`: numbers in the real format, content we invented, each with
a small PDF drawn here, and one article that cites one of them.

Safe to run again: a document whose number and issue date exist already is left alone.
"""

import io
from dataclasses import dataclass
from datetime import date, timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from news.models import Article, Category
from news.text import fold

from .models import Document, DocumentFile, DocumentType, Field, IssuingBody


@dataclass(frozen=True)
class DemoDocument:
    number: str
    doc_type: str
    issuer: str
    field: str
    signer: str
    issued_on: date
    summary: str
    file_name: str
    days_ago: int


ISSUERS = (
    "Ban Chấp hành Đảng bộ phường",
    "Ban Thường vụ Quận ủy",
    "Ủy ban nhân dân phường",
    "Đảng ủy phường",
)
FIELDS = ("Xây dựng Đảng", "Kinh tế – xã hội", "Văn hóa – xã hội", "Quốc phòng – an ninh")
DOCUMENTS = (
    DemoDocument(
        "07-NQ/ĐU", "Nghị quyết", "Ban Chấp hành Đảng bộ phường", "Kinh tế – xã hội", "Lê Thị Thu Hà",
        date(2025, 4, 26),
        "Về đẩy mạnh chuyển đổi số trong công tác Đảng và phục vụ người dân trên địa bàn phường giai đoạn"
        " 2025 – 2027",
        "Nghị quyết 07-NQ-ĐU chuyển đổi số.pdf", 9,
    ),
    DemoDocument(
        "15-KL/QU", "Kết luận", "Ban Thường vụ Quận ủy", "Xây dựng Đảng", "Phạm Quang Minh",
        date(2025, 6, 12),
        "Về nâng cao chất lượng sinh hoạt chi bộ khu dân cư",
        "Kết luận 15-KL-QU.pdf", 7,
    ),
    DemoDocument(
        "125/KH-UBND", "Kế hoạch", "Ủy ban nhân dân phường", "Văn hóa – xã hội", "Nguyễn Hữu Tài",
        date(2025, 9, 3),
        "Tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở các tổ dân phố năm 2025",
        "Kế hoạch 125-KH-UBND ngày hội đại đoàn kết.pdf", 5,
    ),
    DemoDocument(
        "42/TB-ĐU", "Thông báo", "Đảng ủy phường", "Xây dựng Đảng", "Lê Thị Thu Hà",
        date(2025, 10, 20),
        "Lịch tiếp xúc cử tri của đại biểu Hội đồng nhân dân phường quý IV năm 2025",
        "Thông báo 42-TB-ĐU.pdf", 3,
    ),
    DemoDocument(
        "08-CT/ĐU", "Chỉ thị", "Ban Chấp hành Đảng bộ phường", "Quốc phòng – an ninh", "Lê Thị Thu Hà",
        date(2025, 11, 5),
        "Về tăng cường phòng cháy, chữa cháy tại nhà ở kết hợp kinh doanh trong mùa khô",
        "Chỉ thị 08-CT-ĐU phòng cháy.pdf", 1,
    ),
)  # fmt: skip
ARTICLE_SLUG = "trien-khai-nghi-quyet-chuyen-doi-so-cua-dang-uy-phuong"
ARTICLE = {
    "title": "Triển khai Nghị quyết về chuyển đổi số đến các chi bộ khu dân cư",
    "summary": (
        "Các chi bộ khu dân cư nhận kế hoạch cụ thể để mỗi hộ gia đình dùng được dịch vụ công trực tuyến."
    ),
    "body": (
        "<p>Sáng thứ Năm, Đảng ủy phường tổ chức hội nghị quán triệt Nghị quyết số 07-NQ/ĐU ngày 26/4/2025"
        " của Ban Chấp hành Đảng bộ phường về đẩy mạnh chuyển đổi số tới bí thư các chi bộ khu dân cư.</p>"
        "<p>Theo nghị quyết, đến hết năm 2026 mỗi tổ dân phố có ít nhất một tổ công nghệ số cộng đồng,"
        " giúp người cao tuổi cài đặt ứng dụng định danh điện tử và nộp hồ sơ trực tuyến.</p>"
        "<p>Các chi bộ báo cáo kết quả thực hiện trước ngày 15 hằng tháng để Đảng ủy theo dõi, đôn đốc.</p>"
    ),
}


def demo_pdf(title, lines):
    """A one-page A4 PDF with a title and a few lines, in Helvetica (so written without marks)."""
    text = [f"BT /F1 16 Tf 60 780 Td ({_pdf_text(title)}) Tj ET"]
    text += [f"BT /F1 11 Tf 60 {740 - 18 * n} Td ({_pdf_text(line)}) Tj ET" for n, line in enumerate(lines)]
    stream = "\n".join(text).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.writelines(b"%010d 00000 n \n" % offset for offset in offsets)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def _pdf_text(text):
    plain = fold(text).upper() if text.isupper() else fold(text).capitalize()
    return (
        plain.encode("ascii", "replace")
        .decode()
        .replace("\\", "\\\\")
        .replace("(", "\\(")
        .replace(")", "\\)")
    )


def load():
    """Create the demo documents and their article; return how many documents were made."""
    types = {t.name: t for t in DocumentType.objects.all()}
    issuers = {name: IssuingBody.objects.get_or_create(name=name)[0] for name in ISSUERS}
    fields = {name: Field.objects.get_or_create(name=name)[0] for name in FIELDS}
    now = timezone.now()
    created = 0
    for demo in DOCUMENTS:
        if Document.objects.filter(number=demo.number, issued_on=demo.issued_on).exists():
            continue
        doc_type = types.get(demo.doc_type) or DocumentType.objects.get_or_create(name=demo.doc_type)[0]
        with transaction.atomic():
            document = Document.objects.create(
                number=demo.number,
                doc_type=doc_type,
                issuer=issuers[demo.issuer],
                field=fields[demo.field],
                signer=demo.signer,
                issued_on=demo.issued_on,
                effective_on=demo.issued_on,
                summary=demo.summary,
                status=Document.Status.PUBLISHED,
                published_at=now - timedelta(days=demo.days_ago),
            )
            lines = [demo.issuer, f"So {demo.number}, ngay {demo.issued_on:%d/%m/%Y}", demo.summary[:90]]
            pdf = demo_pdf(f"{demo.doc_type} {demo.number}", [*lines, "(Van ban mau cua cong thong tin.)"])
            row = DocumentFile(document=document)
            row.file = ContentFile(pdf, name=demo.file_name)
            row.save()
        created += 1
    if not Article.objects.filter(slug=ARTICLE_SLUG).exists():
        section = Category.objects.order_by("order").first()
        Article.objects.create(
            slug=ARTICLE_SLUG,
            category=section,
            status=Article.Status.PUBLISHED,
            published_at=now - timedelta(hours=20),
            **ARTICLE,
        )
    return created
