"""Pillow: verify uploads, turn photos upright, drop all their metadata, bound their size, make thumbnails.

Each size is also encoded as WebP, kept only where it is smaller than the JPEG (or PNG): browsers
that read WebP are offered it in a <picture>, the rest get the JPEG.

Every image a visitor will see passes through here, whatever path it came by, so a hostile or broken
file never reaches the public and a phone photo never leaks where it was taken.
"""

import io
import threading
import uuid
import warnings
from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from PIL import Image, ImageCms, ImageOps

# MPO is a JPEG with extra pictures after the first (depth maps, HDR previews), as many phones save
# their photos; Pillow names it apart, but it is a JPEG and we keep only the first picture.
# The extension each accepted format is named with, whatever name the file came with.
EXTENSIONS = {"JPEG": "jpg", "MPO": "jpg", "PNG": "png", "WEBP": "webp"}
ALLOWED_FORMATS = set(EXTENSIONS)
# A 12-megapixel phone photo is 12 M pixels; anything past 50 M is a mistake or a decompression bomb.
MAX_PIXELS = 50_000_000
# What decoding costs is the pixels, not the file: a 48 KB PNG of 7000 × 7000 took 500 MB. A JPEG
# decodes at a fraction of its size (draft), so it may have the most; a PNG or WebP decodes whole
# (WebP at about 15 bytes a pixel), so theirs are lower. With these, no accepted upload adds more than
# about 200 MB to a worker (bench/upload_memory.py; docs/SECURITY.md, "Decompression cost").
MAX_PIXELS_BY_FORMAT = {"JPEG": MAX_PIXELS, "MPO": MAX_PIXELS, "PNG": 20_000_000, "WEBP": 12_000_000}
MAX_BYTES = 15 * 1024 * 1024
MAX_SIDE = 2000
# The sizes srcset offers between the thumbnail and the display image, so that no screen fetches far
# more pixels than it shows. A phone's article column (360-412 CSS px at 2-2.75 device pixels) needs
# 650-800 px: given only 400 and 1200, it fetched the 1200 px file (Lighthouse uses-responsive-images).
PHONE_SIDE = 800
# A tablet, or a phone at 3 device pixels; without it they would fetch the 2000 px photo.
MEDIUM_SIDE = 1200
THUMBNAIL_SIDE = 400
# Lossy WebP at 80 looks as good as JPEG at 85 on photos, and is usually a quarter smaller.
WEBP_QUALITY = 80

MESSAGE_NOT_IMAGE = "Tệp này không phải ảnh JPEG, PNG hoặc WebP hợp lệ."
MESSAGE_BROKEN = "Ảnh bị hỏng hoặc tải lên chưa trọn vẹn, xin chọn lại ảnh khác."
MESSAGE_TOO_LARGE = (
    "Ảnh quá lớn. Tối đa 15 MB, và ảnh JPEG tối đa 50 triệu điểm ảnh, PNG 20 triệu, WebP 12 triệu (ảnh"
    " điện thoại 4000 × 3000 là 12 triệu). Xin thu nhỏ ảnh hoặc lưu thành JPEG rồi tải lên lại."
)
MESSAGE_HEIC = (
    "Ảnh HEIC (dạng ảnh mặc định của iPhone) chưa dùng được, xin gửi ảnh JPEG. Trên iPhone, chọn Cài đặt ›"
    " Camera › Định dạng › Tương thích nhất, hoặc mở ảnh trên máy tính và lưu lại thành JPEG."
)

# iPhones save photos as HEIC, which Pillow cannot read: an ISO media file whose "ftyp" box names one
# of these brands. Staff holding such a photo need to know what to do, not only that it was refused.
_HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1"}


def _rewind(file):
    # Django closes a stored photo's file after reading its dimensions; reopen it rather than fail.
    if getattr(file, "closed", False) and hasattr(file, "open"):
        file.open("rb")
    if hasattr(file, "seek"):
        file.seek(0)


def _read(file):
    """The file's bytes, at most MAX_BYTES. Pillow works on a copy, so it never closes the caller's file."""
    size = getattr(file, "size", None)
    if size is not None and size > MAX_BYTES:
        raise ValidationError(MESSAGE_TOO_LARGE, code="too_large")
    _rewind(file)
    data = file.read(MAX_BYTES + 1)
    _rewind(file)
    if len(data) > MAX_BYTES:
        raise ValidationError(MESSAGE_TOO_LARGE, code="too_large")
    return data


# Decoding is where an upload costs memory (a 7000 × 7000 PNG is 196 MB of pixels, whatever its file
# size): one at a time per process, so a worker's threads never hold several at once. Re-entrant:
# process_photo holds it from decoding to the last size encoded, and decodes through open_verified.
_one_decode_at_a_time = threading.RLock()


def open_verified(file):
    """Open an uploaded file as a fully decoded Pillow image, or raise a Vietnamese ValidationError."""
    with _one_decode_at_a_time:
        return _open_verified(file)


