"""The footer on every page, the 404 page included: the office's phone and email as links a phone can
follow, and the lines and links staff set (ward.models.WardSettings, FooterLink)."""

import re

from ward.models import FooterLink, WardSettings


def footer(html):
    return html[html.index('<footer class="site-footer">') :]


def test_an_international_number_dials_as_written_and_no_email_gives_no_mail_link(reader, db):
    site = WardSettings.objects.get(pk=1)
    site.phone = "+84 24 3999.8888"
    site.email = ""
    site.save()
    for address in ("/", "/khong-co-trang-nay/"):
        part = footer(reader.get(address).content.decode())
        assert '<p>Điện thoại: <a href="tel:+842439998888">+84 24 3999.8888</a></p>' in part
        assert "mailto:" not in part and "Thư điện tử" not in part


def test_a_link_inside_the_portal_opens_in_place_and_links_keep_their_order(reader, db):
    site = WardSettings.objects.get(pk=1)
    FooterLink.objects.all().delete()
    FooterLink.objects.create(site=site, label="Sơ đồ trang", url="/gioi-thieu/", order=2)
    FooterLink.objects.create(site=site, label="Cổng Dịch vụ công", url="https://dichvucong.gov.vn/", order=1)
    part = footer(reader.get("/khong-co-trang-nay/").content.decode())
    links = re.findall(r'<li><a href="([^"]*)"([^>]*)>([^<]*)', part)
    assert links == [
        ("https://dichvucong.gov.vn/", ' rel="noopener external"', "Cổng Dịch vụ công"),
        ("/gioi-thieu/", "", "Sơ đồ trang"),
    ]
