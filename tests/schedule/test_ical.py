"""The week as iCalendar: RFC 5545 lines (CRLF, folded at 75 octets, escaped text), read back by an
independent parser (the icalendar package), with the ward's time zone and stable UIDs."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest

from schedule.ical import escape, fold
from schedule.models import Week
from schedule.times import Part

from .conftest import MONDAY, local

pytestmark = pytest.mark.django_db

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
LONG = (
    "Hội nghị quán triệt, triển khai Nghị quyết; học tập chuyên đề năm 2026 của Đảng bộ phường"
    "\\về công tác dân vận"
)


@pytest.fixture(autouse=True)
def on_wednesday(at):
    return at(local(date(2026, 12, 2), 10))


def test_the_file_parses_back_with_every_field(client, make_week):
    week = make_week(
        entries=[
            {"start": time(14, 0), "end": time(16, 30), "what": LONG, "place": "Hội trường, tầng 3; trụ sở",
             "chair": "Đồng chí Bí thư", "attendees": "Ban Chấp hành\nBí thư chi bộ"},
            {"day": MONDAY + timedelta(days=1), "part": Part.MORNING, "what": "Tiếp công dân"},
            {"day": MONDAY + timedelta(days=5), "part": Part.ALL_DAY, "what": "Tổng vệ sinh"},
        ]
    )  # fmt: skip
    response = client.get("/lich-cong-tac/2026/49.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    body = response.content
    assert body.endswith(b"\r\n") and b"\n" not in body.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in body.split(b"\r\n"))
    calendar = icalendar.Calendar.from_ical(body)
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Asia/Ho_Chi_Minh"
    first, morning, whole_day = calendar.walk("VEVENT")
    assert str(first["SUMMARY"]) == LONG
    assert str(first["LOCATION"]) == "Hội trường, tầng 3; trụ sở"
    assert "Thành phần: Ban Chấp hành\nBí thư chi bộ" in str(first["DESCRIPTION"])
    assert first.decoded("DTSTART") == datetime(2026, 11, 30, 14, 0, tzinfo=HANOI)
    assert first.decoded("DTEND") == datetime(2026, 11, 30, 16, 30, tzinfo=HANOI)
    assert str(first["UID"]) == str(week.entries.get(what=LONG).uid)
    assert "DTSTAMP" in first
    # A part of the day stands for its office hours; a whole day is an all-day event.
    assert morning.decoded("DTSTART") == datetime(2026, 12, 1, 7, 30, tzinfo=HANOI)
    assert morning.decoded("DTEND") == datetime(2026, 12, 1, 11, 30, tzinfo=HANOI)
    assert whole_day.decoded("DTSTART") == date(2026, 12, 5)
    assert whole_day.decoded("DTEND") == date(2026, 12, 6)


def test_uids_stay_the_same_from_one_download_to_the_next(client, make_week):
    make_week(entries=[{"what": "Giao ban"}, {"what": "Họp chi bộ"}])
    uids = [
        [
            str(e["UID"])
            for e in icalendar.Calendar.from_ical(client.get("/lich-cong-tac/2026/49.ics").content).walk(
                "VEVENT"
            )
        ]
        for _ in range(2)
    ]
    assert uids[0] == uids[1] and len(set(uids[0])) == 2


def test_the_current_weeks_file_is_this_week_and_empty_while_unpublished(client, make_week):
    make_week(status=Week.Status.DRAFT, entries=[{"what": "Việc chưa duyệt"}])
    calendar = icalendar.Calendar.from_ical(client.get("/lich-cong-tac/tuan-nay.ics").content)
    assert calendar.walk("VEVENT") == []
    Week.objects.update(status=Week.Status.PUBLISHED)
    calendar = icalendar.Calendar.from_ical(client.get("/lich-cong-tac/tuan-nay.ics").content)
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == ["Việc chưa duyệt"]


def test_text_is_escaped_and_lines_fold_between_characters():
    assert escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    line = "SUMMARY:" + "Đảng ủy phường " * 10
    folded = fold(line).encode()
    assert all(len(part) <= 75 for part in folded.split(b"\r\n"))
    assert folded.replace(b"\r\n ", b"").decode() == line


def test_a_week_that_does_not_exist_has_no_file(client):
    assert client.get("/lich-cong-tac/2026/60.ics").status_code == 404


@pytest.mark.parametrize("n", [1, 30])
def test_the_file_costs_two_queries_however_many_entries(client, make_week, django_assert_num_queries, n):
    make_week(entries=[{"day": MONDAY + timedelta(days=i % 7), "what": f"Việc {i}"} for i in range(n)])
    with django_assert_num_queries(2):  # the week, its entries
        body = client.get("/lich-cong-tac/2026/49.ics").content
    assert len(icalendar.Calendar.from_ical(body).walk("VEVENT")) == n
