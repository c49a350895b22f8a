"""What decoding an upload may cost: a small file with huge dimensions is refused from its header, and
a large photo is decoded small. Peak memory is measured by bench/upload_memory.py (docs/SECURITY.md)."""

import io

import pytest
from django.urls import reverse
from PIL import Image

from news.images import MAX_SIDE, MESSAGE_TOO_LARGE, process_photo
from news.models import ArticlePhoto

from .files import image_bytes, stored_files, upload
from .posting import article_form

EDITOR_UPLOAD = "/ckeditor/upload/?CKEditor=id_body&CKEditorFuncNum=1&langCode=vi&responseType=json"


def small_but_huge(fmt, size):
    """A file of a few dozen kilobytes whose picture is size pixels: one colour compresses to nothing."""
    data = image_bytes(size, fmt)
    assert len(data) < 200 * 1024
    return data


@pytest.mark.parametrize(
    ("name", "fmt", "size"),
    [("ban-do.png", "PNG", (7000, 7000)), ("anh-web.webp", "WEBP", (4200, 3000))],
)
def test_a_small_file_with_huge_dimensions_is_refused_in_the_article_form(
    editor_client, media_root, name, fmt, size
):
    content = small_but_huge(fmt, size)
    row = {"image": upload(name, content), "caption": "Bản đồ phường", "order": 0}
    response = editor_client.post(reverse("admin:news_article_add"), article_form(photos=[row]))
    assert response.status_code == 200
    assert MESSAGE_TOO_LARGE in response.content.decode()
    assert ArticlePhoto.objects.count() == 0
    assert stored_files(media_root) == []


def test_the_editors_uploader_refuses_it_with_the_same_words(editor_client, media_root):
    response = editor_client.post(
        EDITOR_UPLOAD, {"upload": upload("ban-do.png", small_but_huge("PNG", (7000, 7000)))}
    )
    assert response.json() == {"uploaded": 0, "error": {"message": MESSAGE_TOO_LARGE}}
    assert stored_files(media_root) == []


def test_a_48_megapixel_phone_photo_is_still_accepted(editor_client, media_root):
    response = editor_client.post(
        EDITOR_UPLOAD, {"upload": upload("anh-48mp.jpg", image_bytes((8000, 6000)))}
    )
    answer = response.json()
    assert answer["uploaded"] == 1
    with Image.open(media_root / answer["url"].removeprefix("/media/")) as stored:
        assert stored.size == (MAX_SIDE, 1500)


def test_a_large_palette_png_with_transparency_keeps_it_when_reduced_first():
    """Palette indices cannot be averaged: such a picture is converted before it is reduced."""
    picture = Image.new("P", (4400, 200), 0)
    picture.putpalette([0, 0, 0, 200, 30, 30] + [0, 0, 0] * 254)
    picture.paste(1, (0, 0, 2200, 200))
    buffer = io.BytesIO()
    picture.save(buffer, "PNG", transparency=0)
    renditions = process_photo(io.BytesIO(buffer.getvalue()))
    with Image.open(renditions.display) as display:
        assert display.format == "PNG" and display.size == (MAX_SIDE, 91)
        rgba = display.convert("RGBA")
        assert rgba.getpixel((100, 45)) == (200, 30, 30, 255)  # the red half, opaque
        assert rgba.getpixel((1900, 45))[3] == 0  # the transparent half stays transparent


def test_a_large_16_bit_scan_keeps_its_greys_when_reduced_first():
    picture = Image.new("I;16", (4400, 100))
    picture.putdata([(x * 65535) // 4399 for _ in range(100) for x in range(4400)])
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    with Image.open(process_photo(io.BytesIO(buffer.getvalue())).display) as display:
        assert display.size == (MAX_SIDE, 45)
        grey = display.convert("L")
        assert grey.getpixel((0, 20)) < 10 and grey.getpixel((1999, 20)) > 245
        assert 118 <= grey.getpixel((1000, 20)) <= 138
