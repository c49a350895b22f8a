"""What a document's file is, told by its content: PDF, Word, Excel or OpenDocument text, or refused.

The name a file arrives with says nothing (a "bao-cao.pdf" may be anything). A PDF starts with "%PDF-";
DOCX and XLSX are ZIP containers whose [Content_Types].xml names the main part of their kind, and
that part is there; an ODT is a ZIP whose first entry "mimetype" says so; DOC and XLS are OLE compound
files holding a WordDocument or Workbook stream. Files with macros are refused (vbaProject.bin or a
macro-enabled type in OOXML, a Macros or _VBA_PROJECT_CUR storage in OLE, Basic or Scripts in ODT): a
resident opening a ward document must never be asked to enable them. A ZIP is read only as far as
its directory and two small entries, and refused when its entries would unpack past a bound (a zip
bomb). Every refusal is a ValidationError in Vietnamese.
"""

import re
import zipfile
from dataclasses import dataclass

import olefile
from django.conf import settings
from django.core.exceptions import ValidationError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
MAX_ZIP_ENTRIES = 2000
# A real .docx or .xlsx unpacks to a few times its size; the bound is generous and fixed.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_SMALL_ENTRY = 2 * 1024 * 1024
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


@dataclass(frozen=True)
class Kind:
    code: str
    label: str  # what the document page says: "PDF, 245 KB"
    extension: str
    content_type: str
    inline: bool = False  # shown in the browser (PDF, sandboxed) rather than downloaded


KINDS = {
    kind.code: kind
    for kind in (
        Kind("pdf", "PDF", "pdf", "application/pdf", inline=True),
        Kind(
            "docx", "Word", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        ),
        Kind("xlsx", "Excel", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        Kind("odt", "ODT", "odt", "application/vnd.oasis.opendocument.text"),
        Kind("doc", "Word", "doc", "application/msword"),
        Kind("xls", "Excel", "xls", "application/vnd.ms-excel"),
    )
}
# The main part each OOXML kind declares in [Content_Types].xml.
OOXML_MAIN = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": "docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": "xlsx",
}
OOXML_MACRO_TYPES = (b"macroenabled", b"vnd.ms-office.vbaproject")
_OVERRIDE = re.compile(rb"<Override\b[^>]*>", re.IGNORECASE)
_ATTRIBUTE = re.compile(rb'(PartName|ContentType)\s*=\s*"([^"]*)"')

MESSAGE_UNKNOWN = (
    "Tệp “{name}” không phải PDF, Word (DOC, DOCX), Excel (XLS, XLSX) hay ODT: nội dung của tệp không"
    " đúng định dạng nào trong số đó (đổi đuôi tên tệp không đổi được định dạng)."
)
MESSAGE_BROKEN = "Tệp “{name}” bị hỏng hoặc tải lên chưa hết, không mở được. Xin lưu lại tệp rồi chọn lại."
MESSAGE_MACROS = (
    "Tệp “{name}” có chứa macro nên không được đăng: người dân mở tệp không được bị yêu cầu bật macro."
    " Xin lưu lại thành tệp thường (DOCX, XLSX) hoặc xuất ra PDF rồi chọn lại."
)
MESSAGE_TOO_BIG = (
    "Tệp “{name}” lớn {size}, quá giới hạn {limit} cho một tệp văn bản. Xin nén hoặc xuất PDF nhỏ hơn."
)
MESSAGE_BOMB = (
    "Tệp “{name}” giải nén ra quá lớn hoặc quá nhiều phần, không giống một văn bản thật nên không được nhận."
)
MESSAGE_EMPTY = "Tệp “{name}” rỗng."


def human_size(size):
    """A size as Vietnamese readers write it: "245 KB", "1,2 MB"."""
    if size < 1024:
        return f"{size} byte"
    if size < 1024 * 1024:
        return f"{round(size / 1024)} KB"
    return f"{size / 1024 / 1024:.1f} MB".replace(".", ",")


def _refuse(message, name, code, **extra):
    raise ValidationError(message.format(name=name, **extra), code=code)


