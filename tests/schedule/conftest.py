"""Weeks of the leaders' schedule and their entries, made the way staff make them."""

from datetime import date, datetime, time, timedelta

import pytest
from django.utils import timezone

from schedule.models import Entry, Week
from tests.staff.conftest import approver, approver_client, editor, editor_client  # noqa: F401

# A fixed week for tests that move time: Monday 30/11/2026 is ISO week 49.
MONDAY = date(2026, 11, 30)


def local(day, hour=10, minute=0):
    """An aware moment in the ward's time zone."""
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


@pytest.fixture
def at(monkeypatch):
    """Move the clock (Django's now and the page cache's time) to a moment in the ward."""
    import time as time_module

    def move(moment):
        monkeypatch.setattr(timezone, "now", lambda: moment)
        monkeypatch.setattr(time_module, "time", lambda: moment.timestamp())
        return moment

    return move


@pytest.fixture
def make_week(db):
    def make(monday=MONDAY, entries=(), **fields):
        fields.setdefault("status", Week.Status.PUBLISHED)
        fields.setdefault("published_at", local(monday, 0, 0) - timedelta(days=3))
        week = Week.objects.create(monday=monday, **fields)
        for n, entry in enumerate(entries):
            entry = dict(entry)
            entry.setdefault("day", monday)
            entry.setdefault("what", f"Giao ban số {n + 1}")
            if "start" not in entry and "part" not in entry:
                entry["start"] = time(8, 0)
            Entry.objects.create(week=week, **entry)
        return week

    return make
