"""Liên hệ (/lien-he/): what staff set, as residents reach it from a phone."""

from news import page_cache
from ward import identity
from ward.models import WardSettings


def set_contact(**fields):
    row = WardSettings.objects.get(pk=1)
    for name, value in fields.items():
        setattr(row, name, value)
    row.save()
    return row


def test_contact_page_links_phone_and_email_and_shows_hours_and_reception(reader, ward_identity):
    set_contact(
        address="Số 12 phố Hòa Bình, phường Hòa Bình",
        phone="(024) 3826.1234",
        email="vanphong@hoabinh.example.vn",
        opening_hours="Thứ Hai – Thứ Sáu: 7 giờ 30 – 17 giờ\nSáng Thứ Bảy: 8 giờ – 11 giờ",
        citizen_reception="Bí thư tiếp công dân sáng Thứ Năm đầu tháng.",
    )
    response = reader.get("/lien-he/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<h1 class="page-title">Liên hệ</h1>' in html
    assert "Số 12 phố Hòa Bình, phường Hòa Bình" in html
    assert '<a href="tel:02438261234">(024) 3826.1234</a>' in html
    assert '<a href="mailto:vanphong@hoabinh.example.vn">vanphong@hoabinh.example.vn</a>' in html
    assert '<h2 id="gio-lam-viec">Giờ làm việc</h2>' in html
    assert "Thứ Hai – Thứ Sáu: 7 giờ 30 – 17 giờ<br>Sáng Thứ Bảy: 8 giờ – 11 giờ" in html
    assert '<h2 id="tiep-cong-dan">Lịch tiếp công dân</h2>' in html
    assert "Bí thư tiếp công dân sáng Thứ Năm đầu tháng." in html
    assert 'rel="canonical" href="http://testserver/lien-he/"' in html
    assert '<meta property="og:title" content="Liên hệ – Phường Hòa Bình">' in html


def test_what_staff_type_is_shown_as_text_never_as_markup(reader, ward_identity):
    set_contact(citizen_reception='Thứ Ba <script>alert("x")</script> hằng tuần')
    html = reader.get("/lien-he/").content.decode()
    assert "<script>alert" not in html
    assert "Thứ Ba &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; hằng tuần" in html


def test_empty_sections_are_left_out(reader, ward_identity):
    set_contact(opening_hours="", citizen_reception="", email="")
    html = reader.get("/lien-he/").content.decode()
    assert "Giờ làm việc" not in html
    assert "Lịch tiếp công dân" not in html
    assert "mailto:" not in html


def test_contact_page_is_kept_and_a_save_of_the_settings_drops_it(
    reader, ward_identity, django_assert_num_queries
):
    set_contact(phone="024 1111 2222")
    identity.current()  # read again after the save, once (tests/ward/test_identity_cache.py)
    with django_assert_num_queries(1):  # the section strip's sections; the identity is cached
        assert "024 1111 2222" in reader.get("/lien-he/").content.decode()
    with django_assert_num_queries(0):  # the kept page
        assert "024 1111 2222" in reader.get("/lien-he/").content.decode()
    set_contact(phone="024 3333 4444")
    html = reader.get("/lien-he/").content.decode()
    assert "024 3333 4444" in html and "024 1111 2222" not in html


def test_contact_page_is_in_the_sitemap_and_prints_without_menus(reader, db):
    assert "http://testserver/lien-he/" in reader.get("/sitemap.xml").content.decode()
    page_cache.forget_all()
    html = reader.get("/lien-he/").content.decode()
    assert 'href="/static/css/print.css" media="print"' in html
    assert '<button type="button" data-print disabled>In trang này</button>' in html


def test_demo_fills_only_empty_contact_fields_once(reader, db):
    from ward import demo

    set_contact(opening_hours="Giờ riêng của phường", citizen_reception="", responsible="")
    assert demo.load() == 2
    assert demo.load() == 0
    row = WardSettings.objects.get(pk=1)
    assert row.opening_hours == "Giờ riêng của phường"
    assert row.citizen_reception.startswith("Bí thư Đảng ủy tiếp công dân")
    assert "Lịch tiếp công dân" in reader.get("/lien-he/").content.decode()
