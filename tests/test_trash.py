"""Removed photos leave the public site at once, wait in the private trash, and are purged after a while."""

import os
import time

from django.core.management import call_command

from news.models import ArticlePhoto

from .staff.files import photo_file_names


def test_a_removed_photo_leaves_the_site_and_waits_in_the_trash(
    make_article, make_photo, media_root, tmp_path, django_capture_on_commit_callbacks
):
    photo = make_photo(make_article(), size=(3000, 2000))
    names = photo_file_names(photo)
    assert any(name.endswith(".webp") for name in names)
    assert photo.phone.name in names and photo.phone_webp.name in names
    with django_capture_on_commit_callbacks(execute=True):
        ArticlePhoto.objects.filter(pk=photo.pk).delete()
    for name in names:
        assert not (media_root / name).exists()
        assert (tmp_path / "trash" / name).is_file()


def test_purge_deletes_only_what_waited_past_the_limit(tmp_path, capsys):
    old = tmp_path / "trash" / "photos" / "cu.jpg"
    new = tmp_path / "trash" / "photos" / "moi.jpg"
    old.parent.mkdir(parents=True)
    old.write_bytes(b"x")
    new.write_bytes(b"y")
    long_ago = time.time() - 91 * 86400
    os.utime(old, (long_ago, long_ago))
    call_command("purge_trash", days=90)
    assert not old.exists()
    assert new.exists()
    assert "Đã xóa hẳn 1 tệp" in capsys.readouterr().out
