"""The public week: by day with today marked, previous and next weeks, an unpublished week said plainly,
malformed addresses a Vietnamese 404 or 400, query counts flat in the number of entries."""

from datetime import date, time, timedelta

import pytest
from django.urls import reverse

from schedule.models import Week
from schedule.times import Part

from .conftest import MONDAY, local

pytestmark = pytest.mark.django_db

WEEK_49 = "/lich-cong-tac/2026/49/"


@pytest.fixture(autouse=True)
def on_wednesday(at):
    return at(local(date(2026, 12, 2), 10))


def test_the_current_week_shows_its_days_and_entries_in_time_order_with_today_marked(client, make_week):
    make_week(
        entries=[
            {"day": MONDAY, "start": time(14, 0), "end": time(16, 30), "what": "Làm việc với chi bộ"},
            {"day": MONDAY, "start": time(7, 30), "what": "Giao ban đầu tuần", "place": "Phòng họp số 1"},
            {"day": MONDAY + timedelta(days=1), "part": Part.MORNING, "what": "Tiếp công dân"},
        ]
    )
    page = client.get(reverse("schedule:week")).text
    assert "Lịch công tác tuần 49" in page and "từ 30/11/2026 đến 06/12/2026" in page
    for name in ("Thứ Hai 30/11/2026", "Thứ Ba 01/12/2026", "Thứ Tư 02/12/2026", "Chủ nhật 06/12/2026"):
        assert name in page
    assert page.index("Giao ban đầu tuần") < page.index("Làm việc với chi bộ") < page.index("Tiếp công dân")
    assert "14:00 – 16:30" in page and "Sáng" in page
    assert (
        'id="ngay-2026-12-02" aria-current="date">Thứ Tư 02/12/2026 <span class="today-mark">Hôm nay' in page
    )
    assert page.count('aria-current="date"') == 1
    assert (
        'href="/lich-cong-tac/2026/48/" rel="prev"' in page
        and 'href="/lich-cong-tac/2026/50/" rel="next"' in page
    )


def test_a_week_not_published_says_so_plainly(client, make_week):
    make_week(status=Week.Status.DRAFT, entries=[{"what": "Việc chưa duyệt"}])
    page = client.get(WEEK_49).text
    assert "Lịch tuần này chưa được đăng." in page and "Việc chưa duyệt" not in page


def test_staff_preview_a_draft_week_at_its_address(client, make_week, editor):
    make_week(status=Week.Status.DRAFT, entries=[{"what": "Việc chưa duyệt"}])
    client.force_login(editor)
    page = client.get(WEEK_49).text
    assert "Bản xem trước" in page and "Việc chưa duyệt" in page


def test_the_week_page_moves_on_at_midnight_in_the_ward_with_no_save(client, make_week, at):
    make_week(entries=[{"day": MONDAY + timedelta(days=2), "what": "Hội nghị"}])
    assert 'id="ngay-2026-12-02" aria-current="date"' in client.get(WEEK_49).text
    at(local(date(2026, 12, 3), 0, 0))
    assert 'id="ngay-2026-12-03" aria-current="date"' in client.get(WEEK_49).text


@pytest.mark.parametrize(
    "address", ["/lich-cong-tac/2026/54/", "/lich-cong-tac/2026/0/", "/lich-cong-tac/99999999999999999999/1/"]
)
def test_a_week_that_does_not_exist_is_a_vietnamese_404(client, address):
    response = client.get(address)
    assert response.status_code == 404 and "Không tìm thấy trang" in response.text


def test_a_date_in_the_query_goes_to_its_week(client):
    response = client.get("/lich-cong-tac/?tuan=2026-12-03")
    assert response.status_code == 302 and response.url == WEEK_49
    assert client.get("/lich-cong-tac/?tuan=03/12/2026").url == WEEK_49


@pytest.mark.parametrize("value", ["hom-nay", "2026-13-01", "\x00", "9" * 5000])
def test_a_malformed_date_in_the_query_is_a_vietnamese_400(client, value):
    response = client.get("/lich-cong-tac/", {"tuan": value})
    assert response.status_code == 400
    assert "Xin ghi ngày theo dạng dd/mm/yyyy" in response.text


# The sections of the menu (base.html), the week, its entries.
@pytest.mark.parametrize("entries", [1, 30])
def test_the_week_costs_the_same_queries_for_few_or_many_entries(
    reader, make_week, django_assert_num_queries, ward_identity, entries
):
    make_week(entries=[{"day": MONDAY + timedelta(days=n % 7), "what": f"Việc {n}"} for n in range(entries)])
    with django_assert_num_queries(3):
        assert reader.get(WEEK_49).status_code == 200
