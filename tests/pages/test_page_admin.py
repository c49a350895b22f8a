"""Staff write Giới thiệu pages through the publishing core: drafts, review, the editor's lock,
versions, the tree's rules, people with their photos, in Vietnamese."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from pages.models import MESSAGE_LOOP, MESSAGE_TOO_DEEP, Page, Person
from publishing.rules import MESSAGE_CANNOT_PUBLISH, MESSAGE_LOCKED
from tests.staff.files import image_bytes

from .conftest import page_form

ADD = reverse("admin:pages_page_add")
LIST = reverse("admin:pages_page_changelist")


def change_url(page):
    return reverse("admin:pages_page_change", args=[page.pk])


def status_options(html):
    select = re.search(r'<select name="status".*?</select>', html, re.S).group(0)
    return re.findall(r'<option value="(\w+)"', select)


def photo_upload(name="anh.jpg", size=(800, 600)):
    return SimpleUploadedFile(name, image_bytes(size), content_type="image/jpeg")


def test_an_editor_writes_a_draft_with_a_photo_and_people(editor_client, editor):
    form = editor_client.get(ADD).content.decode()
    assert status_options(form) == ["draft", "review"]
    response = editor_client.post(
        ADD,
        page_form(
            title="Ban Chấp hành Đảng bộ",
            photos=[{"image": photo_upload(), "caption": "Đại hội Đảng bộ phường", "position": "1"}],
            people=[
                {"name": "Nguyễn Văn Thành", "position": "Bí thư", "order": "1", "phone": "0905 111 222"},
                {"name": "Phạm Thị Lan", "position": "Phó Bí thư", "order": "2", "photo": photo_upload()},
            ],
        ),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    page = Page.objects.get()
    assert (page.slug, page.status, page.created_by) == ("ban-chap-hanh-dang-bo", Page.Status.DRAFT, editor)
    assert page.photos.get().caption == "Đại hội Đảng bộ phường"
    assert [p.name for p in page.people.all()] == ["Nguyễn Văn Thành", "Phạm Thị Lan"]
    assert not Page.objects.public().exists()
    # Staff's choice: a contact is hidden until they tick "công khai".
    assert page.people.first().phone_public is False


def test_an_editor_cannot_publish_a_page(editor_client):
    response = editor_client.post(ADD, page_form(status=Page.Status.PUBLISHED))
    assert response.status_code == 200
    assert MESSAGE_CANNOT_PUBLISH in response.content.decode()
    assert not Page.objects.exists()


def test_the_approver_publishes_what_the_editor_sent_for_review(editor_client, editor, approver):
    assert (
        editor_client.post(ADD, page_form(title="Lịch sử phường", status=Page.Status.REVIEW)).status_code
        == 302
    )
    page = Page.objects.get()
    editor_client.force_login(approver)
    front = editor_client.get(reverse("admin:index")).content.decode()
    assert re.search(r'trang_thai=review">Trang giới thiệu chờ duyệt</a></th>\s*<td>1</td>', front)
    editor_client.post(LIST, {"action": "publish_selected", "_selected_action": [page.pk]})
    page.refresh_from_db()
    assert page.is_public
    editor_client.logout()
    assert editor_client.get(page.get_absolute_url()).status_code == 200


def test_an_editor_cannot_change_a_published_page_nor_its_people(editor_client, make_page, make_person):
    page = make_page(title="Ban Thường vụ")
    person = make_person(page, name="Nguyễn Văn Thành")
    form = editor_client.get(change_url(page)).content.decode()
    assert MESSAGE_LOCKED in form
    response = editor_client.post(
        change_url(page),
        page_form(
            title="Đã sửa",
            existing_people=[{"id": str(person.pk), "page": str(page.pk), "name": "Tên khác", "order": "0"}],
        ),
        follow=True,
    )
    assert MESSAGE_LOCKED in response.content.decode()
    page.refresh_from_db()
    person.refresh_from_db()
    assert (page.title, person.name) == ("Ban Thường vụ", "Nguyễn Văn Thành")


def test_a_page_cannot_be_put_under_itself_or_its_own_child(approver_client, make_page):
    top = make_page(title="Đảng bộ phường")
    child = make_page(title="Ban Chấp hành Đảng bộ", parent=top)
    grandchild = make_page(title="Ban Thường vụ", parent=child)
    for parent in (top, child, grandchild):
        response = approver_client.post(
            change_url(top), page_form(title=top.title, parent=str(parent.pk), status=Page.Status.PUBLISHED)
        )
        assert response.status_code == 200
        assert MESSAGE_LOOP in response.content.decode()
        top.refresh_from_db()
        assert top.parent_id is None


def test_pages_nest_at_most_five_levels(approver_client, make_page):
    parent = None
    for level in range(5):
        parent = make_page(title=f"Cấp {level + 1}", parent=parent)
    response = approver_client.post(ADD, page_form(title="Cấp 6", parent=str(parent.pk)))
    assert response.status_code == 200
    assert MESSAGE_TOO_DEEP in response.content.decode()
    assert not Page.objects.filter(title="Cấp 6").exists()


def test_a_broken_portrait_is_refused_and_nothing_is_saved(editor_client):
    broken = SimpleUploadedFile("anh.jpg", image_bytes()[:200], content_type="image/jpeg")
    response = editor_client.post(
        ADD, page_form(people=[{"name": "Phạm Thị Lan", "order": "0", "photo": broken}])
    )
    assert response.status_code == 200
    assert "Ảnh bị hỏng" in response.content.decode()
    assert not Page.objects.exists() and not Person.objects.exists()


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("title", "Lịch sử\x00 phường" + "x" * 5000, "Giá trị này chỉ có tối đa 255 kí tự"),
        ("title", "\u200b\u200b", "Trường này là bắt buộc."),
        ("parent", "999999", "Hãy chọn một lựa chọn hợp lệ."),
        ("order", "-1", "Đảm bảo giá trị này lớn hơn hoặc bằng với 0"),
    ],
)
def test_bad_input_gets_a_vietnamese_message_and_saves_nothing(approver_client, field, value, message):
    response = approver_client.post(ADD, page_form(**{field: value}))
    assert response.status_code == 200
    errors = re.findall(r'<ul class="errorlist[^>]*>(.*?)</ul>', response.content.decode(), re.S)
    assert any(message in error for error in errors), errors
    assert not Page.objects.exists()


def test_a_save_keeps_a_version_and_a_restore_brings_the_people_back(approver_client, approver):
    approver_client.post(
        ADD, page_form(title="Ban Thường vụ", people=[{"name": "Nguyễn Văn Thành", "order": "0"}])
    )
    page = Page.objects.get()
    person = page.people.get()
    changed = approver_client.post(
        change_url(page),
        page_form(
            title="Ban Thường vụ Đảng ủy",
            existing_people=[
                {
                    "id": str(person.pk),
                    "page": str(page.pk),
                    "name": "Nguyễn Văn Thành",
                    "order": "0",
                    "DELETE": "on",
                }
            ],
        ),
    )
    assert changed.status_code == 302
    assert not page.people.exists()
    history = approver_client.get(reverse("admin:pages_page_history", args=[page.pk])).content.decode()
    assert history.count('name="tu"') == 2  # two versions to compare
    # The newest is the page as it is; the one to restore is the first.
    (first,) = re.findall(r"/history/(\d+)/restore/", history)
    approver_client.post(reverse("admin:pages_page_restore", args=[page.pk, first]))
    page.refresh_from_db()
    assert page.title == "Ban Thường vụ"
    assert [p.name for p in page.people.all()] == ["Nguyễn Văn Thành"]


def test_the_admin_search_ignores_diacritics(approver_client, make_page):
    make_page(title="Lịch sử phường")
    make_page(title="Mặt trận và các đoàn thể")
    found = approver_client.get(LIST, {"q": "lich su"})
    assert [p.title for p in found.context["cl"].result_list] == ["Lịch sử phường"]


def test_restoring_a_version_that_would_close_a_loop_leaves_the_page_where_it_is(approver, make_page):
    """A page's old version may name as parent a page that has since moved below it."""
    from publishing import revisions

    first = make_page(title="Ban Tuyên giáo")
    second = make_page(title="Ban Dân vận", parent=first)
    revisions.record(second, approver, "Dưới Ban Tuyên giáo")
    second.parent = None
    second.save()
    first.parent = second
    first.save()
    old = revisions.versions_of(second).last()
    restored, _ = revisions.restore(old, approver)
    restored.refresh_from_db()
    first.refresh_from_db()
    assert restored.parent_id is None
    assert (first.parent_id, first.path) == (second.pk, "ban-dan-van/ban-tuyen-giao")
