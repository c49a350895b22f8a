"""The office's phone number as staff write it ("024 3826 1234", "(024) 3826.1234") and as a tel: link."""

import re

from django.core.exceptions import ValidationError

MESSAGE_PHONE = (
    "Số điện thoại chỉ gồm chữ số, dấu cách, dấu chấm, gạch nối, ngoặc đơn và dấu + ở đầu "
    "(ví dụ 024 3826 1234), từ 3 đến 15 chữ số."
)
_ALLOWED = re.compile(r"\+?[0-9 .()\-]+")


def digits(phone):
    return "".join(ch for ch in phone if ch.isdigit())


def validate_phone(phone):
    # 3 digits: the short numbers (113, 115) some wards list; 15: the longest international number.
    if not _ALLOWED.fullmatch(phone) or not 3 <= len(digits(phone)) <= 15:
        raise ValidationError(MESSAGE_PHONE, code="phone")


def tel_href(phone):
    """tel: and the digits only (a leading + kept): what every phone's dialler reads the same way."""
    if not phone:
        return ""
    return "tel:" + ("+" if phone.startswith("+") else "") + digits(phone)
