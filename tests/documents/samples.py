"""Minimal files of each kind, made here: valid ones, and the ones the portal must refuse."""

import io
import itertools
import struct
import zipfile

import olefile

from documents.demo import demo_pdf

CT_HEAD = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
XLSX_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
DOCM_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"


def pdf_bytes(text="Van ban mau"):
    """A one-page PDF with a line of text: the demo's own maker (documents.demo.demo_pdf)."""
    return demo_pdf(text, [])


def _zip(entries):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            archive.writestr(name, data)
    return out.getvalue()


def ooxml_bytes(main_type=DOCX_MAIN, part="word/document.xml", extra=(), with_part=True):
    types = f'{CT_HEAD}<Override PartName="/{part}" ContentType="{main_type}"/></Types>'
    entries = [("[Content_Types].xml", types)]
    if with_part:
        entries.append((part, "<document/>"))
    return _zip([*entries, *extra])


def docx_bytes():
    return ooxml_bytes()


def xlsx_bytes():
    return ooxml_bytes(XLSX_MAIN, "xl/workbook.xml")


def docm_bytes():
    return ooxml_bytes(DOCM_MAIN, extra=[("word/vbaProject.bin", b"\x00" * 16)])


def docx_with_vba_bytes():
    """A .docx content type, but a vbaProject.bin inside: renamed from .docm."""
    return ooxml_bytes(extra=[("word/vbaProject.bin", b"\x00" * 16)])


def odt_bytes(extra=()):
    return _zip(
        [("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", "<office/>"), *extra]
    )


def zip_bomb_bytes():
    """A few KB that would unpack to 300 MB."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            f'{CT_HEAD}<Override PartName="/word/document.xml" ContentType="{DOCX_MAIN}"/></Types>',
        )
        archive.writestr("word/document.xml", b"\x00" * (300 * 1024 * 1024))
    return out.getvalue()


def ole_bytes(*streams):
    """An OLE compound file holding the named streams ("WordDocument", "Macros/VBA/dir"), written by
    hand (olefile reads but does not write new files): a version 3 file with a header, one FAT sector,
    one directory sector per 4 entries, and each stream 4096 bytes (at the mini-stream cutoff, so
    stored in normal sectors)."""
    sector = 512
    entries = [("Root Entry", 5, None)]  # (name, type, parent path)
    for path in streams:
        parts = path.split("/")
        for depth in range(len(parts)):
            name = parts[depth]
            kind = 2 if depth == len(parts) - 1 else 1
            if not any(e[0] == name for e in entries):
                entries.append((name, kind, "/".join(parts[:depth])))
    data_sectors = {i: 8 for i, e in enumerate(entries) if e[1] == 2}  # 4096 bytes = 8 sectors each
    dir_count = (len(entries) + 3) // 4
    # Sector layout: 0 = FAT, 1.. = directory, then stream data.
    fat = [0xFFFFFFFD]
    fat += [s + 1 if s < dir_count else 0xFFFFFFFE for s in range(1, dir_count + 1)]
    start_of = {}
    nxt = 1 + dir_count
    for index, count in data_sectors.items():
        start_of[index] = nxt
        for k in range(count):
            fat.append(nxt + k + 1 if k < count - 1 else 0xFFFFFFFE)
        nxt += count
    fat += [0xFFFFFFFF] * (128 - len(fat))
    # Children: every entry under its parent as a right-linked chain (a valid, if unbalanced, tree).
    children = {}
    for i, (_name, _kind, parent) in enumerate(entries):
        if i == 0:
            continue
        parent_index = (
            0 if not parent else next(j for j, e in enumerate(entries) if e[0] == parent.split("/")[-1])
        )
        children.setdefault(parent_index, []).append(i)
    right = {}
    child = {}
    for parent_index, kids in children.items():
        child[parent_index] = kids[0]
        for a, b in itertools.pairwise(kids):
            right[a] = b
    directory = b""
    for i, (name, kind, _) in enumerate(entries):
        encoded = (name + "\x00").encode("utf-16-le")
        entry = encoded.ljust(64, b"\x00") + struct.pack("<HBB", len(encoded), kind, 1)
        entry += struct.pack("<III", 0xFFFFFFFF, right.get(i, 0xFFFFFFFF), child.get(i, 0xFFFFFFFF))
        entry += b"\x00" * 16 + b"\x00" * 4 + b"\x00" * 16
        start = start_of.get(i, 0xFFFFFFFE if kind != 2 else 0)
        size = 4096 if kind == 2 else 0
        entry += struct.pack("<II", start, size) + b"\x00" * 4
        directory += entry
    directory = directory.ljust(dir_count * sector, b"\x00")
    header = olefile.MAGIC + b"\x00" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
    header += b"\x00" * 6 + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, 0xFFFFFFFE, 0, 0xFFFFFFFE, 0)
    header += struct.pack("<109I", 0, *([0xFFFFFFFF] * 108))
    body = struct.pack("<128I", *fat) + directory + b"\x01" * (sum(data_sectors.values()) * sector)
    return header + body


def doc_bytes():
    return ole_bytes("WordDocument")


def xls_bytes():
    return ole_bytes("Workbook")


def doc_with_macros_bytes():
    return ole_bytes("WordDocument", "Macros/VBA/dir")
