"""Draw static/img/apple-touch-icon.png from the default logo, static/img/ward-logo.svg.

Pillow reads no SVG, so Chromium draws the logo at 512 px and ward.touch_icon.render() makes the icon
from that, as it does from an uploaded logo. Run again only when the default logo changes:

    .venv/bin/python scripts/default_touch_icon.py
"""

import base64
import io
import sys
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ward.touch_icon import DEFAULT_TOUCH_ICON, render  # noqa: E402

SVG = ROOT / "static/img/ward-logo.svg"
SIDE = 512

with sync_playwright() as playwright:
    browser = playwright.chromium.launch(
        executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
    )
    page = browser.new_page(viewport={"width": SIDE, "height": SIDE})
    data = base64.b64encode(SVG.read_bytes()).decode()
    page.set_content(f'<img src="data:image/svg+xml;base64,{data}" width="{SIDE}" height="{SIDE}">')
    drawn = page.locator("img").screenshot(omit_background=True)
    browser.close()

(ROOT / "static" / DEFAULT_TOUCH_ICON).write_bytes(render(Image.open(io.BytesIO(drawn))))
