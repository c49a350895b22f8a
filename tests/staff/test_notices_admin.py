"""Notices in the admin: the publishing core's rules, validity typed as dd/mm/yyyy HH:MM with an end
before the start refused in Vietnamese, files checked by their content; and the featured pin, which only
publishers may set, one at a time."""

import re
from datetime import datetime, timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone
from PIL import Image
from reversion.models import Version

from news.models import Article
from notices.attachments import MESSAGE_EMPTY, MESSAGE_KIND, MESSAGE_OFFICE
from notices.models import MESSAGE_ENDS_BEFORE_START, FeaturedPin, Notice, NoticeAttachment
from publishing.forms import MESSAGE_YEAR
from publishing.rules import MESSAGE_CANNOT_PUBLISH

from .files import image_bytes, phone_photo, stored_files, upload
from .people import make_staff

ADD = reverse("admin:notices_notice_add")
PIN_ADD = reverse("admin:notices_featuredpin_add")
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def local(day, hour=8, minute=0):
    return timezone.make_aware(datetime(*day, hour, minute))


def split(name, when):
    return (
        {f"{name}_0": when.strftime("%d/%m/%Y"), f"{name}_1": when.strftime("%H:%M")}
        if when
        else {
            f"{name}_0": "",
            f"{name}_1": "",
        }
    )


def notice_form(files=(), valid_from=None, valid_until=None, **fields):
    data = {
        "title": "Lịch tạm ngừng cấp điện khu phố 3",
        "slug": "",
        "status": Notice.Status.DRAFT,
        **split("published_at", timezone.localtime()),
        **split("valid_from", valid_from or local((2026, 12, 5), 7, 30)),
        **split("valid_until", valid_until),
        "body": "<p>Điện lực tạm ngừng cấp điện để bảo dưỡng trạm biến áp.</p>",
        "attachments-TOTAL_FORMS": str(len(files)),
        "attachments-INITIAL_FORMS": "0",
        "attachments-MIN_NUM_FORMS": "0",
        "attachments-MAX_NUM_FORMS": "1000",
    }
    data.update(fields)
    for index, (name, content, title) in enumerate(files):
        data[f"attachments-{index}-file"] = upload(name, content)
        data[f"attachments-{index}-title"] = title
        data[f"attachments-{index}-order"] = str(index)
    return data


def errors(response):
    return response.content.decode() if response.status_code == 200 else f"status {response.status_code}"


def test_the_groups_get_the_notices_permissions(db):
    def of_notices(group):
        permissions = Group.objects.get(name=group).permissions.filter(content_type__app_label="notices")
        return set(permissions.values_list("codename", flat=True))

    editors = of_notices("Biên tập viên")
    assert editors == {
        "add_notice",
        "change_notice",
        "view_notice",
        "add_noticeattachment",
        "change_noticeattachment",
        "delete_noticeattachment",
        "view_noticeattachment",
    }
    assert of_notices("Duyệt tin") == editors | {"publish_notice", "delete_notice"}


def test_an_editor_writes_a_notice_for_review_but_cannot_publish_it(editor_client):
    refused = editor_client.post(ADD, notice_form(status=Notice.Status.PUBLISHED))
    assert MESSAGE_CANNOT_PUBLISH in errors(refused)
    assert not Notice.objects.exists()
    sent = editor_client.post(ADD, notice_form(status=Notice.Status.REVIEW))
    assert sent.status_code == 302, errors(sent)
    notice = Notice.objects.get()
    assert notice.status == Notice.Status.REVIEW
    assert notice.slug == "lich-tam-ngung-cap-dien-khu-pho-3"
    front = editor_client.get(reverse("admin:index")).content.decode()
    assert "Thông báo chờ duyệt" in front


def test_an_approver_publishes_with_the_validity_typed_dd_mm_yyyy_hh_mm(approver_client):
    start, end = local((2026, 12, 5), 7, 30), local((2026, 12, 5), 16, 30)
    response = approver_client.post(
        ADD, notice_form(status=Notice.Status.PUBLISHED, valid_from=start, valid_until=end)
    )
    assert response.status_code == 302, errors(response)
    notice = Notice.objects.get()
    assert (notice.valid_from, notice.valid_until) == (start, end)
    form = approver_client.get(reverse("admin:notices_notice_change", args=[notice.pk])).content.decode()
    assert 'name="valid_from_0" value="05/12/2026"' in form
    assert 'name="valid_from_1" value="07:30"' in form
    assert 'name="valid_until_1" value="16:30"' in form
    listed = approver_client.get(reverse("admin:notices_notice_changelist")).content.decode()
    assert "05/12/2026 07:30 – 05/12/2026 16:30" in listed


