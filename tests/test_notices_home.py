"""The home page's notices block and its lead story ("Tin nổi bật"): both change at their due moments
(a notice's start and end, a pin's start and end) on the kept page, with no save."""

import re
from datetime import timedelta

from django.utils import timezone

from news.models import Article, Category


def lead(html):
    """The title of the home page's lead story."""
    found = re.search(r'class="featured-title"><a href="[^"]+">([^<]+)</a>', html)
    return found.group(1) if found else None


def latest(html):
    """The "Tin mới" block of the home page."""
    return re.search(
        r'<section class="front-next" aria-labelledby="tin-moi">.*?</section>', html, re.S
    ).group(0)


def block(html):
    """The titles in the home page's notices block, in order ([] when there is no block)."""
    found = re.search(r'<section class="block notice-block".*?</section>', html, re.S)
    return re.findall(r'class="notice-title"><a href="[^"]+">([^<]+)</a>', found.group(0)) if found else []


def test_the_home_page_lists_the_notices_in_force_newest_first(reader, make_notice, make_article):
    now = timezone.now()
    make_article(title="Tin mới nhất")
    make_notice(title="Cắt điện khu phố 3", valid_from=now - timedelta(days=1))
    make_notice(title="Tiêm chủng mở rộng", valid_from=now - timedelta(hours=2))
    make_notice(
        title="Họp dân đã qua", valid_from=now - timedelta(days=9), valid_until=now - timedelta(days=2)
    )
    make_notice(title="Bản nháp thông báo", status="draft")
    html = reader.get("/").content.decode()
    assert block(html) == ["Tiêm chủng mở rộng", "Cắt điện khu phố 3"]
    assert 'href="/thong-bao/">Xem tất cả thông báo ›</a>' in html
    assert lead(html) == "Tin mới nhất"


def test_no_notice_in_force_no_block(reader, make_article, make_notice):
    make_article()
    make_notice(valid_from=timezone.now() + timedelta(days=1))
    assert 'class="block notice-block"' not in reader.get("/").content.decode()


def test_an_expired_notice_leaves_the_kept_home_page_at_its_end_with_no_save(
    reader, make_article, make_notice, clock, django_assert_num_queries, ward_identity
):
    # Morning in the ward: the half hour below must not cross midnight, itself a due moment (the date).
    clock(timezone.localtime().replace(hour=9, minute=0, second=0, microsecond=0))
    make_article(title="Tin bài")
    end = timezone.now() + timedelta(minutes=30)
    make_notice(title="Tạm ngừng cấp điện", valid_until=end)
    assert block(reader.get("/").content.decode()) == ["Tạm ngừng cấp điện"]
    with django_assert_num_queries(0):  # kept
        assert block(reader.get("/").content.decode()) == ["Tạm ngừng cấp điện"]
    clock(end - timedelta(seconds=1))
    with django_assert_num_queries(0):  # still kept: nothing is due yet
        reader.get("/")
    clock(end)
    assert block(reader.get("/").content.decode()) == []
    listed = reader.get("/thong-bao/").content.decode()
    assert "Hiện không có thông báo nào đang có hiệu lực." in listed
    assert "Tạm ngừng cấp điện" in listed.partition('id="het-hieu-luc"')[2]


def test_a_notice_enters_the_kept_home_page_at_its_start_with_no_save(
    reader, make_article, make_notice, clock
):
    make_article()
    start = timezone.now() + timedelta(hours=2)
    make_notice(title="Ngày hội hiến máu", valid_from=start)
    assert block(reader.get("/").content.decode()) == []
    clock(start)
    assert block(reader.get("/").content.decode()) == ["Ngày hội hiến máu"]


