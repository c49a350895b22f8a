"""Files staff upload, good and bad: phone photos with EXIF and GPS, and every kind the portal refuses."""

import io
import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image, ImageCms

from news.images import MESSAGE_BROKEN, MESSAGE_HEIC, MESSAGE_NOT_IMAGE, MESSAGE_TOO_LARGE


def image_bytes(size=(800, 600), fmt="JPEG", color=(30, 120, 60), **options):
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, fmt, **options)
    return buffer.getvalue()


def phone_photo(size=(800, 600)):
    """A JPEG as a phone takes it: stored sideways with orientation 6 (turn 90° clockwise), with GPS."""
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    exif[ExifTags.Base.Make] = "PhoneCo"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (21.0, 1.0, 30.0)
    return image_bytes(size, exif=exif)


def multi_picture_jpeg(size=(800, 600)):
    """A JPEG as many phones save it: the photo, then more pictures (MPF); Pillow calls it MPO."""
    buffer = io.BytesIO()
    photo = Image.new("RGB", size, (200, 30, 30))
    photo.save(buffer, "MPO", save_all=True, append_images=[Image.new("RGB", (160, 120), (0, 0, 0))])
    return buffer.getvalue()


def greyscale_16_bit_png(size=(256, 20)):
    """A 16-bit greyscale PNG, as scanners save documents: left black, right white, mid-grey between."""
    image = Image.new("I;16", size)
    image.putdata([x * 257 for _ in range(size[1]) for x in range(size[0])])
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def with_corrupt_exif(fmt="PNG", size=(800, 600)):
    """A sound picture whose EXIF block is garbage (eXIf chunk in PNG, EXIF chunk in WebP)."""
    buffer = io.BytesIO()
    Image.new("RGB", size, (30, 120, 60)).save(buffer, fmt, exif=b"\xde\xad\xbe\xef" * 10)
    return buffer.getvalue()


def swapped_red_green_profile():
    """An RGB colour profile whose red and green primaries are swapped: what reads as red is green."""
    data = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    (count,) = struct.unpack(">I", data[128:132])
    where = {}
    for n in range(count):
        entry = 132 + 12 * n
        where[bytes(data[entry : entry + 4])] = entry + 4
    red, green = where[b"rXYZ"], where[b"gXYZ"]
    data[red : red + 8], data[green : green + 8] = data[green : green + 8], data[red : red + 8]
    return bytes(data)


def with_colour_profile(profile, fmt="JPEG", mode="RGB", color=(200, 30, 30), size=(800, 600)):
    """A picture carrying an ICC colour profile, as phones (Display P3) and cameras save them."""
    buffer = io.BytesIO()
    Image.new(mode, size, color).save(buffer, fmt, icc_profile=profile)
    return buffer.getvalue()


def _png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_bomb(side=20_000):
    """A tiny PNG whose header claims side × side pixels: decoding it would take gigabytes."""
    header = struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + _png_chunk(b"IEND", b"")
    )


def truncated_jpeg():
    whole = image_bytes((1200, 900), quality=95)
    return whole[: len(whole) // 2]


SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="400" height="300">'
    b"<script>alert(document.cookie)</script><rect width="
    b'"400" height="300" fill="red"/></svg>'
)

# (name, content, the message staff must read)
REFUSED = {
    "not-an-image": ("bien-ban.docx", b"PK\x03\x04 not a photo at all", MESSAGE_NOT_IMAGE),
    "text-renamed-jpg": ("anh-hoi-nghi.jpg", "Đây là văn bản, không phải ảnh.".encode(), MESSAGE_NOT_IMAGE),
    "truncated-jpeg": ("anh-dang-do.jpg", truncated_jpeg(), MESSAGE_BROKEN),
    "svg": ("logo.svg", SVG, MESSAGE_NOT_IMAGE),
    "gif": ("dong.gif", image_bytes((200, 200), "GIF"), MESSAGE_NOT_IMAGE),
    "bmp": ("quet.bmp", image_bytes((200, 200), "BMP"), MESSAGE_NOT_IMAGE),
    "decompression-bomb": ("bom.png", png_bomb(), MESSAGE_TOO_LARGE),
    # The start of an iPhone photo: the ISO media "ftyp" box with the HEIC brands.
    "iphone-heic": (
        "IMG_0412.HEIC",
        b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + bytes(64),
        MESSAGE_HEIC,
    ),
}


