"""Shared fixtures: articles and photos made the way staff make them, on the real database."""

import itertools
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.utils import timezone

from news import page_cache
from news.models import Article, ArticlePhoto, Category
from tests.notice_fixtures import clock, make_notice, make_pin  # noqa: F401 - notices and the pin
from tests.redis_fixtures import redis_cache, redis_counting  # noqa: F401 - fixtures for every test module

from .staff.files import image_bytes

BROWSER_AGENT = (
    "Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/124.0 Mobile Safari/537.36"
)
_serial = itertools.count(1)


def file_folders(folder):
    """Where stored files go, each in its own folder inside folder: photos (MEDIA_ROOT), those kept
    privately, the trash and documents' files."""
    return {
        "MEDIA_ROOT": folder / "media",
        "PORTAL_PRIVATE_ROOT": folder / "private",
        "PORTAL_TRASH_ROOT": folder / "trash",
        "PORTAL_DOCUMENTS_ROOT": folder / "documents",
    }


def point_at(settings, folder):
    """A test's settings (pytest-django's fixture) store files in folder (file_folders)."""
    for name, value in file_folders(folder).items():
        setattr(settings, name, value)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Every test writes its files to folders of its own."""
    point_at(settings, tmp_path)
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def fresh_page_cache():
    """Each test starts with no kept pages: its database was rolled back, which bumps no generation."""
    cache.clear()
    page_cache.forget_all()
    yield
    page_cache.forget_all()


@pytest.fixture
def reader(client):
    """A resident's phone browser."""
    client.defaults["HTTP_USER_AGENT"] = BROWSER_AGENT
    return client


def article_maker():
    """make(**fields): an article saved as staff save one, published unless fields say otherwise.

    Each one made is an hour older than the one before, starting an hour ago. The count is the maker's
    own (one a test): counted across the run, the hundredth test's articles were weeks old and fell out
    of "the last 7 days" filters depending on which tests ran before.
    """
    made_here = itertools.count(1)

    def make(**fields):
        n = next(_serial)
        fields.setdefault("title", f"Hội nghị chuyên đề số {n} của Đảng ủy phường")
        fields.setdefault("summary", f"Tóm tắt bài số {n}.")
        fields.setdefault("body", f"<p>Đoạn một của bài {n}.</p><p>Đoạn hai của bài {n}.</p>")
        fields.setdefault("status", Article.Status.PUBLISHED)
        fields.setdefault("published_at", timezone.now() - timedelta(hours=next(made_here)))
        return Article.objects.create(**fields)

    return make


def new_photo(article, caption="Quang cảnh hội nghị", size=(800, 600), **fields):
    """A photo of the article, uploaded as staff upload one (its sizes made on save)."""
    photo = ArticlePhoto(article=article, caption=caption, **fields)
    photo.image = ContentFile(image_bytes(size), name="anh.jpg")
    photo.save()
    return photo


@pytest.fixture
def make_article(db):
    return article_maker()


@pytest.fixture
def make_photo(db):
    return new_photo


@pytest.fixture
def category(db):
    return Category.objects.create(name="Xây dựng Đảng", order=1)


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_user("bientap", password="mat-khau-dai-123", is_staff=True)
    client.force_login(user)
    client.defaults["HTTP_USER_AGENT"] = BROWSER_AGENT
    return client


@pytest.fixture
def ward_identity(db):
    """The ward's identity (name, menu, footer links) as every page reads it, already in the cache.

    It is read from the database once (3 queries) and kept until staff change it, so the pages'
    query counts leave that one read out; tests/ward/test_identity_cache.py counts the read itself.
    So is the pages' generation, which pages keep it and their frame for (ward.identity.for_request):
    a running site has one, and making the first asks every type for its next due time.
    """
    from ward import identity

    page_cache.generation()
    return identity.current()
