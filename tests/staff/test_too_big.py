"""An article too big to send (photos pasted from Word): nothing is saved, and staff are told why."""

import base64

from django.conf import settings
from django.urls import reverse

from news.models import Article

from .posting import article_form


def pasted_photo(size):
    """An <img> as CKEditor's paste from Word leaves it: the photo's bytes inside its address."""
    data = base64.b64encode(bytes(size)).decode()
    return f'<p><img src="data:image/jpeg;base64,{data}"></p>'


def test_an_article_too_big_to_send_says_why_and_what_to_do(editor_client):
    """Three phone photos pasted from Word pass the 10 MB limit on a form's text; staff got the 400 page,
    which told them the address was wrong ("Địa chỉ trang không đúng… kiểm tra lại đường dẫn")."""
    body = "<p>Đoạn một.</p>" + pasted_photo(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
    response = editor_client.post(reverse("admin:news_article_add"), article_form(body=body))
    assert response.status_code == 413
    page = response.content.decode()
    assert '<html lang="vi"' in page
    assert "Bài vừa gửi quá lớn (hơn 10 MB) nên chưa được lưu" in page
    assert "Ảnh kèm chú thích" in page
    assert "kiểm tra lại đường dẫn" not in page
    assert not Article.objects.exists()


def test_the_same_article_without_the_pasted_photos_is_saved(editor_client):
    response = editor_client.post(
        reverse("admin:news_article_add"), article_form(body="<p>Đoạn một.</p>" + pasted_photo(1000))
    )
    assert response.status_code == 302
    assert "<img" not in Article.objects.get().body
