"""Today's date as the header shows it: "Thứ Ba, 01/12/2026", in Asia/Ho_Chi_Minh (settings.TIME_ZONE).

Kept pages carry it too; news.page_cache counts the next local midnight among its due moments, so the
first request of a new day renders every page afresh (docs/SITE.md, "Ngày trong đầu trang").
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone

# date.weekday(): Monday is 0. Vietnamese writes the days as ordinals from Thứ Hai; Sunday is Chủ nhật.
WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")


@dataclass(frozen=True)
class Today:
    day: date

    @property
    def iso(self):
        return self.day.isoformat()

    @property
    def text(self):
        return f"{WEEKDAYS[self.day.weekday()]}, {self.day:%d/%m/%Y}"


def today():
    return Today(timezone.localdate())


def next_midnight(now=None):
    """The start of tomorrow in the ward, as an aware datetime: when "today" changes on every page that
    shows it (the header's date, the schedule's marked day and home block)."""
    tomorrow = timezone.localdate(now or timezone.now()) + timedelta(days=1)
    return timezone.make_aware(datetime.combine(tomorrow, time.min))
