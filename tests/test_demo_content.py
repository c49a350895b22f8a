"""`manage.py load_demo`: the demo articles, their states, their photos on disk, and a second run."""

import dataclasses
import io
import re
import unicodedata
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils.html import escape

from news.demo_content import ARTICLES, CATEGORIES, DRAFT, PUBLISHED, SCHEDULED
from news.management.commands import load_demo as load_demo_command
from news.models import Article, ArticlePhoto, Category
from news.sanitize import sanitize_body
from tests.conftest import point_at
from tests.shared_rows import kept_until_the_last_test


def load_demo():
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


@pytest.fixture(scope="class")
def loaded_demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo loaded once for a class of tests (tests/shared_rows.py): loading draws every photo and
    takes seconds. Photos go to a throwaway folder, never to the project's media."""
    folder = tmp_path_factory.mktemp("demo")
    with kept_until_the_last_test(django_db_blocker, folder):
        assert "Đã tạo 8 bài viết mẫu." in load_demo()
        yield folder


@pytest.fixture
def demo(loaded_demo, db, settings):
    point_at(settings, loaded_demo)
    return loaded_demo


class TestTheLoadedDemo:
    """What one load of the demo gives; it is loaded once for these tests (loaded_demo)."""

    def test_published_articles_are_public_with_captioned_photos(self, demo):
        published = Article.objects.published().filter(slug__in=[a.slug for a in PUBLISHED])
        assert published.count() == len(PUBLISHED) >= 6
        for article in published:
            assert 12 <= article.view_count <= 340
            photos = list(article.photos.all())
            assert 1 <= len(photos) <= 3
            assert [p.order for p in photos] == list(range(len(photos)))
            for photo in photos:
                assert photo.caption
                assert Path(photo.thumbnail.path).is_file()
                assert Path(photo.thumbnail.path).is_relative_to(demo)
                assert (photo.width, photo.height) == (1200, 800)
        positions = set(ArticlePhoto.objects.values_list("position", flat=True))
        assert {2, 3} <= positions

    def test_draft_and_scheduled_are_not_published(self, demo):
        draft = Article.objects.get(slug=DRAFT.slug)
        scheduled = Article.objects.get(slug=SCHEDULED.slug)
        assert draft.status == Article.Status.DRAFT
        assert scheduled.status == Article.Status.PUBLISHED
        assert not scheduled.is_public
        assert not Article.objects.published().filter(pk__in=[draft.pk, scheduled.pk]).exists()

    def test_second_run_creates_nothing(self, demo):
        counts = (Article.objects.count(), ArticlePhoto.objects.count(), Category.objects.count())
        assert "Dữ liệu mẫu đã có sẵn." in load_demo()
        assert (Article.objects.count(), ArticlePhoto.objects.count(), Category.objects.count()) == counts

    def test_article_page_shows_title_and_captions(self, demo, client):
        article = Article.objects.published().get(slug=PUBLISHED[0].slug)
        response = client.get(article.get_absolute_url())
        assert response.status_code == 200
        page = response.content.decode()
        assert escape(article.title) in page
        for caption in article.photos.values_list("caption", flat=True):
            assert escape(caption) in page


def decomposed(text):
    return unicodedata.normalize("NFD", text)


def test_stored_text_is_nfc(db, monkeypatch):
    """Text typed on a Mac or pasted from some editors arrives decomposed (NFD): "ệ" as e + two marks.
    The demo's own texts are NFC already, so the loader is fed decomposed copies of them."""
    nfd_articles = tuple(
        dataclasses.replace(
            article,
            title=decomposed(article.title),
            summary=decomposed(article.summary),
            category=decomposed(article.category),
            blocks=tuple(decomposed(block) for block in article.blocks),
            photos=tuple(dataclasses.replace(p, caption=decomposed(p.caption)) for p in article.photos),
        )
        for article in ARTICLES
    )
    assert not unicodedata.is_normalized("NFC", nfd_articles[0].title)
    monkeypatch.setattr(load_demo_command, "ARTICLES", nfd_articles)
    monkeypatch.setattr(load_demo_command, "CATEGORIES", [(decomposed(n), o) for n, o in CATEGORIES])

    assert f"Đã tạo {len(ARTICLES)} bài viết mẫu." in load_demo()

    assert sorted(Category.objects.values_list("name", flat=True)) == sorted(n for n, _ in CATEGORIES)
    for original in ARTICLES:
        article = Article.objects.get(slug=original.slug)
        assert (article.title, article.summary) == (original.title, original.summary)
        assert article.body == sanitize_body(original.body)
        assert unicodedata.is_normalized("NFC", article.body)
        captions = list(article.photos.values_list("caption", flat=True))
        assert captions == [photo.caption for photo in original.photos]


@pytest.mark.parametrize("demo_article", ARTICLES, ids=lambda a: a.slug)
def test_demo_texts_have_the_shape_of_a_ward_report(demo_article):
    paragraphs = re.findall(r"<p>(.*?)</p>", demo_article.body)
    words = len(re.sub(r"<[^>]+>", " ", demo_article.body).split())
    if demo_article in PUBLISHED:
        assert 4 <= len(paragraphs) <= 6
        assert 120 <= words <= 400
    assert demo_article.summary.count(". ") == 0  # the sapo is one sentence
