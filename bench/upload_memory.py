"""Benchmark: peak memory and CPU time of one upload through news.images.process_photo.

    .venv/bin/python bench/upload_memory.py

Each case runs in a fresh Python process: the memory it reports is the process's high-water mark
(VmHWM) during process_photo less its resident size just before (the file's bytes already read), so
the figures are what one upload adds to a worker. Refused files report the message staff read.
Not part of the test suite: docs/SECURITY.md ("Decompression cost") keeps the latest table.
"""

import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _png(size, mode, color):
    from PIL import Image

    buffer = io.BytesIO()
    Image.new(mode, size, color).save(buffer, "PNG")
    return buffer.getvalue()


def _noise_jpeg(size, progressive, sigma=64, quality=90):
    from PIL import Image

    buffer = io.BytesIO()
    Image.effect_noise(size, sigma).convert("RGB").save(
        buffer, "JPEG", quality=quality, progressive=progressive
    )
    return buffer.getvalue()


def _webp(size):
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, (40, 110, 170)).save(buffer, "WEBP", quality=80)
    return buffer.getvalue()


CASES = {
    "12 MP phone JPEG 4000x3000": lambda: _noise_jpeg((4000, 3000), progressive=False),
    # A 48 MP phone mode's photo is 10-15 MB: less noise than the 12 MP one, to stay under MAX_BYTES.
    "48 MP JPEG 8000x6000": lambda: _noise_jpeg((8000, 6000), False, sigma=10, quality=75),
    "48 MP progressive JPEG 8000x6000": lambda: _noise_jpeg((8000, 6000), True, sigma=10, quality=75),
    "PNG 7000x7000 RGB, one colour": lambda: _png((7000, 7000), "RGB", (200, 30, 30)),
    "PNG 7000x7000 greyscale": lambda: _png((7000, 7000), "L", 128),
    "PNG 5000x4000 RGB": lambda: _png((5000, 4000), "RGB", (200, 30, 30)),
    "PNG 5000x4000 RGBA": lambda: _png((5000, 4000), "RGBA", (200, 30, 30, 128)),
    "PNG 4000x3000 RGB (a scan)": lambda: _png((4000, 3000), "RGB", (250, 250, 245)),
    "WebP 7000x7000": lambda: _webp((7000, 7000)),
    "WebP 4000x3000": lambda: _webp((4000, 3000)),
}


def _kilobytes(field):
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise LookupError(field)


def run_one(name):
    """In the child: make the file, process it once, print what it cost as JSON."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    os.environ.setdefault("DJANGO_SECRET_KEY", "benchmark-only-key")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.exceptions import ValidationError

    from news.images import process_photo

    data = CASES[name]()
    before = _kilobytes("VmRSS")
    Path("/proc/self/clear_refs").write_text("5")  # resets VmHWM to the current size
    cpu = time.process_time()
    try:
        process_photo(io.BytesIO(data))
        outcome = "stored"
    except ValidationError as error:
        outcome = "refused: " + " ".join(error.messages)
    cpu = time.process_time() - cpu
    peak = _kilobytes("VmHWM") - before
    print(json.dumps({"bytes": len(data), "peak_mb": peak / 1024, "cpu_s": cpu, "outcome": outcome}))


def main():
    print(f"{'file':36} {'size':>9} {'peak MB':>8} {'CPU s':>6}  outcome")
    for name in CASES:
        child = subprocess.run(
            [sys.executable, __file__, name], capture_output=True, text=True, check=True, cwd=ROOT
        )
        row = json.loads(child.stdout.strip().splitlines()[-1])
        size = f"{row['bytes'] / 1024:.0f} KB"
        print(f"{name:36} {size:>9} {row['peak_mb']:8.0f} {row['cpu_s']:6.2f}  {row['outcome']}")


if __name__ == "__main__":
    if len(sys.argv) > 1:
        run_one(sys.argv[1])
    else:
        main()
