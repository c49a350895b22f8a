"""Văn bản's list, filters, search and document page, as a resident sees them."""

from datetime import date

import pytest

from documents.models import Document, DocumentType, Field, IssuingBody


def listed(response):
    return response.content.decode()


@pytest.fixture
def three(make_document):
    city = IssuingBody.objects.create(name="Ủy ban nhân dân phường", order=2)
    field = Field.objects.create(name="Xây dựng Đảng")
    return {
        "nq": make_document(
            "07-NQ/QU",
            summary="Về phát triển kinh tế số và chuyển đổi số trên địa bàn",
            issued_on=date(2021, 4, 26),
            field=field,
        ),
        "hd": make_document("12-HD/BTCTW", doc_type="Hướng dẫn", summary="Hướng dẫn tổ chức đại hội chi bộ"),
        "kh": make_document(
            "125/KH-UBND", doc_type="Kế hoạch", issuer=city, summary="Kế hoạch vệ sinh môi trường năm 2025",
            issued_on=date(2025, 2, 3),
        ),
    }  # fmt: skip


@pytest.mark.parametrize("typed", ["07-NQ/QU", "07 nq qu", "7-nq/qu", "so 07", "Số 07", "07-nq"])
def test_a_number_is_found_however_it_is_typed(reader, three, typed):
    page = listed(reader.get("/van-ban/", {"q": typed}))
    assert "Nghị quyết số 07-NQ/QU" in page
    assert "12-HD/BTCTW" not in page and "125/KH-UBND" not in page


def test_summary_words_without_marks_and_the_issue_date_find_a_document(reader, three):
    assert "125/KH-UBND" in listed(reader.get("/van-ban/", {"q": "ve sinh moi truong"}))
    by_date = listed(reader.get("/van-ban/", {"q": "26/4/2021"}))
    assert "số 07-NQ/QU</a>" in by_date and "12-HD/BTCTW" not in by_date
    assert "số 07-NQ/QU</a>" in listed(reader.get("/van-ban/", {"q": "26/04/2021"}))


def test_filters_by_type_issuer_year_and_field(reader, three):
    assert "số 12-HD/BTCTW</a>" in listed(reader.get("/van-ban/", {"loai": "huong-dan"}))
    assert "số 07-NQ/QU</a>" not in listed(reader.get("/van-ban/", {"loai": "huong-dan"}))
    assert "125/KH-UBND" in listed(reader.get("/van-ban/", {"co-quan": "uy-ban-nhan-dan-phuong"}))
    by_year = listed(reader.get("/van-ban/", {"nam": "2021"}))
    assert "số 07-NQ/QU</a>" in by_year and "125/KH-UBND" not in by_year
    assert "số 07-NQ/QU</a>" in listed(reader.get("/van-ban/", {"linh-vuc": "xay-dung-dang"}))
    assert "12-HD/BTCTW" not in listed(reader.get("/van-ban/", {"linh-vuc": "xay-dung-dang"}))


@pytest.mark.parametrize(
    "query",
    [{"nam": "abc"}, {"nam": "99999999999999999999"}, {"loai": "khong-co"}, {"q": "a\x00b"},
     {"q": "x" * 5000}, {"co-quan": "<script>"}, {"page": "99999"}, {"nam": "２０２１"}],
)  # fmt: skip
def test_bad_filter_values_give_an_empty_list_never_a_500(reader, three, query):
    response = reader.get("/van-ban/", query)
    assert response.status_code in (200, 404)
    if response.status_code == 200:
        assert "<script>" not in listed(response)


def test_a_bad_year_says_so_in_vietnamese(reader, three):
    page = listed(reader.get("/van-ban/", {"nam": "abc"}))
    assert "Năm ban hành phải là một năm" in page
    assert "Không có văn bản nào phù hợp" in page


def test_drafts_are_not_listed_or_shown(reader, make_document):
    draft = make_document("99-NQ/QU", status=Document.Status.DRAFT)
    assert "số 99-NQ/QU" not in listed(reader.get("/van-ban/"))
    assert reader.get(draft.get_absolute_url()).status_code == 404


def test_the_document_page_shows_its_facts_as_a_table_and_its_files(reader, three, attach):
    document = three["nq"]
    row = attach(document, name="Nghị quyết 07.pdf")
    page = listed(reader.get(document.get_absolute_url()))
    assert '<th scope="row">Số, ký hiệu</th><td>07-NQ/QU</td>' in page
    assert '<th scope="row">Ngày ban hành</th><td>26/04/2021</td>' in page
    assert "Ban Thường vụ Quận ủy" in page and "Xây dựng Đảng" in page
    assert "Nghị quyết 07.pdf" in page
    assert f"(PDF, {row.size} byte)" in page


def test_filter_links_keep_the_other_filters_in_pagination(reader, make_document):
    for n in range(22):
        make_document(f"{n + 1}-KH/ĐU", doc_type="Kế hoạch")
    page = listed(reader.get("/van-ban/", {"loai": "ke-hoach"}))
    assert "?loai=ke-hoach&amp;page=2" in page


def test_list_queries_are_flat_in_the_number_of_documents(
    reader, make_document, attach, django_assert_num_queries, ward_identity
):
    def count():
        # count, page, types, issuers, fields, years, and the sections every page lists (news)
        with django_assert_num_queries(7):
            assert reader.get("/van-ban/").status_code == 200

    attach(make_document())
    count()
    for _ in range(5):
        attach(make_document())
    count()


def test_document_page_queries_are_flat_in_files_and_citing_articles(
    reader, make_document, attach, make_article, django_assert_num_queries, ward_identity
):
    document = make_document("07-NQ/QU")

    def count():
        # the document, its files, the citing articles, and the sections every page lists
        with django_assert_num_queries(4):
            assert reader.get(document.get_absolute_url()).status_code == 200

    attach(document)
    make_article(body="<p>Theo Nghị quyết số 07-NQ/QU của Quận ủy.</p>")
    count()
    for _ in range(3):
        attach(document)
        make_article(body="<p>Thực hiện 07-NQ/QU.</p>")
    count()


def test_types_are_a_list_staff_manage_seeded_on_install(db):
    names = set(DocumentType.objects.values_list("name", flat=True))
    assert {"Nghị quyết", "Chỉ thị", "Kết luận", "Quyết định", "Hướng dẫn", "Kế hoạch", "Thông báo"} <= names
    assert {"Báo cáo", "Công văn"} <= names
