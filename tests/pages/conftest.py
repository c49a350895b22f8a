"""Giới thiệu pages and their people, made the way staff make them, on the real database."""

import itertools
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from pages.models import Page, PagePhoto, Person
from tests.staff.files import image_bytes

_serial = itertools.count(1)


@pytest.fixture
def make_page(db):
    def make(**fields):
        n = next(_serial)
        fields.setdefault("title", f"Trang giới thiệu số {n}")
        fields.setdefault("body", f"<p>Đoạn một của trang {n}.</p><p>Đoạn hai của trang {n}.</p>")
        fields.setdefault("status", Page.Status.PUBLISHED)
        fields.setdefault("published_at", timezone.now() - timedelta(days=1))
        return Page.objects.create(**fields)

    return make


@pytest.fixture
def make_person(db):
    def make(page, **fields):
        n = next(_serial)
        fields.setdefault("name", f"Đồng chí Trần Văn Số{n}")
        fields.setdefault("position", "Ủy viên Ban Chấp hành")
        photo = fields.pop("photo", None)
        person = Person(page=page, **fields)
        if photo:
            person.photo = ContentFile(photo, name="chan-dung.jpg")
        person.save()
        return person

    return make


@pytest.fixture
def make_page_photo(db):
    def make(page, caption="Quang cảnh buổi lễ", size=(800, 600), **fields):
        photo = PagePhoto(page=page, caption=caption, **fields)
        photo.image = ContentFile(image_bytes(size), name="anh.jpg")
        photo.save()
        return photo

    return make
