"""Where documents' files are kept: a private folder the web server never publishes.

Files reach residents only through documents.views.download, which refuses an unpublished document's
files and sets the headers that keep a PDF or an Office file from running in the site's origin.
The folder is read from settings on each use, so each test writes to its own.
"""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage


def documents_root():
    return Path(settings.PORTAL_DOCUMENTS_ROOT or Path(settings.PORTAL_PRIVATE_ROOT) / "documents")


class DocumentStorage(FileSystemStorage):
    @property
    def base_location(self):
        return documents_root()

    @property
    def location(self):
        return str(documents_root())

    @property
    def base_url(self):
        # No address: nothing links to a stored file directly.
        return None


def document_storage():
    """The storage of documents' files (a callable, so migrations do not record the folder)."""
    return DocumentStorage()