def identify(upload, name=None):
    """The Kind of an uploaded file, or a ValidationError saying why it is refused."""
    name = name or getattr(upload, "name", "") or "tệp"
    limit = settings.PORTAL_DOCUMENT_MAX_BYTES
    size = upload.size
    if size == 0:
        _refuse(MESSAGE_EMPTY, name, "empty")
    if size > limit:
        _refuse(MESSAGE_TOO_BIG, name, "too_big", size=human_size(size), limit=human_size(limit))
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    try:
        if head.startswith(b"%PDF-"):
            return KINDS["pdf"]
        if head.startswith(ZIP_MAGIC):
            return _zip_kind(upload, name)
        if head == OLE_MAGIC:
            return _ole_kind(upload, name)
    finally:
        upload.seek(0)
    _refuse(MESSAGE_UNKNOWN, name, "unknown")


def _small_entry(archive, info, name):
    if info.file_size > MAX_SMALL_ENTRY:
        _refuse(MESSAGE_BOMB, name, "bomb")
    with archive.open(info) as entry:
        return entry.read(MAX_SMALL_ENTRY + 1)


def _zip_kind(upload, name):
    try:
        archive = zipfile.ZipFile(upload)
        entries = archive.infolist()
        if len(entries) > MAX_ZIP_ENTRIES or sum(e.file_size for e in entries) > MAX_UNPACKED_BYTES:
            _refuse(MESSAGE_BOMB, name, "bomb")
        names = {e.filename: e for e in entries}
        if "mimetype" in names:
            return _odt_kind(archive, names, name)
        if "[Content_Types].xml" in names:
            return _ooxml_kind(archive, names, name)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError, NotImplementedError):
        _refuse(MESSAGE_BROKEN, name, "broken")
    _refuse(MESSAGE_UNKNOWN, name, "unknown")


def _odt_kind(archive, names, name):
    if _small_entry(archive, names["mimetype"], name).strip() != ODT_MIMETYPE:
        _refuse(MESSAGE_UNKNOWN, name, "unknown")
    if "content.xml" not in names:
        _refuse(MESSAGE_BROKEN, name, "broken")
    if any(n.startswith(("Basic/", "Scripts/")) for n in names):
        _refuse(MESSAGE_MACROS, name, "macros")
    return KINDS["odt"]


def _ooxml_kind(archive, names, name):
    if any(n.lower().endswith("vbaproject.bin") for n in names):
        _refuse(MESSAGE_MACROS, name, "macros")
    types = _small_entry(archive, names["[Content_Types].xml"], name)
    if any(marker in types.lower() for marker in OOXML_MACRO_TYPES):
        _refuse(MESSAGE_MACROS, name, "macros")
    for override in _OVERRIDE.findall(types):
        attributes = {
            key.decode(): value.decode("utf-8", "replace") for key, value in _ATTRIBUTE.findall(override)
        }
        code = OOXML_MAIN.get(attributes.get("ContentType", ""))
        if code is None:
            continue
        if attributes.get("PartName", "").lstrip("/") not in names:
            _refuse(MESSAGE_BROKEN, name, "broken")
        return KINDS[code]
    _refuse(MESSAGE_UNKNOWN, name, "unknown")


def _ole_kind(upload, name):
    try:
        ole = olefile.OleFileIO(upload)
    except (OSError, ValueError, IndexError, TypeError, KeyError) as error:
        raise ValidationError(MESSAGE_BROKEN.format(name=name), code="broken") from error
    try:
        storages = {"/".join(path).lower() for path in ole.listdir(streams=True, storages=True)}
    finally:
        ole.close()
    tops = {path.split("/")[0] for path in storages}
    if tops & {"macros", "_vba_project_cur", "vba"}:
        _refuse(MESSAGE_MACROS, name, "macros")
    if "worddocument" in tops:
        return KINDS["doc"]
    if tops & {"workbook", "book"}:
        return KINDS["xls"]
    _refuse(MESSAGE_UNKNOWN, name, "unknown")
