"""A front page as full as a ward's: 51 articles in four sections, notices, today's schedule, documents."""

from datetime import time, timedelta

from django.utils import timezone

from documents.models import Document, IssuingBody
from news.models import Category
from schedule.models import Entry, Week
from tests.documents.conftest import document_type

SECTIONS = ("Xây dựng Đảng", "Chính quyền", "Văn hóa - Xã hội", "An ninh - Trật tự")
TITLES = (
    "Hội nghị sơ kết công tác xây dựng Đảng ở các chi bộ khu dân cư",
    "Ra quân tổng vệ sinh môi trường, khơi thông cống rãnh trước mùa mưa",
    "Trao quà cho hộ gia đình chính sách nhân dịp kỷ niệm ngày thành lập",
    "Tập huấn phòng cháy chữa cháy cho các hộ kinh doanh trên địa bàn",
)


def populate_front_page(make_article, make_photo, make_notice):
    """The 51 articles an hour apart, every third with a photo; two notices, a day of schedule, three
    documents. Returns the sections in their order."""
    sections = [Category.objects.create(name=name, order=n) for n, name in enumerate(SECTIONS)]
    now = timezone.now()
    for n in range(51):
        article = make_article(
            title=f"{TITLES[n % 4]} (số {n + 1})",
            summary="Sáng nay, Đảng ủy phường tổ chức hoạt động với sự tham gia của đông đảo cán bộ, "
            "đảng viên và nhân dân trên địa bàn.",
            category=sections[n % 4],
            published_at=now - timedelta(hours=n + 1),
        )
        if n % 3 == 0:
            make_photo(article, caption="Quang cảnh buổi lễ")
    make_notice(title="Lịch tạm ngừng cấp điện khu phố 3 để bảo dưỡng lưới điện")
    make_notice(title="Tiếp nhận hồ sơ đăng ký tạm trú trực tuyến")
    today = timezone.localdate()
    week = Week.objects.create(
        monday=today - timedelta(days=today.weekday()), status=Week.Status.PUBLISHED, published_at=now
    )
    Entry.objects.create(week=week, day=today, start=time(8, 0), what="Tiếp công dân định kỳ", place="Trụ sở")
    Entry.objects.create(week=week, day=today, start=time(15, 0), what="Kiểm tra chỉnh trang vỉa hè")
    issuer = IssuingBody.objects.create(name="Ban Chấp hành Đảng bộ phường")
    for n in range(3):
        Document.objects.create(
            number=f"0{n + 1}-NQ/ĐU",
            doc_type=document_type("Nghị quyết"),
            issuer=issuer,
            summary="Về đẩy mạnh chuyển đổi số trong công tác Đảng và phục vụ người dân trên địa bàn",
            issued_on=today - timedelta(days=n),
            status=Document.Status.PUBLISHED,
            published_at=now - timedelta(hours=n + 1),
        )
    return sections
