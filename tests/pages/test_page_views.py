"""What residents read under /gioi-thieu/: the index, nested pages, breadcrumbs, the pages under each."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from pages.models import Page


@pytest.fixture
def committee(make_page):
    """Đảng bộ phường › Ban Chấp hành › Ban Thường vụ, and a second top-level page before them."""
    history = make_page(title="Lịch sử phường", order=1, body="<p>Phường được thành lập năm 1997.</p>")
    party = make_page(title="Đảng bộ phường", order=2)
    board = make_page(title="Ban Chấp hành Đảng bộ", parent=party, order=1)
    standing = make_page(title="Ban Thường vụ", parent=board, order=1)
    return history, party, board, standing


def test_a_nested_page_is_at_its_parents_address_with_breadcrumbs(reader, committee):
    _, party, board, standing = committee
    assert standing.get_absolute_url() == "/gioi-thieu/dang-bo-phuong/ban-chap-hanh-dang-bo/ban-thuong-vu/"
    page = reader.get(standing.get_absolute_url())
    assert page.status_code == 200
    html = page.content.decode()
    start = html.index('class="breadcrumbs"')
    crumbs = html[start : html.index("</nav>", start)]
    assert re.findall(r">([^<>]+)</a>", crumbs) == [
        "Trang chủ",
        "Giới thiệu",
        "Đảng bộ phường",
        "Ban Chấp hành Đảng bộ",
    ]  # not the page itself: its headline is right below (docs/SITE.md)
    assert f'href="{party.get_absolute_url()}"' in crumbs
    assert f'href="{board.get_absolute_url()}"' in crumbs
    assert f'href="{reverse("pages:index")}"' in crumbs


def test_a_page_lists_the_public_pages_under_it_in_their_order(reader, committee, make_page):
    _, party, _board, _ = committee
    make_page(title="Các chi bộ trực thuộc", parent=party, order=2)
    make_page(title="Ủy ban Kiểm tra", parent=party, order=0)
    make_page(title="Bản nháp chưa đăng", parent=party, status=Page.Status.DRAFT)
    html = reader.get(party.get_absolute_url()).content.decode()
    children = html[html.index('class="page-children"') :]
    assert children.index("Ủy ban Kiểm tra") < children.index("Ban Chấp hành Đảng bộ")
    assert children.index("Ban Chấp hành Đảng bộ") < children.index("Các chi bộ trực thuộc")
    assert "Bản nháp chưa đăng" not in html
    # Only the pages right under it, not those two levels down.
    assert "Ban Thường vụ" not in children


def test_the_index_lists_top_level_pages_in_order_with_their_children(reader, committee, make_page):
    _history, _party, _board, _standing = committee
    make_page(title="Trang nháp cấp đầu", status=Page.Status.DRAFT)
    html = reader.get("/gioi-thieu/").content.decode()
    # In the page's main part: the header names the site "… Đảng bộ phường Hòa Bình" (issue 12).
    main = html[html.index('<main id="noi-dung"') :]
    assert main.index("Lịch sử phường") < main.index("Đảng bộ phường") < main.index("Ban Chấp hành Đảng bộ")
    assert "Phường được thành lập năm 1997." in html  # the teaser
    assert "Trang nháp cấp đầu" not in html
    assert "Ban Thường vụ" not in html  # two levels down: on its parent's page


@pytest.mark.parametrize(
    "status, days", [(Page.Status.DRAFT, -1), (Page.Status.REVIEW, -1), (Page.Status.PUBLISHED, 1)]
)
def test_unpublished_pages_and_the_pages_under_them_are_404_for_residents(reader, make_page, status, days):
    parent = make_page(
        title="Mặt trận và các đoàn thể", status=status, published_at=timezone.now() + timedelta(days=days)
    )
    child = make_page(title="Hội Cựu chiến binh", parent=parent)
    for url in (parent.get_absolute_url(), child.get_absolute_url()):
        page = reader.get(url)
        assert page.status_code == 404
        assert "Không tìm thấy trang" in page.content.decode()
    assert "Hội Cựu chiến binh" not in reader.get("/gioi-thieu/").content.decode()


def test_staff_preview_an_unpublished_page_with_a_banner(staff_client, make_page):
    page = make_page(title="Lịch sử phường", status=Page.Status.DRAFT)
    html = staff_client.get(page.get_absolute_url()).content.decode()
    assert "Bản xem trước – trang này chưa được đăng công khai." in html
    assert '<meta name="robots" content="noindex">' in html


@pytest.mark.parametrize(
    "path",
    [
        "/gioi-thieu/khong-co-trang-nay/",
        "/gioi-thieu/dang-bo-phuong/khong-co/",
        "/gioi-thieu/bia-dat/ban-chap-hanh-dang-bo/",
        "/gioi-thieu/%00/",
        "/gioi-thieu/trang%20c%C3%B3%20d%E1%BA%A5u/",
        "/gioi-thieu/" + "a/" * 40,
        "/gioi-thieu/" + "a" * 5000 + "/",
        "/gioi-thieu/../../etc/passwd/",
        "/gioi-thieu//dang-bo-phuong/",
    ],
)
def test_bad_addresses_give_the_404_page(reader, committee, path):
    page = reader.get(path)
    assert page.status_code == 404
    assert "Không tìm thấy trang" in page.content.decode()


def test_a_renamed_page_and_its_children_redirect_from_the_old_addresses(reader, committee):
    _, _party, board, standing = committee
    old_board, old_standing = board.get_absolute_url(), standing.get_absolute_url()
    board.slug = "ban-chap-hanh"
    board.save()
    standing.refresh_from_db()
    assert standing.get_absolute_url() == "/gioi-thieu/dang-bo-phuong/ban-chap-hanh/ban-thuong-vu/"
    for old, new in ((old_board, board), (old_standing, standing)):
        moved = reader.get(old)
        assert moved.status_code == 301
        assert moved["Location"] == new.get_absolute_url()
    assert reader.get(standing.get_absolute_url()).status_code == 200


def test_a_page_moved_under_another_redirects_from_its_old_address(reader, committee):
    _history, party, _board, standing = committee
    old = standing.get_absolute_url()
    standing.parent = party
    standing.save()
    assert standing.get_absolute_url() == "/gioi-thieu/dang-bo-phuong/ban-thuong-vu/"
    moved = reader.get(old)
    assert (moved.status_code, moved["Location"]) == (301, standing.get_absolute_url())


def test_the_former_address_of_an_unpublished_page_is_404(reader, committee):
    _, _, board, _ = committee
    old = board.get_absolute_url()
    board.slug = "ban-chap-hanh"
    board.status = Page.Status.DRAFT
    board.save()
    assert reader.get(old).status_code == 404


def test_a_body_written_around_save_is_shown_safe(reader, make_page):
    # Page.save() sanitizes; update() (an import, the shell) stores the markup as given.
    page = make_page(title="Trang sửa bằng lệnh update")
    hostile = '<p>Đoạn đầu.</p><img src=x onerror="alert(1)"><script>alert(2)</script>'
    Page.objects.filter(pk=page.pk).update(body=hostile)
    text = reader.get(page.get_absolute_url()).content.decode()
    assert "Đoạn đầu." in text
    for trace in ("<img src=x", "onerror=", "<script>alert"):
        assert trace not in text, trace
