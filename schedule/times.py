"""Times of day in the schedule: typed as Vietnamese offices write them, and the parts of the day.

Staff type 24-hour times: "14:30", and also "14h30", "14g30", "8h", "8 giờ 15" (how the printed
schedules write them). An entry without a time has a part of the day instead; for sorting and for
calendars a part stands for the office hours below (docs/SCHEDULE.md).
"""

import re
from datetime import time

from django import forms
from django.db import models


class Part(models.TextChoices):
    MORNING = "sang", "Sáng"
    AFTERNOON = "chieu", "Chiều"
    EVENING = "toi", "Tối"
    ALL_DAY = "ca-ngay", "Cả ngày"


# (start, end) a part of the day stands for; a whole day has none (an all-day calendar event).
PART_HOURS = {
    Part.MORNING: (time(7, 30), time(11, 30)),
    Part.AFTERNOON: (time(13, 30), time(17, 0)),
    Part.EVENING: (time(19, 0), time(21, 0)),
    Part.ALL_DAY: (None, None),
}

MESSAGE_TIME = "Giờ không hợp lệ. Xin gõ giờ theo 24 giờ, ví dụ 07:30, 14:00 hoặc 14h30."
_TIME = re.compile(r"^\s*(\d{1,2})\s*(?::|h|g|giờ)?\s*(\d{2})?\s*(?:phút)?\s*$", re.IGNORECASE)


def parse_time(text):
    """A time from "14:30", "14h30", "14g", "8 giờ 15"; None when it is none of these."""
    match = _TIME.match(text or "")
    if match is None:
        return None
    hour, minute = int(match[1]), int(match[2] or 0)
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


class TimeField(forms.TimeField):
    """A form field for a 24-hour time written the Vietnamese way; shown back as 14:30."""

    widget = forms.TimeInput(format="%H:%M", attrs={"size": 6, "placeholder": "14:30", "inputmode": "text"})
    default_error_messages = {"invalid": MESSAGE_TIME}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, time):
            return value
        parsed = parse_time(str(value)[:20])
        if parsed is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return parsed
