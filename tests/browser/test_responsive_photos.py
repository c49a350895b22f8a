"""Chromium picks each photo's size and format by the screen: a phone never fetches the 2000 px JPEG."""

import io

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw

from news.models import ArticlePhoto

from .conftest import PHONE, new_context
from .portal_content import PARAGRAPHS, load_all_images


def scene(size, hue):
    """A picture with gradients and shapes, which compresses like a photo rather than a flat colour."""
    width, height = size
    image = Image.linear_gradient("L").resize(size).convert("RGB")
    image = Image.merge(
        "RGB", (image.getchannel(0), Image.new("L", size, hue), image.getchannel(0).rotate(90))
    )
    draw = ImageDraw.Draw(image)
    for n in range(12):
        x, y = (n * 397) % width, (n * 211) % height
        draw.ellipse((x, y, x + width // 6, y + height // 6), fill=((n * 40) % 255, 180, (n * 90) % 255))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=92)
    return buffer.getvalue()


def article_with_photos(make_article):
    article = make_article(
        title="Đảng ủy phường tổ chức hội nghị triển khai chuyển đổi số ở khu dân cư",
        summary="Hội nghị giao mỗi chi bộ giúp người cao tuổi dùng dịch vụ công trực tuyến.",
        body="".join(f"<p>{p}</p>" for p in PARAGRAPHS),
    )
    for n, (caption, hue) in enumerate(
        [("Đồng chí Bí thư phát biểu", 60), ("Các đại biểu dự hội nghị", 160)]
    ):
        photo = ArticlePhoto(article=article, caption=caption, position=n + 1, order=n)
        photo.image = ContentFile(scene((3000, 2000), hue), name="anh.jpg")
        photo.save()
    return article


def chosen(page):
    """The file each article photo was fetched as, once loaded."""
    load_all_images(page)
    return page.eval_on_selector_all("figure.photo img", "images => images.map(img => img.currentSrc)")


def test_a_phone_gets_the_webp_thumbnail_or_phone_size_and_a_desktop_the_phone_size(
    browser, phone, desktop, live_server, make_article, screenshot
):
    article = article_with_photos(make_article)
    photos = list(article.photos.order_by("order"))
    url = live_server.url + article.get_absolute_url()

    phone.goto(url)
    # 360 px at one device pixel each, less the margins: the 400 px size is enough.
    assert chosen(phone) == [live_server.url + p.thumbnail_webp.url for p in photos]
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(phone, "article-photos-phone")

    # Most phones draw 2 or more device pixels per CSS pixel: 328 px of column is 656 device pixels,
    # for which the 800 px size is enough, not the 1200 px one they were given before it was made.
    sharp = new_context(browser, PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    sharp_phone = sharp.new_page()
    sharp_phone.goto(url)
    assert chosen(sharp_phone) == [live_server.url + p.phone_webp.url for p in photos]
    sharp.close()

    desktop.goto(url)
    # The 46rem (736 px) reading column at one device pixel: the 800 px size, never the 2000 px one.
    assert chosen(desktop) == [live_server.url + p.phone_webp.url for p in photos]
    screenshot(desktop, "article-photos-desktop")
