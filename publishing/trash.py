"""Files of removed content: off the public site at once, kept privately so that a restore brings them back.

A photo staff remove must leave the site (its address may have been shared), yet an approver may
restore the version that had it, or recover a deleted article with its photos. So a retired file moves
from the public media folder to PORTAL_TRASH_ROOT, which no web server publishes, under the same name;
restoring moves it back. `manage.py purge_trash` deletes what has lain there longer than
PORTAL_TRASH_DAYS (docs/PUBLISHING.md).
"""

import shutil
import time
from pathlib import Path

from django.conf import settings
from django.db import transaction


def _trash_path(name):
    path = (Path(settings.PORTAL_TRASH_ROOT) / name).resolve()
    # Names come from our own rows, but a row written by hand must not reach outside the trash folder.
    if Path(settings.PORTAL_TRASH_ROOT).resolve() not in path.parents:
        raise ValueError(f"unsafe file name {name!r}")
    return path


def retire_on_commit(fields):
    """Move these stored files to the trash once the transaction that let go of them commits.

    After the commit, so that a save that fails keeps the files its rows point to.
    """
    files = [(f.storage, f.name) for f in fields if f and f._committed]
    transaction.on_commit(lambda: [retire(storage, name) for storage, name in files])


def retire(storage, name):
    if not storage.exists(name):
        return
    target = _trash_path(name)
    target.parent.mkdir(parents=True, exist_ok=True)
    with storage.open(name, "rb") as source, open(target, "wb") as kept:
        shutil.copyfileobj(source, kept)
    storage.delete(name)


def bring_back(storage, name):
    """Put a retired file back at its address; True if it is there afterwards."""
    if not name or storage.exists(name):
        return bool(name)
    kept = _trash_path(name)
    if not kept.is_file():
        return False
    with open(kept, "rb") as source:
        saved = storage.save(name, source)
    if saved != name:  # the storage chose another name: the row must not point at a missing file
        storage.delete(saved)
        return False
    kept.unlink()
    return True


def purge(older_than_days, now=None):
    """Delete retired files older than that many days; return how many were deleted."""
    root = Path(settings.PORTAL_TRASH_ROOT)
    if not root.is_dir():
        return 0
    limit = (now or time.time()) - older_than_days * 86400
    deleted = 0
    for path in root.rglob("*"):
        if path.is_file() and path.stat().st_mtime < limit:
            path.unlink()
            deleted += 1
    return deleted
