"""Photos with captions in the article form: refused files, upright photos without EXIF, thumbnails, order."""

import io
import re
from pathlib import Path

import pytest
from django.urls import reverse
from PIL import ExifTags, Image

from news.images import MAX_SIDE, MEDIUM_SIDE, PHONE_SIDE, THUMBNAIL_SIDE
from news.models import Article, ArticlePhoto

from .files import (
    REFUSED,
    greyscale_16_bit_png,
    image_bytes,
    multi_picture_jpeg,
    phone_photo,
    photo_file_names,
    stored_files,
    swapped_red_green_profile,
    upload,
    with_colour_profile,
    with_corrupt_exif,
)
from .posting import article_form


def photo_row(name="anh.jpg", content=None, caption="Quang cảnh hội nghị", **fields):
    return {"image": upload(name, content or image_bytes()), "caption": caption, "order": 0, **fields}


@pytest.mark.parametrize("kind", REFUSED)
def test_a_refused_photo_keeps_nothing_and_says_why(editor_client, media_root, kind):
    name, content, message = REFUSED[kind]
    response = editor_client.post(
        reverse("admin:news_article_add"), article_form(photos=[photo_row(name, content)])
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Article.objects.exists()
    assert not ArticlePhoto.objects.exists()
    assert stored_files(media_root) == []


def test_a_refused_photo_beside_a_good_one_keeps_neither(editor_client, media_root, make_article):
    """Nothing of that save is kept: not the good photo, not the article's new text."""
    draft = make_article(status=Article.Status.DRAFT, title="Bản nháp cũ")
    name, content, message = REFUSED["truncated-jpeg"]
    data = article_form(title="Tiêu đề mới", photos=[photo_row(), photo_row(name, content)])
    response = editor_client.post(reverse("admin:news_article_change", args=[draft.pk]), data)
    assert message in response.content.decode()
    draft.refresh_from_db()
    assert draft.title == "Bản nháp cũ"
    assert not ArticlePhoto.objects.exists()
    assert stored_files(media_root) == []


def test_a_phone_photo_is_stored_upright_without_exif_or_gps(editor_client, media_root):
    response = editor_client.post(
        reverse("admin:news_article_add"), article_form(photos=[photo_row(content=phone_photo())])
    )
    assert response.status_code == 302
    photo = ArticlePhoto.objects.get()
    # 800 × 600 sideways with orientation 6 is a 600 × 800 portrait.
    assert (photo.width, photo.height) == (600, 800)
    for stored in (photo.image, photo.thumbnail):
        with Image.open(stored.path) as image:
            exif = image.getexif()
            assert len(exif) == 0
            assert exif.get_ifd(ExifTags.IFD.GPSInfo) == {}
            assert "exif" not in image.info
        assert b"PhoneCo" not in Path(stored.path).read_bytes()


def test_a_12_megapixel_photo_is_bounded_and_thumbnailed(editor_client):
    big = image_bytes((4000, 3000), quality=90)
    editor_client.post(
        reverse("admin:news_article_add"), article_form(photos=[photo_row("IMG_0001.JPG", big)])
    )
    photo = ArticlePhoto.objects.get()
    assert max(photo.width, photo.height) == MAX_SIDE
    with Image.open(photo.thumbnail.path) as thumb:
        assert max(thumb.size) == THUMBNAIL_SIDE
    with Image.open(photo.medium.path) as medium:
        assert medium.size == (MEDIUM_SIDE, MEDIUM_SIDE * 3 // 4)
    for phone in (photo.phone, photo.phone_webp):
        with Image.open(phone.path) as image:
            assert image.size == (PHONE_SIDE, PHONE_SIDE * 3 // 4)
    # The stored names are random, not the phone's.
    assert "IMG_0001" not in photo.image.name


def test_phones_are_offered_the_phone_and_medium_sizes_of_a_large_photo_and_small_photos_stay_whole(
    editor_client, client, media_root, django_capture_on_commit_callbacks
):
    rows = [
        photo_row("lon.jpg", image_bytes((3000, 4000)), order=0),
        photo_row("nho.jpg", image_bytes((900, 600)), order=1),
    ]
    data = article_form(status=Article.Status.DRAFT, photos=rows)
    assert editor_client.post(reverse("admin:news_article_add"), data).status_code == 302
    large, small = ArticlePhoto.objects.order_by("order")
    assert (large.phone_width, large.medium_width, small.medium) == (600, 900, "")
    Article.objects.update(status=Article.Status.PUBLISHED)
    client.logout()
    page = client.get(large.article.get_absolute_url()).content.decode()
    sizes = 'sizes="(min-width: 48rem) 46rem, calc(100vw - 2rem)"'
    srcset = (
        f'srcset="{large.thumbnail.url} 300w, {large.phone.url} 600w, {large.medium.url} 900w,'
        f' {large.image.url} 1500w" {sizes}'
    )
    assert srcset in page
    # A photo no larger than the medium size is its own medium size: its thumbnail, phone size and itself.
    small_img = re.search(r'<img src="' + re.escape(small.image.url) + r'"[^>]*>', page).group(0)
    assert f'srcset="{small.thumbnail.url} 400w, {small.phone.url} 800w, {small.image.url} 900w"' in small_img
    # Deleting the article deletes every size of its photos.
    with django_capture_on_commit_callbacks(execute=True):
        large.article.delete()
    assert stored_files(media_root) == []


def test_png_and_webp_are_accepted(editor_client):
    rows = [photo_row("so-do.png", image_bytes(fmt="PNG")), photo_row("anh.webp", image_bytes(fmt="WEBP"))]
    response = editor_client.post(reverse("admin:news_article_add"), article_form(photos=rows))
    assert response.status_code == 302
    assert ArticlePhoto.objects.count() == 2


@pytest.mark.parametrize("name", ["anh-tai-ve", "anh.jpg_large", "IMG_0412.HEIC", "anh.webp.jpg.txt"])
def test_a_good_photo_with_an_odd_file_name_is_accepted(editor_client, media_root, name):
    """Photos saved from a chat app or a web page may have no extension or another one; the content is
    what is checked, yet the form refused them in English ("File extension “” is not allowed. Allowed
    extensions are: bmp, dib, gif…", a list of formats it would refuse anyway)."""
    response = editor_client.post(
        reverse("admin:news_article_add"), article_form(photos=[photo_row(name, phone_photo())])
    )
    assert response.status_code == 302
    photo = ArticlePhoto.objects.get()
    assert (photo.width, photo.height) == (600, 800)
    with Image.open(photo.image.path) as image:
        assert image.format == "JPEG"


def test_a_phone_jpeg_with_extra_pictures_is_accepted_as_the_photo_alone(editor_client):
    """Phones append depth maps and previews (MPF); Pillow names such a JPEG "MPO" and it was refused."""
    rows = [photo_row("IMG_2041.JPG", multi_picture_jpeg())]
    response = editor_client.post(reverse("admin:news_article_add"), article_form(photos=rows))
    assert response.status_code == 302
    photo = ArticlePhoto.objects.get()
    with Image.open(photo.image.path) as image:
        assert (image.format, image.size) == ("JPEG", (800, 600))
        assert getattr(image, "n_frames", 1) == 1
        assert image.getpixel((400, 300))[0] > 150


@pytest.mark.parametrize("fmt", ["PNG", "WEBP"])
def test_a_picture_with_corrupt_exif_is_kept_not_a_500(editor_client, fmt):
    """exif_transpose raised SyntaxError after the form had accepted the file: the save was a 500."""
    rows = [photo_row(f"anh.{fmt.lower()}", with_corrupt_exif(fmt))]
    assert editor_client.post(reverse("admin:news_article_add"), article_form(photos=rows)).status_code == 302
    photo = ArticlePhoto.objects.get()
    assert (photo.width, photo.height) == (800, 600)
    with Image.open(photo.image.path) as image:
        assert len(image.getexif()) == 0


@pytest.mark.parametrize(
    ("fmt", "mode", "color"), [("JPEG", "RGB", (200, 30, 30)), ("PNG", "RGBA", (200, 30, 30, 255))]
)
def test_a_photos_colour_profile_is_applied_not_dropped_nor_passed_on(editor_client, fmt, mode, color):
    """Profiles were dropped unapplied, so a phone's Display P3 photo showed dull (or, for a PNG, the raw
    profile went to the public). Here the profile swaps red and green: the red pixels are green."""
    content = with_colour_profile(swapped_red_green_profile(), fmt, mode, color)
    rows = [photo_row(f"anh.{fmt.lower()}", content)]
    assert editor_client.post(reverse("admin:news_article_add"), article_form(photos=rows)).status_code == 302
    photo = ArticlePhoto.objects.get()
    for stored in (photo.image, photo.thumbnail):
        with Image.open(stored.path) as image:
            red, green, _ = image.convert("RGB").getpixel((100, 100))
            assert green > 150 > 80 > red
            assert "icc_profile" not in image.info


def test_a_16_bit_greyscale_scan_keeps_its_greys(editor_client):
    """Pillow's convert() clipped 16-bit levels to 255: the stored photo came out blank white."""
    rows = [photo_row("ban-quet.png", greyscale_16_bit_png())]
    assert editor_client.post(reverse("admin:news_article_add"), article_form(photos=rows)).status_code == 302
    photo = ArticlePhoto.objects.get()
    with Image.open(photo.image.path) as image:
        grey = image.convert("L")
        assert grey.getpixel((2, 10)) < 20
        assert 100 < grey.getpixel((128, 10)) < 156
        assert grey.getpixel((253, 10)) > 235


def test_each_photo_row_shows_its_thumbnail(editor_client, make_article, make_photo):
    article = make_article(status=Article.Status.DRAFT)
    photo = make_photo(article)
    page = editor_client.get(reverse("admin:news_article_change", args=[article.pk])).content.decode()
    assert f'<img class="photo-thumb" src="{photo.thumbnail.url}"' in page


def test_staff_reorder_place_and_remove_photos(editor_client, make_article, make_photo, client):
    article = make_article(
        status=Article.Status.DRAFT, body="<p>Một.</p><p>Hai.</p><p>Ba.</p>", title="Bài có ảnh"
    )
    first = make_photo(article, caption="Ảnh thứ nhất", order=1)
    second = make_photo(article, caption="Ảnh thứ hai", order=2)
    third = make_photo(article, caption="Ảnh thứ ba", order=3)

    def row(photo, **fields):
        return {"id": photo.pk, "article": article.pk, "caption": photo.caption, **fields}

    existing = [row(first, order=2), row(second, order=1, position=1), row(third, order=3, DELETE="on")]
    data = article_form(title=article.title, body=article.body, existing=existing)
    response = editor_client.post(reverse("admin:news_article_change", args=[article.pk]), data)
    assert response.status_code == 302

    assert [p.caption for p in article.photos.all()] == ["Ảnh thứ hai", "Ảnh thứ nhất"]
    assert article.photos.get(pk=second.pk).position == 1
    # On the page (previewed by staff) the second photo now follows the first paragraph.
    page = editor_client.get(article.get_absolute_url()).content.decode()
    body = page.split('class="article-body"', 1)[1]
    assert body.index("Một.") < body.index("<figcaption>Ảnh thứ hai") < body.index("Hai.")
    assert "Ảnh thứ ba" not in page


def test_the_upload_field_tells_the_browser_which_images_are_welcome(editor_client):
    page = editor_client.get(reverse("admin:news_article_add")).content.decode()
    assert 'accept="image/jpeg,image/png,image/webp"' in page


def test_a_stored_photo_is_a_plain_jpeg(editor_client):
    editor_client.post(
        reverse("admin:news_article_add"), article_form(photos=[photo_row(content=phone_photo())])
    )
    photo = ArticlePhoto.objects.get()
    with open(photo.image.path, "rb") as stored, Image.open(io.BytesIO(stored.read())) as image:
        assert image.format == "JPEG"
    assert photo.image.name.startswith("photos/")


def test_a_removed_photo_leaves_the_site_with_its_thumbnail(
    approver_client, make_article, make_photo, media_root, django_capture_on_commit_callbacks
):
    """The files stayed behind, public at their addresses (shared with Facebook and Zalo as og:image)."""
    article = make_article(title="Bài có ảnh")
    kept, removed = make_photo(article, caption="Giữ lại"), make_photo(article, caption="Gỡ đi")
    existing = [
        {"id": kept.pk, "article": article.pk, "caption": kept.caption, "order": 0},
        {"id": removed.pk, "article": article.pk, "caption": removed.caption, "order": 1, "DELETE": "on"},
    ]
    data = article_form(title=article.title, body=article.body, status=article.status, existing=existing)
    with django_capture_on_commit_callbacks(execute=True):
        assert (
            approver_client.post(reverse("admin:news_article_change", args=[article.pk]), data).status_code
            == 302
        )
    assert stored_files(media_root) == photo_file_names(kept)


def test_a_replaced_photo_file_is_deleted(
    editor_client, make_article, make_photo, media_root, django_capture_on_commit_callbacks
):
    article = make_article(status=Article.Status.DRAFT)
    # Large enough to have every size, the phone size and its WebP included.
    photo = make_photo(article, size=(3000, 2000))
    old = photo_file_names(photo)
    assert photo.phone.name in old and photo.phone_webp.name in old
    row = {
        "id": photo.pk,
        "article": article.pk,
        "caption": "Ảnh khác",
        "order": 0,
        "image": upload("moi.jpg", image_bytes((1600, 1200))),
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            reverse("admin:news_article_change", args=[article.pk]),
            article_form(title=article.title, existing=[row]),
        )
    assert response.status_code == 302
    photo.refresh_from_db()
    assert stored_files(media_root) == photo_file_names(photo)
    assert not set(old) & set(stored_files(media_root))


def test_deleting_an_article_deletes_its_photo_files(
    approver_client, make_article, make_photo, media_root, django_capture_on_commit_callbacks
):
    article = make_article()
    make_photo(article, size=(1600, 1200))  # every size, the phone size included
    make_photo(article)
    with django_capture_on_commit_callbacks(execute=True):
        response = approver_client.post(
            reverse("admin:news_article_delete", args=[article.pk]), {"post": "yes"}
        )
    assert response.status_code == 302
    assert not Article.objects.exists()
    assert stored_files(media_root) == []


def test_a_refused_save_keeps_the_files_of_the_photos_it_would_have_removed(
    editor_client, make_article, make_photo, media_root, django_capture_on_commit_callbacks
):
    article = make_article(status=Article.Status.DRAFT)
    photo = make_photo(article)
    name, content, _ = REFUSED["svg"]
    existing = [{"id": photo.pk, "article": article.pk, "caption": photo.caption, "order": 0, "DELETE": "on"}]
    data = article_form(title=article.title, existing=existing, photos=[photo_row(name, content)])
    with django_capture_on_commit_callbacks(execute=True):
        assert (
            editor_client.post(reverse("admin:news_article_change", args=[article.pk]), data).status_code
            == 200
        )
    assert ArticlePhoto.objects.filter(pk=photo.pk).exists()
    assert stored_files(media_root) == photo_file_names(photo)
