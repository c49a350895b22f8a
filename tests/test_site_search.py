"""The search page finds Giới thiệu pages, notices, documents and Hỏi đáp too ("Trong các mục khác",
portal.site_search): by the articles' word rule, only what residents may open, never who asked, a few
of each, escaped."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from documents.models import Document
from news import page_cache
from notices.models import Notice
from pages.models import Page
from portal import site_search
from questions.models import Question
from tests.documents.conftest import issuer, make_document  # noqa: F401 - fixtures
from tests.pages.conftest import make_page  # noqa: F401 - a fixture
from tests.questions.conftest import make_question  # noqa: F401 - a fixture

from .test_search import search, titles

# The two fixtures above are imported from their folders' conftest files, so each test's argument of
# that name "redefines" them for ruff.
# ruff: noqa: F811


def elsewhere(response):
    """(label, title as shown without marks) of each hit in the block, in order."""
    html = response.content.decode()
    block = re.search(r'<section class="elsewhere".*?</section>', html, re.S)
    if block is None:
        return []
    items = re.findall(
        r'<p class="elsewhere-kind">(.*?)</p>\s*<a class="elsewhere-title" href="[^"]+">(.*?)</a>',
        block.group(0),
        re.S,
    )
    return [(kind, re.sub(r"</?mark>", "", title)) for kind, title in items]


def test_each_type_is_found_typed_without_diacritics_with_its_label_and_marks(
    reader, make_page, make_notice, make_question
):
    page = make_page(title="Lịch sử phường Hòa Bình")
    make_notice(title="Triển lãm ảnh về lịch sử phường")
    make_question(subject="Mua sách lịch sử phường ở đâu?", body="Tôi muốn mua một cuốn.")
    make_page(title="Ban Chấp hành Đảng bộ")
    response = search(reader, "lich su phuong")
    assert elsewhere(response) == [
        ("Trang giới thiệu", "Lịch sử phường Hòa Bình"),
        ("Thông báo", "Triển lãm ảnh về lịch sử phường"),
        ("Hỏi đáp", "Mua sách lịch sử phường ở đâu?"),
    ]
    html = response.content.decode()
    assert (
        f'href="{page.get_absolute_url()}"><mark>Lịch</mark> <mark>sử</mark> <mark>phường</mark> Hòa Bình'
        in html
    )
    assert "Trong các mục khác" in html


def test_words_in_the_body_or_answer_find_the_item_as_whole_syllables(reader, make_page, make_question):
    make_page(title="Mặt trận và các đoàn thể", body="<p>Hội Cựu chiến binh phường có 120 hội viên.</p>")
    make_question(
        subject="Hỏi về giờ làm việc", body="Sáng thứ Bảy?", answer="Bộ phận một cửa mở đến 11 giờ."
    )
    make_page(title="Quy chế làm việc", body="<p>Huy động nguồn lực.</p>")
    assert elsewhere(search(reader, "cuu chien binh")) == [("Trang giới thiệu", "Mặt trận và các đoàn thể")]
    assert elsewhere(search(reader, "mot cua")) == [("Hỏi đáp", "Hỏi về giờ làm việc")]
    assert elsewhere(search(reader, "uy")) == []  # "uy" is no syllable of "Quy" or "Huy"


def test_title_matches_come_first_then_the_newest(reader, make_notice):
    now = timezone.now()
    make_notice(title="Lịch họp dân", body="<p>Bàn về tiêm chủng.</p>", valid_from=now - timedelta(hours=1))
    make_notice(title="Ngày tiêm chủng mở rộng", valid_from=now - timedelta(days=5))
    make_notice(title="Tiêm chủng cho trẻ em", valid_from=now - timedelta(days=2))
    assert [title for _, title in elsewhere(search(reader, "tiem chung"))] == [
        "Tiêm chủng cho trẻ em",
        "Ngày tiêm chủng mở rộng",
        "Lịch họp dân",
    ]


def test_only_what_residents_may_open_is_found(reader, make_page, make_notice, make_question):
    now = timezone.now()
    make_page(title="Lịch sử phường: bản nháp", status=Page.Status.DRAFT)
    make_page(title="Lịch sử phường: hẹn giờ", published_at=now + timedelta(days=1))
    hidden_parent = make_page(title="Trang cha chưa đăng", status=Page.Status.REVIEW)
    make_page(title="Lịch sử phường: dưới trang chưa đăng", parent=hidden_parent)
    make_notice(title="Lịch sử phường: thông báo nháp", status=Notice.Status.DRAFT)
    make_notice(
        title="Lịch sử phường: thông báo nháp đã hết hạn",
        status=Notice.Status.DRAFT,
        valid_from=now - timedelta(days=9),
        valid_until=now - timedelta(days=2),
    )
    make_notice(title="Lịch sử phường: chưa đến hiệu lực", valid_from=now + timedelta(days=1))
    make_question(subject="Lịch sử phường: chưa trả lời", answer="")
    make_question(subject="Lịch sử phường: chưa duyệt", status=Question.Status.REVIEW)
    make_question(subject="Lịch sử phường: hẹn giờ", published_at=now + timedelta(days=1))
    # An expired notice stays in the archive, and the hit says so first.
    make_notice(
        title="Lịch sử phường: thông báo cũ",
        valid_from=now - timedelta(days=9),
        valid_until=now - timedelta(days=2),
    )
    assert elsewhere(search(reader, "lich su phuong")) == [
        ("Thông báo · đã hết hiệu lực", "Lịch sử phường: thông báo cũ")
    ]


def test_who_asked_is_never_found_nor_shown(reader, make_question):
    make_question(
        subject="Hỏi về thu gom rác",
        name="Phạm Thị Dung",
        phone="0901234567",
        email="dung@example.vn",
        residential_group="Tổ 7",
    )
    for query in ("pham thi dung", "0901234567", "dung example vn", "to 7"):
        assert elsewhere(search(reader, query)) == [], query
    html = search(reader, "thu gom rac").content.decode()
    assert elsewhere(search(reader, "thu gom rac")) == [("Hỏi đáp", "Hỏi về thu gom rác")]
    for private in ("Phạm Thị Dung", "0901234567", "dung@example.vn", "Tổ 7"):
        assert private not in html


def test_titles_that_look_like_html_are_shown_as_text(reader, make_notice, make_page):
    make_notice(title="Cảnh giác tin nhắn <script>alert(1)</script> lừa đảo")
    make_page(title='Lừa đảo qua "mã QR" <img src=x onerror=alert(1)>')
    html = search(reader, "lua dao").content.decode()
    assert "<script>alert(1)" not in html and "<img src=x" not in html
    assert (
        "Cảnh giác tin nhắn &lt;script&gt;alert(1)&lt;/script&gt; <mark>lừa</mark> <mark>đảo</mark>" in html
    )
    assert (
        "<mark>Lừa</mark> <mark>đảo</mark> qua &quot;mã QR&quot; &lt;img src=x onerror=alert(1)&gt;" in html
    )


def test_a_few_of_each_type_then_a_link_to_see_more_of_it(reader, make_notice, make_page):
    for n in range(site_search.PER_TYPE + 2):
        make_notice(title=f"Lịch cắt điện đợt {n}")
    make_page(title="Lịch cắt điện và cấp nước")
    first = search(reader, "lich cat dien")
    kinds = [kind for kind, _ in elsewhere(first)]
    assert kinds.count("Thông báo") == site_search.PER_TYPE and kinds.count("Trang giới thiệu") == 1
    html = first.content.decode()
    link = "?q=lich%20cat%20dien&amp;loai=thong-bao#muc-thong-bao"
    assert f'<a href="{link}">Xem thêm thông báo</a>' in html
    assert "Xem thêm trang giới thiệu" not in html  # it has no more
    more = search(reader, "lich cat dien", loai="thong-bao")
    kinds = [kind for kind, _ in elsewhere(more)]
    assert kinds.count("Thông báo") == site_search.PER_TYPE + 2 and kinds.count("Trang giới thiệu") == 1
    assert "Xem thêm thông báo" not in more.content.decode()


def test_even_the_type_asked_for_in_full_is_bounded(reader, make_notice, monkeypatch):
    monkeypatch.setattr(site_search, "EXPANDED", 3)
    for n in range(5):
        make_notice(title=f"Lịch cắt điện đợt {n}")
    html = search(reader, "lich cat dien", loai="thong-bao").content.decode()
    assert html.count('class="elsewhere-item"') == 3
    assert "Đang hiện 3 kết quả đầu tiên trong mục Thông báo; thêm từ khóa để tìm đúng hơn." in html


@pytest.mark.parametrize(
    "loai", ["", "\x00", "x" * 5000, "<script>alert(1)</script>", "THONG-BAO", "gioi-thieu/"]
)
def test_any_other_type_parameter_is_ignored(reader, make_notice, loai):
    for n in range(site_search.PER_TYPE + 1):
        make_notice(title=f"Lịch cắt điện đợt {n}")
    response = search(reader, "lich cat dien", loai=loai)
    assert response.status_code == 200
    assert len(elsewhere(response)) == site_search.PER_TYPE
    assert "<script>alert(1)" not in response.content.decode()


def test_the_block_stands_before_the_articles_on_the_first_page_only(reader, make_article, make_notice):
    for _ in range(25):
        make_article(title="Lịch tiếp công dân của Đảng ủy")
    make_notice(title="Thay đổi lịch tiếp công dân")
    html = search(reader, "lich tiep cong dan").content.decode()
    assert "Tìm thấy 25 tin bài cho «lich tiep cong dan». Có thêm kết quả trong các mục khác." in html
    assert html.index('class="elsewhere"') < html.index('class="card"')
    second = search(reader, "lich tiep cong dan", page="2")
    assert elsewhere(second) == []
    assert "Có thêm kết quả" not in second.content.decode()


def test_no_article_but_other_hits_is_not_called_nothing_found(reader, make_article, make_page):
    make_article(title="Hội nghị chi bộ")
    make_page(title="Các chi bộ trực thuộc", body="<p>Mười hai chi bộ khu dân cư.</p>")
    html = search(reader, "khu dan cu").content.decode()
    said = "Không có tin bài nào cho «khu dan cu», nhưng có kết quả trong các mục khác: Trang giới thiệu."
    assert said in html
    assert "Không tìm thấy" not in html and "Tìm thấy 0" not in html
    assert elsewhere(search(reader, "khu dan cu")) == [("Trang giới thiệu", "Các chi bộ trực thuộc")]


def test_nothing_anywhere_is_said_once_with_what_to_try(reader, make_article):
    """The page said "Tìm thấy 0 tin bài" and then "Không tìm thấy tin bài nào": one sentence now."""
    make_article(title="Hội nghị chi bộ")
    html = search(reader, "bong da").content.decode()
    assert html.count('role="status"') == 1
    assert "Không tìm thấy kết quả nào cho «bong da»." in html
    assert "Hãy kiểm tra chính tả, bớt từ hoặc thử từ khác gần nghĩa." in html
    assert "Tìm thấy 0" not in html and "Trong các mục khác" not in html


@pytest.mark.parametrize("query", ["\x00", "lich su\x00phuong", "lich su phuong " + "x" * 5000, "%_%"])
def test_bad_queries_still_answer_a_normal_page(reader, make_page, make_notice, make_question, query):
    make_page(title="Lịch sử phường")
    make_notice(title="Lịch sử phường qua ảnh")
    make_question(subject="Sách lịch sử phường")
    response = search(reader, query)
    assert response.status_code == 200
    assert "\x00" not in response.content.decode()
    assert Page.objects.count() == Notice.objects.count() == Question.objects.count() == 1


def test_a_bad_request_is_still_the_vietnamese_400(client, make_page):
    make_page(title="Lịch sử phường")
    response = client.get("/tim-kiem/?q=lich+su+phuong", HTTP_HOST="tin-gia.example")
    assert response.status_code == 400
    assert "Yêu cầu không hợp lệ" in response.content.decode()


def grow(make_article, make_page, make_notice, make_question, n):
    for _ in range(n):
        make_article(title="Hội nghị tổ dân phố")
        make_page(title="Hội nghị đại biểu tổ dân phố")
        make_notice(title="Lịch hội nghị tổ dân phố")
        make_question(subject="Hỏi về hội nghị tổ dân phố")


@pytest.mark.parametrize("n", [1, 12])
def test_one_query_per_type_after_a_change_and_none_then_however_many_items(
    reader, make_article, make_page, make_notice, make_question, django_assert_num_queries, ward_identity, n
):
    """The articles' 3, and 1 to make the word index after a change (tests/test_search.py), and one
    each for pages, notices, documents and Hỏi đáp to keep them (portal.site_search.kept); then the
    kept cards' counts only (news.kept_cards; the menu's sections are kept with the frame), also for
    the type shown in full."""
    grow(make_article, make_page, make_notice, make_question, n)
    with django_assert_num_queries(4 + len(site_search.SEARCHABLE)):
        response = search(reader, "hoi nghi to dan pho")
    assert len(elsewhere(response)) == 3 * min(n, site_search.PER_TYPE)
    with django_assert_num_queries(1):
        again = search(reader, "hoi nghi to dan pho", loai="hoi-dap")
    kinds = [kind for kind, _ in elsewhere(again)]
    assert kinds.count("Hỏi đáp") == n and len(kinds) == n + 2 * min(n, site_search.PER_TYPE)


def test_later_pages_and_empty_queries_ask_nothing_more(
    reader, make_article, make_page, make_notice, make_question, django_assert_num_queries, ward_identity
):
    grow(make_article, make_page, make_notice, make_question, 21)
    with django_assert_num_queries(4):
        search(reader, "hoi nghi to dan pho", page="2")
    with django_assert_num_queries(0):  # the menu's sections are kept (ward.templatetags.kept_parts)
        search(reader, "   ")
    assert titles(search(reader, "hoi nghi to dan pho", page="2")) == ["Hội nghị tổ dân phố"]


def test_a_published_document_is_found_by_its_trich_yeu_and_number_a_draft_never(reader, make_document):
    make_document("07-NQ/ĐU", summary="Về chuyển đổi số trong sinh hoạt chi bộ")
    make_document("08-NQ/ĐU", summary="Về chuyển đổi số ở tổ dân phố", status=Document.Status.DRAFT)
    response = search(reader, "chuyen doi so")
    assert elsewhere(response) == [
        ("Văn bản", "Nghị quyết số 07-NQ/ĐU – Về chuyển đổi số trong sinh hoạt chi bộ")
    ]
    assert elsewhere(search(reader, "07 nq du")) == elsewhere(response)


def test_what_is_kept_follows_the_clock_with_no_save(reader, make_notice, make_page, clock):
    """The items are kept for the pages' generation (portal.site_search.kept), which moves when a
    notice's validity begins or ends: found from its start, marked expired from its end."""
    start = timezone.now() + timedelta(hours=2)
    make_notice(
        title="Lịch tiêm chủng tháng Mười hai", valid_from=start, valid_until=start + timedelta(days=1)
    )
    make_page(title="Lịch tiếp dân của phường")
    assert elsewhere(search(reader, "lich tiem")) == []  # its validity has not begun
    assert elsewhere(search(reader, "lich tiep")) == [("Trang giới thiệu", "Lịch tiếp dân của phường")]
    clock(start + timedelta(seconds=1))
    assert elsewhere(search(reader, "lich tiem")) == [("Thông báo", "Lịch tiêm chủng tháng Mười hai")]
    clock(start + timedelta(days=1, seconds=1))
    assert elsewhere(search(reader, "lich tiem")) == [
        ("Thông báo · đã hết hiệu lực", "Lịch tiêm chủng tháng Mười hai")
    ]


