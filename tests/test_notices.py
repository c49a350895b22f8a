"""Thông báo: /thong-bao/ lists the notices in force newest first, then the archive; each notice has a
printable page with its validity and files; drafts, notices not yet in force and bad addresses are not
shown to residents."""

import io
import re
from datetime import timedelta

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from notices.models import Notice

LIST = "/thong-bao/"


def sections(html):
    """The current list and the archive, as the titles they show, in order."""
    current, _, archive = html.partition('id="het-hieu-luc"')
    titles = lambda part: re.findall(r'class="notice-title"><a href="[^"]+">([^<]+)</a>', part)  # noqa: E731
    return titles(current), titles(archive)


def test_the_address_is_named_notices_list():
    assert reverse("notices:list") == LIST


def test_current_notices_newest_first_then_the_archive(reader, make_notice):
    now = timezone.now()
    make_notice(title="Cắt điện khu phố 2", valid_from=now - timedelta(days=2))
    make_notice(title="Tiêm chủng thứ Bảy", valid_from=now - timedelta(hours=3))
    make_notice(
        title="Họp dân tháng trước",
        valid_from=now - timedelta(days=40),
        valid_until=now - timedelta(days=30),
    )
    make_notice(
        title="Phát thẻ bảo hiểm y tế",
        valid_from=now - timedelta(days=20),
        valid_until=now - timedelta(days=10),
    )
    response = reader.get(LIST)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<h1 class="page-title">Thông báo</h1>' in html
    current, archive = sections(html)
    assert current == ["Tiêm chủng thứ Bảy", "Cắt điện khu phố 2"]
    # The most recently ended first.
    assert archive == ["Phát thẻ bảo hiểm y tế", "Họp dân tháng trước"]
    assert "Thông báo đã hết hiệu lực" in html


def test_validity_is_shown_as_residents_read_dates(reader, make_notice):
    start = timezone.make_aware(timezone.datetime(2026, 12, 5, 7, 30))
    make_notice(
        title="Ngày hội hiến máu",
        published_at=start - timedelta(days=400),
        valid_from=start - timedelta(days=365),
        valid_until=None,
    )
    html = reader.get(LIST).content.decode()
    assert "Hiệu lực:</span> từ 07:30 05/12/2025, không thời hạn" in html


def test_drafts_those_in_review_scheduled_and_not_yet_in_force_are_not_shown(reader, make_notice):
    now = timezone.now()
    hidden = [
        make_notice(title="Bản nháp thông báo", status=Notice.Status.DRAFT),
        make_notice(title="Thông báo chờ duyệt", status=Notice.Status.REVIEW),
        make_notice(title="Thông báo hẹn giờ đăng", published_at=now + timedelta(hours=2)),
        make_notice(title="Thông báo tuần sau", valid_from=now + timedelta(days=7)),
    ]
    html = reader.get(LIST).content.decode()
    assert "Hiện không có thông báo nào đang có hiệu lực." in html
    for notice in hidden:
        assert notice.title not in html
        assert reader.get(notice.get_absolute_url()).status_code == 404


def test_staff_preview_a_notice_not_yet_in_force_with_a_banner(staff_client, make_notice):
    notice = make_notice(title="Thông báo tuần sau", valid_from=timezone.now() + timedelta(days=7))
    html = staff_client.get(notice.get_absolute_url()).content.decode()
    assert "Bản xem trước – thông báo này chưa hiện công khai." in html
    assert "chưa đến thời gian hiệu lực" in html
    assert '<meta name="robots" content="noindex">' in html


def test_the_start_and_the_end_are_exact(reader, make_notice, clock):
    """In force from valid_from itself, and no longer at valid_until itself (the archive has it)."""
    now = timezone.now().replace(microsecond=0)
    start, end = now + timedelta(minutes=10), now + timedelta(minutes=70)
    notice = make_notice(title="Tạm ngừng cấp nước", valid_from=start, valid_until=end)
    clock(start - timedelta(seconds=1))
    assert sections(reader.get(LIST).content.decode()) == ([], [])
    assert reader.get(notice.get_absolute_url()).status_code == 404
    clock(start)
    assert sections(reader.get(LIST).content.decode()) == (["Tạm ngừng cấp nước"], [])
    clock(end - timedelta(seconds=1))
    assert sections(reader.get(LIST).content.decode()) == (["Tạm ngừng cấp nước"], [])
    clock(end)
    assert sections(reader.get(LIST).content.decode()) == ([], ["Tạm ngừng cấp nước"])
    # Expired, the notice keeps its page, saying so.
    page = reader.get(notice.get_absolute_url())
    assert page.status_code == 200
    assert "đã hết hiệu lực" in page.content.decode()


