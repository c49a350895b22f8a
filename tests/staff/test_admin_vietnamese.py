"""The admin reads as ward staff write Vietnamese: no English left, none of Django's odd Vietnamese.

Django 5.2's catalogue says "Thêm vào bài viết" for "Add article", "Bản ghi nhớ" (a memo) for History,
"7 ngày trước" (seven days ago) for "Past 7 days"; its newer strings (the user's password options, the
theme toggle) and django-ckeditor's image browser were English. locale/vi/ and
templates/ckeditor/browse.html say them again; CKEditor's labels come with js/editor-vi.js.
"""

import json

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.urls import reverse


def page(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def assert_reads(html, vietnamese, english):
    for text in vietnamese:
        assert text in html, text
    for text in english:
        assert text not in html, text


def test_the_editors_format_list_is_named_in_vietnamese_in_its_config():
    """CKEditor's vi.js says "Heading 2" and "Bình thường (P)"; js/editor-vi.js uses these names."""
    config = settings.CKEDITOR_CONFIGS["default"]
    names = {tag: config[f"format_{tag}"]["name"] for tag in config["format_tags"].split(";")}
    assert names == {"p": "Đoạn văn", "h2": "Tiêu đề 2", "h3": "Tiêu đề 3", "h4": "Tiêu đề 4"}
    assert all(config[f"format_{tag}"]["element"] == tag for tag in names)
    assert config["entities"] is False


def test_the_article_form_carries_the_vietnamese_editor_and_its_labels(editor_client):
    html = page(editor_client, reverse("admin:news_article_add"))
    assert_reads(
        html,
        ["Thêm bài viết"],
        ["Thêm vào bài viết", "Skip to main content", "Toggle theme"],
    )
    # The photo rows' add link, in the inline's data (JSON): Django's Vietnamese said "Thêm một Ảnh ".
    assert json.dumps("Thêm Ảnh").strip('"') in html
    assert json.dumps("Thêm một").strip('"') not in html
    # The labels need CKEDITOR, so they load after ckeditor.js.
    assert html.index("ckeditor/ckeditor/ckeditor.js") < html.index("js/editor-vi.js")
    config = json.loads(html.split('data-config="', 1)[1].split('"', 1)[0].replace("&quot;", '"'))
    assert config["format_h2"]["name"] == "Tiêu đề 2"
    assert config["language"] == "vi"


def test_the_article_list_and_its_actions_read_vietnamese(approver_client, make_article):
    make_article()
    html = page(approver_client, reverse("admin:news_article_changelist"))
    assert_reads(
        html,
        ["Thêm bài viết", "Thao tác:", "Thực hiện", "Đã chọn 0 trên 1", "7 ngày qua", "Theo trạng thái"],
        ["Thêm vào bài viết", "Hoạt động:", "Đi đến", "0 của 1", "7 ngày trước", "Bởi trạng thái"],
    )


def test_an_articles_history_and_delete_pages_read_vietnamese(admin_client, make_article):
    article = make_article()
    change = page(admin_client, reverse("admin:news_article_change", args=[article.pk]))
    history = page(admin_client, reverse("admin:news_article_history", args=[article.pk]))
    delete = page(admin_client, reverse("admin:news_article_delete", args=[article.pk]))
    assert "Lịch sử" in change
    assert "Bản ghi nhớ" not in change + history
    assert "Bài này chưa có bản lưu nào" in history
    assert_reads(
        delete,
        ["Bạn có chắc muốn xóa bài viết “", "Số mục sẽ bị xóa", "Không, quay lại"],
        ["?Tất cả", "Đối tượng", "đưa tôi trở lại"],
    )


def test_the_admin_front_page_reads_vietnamese(admin_client):
    html = page(admin_client, reverse("admin:index"))
    assert_reads(
        html,
        ["Tài khoản và phân quyền", "Liên kết sửa hoặc xem danh sách", "Bỏ qua, tới nội dung chính"],
        ["Xác thực và ủy quyền", "Model name", "Change or view list link", "Skip to main content"],
    )


def test_the_user_change_page_reads_vietnamese(admin_client, admin_user):
    html = page(admin_client, reverse("admin:auth_user_change", args=[admin_user.pk]))
    assert_reads(
        html,
        [
            "Đặt lại mật khẩu",
            "Quyền vào trang quản trị",
            "Toàn quyền",
            "Đang hoạt động",
            "Quyền riêng",
            "Tin tức | chuyên mục | Sửa chuyên mục",
        ],
        [
            "Reset password",
            "Raw passwords",
            "Trạng thái superuser",
            "Tình trạng nhân viên",
            "Bản ghi nhớ",
            "Các nhóm:",
            "Can view",
            "quyền của người sử dụng",
        ],
    )


def test_adding_a_user_and_setting_a_password_read_vietnamese(admin_client, admin_user):
    add = page(admin_client, reverse("admin:auth_user_add"))
    password = page(admin_client, reverse("admin:auth_user_password_change", args=[admin_user.pk]))
    for html in (add, password):
        assert_reads(
            html,
            ["Đăng nhập bằng mật khẩu", "Cho phép", "Không cho phép"],
            ["Password-based authentication", "Enabled", "Disabled", "Single Sign-On or LDAP"],
        )
    assert "Sau khi tạo tài khoản, bạn sẽ điền được các thông tin khác" in add
    assert "After you’ve created a user" not in add
    assert "Thêm vào người dùng" not in add


@pytest.mark.django_db
def test_the_group_page_reads_vietnamese(admin_client):
    group = Group.objects.create(name="Văn phòng")
    html = page(admin_client, reverse("admin:auth_group_change", args=[group.pk]))
    assert_reads(html, ["Thay đổi nhóm", "Lịch sử"], ["Thay đổi Nhóm", "Các nhóm", "cho phép |"])
    assert "Tin tức | bài viết | Thêm bài viết" in html
    assert "Tin tức | bài viết | Có thể xuất bản, gỡ và hẹn giờ bài viết" in html
    assert "Tài khoản và phân quyền | nhóm | Xem nhóm" in html
    assert "Can add" not in html
    assert "tổng lượt xem" not in html  # the counter's own table: nothing to give anyone
    listing = page(admin_client, reverse("admin:auth_group_changelist"))
    assert_reads(listing, ["Thêm nhóm", "Xóa các nhóm đã chọn"], ["Xóa các Các nhóm", "Thêm vào"])


def test_the_two_box_chooser_of_the_user_and_group_pages_reads_vietnamese(admin_client):
    """Its words come from the admin's JavaScript catalogue: "Choose selected Các nhóm" before."""
    script = page(admin_client, reverse("admin:jsi18n"))
    for english, vietnamese in {
        "Choose selected %s": "Chọn %s đã đánh dấu",
        "Remove selected %s": "Bỏ %s đã đánh dấu",
        "Available %s": "Danh sách %s có thể chọn",
        "Hide": "Ẩn",
    }.items():
        assert f"{json.dumps(english)}: {json.dumps(vietnamese)}" in script, english
    assert json.dumps("Đã chọn %(sel)s trên %(cnt)s") in script


def test_the_editors_image_browser_reads_vietnamese(editor_client, media_root):
    html = page(editor_client, "/ckeditor/browse/?CKEditor=id_body&CKEditorFuncNum=1&langCode=vi")
    assert_reads(
        html,
        ['<html lang="vi">', "<title>Chọn ảnh đã tải lên</title>", "Chưa có ảnh nào được tải lên", "Tìm"],
        ["Embed Image", "Search files", "No images found", "CKEditor |", "Play Slideshow", "Next Photo"],
    )


def test_the_image_browser_names_its_button_in_vietnamese_when_there_are_images(editor_client, media_root):
    from tests.staff.files import image_bytes

    folder = media_root / "uploads" / "2026" / "12"
    folder.mkdir(parents=True)
    (folder / "0f3c9a7e2b8d4c1fa6e5d3b2c1a09f8e.jpg").write_bytes(image_bytes())
    html = page(editor_client, "/ckeditor/browse/?CKEditor=id_body&CKEditorFuncNum=1&langCode=vi")
    assert_reads(html, ['value="Chèn ảnh này vào bài"', "rồi bấm “Chèn ảnh này vào bài”"], ["Embed Image"])
