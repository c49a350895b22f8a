"""Every file the portal keeps goes through Django's storage API, so S3 is a matter of configuration.

Here all three stores ("default" for published media, "private", "trash") are Django's in-memory storage:
photos are processed, removed to the trash and brought back, a refused form's photo is kept and read
back, and a backup is restored, without a single file on disk.
"""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from news import kept_photos
from news.models import ArticlePhoto
from publishing import trash

from .staff.files import image_bytes

IN_MEMORY = {"BACKEND": "django.core.files.storage.InMemoryStorage"}


@pytest.fixture(autouse=True)
def stores_in_memory(settings):
    settings.STORAGES = {**settings.STORAGES, "default": IN_MEMORY, "private": IN_MEMORY, "trash": IN_MEMORY}


def nothing_on_disk(settings):
    return not any(
        path.exists()
        for path in (settings.MEDIA_ROOT, settings.PORTAL_PRIVATE_ROOT, settings.PORTAL_TRASH_ROOT)
    )


def test_photos_their_sizes_the_trash_and_back(make_article, make_photo, settings):
    photo = make_photo(make_article(), caption="Quang cảnh lễ ra quân")
    sizes = [photo.image.name, photo.medium.name, photo.thumbnail.name]
    assert all(default_storage.exists(name) for name in sizes)

    trash.retire(default_storage, photo.image.name)
    assert not default_storage.exists(photo.image.name)
    assert storages["trash"].exists(photo.image.name)
    assert trash.bring_back(default_storage, photo.image.name)
    assert default_storage.exists(photo.image.name)
    assert nothing_on_disk(settings)


def test_a_kept_photo_is_read_back_from_the_private_store(settings):
    upload = SimpleUploadedFile("anh.jpg", image_bytes((400, 300)))
    token = kept_photos.keep(upload, owner=7)
    assert storages["private"].listdir(kept_photos.FOLDER)[1]
    assert kept_photos.load(token, owner=7).read() == image_bytes((400, 300))
    kept_photos.discard(token, owner=7)
    assert not storages["private"].listdir(kept_photos.FOLDER)[1]
    assert nothing_on_disk(settings)


def test_private_stores_on_disk_give_no_address(settings):
    settings.STORAGES = {**settings.STORAGES, "private": {"BACKEND": "portal.storages.PrivateStorage"}}
    with pytest.raises(ValueError, match="no address"):
        storages["private"].url("kept-photos/a.jpg")


@pytest.mark.django_db(transaction=True)
def test_backup_and_restore_through_the_storage_api(make_article, settings, tmp_path):
    settings.PORTAL_BACKUP_ROOT = tmp_path / "archives"
    article = make_article()
    photo = ArticlePhoto(article=article, caption="Ảnh trong bộ nhớ")
    photo.image = ContentFile(image_bytes((640, 480)), name="anh.jpg")
    photo.save()
    stored = {name: default_storage.open(name).read() for name in [photo.image.name, photo.thumbnail.name]}
    call_command("backup")
    (archive,) = (tmp_path / "archives").glob("portal-*.tar")

    call_command("flush", interactive=False, verbosity=0)
    for name in default_storage.listdir("")[1]:
        default_storage.delete(name)
    from backups.folders import clear

    clear("media")
    call_command("restore", str(archive))

    assert ArticlePhoto.objects.get().caption == "Ảnh trong bộ nhớ"
    assert {name: default_storage.open(name).read() for name in stored} == stored
    assert nothing_on_disk(settings)
