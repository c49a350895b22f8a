"""The review step: an editor sends a draft for review, an approver sees it waiting and publishes or
schedules it, and nobody is misled into a draft that never appears."""

import re
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from news.models import Article

from .posting import article_form

ADD = reverse("admin:news_article_add")
LIST = reverse("admin:news_article_changelist")


def change_url(article):
    return reverse("admin:news_article_change", args=[article.pk])


def status_options(page):
    select = re.search(r'<select name="status".*?</select>', page, re.S).group(0)
    return re.findall(r'<option value="(\w+)"', select)


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def test_editors_are_offered_draft_and_review_only(editor_client):
    page = editor_client.get(ADD)
    assert page.status_code == 200
    assert status_options(page.content.decode()) == ["draft", "review"]
    assert "Chờ duyệt" in page.content.decode()


def test_approvers_are_offered_publishing_too(approver_client):
    page = approver_client.get(ADD)
    assert status_options(page.content.decode()) == ["draft", "review", "published"]


def test_an_editor_submits_and_the_approver_is_shown_it_waiting(editor_client, editor, approver):
    response = editor_client.post(ADD, article_form(title="Bài gửi duyệt", status=Article.Status.REVIEW))
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.status == Article.Status.REVIEW
    assert article.created_by == editor
    assert not Article.objects.published().exists()

    # The approver signs in on the same browser: the client fixtures share one test client.
    approver_client = editor_client
    approver_client.force_login(approver)
    front = approver_client.get(reverse("admin:index")).content.decode()
    assert re.search(r'trang_thai=review">Bài viết chờ duyệt</a></th>\s*<td>1</td>', front)
    waiting = approver_client.get(LIST, {"trang_thai": "review"})
    assert [a.title for a in waiting.context["cl"].result_list] == ["Bài gửi duyệt"]
    assert '<span class="state state-review">Chờ duyệt</span>' in waiting.content.decode()


def test_an_approver_publishes_what_waits_from_the_list(approver_client, make_article):
    waiting = make_article(status=Article.Status.REVIEW, published_at=timezone.now() - timedelta(days=3))
    response = approver_client.post(
        LIST, {"action": "publish_selected", "_selected_action": [waiting.pk]}, follow=True
    )
    assert "Đã xuất bản 1 bài, hẹn giờ 0 bài." in messages_of(response)
    waiting.refresh_from_db()
    assert waiting.is_public
    # Dated when it went public, not when it was started.
    assert timezone.now() - waiting.published_at < timedelta(minutes=1)


def test_the_submit_action_sends_drafts_only(editor_client, make_article):
    draft = make_article(status=Article.Status.DRAFT)
    live = make_article()
    response = editor_client.post(
        LIST, {"action": "submit_selected", "_selected_action": [draft.pk, live.pk]}, follow=True
    )
    assert "Đã gửi 1 bài cho người duyệt tin." in messages_of(response)
    draft.refresh_from_db()
    live.refresh_from_db()
    assert (draft.status, live.status) == (Article.Status.REVIEW, Article.Status.PUBLISHED)


def test_a_future_time_with_published_schedules_and_says_when(approver_client):
    later = timezone.localtime() + timedelta(days=1)
    data = article_form(title="Bài hẹn giờ", status=Article.Status.PUBLISHED, published_at=later)
    response = approver_client.post(ADD, data, follow=True)
    article = Article.objects.get()
    assert article.state == "scheduled"
    said = " ".join(messages_of(response))
    assert f"sẽ tự hiện trên trang lúc {later:%H:%M} ngày {later:%d/%m/%Y}" in said
    form = approver_client.get(change_url(article)).content.decode()
    assert f"Đã hẹn giờ: sẽ tự hiện trên trang lúc {later:%H:%M} ngày {later:%d/%m/%Y}" in form


def test_a_future_time_on_a_draft_warns_that_it_will_not_appear(approver_client):
    later = timezone.localtime() + timedelta(days=1)
    data = article_form(title="Bài quên duyệt", status=Article.Status.DRAFT, published_at=later)
    response = approver_client.post(ADD, data, follow=True)
    said = " ".join(messages_of(response))
    assert "đang ở trạng thái “Bản nháp” nên sẽ không hiện trên trang" in said
    assert f"kể cả khi đến {later:%H:%M} ngày {later:%d/%m/%Y}" in said
    assert Article.objects.get().state == "draft"


def test_a_past_time_on_a_draft_needs_no_warning(approver_client):
    response = approver_client.post(ADD, article_form(status=Article.Status.DRAFT), follow=True)
    assert response.status_code == 200
    assert not any("không hiện trên trang" in m for m in messages_of(response))


def test_the_time_field_explains_scheduling_in_words(approver_client):
    page = approver_client.get(ADD).content.decode()
    assert "bản nháp và bài chờ duyệt không bao giờ tự hiện ra" in page
