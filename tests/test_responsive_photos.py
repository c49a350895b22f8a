"""Article photos in every size they are stored in, WebP beside JPEG where it is smaller."""

import io
import re

from django.core.files.base import ContentFile
from PIL import Image, ImageCms

from news.images import _encode_webp
from news.models import ArticlePhoto

from .staff.files import image_bytes, phone_photo, photo_file_names, with_colour_profile

ARTICLE_SIZES = 'sizes="(min-width: 48rem) 46rem, calc(100vw - 2rem)"'
CARD_SIZES = 'sizes="(min-width: 40rem) 14rem, 7rem"'


def photo_markup(html, photo):
    """The <picture> or <img> that shows this photo."""
    return re.search(
        r"(<picture>(?:(?!</picture>).)*?" + re.escape(photo.image.url) + r".*?</picture>"
        r'|<img src="[^"]*"[^>]*' + re.escape(photo.image.url) + r"[^>]*>)",
        html,
        re.S,
    ).group(0)


def srcset(*sizes):
    """A srcset as the page writes it: each (file, width) as "URL Nw", in the order given."""
    return ", ".join(f"{file.url} {width}w" for file, width in sizes)


def test_every_photo_offers_its_sizes_webp_first_and_only_the_first_loads_at_once(
    reader, make_article, make_photo
):
    article = make_article(body="".join(f"<p>Đoạn {n}.</p>" for n in range(4)))
    photos = [make_photo(article, size=(3000, 2000), position=n, order=n) for n in range(3)]
    html = reader.get(article.get_absolute_url()).content.decode()
    for n, photo in enumerate(photos):
        markup = photo_markup(html, photo)
        jpeg = srcset((photo.thumbnail, 400), (photo.phone, 800), (photo.medium, 1200), (photo.image, 2000))
        webp = srcset(
            (photo.thumbnail_webp, 400),
            (photo.phone_webp, 800),
            (photo.medium_webp, 1200),
            (photo.image_webp, 2000),
        )
        assert markup.startswith(f'<picture><source type="image/webp" srcset="{webp}" {ARTICLE_SIZES}>')
        assert f'<img src="{photo.medium.url}" srcset="{jpeg}" {ARTICLE_SIZES}' in markup
        assert 'width="2000" height="1333"' in markup
        if n == 0:
            assert 'loading="eager" fetchpriority="high"' in markup
        else:
            assert 'loading="lazy"' in markup and "fetchpriority" not in markup


def test_the_webp_is_smaller_than_the_jpeg_and_served_as_webp(reader, make_article, make_photo):
    photo = make_photo(make_article(), size=(3000, 2000))
    for jpeg, webp in (
        (photo.image, photo.image_webp),
        (photo.medium, photo.medium_webp),
        (photo.phone, photo.phone_webp),
    ):
        assert webp.name.endswith(".webp")
        assert webp.size < jpeg.size
        response = reader.get(webp.url)
        assert response.status_code == 200
        assert response["Content-Type"] == "image/webp"
        body = b"".join(response.streaming_content)
        with Image.open(io.BytesIO(body)) as served:
            assert (served.format, served.size) == ("WEBP", (webp.width, webp.height))


def riff_chunks(data):
    """The chunk names of a WebP (RIFF) file: VP8X, ICCP, EXIF, XMP , VP8 …"""
    names, at = [], 12
    while at + 8 <= len(data):
        names.append(data[at : at + 4])
        size = int.from_bytes(data[at + 4 : at + 8], "little")
        at += 8 + size + (size % 2)
    return names


def test_webp_carries_no_exif_xmp_or_colour_profile(make_article, make_photo):
    """A phone photo's place (GPS in EXIF) must not reach readers through the WebP copies either."""
    phone = make_photo(make_article())
    phone.image = ContentFile(phone_photo((1600, 1200)), name="IMG_0001.jpg")
    phone.save()
    p3 = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    profiled = make_photo(make_article())
    profiled.image = ContentFile(with_colour_profile(p3, size=(1600, 1200)), name="anh.jpg")
    profiled.save()
    for photo in (phone, profiled):
        for field in (photo.image_webp, photo.medium_webp, photo.phone_webp, photo.thumbnail_webp):
            data = field.read()
            field.close()
            assert data[:4] == b"RIFF" and data[8:12] == b"WEBP"
            assert not {b"EXIF", b"XMP ", b"ICCP"} & set(riff_chunks(data))
            with Image.open(io.BytesIO(data)) as image:
                assert not {"exif", "xmp", "icc_profile"} & set(image.info)
    # Upright, as the phone meant it (EXIF orientation 6, applied before encoding).
    with Image.open(phone.image_webp.path) as image:
        assert image.size == (1200, 1600)


