"""The backup archive: one tar file whose manifest holds every member's SHA-256.

    portal-2026-12-01-020000.tar
        database/portal.pgdump   (or database/portal.sqlite3)
        media/photos/2026/11/….jpg …
        trash/photos/…           removed photos a version restore brings back
        manifest.json            written last: format, time, database vendor, {member: sha256, size}

Uncompressed: photos are JPEG and WebP and pg_dump's custom format is compressed already, so gzip would
spend the night's CPU for nothing. Written under a ".partial" name and renamed when complete, so a backup
cut short never looks like one (and pruning never counts it); readable by its owner only, as it holds
password hashes and sessions.
"""

import hashlib
import io
import json
import os
import re
import tarfile
from datetime import datetime
from pathlib import Path

from django.utils import timezone

FORMAT = 1
MANIFEST = "manifest.json"
NAME = re.compile(r"^portal-(\d{4}-\d{2}-\d{2}-\d{6})\.tar$")
# The database's dump, then one folder per stored part (backups.folders.PARTS).
PREFIXES = ("database/", "media/", "trash/", "documents/")


class BrokenArchive(Exception):
    """The archive cannot be restored; the message says why, in Vietnamese."""


def file_name(moment):
    return f"portal-{timezone.localtime(moment):%Y-%m-%d-%H%M%S}.tar"


def moment_of(path):
    """The time in an archive's name, or None for a file that is not one of ours."""
    match = NAME.match(Path(path).name)
    if not match:
        return None
    return timezone.make_aware(datetime.strptime(match.group(1), "%Y-%m-%d-%H%M%S"))


class _Hashing(io.RawIOBase):
    """Reads through to a file while hashing what passes, so each file is read once."""

    def __init__(self, source):
        self.source, self.sha256 = source, hashlib.sha256()

    def readable(self):
        return True

    def readinto(self, buffer):
        data = self.source.read(len(buffer))
        self.sha256.update(data)
        buffer[: len(data)] = data
        return len(data)


class Writer:
    """Adds members to a new archive; close() writes the manifest and makes the archive visible."""

    def __init__(self, path, vendor):
        self.path = Path(path)
        self.partial = self.path.with_name(self.path.name + ".partial")
        descriptor = os.open(self.partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        # Closed by close() or abandon(): the archive is written across many calls.
        self.tar = tarfile.open(  # noqa: SIM115
            fileobj=os.fdopen(descriptor, "wb"), mode="w", format=tarfile.PAX_FORMAT
        )
        self.manifest = {
            "format": FORMAT,
            "created": timezone.now().isoformat(),
            "database": vendor,
            "files": {},
        }

    def add(self, member, source, size, mtime):
        info = tarfile.TarInfo(member)
        info.size, info.mtime, info.mode = size, int(mtime), 0o600
        hashing = _Hashing(source)
        self.tar.addfile(info, hashing)
        self.manifest["files"][member] = {"sha256": hashing.sha256.hexdigest(), "size": size}

    def add_path(self, member, path):
        stat = Path(path).stat()
        with open(path, "rb") as source:
            self.add(member, source, stat.st_size, stat.st_mtime)

    def close(self):
        data = json.dumps(self.manifest, ensure_ascii=False, indent=1).encode()
        info = tarfile.TarInfo(MANIFEST)
        info.size, info.mtime, info.mode = len(data), int(timezone.now().timestamp()), 0o600
        self.tar.addfile(info, io.BytesIO(data))
        target = self.tar.fileobj
        self.tar.close()
        target.flush()
        os.fsync(target.fileno())
        target.close()
        os.replace(self.partial, self.path)

    def abandon(self):
        self.tar.fileobj.close()
        self.partial.unlink(missing_ok=True)


def _safe(member):
    parts = member.split("/")
    return member.startswith(PREFIXES) and ".." not in parts and "" not in parts[1:] and "\\" not in member


def verify(path):
    """The archive's manifest, once every member is present, safe and matches its checksum.

    Reads the whole archive before anything is changed: a restore never starts from a damaged copy.
    """
    try:
        with tarfile.open(path, mode="r:") as tar:
            members = tar.getmembers()
            by_name = {m.name: m for m in members}
            if MANIFEST not in by_name:
                raise BrokenArchive("Tệp này không phải bản sao lưu của cổng tin (không có manifest.json).")
            manifest = json.loads(tar.extractfile(by_name[MANIFEST]).read())
            if manifest.get("format") != FORMAT:
                raise BrokenArchive(f"Bản sao lưu có định dạng {manifest.get('format')!r}, không đọc được.")
            listed = manifest["files"]
            for member in members:
                if member.name == MANIFEST:
                    continue
                if not member.isfile() or not _safe(member.name) or member.name not in listed:
                    raise BrokenArchive(f"Bản sao lưu có tệp lạ: {member.name!r}. Không khôi phục gì.")
            for name, expected in listed.items():
                if name not in by_name:
                    raise BrokenArchive(f"Bản sao lưu thiếu tệp {name}. Không khôi phục gì.")
                digest = hashlib.sha256()
                source = tar.extractfile(by_name[name])
                while chunk := source.read(1024 * 1024):
                    digest.update(chunk)
                if digest.hexdigest() != expected["sha256"]:
                    raise BrokenArchive(
                        f"Tệp {name} trong bản sao lưu không khớp mã kiểm tra SHA-256 (tệp đã hỏng). "
                        "Không khôi phục gì."
                    )
            return manifest
    except (tarfile.TarError, OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise BrokenArchive(f"Không đọc được bản sao lưu {path}: {error}. Không khôi phục gì.") from error


def members(path):
    """(name, readable file, mtime) of each member but the manifest, in archive order."""
    with tarfile.open(path, mode="r:") as tar:
        for member in tar:
            if member.name != MANIFEST and member.isfile():
                yield member.name, tar.extractfile(member), member.mtime
