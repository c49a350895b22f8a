"""Demo contact details for `manage.py load_demo`: our own invented office hours and reception days.

Only empty fields are filled, so a ward that has set its own keeps them, and a second run changes nothing.
"""

from . import identity
from .models import WardSettings

DEMO = {
    "opening_hours": (
        "Thứ Hai đến Thứ Sáu: sáng 7 giờ 30 – 11 giờ 30, chiều 13 giờ 30 – 17 giờ.\n"
        "Sáng Thứ Bảy: 8 giờ – 11 giờ (chỉ nhận và trả hồ sơ hành chính)."
    ),
    "citizen_reception": (
        "Bí thư Đảng ủy tiếp công dân sáng Thứ Năm tuần đầu mỗi tháng, tại phòng tiếp dân tầng 1.\n"
        "Chủ tịch Ủy ban nhân dân phường tiếp công dân sáng Thứ Ba hằng tuần, từ 8 giờ đến 11 giờ.\n"
        "Lịch có thể đổi khi trùng ngày lễ; phường sẽ báo trước trên mục Thông báo."
    ),
    "responsible": "Trần Minh Đức – Phó Bí thư Thường trực Đảng ủy phường (tên mẫu)",
}


def load():
    """Fill the demo's empty fields; return how many were filled."""
    identity.current()  # the row, made from the first-run defaults if missing
    row = WardSettings.objects.get(pk=1)
    filled = [field for field, text in DEMO.items() if not getattr(row, field)]
    for field in filled:
        setattr(row, field, DEMO[field])
    if filled:
        row.save()
    return len(filled)
