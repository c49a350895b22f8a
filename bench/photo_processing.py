"""How long a 12-megapixel phone photo takes to verify, turn upright, strip and resize (issue: under 2 s).

Run: DJANGO_DEBUG=1 .venv/bin/python bench/photo_processing.py
A timing, not a test: CI machines vary too much for a threshold in the suite.
"""

import io
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

import django

django.setup()

from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from PIL import ExifTags, Image  # noqa: E402

from news.images import open_verified, process_photo, validate_image_file  # noqa: E402


def phone_photo():
    # Noise compresses like a real photo would, unlike a flat colour.
    image = Image.effect_noise((4000, 3000), 60).convert("RGB")
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=92, exif=exif)
    return buffer.getvalue()


def main(rounds=5):
    data = phone_photo()
    print(f"12 MP JPEG, {len(data) / 1e6:.1f} MB")
    timings = []
    for _ in range(rounds):
        upload = SimpleUploadedFile("IMG_0001.JPG", data)
        start = time.perf_counter()
        # What an upload through the admin's photo row costs: the form field's check, the model
        # field's validator, then the save's processing.
        open_verified(upload).close()
        validate_image_file(upload)
        renditions = process_photo(upload)
        timings.append(time.perf_counter() - start)
    sizes = {name: Image.open(file).size for name, file in renditions._asdict().items() if file}
    print("stored " + ", ".join(f"{name} {size}" for name, size in sizes.items()))
    best, worst = min(timings), max(timings)
    print(f"form + model checks + processing: best {best:.3f} s, worst {worst:.3f} s ({rounds} rounds)")


if __name__ == "__main__":
    main()
