"""Review before publishing: who may make an article public, and what an article's state is called.

Editors ("Biên tập viên") write drafts; approvers ("Duyệt tin", permission news.publish_article) publish,
unpublish and schedule. Once an article is published or scheduled only an approver may change it: an
editor's edit of it is refused rather than silently taking the article off the site (docs/PUBLISHING.md).
The admin's form, actions and inline all ask these questions; nothing else decides.
"""

from django.utils import timezone

from .models import Article

PUBLISH_PERMISSION = "news.publish_article"

STATE_DRAFT = "draft"
STATE_SCHEDULED = "scheduled"
STATE_PUBLISHED = "published"
STATE_LABELS = {
    STATE_DRAFT: "Bản nháp",
    STATE_SCHEDULED: "Đã lên lịch",
    STATE_PUBLISHED: "Đã xuất bản",
}

MESSAGE_CANNOT_PUBLISH = (
    "Chỉ người duyệt tin mới được xuất bản hoặc hẹn giờ đăng bài. "
    "Hãy để trạng thái “Bản nháp”, lưu lại và báo người duyệt tin."
)
MESSAGE_LOCKED = (
    "Bài này đã được duyệt đăng nên chỉ người duyệt tin mới được sửa. "
    "Muốn sửa, xin báo người duyệt tin gỡ bài về bản nháp hoặc sửa giúp."
)


def can_publish(user):
    return user.has_perm(PUBLISH_PERMISSION)


def may_change(user, article):
    """Whether user may change this article (or add one, when article is None)."""
    if article is None or can_publish(user):
        return True
    # Ask the database, not the instance: a form may already have set the new status on it.
    stored = Article.objects.filter(pk=article.pk).values_list("status", flat=True).first()
    return stored != Article.Status.PUBLISHED


def state(article, now=None):
    """draft, scheduled or published, as the change list shows it."""
    if article.status != Article.Status.PUBLISHED:
        return STATE_DRAFT
    if article.published_at > (now or timezone.now()):
        return STATE_SCHEDULED
    return STATE_PUBLISHED


def publish(article, now=None):
    """Approve an article: a future time schedules it, otherwise it goes public now.

    A draft keeps the time it was created at until it is approved; readers should see when it went
    public, so a past time becomes now.
    """
    now = now or timezone.now()
    article.status = Article.Status.PUBLISHED
    if article.published_at <= now:
        article.published_at = now


def unpublish(article):
    article.status = Article.Status.DRAFT
