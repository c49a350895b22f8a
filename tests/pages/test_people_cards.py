"""People cards on a leadership page: in staff's order, contacts only where staff published them."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from PIL import Image

from pages.contacts import tel_href
from pages.models import Person
from tests.staff.files import phone_photo


@pytest.fixture
def board(make_page):
    return make_page(title="Ban Chấp hành Đảng bộ")


def test_people_are_cards_in_the_order_staff_set(reader, board, make_person):
    make_person(board, name="Lê Thị Hồng Nhung", position="Phó Bí thư Đảng ủy", order=2)
    make_person(board, name="Nguyễn Văn Thành", position="Bí thư Đảng ủy phường", order=1)
    make_person(board, name="Phạm Thị Lan", position="Ủy viên Ban Thường vụ", order=3)
    html = reader.get(board.get_absolute_url()).content.decode()
    assert html.count('class="person-card"') == 3
    assert html.index("Nguyễn Văn Thành") < html.index("Lê Thị Hồng Nhung") < html.index("Phạm Thị Lan")
    assert "Bí thư Đảng ủy phường" in html


def test_published_contacts_are_tel_and_mailto_links(reader, board, make_person):
    make_person(
        board,
        name="Nguyễn Văn Thành",
        phone="0236.3812 345",
        phone_public=True,
        email="thanh.nv@hoabinh.gov.vn",
        email_public=True,
    )
    html = reader.get(board.get_absolute_url()).content.decode()
    assert '<a href="tel:02363812345">0236.3812 345</a>' in html
    assert '<a href="mailto:thanh.nv@hoabinh.gov.vn">thanh.nv@hoabinh.gov.vn</a>' in html


def test_unpublished_contacts_appear_nowhere(reader, board, make_person):
    make_person(board, name="Phạm Thị Lan", phone="0905 111 222", email="lan.pt@hoabinh.gov.vn")
    make_person(
        board, name="Trần Quốc Bảo", phone="0905 333 444", phone_public=True, email="bao@hoabinh.gov.vn"
    )
    for url in (board.get_absolute_url(), "/gioi-thieu/", "/sitemap.xml", "/tim-kiem/?q=0905"):
        html = reader.get(url).content.decode()
        for hidden in ("0905 111 222", "0905111222", "lan.pt@hoabinh.gov.vn", "bao@hoabinh.gov.vn"):
            assert hidden not in html, (url, hidden)
    html = reader.get(board.get_absolute_url()).content.decode()
    assert "Phạm Thị Lan" in html
    assert "tel:0905333444" in html
    # Search never finds a page by a contact, published or not.
    board.refresh_from_db()
    assert "0905" not in board.search_text and "hoabinh" not in board.search_text
    assert " pham thi lan " in board.search_text


def test_tel_links_have_digits_only_and_keep_a_leading_plus():
    assert tel_href("(0236) 3 812-345") == "tel:02363812345"
    assert tel_href("+84 905 111 222") == "tel:+84905111222"


def test_a_portrait_is_stored_upright_small_and_without_exif(reader, board, make_person, settings):
    person = make_person(board, name="Nguyễn Văn Thành", photo=phone_photo((1600, 1200)))
    with Image.open(person.photo.path) as stored:
        assert max(stored.size) == 400
        assert stored.size[1] > stored.size[0]  # turned upright by its EXIF orientation
        assert not stored.getexif()
    html = reader.get(board.get_absolute_url()).content.decode()
    assert person.photo.url in html


@pytest.mark.parametrize("phone", ["gọi ủy ban", "123", "0905 111 222 333 444 555", "09051<b>"])
def test_a_phone_number_that_is_not_one_is_refused_in_vietnamese(board, phone):
    person = Person(page=board, name="Phạm Thị Lan", phone=phone)
    with pytest.raises(ValidationError) as refused:
        person.full_clean()
    assert "Số điện thoại chỉ gồm chữ số" in str(refused.value)


def test_a_portrait_that_is_not_an_image_is_refused(board):
    person = Person(page=board, name="Phạm Thị Lan")
    person.photo = ContentFile(b"<svg xmlns='http://www.w3.org/2000/svg'></svg>", name="anh.jpg")
    with pytest.raises(ValidationError) as refused:
        person.full_clean()
    assert "không phải ảnh JPEG, PNG hoặc WebP" in str(refused.value)
