"""The article page, shown the way the ward's real reports are."""

import re
from datetime import UTC, datetime, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from news.models import Article
from news.view_log import set_total

BODY = "".join(f"<p>Đoạn văn thứ {n}.</p>" for n in range(1, 6))


def test_page_shows_ward_title_meta_line_paragraphs_and_captioned_photos(reader, make_article, make_photo):
    article = make_article(
        title="Hội nghị chuyên đề về công tác dân vận",
        body=BODY,
        # 01:45 UTC is 08:45 in Hà Nội.
        published_at=datetime(2023, 9, 9, 1, 45, tzinfo=UTC),
    )
    set_total(article.pk, 59)
    make_photo(article, caption="Đồng chí Phó Bí thư phát biểu", position=2, order=0)
    make_photo(article, caption="Đồng chí Bí thư kết luận hội nghị", position=3, order=1)

    html = reader.get(article.get_absolute_url()).content.decode()

    assert '<html lang="vi">' in html
    assert "Đảng bộ phường Hòa Bình" in html
    assert '<h1 class="article-title">Hội nghị chuyên đề về công tác dân vận</h1>' in html
    assert "Ngày đăng 09/09/2023 | 08:45 | Lượt xem: 60" in re.sub(r"<[^>]+>", "", html)
    assert 'Ngày đăng <time datetime="2023-09-09T08:45:00+07:00">09/09/2023</time>' in html
    # Each photo is a figure with its caption under it, after the paragraph staff chose.
    order = re.findall(r"Đoạn văn thứ \d|<figure|<figcaption>[^<]+", html)
    assert order == [
        "Đoạn văn thứ 1",
        "Đoạn văn thứ 2",
        "<figure",
        "<figcaption>Đồng chí Phó Bí thư phát biểu",
        "Đoạn văn thứ 3",
        "<figure",
        "<figcaption>Đồng chí Bí thư kết luận hội nghị",
        "Đoạn văn thứ 4",
        "Đoạn văn thứ 5",
    ]
    # Each photo is named by its caption, once: the alt does not repeat it.
    assert 'alt="Đồng chí Phó Bí thư phát biểu"' not in html


def test_photo_without_position_goes_after_the_last_paragraph(reader, make_article, make_photo):
    article = make_article(body=BODY)
    make_photo(article, caption="Ảnh cuối bài")
    html = reader.get(article.get_absolute_url()).content.decode()
    assert html.index("Đoạn văn thứ 5") < html.index("<figcaption>Ảnh cuối bài")


def test_text_outside_paragraphs_keeps_its_order_and_its_sentences(reader, make_article, make_photo):
    """A body of plain text (an import) or Word's leftovers between paragraphs: "&amp;" moved to the
    end of the body and a bold word split its sentence into three paragraphs."""
    article = make_article(
        body="Đảng ủy &amp; HĐND phường họp.<br>Đồng chí <b>Bí thư</b> phát biểu.<p>Đoạn cuối.</p>"
    )
    make_photo(article, caption="Ảnh sau đoạn 2", position=2)
    html = reader.get(article.get_absolute_url()).content.decode()
    order = re.findall(r"<p>[^\n]*?</p>|<figcaption>[^<]+", html.split("</article>")[0])
    assert order == [
        "<p>Đảng ủy &amp; HĐND phường họp.</p>",
        "<p>Đồng chí <b>Bí thư</b> phát biểu.</p>",
        "<figcaption>Ảnh sau đoạn 2",
        "<p>Đoạn cuối.</p>",
    ]