def test_a_webp_no_smaller_than_the_jpeg_is_not_kept():
    picture = Image.new("RGB", (400, 300), (30, 120, 60))
    assert _encode_webp(picture, "stem", than=ContentFile(b"x" * 10)) is None
    kept = _encode_webp(picture, "stem", than=ContentFile(b"x" * 100_000))
    assert kept.name == "stem.webp"


def test_a_photo_without_webp_is_shown_as_before(reader, make_article, make_photo):
    """Photos stored before WebP and the phone size were made have neither until manage.py make_webp and
    make_phone_size; they are offered the sizes they have, in JPEG."""
    article = make_article()
    old = make_photo(article, size=(3000, 2000))
    partly = make_photo(article, size=(3000, 2000))
    ArticlePhoto.objects.filter(pk=old.pk).update(
        image_webp="", medium_webp="", thumbnail_webp="", phone="", phone_webp=""
    )
    # Only some sizes came out smaller as WebP: the others are offered as JPEG in the WebP list.
    ArticlePhoto.objects.filter(pk=partly.pk).update(image_webp="", phone="", phone_webp="")
    html = reader.get(article.get_absolute_url()).content.decode()
    old_markup = photo_markup(html, old)
    assert "<picture>" not in old_markup and "webp" not in old_markup
    assert f'srcset="{old.thumbnail.url} 400w, {old.medium.url} 1200w, {old.image.url} 2000w"' in old_markup
    webp = f"{partly.thumbnail_webp.url} 400w, {partly.medium_webp.url} 1200w, {partly.image.url} 2000w"
    assert f'<source type="image/webp" srcset="{webp}"' in photo_markup(html, partly)


def test_list_thumbnails_offer_their_sizes_for_the_cards_width(reader, make_article, make_photo):
    photo = make_photo(make_article(title="Bài có ảnh"), size=(3000, 2000))
    html = reader.get("/tin-tuc/").content.decode()
    card = re.search(r'<a class="card-photo".*?</a>', html, re.S).group(0)
    assert f'<img src="{photo.thumbnail.url}" srcset="{photo.thumbnail.url} 400w,' in card
    assert CARD_SIZES in card
    webp = f"{photo.thumbnail_webp.url} 400w, {photo.phone_webp.url} 800w, {photo.medium_webp.url} 1200w,"
    assert f'srcset="{webp}' in card
    assert 'loading="lazy"' in card
    assert 'width="2000" height="1333"' in card


def test_make_webp_gives_photos_stored_before_their_webp_beside_the_jpeg(reader, make_article, make_photo):
    from django.core.management import call_command

    photo = make_photo(make_article(), size=(3000, 2000))
    for webp in (photo.image_webp, photo.medium_webp, photo.thumbnail_webp):
        webp.storage.delete(webp.name)  # as a photo stored before the portal made WebP
    ArticlePhoto.objects.filter(pk=photo.pk).update(image_webp="", medium_webp="", thumbnail_webp="")
    reader.get(photo.article.get_absolute_url())  # kept, as a resident read it before the upgrade
    call_command("make_webp", stdout=io.StringIO())
    photo.refresh_from_db()
    for jpeg, webp in (
        (photo.image, photo.image_webp),
        (photo.medium, photo.medium_webp),
        (photo.thumbnail, photo.thumbnail_webp),
    ):
        assert webp.name == jpeg.name.removesuffix(".jpg") + ".webp"
        assert webp.size < jpeg.size
    html = reader.get(photo.article.get_absolute_url()).content.decode()
    assert f'<source type="image/webp" srcset="{photo.thumbnail_webp.url} 400w,' in html


