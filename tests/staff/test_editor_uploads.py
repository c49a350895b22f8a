"""CKEditor's uploader: staff only, every image verified and re-encoded, refusals in CKEditor's own terms."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escapejs
from PIL import ExifTags, Image

from news.editor_uploads import MESSAGE_FOREIGN_ORIGIN
from news.images import MAX_SIDE

from .files import (
    REFUSED,
    image_bytes,
    multi_picture_jpeg,
    phone_photo,
    stored_files,
    upload,
    with_corrupt_exif,
)

UPLOAD = "/ckeditor/upload/"
# How CKEditor 4 calls it: the dialog's XHR upload asks for JSON; a paste appends it to the path itself.
XHR = UPLOAD + "?CKEditor=id_body&CKEditorFuncNum=1&langCode=vi&responseType=json"
PASTE = UPLOAD + "&responseType=json"
FORM = UPLOAD + "?CKEditor=id_body&CKEditorFuncNum=7&langCode=vi"


@pytest.mark.parametrize("kind", REFUSED)
def test_a_refused_upload_answers_ckeditor_with_the_reason_and_keeps_nothing(editor_client, media_root, kind):
    name, content, message = REFUSED[kind]
    response = editor_client.post(XHR, {"upload": upload(name, content)})
    assert response.status_code == 200
    assert response.json() == {"uploaded": 0, "error": {"message": message}}
    assert stored_files(media_root) == []


def test_a_refused_form_upload_calls_back_with_the_reason(editor_client, media_root):
    name, content, message = REFUSED["svg"]
    response = editor_client.post(FORM, {"upload": upload(name, content)})
    body = response.content.decode()
    assert "window.parent.CKEDITOR.tools.callFunction(7, ''" in body
    assert escapejs(message) in body
    assert stored_files(media_root) == []


def test_an_image_is_re_encoded_under_a_dated_random_name(editor_client, media_root):
    response = editor_client.post(XHR, {"upload": upload("Ảnh hội nghị.jpg", phone_photo((4000, 3000)))})
    answer = response.json()
    assert answer["uploaded"] == 1
    month = timezone.localdate().strftime("%Y/%m")
    match = re.fullmatch(rf"/media/uploads/{month}/([0-9a-f]{{32}})\.jpg", answer["url"])
    assert match, answer["url"]
    stem = match.group(1)
    assert stored_files(media_root) == [f"uploads/{month}/{stem}.jpg", f"uploads/{month}/{stem}_thumb.jpg"]
    with Image.open(media_root / "uploads" / month / f"{stem}.jpg") as image:
        assert image.size == (1500, MAX_SIDE)  # upright: the sideways 4000 × 3000 is a portrait
        assert len(image.getexif()) == 0
        assert image.getexif().get_ifd(ExifTags.IFD.GPSInfo) == {}


def test_a_phone_jpeg_with_extra_pictures_is_accepted(editor_client, media_root):
    response = editor_client.post(XHR, {"upload": upload("IMG_2041.JPG", multi_picture_jpeg())})
    assert response.json()["uploaded"] == 1
    assert response.json()["url"].endswith(".jpg")


def test_an_image_with_corrupt_exif_is_accepted_not_a_500(editor_client, media_root):
    response = editor_client.post(XHR, {"upload": upload("chup-man-hinh.png", with_corrupt_exif())})
    assert response.json()["uploaded"] == 1


def test_a_pasted_image_gets_json(editor_client):
    response = editor_client.post(PASTE, {"upload": upload("image.png", image_bytes(fmt="PNG"))})
    assert response.json()["uploaded"] == 1


def test_the_form_upload_calls_back_with_the_address(editor_client):
    response = editor_client.post(FORM, {"upload": upload("anh.jpg", image_bytes())})
    assert re.search(r"callFunction\(7, '/media/uploads/\d{4}/\d{2}/[0-9a-f]{32}\.jpg', ''\)", response.text)


def test_a_callback_number_cannot_inject_script(editor_client):
    url = UPLOAD + "?CKEditorFuncNum=1);alert(1)//"
    response = editor_client.post(url, {"upload": upload("anh.jpg", image_bytes())})
    assert "alert" not in response.content.decode()
    assert response.json()["uploaded"] == 1


def test_the_uploader_is_closed_to_anonymous_visitors(client, media_root):
    response = client.post(XHR, {"upload": upload("anh.jpg", image_bytes())})
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]
    assert stored_files(media_root) == []


def test_the_uploader_is_closed_to_staff_outside_the_publishing_groups(staff_client, media_root):
    response = staff_client.post(XHR, {"upload": upload("anh.jpg", image_bytes())})
    assert response.status_code == 403
    assert stored_files(media_root) == []


def test_a_post_from_another_site_is_refused(editor_client, media_root):
    response = editor_client.post(
        XHR, {"upload": upload("anh.jpg", image_bytes())}, headers={"Sec-Fetch-Site": "cross-site"}
    )
    assert response.status_code == 403
    assert stored_files(media_root) == []


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "https://trang-la.example"},
        {"Origin": "null"},  # a sandboxed frame or a file opened from disk
        {"Referer": "https://trang-la.example/bai-viet.html"},
    ],
)
def test_a_foreign_origin_is_refused_when_the_browser_sends_no_sec_fetch_site(
    editor_client, media_root, headers
):
    """Browsers before 2020 send no Sec-Fetch-Site; their Origin (or Referer) still says who posts."""
    response = editor_client.post(XHR, {"upload": upload("anh.jpg", image_bytes())}, headers=headers)
    assert response.status_code == 403
    assert response.json() == {"uploaded": 0, "error": {"message": MESSAGE_FOREIGN_ORIGIN}}
    assert stored_files(media_root) == []


def test_a_refused_origin_is_explained_in_the_form_uploads_frame(editor_client, media_root):
    headers = {"Origin": "https://trang-la.example"}
    response = editor_client.post(FORM, {"upload": upload("anh.jpg", image_bytes())}, headers=headers)
    assert response.status_code == 403
    assert escapejs(MESSAGE_FOREIGN_ORIGIN) in response.content.decode()
    assert stored_files(media_root) == []


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "http://testserver"},
        {"Referer": "http://testserver/quan-tri/news/article/add/"},
        {"Origin": "https://tin.phuong.example"},  # the public address, declared behind a proxy
    ],
)
def test_our_own_origin_may_upload_without_sec_fetch_site(editor_client, media_root, settings, headers):
    settings.CSRF_TRUSTED_ORIGINS = ["https://tin.phuong.example"]
    response = editor_client.post(XHR, {"upload": upload("anh.jpg", image_bytes())}, headers=headers)
    assert response.json()["uploaded"] == 1
    assert len(stored_files(media_root)) == 2


def test_the_server_browser_is_staff_only_and_lists_uploads(client, editor_client):
    editor_client.post(XHR, {"upload": upload("anh.jpg", image_bytes())})
    assert "uploads/" in editor_client.get("/ckeditor/browse/").content.decode()
    client.logout()
    response = client.get("/ckeditor/browse/")
    assert response.status_code == 302
