"""Restores and recoveries where the world moved on since the version was kept (found in review)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from reversion.models import Version

from news.models import Article, Category
from publishing.diff import word_diff

from .files import image_bytes, upload
from .posting import article_form


def url(name, *args):
    return reverse(f"admin:news_article_{name}", args=args)


@pytest.fixture
def saved(approver_client):
    """An article added in the admin, in a section, with one photo: one version."""
    section = Category.objects.create(name="Sẽ bị xóa")
    data = article_form(
        title="Bài gốc",
        category=str(section.pk),
        photos=[{"image": upload("a.jpg", image_bytes()), "caption": "Ảnh A"}],
    )
    assert approver_client.post(url("add"), data).status_code == 302
    return Article.objects.get(), section


def test_recovering_an_article_whose_address_was_taken_since_gives_it_a_new_one(
    approver_client, saved, make_article, django_capture_on_commit_callbacks
):
    article, _ = saved
    with django_capture_on_commit_callbacks(execute=True):
        approver_client.post(url("delete", article.pk), {"post": "yes"})
    newcomer = make_article(title="Bài gốc")  # same title, so the address the deleted one had
    assert newcomer.slug == article.slug
    version = Version.objects.get_deleted(Article).get()
    with django_capture_on_commit_callbacks(execute=True):
        assert approver_client.post(url("recover", version.pk)).status_code == 302
    recovered = Article.objects.get(pk=article.pk)
    assert recovered.slug not in ("", newcomer.slug)
    newcomer.refresh_from_db()
    assert newcomer.slug == article.slug


def test_restoring_a_version_whose_section_was_deleted_leaves_it_without_one(
    approver_client, saved, django_capture_on_commit_callbacks
):
    article, section = saved
    first = Version.objects.get_for_object(article).get()
    section.delete()
    with django_capture_on_commit_callbacks(execute=True):
        assert approver_client.post(url("restore", article.pk, first.pk)).status_code == 302
    # The restore's own check: an article pointing at a missing section fails when the transaction ends.
    with connection.cursor() as cursor:
        cursor.execute("SELECT category_id FROM news_article WHERE id = %s", [article.pk])
        assert cursor.fetchone() == (None,)


def test_restoring_an_earlier_photo_file_takes_the_later_one_off_the_site(
    approver_client, saved, media_root, django_capture_on_commit_callbacks
):
    article, _ = saved
    photo = article.photos.get()
    first_file = photo.image.name
    first = Version.objects.get_for_object(article).get()
    data = article_form(
        title="Bài gốc",
        published_at=article.published_at,
        existing=[
            {
                "id": photo.pk,
                "article": article.pk,
                "caption": "Ảnh A",
                "image": upload("b.jpg", image_bytes((500, 400))),
            }
        ],
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert approver_client.post(url("change", article.pk), data).status_code == 302
    photo.refresh_from_db()
    later = [photo.image.name, photo.thumbnail.name]
    with django_capture_on_commit_callbacks(execute=True):
        assert approver_client.post(url("restore", article.pk, first.pk)).status_code == 302
    photo.refresh_from_db()
    assert photo.image.name == first_file
    assert (media_root / first_file).is_file()
    assert not any((media_root / name).exists() for name in later)  # no longer reachable at its address


def test_the_photos_of_a_version_are_listed_in_their_order(approver_client):
    data = article_form(
        photos=[
            {"image": upload("a.jpg", image_bytes()), "caption": "Ảnh thứ nhất", "position": "0"},
            {"image": upload("b.jpg", image_bytes()), "caption": "Ảnh thứ hai", "position": "1"},
        ]
    )
    assert approver_client.post(url("add"), data).status_code == 302
    article = Article.objects.get()
    version = Version.objects.get_for_object(article).get()
    page = approver_client.get(url("restore", article.pk, version.pk)).content.decode()
    # Restoring the current version changes no photo: the list must not show them swapped.
    assert "<del>" not in page.split("Ảnh kèm chú thích")[-1]


def test_text_is_compared_as_typed_not_decoded_again():
    assert "&amp;lt;" in word_diff("Giá &lt; 5 triệu", "Giá &lt; 6 triệu")


def test_the_history_page_costs_the_same_queries_however_many_versions(approver_client, saved):
    article, _ = saved

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert approver_client.get(url("history", article.pk)).status_code == 200
        return len(queries)

    few = count()
    for n in range(5):
        data = article_form(title=f"Bài gốc {n}", published_at=article.published_at)
        approver_client.post(url("change", article.pk), data)
    assert count() == few
