"""How a resident may be reached: a Vietnamese phone number, written the many ways people write one.

"0912 345 678", "0912.345.678", "+84 912 345 678" and "(024) 3825 1234" are all numbers residents type.
Stored as the ten or eleven digits starting with 0: mobiles 03x, 05x, 07x, 08x, 09x (ten digits),
landlines 02x (eleven digits, area code included).
"""

import re

_SEPARATORS = re.compile(r"[\s.\-()]")
_NATIONAL = re.compile(r"0(?:[35789]\d{8}|2\d{9})")


def normal_phone(raw):
    """The number as 0xxxxxxxxx, or None when it is no Vietnamese phone number."""
    digits = _SEPARATORS.sub("", raw or "")
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    elif digits.startswith("84") and len(digits) in (11, 12):
        digits = "0" + digits[2:]
    return digits if _NATIONAL.fullmatch(digits) else None


def contact_key(phone, email):
    """What the per-contact limit counts by: the phone if given, else the email, folded."""
    return f"phone:{phone}" if phone else f"email:{email.casefold()}"
