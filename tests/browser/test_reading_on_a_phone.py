"""A resident opens the home page on a 360 px phone and reads an article with its photos."""

from news.models import Article

from .portal_content import loaded_width


def test_resident_reads_an_article_with_captioned_photos_on_a_phone(
    phone, live_server, make_article, make_photo, screenshot
):
    article = make_article(
        title="Đảng ủy phường tổ chức hội nghị bàn việc mở rộng ngõ",
        body="".join(f"<p>Nội dung đoạn {n} của bài viết về hội nghị.</p>" for n in range(1, 5)),
    )
    make_photo(article, caption="Quang cảnh hội nghị", position=2)

    phone.goto(live_server.url + "/")
    screenshot(phone, "home-phone")
    # The featured article's heading.
    phone.get_by_role("heading", name=article.title).get_by_role("link").click()
    phone.wait_for_url(f"**{article.get_absolute_url()}")

    assert phone.locator("h1").inner_text() == article.title
    assert "Lượt xem: 1" in phone.locator(".meta").inner_text()
    caption = phone.locator("figure figcaption")
    assert caption.inner_text() == "Quang cảnh hội nghị"
    # The photo really loaded and fits the phone's width: no sideways scrolling.
    assert loaded_width(phone.locator("figure img")) > 0
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(phone, "article-phone")

    phone.reload()
    assert Article.objects.get(pk=article.pk).view_count == 1
