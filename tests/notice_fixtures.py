"""Notices and featured pins made the way staff make them (published unless told), on the real database;
and moving the clock, as the scheduled articles' tests do (freezegun is not installed)."""

import itertools
import time
from datetime import timedelta

import pytest
from django.utils import timezone

from notices.models import FeaturedPin, Notice

_serial = itertools.count(1)


@pytest.fixture
def make_notice(db):
    """Each test's notices began an hour apart, newest first, starting an hour ago, and run a week."""
    made_here = itertools.count(1)

    def make(**fields):
        n = next(_serial)
        now = timezone.now()
        fields.setdefault("title", f"Thông báo lịch làm việc số {n} của Ủy ban phường")
        fields.setdefault("body", f"<p>Nội dung thông báo số {n} gửi bà con khu phố.</p>")
        fields.setdefault("status", Notice.Status.PUBLISHED)
        fields.setdefault("published_at", now - timedelta(days=30))
        fields.setdefault("valid_from", now - timedelta(hours=next(made_here)))
        fields.setdefault("valid_until", fields["valid_from"] + timedelta(days=7))
        return Notice.objects.create(**fields)

    return make


@pytest.fixture
def make_pin(db):
    def make(item, starts_at=None, ends_at=None):
        now = timezone.now()
        starts_at = starts_at or now - timedelta(hours=1)
        kind = "notice" if isinstance(item, Notice) else "article"
        return FeaturedPin.objects.create(
            **{kind: item}, starts_at=starts_at, ends_at=ends_at or starts_at + timedelta(days=2)
        )

    return make


@pytest.fixture
def clock(monkeypatch):
    """clock(moment): from now on it is that moment, for the database rules and for the page cache."""

    def move_to(moment):
        monkeypatch.setattr(timezone, "now", lambda: moment)
        monkeypatch.setattr(time, "time", lambda: moment.timestamp())

    return move_to
