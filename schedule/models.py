"""Lịch công tác: the leaders' week, published as a whole, and its entries.

A Week (its Monday) is a Publishable: editors prepare it, approvers publish it, every save is a version
with its entries (publishing/). Its entries are part of it, as an article's photos are of the article.
A published week may still be amended: an entry changed or added once the week is public is marked
"điều chỉnh" with the time of the change (Entry.amended_at, set by the admin's save: schedule.admin),
shown on the page and kept in the versions. Entries written with the week's publication are not.
"""

import uuid
from datetime import time, timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from news.search import indexed
from news.text import nfc
from publishing.models import Publishable, PublishableQuerySet

from .times import PART_HOURS, Part
from .weeks import DAY_NAMES, in_range, monday_of, number_of, week_days

MESSAGE_NOT_MONDAY = "Ngày {day} là {name}; tuần này bắt đầu từ Thứ Hai {monday}. Xin chọn ngày Thứ Hai."
MESSAGE_YEAR = "Năm phải từ 2000 đến 2099. Xin kiểm tra lại ngày (dd/mm/yyyy, ví dụ 30/11/2026)."
MESSAGE_DAY_OUTSIDE = "Ngày {day} không thuộc tuần này ({first} – {last}). Xin chọn một ngày trong tuần."
MESSAGE_NO_TIME = "Xin nhập giờ bắt đầu hoặc chọn buổi (Sáng, Chiều, Tối, Cả ngày)."
MESSAGE_END_WITHOUT_START = "Có giờ kết thúc thì phải có giờ bắt đầu."
MESSAGE_END_BEFORE_START = "Giờ kết thúc ({end}) phải sau giờ bắt đầu ({start})."

# What an amendment is: a change to what residents read of an entry (not the recurring mark).
CONTENT_FIELDS = ("day", "part", "start", "end", "what", "place", "chair", "attendees", "prepares")


def amends(changed_fields):
    """Whether a change of these fields to an entry of a public week is an amendment residents see."""
    return bool(set(changed_fields) & set(CONTENT_FIELDS))


class Week(Publishable):
    monday = models.DateField(
        "tuần bắt đầu từ Thứ Hai",
        unique=True,
        error_messages={"unique": "Đã có lịch công tác của tuần này. Xin mở lịch đó để sửa."},
        help_text="Ngày Thứ Hai đầu tuần, dd/mm/yyyy (ví dụ 30/11/2026).",
    )
    note = models.CharField(
        "ghi chú", max_length=500, blank=True, help_text="Một dòng dưới tiêu đề, nếu cần (không bắt buộc)."
    )

    # Weeks come due like any publishable item. Midnight in the ward, when "today" (the home block, the
    # week's marked day, the current week itself on Mondays) moves on with no save, is a due moment of
    # every kept page (news.page_cache.next_due_time).
    objects = PublishableQuerySet.as_manager()

    class Meta(Publishable.Meta):
        ordering = ("-monday",)
        get_latest_by = "monday"
        verbose_name = "lịch công tác tuần"
        verbose_name_plural = "lịch công tác"
        permissions = [("publish_week", "Có thể xuất bản, gỡ và hẹn giờ lịch công tác")]

    def __str__(self):
        return f"Lịch công tác tuần {self.monday:%d/%m/%Y} – {self.sunday:%d/%m/%Y}"

    @property
    def sunday(self):
        return self.monday + timedelta(days=6)

    @property
    def number(self):
        return number_of(self.monday)

    def get_absolute_url(self):
        year, number = self.number
        return reverse("schedule:week_of", kwargs={"year": year, "number": number})

    def clean(self):
        if self.monday is None:
            return
        if not in_range(self.monday):
            raise ValidationError({"monday": MESSAGE_YEAR}, code="year")
        if self.monday.weekday() != 0:
            message = MESSAGE_NOT_MONDAY.format(
                day=f"{self.monday:%d/%m/%Y}",
                name=DAY_NAMES[self.monday.weekday()],
                monday=f"{monday_of(self.monday):%d/%m/%Y}",
            )
            raise ValidationError({"monday": message}, code="not_monday")

    def save(self, *args, **kwargs):
        self.note = nfc(self.note).strip()
        super().save(*args, **kwargs)


