"""The admin's "Thống kê lượt xem" in real Chromium, on a phone and on a desktop: an approver finds it
from the admin's front page, reads it without scrolling the page sideways, picks a range, downloads it."""

from datetime import timedelta

import openpyxl
from django.urls import reverse
from django.utils import timezone

from news.models import Article, Category, DailyViews
from news.view_log import set_total
from tests.staff.people import APPROVERS, PASSWORD, make_staff, restore_groups

from .conftest import DESKTOP, PHONE

TITLES = [
    "Hội nghị sơ kết công tác xây dựng Đảng 9 tháng đầu năm và triển khai nhiệm vụ quý IV",
    "Trao quà cho hộ nghèo, hộ cận nghèo nhân dịp Tết Nguyên đán",
    "Thông báo lịch tiếp công dân của Đảng ủy phường tháng 12",
    "Ra quân tổng vệ sinh môi trường khu dân cư số 5",
    "=1+1 không phải công thức",
]


def fill_views():
    sections = [
        Category.objects.create(name=n, order=i) for i, n in enumerate(["Xây dựng Đảng", "An sinh xã hội"])
    ]
    today = timezone.localdate()
    rows = []
    for n, title in enumerate(TITLES):
        article = Article.objects.create(
            title=title,
            status=Article.Status.PUBLISHED,
            published_at=timezone.now() - timedelta(days=40 - n),
            category=sections[n % 2] if n < 4 else None,
            body="<p>Nội dung.</p>",
        )
        set_total(article.pk, 1000 * (n + 1))
        rows += [
            DailyViews(article=article, day=today - timedelta(days=d), views=(d * 7 + n * 13) % 60)
            for d in range(30)
        ]
    DailyViews.objects.bulk_create(rows)


def log_in(page, base):
    page.goto(base + reverse("admin:index"))
    page.fill("#id_username", "duyet-tin")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(base + reverse("admin:index"))


def page_width(page):
    """The page's width, or a wider one if a table must be scrolled sideways inside its box."""
    return page.evaluate(
        "Math.max(document.documentElement.scrollWidth, ...Array.from("
        "document.querySelectorAll('.stat-scroll'), box => innerWidth + box.scrollWidth - box.clientWidth))"
    )


def read_statistics(page, base, viewport, screenshot, name):
    restore_groups()
    make_staff("duyet-tin", APPROVERS)
    fill_views()
    log_in(page, base)
    page.get_by_role("link", name="Thống kê lượt xem").click()
    page.wait_for_url(base + reverse("admin:view_statistics"))
    assert page.get_by_role("heading", name="Theo ngày").is_visible()
    assert page.locator("#theo-ngay ~ div tbody tr").count() == 30
    assert page.locator("#theo-bai ~ div tbody tr").count() == len(TITLES)
    assert page.get_by_role("link", name=TITLES[0]).count() == 1
    assert page_width(page) <= viewport["width"]
    screenshot(page, f"thong-ke-luot-xem-{name}")

    page.fill("#id_start", "31/02/2026")
    page.click("input[value='Xem thống kê']")
    page.wait_for_selector("[role=alert]")
    assert "“Từ ngày” phải là một ngày có thật" in page.locator("[role=alert]").inner_text()
    assert page_width(page) <= viewport["width"]
    screenshot(page, f"thong-ke-luot-xem-loi-{name}")


def test_an_approver_reads_the_statistics_on_a_phone(phone, live_server, screenshot):
    read_statistics(phone, live_server.url, PHONE, screenshot, "360")


def test_an_approver_reads_and_downloads_the_statistics_on_a_desktop(
    desktop, live_server, screenshot, tmp_path
):
    read_statistics(desktop, live_server.url, DESKTOP, screenshot, "1280")
    today = timezone.localdate()
    start = today - timedelta(days=6)
    desktop.fill("#id_start", f"{start:%d/%m/%Y}")
    desktop.fill("#id_end", f"{today:%d/%m/%Y}")
    desktop.click("input[value='Xem thống kê']")
    desktop.wait_for_selector(".stat-summary")
    assert desktop.locator("#theo-ngay ~ div tbody tr").count() == 7
    with desktop.expect_download() as download_info:
        desktop.get_by_role("link", name="Tải về tệp Excel (.xlsx)").click()
    download = download_info.value
    assert download.suggested_filename == f"luot-xem-{start:%d-%m-%Y}-den-{today:%d-%m-%Y}.xlsx"
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Theo ngày", "Theo bài", "Theo chuyên mục"]
    assert book["Theo ngày"].max_row == 8
