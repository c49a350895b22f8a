"""Văn bản on the home page, in the sitemap, in its RSS feed and in the main menu."""

from documents.models import Document
from ward.models import MenuEntry


def test_the_home_page_shows_the_newest_documents(reader, make_document, make_article):
    make_article()
    make_document("07-NQ/QU")
    make_document("08-NQ/QU", status=Document.Status.DRAFT)
    page = reader.get("/").content.decode()
    assert "Văn bản mới" in page
    assert "số 07-NQ/QU" in page and "08-NQ/QU" not in page


def test_the_home_block_costs_one_query_whatever_the_number_of_documents(
    reader, make_document, make_article, django_assert_num_queries, ward_identity
):
    """The home page's 9 (tests/test_home.py), whatever the number of documents."""
    make_article()
    make_document()
    with django_assert_num_queries(9):
        reader.get("/")
    for _ in range(8):
        make_document()
    with django_assert_num_queries(9):
        page = reader.get("/").content.decode()
    assert page.count('class="document-row"') == 5


def test_the_sitemap_lists_the_documents_page_and_public_documents(reader, make_document):
    public = make_document("07-NQ/QU")
    draft = make_document("08-NQ/QU", status=Document.Status.DRAFT)
    sitemap = reader.get("/sitemap.xml").content.decode()
    assert "/van-ban/</loc>" in sitemap
    assert public.get_absolute_url() in sitemap and draft.get_absolute_url() not in sitemap


def test_the_feed_carries_public_documents(reader, make_document):
    make_document("07-NQ/QU", summary="Về chuyển đổi số")
    make_document("08-NQ/QU", status=Document.Status.DRAFT)
    response = reader.get("/van-ban/rss/")
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = response.content.decode()
    assert "Nghị quyết số 07-NQ/QU – Về chuyển đổi số" in feed and "08-NQ/QU" not in feed


def test_the_menu_has_van_ban_after_thong_bao_and_before_hoi_dap(db):
    labels = list(MenuEntry.objects.order_by("order").values_list("label", flat=True))
    assert labels.index("Thông báo") < labels.index("Văn bản") < labels.index("Hỏi đáp")
