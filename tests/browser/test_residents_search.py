"""A resident types a search without diacritics on the phone and finds the Vietnamese title."""

from news.models import Article

from .portal_content import load_all_images, populate


def test_search_typed_without_diacritics_finds_the_title(
    phone, desktop, live_server, make_article, make_photo, screenshot
):
    featured = populate(make_article, make_photo)
    for page, name in ((phone, "phone"), (desktop, "desktop")):
        page.goto(live_server.url + "/")
        box = page.locator("#q-header")
        box.fill("dang uy hoi nghi")
        box.press("Enter")
        page.wait_for_url("**/tim-kiem/?q=dang+uy+hoi+nghi")
        first = page.locator(".card-title").first
        assert first.inner_text() == featured.title
        marks = first.locator("mark").all_inner_texts()
        assert marks == ["Đảng", "ủy", "hội", "nghị"]
        assert page.locator(".excerpt mark").count() >= 1
        assert "Bản nháp" not in page.content()
        assert page.locator("#q-page").input_value() == "dang uy hoi nghi"
        load_all_images(page)
        screenshot(page, f"residents-search-{name}")
    assert Article.objects.filter(title__startswith="Bản nháp").exists()