@pytest.mark.parametrize("minutes", [0, -90], ids=["end equals start", "end before start"])
def test_an_end_not_after_the_start_is_refused_in_vietnamese(approver_client, minutes):
    start = local((2026, 12, 5), 7, 30)
    response = approver_client.post(
        ADD, notice_form(valid_from=start, valid_until=start + timedelta(minutes=minutes))
    )
    assert MESSAGE_ENDS_BEFORE_START in errors(response)
    assert not Notice.objects.exists()


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ({"valid_from_0": "31/02/2026"}, "Nhập một ngày hợp lệ."),
        ({"valid_until_0": "05/12/2206", "valid_until_1": "08:00"}, MESSAGE_YEAR),
        ({"valid_from_1": "25:00"}, "Nhập một thời gian hợp lệ."),
    ],
    ids=["31 February", "year 2206", "hour 25"],
)
def test_impossible_dates_are_refused_in_vietnamese(approver_client, typed, message):
    response = approver_client.post(ADD, {**notice_form(), **typed})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Notice.objects.exists()


def test_a_pdf_and_a_phone_photo_are_attached(approver_client, media_root):
    files = [("lich-cat-dien.pdf", PDF, "Lịch cắt điện chi tiết"), ("anh", phone_photo(), "Sơ đồ khu vực")]
    response = approver_client.post(ADD, notice_form(files=files))
    assert response.status_code == 302, errors(response)
    pdf, photo = NoticeAttachment.objects.order_by("order")
    assert (pdf.kind, photo.kind) == ("pdf", "image")
    assert (media_root / pdf.file.name).read_bytes() == PDF
    # Stored under random names; the photo re-encoded upright, without its EXIF (GPS included).
    assert "lich-cat-dien" not in pdf.file.name and pdf.file.name.endswith(".pdf")
    with Image.open(media_root / photo.file.name) as stored:
        assert stored.size == (600, 800)
        assert not stored.getexif()
    assert pdf.description() == "PDF, 1 KB"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bien-ban.docx", b"PK\x03\x04" + b"\x00" * 200, MESSAGE_OFFICE),
        ("bang-tinh.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 200, MESSAGE_OFFICE),
        ("thong-bao.pdf", b"<html><script>alert(1)</script></html>", MESSAGE_KIND),
        ("cat-ngang.pdf", PDF[:40], MESSAGE_EMPTY),
        ("anh.jpg", image_bytes()[:400], "Ảnh bị hỏng"),
    ],
    ids=["docx", "xls", "html named pdf", "truncated pdf", "broken jpeg"],
)
def test_other_files_are_refused_and_nothing_is_stored(approver_client, media_root, name, content, message):
    response = approver_client.post(ADD, notice_form(files=[(name, content, "Tệp đính kèm")]))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Notice.objects.exists()
    assert stored_files(media_root) == []


# --- the featured pin -------------------------------------------------------------------------------
def pin_form(article=None, notice=None, starts=None, hours=24):
    starts = starts or timezone.localtime()
    return {
        "article": article.pk if article else "",
        "notice": notice.pk if notice else "",
        **split("starts_at", starts),
        **split("ends_at", starts + timedelta(hours=hours)),
    }


@pytest.fixture
def article(make_article):
    return make_article(title="Đại hội Đảng bộ phường nhiệm kỳ mới")


def test_an_approver_pins_an_article(approver_client, approver, article):
    response = approver_client.post(PIN_ADD, pin_form(article=article))
    assert response.status_code == 302, errors(response)
    pin = FeaturedPin.objects.get()
    assert (pin.article, pin.created_by) == (article, approver)
    listed = approver_client.get(reverse("admin:notices_featuredpin_changelist")).content.decode()
    assert "Đại hội Đảng bộ phường nhiệm kỳ mới" in listed and "Bài viết" in listed


def test_an_editor_may_not_pin(editor_client, article):
    assert editor_client.get(PIN_ADD).status_code == 403
    assert editor_client.post(PIN_ADD, pin_form(article=article)).status_code == 403
    assert not FeaturedPin.objects.exists()
    assert "Tin nổi bật" not in editor_client.get(reverse("admin:index")).content.decode()


def test_a_publisher_of_articles_only_may_not_pin_a_notice(client, article, make_article):
    user = make_staff("chi-duyet-bai", "Biên tập viên")
    user.user_permissions.add(Permission.objects.get(codename="publish_article"))
    client.force_login(user)
    notice = Notice.objects.create(title="Họp dân tổ 5", status=Notice.Status.PUBLISHED)
    refused = client.post(PIN_ADD, pin_form(notice=notice))
    assert "Chỉ người duyệt thông báo mới được đặt một thông báo làm tin nổi bật." in errors(refused)
    assert client.post(PIN_ADD, pin_form(article=article)).status_code == 302
    assert FeaturedPin.objects.get().article == article


