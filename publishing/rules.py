"""Review before publishing: who may make content public, and how an item moves between states.

Editors ("Biên tập viên") write drafts and send them for review ("Chờ duyệt"); approvers ("Duyệt tin",
the type's publish permission, e.g. news.publish_article) publish now or at a time to come, and
unpublish. Once an item is published or scheduled only an approver may change it: an editor's edit is
refused rather than silently taking the item off the site (docs/PUBLISHING.md). The admin's form,
actions and inlines ask these functions; nothing else decides.
"""

from django.utils import timezone

from .models import Status

MESSAGE_CANNOT_PUBLISH = (
    "Chỉ người duyệt tin mới được xuất bản hoặc hẹn giờ đăng bài. "
    "Hãy chọn “Chờ duyệt”, lưu lại, người duyệt tin sẽ xem và đăng."
)
MESSAGE_LOCKED = (
    "Bài này đã được duyệt đăng nên chỉ người duyệt tin mới được sửa. "
    "Muốn sửa, xin báo người duyệt tin gỡ bài về bản nháp hoặc sửa giúp."
)


def can_publish(user, model):
    return user.has_perm(model.publish_permission())


def status_choices(user, model):
    """The statuses this user may pick: editors are never offered "Đã xuất bản"."""
    if can_publish(user, model):
        return Status.choices
    return [(value, label) for value, label in Status.choices if value != Status.PUBLISHED]


def may_change(user, model, item):
    """Whether user may change this item (or add one, when item is None)."""
    if item is None or item.pk is None or can_publish(user, model):
        return True
    # Ask the database, not the instance: a form may already have set the new status on it.
    stored = model._default_manager.filter(pk=item.pk).values_list("status", flat=True).first()
    return stored != Status.PUBLISHED


def publish(item, now=None):
    """Approve an item: a future time schedules it, otherwise it goes public now.

    A draft keeps the time it was created at until it is approved; readers should see when it went
    public, so a past time becomes now.
    """
    now = now or timezone.now()
    item.status = Status.PUBLISHED
    if item.published_at <= now:
        item.published_at = now


def unpublish(item):
    item.status = Status.DRAFT


def submit(item):
    item.status = Status.REVIEW
