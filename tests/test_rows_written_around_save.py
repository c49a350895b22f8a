"""A body written around Article.save() (update(), bulk_create, loaddata, the shell) is still shown safe.

save() sanitizes every body, but those paths never call it and store the markup as given. Every page
that shows a body sanitizes it again as it renders: the article page and its kept copy, the staff
preview, lists and search (text only), the feeds, and the admin's read-only view of a published article.
"""

import json
from datetime import timedelta

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from news import page_cache
from news.models import Article

HOSTILE = (
    '<p>Đoạn đầu của bài.</p><img src=x onerror="alert(1)">'
    '<script>alert(2)</script><p onclick="alert(3)">Đoạn <a href="javascript:alert(4)">hai</a>.</p>'
)


def assert_harmless(page):
    """No tag the body's markup could run: no handler, script or javascript: link left in it."""
    for trace in ("<img src=x", "onerror=", "onclick=", "<script>alert", "javascript:alert"):
        assert trace not in page, trace


def written_by_update(article, body=HOSTILE):
    Article.objects.filter(pk=article.pk).update(body=body, teaser="")
    return Article.objects.get(pk=article.pk)


def test_an_updated_body_is_sanitized_on_the_article_page_and_in_its_kept_copy(reader, make_article):
    article = written_by_update(make_article(title="Bài sửa bằng lệnh update"))
    assert "onerror" in article.body  # stored raw: update() never calls save()
    for _ in range(2):  # rendered afresh, then answered from the page cache
        response = reader.get(article.get_absolute_url())
        assert response.status_code == 200
        page = response.content.decode()
        assert "<p>Đoạn đầu của bài.</p>" in page and 'Đoạn <a rel="noopener noreferrer">hai</a>.' in page
        assert_harmless(page)
    kept = page_cache.get(page_cache.address(response.wsgi_request))
    assert kept is not None
    assert_harmless(kept.body.decode())


def test_a_bulk_created_article_is_sanitized_on_every_public_page(reader, db):
    (article,) = Article.objects.bulk_create(
        [
            Article(
                title="Bài nhập hàng loạt về hội nghị",
                slug="bai-nhap-hang-loat",
                summary="",
                body=HOSTILE,
                status=Article.Status.PUBLISHED,
                published_at=timezone.now() - timedelta(hours=1),
            )
        ]
    )
    for address in ("/", article.get_absolute_url(), "/rss/"):
        response = reader.get(address)
        assert response.status_code == 200, address
        page = response.content.decode()
        assert "Đoạn đầu của bài" in page, address
        assert_harmless(page)


def test_a_loaded_fixture_is_sanitized_on_the_article_page(reader, db, tmp_path):
    fixture = tmp_path / "bai.json"
    fields = {
        "title": "Bài nạp từ tệp dữ liệu",
        "slug": "bai-nap-tu-tep",
        "summary": "",
        "body": HOSTILE,
        "status": Article.Status.PUBLISHED,
        "published_at": (timezone.now() - timedelta(hours=1)).isoformat(),
        "created_at": timezone.now().isoformat(),
        "updated_at": timezone.now().isoformat(),
    }
    fixture.write_text(json.dumps([{"model": "news.article", "pk": 901, "fields": fields}]), encoding="utf-8")
    call_command("loaddata", str(fixture), verbosity=0)
    assert "<script>" in Article.objects.get(pk=901).body
    page = reader.get(reverse("news:article_detail", args=["bai-nap-tu-tep"])).content.decode()
    assert "Đoạn đầu của bài." in page
    assert_harmless(page)


def test_a_search_result_for_an_updated_article_shows_its_text_only(reader, make_article):
    article = make_article(title="Hội nghị tổng kết công tác dân vận", summary="")
    written_by_update(article)
    page = reader.get("/tim-kiem/?q=tong+ket+dan+van").content.decode()
    assert "Đoạn đầu của bài." in page
    assert_harmless(page)
