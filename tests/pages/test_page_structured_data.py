"""Giới thiệu tells search engines its trail: Trang chủ › Giới thiệu › the pages above › the page."""

from tests.schema_org import check_trail

ORIGIN = "http://testserver"


def test_the_index_and_a_nested_page_give_their_breadcrumbs(reader, make_page):
    assert check_trail(reader.get("/gioi-thieu/").content.decode()) == [
        (1, "Trang chủ", f"{ORIGIN}/"),
        (2, "Giới thiệu", f"{ORIGIN}/gioi-thieu/"),
    ]
    above = make_page(title="Cơ cấu tổ chức")
    page = make_page(title="Ban Thường vụ Đảng ủy", parent=above)
    assert check_trail(reader.get(page.get_absolute_url()).content.decode()) == [
        (1, "Trang chủ", f"{ORIGIN}/"),
        (2, "Giới thiệu", f"{ORIGIN}/gioi-thieu/"),
        (3, "Cơ cấu tổ chức", ORIGIN + above.get_absolute_url()),
        (4, "Ban Thường vụ Đảng ủy", ORIGIN + page.get_absolute_url()),
    ]
