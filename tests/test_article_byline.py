"""The line at an article's end: who wrote it and where it comes from (Tác giả, Nguồn)."""

import re


def byline(html):
    line = re.search(r'<p class="byline">(.*?)</p>', html, re.S).group(1)
    return re.sub(r"<[^>]+>", "", line)


def test_author_and_source_close_the_article_after_its_body(reader, make_article, ward_identity):
    article = make_article(body="<p>Đoạn cuối của bài.</p>", author="Nguyễn Thu Hà", source="Báo Nhân Dân")
    html = reader.get(article.get_absolute_url()).content.decode()
    assert byline(html) == "Tác giả: Nguyễn Thu Hà · Nguồn: Báo Nhân Dân"
    assert html.index("Đoạn cuối của bài.") < html.index('class="byline"') < html.index("</article>")


def test_without_a_source_the_article_is_the_wards_own(reader, make_article, ward_identity):
    party = ward_identity.party  # its Đảng ủy, as the header's small line names it
    assert party
    html = reader.get(make_article().get_absolute_url()).content.decode()
    assert byline(html) == f"Nguồn: {party}"
    html = reader.get(make_article(author="Trần Văn Bình").get_absolute_url()).content.decode()
    assert byline(html) == f"Tác giả: Trần Văn Bình · Nguồn: {party}"


def test_author_and_source_are_escaped(reader, make_article, ward_identity):
    article = make_article(author="<b>Bình</b>", source='Báo "A" & <script>alert(1)</script>')
    html = reader.get(article.get_absolute_url()).content.decode()
    line = re.search(r'<p class="byline">(.*?)</p>', html, re.S).group(1)
    assert "<script>" not in line and "<b>" not in line
    assert "&lt;b&gt;Bình&lt;/b&gt;" in line


def test_author_and_source_are_stored_in_nfc_on_one_line(make_article):
    article = make_article(author="  Nguye\u0302\u0303n \u200bThu\n  Hà ", source="Ba\u0301o\tNhân Dân\r\n")
    article.refresh_from_db()
    assert article.author == "Nguyễn Thu Hà"
    assert article.source == "Báo Nhân Dân"