def upload(name, content):
    return SimpleUploadedFile(name, content)


def stored_files(root):
    """Every file under root, as paths relative to it."""
    if not root.exists():
        return []
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def photo_file_names(photo):
    """The names of every file a photo has: its image, the smaller sizes and their WebP."""
    from news.models import FILE_FIELDS

    return sorted(name for name in (getattr(photo, field).name for field in FILE_FIELDS) if name)


# What a phone app wrote into a resident's photo: the sender's name and citizen ID number (invented).
PERSONAL_NAME = "Nguyễn Thị Hồng Nhung"
PERSONAL_ID = "079301004217"


def photo_with_personal_metadata(size=(3000, 2250), fmt="JPEG", only_comment=False):
    """A photo carrying a name and an ID number in every metadata place there is.

    JPEG: a COM segment, EXIF (artist, description), XMP, an ICC profile and an APP13
    (Photoshop/IPTC) segment. PNG and WebP: their text, EXIF, XMP and ICC chunks. only_comment: a
    JPEG with the COM segment alone, as a phone's messaging app saves it.
    """
    from PIL import PngImagePlugin

    words = f"{PERSONAL_NAME} CCCD {PERSONAL_ID}"
    exif = Image.Exif()
    exif[ExifTags.Base.Artist] = PERSONAL_NAME
    exif[ExifTags.Base.ImageDescription] = f"CCCD {PERSONAL_ID}"
    xmp = f'<x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:creator>{words}</dc:creator></x:xmpmeta>'.encode()
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    options = {"exif": exif, "xmp": xmp, "icc_profile": profile}
    picture = Image.new("RGB", size, (40, 110, 170))
    buffer = io.BytesIO()
    if only_comment:
        picture.save(buffer, "JPEG", comment=words.encode())
        return buffer.getvalue()
    if fmt == "JPEG":
        picture.save(buffer, "JPEG", comment=words.encode(), **options)
        data = buffer.getvalue()
        iptc = b"Photoshop 3.0\x00" + words.encode()
        app13 = b"\xff\xed" + struct.pack(">H", len(iptc) + 2) + iptc
        return data[:2] + app13 + data[2:]
    if fmt == "PNG":
        text = PngImagePlugin.PngInfo()
        text.add_itxt("Author", words)
        picture.save(buffer, "PNG", pnginfo=text, **options)
    else:
        picture.save(buffer, fmt, **options)
    return buffer.getvalue()


def jpeg_segments(data):
    """The markers of a JPEG's segments before its first scan (0xDB quantisation tables, 0xFE COM…)."""
    markers, at = [], 2
    while data[at] == 0xFF and data[at + 1] != 0xDA:
        markers.append(data[at + 1])
        at += 2 + struct.unpack(">H", data[at + 2 : at + 4])[0]
    return markers


def png_chunks(data):
    kinds, at = [], 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        kinds.append(data[at + 4 : at + 8].decode())
        at += 12 + length
    return kinds


def webp_chunks(data):
    """The chunk names of a WebP (RIFF) file, and the VP8X flags byte (0 without a VP8X chunk)."""
    kinds, flags, at = [], 0, 12
    while at < len(data):
        kind, (length,) = data[at : at + 4].decode(), struct.unpack("<I", data[at + 4 : at + 8])
        if kind == "VP8X":
            flags = data[at + 8]
        kinds.append(kind)
        at += 8 + length + (length & 1)
    return kinds, flags
