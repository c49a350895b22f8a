"""The home-screen icon (apple-touch-icon) is the ward's own logo once staff upload one: a 180 px opaque
square made at upload, never per request; without a logo, the default shipped in static/img."""

import io
import json
import re
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image

from ward import identity
from ward.models import WardSettings
from ward.touch_icon import name_for

DEFAULT_ICON = "/static/img/apple-touch-icon.png"
SHIPPED = Path(__file__).resolve().parents[2] / "static/img/apple-touch-icon.png"


def logo_png(size=(300, 200)):
    """A red logo on a transparent background, wider than tall."""
    image = Image.new("RGBA", size, (0, 0, 0, 0))
    image.paste((165, 14, 14, 255), (size[0] // 4, size[1] // 4, 3 * size[0] // 4, 3 * size[1] // 4))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def icon_link(page_html):
    return re.search(r'<link rel="apple-touch-icon" href="([^"]+)">', page_html).group(1)


def test_without_a_logo_the_default_icon_is_shown(reader):
    assert icon_link(reader.get("/").content.decode()) == DEFAULT_ICON
    shipped = Image.open(SHIPPED)
    assert (shipped.size, shipped.mode) == ((180, 180), "RGB")


def test_an_uploaded_logo_becomes_the_icon_at_once(reader):
    site = WardSettings.objects.get(pk=1)
    site.logo = ContentFile(logo_png(), name="logo-phuong.png")
    site.save()
    icon_name = name_for(site.logo.name)
    assert default_storage.exists(icon_name)
    page = reader.get("/").content.decode()
    assert icon_link(page) == default_storage.url(icon_name)
    # The search engines are given the same square as the ward's logo.
    ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1))
    ward = next(node for node in ld["@graph"] if node["@type"] == "Organization")
    assert ward["logo"]["url"] == "http://testserver" + default_storage.url(icon_name)

    with default_storage.open(icon_name) as file:
        icon = Image.open(file)
        icon.load()
    assert (icon.format, icon.size, icon.mode) == ("PNG", (180, 180), "RGB")
    # Opaque (a phone shows transparency as black): the logo's clear corner is white, its middle red.
    assert icon.getpixel((2, 2)) == (255, 255, 255)
    assert icon.getpixel((90, 90)) == (165, 14, 14)


def test_a_logo_stored_before_the_icon_rule_gets_its_icon_when_the_identity_is_read(db):
    """A logo uploaded before icons were made: made when the identity is next read from the database."""
    stored = default_storage.save("ward/cu.png", ContentFile(logo_png()))
    WardSettings.objects.filter(pk=1).update(logo=stored)
    identity.forget()
    assert not default_storage.exists(name_for(stored))
    assert identity.current().touch_icon_url == default_storage.url(name_for(stored))
    assert default_storage.exists(name_for(stored))
