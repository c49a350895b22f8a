"""Review before publishing: an editor cannot make an article public by any path; an approver can."""

from datetime import timedelta

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from news.models import Article
from publishing.rules import MESSAGE_CANNOT_PUBLISH, MESSAGE_LOCKED

from .files import image_bytes, stored_files, upload
from .posting import article_form


def granted(group_name, app_label):
    # Each type's own migration gives these groups its permissions (documents/0002, notices/0002,
    # pages/0002, questions/0002, ward/0003): each app's grants are checked exactly, one app at a time.
    group = Group.objects.get(name=group_name)
    permissions = group.permissions.filter(content_type__app_label=app_label)
    return set(permissions.values_list("codename", flat=True))


def test_migration_creates_the_two_groups_with_their_permissions(db):
    editors = granted("Biên tập viên", "news")
    approvers = granted("Duyệt tin", "news")
    assert editors == {
        "add_article",
        "change_article",
        "view_article",
        "add_articlephoto",
        "change_articlephoto",
        "delete_articlephoto",
        "view_articlephoto",
        "view_category",
    }
    assert "publish_article" not in editors
    assert approvers == editors | {
        "publish_article",
        "delete_article",
        "add_category",
        "change_category",
        "view_statistics",
    }


def test_editors_write_pages_and_approvers_publish_them(db):
    editors = granted("Biên tập viên", "pages")
    assert editors == {
        f"{action}_{model}"
        for model in ("page", "pagephoto", "person")
        for action in ("add", "change", "view", "delete")
    } - {"delete_page"}
    assert granted("Duyệt tin", "pages") == editors | {"publish_page", "delete_page"}


def test_approvers_edit_the_wards_identity_and_editors_do_not(db):
    # ward/0003: the ward's identity, main menu and footer links (docs/SITE.md).
    assert granted("Biên tập viên", "ward") == set()
    assert granted("Duyệt tin", "ward") == {
        "view_wardsettings",
        "change_wardsettings",
        *(
            f"{action}_{model}"
            for model in ("menuentry", "footerlink")
            for action in ("view", "add", "change", "delete")
        ),
    }


def test_editors_write_documents_and_approvers_publish_them(db):
    # documents/0002 (docs/DOCUMENTS.md): editors write documents with their files; approvers publish
    # and delete them, and manage the lists of types, issuing bodies and fields.
    editors = granted("Biên tập viên", "documents")
    assert editors == {
        *("add_document", "change_document", "view_document", "view_documenttype", "view_issuingbody"),
        *(f"{action}_documentfile" for action in ("add", "change", "delete", "view")),
        "view_field",
    }
    assert granted("Duyệt tin", "documents") == editors | {
        "publish_document",
        "delete_document",
        *(
            f"{action}_{model}"
            for model in ("documenttype", "issuingbody", "field")
            for action in ("add", "change", "delete", "view")
        ),
    }


def test_editor_saves_a_draft(editor_client, editor):
    response = editor_client.post(reverse("admin:news_article_add"), article_form())
    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.get()
    assert article.status == Article.Status.DRAFT
    assert article.created_by == editor


def test_editor_cannot_publish_through_the_form(editor_client):
    response = editor_client.post(
        reverse("admin:news_article_add"), article_form(status=Article.Status.PUBLISHED)
    )
    assert response.status_code == 200
    assert MESSAGE_CANNOT_PUBLISH in response.content.decode()
    assert not Article.objects.exists()


def test_editor_cannot_schedule_through_the_form(editor_client):
    later = timezone.now() + timedelta(days=2)
    data = article_form(status=Article.Status.PUBLISHED, published_at=later)
    response = editor_client.post(reverse("admin:news_article_add"), data)
    assert MESSAGE_CANNOT_PUBLISH in response.content.decode()
    assert not Article.objects.exists()


def test_editor_cannot_publish_an_existing_draft(editor_client, make_article):
    draft = make_article(status=Article.Status.DRAFT)
    response = editor_client.post(
        reverse("admin:news_article_change", args=[draft.pk]),
        article_form(title=draft.title, status=Article.Status.PUBLISHED),
    )
    assert MESSAGE_CANNOT_PUBLISH in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Article.Status.DRAFT


def test_a_future_time_on_a_draft_is_still_a_draft(editor_client):
    """An editor may propose a time; only an approver's decision makes it a schedule."""
    later = timezone.now() + timedelta(days=2)
    editor_client.post(reverse("admin:news_article_add"), article_form(published_at=later))
    article = Article.objects.get()
    assert article.status == Article.Status.DRAFT
    assert not Article.objects.published().exists()
    assert not Article.objects.scheduled().exists()


