"""A portrait staff replace, clear or delete leaves the public media folder (to the private trash)."""

from pathlib import Path

import pytest
from django.core.files.base import ContentFile

from tests.staff.files import image_bytes


@pytest.fixture
def person(make_page, make_person):
    return make_person(make_page(title="Ban Thường vụ"), name="Phạm Thị Lan", photo=image_bytes((600, 800)))


def test_a_replaced_portrait_leaves_the_site(person, django_capture_on_commit_callbacks):
    old = Path(person.photo.path)
    assert old.exists()
    with django_capture_on_commit_callbacks(execute=True):
        person.photo = ContentFile(image_bytes((600, 800), color=(200, 0, 0)), name="moi.jpg")
        person.save()
    assert not old.exists()
    assert Path(person.photo.path).exists()


def test_a_cleared_or_deleted_portrait_leaves_the_site(
    person, make_person, django_capture_on_commit_callbacks
):
    old = Path(person.photo.path)
    with django_capture_on_commit_callbacks(execute=True):
        person.photo = ""
        person.save()
    assert not old.exists() and not person.photo_webp
    other = make_person(person.page, photo=image_bytes())
    kept = Path(other.photo.path)
    with django_capture_on_commit_callbacks(execute=True):
        other.delete()
    assert not kept.exists()
