"""View statistics for staff: the views of a range of days, by day, by article and by section.

Every figure is summed in the database from the per-day log (news.view_log.DailyViews, one row per
article per day, indexed by day), so a page costs the same few queries whatever the archive's size.
Days are Asia/Ho_Chi_Minh days, as the log records them. Every view logged in the range counts,
including an article's that has since been unpublished: those views happened.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django import forms
from django.db.models import F, Sum
from django.utils import timezone

from .models import Article, Category, DailyViews

DEFAULT_DAYS = 30
# A year, leap day included: enough for an annual report, and at most 366 rows by day.
MAX_DAYS = 366
# The page lists this many articles; the spreadsheet lists every article viewed in the range.
TOP_ARTICLES = 50
NO_SECTION = "Chưa xếp chuyên mục"
DATE_FORMAT = "%d/%m/%Y"


class DateRangeForm(forms.Form):
    """From and to, dd/mm/yyyy, both included; missing ones default to the last 30 days."""

    start = forms.DateField(
        label="Từ ngày",
        required=False,
        input_formats=[DATE_FORMAT],
        error_messages={
            "invalid": "“Từ ngày” phải là một ngày có thật, viết dạng ngày/tháng/năm, ví dụ 01/11/2026."
        },
        widget=forms.DateInput(format=DATE_FORMAT, attrs={"placeholder": "dd/mm/yyyy", "size": 10}),
    )
    end = forms.DateField(
        label="Đến ngày",
        required=False,
        input_formats=[DATE_FORMAT],
        error_messages={
            "invalid": "“Đến ngày” phải là một ngày có thật, viết dạng ngày/tháng/năm, ví dụ 30/11/2026."
        },
        widget=forms.DateInput(format=DATE_FORMAT, attrs={"placeholder": "dd/mm/yyyy", "size": 10}),
    )

    def __init__(self, data=None, **kwargs):
        today = timezone.localdate()
        self.default_range = (today - timedelta(days=DEFAULT_DAYS - 1), today)
        # Only the two fields are read: an address with other parameters still gives the page.
        if data is not None:
            data = {name: data[name] for name in ("start", "end") if data.get(name)}
        start, end = self.default_range
        super().__init__(data or None, initial={"start": start, "end": end}, **kwargs)

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        start, end = cleaned.get("start"), cleaned.get("end")
        default_start, default_end = self.default_range
        if start is None and end is None:
            start, end = default_start, default_end
        elif start is None:
            start = shifted(end, -(DEFAULT_DAYS - 1))
        elif end is None:
            # The 30 days from start, but no further than today for a start in the past.
            end = max(start, min(shifted(start, DEFAULT_DAYS - 1), default_end))
        if start > end:
            raise forms.ValidationError("“Từ ngày” phải trước hoặc trùng “Đến ngày”.")
        if (end - start).days + 1 > MAX_DAYS:
            raise forms.ValidationError(
                f"Chỉ xem được tối đa {MAX_DAYS} ngày một lần; hãy chọn khoảng ngày ngắn hơn."
            )
        cleaned["start"], cleaned["end"] = start, end
        return cleaned

    def date_range(self):
        """The range asked for, once is_valid(); the default range when nothing was asked."""
        if not self.is_bound:
            return self.default_range
        return self.cleaned_data["start"], self.cleaned_data["end"]


def shifted(day, days):
    """day + days, held at the calendar's ends (01/01/0001, 31/12/9999) rather than overflowing."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.min if days < 0 else date.max


@dataclass
class Day:
    day: date
    views: int
    # Of the range's busiest day, 0-100, for the bar; 0 for every day of an empty range.
    percent: int


@dataclass
class Section:
    name: str
    views: int
    percent: int = 0


@dataclass
class Figures:
    start: date
    end: date
    days: list
    articles: list
    sections: list

    @property
    def total(self):
        return sum(day.views for day in self.days)

    @property
    def busiest(self):
        return max((day.views for day in self.days), default=0)


def _totals_by(field, start, end):
    """{value of field: views in the range}, summed in one grouped query."""
    rows = DailyViews.objects.filter(day__range=(start, end)).values(field).annotate(total=Sum("views"))
    return dict(rows.values_list(field, "total"))


def _percent(views, busiest):
    """How long a bar is, against the busiest of its table."""
    return round(100 * views / busiest) if busiest else 0


def views_by_day(start, end):
    """Every day of the range, those without a view as 0: one grouped query on the day index."""
    totals = _totals_by("day", start, end)
    days = [start + timedelta(days=n) for n in range((end - start).days + 1)]
    busiest = max(totals.values(), default=0)
    return [Day(day, totals.get(day, 0), _percent(totals.get(day, 0), busiest)) for day in days]


def top_articles(start, end, limit=None):
    """Articles viewed in the range, most first (ties: the newer), with views_in_range and the section."""
    articles = (
        Article.objects.filter(daily_views__day__range=(start, end))
        .annotate(views_in_range=Sum("daily_views__views"))
        .select_related("category", "view_total")
        .only("title", "slug", "status", "published_at", "category__name", "view_total__views")
        .order_by("-views_in_range", F("published_at").desc(nulls_last=True), "-pk")
    )
    return list(articles[:limit] if limit else articles)


def views_by_section(start, end):
    """Every section with its views in the range, most first; articles without one as NO_SECTION."""
    totals = _totals_by("article__category", start, end)
    sections = [Section(c.name, totals.get(c.pk, 0)) for c in Category.objects.only("name")]
    if totals.get(None):
        sections.append(Section(NO_SECTION, totals[None]))
    busiest = max(totals.values(), default=0)
    for section in sections:
        section.percent = _percent(section.views, busiest)
    # sorted() keeps the sections' own order among equal counts.
    return sorted(sections, key=lambda section: -section.views)


def figures(start, end, top=TOP_ARTICLES):
    return Figures(
        start, end, views_by_day(start, end), top_articles(start, end, top), views_by_section(start, end)
    )
