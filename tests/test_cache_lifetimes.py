"""Files whose content never changes at their address are kept by browsers for a long time."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from .test_security import PRODUCTION, run_manage

YEAR = 31_536_000

PROBE = """
from django.templatetags.static import static
from django.test import Client
client = Client(HTTP_HOST="tin.hoabinh.example.vn")
for name in (static("css/site.css"), "/static/css/site.css"):
    response = client.get(name, secure=True)
    print(response.status_code, name, response["Cache-Control"].replace(" ", ""))
"""


def cache_control(header):
    """{"max-age": "60", "public": True, …} from a Cache-Control header."""
    directives = {}
    for part in header.replace(" ", "").split(","):
        key, _, value = part.partition("=")
        directives[key] = value or True
    return directives


@pytest.mark.own_processes
def test_hashed_static_files_are_kept_a_year_or_more_under_production_settings(tmp_path):
    """WhiteNoise marks collectstatic's hashed names immutable; a name without its hash may change."""
    env = {**PRODUCTION, "STATIC_ROOT": str(tmp_path / "static")}
    collected = run_manage("collectstatic", "--noinput", env=env)
    assert collected.returncode == 0, collected.stderr
    result = run_manage("shell", "-c", PROBE, env=env)
    assert result.returncode == 0, result.stderr
    (hashed_status, hashed, hashed_cache), (plain_status, _, plain_cache) = (
        line.split() for line in result.stdout.strip().splitlines()[-2:]
    )
    assert hashed.startswith("/static/css/site.") and hashed != "/static/css/site.css"
    assert (hashed_status, plain_status) == ("200", "200")
    hashed_cache, plain_cache = cache_control(hashed_cache), cache_control(plain_cache)
    # WhiteNoise sends ten years (315360000); a year is what counts as "forever" to browsers.
    assert int(hashed_cache["max-age"]) >= YEAR
    assert hashed_cache["immutable"] is True and hashed_cache["public"] is True
    assert int(plain_cache["max-age"]) < YEAR and "immutable" not in plain_cache


def test_photos_are_served_immutable_for_a_year(reader, make_article, make_photo):
    """A photo's names are random and never reused, so what is at its address never changes."""
    photo = make_photo(make_article())
    for field in (photo.image, photo.thumbnail, photo.image_webp):
        response = reader.get(field.url)
        assert response.status_code == 200
        assert cache_control(response["Cache-Control"]) == {
            "max-age": str(YEAR),
            "public": True,
            "immutable": True,
        }


def test_other_uploads_are_not_marked_immutable(reader, db):
    name = default_storage.save("uploads/2026/12/ghi-chu.jpg", ContentFile(b"x"))
    response = reader.get(f"/media/{name}")
    assert response.status_code == 200
    assert "immutable" not in response.get("Cache-Control", "")