def test_a_pinned_article_leads_while_the_pin_is_current_then_the_newest_again(
    reader, make_article, make_pin, clock
):
    make_article(title="Bài mới nhất")
    pinned = make_article(title="Đại hội Đảng bộ phường", published_at=timezone.now() - timedelta(days=20))
    end = timezone.now() + timedelta(hours=5)
    make_pin(pinned, ends_at=end)
    html = reader.get("/").content.decode()
    assert lead(html) == "Đại hội Đảng bộ phường"
    # The newest article is not lost: it heads the other new articles.
    assert "Bài mới nhất" in latest(html)
    assert "Đại hội Đảng bộ phường" not in latest(html)
    clock(end)
    assert lead(reader.get("/").content.decode()) == "Bài mới nhất"


def test_a_pin_set_for_later_takes_the_lead_at_its_start_with_no_save(reader, make_article, make_pin, clock):
    make_article(title="Bài mới nhất")
    pinned = make_article(
        title="Kỷ niệm ngày thành lập phường", published_at=timezone.now() - timedelta(days=3)
    )
    start = timezone.now() + timedelta(days=1)
    make_pin(pinned, starts_at=start)
    assert lead(reader.get("/").content.decode()) == "Bài mới nhất"
    clock(start)
    assert lead(reader.get("/").content.decode()) == "Kỷ niệm ngày thành lập phường"


def test_a_pinned_notice_leads_with_its_validity(reader, make_article, make_notice, make_pin):
    make_article(title="Bài mới nhất")
    notice = make_notice(
        title="Lịch tiếp công dân tháng 12", body="<p>Lãnh đạo phường tiếp dân sáng thứ Năm.</p>"
    )
    make_pin(notice)
    html = reader.get("/").content.decode()
    assert lead(html) == "Lịch tiếp công dân tháng 12"
    assert '<p class="featured-kind">Thông báo</p>' in html
    assert "Lãnh đạo phường tiếp dân sáng thứ Năm." in html
    assert block(html) == []  # not repeated in the block
    assert "Bài mới nhất" in latest(html)


def test_pinning_an_unpublished_or_expired_item_shows_nothing_to_residents(
    reader, make_article, make_notice, make_pin, clock
):
    make_article(title="Bài mới nhất")
    draft = make_article(title="Bài còn nháp", status=Article.Status.DRAFT)
    make_pin(draft)
    html = reader.get("/").content.decode()
    assert lead(html) == "Bài mới nhất"
    assert "Bài còn nháp" not in html
    # A notice pinned past its own end falls back by itself, too.
    draft.delete()
    end = timezone.now() + timedelta(hours=1)
    make_pin(make_notice(title="Thông báo sắp hết hạn", valid_until=end), ends_at=end + timedelta(days=1))
    assert lead(reader.get("/").content.decode()) == "Thông báo sắp hết hạn"
    clock(end)
    assert lead(reader.get("/").content.decode()) == "Bài mới nhất"


def test_home_queries_with_notices_and_a_pinned_article_do_not_grow(
    reader, make_article, make_photo, make_notice, make_pin, django_assert_num_queries, ward_identity
):
    """The home page's 9 (tests/test_home.py) and the pinned article's photos: 10, at any size."""
    section = Category.objects.create(name="Tin phường", order=1)
    pinned = make_article(category=section)
    make_photo(pinned)
    make_pin(pinned)
    make_notice()
    with django_assert_num_queries(10):
        reader.get("/")
    for _ in range(12):
        make_photo(make_article(category=section))
        make_notice()
    with django_assert_num_queries(10):
        html = reader.get("/").content.decode()
    assert len(block(html)) == 5
    assert lead(html) == pinned.title


def test_a_pin_saved_or_removed_drops_the_kept_home_page(
    reader, make_article, make_notice, make_pin, django_assert_num_queries
):
    make_article(title="Bài mới nhất")
    pinned = make_article(title="Bài được ghim", published_at=timezone.now() - timedelta(days=5))
    reader.get("/")
    with django_assert_num_queries(0):
        reader.get("/")  # kept
    pin = make_pin(pinned)
    assert lead(reader.get("/").content.decode()) == "Bài được ghim"
    pin.delete()
    assert lead(reader.get("/").content.decode()) == "Bài mới nhất"
