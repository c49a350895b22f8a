"""The admin's "Thống kê lượt xem": figures from DailyViews, the date range, who may see it, Excel."""

import re
from datetime import date, timedelta
from io import BytesIO

import openpyxl
import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from news.models import Article, Category, DailyViews
from news.statistics import NO_SECTION
from news.view_log import set_total

from .people import EDITORS, make_staff

ADDRESS = "/quan-tri/thong-ke-luot-xem/"
EXCEL = "/quan-tri/thong-ke-luot-xem/excel/"


@pytest.fixture
def views(make_article):
    """Three articles, two sections, rows on 01, 02 and 05/11/2026 and one outside the range."""
    party = Category.objects.create(name="Xây dựng Đảng", order=1)
    welfare = Category.objects.create(name="An sinh xã hội", order=2)
    Category.objects.create(name="Văn hóa", order=3)
    hit = make_article(title="Hội nghị sơ kết quý III", category=party)
    other = make_article(title="Trao quà cho hộ nghèo", category=welfare)
    loose = make_article(title="Thông báo lịch tiếp dân", category=None)
    set_total(hit.pk, 900)
    rows = [
        (hit, date(2026, 11, 1), 40),
        (hit, date(2026, 11, 2), 10),
        (other, date(2026, 11, 2), 25),
        (loose, date(2026, 11, 5), 7),
        (hit, date(2026, 10, 31), 1000),  # the day before the range
    ]
    DailyViews.objects.bulk_create(DailyViews(article=a, day=d, views=v) for a, d, v in rows)
    return {"hit": hit, "other": other, "loose": loose}


def in_range(client, start="01/11/2026", end="30/11/2026", address=ADDRESS):
    return client.get(address, {"start": start, "end": end})


def table(html, heading_id):
    block = html.split(f'id="{heading_id}"', 1)[1].split("</section>", 1)[0]
    block = block.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    rows = re.findall(r"<tr>(.*?)</tr>", block, re.S)
    return [
        [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
        for row in rows
    ]


def test_the_page_shows_views_by_day_by_article_and_by_section(approver_client, views):
    response = in_range(approver_client)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Từ 01/11/2026 đến 30/11/2026: 82 lượt xem" in html

    by_day = table(html, "theo-ngay")
    assert len(by_day) == 30  # every day, those without a view as 0
    assert by_day[0][:2] == ["01/11/2026", "40"]
    assert by_day[1][:2] == ["02/11/2026", "35"]
    assert by_day[2][:2] == ["03/11/2026", "0"]
    assert by_day[4][:2] == ["05/11/2026", "7"]

    by_article = table(html, "theo-bai")
    assert by_article == [
        ["1", "Hội nghị sơ kết quý III", "Xây dựng Đảng", "50", "900"],
        ["2", "Trao quà cho hộ nghèo", "An sinh xã hội", "25", "0"],
        ["3", "Thông báo lịch tiếp dân", "—", "7", "0"],
    ]
    assert f'href="{views["hit"].get_absolute_url()}"' in html

    by_section = table(html, "theo-chuyen-muc")
    assert [row[:2] for row in by_section] == [
        ["Xây dựng Đảng", "50"],
        ["An sinh xã hội", "25"],
        [NO_SECTION, "7"],
        ["Văn hóa", "0"],
    ]


def test_the_busiest_day_has_the_full_bar_and_the_bars_are_hidden_from_screen_readers(approver_client, views):
    html = in_range(approver_client).content.decode()
    day_block = html.split('id="theo-ngay"', 1)[1].split("</section>", 1)[0]
    assert 'aria-hidden="true"><span class="stat-bar" style="width: 100%">' in day_block
    assert 'style="width: 88%"' in day_block  # 35 of 40


def test_without_dates_the_page_shows_the_last_30_days(approver_client, make_article):
    article = make_article()
    today = timezone.localdate()
    DailyViews.objects.create(article=article, day=today, views=3)
    DailyViews.objects.create(article=article, day=today - timedelta(days=29), views=4)
    DailyViews.objects.create(article=article, day=today - timedelta(days=30), views=500)
    html = approver_client.get(ADDRESS).content.decode()
    start = today - timedelta(days=29)
    assert f"Từ {start:%d/%m/%Y} đến {today:%d/%m/%Y}: 7 lượt xem" in html
    assert f'value="{start:%d/%m/%Y}"' in html and f'value="{today:%d/%m/%Y}"' in html


def test_one_date_alone_gives_30_days_from_or_to_it(approver_client, db):
    html = approver_client.get(ADDRESS, {"start": "01/01/2025"}).content.decode()
    assert "Từ 01/01/2025 đến 30/01/2025" in html
    html = approver_client.get(ADDRESS, {"end": "30/01/2025"}).content.decode()
    assert "Từ 01/01/2025 đến 30/01/2025" in html


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        ("32/01/2026", "01/02/2026", "“Từ ngày” phải là một ngày có thật"),
        ("01/01/0000", "01/02/2026", "“Từ ngày” phải là một ngày có thật"),
        ("2026-01-01", "01/02/2026", "“Từ ngày” phải là một ngày có thật"),
        ("01/01/2026", "hôm nay", "“Đến ngày” phải là một ngày có thật"),
        ("01/01/2026", "1" * 5000, "“Đến ngày” phải là một ngày có thật"),
        ("30/11/2026", "01/11/2026", "“Từ ngày” phải trước hoặc trùng “Đến ngày”."),
        ("01/01/2016", "31/12/2025", "Chỉ xem được tối đa 366 ngày một lần"),
        ("01/01/0001", "31/12/9999", "Chỉ xem được tối đa 366 ngày một lần"),
    ],
)
def test_a_range_that_cannot_be_read_is_a_400_with_a_vietnamese_message(
    approver_client, db, start, end, message
):
    for address in (ADDRESS, EXCEL):
        response = in_range(approver_client, start, end, address)
        assert response.status_code == 400
        assert response["Content-Type"].startswith("text/html")
        html = response.content.decode()
        assert message in html
        assert 'role="alert"' in html
        assert "lượt xem</h2>" not in html  # no figures for a range never read


