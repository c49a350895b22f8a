"""Staff set the ward's identity, main menu and footer links on one admin page ("Thông tin phường và
cổng"); bad input is refused in Vietnamese and changes nothing."""

import unicodedata

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from news.images import MESSAGE_BROKEN, MESSAGE_NOT_IMAGE
from ward import identity
from ward.links import MESSAGE_SCHEME, MESSAGE_SCRIPT
from ward.models import FooterLink, MenuEntry, WardSettings
from ward.phone import MESSAGE_PHONE

from .files import image_bytes, phone_photo

CHANGE = "/quan-tri/ward/wardsettings/1/change/"


@pytest.fixture(autouse=True)
def ward_row(db):
    """The row and its default menu, made again if a browser test's flush emptied the tables."""
    identity.current()


def form_data(**changes):
    """The page's form as it stands (every field, both lists), with the changes staff make."""
    site = WardSettings.objects.get(pk=1)
    data = {
        field: getattr(site, field)
        for field in (
            "name",
            "party",
            "address",
            "phone",
            "email",
            "opening_hours",
            "citizen_reception",
            "responsible",
            "licence",
        )
    }
    for prefix, rows in (
        ("menu_entries", site.menu_entries.all()),
        ("footer_links", site.footer_links.all()),
    ):
        rows = list(rows)
        data[f"{prefix}-TOTAL_FORMS"] = len(rows)
        data[f"{prefix}-INITIAL_FORMS"] = len(rows)
        data[f"{prefix}-MIN_NUM_FORMS"] = 0
        data[f"{prefix}-MAX_NUM_FORMS"] = 1000
        for n, row in enumerate(rows):
            data.update(
                {
                    f"{prefix}-{n}-id": row.pk,
                    f"{prefix}-{n}-site": 1,
                    f"{prefix}-{n}-label": row.label,
                    f"{prefix}-{n}-url": row.url,
                    f"{prefix}-{n}-order": row.order,
                }
            )
            if row.is_shown:
                data[f"{prefix}-{n}-is_shown"] = "on"
    data.update(changes)
    return data


def add_row(data, prefix, label, url, order=50):
    n = data[f"{prefix}-TOTAL_FORMS"]
    data[f"{prefix}-TOTAL_FORMS"] = n + 1
    data.update(
        {
            f"{prefix}-{n}-site": 1,
            f"{prefix}-{n}-label": label,
            f"{prefix}-{n}-url": url,
            f"{prefix}-{n}-order": order,
            f"{prefix}-{n}-is_shown": "on",
        }
    )
    return data


def snapshot():
    return (
        list(WardSettings.objects.values()),
        list(MenuEntry.objects.values()),
        list(FooterLink.objects.values()),
    )


def test_the_admin_list_opens_the_one_page_and_offers_no_add_or_delete(approver_client):
    response = approver_client.get("/quan-tri/ward/wardsettings/")
    assert response.status_code == 302 and response["Location"] == CHANGE
    html = approver_client.get(CHANGE).content.decode()
    assert "Trình đơn chính" in html and "Liên kết cuối trang" in html
    assert "Lịch tiếp công dân" in html
    assert approver_client.get("/quan-tri/ward/wardsettings/add/").status_code == 403
    assert approver_client.get("/quan-tri/ward/wardsettings/1/delete/").status_code == 403


def test_editors_cannot_change_what_every_page_says(editor_client):
    assert editor_client.get(CHANGE).status_code == 403


