"""Demo notices for `manage.py load_demo`, in our own words: one in force, one expired, one to come.

Their validity is set relative to the day the demo is loaded, so the three states hold whenever it runs.
A second run leaves notices whose slug exists alone.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from .models import Notice


@dataclass(frozen=True)
class DemoNotice:
    slug: str
    title: str
    body: str
    # Days from the day of loading (negative: past) and hours of that day, for the start and the end.
    starts: tuple
    ends: tuple | None


NOTICES = (
    DemoNotice(
        slug="lich-tam-ngung-cap-dien-khu-pho-3",
        title="Lịch tạm ngừng cấp điện khu phố 3 để bảo dưỡng lưới điện",
        body=(
            "<p>Điện lực khu vực thông báo tạm ngừng cấp điện để thay dây và bảo dưỡng trạm biến áp"
            " trên các tuyến đường Hòa Bình, Lê Lợi (đoạn từ số 40 đến số 112) và hẻm 15.</p>"
            "<p>Thời gian: từ 7 giờ 30 đến 16 giờ 30. Nếu công việc xong sớm, điện sẽ được đóng lại"
            " trước giờ dự kiến mà không báo trước.</p>"
            "<p>Bà con lưu ý rút phích cắm các thiết bị, chuẩn bị nước sinh hoạt và không đến gần"
            " khu vực đang thi công.</p>"
        ),
        starts=(-1, 8),
        ends=(2, 17),
    ),
    DemoNotice(
        slug="ngay-tiem-chung-mo-rong-tai-tram-y-te",
        title="Ngày tiêm chủng mở rộng cho trẻ dưới 5 tuổi tại Trạm y tế phường",
        body=(
            "<p>Trạm y tế phường tổ chức tiêm chủng mở rộng cho trẻ từ 2 tháng đến dưới 5 tuổi vào"
            " sáng thứ Bảy, từ 7 giờ đến 11 giờ.</p>"
            "<p>Phụ huynh mang theo sổ tiêm chủng hoặc giấy chứng sinh của trẻ, cho trẻ ăn nhẹ trước"
            " khi đến và ở lại trạm 30 phút sau tiêm để cán bộ y tế theo dõi.</p>"
        ),
        starts=(-20, 7),
        ends=(-12, 12),
    ),
    DemoNotice(
        slug="hop-dan-to-dan-pho-5-gop-y-chinh-trang-via-he",
        title="Họp dân tổ dân phố 5: góp ý phương án chỉnh trang vỉa hè",
        body=(
            "<p>Ban điều hành tổ dân phố 5 mời đại diện mỗi hộ gia đình dự buổi họp lấy ý kiến về"
            " phương án chỉnh trang vỉa hè và bố trí chỗ để xe trên đường Trần Phú.</p>"
            "<p>Địa điểm: Nhà văn hóa tổ dân phố 5, lúc 19 giờ 30. Bản vẽ phương án được niêm yết"
            " tại nhà văn hóa từ hôm nay để bà con xem trước.</p>"
        ),
        starts=(3, 7),
        ends=(6, 21),
    ),
)


def _at(today, offset):
    days, hour = offset
    return (today + timedelta(days=days)).replace(hour=hour, minute=0, second=0, microsecond=0)


def load(stdout):
    """Create the demo notices that are not there yet, and say how many."""
    today = timezone.localtime()
    existing = set(Notice.objects.filter(slug__in=[n.slug for n in NOTICES]).values_list("slug", flat=True))
    created = 0
    for demo in NOTICES:
        if demo.slug in existing:
            continue
        valid_from = _at(today, demo.starts)
        Notice.objects.create(
            slug=demo.slug,
            title=demo.title,
            body=demo.body,
            status=Notice.Status.PUBLISHED,
            published_at=min(valid_from, today),
            valid_from=valid_from,
            valid_until=_at(today, demo.ends) if demo.ends else None,
        )
        created += 1
    if created:
        stdout.write(f"Đã tạo {created} thông báo mẫu.")
