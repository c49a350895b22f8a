"""The view statistics as an Excel workbook (.xlsx, openpyxl): by day, by article, by section.

Dates are real date cells shown dd/mm/yyyy and counts are numbers, so staff can sort, sum and chart
them in Excel or LibreOffice. Text from the site (article titles, section names) is always written as
text: a title staff typed as "=HYPERLINK(…)" or "+1" must never become a formula in someone's
spreadsheet (formula injection).
"""

from io import BytesIO

from django.http import HttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EXCEL_DATE = "dd/mm/yyyy"
EXCEL_COUNT = "#,##0"


def file_name(figures):
    return f"luot-xem-{figures.start:%d-%m-%Y}-den-{figures.end:%d-%m-%Y}.xlsx"


def text(cell, value):
    """Set value as a string cell whatever it starts with, and keep it text if someone edits it."""
    # openpyxl reads a string starting with "=" as a formula and refuses control characters.
    cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
    cell.data_type = "s"
    # Excel's "quote prefix": the cell stays text when it is edited and confirmed.
    cell.quotePrefix = True
    return cell


def add_sheet(workbook, title, headers, rows, widths):
    """rows: tuples of (value, kind), kind one of "date", "count", "text"."""
    sheet = workbook.create_sheet(title)
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row_number, row in enumerate(rows, start=2):
        for column, (value, kind) in enumerate(row, start=1):
            cell = sheet.cell(row=row_number, column=column)
            if kind == "text":
                text(cell, value)
            else:
                cell.value = value
                cell.number_format = EXCEL_DATE if kind == "date" else EXCEL_COUNT
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = "A2"
    return sheet


def workbook(figures):
    book = Workbook()
    book.remove(book.active)
    add_sheet(
        book,
        "Theo ngày",
        ["Ngày", "Lượt xem"],
        [((day.day, "date"), (day.views, "count")) for day in figures.days],
        [14, 12],
    )
    add_sheet(
        book,
        "Theo bài",
        ["Tiêu đề", "Chuyên mục", "Lượt xem trong khoảng", "Tổng lượt xem", "Ngày đăng"],
        [
            (
                (article.title, "text"),
                (article.category.name if article.category else "", "text"),
                (article.views_in_range, "count"),
                (article.view_count, "count"),
                (timezone.localdate(article.published_at) if article.published_at else None, "date"),
            )
            for article in figures.articles
        ],
        [60, 24, 22, 16, 14],
    )
    add_sheet(
        book,
        "Theo chuyên mục",
        ["Chuyên mục", "Lượt xem"],
        [((section.name, "text"), (section.views, "count")) for section in figures.sections],
        [30, 12],
    )
    return book


def xlsx_response(figures):
    buffer = BytesIO()
    workbook(figures).save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{file_name(figures)}"'
    return response
