"""The uploaded logo, re-encoded: verified by news.images, bounded, without metadata, under a random name.

A PNG keeps a logo's transparent background; at most 512 px, as the header shows it at 56 px (3× for
sharp phone screens is 168 px, and 512 leaves room for a larger use later).
"""

import io
import uuid

from django.core.files.base import ContentFile
from PIL import Image

from news.images import open_verified

LOGO_SIDE = 512


def process_logo(file):
    image = open_verified(file)
    image = image.convert("RGBA" if image.mode in ("RGBA", "LA", "P") else "RGB")
    image.thumbnail((LOGO_SIDE, LOGO_SIDE), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return ContentFile(buffer.getvalue(), name=f"{uuid.uuid4().hex}.png")