def _open_verified(file):
    data = _read(file)
    if data[4:8] == b"ftyp" and data[8:12] in _HEIF_BRANDS:
        raise ValidationError(MESSAGE_HEIC, code="heic")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as probe:
                if probe.format not in ALLOWED_FORMATS:
                    raise ValidationError(MESSAGE_NOT_IMAGE, code="format")
                # From the header alone, before a single pixel is decoded.
                if probe.width * probe.height > MAX_PIXELS_BY_FORMAT[probe.format]:
                    raise ValidationError(MESSAGE_TOO_LARGE, code="too_large")
                probe.verify()
            image = Image.open(io.BytesIO(data))
            # verify() reads only the structure; decoding every pixel is what catches a truncated file.
            # A JPEG decodes at the smallest scale (1/2, 1/4, 1/8) still filling the display size.
            image.draft("RGB", _fitted_box(image.size, MAX_SIDE))
            image.load()
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(MESSAGE_TOO_LARGE, code="too_large") from None
    except Image.UnidentifiedImageError:
        raise ValidationError(MESSAGE_NOT_IMAGE, code="format") from None
    except (OSError, SyntaxError, ValueError, EOFError):
        raise ValidationError(MESSAGE_BROKEN, code="broken") from None
    return image


def _fitted_box(size, side):
    """The box a picture of this size is fitted into side × side by, as (width, height)."""
    scale = min(1, side / max(size))
    return max(1, round(size[0] * scale)), max(1, round(size[1] * scale))


def validate_image_file(file):
    """A model field validator: the file must open and decode as a JPEG, PNG or WebP image."""
    if getattr(file, "_committed", False):
        return  # already stored, so already verified and re-encoded by process_photo
    open_verified(file).close()


# Modes Image.reduce() averages correctly; a palette's indices (P, PA), bilevel and 16-bit greyscale
# are converted first.
_REDUCIBLE = {"L", "LA", "RGB", "RGBA", "I", "F", "CMYK", "YCbCr"}


def _reduced(image):
    """The decoded picture reduced by a whole factor, its long side still at least MAX_SIDE.

    Done before anything else, so that turning, converting and resampling copy a picture of a few
    megapixels rather than the full one (a JPEG was already decoded small: draft). The full picture
    is freed here.
    """
    factor = max(image.size) // MAX_SIDE
    if factor < 2:
        return image
    source = image
    if image.mode not in _REDUCIBLE:
        has_alpha = image.mode in ("PA", "LA") or "transparency" in image.info
        target = "I" if image.mode.startswith("I") else "RGBA" if has_alpha else "RGB"
        source = image.convert("L" if image.mode == "1" else target)
    reduced = source.reduce(factor)
    reduced.info = dict(image.info)  # the orientation and profile, read next
    image.close()
    return reduced


def _upright_rgb(image):
    try:
        upright = ImageOps.exif_transpose(image)
    except Exception:
        # Corrupt EXIF in a sound picture (a PNG or WebP from an editing app); Pillow's parser raises
        # SyntaxError, struct.error, ValueError… The orientation cannot be known, so the picture is kept
        # as drawn; the metadata is dropped on re-encoding anyway.
        upright = image
    if upright.mode.startswith("I"):
        # A 16-bit greyscale PNG (a scanner's): levels 0-65535, which convert() would clip to white.
        upright = upright.convert("I").point(lambda level: level / 256).convert("L")
    has_alpha = upright.mode in ("RGBA", "LA") or "transparency" in upright.info
    return upright.convert("RGBA" if has_alpha else "RGB")


_SRGB = ImageCms.createProfile("sRGB")


def _in_srgb(image):
    """The picture's colours in sRGB, read through its own RGB colour profile (a phone's Display P3).

    Browsers take a picture without a profile to be sRGB; dropping a P3 profile unconverted would show
    the photo dull. The profile is applied here rather than passed on, so no byte of it reaches a
    reader's browser. A CMYK or grey profile no longer fits the converted pixels and is ignored.
    """
    profile = image.info.get("icc_profile")
    if not profile or profile[16:20] != b"RGB ":
        return image
    try:
        return ImageCms.profileToProfile(image, io.BytesIO(profile), _SRGB, outputMode=image.mode)
    except (ImageCms.PyCMSError, OSError, ValueError):
        return image  # a broken profile: the pixels as they are


# The JPEG segments a decoder does not need to draw the picture: APP0-APP15 (JFIF, EXIF, XMP, ICC,
# Photoshop's IPTC, makers' notes…) and COM, where phone apps write a comment (a name, an ID number).
_METADATA_MARKERS = {*range(0xE0, 0xF0), 0xFE}
_START_OF_SCAN = 0xDA


def without_metadata_segments(jpeg):
    """The JPEG's bytes with every APPn and COM segment removed; the picture's own segments kept.

    Pillow writes what image.info still carries (a COM survived every re-encoding) and libjpeg a JFIF
    header; whatever a later version writes, no segment but those that draw the picture is stored.
    """
    kept, at = bytearray(jpeg[:2]), 2  # SOI
    while at + 4 <= len(jpeg) and jpeg[at] == 0xFF and jpeg[at + 1] != _START_OF_SCAN:
        end = at + 2 + int.from_bytes(jpeg[at + 2 : at + 4], "big")
        if jpeg[at + 1] not in _METADATA_MARKERS:
            kept += jpeg[at:end]
        at = end
    return bytes(kept + jpeg[at:])  # from the first scan on: the picture's data


