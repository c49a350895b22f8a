"""No metadata survives into a stored photo: a resident's name and ID number in a JPEG comment, EXIF,
XMP, a colour profile or an APPn segment reach no file the portal stores (every size, every WebP)."""

import pytest
from django.urls import reverse
from PIL import Image

from news.models import ArticlePhoto

from .files import (
    PERSONAL_ID,
    PERSONAL_NAME,
    jpeg_segments,
    photo_file_names,
    photo_with_personal_metadata,
    png_chunks,
    stored_files,
    upload,
    webp_chunks,
)
from .posting import article_form

# What a JPEG needs to draw its picture: quantisation and Huffman tables, the frame header (baseline
# or progressive), restart interval. No APPn (0xE0-0xEF), no COM (0xFE).
PICTURE_SEGMENTS = {0xDB, 0xC4, 0xC0, 0xC2, 0xDD}
# A WebP's picture (lossy, lossless, its alpha) and VP8X's header, whose ICC, EXIF and XMP flags are off.
WEBP_PICTURE = {"VP8 ", "VP8L", "VP8X", "ALPH"}
WEBP_METADATA_FLAGS = 0x20 | 0x08 | 0x04


def assert_nothing_personal(folder):
    files = stored_files(folder)
    assert files
    for name in files:
        data = (folder / name).read_bytes()
        assert PERSONAL_ID.encode() not in data, name
        assert PERSONAL_NAME.encode() not in data, name
        if name.endswith(".jpg"):
            assert set(jpeg_segments(data)) <= PICTURE_SEGMENTS, (name, sorted(map(hex, jpeg_segments(data))))
        elif name.endswith(".png"):
            assert set(png_chunks(data)) <= {"IHDR", "PLTE", "tRNS", "IDAT", "IEND"}, (name, png_chunks(data))
        elif name.endswith(".webp"):
            kinds, flags = webp_chunks(data)
            assert set(kinds) <= WEBP_PICTURE and not flags & WEBP_METADATA_FLAGS, (name, kinds, flags)
        with Image.open(folder / name) as image:
            image.load()  # still a picture every browser decodes
            assert "comment" not in image.info and "exif" not in image.info, name
    return files


@pytest.mark.parametrize("only_comment", [True, False], ids=["comment", "every-kind"])
def test_a_photos_comment_and_metadata_reach_no_stored_size(editor_client, media_root, only_comment):
    content = photo_with_personal_metadata(only_comment=only_comment)
    assert PERSONAL_ID.encode() in content
    row = {"image": upload("anh-gui-tu-dien-thoai.jpg", content), "caption": "Ảnh người dân gửi", "order": 0}
    response = editor_client.post(reverse("admin:news_article_add"), article_form(photos=[row]))
    assert response.status_code == 302
    photo = ArticlePhoto.objects.get()
    # Every size was made, and checked below.
    assert photo.medium and photo.phone and photo.thumbnail and photo.image_webp
    files = assert_nothing_personal(media_root)
    assert len(files) == len(photo_file_names(photo))


@pytest.mark.parametrize("fmt", ["PNG", "WEBP"])
def test_png_and_webp_text_exif_xmp_and_profiles_are_dropped(editor_client, media_root, fmt):
    content = photo_with_personal_metadata(size=(1600, 1200), fmt=fmt)
    assert PERSONAL_NAME.encode() in content or PERSONAL_ID.encode() in content
    row = {"image": upload(f"anh.{fmt.lower()}", content), "caption": "Ảnh người dân gửi", "order": 0}
    response = editor_client.post(reverse("admin:news_article_add"), article_form(photos=[row]))
    assert response.status_code == 302
    assert_nothing_personal(media_root)


def test_the_editors_uploader_drops_them_too(editor_client, media_root):
    url = "/ckeditor/upload/?CKEditor=id_body&CKEditorFuncNum=1&langCode=vi&responseType=json"
    content = photo_with_personal_metadata(only_comment=True)
    response = editor_client.post(url, {"upload": upload("anh.jpg", content)})
    assert response.json()["uploaded"] == 1
    assert len(assert_nothing_personal(media_root)) == 2