def test_blank_lines_are_not_paragraphs_photos_are_placed_after(reader, make_article, make_photo):
    """Enter pressed twice in CKEditor, or Word's empty paragraphs, leave <p>&nbsp;</p>: "after paragraph
    2" put the photo after the blank line under paragraph 1, and the page showed the blank lines as gaps."""
    article = make_article(
        body="<p>Đoạn văn thứ 1.</p><p>&nbsp;</p><p>Đoạn văn thứ 2.</p><p><br></p>"
        "<h3> </h3><p><strong>&nbsp;</strong></p><p>Đoạn văn thứ 3.</p>"
    )
    make_photo(article, caption="Ảnh sau đoạn 2", position=2)
    html = reader.get(article.get_absolute_url()).content.decode()
    order = re.findall(r"Đoạn văn thứ \d|<figcaption>[^<]+", html)
    assert order == ["Đoạn văn thứ 1", "Đoạn văn thứ 2", "<figcaption>Ảnh sau đoạn 2", "Đoạn văn thứ 3"]
    for blank in ("<p>&nbsp;</p>", "<p><br></p>", "<h3> </h3>", "<strong>&nbsp;</strong>"):
        assert blank not in html


def test_drafts_and_scheduled_articles_are_not_found(reader, make_article):
    draft = make_article(status=Article.Status.DRAFT)
    scheduled = make_article(published_at=timezone.now() + timedelta(hours=1))
    for article in (draft, scheduled):
        response = reader.get(article.get_absolute_url())
        assert response.status_code == 404
        assert "Không tìm thấy trang" in response.content.decode()


def test_staff_preview_a_draft_with_a_banner_and_it_does_not_count(staff_client, make_article):
    draft = make_article(status=Article.Status.DRAFT)
    response = staff_client.get(draft.get_absolute_url())
    assert response.status_code == 200
    assert "Bản xem trước" in response.content.decode()
    draft.refresh_from_db()
    assert draft.view_count == 0


def test_unknown_or_malformed_addresses_answer_a_vietnamese_404(reader, db):
    for path in ("/tin-tuc/khong-co/", "/tin-tuc/Hội-nghị/", "/tin-tuc/%00/", "/tin-tuc/a%20b/"):
        response = reader.get(path)
        assert response.status_code == 404, path
        html = response.content.decode()
        assert "Không tìm thấy trang" in html
        assert 'lang="vi"' in html
        assert 'href="/"' in html


def test_server_error_page_is_vietnamese_and_needs_no_database(client):
    from news.views import server_error

    response = server_error(None)
    assert response.status_code == 500
    html = response.content.decode()
    assert "Hệ thống đang gặp sự cố" in html
    assert "Đảng bộ phường Hòa Bình" in html


def test_detail_page_queries_do_not_grow_with_photos_or_articles(
    reader, make_article, make_photo, category, django_assert_num_queries, ward_identity
):
    """Article, photos, the view (the lifetime count and the day's row, in a transaction: 4 statements
    here), the menu's sections, related, and the published articles' timeline for previous and next
    (news.related): 9, always."""
    article = make_article(body=BODY, category=category)
    make_photo(article)
    make_article(category=category)
    with django_assert_num_queries(9):
        reader.get(article.get_absolute_url())
    for n in range(6):
        make_photo(article, caption=f"Ảnh {n}", position=n)
    for _ in range(12):
        make_photo(make_article(category=category))
    reader.cookies.clear()
    with django_assert_num_queries(9):
        reader.get(article.get_absolute_url())


def test_the_links_to_other_articles_read_no_bodies(reader, make_article, category):
    """Related, previous and next show a title, a date and a photo: their bodies (tens of KB pasted
    from Word) are not read with them; only the article's own is, without the texts made from it."""
    make_article(
        title="Bài trước", body=BODY, category=category, published_at=timezone.now() - timedelta(days=2)
    )
    article = make_article(body=BODY, category=category, published_at=timezone.now() - timedelta(days=1))
    make_article(title="Bài sau", body=BODY, category=category)
    with CaptureQueriesContext(connection) as queries:
        html = reader.get(article.get_absolute_url()).content.decode()
    assert "Bài trước" in html and "Bài sau" in html
    reading_bodies = [q["sql"] for q in queries if '"news_article"."body"' in q["sql"]]
    assert len(reading_bodies) == 1 and "slug" in reading_bodies[0]
    # Nor the texts search reads, each as long as the body: the page shows the body itself.
    assert not [q["sql"] for q in queries if '"news_article"."search_text"' in q["sql"]]
    assert not [q["sql"] for q in queries if '"news_article"."body_text"' in q["sql"]]
