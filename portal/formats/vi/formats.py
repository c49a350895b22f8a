"""How dates are shown to ward staff in the admin: dd/mm/yyyy, as they write them and as the public
pages show them (Django's Vietnamese default is "20:02 Ngày 25 tháng 11 năm 2026")."""

DATE_FORMAT = "d/m/Y"
DATETIME_FORMAT = "d/m/Y H:i"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
# The admin's calendar starts its weeks on Monday (Thứ Hai), as Vietnamese calendars do.
FIRST_DAY_OF_WEEK = 1