def test_the_archive_is_paginated(reader, make_notice):
    now = timezone.now()
    for n in range(23):
        make_notice(
            title=f"Thông báo cũ số {n:02d}",
            valid_from=now - timedelta(days=60 + n),
            valid_until=now - timedelta(days=30 + n),
        )
    make_notice(title="Thông báo đang có hiệu lực")
    first = reader.get(LIST).content.decode()
    current, archive = sections(first)
    assert current == ["Thông báo đang có hiệu lực"]
    assert len(archive) == 20 and archive[0] == "Thông báo cũ số 00"
    assert 'href="?page=2"' in first
    second = reader.get(LIST, {"page": 2}).content.decode()
    assert "Thông báo đã hết hiệu lực – trang 2" in second
    assert "Thông báo đang có hiệu lực" not in second
    assert re.findall(r"Thông báo cũ số \d+", second) == [f"Thông báo cũ số {n}" for n in (20, 21, 22)]
    assert 'rel="canonical" href="http://testserver/thong-bao/?page=2"' in second


def test_bad_page_numbers_and_addresses_get_a_page_not_an_error(reader, make_notice):
    make_notice(title="Thông báo duy nhất")
    assert "Thông báo duy nhất" in reader.get(LIST, {"page": "abc\x00"}).content.decode()
    assert reader.get(LIST, {"page": "9" * 5000}).status_code == 404
    assert reader.get(LIST, {"page": "99"}).status_code == 404
    assert reader.get(LIST + "khong-co-thong-bao-nay/").status_code == 404
    assert reader.get(LIST + "%00/").status_code == 404
    assert reader.get(LIST + "a" * 5000 + "/").status_code == 404


def test_a_notice_page_shows_body_validity_and_open_graph_and_can_be_printed(reader, make_notice):
    notice = make_notice(
        title="Lịch tạm ngừng cấp điện khu phố 3",
        body="<p>Điện lực tạm ngừng cấp điện để bảo dưỡng.</p><script>alert(1)</script>",
    )
    html = reader.get(notice.get_absolute_url()).content.decode()
    assert '<h1 class="article-title">Lịch tạm ngừng cấp điện khu phố 3</h1>' in html
    assert "<p>Điện lực tạm ngừng cấp điện để bảo dưỡng.</p>" in html
    assert "<script>alert" not in html  # sanitized on save
    assert f"Hiệu lực:</span> từ {timezone.localtime(notice.valid_from):%H:%M %d/%m/%Y}" in html
    assert '<meta property="og:title" content="Lịch tạm ngừng cấp điện khu phố 3">' in html
    assert f'<meta property="og:url" content="http://testserver{notice.get_absolute_url()}">' in html
    assert '<meta property="og:type" content="article">' in html
    assert "data-print disabled>In thông báo</button>" in html
    assert 'href="/static/css/print.css" media="print"' in html
    assert 'href="/thong-bao/" >' not in html
    trail = html.split('<nav class="breadcrumbs"', 1)[1].split("</nav>", 1)[0]
    # The way to the notice, not the notice again: the headline right below names it.
    assert '<li><a href="/thong-bao/">Thông báo</a></li></ol>' in trail
    assert "Lịch tạm ngừng" not in trail


def test_a_renamed_notice_redirects_from_its_old_address(reader, make_notice):
    notice = make_notice(title="Họp dân tổ 5")
    old = notice.get_absolute_url()
    notice.slug = "hop-dan-to-5-doi-lich"
    notice.save()
    response = reader.get(old)
    assert response.status_code == 301
    assert response["Location"] == "/thong-bao/hop-dan-to-5-doi-lich/"


def test_slugs_and_search_text_are_vietnamese_aware(make_notice):
    notice = make_notice(title="Đăng ký tạm trú cho người đến ở", body="<p>Hồ sơ nộp tại Công an phường.</p>")
    assert notice.slug == "dang-ky-tam-tru-cho-nguoi-den-o"
    assert " dang ky tam tru " in notice.search_text
    assert " cong an phuong " in notice.search_text


def test_list_queries_do_not_grow_with_notices(reader, make_notice, django_assert_num_queries, ward_identity):
    """The archive's count and page, the current ones and the menu's sections: 4, whatever the number."""
    now = timezone.now()

    def add(count):
        for n in range(count):
            make_notice()
            make_notice(valid_from=now - timedelta(days=40 + n), valid_until=now - timedelta(days=20))

    add(2)
    with django_assert_num_queries(4):
        reader.get(LIST)
    add(25)
    with django_assert_num_queries(4):
        html = reader.get(LIST).content.decode()
    assert html.count('class="notice-item') == 27 + 20


