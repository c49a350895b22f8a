"""The page's frame (head, header, menus, footer) kept rendered in the worker (ward.templatetags.
kept_parts): rendered once per generation, each page's own menu entry marked, a change shown at once."""

import re
from datetime import datetime

import pytest
from django.db import connection
from django.template import Context, Template, TemplateSyntaxError
from django.test.utils import CaptureQueriesContext

from news import page_cache
from news.models import Category
from ward.models import WardSettings

from .test_header import HANOI, header_of
from .test_menu import menu_of

# A page rendered afresh for every request: the search page (only its cards and index are kept).
SEARCH = "/tim-kiem/?q="


def sections_of(html):
    nav = re.search(r'<nav class="site-nav".*?</nav>', html, re.S).group(0)
    return re.findall(r'<a href="[^"]*">(.*?)</a>', nav)[1:]  # after "Trang chủ"


def footer_of(html):
    return re.search(r'<footer class="site-footer">.*?</footer>', html, re.S).group(0)


def test_the_frame_is_rendered_once_and_again_after_a_save(reader, ward_identity, category):
    with CaptureQueriesContext(connection) as first:
        html = reader.get(SEARCH + "mot").content.decode()
    assert sections_of(html) == ["Xây dựng Đảng"]
    assert [q for q in first if '"news_category"' in q["sql"]] != []
    with CaptureQueriesContext(connection) as again:
        assert sections_of(reader.get(SEARCH + "hai").content.decode()) == ["Xây dựng Đảng"]
    assert [q for q in again if '"news_category"' in q["sql"]] == []

    category.name = "Tin ảnh"
    category.save()
    assert sections_of(reader.get(SEARCH + "ba").content.decode()) == ["Tin ảnh"]
    site = WardSettings.objects.get(pk=1)
    site.address = "Số 9 phố Thử Nghiệm"
    site.save()
    assert "Địa chỉ: Số 9 phố Thử Nghiệm" in footer_of(reader.get(SEARCH + "bon").content.decode())


def test_each_page_marks_its_own_menu_entry(reader, ward_identity):
    """The menus are kept once per current entry: one page's mark never shows on another."""
    for path, current in [
        ("/thong-bao/", ["Thông báo"]),
        ("/hoi-dap/", ["Hỏi đáp"]),
        ("/tim-kiem/?q=x", []),
        ("/thong-bao/", ["Thông báo"]),
        ("/lien-he/", ["Liên hệ"]),
    ]:
        html = reader.get(path).content.decode()
        marked = [label for _, attributes, label in menu_of(html) if 'aria-current="page"' in attributes]
        assert marked == current, path


def test_a_bulk_update_shows_once_the_part_has_lived_as_long_as_a_kept_list(
    reader, ward_identity, category, settings, monkeypatch
):
    assert sections_of(reader.get(SEARCH + "mot").content.decode()) == ["Xây dựng Đảng"]
    Category.objects.update(name="Chuyển đổi số")  # announces nothing: no new generation
    later = page_cache.time.monotonic() + settings.PORTAL_PAGE_CACHE_SECONDS + 1
    monkeypatch.setattr(page_cache.time, "monotonic", lambda: later)
    assert sections_of(reader.get(SEARCH + "hai").content.decode()) == ["Chuyển đổi số"]


def test_the_header_is_kept_per_date_even_within_one_generation(reader, ward_identity, clock, monkeypatch):
    """A request that straddles midnight reads its date before the generation that midnight brings:
    the header must not be kept under the new generation with yesterday's date."""
    monkeypatch.setattr(page_cache, "generation", lambda *args: "7")
    clock(datetime(2026, 12, 1, 23, 59, tzinfo=HANOI))
    assert "Thứ Ba, 01/12/2026" in header_of(reader.get(SEARCH + "mot"))
    clock(datetime(2026, 12, 2, 0, 1, tzinfo=HANOI))
    assert "Thứ Tư, 02/12/2026" in header_of(reader.get(SEARCH + "hai"))


def test_without_a_request_a_part_is_rendered_each_time(db):
    template = Template('{% load kept_parts %}{% kept "thu" %}{{ value }}{% endkept %}')
    assert template.render(Context({"value": "một"})) == "một"
    assert template.render(Context({"value": "hai"})) == "hai"


@pytest.mark.parametrize("tag", ["{% kept %}", "{% kept thu %}", "{% kept \"thu' %}"])
def test_a_part_needs_a_quoted_name(tag):
    with pytest.raises(TemplateSyntaxError, match="needs a quoted name first"):
        Template("{% load kept_parts %}" + tag + "{% endkept %}")
