"""What the fuzz test (test_no_server_error.py) found answering 500, each named by the input that did."""

import pytest


@pytest.mark.parametrize("name", ["a" * 300, "photos/" + "ả" * 100 + ".jpg"])
def test_a_media_address_too_long_for_the_file_system_is_not_found(reader, db, media_root, name):
    """GET /media/aaa… (300 letters): os.stat refused the name (ENAMETOOLONG) and the uploads' address
    answered 500."""
    (media_root / "photos").mkdir(parents=True)
    response = reader.get(f"/media/{name}")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()
