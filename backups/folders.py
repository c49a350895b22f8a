"""What a backup holds besides the database: the media storage and the portal's private folders.

Media (photos and the editor's uploads) is read and written through Django's storage API only, so a
backup of media on S3-compatible storage works as one on disk (docs/SCALING.md). The private folders
(PORTAL_PRIVATE_ROOT: photos kept between a refused save and the next; PORTAL_TRASH_ROOT: removed photos
that a version restore brings back) are local by design, never served, and read from disk.

Each part has a prefix in the archive: media/, private/, trash/. The trash is usually inside the private
folder; it is then archived once, as trash/.
"""

import os
import shutil
from pathlib import Path

from django.conf import settings
from django.core.files.storage import default_storage

MEDIA, PRIVATE, TRASH = "media", "private", "trash"


def media_names(storage=None, folder=""):
    """Every stored file's name, walking the storage's folders."""
    storage = storage or default_storage
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:  # no media folder yet
        return
    for name in sorted(files):
        yield f"{folder}{name}"
    for sub in sorted(folders):
        yield from media_names(storage, f"{folder}{sub}/")


def local_roots():
    """The private folders, by prefix: {"private": Path, "trash": Path}."""
    return {PRIVATE: Path(settings.PORTAL_PRIVATE_ROOT), TRASH: Path(settings.PORTAL_TRASH_ROOT)}


def local_files(prefix):
    """(relative posix name, absolute path) of every regular file under that private folder."""
    roots = local_roots()
    root = roots[prefix]
    if not root.is_dir():
        return
    # The trash inside the private folder is archived as trash/ only.
    skip = roots[TRASH].resolve() if prefix == PRIVATE else None
    for folder, subfolders, files in os.walk(root):
        here = Path(folder)
        if skip is not None and (here.resolve() == skip or skip in here.resolve().parents):
            subfolders[:] = []
            continue
        subfolders.sort()
        for name in sorted(files):
            path = here / name
            if path.is_file() and not path.is_symlink():
                yield path.relative_to(root).as_posix(), path


def first_file(prefix):
    """A file already in that part (media, private or trash), or None when it is empty."""
    names = media_names() if prefix == MEDIA else (name for name, _ in local_files(prefix))
    return next(iter(names), None)


def clear(prefix):
    """Delete every file of that part: what `restore --force` does before writing the archive's."""
    if prefix == MEDIA:
        for name in list(media_names()):
            default_storage.delete(name)
        return
    root = local_roots()[prefix]
    for _name, path in list(local_files(prefix)):
        path.unlink()
    for folder, _, _ in sorted(os.walk(root), reverse=True):
        if Path(folder) != root and not any(Path(folder).iterdir()):
            Path(folder).rmdir()


def local_target(prefix, name):
    """Where an archived private file goes back, refusing any name that would leave its folder."""
    root = local_roots()[prefix].resolve()
    path = (root / name).resolve()
    if root not in path.parents:
        raise ValueError(name)
    return path


def write_local(prefix, name, source, mtime):
    path = local_target(prefix, name)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "xb") as target:
        shutil.copyfileobj(source, target)
    # The trash's purge goes by a file's age: a restored file keeps the time it was removed.
    os.utime(path, (mtime, mtime))
