"""What a backup holds besides the database: published media and the trash, through the storage API.

- media/: the "default" storage (photos, the editor's uploads), on disk or an S3-compatible bucket.
- trash/: the "trash" storage (removed photos that restoring a version brings back: without them a
  restored database would point at files that are gone).
- documents/: the "documents" storage (Văn bản's files, private: served only by their download view).

Not kept: the "private" storage's photos held between a refused save of a form and the next
(news.kept_photos). They live at most a day, and the form that refers to them is in a browser, not in
the backup; after a restore staff choose such a photo again, as the form asks them to.
"""

import os

from django.core.files.storage import FileSystemStorage, storages

from portal.storages import walk

PARTS = {"media": "default", "trash": "trash", "documents": "documents"}
# How a restore names each part when it refuses a folder that is not empty.
LABELS = {
    "media": "Thư mục ảnh (MEDIA_ROOT)",
    "trash": "Thùng rác (PORTAL_TRASH_ROOT)",
    "documents": "Thư mục tệp văn bản (PORTAL_DOCUMENTS_ROOT)",
}


def storage(part):
    return storages[PARTS[part]]


def names(part):
    return walk(storage(part))


def first_file(part):
    """A file already in that part, or None when it is empty."""
    return next(iter(names(part)), None)


def clear(part):
    """Delete every file of that part: what `restore --force` does before writing the archive's."""
    store = storage(part)
    for name in list(walk(store)):
        store.delete(name)


def modified(part, name):
    try:
        return storage(part).get_modified_time(name).timestamp()
    except (NotImplementedError, OSError):
        return None


def write(part, name, source, mtime):
    """Store an archived file back under its own name (the storage must not choose another)."""
    store = storage(part)
    saved = store.save(name, source)
    if saved != name:
        store.delete(saved)
        raise ValueError(f"{name!r} was stored as {saved!r}")
    # On disk a restored file keeps its time: the trash is purged by age.
    if isinstance(store, FileSystemStorage):  # elsewhere (S3) the storage keeps its own time
        os.utime(store.path(name), (mtime, mtime))