def _encode(image, stem):
    """Encode without any metadata: JPEG for photos, PNG where transparency must survive."""
    buffer = io.BytesIO()
    if image.mode == "RGBA":
        # PNG would copy image.info's profile by itself.
        image.save(buffer, "PNG", optimize=True, icc_profile=None)
        return ContentFile(buffer.getvalue(), name=f"{stem}.png")
    image.save(buffer, "JPEG", quality=85, optimize=True, progressive=True)
    return ContentFile(without_metadata_segments(buffer.getvalue()), name=f"{stem}.jpg")


def _encode_webp(image, stem, than):
    """The picture as WebP, without metadata, or None where it would not be smaller than `than`."""
    buffer = io.BytesIO()
    # Pillow writes no EXIF, XMP or ICC chunk into a WebP unless given one; say so, should that change.
    image.save(buffer, "WEBP", quality=WEBP_QUALITY, method=4, exif=b"", xmp=b"", icc_profile=None)
    if buffer.tell() >= than.size:
        return None
    return ContentFile(buffer.getvalue(), name=f"{stem}.webp")


class Renditions(NamedTuple):
    display: ContentFile
    # None where the display image is no larger than MEDIUM_SIDE: it is its own medium size.
    medium: ContentFile | None
    thumbnail: ContentFile
    # None where the display image is no larger than PHONE_SIDE, as medium.
    phone: ContentFile | None = None
    # Each size as WebP; None where the WebP is no smaller than the JPEG or PNG above (or, for the
    # medium and phone sizes, where there is none).
    display_webp: ContentFile | None = None
    medium_webp: ContentFile | None = None
    phone_webp: ContentFile | None = None
    thumbnail_webp: ContentFile | None = None


def _fitted(image, side):
    copy = image.copy()
    copy.thumbnail((side, side), Image.Resampling.LANCZOS)
    return copy


def _fitted_below(display, side):
    """The display image fitted into side × side, or None where it fits already (it is that size)."""
    return _fitted(display, side) if max(display.size) > side else None


def process_photo(file, webp=True):
    """Return the Renditions of an uploaded photo as ContentFiles: display, medium, phone and
    thumbnail, and with webp, their WebP versions where those are smaller.

    The names are random, so a stored photo's address cannot be guessed from its original file name.
    """
    with _one_decode_at_a_time:
        return _process(file, webp)


def _process(file, webp):
    image = _in_srgb(_upright_rgb(_reduced(open_verified(file))))
    # What the file said besides its pixels (comment, EXIF, XMP, profile, text chunks) goes here:
    # Pillow writes some of image.info back when saving, and every size is copied from this image.
    image.info = {}
    stem = uuid.uuid4().hex
    display = _fitted(image, MAX_SIDE)
    # Made from the display image, not the original: a quarter of the pixels to resample. The phone
    # size too, as phone_size() makes it for a photo stored before it existed.
    pictures = {
        "display": display,
        "medium": _fitted_below(display, MEDIUM_SIDE),
        "phone": _fitted_below(display, PHONE_SIDE),
        "thumbnail": _fitted(image, THUMBNAIL_SIDE),
    }
    encoded = {size: _encode(picture, stem) if picture else None for size, picture in pictures.items()}
    if webp:
        for size, picture in pictures.items():
            if picture is not None:
                encoded[f"{size}_webp"] = _encode_webp(picture, stem, than=encoded[size])
    return Renditions(**encoded)


def _open_stored(stored):
    """A stored size (already upright, in sRGB, without metadata) as a picture, and its name's stem."""
    _rewind(stored)
    with Image.open(stored) as image:
        image.load()
        picture = image.convert("RGBA" if image.mode in ("RGBA", "LA", "P") else "RGB")
    picture.info = {}  # a photo stored before metadata segments were all removed may have a comment
    _rewind(stored)
    return picture, stored.name.rsplit("/", 1)[-1].rsplit(".", 1)[0]


def webp_copy(stored):
    """A stored size as WebP, named beside it; None where the WebP would be no smaller. For photos
    processed before WebP was made (manage.py make_webp)."""
    picture, stem = _open_stored(stored)
    return _encode_webp(picture, stem, than=stored)


def phone_size(stored):
    """The phone size of a stored display image and its WebP (None where no smaller), named as the
    display image; None where the image is no larger than PHONE_SIDE. For photos processed before the
    phone size was made (manage.py make_phone_size)."""
    with _one_decode_at_a_time:
        picture, stem = _open_stored(stored)
        phone = _fitted_below(picture, PHONE_SIDE)
        if phone is None:
            return None
        jpeg = _encode(phone, stem)
        return jpeg, _encode_webp(phone, stem, than=jpeg)


def fitted_width(width, height, side):
    """The width of a width×height picture fitted into side×side, as Pillow's thumbnail() makes it."""
    return round(width * min(1, side / max(width, height)))