def test_editor_has_no_publish_action_and_a_forged_one_does_nothing(editor_client, make_article):
    draft = make_article(status=Article.Status.DRAFT)
    page = editor_client.get(reverse("admin:news_article_changelist"))
    assert page.status_code == 200
    assert "publish_selected" not in page.content.decode()
    response = editor_client.post(
        reverse("admin:news_article_changelist"),
        {"action": "publish_selected", "_selected_action": [draft.pk]},
        follow=True,
    )
    assert response.status_code == 200
    draft.refresh_from_db()
    assert draft.status == Article.Status.DRAFT


def test_editor_cannot_unpublish_with_a_forged_action(editor_client, make_article):
    live = make_article()
    editor_client.post(
        reverse("admin:news_article_changelist"),
        {"action": "unpublish_selected", "_selected_action": [live.pk]},
    )
    live.refresh_from_db()
    assert live.status == Article.Status.PUBLISHED


@pytest.mark.parametrize("when", [timedelta(hours=-1), timedelta(days=3)], ids=["published", "scheduled"])
def test_editor_cannot_edit_an_approved_article(editor_client, make_article, when):
    """Editing a published (or scheduled) article is refused with a message, not a bare 403."""
    article = make_article(title="Bài đã duyệt", published_at=timezone.now() + when)
    url = reverse("admin:news_article_change", args=[article.pk])

    page = editor_client.get(url)
    assert page.status_code == 200
    assert MESSAGE_LOCKED in page.content.decode()
    assert 'name="_save"' not in page.content.decode()  # shown read-only
    assert "<p>Đoạn một" in page.content.decode()  # the body as the page shows it, not its source

    response = editor_client.post(
        url, article_form(title="Sửa lén", status=Article.Status.DRAFT), follow=True
    )
    assert MESSAGE_LOCKED in response.content.decode()
    article.refresh_from_db()
    assert article.title == "Bài đã duyệt"
    assert article.status == Article.Status.PUBLISHED


# A photo row an editor could change, tick for deletion, or add (the empty row that "Thêm" copies).
EDITABLE_PHOTO_FIELDS = (
    'name="photos-0-caption"',
    'name="photos-0-DELETE"',
    'name="photos-__prefix__-image"',
)


def photo_attempts(article, photo):
    """What an editor's form could send about the photos: a new one, a changed caption, a deletion."""
    row = {"id": photo.pk, "article": article.pk, "caption": photo.caption, "order": 0}
    new = {"image": upload("anh-moi.jpg", image_bytes()), "caption": "Ảnh thêm lén", "order": 1}
    return {
        "add": {"existing": [row], "photos": [new]},
        "change": {"existing": [{**row, "caption": "Chú thích sửa lén", "order": 5}]},
        "delete": {"existing": [{**row, "DELETE": "on"}]},
    }


@pytest.mark.parametrize("when", [timedelta(hours=-1), timedelta(days=3)], ids=["published", "scheduled"])
def test_editor_cannot_change_the_photos_of_an_approved_article(
    editor_client, editor, make_article, make_photo, media_root, when
):
    """The photos are part of what was approved: the form offers no photo rows, and neither the article's
    lock nor, behind it, the photo inline itself lets a posted row add, change or delete one."""
    article = make_article(published_at=timezone.now() + when)
    photo = make_photo(article, caption="Chú thích đã duyệt")
    url = reverse("admin:news_article_change", args=[article.pk])
    # The same editor is offered every row on a draft: the checks of the page below are not vacuous.
    draft = make_article(status=Article.Status.DRAFT)
    make_photo(draft)
    draft_html = editor_client.get(reverse("admin:news_article_change", args=[draft.pk])).content.decode()
    files_before = stored_files(media_root)

    page = editor_client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Chú thích đã duyệt" in html  # shown, read-only
    assert [field for field in EDITABLE_PHOTO_FIELDS if field in html] == []
    assert [field for field in EDITABLE_PHOTO_FIELDS if field not in draft_html] == []

    for attempt, rows in photo_attempts(article, photo).items():
        response = editor_client.post(url, article_form(title=article.title, **rows), follow=True)
        assert response.redirect_chain == [(url, 302)], attempt
        assert MESSAGE_LOCKED in response.content.decode(), attempt

    # Behind the article's lock, the photo rows the admin would bind for this editor refuse the same.
    request = RequestFactory().post(url)
    request.user = editor
    article_admin = admin.site.get_model_admin(Article)
    for attempt, rows in photo_attempts(article, photo).items():
        data = article_form(**rows)
        files = {key: data.pop(key) for key in [key for key in data if key.endswith("-image")]}
        for formset_class, _inline in article_admin.get_formsets_with_inlines(request, article):
            formset = formset_class(data, files, instance=article, prefix="photos")
            assert formset.is_valid(), (attempt, formset.errors)
            formset.save()

    photo.refresh_from_db()
    assert (photo.caption, photo.order) == ("Chú thích đã duyệt", 0)
    assert list(article.photos.all()) == [photo]
    assert stored_files(media_root) == files_before


def test_approver_publishes_through_the_form(approver_client):
    response = approver_client.post(
        reverse("admin:news_article_add"), article_form(status=Article.Status.PUBLISHED)
    )
    assert response.status_code == 302
    assert Article.objects.published().count() == 1


