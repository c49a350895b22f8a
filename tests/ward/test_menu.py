"""The main menu and the footer: from the database, as staff set them, the current section marked."""

import re

import pytest

from ward import identity
from ward.models import FooterLink, MenuEntry, WardSettings

DEFAULT_MENU = [
    ("Giới thiệu", "/gioi-thieu/"),
    ("Tin tức", "/tin-tuc/"),
    ("Thông báo", "/thong-bao/"),
    ("Văn bản", "/van-ban/"),
    ("Lịch công tác", "/lich-cong-tac/"),
    ("Hỏi đáp", "/hoi-dap/"),
    ("Liên hệ", "/lien-he/"),
]
# A fresh install's menu once every migration has run, and a row made again from the defaults after a
# flush: the same (documents/0002 and schedule/0003 add their entries only where they are missing).
MIGRATED_MENU = DEFAULT_MENU


def menu_of(html):
    menu = re.search(r'<nav id="danh-muc" class="main-menu".*?</nav>', html, re.S).group(0)
    return re.findall(r'<a href="([^"]*)"([^>]*)>(.*?)</a>', menu)


def test_a_fresh_install_has_the_default_menu_in_the_database_and_the_header(reader, db):
    html = reader.get("/").content.decode()  # makes the row from the defaults if a flush removed it
    rows = MenuEntry.objects.order_by("order").values_list("label", "url", "is_shown")
    assert list(rows) == [(label, url, True) for label, url in MIGRATED_MENU]
    entries = [(url, label) for url, _, label in menu_of(html)]
    assert entries == [(url, label) for label, url in MIGRATED_MENU]
    assert FooterLink.objects.filter(url="https://dichvucong.gov.vn/").exists()


def test_a_missing_row_is_made_again_from_the_first_run_settings(reader, db, settings):
    WardSettings.objects.all().delete()
    identity.forget()
    settings.PORTAL_WARD_NAME = "Phường Thử Nghiệm"
    html = reader.get("/lien-he/").content.decode()
    assert "Phường Thử Nghiệm" in html
    assert WardSettings.objects.get().name == "Phường Thử Nghiệm"
    assert MenuEntry.objects.count() == len(DEFAULT_MENU)


@pytest.mark.parametrize(
    ("path", "current"),
    [
        ("/lien-he/", "Liên hệ"),
        ("/tin-tuc/", "Tin tức"),
        ("/tin-tuc/khong-co-bai-nay/", "Tin tức"),
        ("/", None),
    ],
)
def test_the_entry_of_the_current_section_is_marked(reader, ward_identity, path, current):
    html = reader.get(path).content.decode()
    marked = [label for _, attributes, label in menu_of(html) if 'aria-current="page"' in attributes]
    assert marked == ([current] if current else [])


def test_the_longest_matching_entry_wins_and_home_marks_only_itself(reader, db):
    site = WardSettings.objects.get(pk=1)
    MenuEntry.objects.create(site=site, label="Trang chủ", url="/", order=0)
    MenuEntry.objects.create(site=site, label="Tin ảnh", url="/tin-tuc/anh/", order=9)
    html = reader.get("/tin-tuc/anh/").content.decode()
    marked = [label for _, attributes, label in menu_of(html) if 'aria-current="page"' in attributes]
    assert marked == ["Tin ảnh"]
    html = reader.get("/").content.decode()
    marked = [label for _, attributes, label in menu_of(html) if 'aria-current="page"' in attributes]
    assert marked == ["Trang chủ"]


def test_order_hidden_and_external_entries_as_staff_set_them(reader, db):
    site = WardSettings.objects.get(pk=1)
    MenuEntry.objects.filter(url="/thong-bao/").update(is_shown=False)
    MenuEntry.objects.filter(url="/lien-he/").update(order=0)
    MenuEntry.objects.create(site=site, label="Dịch vụ công", url="https://dichvucong.gov.vn/", order=99)
    identity.forget()  # update() sends no signal; the admin's save does (test_identity_cache.py)
    entries = menu_of(reader.get("/").content.decode())
    labels = [re.sub(r"<.*", "", label) for url, _, label in entries]
    assert labels == [
        "Liên hệ",
        "Giới thiệu",
        "Tin tức",
        "Văn bản",
        "Lịch công tác",
        "Hỏi đáp",
        "Dịch vụ công",
    ]
    url, attributes, label = entries[-1]
    assert url == "https://dichvucong.gov.vn/"
    assert 'rel="noopener external"' in attributes
    assert '<span class="visually-hidden"> (trang ngoài)</span>' in label
    assert all("noopener" not in attributes for url, attributes, _ in entries if url.startswith("/"))


def test_the_phone_menu_opens_from_a_link_without_javascript_and_a_button_with_it(reader, ward_identity):
    html = reader.get("/").content.decode()
    assert '<a class="menu-toggle" href="#danh-muc" data-menu-link>' in html
    assert 'aria-expanded="false" aria-controls="danh-muc" data-menu-button hidden>' in html
    assert '<nav id="danh-muc" class="main-menu" aria-label="Danh mục chính">' in html


def test_footer_shows_the_lines_and_links_staff_set(reader, db):
    site = WardSettings.objects.get(pk=1)
    site.responsible = "Nguyễn Thị Lan – Phó Bí thư Thường trực"
    site.licence = "Giấy phép số 01/GP-TTĐT do Sở cấp ngày 02/01/2026"
    site.phone = "024 3999 8888"
    site.email = "lienhe@hoabinh.example.vn"
    site.save()
    FooterLink.objects.create(site=site, label="Cổng thành phố", url="https://hanoi.gov.vn/", order=0)
    FooterLink.objects.create(site=site, label="Ẩn đi", url="https://an.example.vn/", is_shown=False)
    html = reader.get("/").content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    assert "Chịu trách nhiệm chính: Nguyễn Thị Lan – Phó Bí thư Thường trực" in footer
    assert "Giấy phép số 01/GP-TTĐT do Sở cấp ngày 02/01/2026" in footer
    assert '<a href="tel:02439998888">024 3999 8888</a>' in footer
    assert '<a href="mailto:lienhe@hoabinh.example.vn">lienhe@hoabinh.example.vn</a>' in footer
    assert '<h2 id="lien-ket" class="footer-heading">Liên kết</h2>' in footer
    links = re.findall(r'<li><a href="([^"]*)"([^>]*)>([^<]*)', footer)
    assert links[0] == ("https://hanoi.gov.vn/", ' rel="noopener external"', "Cổng thành phố")
    assert "Ẩn đi" not in footer
