"""Hỏi đáp - Góp ý: a resident's question, staff's answer, and what of it the public may read.

A question arrives from the public form with its sender's contact data (CONTACT_FIELDS). Staff answer
it in the admin; whether the question and its answer go on the public Hỏi đáp page is the publishing
core's decision (Publishable: editors propose, whoever has questions.publish_question publishes). The
public page never shows the contact data: the sender is "Một người dân" there, always. Contact data is
read in the admin only with questions.view_contact, is kept out of versions (revision_exclude), and is
deleted by `manage.py purge_question_contacts` after PORTAL_QUESTION_CONTACT_DAYS.
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from news.search import indexed
from publishing.models import Publishable, PublishableQuerySet

# Who the public page says asked: never the sender's name (docs/RESIDENTS.md).
PUBLIC_SENDER = "Một người dân"
# The fields that say who sent a question and how to reach them.
CONTACT_FIELDS = ("name", "phone", "email", "residential_group")
# HD- and six of these: no 0/O, 1/I/L, so it reads over the phone; 31^6 ≈ 890 million codes.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
REFERENCE_LENGTH = 6
REFERENCE_PATTERN = rf"HD-[{REFERENCE_ALPHABET}]{{{REFERENCE_LENGTH}}}"


def new_reference():
    return "HD-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))


class QuestionQuerySet(PublishableQuerySet):
    def published(self):
        """On the public page: published by the core's rule, and answered (a question alone is never)."""
        return super().published().exclude(answer="")

    def waiting(self):
        """ "Chờ trả lời": received, not yet answered."""
        return self.filter(answer="")

    def answered(self):
        return self.exclude(answer="")

    def contact_expired(self, now=None):
        """Those whose contact data is past its keeping time: answered (or, unanswered, received)
        PORTAL_QUESTION_CONTACT_DAYS ago or more, and not yet purged."""
        cutoff = (now or timezone.now()) - timedelta(days=settings.PORTAL_QUESTION_CONTACT_DAYS)
        kept = Q(name__gt="") | Q(phone__gt="") | Q(email__gt="") | Q(residential_group__gt="")
        return (
            self.filter(kept, contact_purged_at__isnull=True)
            .annotate(kept_since=Coalesce("answered_at", "created_at"))
            .filter(kept_since__lte=cutoff)
        )


class Question(Publishable):
    reference = models.CharField("mã số", max_length=12, unique=True, editable=False)
    name = models.CharField("họ và tên", max_length=100, blank=True)
    phone = models.CharField("số điện thoại", max_length=20, blank=True)
    email = models.EmailField("thư điện tử", max_length=254, blank=True)
    residential_group = models.CharField("tổ dân phố", max_length=100, blank=True)
    contact_purged_at = models.DateTimeField(
        "xóa thông tin liên hệ lúc", null=True, blank=True, editable=False
    )
    subject = models.CharField("tiêu đề", max_length=200)
    body = models.TextField(
        "câu hỏi",
        help_text=(
            "Chữ thuần, không định dạng. Trước khi đăng lên trang, xin bỏ những gì người hỏi lỡ viết về"
            " mình (số điện thoại, địa chỉ nhà…)."
        ),
    )
    answer = models.TextField(
        "câu trả lời",
        blank=True,
        help_text="Chữ thuần: xuống dòng để tách đoạn. Người dân đọc câu trả lời này trên trang Hỏi đáp.",
    )
    answered_at = models.DateTimeField("trả lời lúc", null=True, blank=True, editable=False)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người trả lời",
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
    )
    search_text = models.TextField(blank=True, editable=False)

    objects = QuestionQuerySet.as_manager()

    # Versions keep what staff wrote, never who asked: a purge must not leave contact data in history.
    revision_exclude = (*CONTACT_FIELDS, "contact_purged_at", "search_text", "created_at", "updated_at")

    class Meta(Publishable.Meta):
        verbose_name = "câu hỏi"
        verbose_name_plural = "câu hỏi"
        permissions = [
            ("publish_question", "Có thể duyệt đăng hỏi đáp lên trang"),
            ("view_contact", "Có thể xem thông tin liên hệ của người hỏi"),
        ]

    def __str__(self):
        return f"{self.reference}: {self.subject}"

    def save(self, *args, **kwargs):
        self._derive()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "search_text", "answered_at", "answered_by"}
        super().save(*args, **kwargs)

    def _derive(self):
        if not self.reference:
            self.reference = self._unused_reference()
        if not self.answer:
            # An answer taken back: the question waits again, and its keeping time is not running.
            self.answered_at = self.answered_by = None
        elif self.answered_at is None:
            self.answered_at = timezone.now()
        # Found by what it says, never by who asked (search over all types: news.search.indexed).
        self.search_text = indexed("\n".join((self.subject, self.body, self.answer)))

    @classmethod
    def receive(cls, **fields):
        """Store a question as a resident sent it.

        An INSERT without save()'s signals: a new question is not public, and saving content drops every
        kept page (news.page_cache watches publishable types), so a flood of questions from many
        addresses would otherwise empty the page cache for everyone.
        """
        question = cls(**fields)
        question._derive()
        now = timezone.now()
        question.created_at = question.updated_at = question.published_at = now
        (question,) = cls._default_manager.bulk_create([question])
        return question

    @classmethod
    def _unused_reference(cls):
        while True:
            reference = new_reference()
            if not cls._default_manager.filter(reference=reference).exists():
                return reference

    @property
    def is_public(self):
        return super().is_public and bool(self.answer)

    @property
    def contact_deleted_after(self):
        """When the purge deletes the sender's contact data: so long after the answer, or the receipt."""
        since = self.answered_at or self.created_at
        return since + timedelta(days=settings.PORTAL_QUESTION_CONTACT_DAYS) if since else None

    @property
    def has_contact(self):
        return any(getattr(self, field) for field in CONTACT_FIELDS)

    def get_absolute_url(self):
        return reverse("questions:detail", args=[self.pk])