def test_staff_change_name_lines_menu_and_links_and_residents_see_them(approver_client, client):
    client.get("/")  # kept, with the first-run defaults
    data = form_data(
        name="Phường Bình Minh",
        responsible="Lê Văn Hải – Phó Bí thư Thường trực",
        licence="© Đảng ủy phường Bình Minh",
        phone="0243 888 999",
    )
    data["menu_entries-0-label"] = "Giới thiệu chung"
    add_row(data, "menu_entries", "Văn bản", "/van-ban/", order=6)
    add_row(data, "footer_links", "Cổng thành phố Hà Nội", "https://hanoi.gov.vn/")
    response = approver_client.post(CHANGE, data)
    assert response.status_code == 302, response.content.decode()
    html = client.get("/").content.decode()
    assert '<span class="brand-name">Đảng bộ phường Bình Minh</span>' in html
    assert ">Giới thiệu chung</a>" in html and '<a href="/van-ban/">Văn bản</a>' in html
    assert "Chịu trách nhiệm chính: Lê Văn Hải – Phó Bí thư Thường trực" in html
    assert "© Đảng ủy phường Bình Minh" in html
    assert '<a href="tel:0243888999">0243 888 999</a>' in html
    assert 'href="https://hanoi.gov.vn/" rel="noopener external">Cổng thành phố Hà Nội' in html


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("javascript:alert(document.cookie)", MESSAGE_SCRIPT),
        ("JavaScript:void(0)", MESSAGE_SCRIPT),
        ("java\tscript:alert(1)", "Địa chỉ không được chứa dấu cách"),
        ("data:text/html,<script>alert(1)</script>", MESSAGE_SCHEME),
        ("//evil.example.com/", MESSAGE_SCHEME),
        ("lien-he", MESSAGE_SCHEME),
        ("https://", "Địa chỉ trang web không hợp lệ"),
    ],
)
def test_addresses_that_run_code_or_go_nowhere_are_refused_in_vietnamese(approver_client, url, message):
    before = snapshot()
    data = add_row(form_data(), "menu_entries", "Mục lạ", url)
    data["footer_links-0-url"] = url
    response = approver_client.post(CHANGE, data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert snapshot() == before


def test_site_paths_and_web_addresses_are_accepted(approver_client):
    data = add_row(form_data(), "menu_entries", "Lịch công tác", "/lich-cong-tac/?tuan=48#nay", order=7)
    add_row(data, "footer_links", "Cổng Chính phủ", "http://chinhphu.vn/")
    assert approver_client.post(CHANGE, data).status_code == 302
    assert MenuEntry.objects.filter(url="/lich-cong-tac/?tuan=48#nay").exists()
    assert FooterLink.objects.filter(url="http://chinhphu.vn/").exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"phone": "gọi 024 3826"}, MESSAGE_PHONE),
        ({"phone": "12"}, MESSAGE_PHONE),
        ({"email": "vanphong@"}, "Nhập địa chỉ email."),
        ({"name": "Phường\x00 Hòa Bình"}, "Nội dung có ký tự không hợp lệ (ký tự NUL)."),
        ({"responsible": "A" * 5000}, "Giá trị này chỉ có tối đa 200 kí tự (hiện có 5000)"),
        ({"citizen_reception": "Lịch " * 1000}, "tối đa 2000 kí tự"),
        ({"name": ""}, "Trường này là bắt buộc."),
    ],
)
def test_bad_settings_are_refused_in_vietnamese_and_change_nothing(approver_client, changes, message):
    before = snapshot()
    response = approver_client.post(CHANGE, form_data(**changes))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert snapshot() == before


def test_typed_text_is_stored_as_nfc(approver_client):
    decomposed = unicodedata.normalize("NFD", "Phường Hòa Bình")  # as some phones' keyboards send it
    assert decomposed != "Phường Hòa Bình"
    assert approver_client.post(CHANGE, form_data(name=decomposed)).status_code == 302
    assert WardSettings.objects.get().name == "Phường Hòa Bình"


def test_an_uploaded_logo_is_re_encoded_without_its_metadata_and_shown(approver_client, client):
    logo = SimpleUploadedFile("logo.jpg", phone_photo((900, 900)), content_type="image/jpeg")
    assert approver_client.post(CHANGE, {**form_data(), "logo": logo}).status_code == 302
    site = WardSettings.objects.get()
    assert site.logo.name.startswith("ward/") and site.logo.name.endswith(".png")
    with Image.open(site.logo.path) as stored:
        assert stored.format == "PNG" and max(stored.size) == 512
        assert not stored.getexif()
    assert f'<img class="brand-logo" src="{site.logo.url}"' in client.get("/").content.decode()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("logo.png", b"not an image at all", MESSAGE_NOT_IMAGE),
        ("logo.jpg", image_bytes((400, 400))[:300], MESSAGE_BROKEN),
        (
            "logo.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            MESSAGE_NOT_IMAGE,
        ),
    ],
)
def test_a_logo_that_is_not_a_good_image_is_refused(approver_client, name, content, message):
    before = snapshot()
    upload = SimpleUploadedFile(name, content)
    response = approver_client.post(CHANGE, {**form_data(), "logo": upload})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert 'class="errorlist' in response.content.decode()
    assert snapshot() == before


def test_without_an_upload_the_neutral_default_logo_is_shown(client, db):
    identity.forget()
    assert '<img class="brand-logo" src="/static/img/ward-logo.svg"' in client.get("/").content.decode()
