"""Where documents' files are kept: the "documents" storage (portal/storages.py), never published.

Files reach residents only through documents.views.download, which refuses an unpublished document's
files and sets the headers that keep a PDF or an Office file from running in the site's origin.
"""

from django.core.files.storage import storages


def document_storage():
    """The storage of documents' files (a callable, so migrations do not record the folder)."""
    return storages["documents"]
