"""The home page's "Lịch công tác" block: today's and tomorrow's entries of published weeks, one query.

The home page is kept rendered (news.page_cache); midnight in the ward is a due moment
(news.page_cache.next_due_time), so the block moves to the new day by itself, with no save.
"""

from datetime import timedelta

from .models import Entry
from .weeks import day_name, today


def upcoming_days(now=None):
    """[{"label", "name", "date", "entries"}] for today and tomorrow, in time order."""
    first = today(now)
    days = [(first, "Hôm nay"), (first + timedelta(days=1), "Ngày mai")]
    entries = list(Entry.objects.public().on_days(day for day, _ in days))
    return [
        {"label": label, "name": day_name(day), "date": day, "entries": [e for e in entries if e.day == day]}
        for day, label in days
    ]