def test_a_save_is_found_at_once_a_bulk_update_within_the_lists_lifetime(
    reader, make_notice, make_question, settings, monkeypatch
):
    notice = make_notice(title="Lịch cắt điện khu phố 3")
    assert elsewhere(search(reader, "cat dien")) == [("Thông báo", "Lịch cắt điện khu phố 3")]
    notice.title = "Lịch cắt điện khu phố 4"
    notice.save()
    make_question(subject="Khi nào hết cắt điện?")
    assert elsewhere(search(reader, "cat dien")) == [
        ("Thông báo", "Lịch cắt điện khu phố 4"),
        ("Hỏi đáp", "Khi nào hết cắt điện?"),
    ]
    # An update() announces nothing: seen once what is kept has lived as long as a kept list.
    Notice.objects.update(status=Notice.Status.DRAFT)
    later = page_cache.time.monotonic() + settings.PORTAL_PAGE_CACHE_SECONDS + 1
    monkeypatch.setattr(page_cache.time, "monotonic", lambda: later)
    assert elsewhere(search(reader, "cat dien")) == [("Hỏi đáp", "Khi nào hết cắt điện?")]


def test_a_word_is_a_whole_syllable_also_in_the_title_ranking(reader, make_notice):
    """Title matches count whole syllables: "uy" is not in "Quy", so the newer notice stays first."""
    now = timezone.now()
    make_notice(
        title="Quy định mới", body="<p>Ủy ban phường thông báo.</p>", valid_from=now - timedelta(days=1)
    )
    make_notice(title="Thông báo của Ủy ban", body="<p>Quy định.</p>", valid_from=now - timedelta(days=2))
    make_notice(title="Lịch trực", body="<p>Ủy ban, quy định.</p>", valid_from=now - timedelta(hours=1))
    assert [title for _, title in elsewhere(search(reader, "uy"))] == [
        "Thông báo của Ủy ban",
        "Lịch trực",
        "Quy định mới",
    ]


def test_no_words_match_nothing_without_reading_anything(db, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert all(site_search.matches(kind, [], 3, "1") == [] for kind in site_search.SEARCHABLE)


def test_a_hit_is_dated_in_the_wards_time_zone(reader, make_page, make_notice):
    """18:30 UTC on 1 December is 01:30 on 2 December in Hà Nội: the hit says 02/12/2026."""
    page = make_page(title="Lịch tiếp công dân")
    late = datetime(2026, 12, 1, 18, 30, tzinfo=UTC)
    Page.objects.filter(pk=page.pk).update(updated_at=late)
    make_notice(title="Lịch tiếp công dân tháng Một", valid_from=late)
    html = search(reader, "lich tiep cong dan").content.decode()
    assert html.count('<p class="meta">Cập nhật <time datetime="2026-12-02">02/12/2026</time></p>') == 1
    assert html.count('<p class="meta">Hiệu lực từ <time datetime="2026-12-02">02/12/2026</time></p>') == 1