def test_approver_schedules_through_the_form(approver_client):
    later = timezone.now() + timedelta(days=1)
    approver_client.post(
        reverse("admin:news_article_add"), article_form(status=Article.Status.PUBLISHED, published_at=later)
    )
    assert Article.objects.scheduled().count() == 1
    assert not Article.objects.published().exists()


def approving_form(article, **fields):
    """The change form as the browser sends it: the time as shown, and the hidden copy it was shown with."""
    data = article_form(status=Article.Status.PUBLISHED, published_at=article.published_at, **fields)
    data["initial-published_at_0"], data["initial-published_at_1"] = (
        timezone.localtime(article.published_at).strftime(f) for f in ("%d/%m/%Y", "%H:%M:%S")
    )
    return data


def test_approving_a_draft_in_the_form_dates_it_now_as_the_list_action_does(approver_client, make_article):
    """The form kept the time the draft was started: approved three days later, it went public dated three
    days back, below the articles of those days on the home page, instead of first."""
    draft = make_article(status=Article.Status.DRAFT, published_at=timezone.now() - timedelta(days=3))
    planned = make_article(status=Article.Status.DRAFT, published_at=timezone.now() + timedelta(days=3))
    for article in (draft, planned):
        response = approver_client.post(
            reverse("admin:news_article_change", args=[article.pk]), approving_form(article)
        )
        assert response.status_code == 302
        article.refresh_from_db()
    assert draft.is_public
    assert timezone.now() - draft.published_at < timedelta(minutes=1)
    assert list(Article.objects.scheduled()) == [planned]


def test_an_approver_may_still_date_an_article_in_the_past_on_purpose(approver_client, make_article):
    # Started an hour ago: make_article's default ("n hours ago", n counting every article the run made)
    # reached the event's day once ~240 articles had been made, the date looked unchanged and was redated.
    draft = make_article(status=Article.Status.DRAFT, published_at=timezone.now() - timedelta(hours=1))
    event_day = timezone.now() - timedelta(days=10)
    data = approving_form(draft)
    data["published_at_0"] = timezone.localtime(event_day).strftime("%d/%m/%Y")
    approver_client.post(reverse("admin:news_article_change", args=[draft.pk]), data)
    draft.refresh_from_db()
    assert draft.is_public
    assert timezone.localdate(draft.published_at) == timezone.localdate(event_day)


def test_approver_edits_a_published_article(approver_client, make_article):
    article = make_article()
    response = approver_client.post(
        reverse("admin:news_article_change", args=[article.pk]),
        article_form(title="Tiêu đề đã sửa", status=Article.Status.PUBLISHED),
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Tiêu đề đã sửa"


def test_approver_publishes_and_unpublishes_with_the_list_actions(approver_client, approver, make_article):
    draft = make_article(status=Article.Status.DRAFT, published_at=timezone.now() - timedelta(days=3))
    planned = make_article(status=Article.Status.DRAFT, published_at=timezone.now() + timedelta(days=3))

    approver_client.post(
        reverse("admin:news_article_changelist"),
        {"action": "publish_selected", "_selected_action": [draft.pk, planned.pk]},
    )
    draft.refresh_from_db()
    planned.refresh_from_db()
    assert draft.is_public
    # A draft's old creation time becomes the moment it went public; a future time is kept: scheduled.
    assert timezone.now() - draft.published_at < timedelta(minutes=1)
    assert list(Article.objects.scheduled()) == [planned]
    assert draft.updated_by == approver

    approver_client.post(
        reverse("admin:news_article_changelist"),
        {"action": "unpublish_selected", "_selected_action": [draft.pk]},
    )
    draft.refresh_from_db()
    assert draft.status == Article.Status.DRAFT
    assert not Article.objects.published().exists()


def test_an_editor_typing_the_delete_address_is_refused_in_vietnamese(editor_client, make_article):
    article = make_article(status=Article.Status.DRAFT)
    response = editor_client.post(reverse("admin:news_article_delete", args=[article.pk]), {"post": "yes"})
    assert response.status_code == 403
    page = response.content.decode()
    assert "Không có quyền truy cập" in page
    assert '<html lang="vi">' in page
    assert Article.objects.filter(pk=article.pk).exists()


def test_an_approver_changing_the_address_in_the_admin_keeps_the_old_one_working(
    approver_client, client, make_article
):
    article = make_article(title="Hội nghị sơ kết công tác Đảng", category=None)
    old_url = article.get_absolute_url()
    data = article_form(title=article.title, slug="so-ket-cong-tac-dang-2026", status="published")
    assert (
        approver_client.post(reverse("admin:news_article_change", args=[article.pk]), data).status_code == 302
    )
    client.logout()
    response = client.get(old_url)
    assert (response.status_code, response["Location"]) == (301, "/tin-tuc/so-ket-cong-tac-dang-2026/")
