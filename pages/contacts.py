"""A person's phone and email as the public may see them: only what staff chose to publish.

Staff type phone numbers as people write them ("0236 3812 345", "0905.123.456"); the page shows them so
and links them as tel: with the digits alone (and a leading + for an international number), which every
phone's dialler reads.
"""

import re

from django.core.exceptions import ValidationError

_PHONE = re.compile(r"\+?[0-9][0-9 .()\-]*")
MIN_DIGITS, MAX_DIGITS = 8, 15
MESSAGE_PHONE = (
    "Số điện thoại chỉ gồm chữ số (8 đến 15 số), có thể có dấu cách, dấu chấm, gạch ngang, dấu ngoặc"
    " hoặc dấu + ở đầu. Ví dụ: 0236 3812 345."
)


def digits(phone):
    return re.sub(r"\D", "", phone or "")


def validate_phone(value):
    if not _PHONE.fullmatch(value or "") or not MIN_DIGITS <= len(digits(value)) <= MAX_DIGITS:
        raise ValidationError(MESSAGE_PHONE, code="phone")


def tel_href(phone):
    """The tel: address of a phone number as typed: digits only, a leading + kept."""
    plus = "+" if phone.strip().startswith("+") else ""
    return f"tel:{plus}{digits(phone)}"
