"""The header says what the site is and whose it is once, with the ward's logo and today's date."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from ward.identity import ward_in_a_phrase
from ward.models import WardSettings

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")


def header_of(response):
    return re.search(r"<header class=\"site-header\">.*?</header>", response.content.decode(), re.S).group(0)


def test_the_header_names_the_site_and_the_ward_once(reader, make_article):
    """Issue 12: "ĐẢNG ỦY PHƯỜNG HÒA BÌNH" over "PHƯỜNG HÒA BÌNH" named the ward twice, the site never."""
    make_article()
    header = header_of(reader.get("/"))
    assert '<span class="brand-kind">Trang thông tin điện tử</span>' in header
    assert '<span class="brand-name">Đảng bộ phường Hòa Bình</span>' in header
    assert header.count("Hòa Bình") == 1
    assert '<img class="brand-logo" src="/static/img/ward-logo.svg" alt=""' in header


def test_the_site_name_follows_the_wards_name(reader):
    site = WardSettings.objects.get(pk=1)
    site.name = "Xã Tân Lập"
    site.save()
    assert '<span class="brand-name">Đảng bộ xã Tân Lập</span>' in header_of(reader.get("/"))


def test_a_ward_name_reads_in_lower_case_inside_the_phrase():
    assert ward_in_a_phrase("Phường Hòa Bình") == "phường Hòa Bình"
    assert ward_in_a_phrase("phường Hòa Bình") == "phường Hòa Bình"
    assert ward_in_a_phrase("Thị trấn Đông Anh") == "thị trấn Đông Anh"
    assert ward_in_a_phrase("Hòa Bình") == "phường Hòa Bình"


def test_the_header_shows_todays_date_in_vietnamese_in_hanoi_time(reader, clock):
    # 18:30 UTC on 30 November is already Tuesday 1 December in Hà Nội.
    clock(datetime(2026, 12, 1, 1, 30, tzinfo=HANOI))
    header = header_of(reader.get("/"))
    assert '<time datetime="2026-12-01">Thứ Ba, 01/12/2026</time>' in header
    clock(datetime(2026, 12, 6, 9, 0, tzinfo=HANOI))
    assert "Chủ nhật, 06/12/2026" in header_of(reader.get("/tin-tuc/"))


def test_a_kept_page_shows_the_new_date_after_midnight(reader, make_article, clock):
    """Pages are kept rendered (news.page_cache): the date must not stay yesterday's in a kept page."""
    clock(datetime(2026, 12, 1, 23, 59, 30, tzinfo=HANOI))
    make_article(title="Bài đã đăng", published_at=datetime(2026, 12, 1, 8, 0, tzinfo=HANOI))
    assert "Thứ Ba, 01/12/2026" in header_of(reader.get("/"))
    clock(datetime(2026, 12, 1, 23, 59, 59, tzinfo=HANOI))
    assert "Thứ Ba, 01/12/2026" in header_of(reader.get("/"))  # kept until midnight

    clock(datetime(2026, 12, 2, 0, 0, 1, tzinfo=HANOI))
    header = header_of(reader.get("/"))
    assert '<time datetime="2026-12-02">Thứ Tư, 02/12/2026</time>' in header
