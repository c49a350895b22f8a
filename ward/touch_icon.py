"""The apple-touch-icon (what a phone shows when a resident adds the portal to the home screen), and the
logo that search engines and share cards are given: the ward's logo on an opaque 180 px square.

Made once, when staff upload a logo (WardSettings.save), and stored beside it under a name derived from
the logo's, so no request ever works on an image. A logo stored before this rule gets its icon the first
time ward.identity reads the row (url_for), which happens once per cache lifetime, not per request.
Without an uploaded logo the icon is static/img/apple-touch-icon.png, the default logo
(img/ward-logo.svg) drawn by Chromium at 512 px and passed through render() (scripts/default_touch_icon.py).

Opaque and with a margin: iOS rounds the corners itself and shows transparency as black.
"""

import io

from django.core.files.base import ContentFile
from PIL import Image

SIDE = 180
MARGIN = 16
BACKGROUND = (255, 255, 255)
DEFAULT_TOUCH_ICON = "img/apple-touch-icon.png"


def render(image):
    """The PNG bytes of image centred on a white SIDE × SIDE square."""
    image = image.convert("RGBA")
    image.thumbnail((SIDE - 2 * MARGIN, SIDE - 2 * MARGIN), Image.Resampling.LANCZOS)
    square = Image.new("RGB", (SIDE, SIDE), BACKGROUND)
    square.paste(image, ((SIDE - image.width) // 2, (SIDE - image.height) // 2), image)
    buffer = io.BytesIO()
    square.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def name_for(logo_name):
    """ward/3f2a….png → ward/3f2a…-touch-icon.png"""
    return f"{logo_name.rsplit('.', 1)[0]}-touch-icon.png"


def store(logo):
    """Make and store the icon of logo (a stored ImageField file, the re-encoded upload)."""
    logo.open("rb")
    try:
        content = render(Image.open(logo))
    finally:
        logo.close()
    return logo.storage.save(name_for(logo.name), ContentFile(content))


def url_for(logo):
    """The icon's address for a stored logo, made now if it is missing."""
    name = name_for(logo.name)
    if not logo.storage.exists(name):
        name = store(logo)
    return logo.storage.url(name)
