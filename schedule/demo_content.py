"""The demo week that `manage.py load_demo` loads: the current week of the invented phường Hòa Bình,
with the cast of the other demo content (pages.demo_content), in our own words. Safe to run again: a
week that exists is left alone. Recurring entries (giao ban, tiếp công dân) show "Chép lịch tuần trước".
"""

from datetime import time, timedelta

from django.db import transaction

from .models import Entry, Week
from .times import Part
from .weeks import monday_of, today

SECRETARY = "Đồng chí Nguyễn Văn Thành, Bí thư Đảng ủy phường"
DEPUTY = "Đồng chí Trần Thị Hương, Phó Bí thư Thường trực Đảng ủy phường"
CHAIRWOMAN = "Đồng chí Phạm Thị Lan, Phó Bí thư Đảng ủy, Chủ tịch UBND phường"

# (day of the week from 0, start, end, part, what, where, chair, attendees, prepares, recurring)
ENTRIES = (
    (
        0,
        time(7, 30),
        time(9, 0),
        "",
        "Giao ban Thường trực Đảng ủy đầu tuần",
        "Phòng họp số 1, trụ sở Đảng ủy",
        SECRETARY,
        "Thường trực Đảng ủy, Chủ tịch UBND, Chủ tịch Ủy ban MTTQ phường",
        "Văn phòng Đảng ủy",
        True,
    ),
    (
        0,
        time(14, 0),
        time(16, 30),
        "",
        "Làm việc với Chi bộ tổ dân phố số 5 về công tác phát triển đảng viên",
        "Nhà văn hóa tổ dân phố số 5",
        DEPUTY,
        "Ban Tổ chức Đảng ủy; Bí thư Chi bộ tổ dân phố số 5",
        "Ban Tổ chức Đảng ủy",
        False,
    ),
    (
        1,
        None,
        None,
        Part.MORNING,
        "Tiếp công dân định kỳ",
        "Phòng tiếp công dân, trụ sở UBND phường",
        SECRETARY,
        "Cán bộ địa chính, tư pháp; đại diện Ủy ban MTTQ phường",
        "Văn phòng HĐND - UBND",
        True,
    ),
    (
        1,
        time(15, 0),
        None,
        "",
        "Kiểm tra tiến độ chỉnh trang vỉa hè phố Hòa Bình",
        "Tập trung tại trụ sở UBND phường",
        CHAIRWOMAN,
        "Phòng Kinh tế - Hạ tầng, Công an phường",
        "Phòng Kinh tế - Hạ tầng",
        False,
    ),
    (
        2,
        time(8, 0),
        time(11, 0),
        "",
        "Hội nghị Ban Chấp hành Đảng bộ phường thường kỳ tháng 12",
        "Hội trường tầng 3, trụ sở Đảng ủy",
        SECRETARY,
        "Các đồng chí Ủy viên Ban Chấp hành Đảng bộ phường",
        "Văn phòng Đảng ủy chuẩn bị tài liệu; Văn phòng UBND bảo đảm hội trường",
        False,
    ),
    (
        3,
        None,
        None,
        Part.AFTERNOON,
        "Dự sinh hoạt chi bộ kiểu mẫu tại Chi bộ tổ dân phố số 2",
        "Nhà văn hóa tổ dân phố số 2",
        DEPUTY,
        "Ban Xây dựng Đảng; Bí thư các chi bộ khu dân cư",
        "Chi bộ tổ dân phố số 2",
        False,
    ),
    (
        4,
        time(7, 30),
        time(8, 30),
        "",
        "Giao ban khối dân vận",
        "Phòng họp số 2",
        DEPUTY,
        "Trưởng các đoàn thể chính trị - xã hội phường",
        "Ủy ban MTTQ phường",
        True,
    ),
    (
        4,
        time(19, 30),
        time(21, 0),
        "",
        "Đối thoại với đoàn viên thanh niên về an toàn giao thông",
        "Sân nhà văn hóa phường",
        CHAIRWOMAN,
        "Đoàn Thanh niên phường, Công an phường",
        "Đoàn Thanh niên phường",
        False,
    ),
    (
        5,
        None,
        None,
        Part.ALL_DAY,
        "Ra quân tổng vệ sinh môi trường, chào mừng năm mới",
        "Các tổ dân phố",
        CHAIRWOMAN,
        "Toàn thể cán bộ, công chức phường; các tổ dân phố",
        "Ủy ban MTTQ phường",
        False,
    ),
)


def load():
    """Create this week's published schedule unless the week exists; return 1 if created, else 0."""
    monday = monday_of(today())
    if Week.objects.filter(monday=monday).exists():
        return 0
    with transaction.atomic():
        week = Week.objects.create(monday=monday, status=Week.Status.PUBLISHED)
        for offset, start, end, part, what, place, chair, attendees, prepares, recurring in ENTRIES:
            Entry.objects.create(
                week=week, day=monday + timedelta(days=offset), start=start, end=end, part=part, what=what,
                place=place, chair=chair, attendees=attendees, prepares=prepares, recurring=recurring,
            )  # fmt: skip
    return 1
