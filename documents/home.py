"""The home page's "Văn bản mới" block: the newest public documents, one query."""

from .models import Document

HOME_SIZE = 5


def home_block():
    """The context the block (templates/documents/_home_block.html) reads."""
    return {
        "new_documents": Document.objects.published()
        .for_listing()
        .order_by("-published_at", "-pk")[:HOME_SIZE]
    }
