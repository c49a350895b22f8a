"""Chép lịch tuần trước: next week's draft from a week's recurring entries (giao ban, tiếp công dân…),
each moved by seven days, for staff to edit. The copy is a draft like any new week: it goes through
review; its entries are new (their own calendar identities), nothing of the first week changes."""

from datetime import timedelta

from django.db import transaction

from .models import Entry, Week

MESSAGE_EXISTS = "Tuần {monday} đã có lịch, không chép đè. Xin mở lịch tuần đó để sửa."
MESSAGE_NOTHING = "{week} không có mục nào đánh dấu “lặp lại hằng tuần” nên chưa tạo lịch tuần sau."

COPIED_FIELDS = ("part", "start", "end", "what", "place", "chair", "attendees", "prepares", "recurring")


class CannotCopy(Exception):
    pass


def copy_recurring(week, user=None):
    """Create the week after `week` as a draft holding its recurring entries; return the new week."""
    monday = week.monday + timedelta(days=7)
    if Week.objects.filter(monday=monday).exists():
        raise CannotCopy(MESSAGE_EXISTS.format(monday=f"{monday:%d/%m/%Y}"))
    recurring = list(week.entries.filter(recurring=True))
    if not recurring:
        raise CannotCopy(MESSAGE_NOTHING.format(week=week))
    with transaction.atomic():
        new = Week.objects.create(monday=monday, created_by=user, updated_by=user)
        Entry.objects.bulk_create(
            _saved_shape(
                Entry(
                    week=new,
                    day=entry.day + timedelta(days=7),
                    **{f: getattr(entry, f) for f in COPIED_FIELDS},
                )
            )
            for entry in recurring
        )
    return new


def _saved_shape(entry):
    """What Entry.save() derives, for bulk_create (which does not call save)."""
    entry.sort_time = entry.sort_time_value()
    entry.search_text = entry.searchable_text()
    return entry
