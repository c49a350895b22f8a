"""A Giới thiệu page's queries do not grow with its people, photos, the pages under it, or the tree."""

import pytest

from tests.staff.files import image_bytes


def grow(page, make_page, make_person, make_page_photo, n):
    for _ in range(n):
        make_person(page, photo=image_bytes((300, 400)), phone="0905 111 222", phone_public=True)
        make_page_photo(page, position=0)
        make_page(parent=page)


# The sections of the menu (base.html), the page, the pages above it (none at the top), its photos,
# its people, the pages under it.
@pytest.mark.parametrize("n", [1, 6])
def test_a_top_level_page(
    reader, make_page, make_person, make_page_photo, django_assert_num_queries, ward_identity, n
):
    page = make_page(title="Ban Chấp hành Đảng bộ")
    grow(page, make_page, make_person, make_page_photo, n)
    with django_assert_num_queries(5):
        assert reader.get(page.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("n", [1, 6])
def test_a_nested_page(
    reader, make_page, make_person, make_page_photo, django_assert_num_queries, ward_identity, n
):
    top = make_page(title="Đảng bộ phường")
    middle = make_page(title="Ban Chấp hành Đảng bộ", parent=top)
    page = make_page(title="Ban Thường vụ", parent=middle)
    grow(page, make_page, make_person, make_page_photo, n)
    with django_assert_num_queries(6):
        assert reader.get(page.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("n", [1, 8])
def test_the_index(reader, make_page, django_assert_num_queries, ward_identity, n):
    for _ in range(n):
        top = make_page()
        for _ in range(n):
            make_page(parent=top)
    # The sections, the top-level pages, the pages under them.
    with django_assert_num_queries(3):
        html = reader.get("/gioi-thieu/").content.decode()
    assert html.count('class="page-entry"') == n
