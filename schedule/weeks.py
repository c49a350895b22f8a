"""The calendar of the leaders' schedule: weeks from Monday, days named as Vietnamese write them, and
"today" in the ward's time zone (Asia/Ho_Chi_Minh, settings.TIME_ZONE).

A week is addressed by its ISO year and number (/lich-cong-tac/2026/49/): Vietnamese weeks start on
Monday like ISO's, and the pair reads as "tuần 49 năm 2026", as offices number their weekly schedules.
"""

from datetime import date, timedelta

from django.utils import timezone

from ward.today import WEEKDAYS

FIRST_YEAR, LAST_YEAR = 2000, 2099
DAY_NAMES = WEEKDAYS


def today(now=None):
    """The date in the ward now."""
    return timezone.localdate(now or timezone.now())


def monday_of(day):
    return day - timedelta(days=day.weekday())


def week_days(monday):
    return [monday + timedelta(days=n) for n in range(7)]


def from_number(year, number):
    """The Monday of ISO week `number` of `year`, or None if there is no such week in our range."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    try:
        return date.fromisocalendar(year, number, 1)
    except ValueError:
        return None


def number_of(monday):
    """(ISO year, week number) of the week starting on this Monday."""
    year, number, _ = monday.isocalendar()
    return year, number


def in_range(day):
    return FIRST_YEAR <= day.year <= LAST_YEAR


def day_name(day):
    """ "Thứ Hai 30/11/2026"."""
    return f"{DAY_NAMES[day.weekday()]} {day:%d/%m/%Y}"
