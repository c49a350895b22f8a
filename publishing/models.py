"""The publishing core: what every kind of content staff publish has, and what the public may see.

A content type (articles today; notices, pages, documents and the week's schedule after them) inherits
Publishable and its queryset, and gets drafts, review, scheduling and who-changed-what in a few lines:

    class NoticeQuerySet(PublishableQuerySet): ...
    class Notice(Publishable):
        objects = NoticeQuerySet.as_manager()
        class Meta(Publishable.Meta):
            permissions = [("publish_notice", "Có thể duyệt đăng thông báo")]

The rule "what the public sees" is written here once: published_q() for the database, state() for an
instance in hand. Every page, feed, sitemap, cache and admin screen asks one of them.
"""

from django.conf import settings
from django.db import models
from django.db.models import Min, Q
from django.utils import timezone

from .addresses import FormerSlug, KeepsFormerSlugs

__all__ = ["FormerSlug", "KeepsFormerSlugs", "Publishable", "PublishableQuerySet", "State", "Status"]


class Status(models.TextChoices):
    DRAFT = "draft", "Bản nháp"
    REVIEW = "review", "Chờ duyệt"
    PUBLISHED = "published", "Đã xuất bản"


class State(models.TextChoices):
    """What an item is to a reader right now: the status, with an approved item's time taken into account."""

    DRAFT = "draft", "Bản nháp"
    REVIEW = "review", "Chờ duyệt"
    SCHEDULED = "scheduled", "Đã lên lịch"
    PUBLISHED = "published", "Đã xuất bản"


def published_q(now=None):
    """Approved, and its time has come: the one definition of public."""
    return Q(status=Status.PUBLISHED, published_at__lte=now or timezone.now())


def scheduled_q(now=None):
    """Approved for a time still to come."""
    return Q(status=Status.PUBLISHED, published_at__gt=now or timezone.now())


def earliest_after(queryset, fields, now=None):
    """The earliest of these time fields still to come, over the queryset's rows; or None.

    The one rule of "due moments": times at which what readers see changes with no save (a scheduled
    item going public, a notice's validity starting or ending, a featured pin starting or ending).
    news.page_cache asks every model that names its due_fields, and bumps its pages' generation then.
    One small query per field, the bound in its WHERE: an index on the time finds the first row at once
    (a MIN(... FILTER ...) over all fields in one query read every published article).
    """
    now = now or timezone.now()
    found = (
        queryset.filter(**{f"{field}__gt": now}).order_by().aggregate(first=Min(field))["first"]
        for field in fields
    )
    return min((when for when in found if when is not None), default=None)


def previews_everything(user):
    """Staff see drafts and scheduled items at their public address (visible_to)."""
    return user.is_authenticated and user.is_staff


def state_of(status, published_at, now=None):
    """The State of an item with this status and time (the same rule as published_q, for one row)."""
    if status != Status.PUBLISHED:
        return State.REVIEW if status == Status.REVIEW else State.DRAFT
    return State.SCHEDULED if published_at > (now or timezone.now()) else State.PUBLISHED


class PublishableQuerySet(models.QuerySet):
    def published(self):
        """What the public may read: published, and not scheduled for later."""
        return self.filter(published_q())

    def scheduled(self):
        """Approved for publication at a time still to come."""
        return self.filter(scheduled_q())

    def drafts(self):
        """Being written: not yet sent for review."""
        return self.filter(status=Status.DRAFT)

    def awaiting_review(self):
        """Sent by an editor, waiting for an approver."""
        return self.filter(status=Status.REVIEW)

    def in_state(self, state):
        """Those in one State (the admin's filter by state)."""
        return {
            State.DRAFT: self.drafts,
            State.REVIEW: self.awaiting_review,
            State.SCHEDULED: self.scheduled,
            State.PUBLISHED: self.published,
        }[state]()

    def moved_from(self, slug):
        """The item (of those in this queryset) that had this slug before it was renamed, or None."""
        return self.filter(former_slugs__slug=slug).first()

    def visible_to(self, user):
        """Staff preview everything at its public address; everyone else sees what is published."""
        return self.all() if previews_everything(user) else self.published()

    def next_due(self, now=None):
        """The next due moment of the approved items (publishing.models.earliest_after)."""
        return earliest_after(self.filter(status=Status.PUBLISHED), self.model.due_fields, now)

    def review_counts(self):
        """How many items wait in each state staff act on, in one query."""
        now = timezone.now()
        return self.aggregate(
            **{
                State.REVIEW: models.Count("pk", filter=Q(status=Status.REVIEW)),
                State.DRAFT: models.Count("pk", filter=Q(status=Status.DRAFT)),
                State.SCHEDULED: models.Count("pk", filter=scheduled_q(now)),
            }
        )


class Publishable(models.Model):
    """Drafts, review and scheduling, and who created and last changed the item."""

    Status = Status

    status = models.CharField("trạng thái", max_length=10, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(
        "thời gian đăng",
        default=timezone.now,
        help_text=(
            "Khi được duyệt đăng, bài hiện ra vào thời điểm này. Chọn một thời điểm trong tương lai và trạng"
            " thái “Đã xuất bản” để hẹn giờ đăng; bản nháp và bài chờ duyệt không bao giờ tự hiện ra."
        ),
    )
    created_at = models.DateTimeField("tạo lúc", auto_now_add=True)
    updated_at = models.DateTimeField("sửa lúc", auto_now=True)
    # Set by the admin (publishing.admin.PublishableAdmin.save_model); an import or the shell leaves them.
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người tạo",
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        editable=False,
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người sửa cuối",
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        editable=False,
    )

    objects = PublishableQuerySet.as_manager()
    # The times at which an approved item changes for readers by itself (earliest_after); a type with
    # more (a notice's validity) lists them too.
    due_fields = ("published_at",)

    class Meta:
        abstract = True
        ordering = ("-published_at", "-pk")
        get_latest_by = "published_at"

    @property
    def state(self):
        return state_of(self.status, self.published_at)

    @property
    def is_public(self):
        return self.state == State.PUBLISHED

    @property
    def modified_at(self):
        """When readers last saw it change: its last edit, or its publication if that came later (an item
        scheduled ahead was last edited before it appeared)."""
        return max(self.published_at, self.updated_at) if self.updated_at else self.published_at

    @classmethod
    def publish_permission(cls):
        """The permission that lets a user publish, schedule and unpublish this type: app.publish_<model>."""
        return f"{cls._meta.app_label}.publish_{cls._meta.model_name}"
