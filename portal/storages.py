"""Where the portal's files live, always behind Django's storage API (STORAGES in settings.py).

- "default": published media (photos, the editor's uploads), under MEDIA_ROOT, served by the web server;
  or an S3-compatible bucket (docs/SCALING.md).
- "private": files never published (news.kept_photos: photos kept between a refused save and the next),
  under PORTAL_PRIVATE_ROOT.
- "trash": removed photos waiting for a version restore (publishing.trash), under PORTAL_TRASH_ROOT.
- "documents": documents' files (Văn bản), under PORTAL_DOCUMENTS_ROOT (unset: PORTAL_PRIVATE_ROOT's
  documents/); residents get them only through documents.views.download, never from the web server.

The private stores on disk read their folder from settings each time, like FileSystemStorage does for
MEDIA_ROOT, so a test (or a second ward in one process) can point them elsewhere. They have no URL: a
private file is only ever read by the portal itself.
"""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class _FolderFromSetting(FileSystemStorage):
    setting = ""

    def __init__(self, **options):
        # Readable by the portal's own user only; the web server never serves these.
        options.setdefault("file_permissions_mode", 0o600)
        options.setdefault("directory_permissions_mode", 0o700)
        super().__init__(**options)

    @property
    def base_location(self):
        return str(getattr(settings, self.setting))

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("private files have no address")


class PrivateStorage(_FolderFromSetting):
    setting = "PORTAL_PRIVATE_ROOT"


class TrashStorage(_FolderFromSetting):
    setting = "PORTAL_TRASH_ROOT"


class DocumentsStorage(_FolderFromSetting):
    @property
    def base_location(self):
        return str(settings.PORTAL_DOCUMENTS_ROOT or os.path.join(settings.PORTAL_PRIVATE_ROOT, "documents"))


def walk(storage, folder=""):
    """Every stored file's name under folder ("" for all), walking the storage's folders."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:  # the folder was never made
        return
    prefix = f"{folder.rstrip('/')}/" if folder else ""
    for name in sorted(files):
        yield f"{prefix}{name}"
    for sub in sorted(folders):
        yield from walk(storage, f"{prefix}{sub}")
