"""A small portal to look at: sections, articles with Vietnamese titles, photos and captions."""

from datetime import timedelta

from django.utils import timezone

from news.models import Article, Category
from news.view_log import set_total
from tests.staff.files import image_bytes

PARAGRAPHS = [
    "Sáng ngày 20/11, Đảng ủy phường Hòa Bình tổ chức hội nghị triển khai kế hoạch chuyển đổi số ở các "
    "khu dân cư. Tham dự có Ban Thường vụ Đảng ủy, bí thư các chi bộ và tổ trưởng tổ dân phố.",
    "Mở đầu hội nghị, đồng chí Bí thư Đảng ủy phường đề nghị mỗi chi bộ giúp người cao tuổi cài ứng "
    "dụng định danh điện tử và nộp hồ sơ trực tuyến ngay tại nhà văn hóa tổ dân phố.",
    "Các đại biểu bàn cách mở những buổi hướng dẫn vào tối thứ Bảy, khi con cháu có thể đi cùng ông bà, "
    "và cách ghi lại những hộ đã được giúp.",
    "Cuối hội nghị, đồng chí Bí thư giao các chi bộ báo cáo số hộ được hướng dẫn về Đảng ủy trước ngày "
    "15/12.",
]


def populate(make_article, make_photo):
    """Return the featured article; the portal also gets two sections and a dozen other articles."""
    now = timezone.now()
    party = Category.objects.create(name="Xây dựng Đảng", order=1)
    welfare = Category.objects.create(name="An sinh xã hội", order=2)
    titles = [
        ("Ra quân tổng vệ sinh môi trường các tổ dân phố", welfare),
        ("Trao quà cho gia đình chính sách nhân dịp Tết", welfare),
        ("Hội Cựu chiến binh phường tổng kết năm", party),
        ("Khánh thành nhà văn hóa tổ dân phố số 5", welfare),
        ("Học tập, quán triệt nghị quyết Trung ương", party),
        ("Phường tổ chức ngày hội đại đoàn kết toàn dân tộc", None),
        ("Kiểm tra công tác phòng cháy chữa cháy", None),
        ("Chi bộ khu dân cư số 3 họp bàn việc mở rộng ngõ", party),
    ]
    for n, (title, section) in enumerate(titles, start=1):
        article = make_article(
            title=title,
            summary=f"{title}: tóm tắt ngắn cho người đọc trên điện thoại.",
            body="".join(f"<p>{p}</p>" for p in PARAGRAPHS[:3]),
            category=section,
            published_at=now - timedelta(hours=3 * n),
        )
        if n % 2:
            make_photo(article, caption=f"Quang cảnh: {title.lower()}")
        set_total(article.pk, 100 - 7 * n)
    featured = make_article(
        title="Đảng ủy phường tổ chức hội nghị triển khai chuyển đổi số ở khu dân cư",
        summary="Hội nghị giao mỗi chi bộ giúp người cao tuổi dùng dịch vụ công trực tuyến.",
        body="".join(f"<p>{p}</p>" for p in PARAGRAPHS),
        category=party,
        published_at=now - timedelta(minutes=30),
    )
    make_photo(
        featured, caption="Đồng chí Bí thư Đảng ủy phường phát biểu mở đầu hội nghị", position=2, order=0
    )
    make_photo(featured, caption="Các đại biểu dự hội nghị", position=3, order=1)
    make_article(title="Bản nháp chưa đăng về hội nghị", status=Article.Status.DRAFT, category=party)
    return featured


def write_photos(folder, size, stem):
    """Two JPEG files of the given size, a red one and a blue one, as staff would pick them to upload."""
    paths = []
    for n, color in enumerate([(170, 40, 40), (40, 90, 160)], start=1):
        path = folder / f"{stem}-{n}.jpg"
        path.write_bytes(image_bytes(size, color=color, quality=85))
        paths.append(path)
    return paths


def loaded_width(img):
    """The natural width of an <img> once it has loaded (0 if it cannot): a lazy or just-inserted
    picture may still be on its way when the page is ready, so reading img.complete at once races it."""
    img.scroll_into_view_if_needed()
    return img.evaluate("img => img.decode().then(() => img.naturalWidth, () => 0)")


def load_all_images(page):
    """Load the lazy images below the fold too, so a full-page screenshot shows every photo."""
    page.evaluate(
        """() => Promise.all([...document.images].map(img => {
            img.loading = "eager";
            return img.decode().catch(() => null);
        }))"""
    )


def type_in_editor(page, paragraphs, replace=False):
    """Type paragraphs into the article form's CKEditor, Enter between them.

    Each paragraph arrives whole, as a Vietnamese input method commits a composed word: these are
    journeys through the publishing steps, and a key event per letter cost them seconds. CKEditor's
    handling of single keys is driven key by key where it is the subject (test_staff_on_a_phone,
    test_photo_rows' added paragraph).
    """
    page.frame_locator(".cke_wysiwyg_frame").locator("body").click()
    if replace:
        page.keyboard.press("Control+A")
    for n, paragraph in enumerate(paragraphs):
        if n:
            page.keyboard.press("Enter")
        page.keyboard.insert_text(paragraph)