def test_one_item_exactly(approver_client, article):
    notice = Notice.objects.create(title="Họp dân tổ 5", status=Notice.Status.PUBLISHED)
    for data in (pin_form(), pin_form(article=article, notice=notice)):
        response = approver_client.post(PIN_ADD, data)
        assert "Xin chọn một bài viết hoặc một thông báo (chỉ một trong hai)." in errors(response)
    assert not FeaturedPin.objects.exists()


def test_overlapping_pins_are_refused_in_vietnamese(approver_client, article, make_article):
    other = make_article(title="Ngày hội đại đoàn kết")
    start = local((2026, 12, 10), 8)
    assert approver_client.post(PIN_ADD, pin_form(article=article, starts=start, hours=48)).status_code == 302
    overlapping = approver_client.post(PIN_ADD, pin_form(article=other, starts=start + timedelta(hours=47)))
    html = errors(overlapping)
    assert "Đã có tin nổi bật “Đại hội Đảng bộ phường nhiệm kỳ mới” từ 08:00 ngày 10/12/2026" in html
    assert "Mỗi lúc chỉ có một tin nổi bật" in html
    # Back to back is no overlap.
    after = approver_client.post(PIN_ADD, pin_form(article=other, starts=start + timedelta(hours=48)))
    assert after.status_code == 302, errors(after)
    assert FeaturedPin.objects.count() == 2


def test_an_end_before_the_start_of_a_pin_is_refused(approver_client, article):
    response = approver_client.post(PIN_ADD, pin_form(article=article, hours=-1))
    assert "Thời điểm kết thúc phải sau thời điểm bắt đầu." in errors(response)
    assert not FeaturedPin.objects.exists()


def test_pinning_a_draft_warns_that_residents_see_nothing_yet(approver_client, make_article):
    draft = make_article(title="Bài còn nháp", status=Article.Status.DRAFT)
    response = approver_client.post(PIN_ADD, pin_form(article=draft), follow=True)
    assert "“Bài còn nháp” chưa hiện trên trang" in response.content.decode()
    assert FeaturedPin.objects.get().article == draft


def test_the_pin_form_asks_for_times_as_dd_mm_yyyy_hh_mm(approver_client, article):
    approver_client.post(PIN_ADD, pin_form(article=article, starts=local((2026, 12, 10), 8, 15)))
    pin = FeaturedPin.objects.get()
    form = approver_client.get(reverse("admin:notices_featuredpin_change", args=[pin.pk])).content.decode()
    assert re.search(r'name="starts_at_0" value="10/12/2026"', form)
    assert 'name="starts_at_1" value="08:15"' in form


def test_staff_find_notices_without_typing_accents(approver_client, make_notice):
    make_notice(title="Lịch cắt điện khu phố 3")
    make_notice(title="Họp dân tổ 5")
    listed = approver_client.get(
        reverse("admin:notices_notice_changelist"), {"q": "cat dien"}
    ).content.decode()
    assert "Lịch cắt điện khu phố 3" in listed
    assert "Họp dân tổ 5" not in listed


def test_a_removed_file_leaves_the_site_and_a_restore_brings_it_back(
    approver_client, media_root, django_capture_on_commit_callbacks
):
    files = [("lich.pdf", PDF, "Lịch cắt điện chi tiết")]
    assert (
        approver_client.post(ADD, notice_form(files=files, status=Notice.Status.PUBLISHED)).status_code == 302
    )
    notice, attachment = Notice.objects.get(), NoticeAttachment.objects.get()
    stored = media_root / attachment.file.name
    change = reverse("admin:notices_notice_change", args=[notice.pk])
    data = notice_form(
        status=Notice.Status.PUBLISHED, **split("published_at", timezone.localtime(notice.published_at))
    )
    data |= {
        "attachments-TOTAL_FORMS": "1",
        "attachments-INITIAL_FORMS": "1",
        "attachments-0-id": str(attachment.pk),
        "attachments-0-notice": str(notice.pk),
        "attachments-0-title": attachment.title,
        "attachments-0-order": "0",
        "attachments-0-DELETE": "on",
    }
    with django_capture_on_commit_callbacks(execute=True):
        removed = approver_client.post(change, data)
    assert removed.status_code == 302, errors(removed)
    assert not NoticeAttachment.objects.exists()
    assert not stored.exists()
    first = Version.objects.get_for_object(notice).order_by("pk").first()
    restore = reverse("admin:notices_notice_restore", args=[notice.pk, first.pk])
    with django_capture_on_commit_callbacks(execute=True):
        assert approver_client.post(restore).status_code == 302
    assert NoticeAttachment.objects.get().file.name == attachment.file.name
    assert stored.read_bytes() == PDF
    assert "Lịch cắt điện chi tiết" in approver_client.get(notice.get_absolute_url()).content.decode()
