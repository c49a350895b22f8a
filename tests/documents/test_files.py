"""A document's files are told by their content; the wrong ones are refused in Vietnamese."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from documents.files import human_size, identify

from . import samples


def upload(data, name="tep"):
    return SimpleUploadedFile(name, data)


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (samples.pdf_bytes(), "pdf"),
        (samples.docx_bytes(), "docx"),
        (samples.xlsx_bytes(), "xlsx"),
        (samples.odt_bytes(), "odt"),
        (samples.doc_bytes(), "doc"),
        (samples.xls_bytes(), "xls"),
    ],
)
def test_each_kind_is_known_by_its_content_whatever_its_name(data, kind, settings):
    assert identify(upload(data, "khong-co-duoi")).code == kind


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"<html><script>alert(1)</script></html>", "unknown"),
        (b"MZ\x90\x00 an exe renamed to pdf", "unknown"),
        (samples.docm_bytes(), "macros"),
        (samples.docx_with_vba_bytes(), "macros"),
        (samples.odt_bytes(extra=[("Basic/Standard/Module1.xml", "<x/>")]), "macros"),
        (samples.doc_with_macros_bytes(), "macros"),
        (samples.ole_bytes("PowerPoint Document"), "unknown"),
        (samples.ooxml_bytes(with_part=False), "broken"),
        (b"PK\x03\x04 not really a zip", "broken"),
        (samples.pdf_bytes()[:0], "empty"),
        (samples.zip_bomb_bytes(), "bomb"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "broken"),
    ],
    ids=["html", "exe", "docm", "docx-with-vba", "odt-basic", "doc-macros", "ppt", "no-main-part",
         "fake-zip", "empty", "zip-bomb", "truncated-ole"],
)  # fmt: skip
def test_refused_files_say_why_in_vietnamese(data, code):
    with pytest.raises(ValidationError) as refused:
        identify(upload(data, "bao-cao.pdf"))
    assert refused.value.code == code
    assert "bao-cao.pdf" in refused.value.messages[0]
    assert "Tệp" in refused.value.messages[0]


def test_a_file_over_the_size_setting_is_refused(settings):
    settings.PORTAL_DOCUMENT_MAX_BYTES = 1000
    with pytest.raises(ValidationError) as refused:
        identify(upload(samples.pdf_bytes() + b" " * 2000, "lon.pdf"))
    assert refused.value.code == "too_big"
    assert "quá giới hạn" in refused.value.messages[0]


def test_sizes_read_as_vietnamese_write_them():
    assert human_size(245 * 1024) == "245 KB"
    assert human_size(1288490) == "1,2 MB"
