"""The ceiling's one view: a fixed HTML page of about 30 KB, the size of an article page."""

from django.http import HttpResponse
from django.urls import path

PAGE_BYTES = 30 * 1024
_PARAGRAPH = (
    "<p>Sáng nay, Đảng ủy phường tổ chức hội nghị sơ kết công tác xây dựng Đảng và hệ thống chính trị, "
    "với sự tham dự của các đồng chí bí thư chi bộ, trưởng khu dân cư và đại diện các đoàn thể.</p>\n"
)


def _page():
    head = '<!doctype html>\n<html lang="vi">\n<head><meta charset="utf-8"><title>Trần</title></head>\n'
    head += "<body>\n"
    tail = "</body>\n</html>\n"
    body = head
    while len((body + _PARAGRAPH + tail).encode()) <= PAGE_BYTES:
        body += _PARAGRAPH
    page = (body + tail).encode()
    return page + b" " * (PAGE_BYTES - len(page))  # exactly PAGE_BYTES


PAGE = _page()


def page(request):
    return HttpResponse(PAGE, content_type="text/html; charset=utf-8")


urlpatterns = [path("", page), path("<path:anything>", page)]
