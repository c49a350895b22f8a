"""Staff give an article its author and source (Tác giả, Nguồn) in the admin form; versions keep them."""

from django.urls import reverse
from reversion.models import Version

from news.models import Article

from .posting import article_form


def test_staff_set_the_author_and_source_and_the_version_keeps_them(editor_client):
    page = editor_client.get(reverse("admin:news_article_add")).content.decode()
    assert "Tác giả và nguồn" in page
    assert 'name="author"' in page and 'name="source"' in page
    response = editor_client.post(
        reverse("admin:news_article_add"),
        article_form(author=" Nguyễn  Thu Hà ", source="Báo Nhân Dân"),
    )
    assert response.status_code == 302
    article = Article.objects.get()
    assert (article.author, article.source) == ("Nguyễn Thu Hà", "Báo Nhân Dân")
    version = Version.objects.get_for_object(article).first()
    assert version.field_dict["author"] == "Nguyễn Thu Hà"
    assert version.field_dict["source"] == "Báo Nhân Dân"


def test_both_may_be_left_empty(editor_client):
    response = editor_client.post(reverse("admin:news_article_add"), article_form())
    assert response.status_code == 302
    assert Article.objects.get().author == ""


def test_too_long_a_name_is_a_vietnamese_form_error(editor_client):
    response = editor_client.post(
        reverse("admin:news_article_add"), article_form(author="a" * 121, source="b" * 201)
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "tối đa 120 kí tự (hiện có 121)" in page and "tối đa 200 kí tự (hiện có 201)" in page
    assert not Article.objects.exists()
