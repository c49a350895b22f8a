"""Photos kept between a refused save of the article form and the next one.

A browser sends a chosen file once: when the save is refused (a HEIC photo in another row, a missing
title) the file boxes come back empty. Every photo that was accepted is therefore kept here, in a
private storage ("private": PORTAL_PRIVATE_ROOT on disk, outside MEDIA_ROOT, which the web server
publishes; portal/storages.py), and
the form carries a signed token in its place. The next save reads the photo back by its token and checks
it again like any upload; the file is deleted once that save commits. Files older than KEEP_SECONDS are
purged whenever another photo is kept, so an abandoned form leaves nothing for long.

The token names the file and the member of staff it was kept for, signed with SECRET_KEY and a salt of
its own: a token cannot be made up, read another folder's file, or be replayed by someone else.
"""

import base64
import io
import re
import time
import uuid

from django.core import signing
from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageOps

KEEP_SECONDS = 24 * 60 * 60
PREVIEW_SIDE = 240
_SALT = "news.kept_photos"
# What keep() writes, and so all that load() will ever open: a random name in the folder itself.
_STORED_NAME = re.compile(r"[0-9a-f]{32}\.(?:jpg|png|webp)")

MESSAGE_LOST = (
    "Không còn giữ được ảnh đã chọn lần trước (quá một ngày hoặc không hợp lệ). Xin chọn lại ảnh này."
)


FOLDER = "kept-photos"


def _store():
    return storages["private"]


def keep(upload, owner):
    """Copy an accepted upload into the private folder; return the token that brings it back."""
    purge()
    stored = f"{uuid.uuid4().hex}.{upload.name.rsplit('.', 1)[-1]}"
    if not _STORED_NAME.fullmatch(stored):
        raise ValueError(f"unexpected extension in {upload.name!r}")  # VerifiedImageField named it
    upload.seek(0)
    _store().save(f"{FOLDER}/{stored}", upload)
    upload.seek(0)
    return signing.dumps({"file": stored, "name": upload.name, "owner": owner}, salt=_SALT, compress=True)


def _stored_name(token, owner):
    """The kept file a token names, or a Vietnamese ValidationError for a forged, stale or foreign one."""
    try:
        kept = signing.loads(token, salt=_SALT, max_age=KEEP_SECONDS)
    except signing.BadSignature:  # SignatureExpired is one
        raise ValidationError(MESSAGE_LOST, code="kept_lost") from None
    if not isinstance(kept, dict) or kept.get("owner") != owner:
        raise ValidationError(MESSAGE_LOST, code="kept_lost")
    stored = kept.get("file")
    if not isinstance(stored, str) or not _STORED_NAME.fullmatch(stored):
        raise ValidationError(MESSAGE_LOST, code="kept_lost")
    return stored, str(kept.get("name") or stored)


def load(token, owner):
    """The kept photo as a new upload, carrying its token, to be checked again like any upload."""
    stored, name = _stored_name(token, owner)
    try:
        with _store().open(f"{FOLDER}/{stored}", "rb") as kept:
            content = kept.read()
    except OSError:  # purged, or the folder was cleared
        raise ValidationError(MESSAGE_LOST, code="kept_lost") from None
    upload = SimpleUploadedFile(name, content)
    upload.kept_token = token
    return upload


def discard(token, owner):
    """Delete the file a token names: its photo has been saved, or replaced by another."""
    try:
        stored, _ = _stored_name(token, owner)
    except ValidationError:
        return
    _store().delete(f"{FOLDER}/{stored}")


def purge(now=None):
    """Delete kept photos older than KEEP_SECONDS: their tokens have expired anyway."""
    cutoff = (now or time.time()) - KEEP_SECONDS
    store = _store()
    try:
        _, names = store.listdir(FOLDER)
    except FileNotFoundError:
        return
    for name in names:
        try:
            if store.get_modified_time(f"{FOLDER}/{name}").timestamp() < cutoff:
                store.delete(f"{FOLDER}/{name}")
        except FileNotFoundError:
            pass  # another process purged it first


def preview_url(upload):
    """A small JPEG of the photo as a data: address (the admin's CSP allows data: images)."""
    upload.seek(0)
    with Image.open(io.BytesIO(upload.read())) as image:
        image.draft("RGB", (PREVIEW_SIDE * 2, PREVIEW_SIDE * 2))
        try:
            small = ImageOps.exif_transpose(image)
        except Exception:  # corrupt EXIF, as news.images._upright_rgb allows for
            small = image.copy()
        small = small.convert("RGB")
    upload.seek(0)
    small.thumbnail((PREVIEW_SIDE, PREVIEW_SIDE))
    buffer = io.BytesIO()
    small.save(buffer, "JPEG", quality=70)
    return "data:image/jpeg;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")
