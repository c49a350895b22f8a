"""An entry's rules: a day within its week, a time or a part of the day, an end after its start; and
the "điều chỉnh" mark on entries changed once the week is public."""

from datetime import date, time, timedelta

import pytest
from django.core.exceptions import ValidationError

from schedule.models import Entry, Week
from schedule.times import Part, parse_time

from .conftest import MONDAY


def test_times_are_read_as_vietnamese_offices_write_them():
    assert parse_time("14:30") == time(14, 30)
    assert parse_time("14h30") == time(14, 30)
    assert parse_time("8h") == time(8, 0)
    assert parse_time("8 giờ 15") == time(8, 15)
    assert parse_time("2:30 PM") is None
    assert parse_time("25:00") is None


def test_an_end_before_the_start_is_refused_in_vietnamese(make_week):
    week = make_week()
    entry = Entry(week=week, day=MONDAY, start=time(14, 0), end=time(9, 0), what="Họp chi bộ")
    with pytest.raises(ValidationError) as refused:
        entry.full_clean()
    assert refused.value.message_dict["end"] == ["Giờ kết thúc (09:00) phải sau giờ bắt đầu (14:00)."]


def test_a_day_outside_the_week_is_refused(make_week):
    week = make_week()
    entry = Entry(week=week, day=MONDAY + timedelta(days=7), start=time(8, 0), what="Tiếp công dân")
    with pytest.raises(ValidationError) as refused:
        entry.full_clean()
    assert "không thuộc tuần này (30/11/2026 – 06/12/2026)" in refused.value.message_dict["day"][0]


def test_an_entry_needs_a_time_or_a_part_of_the_day(make_week):
    entry = Entry(week=make_week(), day=MONDAY, what="Tiếp công dân")
    with pytest.raises(ValidationError) as refused:
        entry.full_clean()
    assert "Xin nhập giờ bắt đầu hoặc chọn buổi" in refused.value.message_dict["start"][0]


def test_a_week_starts_on_a_monday():
    week = Week(monday=date(2026, 12, 2))
    with pytest.raises(ValidationError) as refused:
        week.full_clean()
    assert refused.value.message_dict["monday"] == [
        "Ngày 02/12/2026 là Thứ Tư; tuần này bắt đầu từ Thứ Hai 30/11/2026. Xin chọn ngày Thứ Hai."
    ]


def test_entries_are_in_time_order_with_parts_of_the_day_placed_by_their_hours(make_week):
    week = make_week(
        entries=[
            {"start": time(15, 0), "what": "Kiểm tra vỉa hè"},
            {"part": Part.MORNING, "what": "Tiếp công dân"},
            {"part": Part.ALL_DAY, "what": "Tổng vệ sinh"},
            {"start": time(7, 0), "what": "Chào cờ"},
        ]
    )
    assert [e.what for e in week.entries.all()] == [
        "Tổng vệ sinh",
        "Chào cờ",
        "Tiếp công dân",
        "Kiểm tra vỉa hè",
    ]
