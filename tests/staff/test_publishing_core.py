"""A new content type gets the whole publishing workflow from the core: tests/example_content's SampleNotice
is a title, a body and a few lines of admin, and behaves as articles do."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from publishing.rules import MESSAGE_CANNOT_PUBLISH, MESSAGE_LOCKED
from tests.example_content.models import SampleNotice as Notice

from .people import APPROVERS, EDITORS, make_staff


def url(name, *args):
    return reverse(f"admin:example_content_samplenotice_{name}", args=args)


def notice_form(**fields):
    when = timezone.localtime(fields.pop("published_at", timezone.now()))
    return {
        "title": "Lịch tiêm chủng tháng 12",
        "body": "Trạm y tế phường tiêm chủng vào sáng thứ Bảy.",
        "status": Notice.Status.DRAFT,
        "published_at_0": when.strftime("%d/%m/%Y"),
        "published_at_1": when.strftime("%H:%M:%S"),
        **fields,
    }


@pytest.fixture
def notice_staff(db):
    """An editor and an approver of notices: the type's own permissions, as its migration would grant."""
    editor, approver = make_staff("bien-tap", EDITORS), make_staff("duyet-tin", APPROVERS)
    codenames = ["add_samplenotice", "change_samplenotice", "view_samplenotice"]
    editor.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    approver_codenames = [*codenames, "publish_samplenotice"]
    approver.user_permissions.add(*Permission.objects.filter(codename__in=approver_codenames))
    return editor, approver


def test_the_type_names_its_own_publish_permission():
    assert Notice.publish_permission() == "example_content.publish_samplenotice"


def test_an_editor_of_the_new_type_submits_but_cannot_publish(client, notice_staff):
    editor, _ = notice_staff
    client.force_login(editor)
    page = client.get(url("add")).content.decode()
    assert re.findall(r'<option value="(\w+)"', page) == ["draft", "review"]
    refused = client.post(url("add"), notice_form(status=Notice.Status.PUBLISHED))
    assert MESSAGE_CANNOT_PUBLISH in refused.content.decode()
    assert not Notice.objects.exists()
    assert client.post(url("add"), notice_form(status=Notice.Status.REVIEW)).status_code == 302
    assert Notice.objects.awaiting_review().count() == 1
    assert not Notice.objects.published().exists()


def test_the_approver_sees_it_waiting_and_schedules_it(client, notice_staff):
    _, approver = notice_staff
    Notice.objects.create(title="Cắt điện khu 3", status=Notice.Status.REVIEW)
    client.force_login(approver)
    front = client.get(reverse("admin:index")).content.decode()
    assert re.search(r'trang_thai=review">Thông báo mẫu chờ duyệt</a></th>\s*<td>1</td>', front)
    notice = Notice.objects.get()
    later = timezone.now() + timedelta(days=1)
    data = notice_form(title=notice.title, status=Notice.Status.PUBLISHED, published_at=later)
    response = client.post(url("change", notice.pk), data, follow=True)
    assert any("Đã hẹn giờ" in str(m) for m in response.context["messages"])
    assert list(Notice.objects.scheduled()) == [notice]
    assert Version.objects.get_for_object(notice).count() == 1


def test_an_approved_notice_is_locked_for_editors(client, notice_staff):
    editor, _ = notice_staff
    notice = Notice.objects.create(title="Đã duyệt", status=Notice.Status.PUBLISHED)
    client.force_login(editor)
    page = client.get(url("change", notice.pk))
    assert page.status_code == 200
    assert MESSAGE_LOCKED in page.content.decode()
    client.post(url("change", notice.pk), notice_form(title="Sửa lén"))
    notice.refresh_from_db()
    assert notice.title == "Đã duyệt"