def test_a_year_with_its_leap_day_is_allowed(approver_client, db):
    assert in_range(approver_client, "01/01/2028", "31/12/2028").status_code == 200


@pytest.mark.parametrize("address", [ADDRESS, EXCEL])
def test_a_nul_byte_in_a_date_is_the_400_page(approver_client, db, address):
    response = approver_client.get(address, {"start": "01/11/2026\x00", "end": "30/11/2026"})
    assert response.status_code == 400


def test_the_calendars_edges_do_not_overflow(approver_client, db):
    assert approver_client.get(ADDRESS, {"start": "31/12/9999"}).status_code == 200
    assert approver_client.get(ADDRESS, {"end": "01/01/0001"}).status_code == 200


@pytest.mark.parametrize("address", [ADDRESS, EXCEL])
def test_an_editor_without_the_permission_is_refused(editor_client, views, address):
    response = in_range(editor_client, address=address)
    assert response.status_code == 403
    assert "Hội nghị sơ kết quý III" not in response.content.decode()


def test_a_visitor_is_sent_to_the_login(client, db):
    response = client.get(ADDRESS)
    assert response.status_code == 302
    assert "/quan-tri/login/" in response["Location"]


def test_the_permission_alone_opens_the_page_and_the_front_page_links_it(client, editor, views):
    front = None
    client.force_login(editor)
    assert "thong-ke-luot-xem" not in client.get("/quan-tri/").content.decode()
    editor.user_permissions.add(Permission.objects.get(codename="view_statistics"))
    front = client.get("/quan-tri/").content.decode()
    assert f'href="{ADDRESS}"' in front and "Thống kê lượt xem" in front
    assert in_range(client).status_code == 200


def test_approvers_have_the_permission_and_editors_do_not(db):
    assert make_staff("duyet", "Duyệt tin").has_perm("news.view_statistics")
    assert not make_staff("viet", EDITORS).has_perm("news.view_statistics")


def test_the_page_runs_the_same_queries_whatever_the_data(
    approver_client, make_article, django_assert_num_queries
):
    """Session, user, their permissions (2), and four for the figures (by day, by article, by section,
    the sections' names): 8, however many days, articles and sections."""
    section = Category.objects.create(name="Tin phường")
    DailyViews.objects.create(article=make_article(category=section), day=date(2026, 11, 3), views=1)
    with django_assert_num_queries(8):
        in_range(approver_client)
    more = [make_article(category=Category.objects.create(name=f"Mục {n}")) for n in range(20)]
    DailyViews.objects.bulk_create(
        DailyViews(article=a, day=date(2026, 11, 1) + timedelta(days=n), views=n)
        for a in more
        for n in range(30)
    )
    with django_assert_num_queries(8):
        html = in_range(approver_client).content.decode()
    assert len(table(html, "theo-bai")) == 21


# --- Excel ---------------------------------------------------------------------------------------


