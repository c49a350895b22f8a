"""`manage.py load_demo` loads the Giới thiệu pages too: public, nested, with people cards and photos."""

import io

import pytest
from django.core.management import call_command

from pages.demo_content import PAGES
from pages.models import Page, Person


def load_demo():
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


@pytest.fixture
def demo(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    assert "Trang giới thiệu mẫu mới tạo: 5." in load_demo()


def test_the_demo_pages_are_public_nested_with_people_cards_and_loaded_once(demo, reader):
    """One test: loading draws every photo and portrait, which takes seconds."""
    titles = [
        "Lịch sử phường",
        "Ban Chấp hành Đảng bộ",
        "Ban Thường vụ",
        "Các chi bộ trực thuộc",
        "Mặt trận và các đoàn thể",
    ]
    assert sorted(Page.objects.public().values_list("title", flat=True)) == sorted(titles)
    assert Page.objects.get(slug="ban-thuong-vu").get_absolute_url() == (
        "/gioi-thieu/ban-chap-hanh-dang-bo/ban-thuong-vu/"
    )
    index = reader.get("/gioi-thieu/").content.decode()
    for title in titles:
        assert title in index
    assert [p.title for p in Page.objects.in_menu().top_level()] == [
        "Lịch sử phường",
        "Ban Chấp hành Đảng bộ",
        "Các chi bộ trực thuộc",
        "Mặt trận và các đoàn thể",
    ]

    board = Page.objects.get(slug="ban-chap-hanh-dang-bo")
    html = reader.get(board.get_absolute_url()).content.decode()
    assert html.count('class="person-card"') == board.people.count() >= 5
    assert 'href="tel:02400000101"' in html and "mailto:thanh.nv@hoabinh.example.vn" in html
    hidden = Person.objects.get(name="Vũ Đức Mạnh")
    assert hidden.phone and not hidden.phone_public
    assert hidden.phone not in html and "0900000104" not in html
    assert all(person.photo for person in board.people.all())

    assert "Trang giới thiệu mẫu mới tạo: 0." in load_demo()
    assert Page.objects.count() == len(PAGES)
