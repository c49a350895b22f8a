"""Versions: every save that changed something is kept; staff compare two; an approver restores an earlier
one or recovers a deleted article, photos and captions included."""

import json
import re

import pytest
from django.urls import reverse
from reversion.models import Version

from news.models import Article, ArticlePhoto
from news.view_log import set_total

from .files import image_bytes, upload
from .posting import article_form, form_as_sent

ADD = reverse("admin:news_article_add")
BODY_ONE = "<p>Hội nghị đã thảo luận ba nội dung.</p><p>Đại biểu thống nhất kế hoạch.</p>"
BODY_TWO = "<p>Hội nghị đã thảo luận bốn nội dung.</p><p>Đại biểu thống nhất kế hoạch.</p>"


def url(name, *args):
    return reverse(f"admin:news_article_{name}", args=args)


def existing_row(photo, **changes):
    return {"id": photo.pk, "article": photo.article_id, "caption": photo.caption, "order": 0, **changes}


@pytest.fixture
def edited(approver_client, django_capture_on_commit_callbacks):
    """An article saved twice in the admin: with a captioned photo, then retitled, reworded, photo removed."""
    first = article_form(
        status=Article.Status.PUBLISHED,
        title="Hội nghị lần thứ nhất",
        body=BODY_ONE,
        # Large enough for every size, the phone size included.
        photos=[
            {
                "image": upload("anh.jpg", image_bytes((1600, 1200))),
                "caption": "Toàn cảnh hội nghị",
                "order": 0,
            }
        ],
    )
    assert approver_client.post(ADD, first).status_code == 302
    article = Article.objects.get()
    photo = article.photos.get()
    second = article_form(
        title="Hội nghị lần thứ hai",
        body=BODY_TWO,
        status=article.status,
        published_at=article.published_at,
        existing=[existing_row(photo, DELETE="on")],
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert approver_client.post(url("change", article.pk), second).status_code == 302
    return article, photo


def test_each_save_that_changed_something_keeps_a_version(approver_client, edited, approver):
    article, _ = edited
    versions = Version.objects.get_for_object(article)
    assert versions.count() == 2
    assert {v.revision.user for v in versions} == {approver}
    # "Lưu" pressed on the form as it is: no new version.
    untouched = form_as_sent(approver_client.get(url("change", article.pk)).content.decode())
    assert approver_client.post(url("change", article.pk), untouched).status_code == 302
    assert Version.objects.get_for_object(article).count() == 2


def test_the_history_lists_who_saved_what_and_when(approver_client, edited):
    article, _ = edited
    page = approver_client.get(url("history", article.pk))
    assert page.status_code == 200
    text = page.content.decode()
    assert text.count('name="tu"') == 2
    assert "duyet-tin" in text
    assert "Đã thay đổi Tiêu đề" in text or "Tiêu đề" in text
    assert "Khôi phục bản này" in text


def test_two_versions_compare_as_words_taken_out_and_put_in(approver_client, edited):
    article, _ = edited
    old, new = Version.objects.get_for_object(article).order_by("pk")
    page = approver_client.get(url("compare", article.pk), {"tu": old.pk, "den": new.pk})
    assert page.status_code == 200
    text = page.content.decode()
    assert "Hội nghị lần thứ <del>nhất</del> <ins>hai</ins>" in text
    assert "<del>ba</del> <ins>bốn</ins>" in text
    assert 'Tóm tắt <span class="diff-same">(không đổi)</span>' in text


def test_a_version_that_is_not_this_articles_cannot_be_compared(approver_client, edited, make_article):
    article, _ = edited
    old, new = Version.objects.get_for_object(article).order_by("pk")
    other = make_article()
    for query in ({"tu": old.pk, "den": new.pk}, {"tu": "1", "den": "x"}, {}):
        page = approver_client.get(url("compare", other.pk), query, follow=True)
        assert page.status_code == 200
        assert "Xin chọn hai bản lưu để so sánh." in page.content.decode()


def test_an_approver_restores_the_earlier_text_and_photo(approver_client, edited, media_root):
    article, photo = edited
    set_total(article.pk, 57)
    assert not ArticlePhoto.objects.exists()
    assert not (media_root / photo.image.name).exists()  # removed from the public site
    first = Version.objects.get_for_object(article).order_by("pk").first()

    confirm = approver_client.get(url("restore", article.pk, first.pk))
    assert confirm.status_code == 200
    assert "lần thứ <del>hai</del> <ins>nhất</ins>" in confirm.content.decode()
    assert "<ins>Toàn cảnh hội nghị</ins>" in confirm.content.decode()  # the photo that comes back
    response = approver_client.post(url("restore", article.pk, first.pk), follow=True)
    assert response.status_code == 200
    assert any("Đã khôi phục" in str(m) for m in response.context["messages"])

    article.refresh_from_db()
    assert article.title == "Hội nghị lần thứ nhất"
    assert "ba nội dung" in article.body
    assert article.view_count == 57  # a restore leaves the readers' count as it is
    assert article.is_public
    restored = article.photos.get()
    assert restored.caption == "Toàn cảnh hội nghị"
    assert (media_root / restored.image.name).is_file()
    assert (media_root / restored.thumbnail.name).is_file()
    assert restored.image_webp and (media_root / restored.image_webp.name).is_file()
    for stored in (restored.phone, restored.phone_webp):
        assert stored.name == getattr(photo, stored.field.name).name and (media_root / stored.name).is_file()
    page = approver_client.get(article.get_absolute_url()).content.decode()
    assert "Toàn cảnh hội nghị" in page and restored.image.url in page
    # The restore is itself a version, so it can be undone.
    assert Version.objects.get_for_object(article).count() == 3


def test_a_version_kept_before_the_phone_size_restores_the_photo_without_it(
    approver_client, make_article, make_photo, media_root, django_capture_on_commit_callbacks
):
    """A version kept before photos had a phone size names none: the photo comes back without one (its
    other sizes, as it was then), not pointing at the phone size the restore took off the site."""
    article = make_article(title="Bài có ảnh lớn")
    photo = make_photo(article, caption="Ảnh cũ", size=(3000, 2000))
    data = article_form(
        title=article.title,
        body=article.body,
        status=article.status,
        published_at=article.published_at,
        existing=[existing_row(photo)],
    )
    assert approver_client.post(url("change", article.pk), data).status_code == 302
    old = Version.objects.get_for_object(photo).get()
    fields = json.loads(old.serialized_data)
    for name in ("phone", "phone_webp"):
        del fields[0]["fields"][name]
    Version.objects.filter(pk=old.pk).update(serialized_data=json.dumps(fields))
    phone_files = [photo.phone.name, photo.phone_webp.name]
    data["photos-0-caption"] = "Ảnh mới"
    assert approver_client.post(url("change", article.pk), data).status_code == 302
    first = Version.objects.get_for_object(article).order_by("pk").first()

    with django_capture_on_commit_callbacks(execute=True):
        assert approver_client.post(url("restore", article.pk, first.pk)).status_code == 302
    restored = article.photos.get()
    assert (restored.caption, restored.phone, restored.phone_webp) == ("Ảnh cũ", "", "")
    assert not any((media_root / name).exists() for name in phone_files)
    assert (media_root / restored.image.name).is_file() and (media_root / restored.medium.name).is_file()
    approver_client.logout()
    page = approver_client.get(article.get_absolute_url()).content.decode()
    assert f"{restored.thumbnail.url} 400w, {restored.medium.url} 1200w" in page


def test_editors_may_read_the_history_but_not_restore(editor_client, editor, edited):
    article, _ = edited
    first = Version.objects.get_for_object(article).order_by("pk").first()
    editor_client.force_login(editor)
    history = editor_client.get(url("history", article.pk))
    assert history.status_code == 200
    assert "Khôi phục bản này" not in history.content.decode()
    assert editor_client.post(url("restore", article.pk, first.pk)).status_code == 403
    article.refresh_from_db()
    assert article.title == "Hội nghị lần thứ hai"


def test_a_deleted_article_is_recovered_with_its_photos(
    approver_client, make_article, make_photo, media_root, django_capture_on_commit_callbacks
):
    article = make_article(title="Bài bị xóa nhầm")  # made before versions were kept
    set_total(article.pk, 42)
    photo = make_photo(article, caption="Ảnh bài bị xóa")
    with django_capture_on_commit_callbacks(execute=True):
        response = approver_client.post(url("delete", article.pk), {"post": "yes"})
    assert response.status_code == 302
    assert not Article.objects.exists()
    assert not (media_root / photo.image.name).exists()

    listing = approver_client.get(url("recoverlist"))
    assert listing.status_code == 200
    link = re.search(r'href="([^"]+)">Bài bị xóa nhầm</a>', listing.content.decode()).group(1)
    assert approver_client.get(link).status_code == 200
    assert approver_client.post(link).status_code == 302

    recovered = Article.objects.get()
    assert (recovered.pk, recovered.title, recovered.is_public) == (article.pk, "Bài bị xóa nhầm", True)
    assert recovered.view_count == 42  # its readers' count comes back with it
    kept = recovered.photos.get()
    assert kept.caption == "Ảnh bài bị xóa"
    assert (media_root / kept.image.name).is_file()
    assert reader_sees(approver_client, recovered)


def reader_sees(client, article):
    client.logout()
    return client.get(article.get_absolute_url()).status_code == 200


def test_the_list_offers_recovery_to_approvers_only(approver_client, editor_client, approver, editor):
    approver_client.force_login(approver)
    assert "Khôi phục bài đã xóa" in approver_client.get(url("changelist")).content.decode()
    editor_client.force_login(editor)
    page = editor_client.get(url("changelist"))
    assert page.status_code == 200
    assert "Khôi phục bài đã xóa" not in page.content.decode()
    assert editor_client.get(url("recoverlist")).status_code == 403