def workbook(response):
    return openpyxl.load_workbook(BytesIO(response.content))


def test_the_excel_file_has_the_three_sheets_with_vietnamese_headers(approver_client, views):
    response = in_range(approver_client, address=EXCEL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"] == 'attachment; filename="luot-xem-01-11-2026-den-30-11-2026.xlsx"'
    book = workbook(response)
    assert book.sheetnames == ["Theo ngày", "Theo bài", "Theo chuyên mục"]
    assert [c.value for c in book["Theo ngày"][1]] == ["Ngày", "Lượt xem"]
    assert [c.value for c in book["Theo bài"][1]] == [
        "Tiêu đề",
        "Chuyên mục",
        "Lượt xem trong khoảng",
        "Tổng lượt xem",
        "Ngày đăng",
    ]
    assert [c.value for c in book["Theo chuyên mục"][1]] == ["Chuyên mục", "Lượt xem"]


def test_the_excel_figures_are_real_dates_and_numbers(approver_client, views):
    book = workbook(in_range(approver_client, address=EXCEL))
    days = book["Theo ngày"]
    assert days.max_row == 31
    first = days["A2"]
    assert first.is_date and first.value.date() == date(2026, 11, 1)
    assert first.number_format == "dd/mm/yyyy"
    assert days["B2"].value == 40 and days["B2"].data_type == "n"
    assert [days.cell(row, 2).value for row in (3, 4, 6)] == [35, 0, 7]

    articles = [[c.value for c in row] for row in book["Theo bài"].iter_rows(min_row=2)]
    assert [row[:4] for row in articles] == [
        ["Hội nghị sơ kết quý III", "Xây dựng Đảng", 50, 900],
        ["Trao quà cho hộ nghèo", "An sinh xã hội", 25, 0],
        ["Thông báo lịch tiếp dân", None, 7, 0],  # a blank cell: no section
    ]
    published = book["Theo bài"]["E2"]
    assert published.is_date and published.number_format == "dd/mm/yyyy"
    assert published.value.date() == timezone.localdate(views["hit"].published_at)

    sections = [[c.value for c in row] for row in book["Theo chuyên mục"].iter_rows(min_row=2)]
    assert sections == [["Xây dựng Đảng", 50], ["An sinh xã hội", 25], [NO_SECTION, 7], ["Văn hóa", 0]]


def test_a_title_that_looks_like_a_formula_stays_text(approver_client, make_article):
    """Formula injection: a title typed as "=1+1" (or =HYPERLINK…) must not run in a spreadsheet."""
    section = Category.objects.create(name="=cmd|' /C calc'!A0")
    for n, title in enumerate(["=1+1", "+1+1", "@SUM(A1)", '=HYPERLINK("http://x","y")']):
        article = make_article(title=title, category=section)
        DailyViews.objects.create(article=article, day=date(2026, 11, 1), views=10 - n)
    book = workbook(in_range(approver_client, address=EXCEL))
    sheet = book["Theo bài"]
    titles = [sheet.cell(row, 1) for row in range(2, 6)]
    assert [c.value for c in titles] == ["=1+1", "+1+1", "@SUM(A1)", '=HYPERLINK("http://x","y")']
    assert all(c.data_type == "s" for c in titles)
    assert sheet["B2"].value == "=cmd|' /C calc'!A0" and sheet["B2"].data_type == "s"
    assert book["Theo chuyên mục"]["A2"].data_type == "s"


def test_control_characters_in_a_title_do_not_break_the_file(approver_client, make_article):
    article = make_article(title="Tin\x0b có ký tự lạ")
    Article.objects.filter(pk=article.pk).update(title="Tin\x0b có ký tự lạ")
    DailyViews.objects.create(article=article, day=date(2026, 11, 1), views=1)
    response = in_range(approver_client, address=EXCEL)
    assert response.status_code == 200
    assert workbook(response)["Theo bài"]["A2"].value == "Tin có ký tự lạ"


def test_the_excel_file_lists_every_article_viewed_not_only_the_pages_top(approver_client, make_article):
    articles = [make_article() for _ in range(55)]
    DailyViews.objects.bulk_create(DailyViews(article=a, day=date(2026, 11, 1), views=1) for a in articles)
    html = in_range(approver_client).content.decode()
    assert len(table(html, "theo-bai")) == 50
    assert "tệp Excel có mọi bài được xem trong khoảng ngày này" in html
    assert workbook(in_range(approver_client, address=EXCEL))["Theo bài"].max_row == 56
