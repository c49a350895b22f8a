"""Lịch công tác's public pages: a week by day (the current one at /lich-cong-tac/), and the same week
as an iCalendar file. Week pages are kept rendered like the news lists (news.views.kept_page); midnight
is a due moment (news.page_cache.next_due_time), so "today" and the current week move on by themselves."""

from datetime import date, datetime

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from news.views import kept_page

from . import ical
from .models import Entry, Week
from .weeks import day_name, from_number, in_range, monday_of, number_of, today, week_days

MESSAGE_BAD_DATE = "Ngày “{value}” không đúng. Xin ghi ngày theo dạng dd/mm/yyyy, ví dụ 30/11/2026."
MESSAGE_NO_WEEK = "Không có tuần này trong lịch công tác."


def week_url(monday, name="schedule:week_of"):
    year, number = number_of(monday)
    return reverse(name, kwargs={"year": year, "number": number})


def _monday_or_404(year, number):
    monday = from_number(year, number)
    if monday is None:
        raise Http404(MESSAGE_NO_WEEK)
    return monday


@require_safe
def index(request):
    """The current week; ?tuan=<a date> (a link from elsewhere) goes to the week that holds that day."""
    if "tuan" in request.GET:
        return _week_holding(request, request.GET["tuan"])
    return _current_week(request)


def _week_holding(request, value):
    value = value[:20]
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            day = datetime.strptime(value, pattern).date()
            break
        except ValueError:
            continue
    else:
        message = MESSAGE_BAD_DATE.format(value=value)
        return render(request, "schedule/bad_date.html", {"message": message}, status=400)
    if not in_range(day):
        raise Http404(MESSAGE_NO_WEEK)
    return redirect(week_url(monday_of(day)))


@kept_page
def _current_week(request):
    return _week_page(request, monday_of(today()), canonical=reverse("schedule:week"))


@require_safe
@kept_page
def week_of(request, year, number):
    monday = _monday_or_404(year, number)
    return _week_page(request, monday, canonical=week_url(monday))


def _week_page(request, monday, canonical):
    week = Week.objects.visible_to(request.user).filter(monday=monday).first()
    entries = list(week.entries.all()) if week is not None else []
    now_day = today()
    days = [
        {
            "date": day,
            "name": day_name(day),
            "is_today": day == now_day,
            "entries": [entry for entry in entries if entry.day == day],
        }
        for day in week_days(monday)
    ]
    year, number = number_of(monday)
    context = {
        "week": week,
        "monday": monday,
        "sunday": week_days(monday)[-1],
        "year": year,
        "number": number,
        "days": days,
        "is_current": monday == monday_of(now_day),
        "preview": week is not None and not week.is_public,
        "previous_url": week_url(date.fromordinal(monday.toordinal() - 7)),
        "next_url": week_url(date.fromordinal(monday.toordinal() + 7)),
        "current_url": reverse("schedule:week"),
        "ics_url": week_url(monday, "schedule:week_ics"),
        "canonical_url": request.build_absolute_uri(canonical),
    }
    return render(request, "schedule/week.html", context)


@require_safe
def current_ics(request):
    return _ics(monday_of(today()))


@require_safe
def week_ics(request, year, number):
    return _ics(_monday_or_404(year, number))


def _ics(monday):
    """The week's published entries; a week not (yet) published is a calendar with no events, so a
    calendar subscribed to the current week never fails on a Monday morning before it is out."""
    week = Week.objects.published().filter(monday=monday).first()
    entries = Entry.objects.filter(week=week) if week is not None else Entry.objects.none()
    shown = week or Week(monday=monday)
    response = HttpResponse(ical.calendar(shown, entries), content_type="text/calendar; charset=utf-8")
    year, number = number_of(monday)
    response["Content-Disposition"] = f'attachment; filename="lich-cong-tac-{year}-tuan-{number:02d}.ics"'
    return response
