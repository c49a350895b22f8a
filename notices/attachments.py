"""What a notice may carry as a file: PDF, or an image, told apart by the content, never the name.

A PDF starts with "%PDF-"; an image must decode in full as JPEG, PNG or WebP (news.images) and is stored
re-encoded (upright, without EXIF, GPS included). Word and Excel files are refused with what to do: a
ward's Word file carries its author, tracked changes and comments, and office formats are the next
issue's "Văn bản" (documents) with their own rules (docs/PUBLISHING.md, "Thông báo").
"""

import uuid

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from news.images import open_verified, process_photo

MAX_BYTES = 15 * 1024 * 1024
PDF_MAGIC = b"%PDF-"
# ZIP (docx, xlsx, pptx, odt) and the older OLE container (doc, xls, ppt).
OFFICE_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")

MESSAGE_KIND = "Chỉ đính kèm được tệp PDF hoặc ảnh JPEG, PNG, WebP."
MESSAGE_OFFICE = (
    "Tệp Word, Excel hay PowerPoint không đính kèm thẳng vào thông báo được. Xin lưu tệp thành PDF"
    " (Tệp › Lưu thành › PDF) rồi đính kèm tệp PDF đó."
)
MESSAGE_TOO_LARGE = "Tệp đính kèm quá lớn (tối đa 15 MB)."
MESSAGE_EMPTY = "Tệp đính kèm trống hoặc tải lên chưa trọn vẹn, xin chọn lại."


class Kind:
    PDF = "pdf"
    IMAGE = "image"
    CHOICES = [(PDF, "PDF"), (IMAGE, "Ảnh")]


def _head(file, size):
    file.seek(0)
    data = file.read(size)
    file.seek(0)
    return data


def kind_of(file):
    """Kind.PDF or Kind.IMAGE for an upload, or a Vietnamese ValidationError."""
    size = getattr(file, "size", None)
    if size is not None and size > MAX_BYTES:
        raise ValidationError(MESSAGE_TOO_LARGE, code="too_large")
    head = _head(file, 16)
    if not head:
        raise ValidationError(MESSAGE_EMPTY, code="empty")
    if head.startswith(PDF_MAGIC):
        if b"%%EOF" not in _tail(file):
            raise ValidationError(MESSAGE_EMPTY, code="truncated")
        return Kind.PDF
    if head.startswith(OFFICE_MAGIC):
        raise ValidationError(MESSAGE_OFFICE, code="office")
    try:
        open_verified(file).close()
    except ValidationError as error:
        if error.code == "format":
            raise ValidationError(MESSAGE_KIND, code="format") from None
        raise
    return Kind.IMAGE


def _tail(file):
    # A PDF ends with "%%EOF" (within its last bytes, allowing trailing line ends): an upload cut short
    # has none, and would open as a blank or broken page on a resident's phone.
    file.seek(0, 2)
    end = file.tell()
    file.seek(max(end - 1024, 0))
    data = file.read()
    file.seek(0)
    return data


def validate_attachment(file):
    """A model field validator (stored files were checked when they came in)."""
    if getattr(file, "_committed", False):
        return
    kind_of(file)


def stored_form(file, kind):
    """The ContentFile to store for an accepted upload, under a random name."""
    if kind == Kind.IMAGE:
        return process_photo(file, webp=False).display
    return ContentFile(_head(file, MAX_BYTES + 1), name=f"{uuid.uuid4().hex}.pdf")
