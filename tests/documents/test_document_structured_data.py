"""Văn bản tells search engines its trail: Trang chủ › Văn bản › the document."""

from tests.schema_org import check_trail

ORIGIN = "http://testserver"


def test_the_list_and_a_document_give_their_breadcrumbs(reader, make_document):
    document = make_document(number="12-NQ/ĐU")
    assert check_trail(reader.get("/van-ban/").content.decode()) == [
        (1, "Trang chủ", f"{ORIGIN}/"),
        (2, "Văn bản", f"{ORIGIN}/van-ban/"),
    ]
    assert check_trail(reader.get(document.get_absolute_url()).content.decode())[-1] == (
        3,
        "Nghị quyết số 12-NQ/ĐU",
        ORIGIN + document.get_absolute_url(),
    )


def test_a_documents_visible_trail_ends_at_the_list(reader, make_document):
    document = make_document(number="14-NQ/ĐU")
    html = reader.get(document.get_absolute_url()).content.decode()
    trail = html.split('<nav class="breadcrumbs"', 1)[1].split("</nav>", 1)[0]
    # The headline right below names the document; the trail shows the way to it.
    assert trail.endswith('<li><a href="/van-ban/">Văn bản</a></li></ol>')
    assert "14-NQ/ĐU" not in trail
