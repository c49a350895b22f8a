"""Giới thiệu pages and their people, made the way staff make them, on the real database."""

import itertools
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from pages.models import Page, PagePhoto, Person
from tests.staff.conftest import approver, approver_client, editor, editor_client  # noqa: F401
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


def page_form(photos=(), people=(), existing_photos=(), existing_people=(), **fields):
    """The POST data of the admin's page form: fields, then photo rows and people rows (dicts)."""
    when = timezone.localtime(fields.pop("published_at", timezone.now()))
    data = {
        "title": "Lịch sử phường",
        "slug": "",
        "parent": "",
        "order": "0",
        "status": Page.Status.DRAFT,
        "published_at_0": when.strftime("%d/%m/%Y"),
        "published_at_1": when.strftime("%H:%M:%S"),
        "body": "<p>Đoạn một.</p><p>Đoạn hai.</p>",
    }
    data.update(fields)
    for prefix, existing, new in (("photos", existing_photos, photos), ("people", existing_people, people)):
        rows = [*existing, *new]
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": str(len(rows)),
                f"{prefix}-INITIAL_FORMS": str(len(existing)),
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
        for index, row in enumerate(rows):
            for key, value in row.items():
                data[f"{prefix}-{index}-{key}"] = value
    return data
