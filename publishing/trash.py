"""Files of removed content: off the public site at once, kept privately so that a restore brings them back.

A photo staff remove must leave the site (its address may have been shared), yet an approver may
restore the version that had it, or recover a deleted article with its photos. So a retired file moves
from the public media storage to the "trash" storage (PORTAL_TRASH_ROOT on disk, portal/storages.py),
which no web server publishes, under the same name; restoring moves it back. `manage.py purge_trash`
deletes what has lain there longer than PORTAL_TRASH_DAYS (docs/PUBLISHING.md).
"""

import time

from django.core.files.storage import storages
from django.db import transaction

from portal.storages import walk


def _trash():
    return storages["trash"]


def _check(name):
    # Names come from our own rows, but a row written by hand must not reach outside the trash.
    parts = name.replace("\\", "/").split("/")
    if not name or name.startswith("/") or ".." in parts:
        raise ValueError(f"unsafe file name {name!r}")
    return name


def retire_on_commit(fields):
    """Move these stored files to the trash once the transaction that let go of them commits.

    After the commit, so that a save that fails keeps the files its rows point to.
    """
    files = [(f.storage, f.name) for f in fields if f and f._committed]
    transaction.on_commit(lambda: [retire(storage, name) for storage, name in files])


def retire(storage, name):
    if not storage.exists(name):
        return
    trash = _trash()
    _check(name)
    if trash.exists(name):  # retired before and brought back since: this copy is the newer
        trash.delete(name)
    with storage.open(name, "rb") as source:
        kept = trash.save(name, source)
    if kept != name:
        trash.delete(kept)
        raise RuntimeError(f"the trash renamed {name!r}")
    storage.delete(name)


def bring_back(storage, name):
    """Put a retired file back at its address; True if it is there afterwards."""
    if not name or storage.exists(name):
        return bool(name)
    trash = _trash()
    _check(name)
    if not trash.exists(name):
        return False
    with trash.open(name, "rb") as source:
        saved = storage.save(name, source)
    if saved != name:  # the storage chose another name: the row must not point at a missing file
        storage.delete(saved)
        return False
    trash.delete(name)
    return True


def purge(older_than_days, now=None):
    """Delete retired files older than that many days; return how many were deleted."""
    trash = _trash()
    limit = (now or time.time()) - older_than_days * 86400
    deleted = 0
    for name in list(walk(trash)):
        if trash.get_modified_time(name).timestamp() < limit:
            trash.delete(name)
            deleted += 1
    return deleted