def test_a_phone_is_offered_a_size_near_what_its_screen_shows(reader, make_article, make_photo):
    """A phone's article column (360-412 CSS px at 2-2.75 device pixels) needs 650-800 px: between the
    400 and 1200 px sizes, an 800 px one, so that it does not fetch the 1200 px file."""
    landscape = make_photo(make_article(), size=(3000, 2000))
    portrait = make_photo(make_article(), size=(1500, 3000))
    for photo, size in ((landscape, (800, 533)), (portrait, (400, 800))):
        for stored in (photo.phone, photo.phone_webp):
            with Image.open(stored.path) as image:
                assert image.size == size
        assert photo.phone_width == size[0]
        assert photo.phone_webp.size < photo.phone.size
    html = reader.get(portrait.article.get_absolute_url()).content.decode()
    offered = f"{portrait.thumbnail.url} 200w, {portrait.phone.url} 400w, {portrait.medium.url} 600w"
    assert f'srcset="{offered}, {portrait.image.url} 1000w"' in photo_markup(html, portrait)


def test_a_photo_no_larger_than_the_phone_size_is_offered_once(reader, make_article, make_photo):
    photo = make_photo(make_article(), size=(800, 600))
    assert (photo.phone, photo.phone_webp, photo.medium) == ("", "", "")
    markup = photo_markup(reader.get(photo.article.get_absolute_url()).content.decode(), photo)
    assert f'srcset="{photo.thumbnail.url} 400w, {photo.image.url} 800w"' in markup
    assert f'srcset="{photo.thumbnail_webp.url} 400w, {photo.image_webp.url} 800w"' in markup


def without_phone_size(photo):
    """The photo as stored before the phone size was made."""
    for stored in (photo.phone, photo.phone_webp):
        stored.storage.delete(stored.name)
    type(photo).objects.filter(pk=photo.pk).update(phone="", phone_webp="")


def test_make_phone_size_fills_in_photos_stored_before_and_changes_nothing_on_a_second_run(
    reader, make_article, make_photo, media_root
):
    from django.core.management import call_command

    from pages.models import Page, PagePhoto

    article_photo = make_photo(make_article(), size=(3000, 2000))
    page_photo = PagePhoto(page=Page.objects.create(title="Giới thiệu phường"), caption="Trụ sở")
    page_photo.image = ContentFile(image_bytes((1600, 1200)), name="anh.jpg")
    page_photo.save()
    small = make_photo(make_article(), size=(800, 600))
    for photo in (article_photo, page_photo):
        without_phone_size(photo)
    before = photo_markup(
        reader.get(article_photo.article.get_absolute_url()).content.decode(), article_photo
    )
    # Until the command runs, the photo is offered the sizes it has, as before the phone size was made.
    assert f'srcset="{article_photo.thumbnail.url} 400w, {article_photo.medium.url} 1200w,' in before
    out = io.StringIO()
    call_command("make_phone_size", stdout=out)
    assert out.getvalue() == "Đã tạo cỡ ảnh cho điện thoại cho 2 ảnh.\n"
    for photo, size in ((article_photo, (800, 533)), (page_photo, (800, 600))):
        photo.refresh_from_db()
        for stored in (photo.phone, photo.phone_webp):
            with Image.open(stored.path) as image:
                assert image.size == size
        assert photo.phone_webp.size < photo.phone.size
    small.refresh_from_db()
    assert small.phone == ""
    html = reader.get(article_photo.article.get_absolute_url()).content.decode()
    assert f"{article_photo.thumbnail.url} 400w, {article_photo.phone.url} 800w," in html
    assert f"{article_photo.thumbnail_webp.url} 400w, {article_photo.phone_webp.url} 800w," in html

    files = sorted(path for path in media_root.rglob("*") if path.is_file())
    names = [photo_file_names(photo) for photo in (article_photo, page_photo, small)]
    call_command("make_phone_size", stdout=out)
    assert out.getvalue().endswith("Đã tạo cỡ ảnh cho điện thoại cho 0 ảnh.\n")
    assert sorted(path for path in media_root.rglob("*") if path.is_file()) == files
    for photo in (article_photo, page_photo, small):
        photo.refresh_from_db()
    assert [photo_file_names(photo) for photo in (article_photo, page_photo, small)] == names
