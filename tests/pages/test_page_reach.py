"""Where Giới thiệu pages reach beyond their own page: the body's photos, share cards, the sitemap, the
menu's list, search text, and the kept (cached) pages a save must drop."""

from datetime import timedelta

from django.utils import timezone
from PIL import Image

from pages.models import Page
from tests.staff.files import photo_file_names


def test_photos_sit_in_the_body_where_staff_placed_them_with_captions(reader, make_page, make_page_photo):
    page = make_page(body="<p>Đoạn mở đầu.</p><p>Đoạn thứ hai.</p><p>Đoạn kết.</p>")
    make_page_photo(page, caption="Trụ sở Đảng ủy phường", position=1)
    make_page_photo(page, caption="Lễ kết nạp đảng viên mới", position=None)
    html = reader.get(page.get_absolute_url()).content.decode()
    html = html[html.index('class="article-body"') :]
    assert html.index("Đoạn mở đầu.") < html.index("Trụ sở Đảng ủy phường") < html.index("Đoạn thứ hai.")
    assert html.index("Đoạn kết.") < html.index("Lễ kết nạp đảng viên mới")
    assert "<figcaption>Trụ sở Đảng ủy phường</figcaption>" in html
    assert 'srcset="' in html  # the responsive photo tag, as on articles


def test_a_large_page_photo_offers_the_phone_size_and_leaves_with_it(
    reader, make_page, make_page_photo, media_root, django_capture_on_commit_callbacks
):
    photo = make_page_photo(make_page(), size=(1600, 1200))
    with Image.open(photo.phone.path) as image:
        assert image.size == (800, 600)
    html = reader.get(photo.page.get_absolute_url()).content.decode()
    offered = f"{photo.thumbnail.url} 400w, {photo.phone.url} 800w, {photo.medium.url} 1200w"
    assert f'srcset="{offered}, {photo.image.url} 1600w"' in html
    names = photo_file_names(photo)
    assert photo.phone_webp.name in names
    with django_capture_on_commit_callbacks(execute=True):
        photo.delete()
    assert not any((media_root / name).exists() for name in names)


def test_the_body_is_sanitized_on_save(make_page):
    page = make_page(body='<p onclick="x()">Chào<script>alert(1)</script></p><h1>Tiêu đề</h1>')
    assert page.body == "<p>Chào</p><h2>Tiêu đề</h2>"


def test_a_slug_is_made_from_the_vietnamese_title(make_page):
    assert make_page(title="Đảng bộ phường Hòa Bình").slug == "dang-bo-phuong-hoa-binh"
    assert make_page(title="Đảng bộ phường Hòa Bình").slug == "dang-bo-phuong-hoa-binh-2"


def test_a_shared_page_has_its_open_graph_card(reader, make_page, make_page_photo):
    page = make_page(title="Lịch sử phường", body="<p>Phường được thành lập năm 1997 trên vùng đất cũ.</p>")
    photo = make_page_photo(page, caption="Đình làng xưa")
    html = reader.get(page.get_absolute_url()).content.decode()
    assert '<meta property="og:title" content="Lịch sử phường">' in html
    assert (
        '<meta property="og:description" content="Phường được thành lập năm 1997 trên vùng đất cũ.">' in html
    )
    assert f'<meta property="og:url" content="http://testserver{page.get_absolute_url()}">' in html
    assert f'<meta property="og:image" content="http://testserver{photo.image.url}">' in html


def test_the_sitemap_lists_the_index_and_public_pages_only(reader, make_page):
    public = make_page(title="Lịch sử phường")
    child = make_page(title="Các chi bộ trực thuộc", parent=public)
    draft = make_page(title="Trang nháp", status=Page.Status.DRAFT)
    under_draft = make_page(title="Dưới trang nháp", parent=draft)
    xml = reader.get("/sitemap.xml").content.decode()
    assert "<loc>http://testserver/gioi-thieu/</loc>" in xml
    assert f"<loc>http://testserver{public.get_absolute_url()}</loc>" in xml
    assert f"<loc>http://testserver{child.get_absolute_url()}</loc>" in xml
    assert draft.slug not in xml and under_draft.slug not in xml


def test_in_menu_lists_the_public_pages_marked_for_the_menu_in_order(make_page):
    second = make_page(title="Ban Chấp hành Đảng bộ", show_in_menu=True, order=2)
    first = make_page(title="Lịch sử phường", show_in_menu=True, order=1)
    make_page(title="Không trong menu", order=0)
    make_page(title="Hẹn giờ", show_in_menu=True, published_at=timezone.now() + timedelta(hours=1))
    make_page(title="Dưới trang ẩn", show_in_menu=True, parent=make_page(status=Page.Status.DRAFT))
    child = make_page(title="Ban Thường vụ", show_in_menu=True, parent=second)
    assert set(Page.objects.in_menu()) == {first, second, child}
    assert list(Page.objects.in_menu().top_level()) == [first, second]


def test_search_text_holds_title_body_captions_and_people(make_page, make_page_photo, make_person):
    page = make_page(title="Ban Thường vụ", body="<p>Gồm chín đồng chí.</p>")
    make_page_photo(page, caption="Hội nghị lần thứ nhất")
    make_person(page, name="Nguyễn Văn Thành", position="Bí thư Đảng ủy")
    page.refresh_from_db()
    for words in (
        " ban thuong vu ",
        " gom chin dong chi ",
        " hoi nghi lan thu nhat ",
        " nguyen van thanh ",
        " bi thu ",
    ):
        assert words in page.search_text
    assert page.search_title == " ban thuong vu "


def test_a_kept_page_is_dropped_when_staff_change_the_page_or_its_people(reader, make_page, make_person):
    page = make_page(title="Ban Chấp hành Đảng bộ")
    person = make_person(page, name="Nguyễn Văn Thành")
    index = reader.get("/gioi-thieu/").content.decode()
    assert (
        "Ban Chấp hành Đảng bộ" in index
        and "Nguyễn Văn Thành" in reader.get(page.get_absolute_url()).content.decode()
    )
    page.title = "Ban Chấp hành Đảng bộ khóa mới"
    page.save()
    person.name = "Lê Thị Hồng Nhung"
    person.save()
    assert "Ban Chấp hành Đảng bộ khóa mới" in reader.get("/gioi-thieu/").content.decode()
    assert "Lê Thị Hồng Nhung" in reader.get(page.get_absolute_url()).content.decode()


def test_the_index_and_pages_are_kept_for_anonymous_readers(reader, make_page, django_assert_num_queries):
    page = make_page(title="Lịch sử phường")
    reader.get("/gioi-thieu/")
    reader.get(page.get_absolute_url())
    with django_assert_num_queries(0):
        assert reader.get("/gioi-thieu/").status_code == 200
        assert reader.get(page.get_absolute_url()).status_code == 200