class EntryQuerySet(models.QuerySet):
    def public(self):
        """Entries of the weeks the public may read (the publishing core's one rule, as a subquery)."""
        return self.filter(week__in=Week.objects.published())

    def on_days(self, days):
        return self.filter(day__in=list(days))


class Entry(models.Model):
    week = models.ForeignKey(Week, verbose_name="tuần", on_delete=models.CASCADE, related_name="entries")
    day = models.DateField("ngày", help_text="dd/mm/yyyy, một ngày trong tuần.")
    part = models.CharField(
        "buổi",
        max_length=10,
        choices=Part.choices,
        blank=True,
        help_text="Khi không có giờ cụ thể. Có giờ bắt đầu thì không cần chọn.",
    )
    start = models.TimeField(
        "giờ bắt đầu", null=True, blank=True, help_text="24 giờ, ví dụ 07:30 hoặc 14h00."
    )
    end = models.TimeField("giờ kết thúc", null=True, blank=True, help_text="Không bắt buộc.")
    what = models.TextField("nội dung", max_length=1000)
    place = models.CharField("địa điểm", max_length=255, blank=True)
    chair = models.CharField("chủ trì", max_length=255, blank=True)
    attendees = models.TextField("thành phần", max_length=1000, blank=True)
    prepares = models.CharField("chuẩn bị", max_length=255, blank=True)
    recurring = models.BooleanField(
        "lặp lại hằng tuần",
        default=False,
        help_text="Được chép sang tuần sau bằng “Chép lịch tuần trước” (giao ban, tiếp công dân…).",
    )
    amended_at = models.DateTimeField("điều chỉnh lúc", null=True, blank=True, editable=False)
    # Stable for the entry's life: calendars that subscribed to the week update the event in place.
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # Made on save: the start, or the part of the day's usual start (a whole day first), for time order.
    sort_time = models.TimeField(null=True, editable=False)
    search_text = models.TextField(blank=True, editable=False)

    objects = EntryQuerySet.as_manager()

    class Meta:
        ordering = ("day", "sort_time", "pk")
        verbose_name = "mục lịch"
        verbose_name_plural = "các mục lịch"
        indexes = [models.Index(fields=["day"])]

    def __str__(self):
        return f"{self.day:%d/%m/%Y} {self.time_label}: {self.what[:60]}"

    def save(self, *args, **kwargs):
        for name in ("what", "place", "chair", "attendees", "prepares"):
            setattr(self, name, nfc(getattr(self, name)).strip())
        if self.start is not None:
            self.part = ""
        self.sort_time = self.sort_time_value()
        self.search_text = self.searchable_text()
        super().save(*args, **kwargs)

    @property
    def time_label(self):
        """ "07:30", "14:00 – 16:30", or the part of the day."""
        if self.start is not None:
            label = f"{self.start:%H:%M}"
            return f"{label} – {self.end:%H:%M}" if self.end is not None else label
        return self.get_part_display()

    @property
    def is_amended(self):
        return self.amended_at is not None

    def clean(self):
        errors = {}
        monday = self._monday()
        if self.day is not None and monday is not None and self.day not in week_days(monday):
            errors["day"] = MESSAGE_DAY_OUTSIDE.format(
                day=f"{self.day:%d/%m/%Y}",
                first=f"{monday:%d/%m/%Y}",
                last=f"{monday + timedelta(6):%d/%m/%Y}",
            )
        if self.start is None and self.end is not None:
            errors["start"] = MESSAGE_END_WITHOUT_START
        elif self.start is None and not self.part:
            errors["start"] = MESSAGE_NO_TIME
        elif self.start is not None and self.end is not None and self.end <= self.start:
            errors["end"] = MESSAGE_END_BEFORE_START.format(
                start=f"{self.start:%H:%M}", end=f"{self.end:%H:%M}"
            )
        if errors:
            raise ValidationError(errors)

    def _monday(self):
        try:
            return self.week.monday
        except Week.DoesNotExist:
            return None

    def sort_time_value(self):
        # A whole day sorts first: 00:00, not NULL (SQLite puts NULLs first, PostgreSQL last).
        return self.start or PART_HOURS.get(self.part, (None,))[0] or time.min

    def searchable_text(self):
        # Folded (news.search.indexed) for the site-wide search: what, where and who.
        return indexed("\n".join((self.what, self.place, self.chair, self.attendees)))