def test_a_notice_page_queries_do_not_grow_with_files(
    reader, make_notice, django_assert_num_queries, ward_identity
):
    from notices.models import NoticeAttachment

    notice = make_notice()
    with django_assert_num_queries(3):  # the notice, its files, the menu's sections
        reader.get(notice.get_absolute_url())
    for n in range(6):  # stored files (as a restore leaves them): no upload to check
        NoticeAttachment.objects.create(
            notice=notice, file=f"notices/x{n}.pdf", title=f"Tệp {n}", kind="pdf", size=2048
        )
    with django_assert_num_queries(3):
        html = reader.get(notice.get_absolute_url()).content.decode()
    assert html.count("(PDF, 2 KB)") == 6


def test_a_kept_list_is_dropped_when_a_notice_is_saved(
    reader, make_notice, django_assert_num_queries, ward_identity
):
    notice = make_notice(title="Tiêu đề cũ")
    reader.get(LIST)
    with django_assert_num_queries(0):
        assert "Tiêu đề cũ" in reader.get(LIST).content.decode()
    notice.title = "Tiêu đề đã sửa"
    notice.save()
    assert "Tiêu đề đã sửa" in reader.get(LIST).content.decode()


def test_the_notice_feed_lists_those_on_the_site(reader, make_notice):
    now = timezone.now()
    make_notice(title="Tiêm chủng mở rộng", body="<p>Trẻ dưới 5 tuổi.</p>")
    make_notice(
        title="Họp dân đã qua", valid_from=now - timedelta(days=9), valid_until=now - timedelta(days=2)
    )
    make_notice(title="Bản nháp", status=Notice.Status.DRAFT)
    make_notice(title="Tuần sau mới có hiệu lực", valid_from=now + timedelta(days=7))
    response = reader.get("/thong-bao/rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    xml = response.content.decode()
    assert re.findall(r"<item><title>([^<]+)</title>", xml) == ["Tiêm chủng mở rộng", "Họp dân đã qua"]
    assert "Hiệu lực từ" in xml and "Trẻ dưới 5 tuổi." in xml
    assert "<link>http://testserver/thong-bao/</link>" in xml
    # The home page and the list announce it.
    assert 'href="/thong-bao/rss/"' in reader.get(LIST).content.decode()
    assert 'href="/thong-bao/rss/"' in reader.get("/").content.decode()


def test_the_sitemap_lists_notices_on_the_site(reader, make_notice):
    shown = make_notice(title="Thông báo công khai")
    draft = make_notice(title="Bản nháp", status=Notice.Status.DRAFT)
    later = make_notice(title="Sau này", valid_from=timezone.now() + timedelta(days=3))
    xml = reader.get("/sitemap.xml").content.decode()
    assert f"<loc>http://testserver{shown.get_absolute_url()}</loc>" in xml
    assert draft.get_absolute_url() not in xml
    assert later.get_absolute_url() not in xml


def test_the_demo_has_a_notice_in_force_one_expired_and_one_to_come(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert "Đã tạo 3 thông báo mẫu." in out.getvalue()
    assert [n.slug for n in Notice.objects.current()] == ["lich-tam-ngung-cap-dien-khu-pho-3"]
    assert [n.slug for n in Notice.objects.expired()] == ["ngay-tiem-chung-mo-rong-tai-tram-y-te"]
    later = Notice.objects.published().exclude(pk__in=Notice.objects.on_site())
    assert [n.slug for n in later] == ["hop-dan-to-dan-pho-5-gop-y-chinh-trang-via-he"]
    again = io.StringIO()
    call_command("load_demo", stdout=again)
    assert "thông báo mẫu" not in again.getvalue()
    assert Notice.objects.count() == 3


def test_an_attached_photo_is_named_once_by_its_caption(reader, make_notice):
    """Its alt repeated the caption word for word: a screen reader read the title twice."""
    from notices.models import NoticeAttachment

    notice = make_notice()
    NoticeAttachment.objects.create(
        notice=notice, file="notices/so-do.png", title="Sơ đồ phân luồng", kind="image", size=2048
    )
    html = reader.get(notice.get_absolute_url()).content.decode()
    figure = re.search(r'<figure class="photo">.*?</figure>', html, re.S).group(0)
    assert re.search(r'<img src="[^"]*so-do\.png" alt="" ', figure)
    assert "<figcaption>Sơ đồ phân luồng</figcaption>" in figure
