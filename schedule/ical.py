"""The week as an iCalendar file (RFC 5545), written by hand: a dozen properties of one component type
need no library, and every rule the format has for text is here, in one place, and tested by parsing.

- Lines end in CRLF and are folded at 75 octets (never inside a UTF-8 character), continuation lines
  starting with one space (3.1).
- TEXT values escape backslash, semicolon, comma and newlines (3.3.11).
- Times are local times with TZID=Asia/Ho_Chi_Minh and a VTIMEZONE for it (UTC+7, no daylight saving
  since 1975), so the file reads in the ward's hours in any calendar.
- Each entry's UID is its own stable uuid: a calendar that imports the week again updates the events.
- A part of the day stands for the office hours in schedule.times.PART_HOURS; "Cả ngày" is an all-day
  event (DTSTART;VALUE=DATE); a start without an end ends at its start (3.6.1).
"""

from datetime import UTC, timedelta

from django.utils import timezone

from .times import PART_HOURS

TZID = "Asia/Ho_Chi_Minh"
PRODID = "-//Cong tin phuong//Lich cong tac//VI"
VTIMEZONE = (
    "BEGIN:VTIMEZONE",
    f"TZID:{TZID}",
    "BEGIN:STANDARD",
    "DTSTART:19750613T000000",
    "TZOFFSETFROM:+0800",
    "TZOFFSETTO:+0700",
    "TZNAME:+07",
    "END:STANDARD",
    "END:VTIMEZONE",
)


def escape(text):
    """A TEXT value: \\ ; , escaped, newlines as \\n, other control characters dropped."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return "".join(ch for ch in text if ch == "\t" or (ord(ch) >= 32 and ord(ch) != 127))


def fold(line):
    """One content line, folded so that no physical line passes 75 octets (CRLF excluded)."""
    out, current, size = [], [], 0
    for ch in line:
        width = len(ch.encode())
        limit = 75 if not out else 74  # a continuation line's leading space is one of its 75
        if size + width > limit:
            out.append("".join(current))
            current, size = [], 0
        current.append(ch)
        size += width
    out.append("".join(current))
    return "\r\n ".join(out)


def _local(day, at):
    return f"{day:%Y%m%d}T{at:%H%M%S}"


def event_lines(entry, stamp):
    lines = ["BEGIN:VEVENT", f"UID:{entry.uid}", f"DTSTAMP:{stamp}"]
    start, end = entry.start, entry.end
    if start is None:
        start, end = PART_HOURS.get(entry.part, (None, None))
    if start is None:
        lines += [
            f"DTSTART;VALUE=DATE:{entry.day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{entry.day + timedelta(1):%Y%m%d}",
        ]
    else:
        lines.append(f"DTSTART;TZID={TZID}:{_local(entry.day, start)}")
        if end is not None:
            lines.append(f"DTEND;TZID={TZID}:{_local(entry.day, end)}")
    lines.append(f"SUMMARY:{escape(entry.what)}")
    if entry.place:
        lines.append(f"LOCATION:{escape(entry.place)}")
    details = [
        (label, value)
        for label, value in (
            ("Chủ trì", entry.chair),
            ("Thành phần", entry.attendees),
            ("Chuẩn bị", entry.prepares),
        )
        if value
    ]
    if entry.start is None and entry.part:
        details.insert(0, ("Buổi", entry.get_part_display()))
    if entry.amended_at:
        details.append(("Điều chỉnh lúc", f"{timezone.localtime(entry.amended_at):%H:%M ngày %d/%m/%Y}"))
    if details:
        lines.append("DESCRIPTION:" + escape("\n".join(f"{label}: {value}" for label, value in details)))
    lines.append("END:VEVENT")
    return lines


def calendar(week, entries, now=None):
    """The whole file for a week's entries, as bytes (UTF-8, CRLF line ends)."""
    stamp = f"{(now or timezone.now()).astimezone(UTC):%Y%m%dT%H%M%SZ}"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape(str(week))}",
        f"X-WR-TIMEZONE:{TZID}",
        *VTIMEZONE,
    ]
    for entry in entries:
        lines += event_lines(entry, stamp)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines).encode()
