"""The home page's Lịch công tác block: today's and tomorrow's entries of published weeks, changing at
midnight in the ward by itself though the home page is kept rendered, in a bounded number of queries."""

from datetime import date, time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from schedule.models import Week
from ward.today import next_midnight

from .conftest import MONDAY, local

pytestmark = pytest.mark.django_db


def block(page):
    start = page.index('aria-labelledby="lich-cong-tac"')
    return page[start : page.index("</section>", start)]


def test_the_block_lists_today_and_tomorrow_only(reader, make_week, at):
    at(local(date(2026, 12, 2), 10))
    make_week(
        entries=[
            {"day": MONDAY + timedelta(days=1), "what": "Việc hôm qua"},
            {"day": MONDAY + timedelta(days=2), "start": time(14, 0), "what": "Việc hôm nay"},
            {"day": MONDAY + timedelta(days=3), "what": "Việc ngày mai"},
            {"day": MONDAY + timedelta(days=4), "what": "Việc ngày kia"},
        ]
    )
    shown = block(reader.get("/").text)
    assert 'Hôm nay <span class="when">Thứ Tư 02/12/2026' in shown and "Ngày mai" in shown
    assert "Việc hôm nay" in shown and "14:00" in shown and "Việc ngày mai" in shown
    assert "Việc hôm qua" not in shown and "Việc ngày kia" not in shown


def test_a_draft_weeks_entries_stay_off_the_home_page(reader, make_week, at):
    at(local(MONDAY, 10))
    make_week(status=Week.Status.DRAFT, entries=[{"what": "Việc chưa duyệt"}])
    shown = block(reader.get("/").text)
    assert "Việc chưa duyệt" not in shown and "Không có lịch." in shown


def test_the_kept_home_page_moves_to_the_next_day_at_midnight_with_no_save(reader, make_week, at, settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = (
        7 * 24 * 3600
    )  # kept far longer than a day: only the due moment helps
    at(local(date(2026, 12, 2), 23, 59))
    make_week(
        entries=[
            {"day": MONDAY + timedelta(days=3), "what": "Họp chi bộ"},
            {"day": MONDAY + timedelta(days=4), "what": "Giao ban khối dân vận"},
        ]
    )
    first = block(reader.get("/").text)
    assert "Giao ban khối dân vận" not in first
    at(
        local(
            date(2026, 12, 2),
            23,
            59,
        )
        + timedelta(seconds=30)
    )
    assert block(reader.get("/").text) == first  # still kept
    at(local(date(2026, 12, 3), 0, 0))
    after = block(reader.get("/").text)
    assert 'Hôm nay <span class="when">Thứ Năm 03/12/2026' in after and "Giao ban khối dân vận" in after


def test_midnight_is_in_the_ward_not_utc():
    moment = local(date(2026, 12, 2), 23, 30)
    assert next_midnight(moment) == local(date(2026, 12, 3), 0, 0)


@pytest.mark.parametrize("n", [1, 12])
def test_the_block_costs_one_query_however_many_entries(make_week, django_assert_num_queries, at, n):
    from schedule.home import upcoming_days

    at(local(MONDAY, 10))
    make_week(entries=[{"day": MONDAY + timedelta(days=i % 2), "what": f"Việc {i}"} for i in range(n)])
    with django_assert_num_queries(1):
        days = upcoming_days()
    assert sum(len(day["entries"]) for day in days) == n


def test_the_home_page_costs_the_same_queries_for_few_or_many_entries(reader, make_week, ward_identity, at):
    """One query for the block (test_the_block_costs_one_query...), whatever the entries."""
    at(local(MONDAY, 10))
    week = make_week(entries=[{"what": "Giao ban"}])
    counts = []
    for extra in (0, 20):
        for i in range(extra):
            week.entries.create(day=MONDAY + timedelta(days=i % 2), start=time(8, i), what=f"Việc {i}")
        with CaptureQueriesContext(connection) as captured:
            assert reader.get("/").status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1] > 5  # both rendered (an entry saved drops the kept home page)
