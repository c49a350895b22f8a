"""Notices (thông báo) with the time they are valid, their files, and the featured pin (tin nổi bật).

A notice is listed as current ("đang có hiệu lực") once it is public and its validity has begun, until
its end; then it stays in the archive. Both moments are due moments (publishing.models.earliest_after):
kept pages change at them with no save. A featured pin puts one article or one notice first on the
home page between two times; only one pin may be current at a time.
"""

from ckeditor_uploader.fields import RichTextUploadingField
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F, Q
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from news.sanitize import sanitize_body
from news.search import indexed, plain_text
from news.teasers import teaser_of
from news.text import needs_slug, nfc, unique_slug
from publishing.models import KeepsFormerSlugs, Publishable, PublishableQuerySet, earliest_after, published_q
from publishing.trash import bring_back, retire_on_commit

from .attachments import Kind, kind_of, stored_form, validate_attachment

MESSAGE_ENDS_BEFORE_START = (
    "Thời điểm hết hiệu lực phải sau thời điểm bắt đầu hiệu lực."
    " Xin kiểm tra lại ngày giờ (dd/mm/yyyy HH:MM)."
)


def when(moment):
    return date_format(timezone.localtime(moment), "H:i \\n\\g\\à\\y d/m/Y")


class NoticeQuerySet(PublishableQuerySet):
    def on_site(self, now=None):
        """What residents may open: public, and its validity begun (current or in the archive)."""
        now = now or timezone.now()
        return self.filter(published_q(now), valid_from__lte=now)

    def current(self, now=None):
        """In force now, the newest first: the home page's block and the top of /thong-bao/."""
        now = now or timezone.now()
        return (
            self.on_site(now)
            .filter(Q(valid_until__isnull=True) | Q(valid_until__gt=now))
            .order_by("-valid_from", "-pk")
        )

    def expired(self, now=None):
        """No longer in force, the most recently ended first: the archive."""
        now = now or timezone.now()
        return self.on_site(now).filter(valid_until__lte=now).order_by("-valid_until", "-pk")

    def visible_to(self, user):
        if user.is_authenticated and user.is_staff:
            return self.all()
        return self.on_site()

    def for_listing(self):
        return self.defer("body", "search_text", "search_title")


class Notice(KeepsFormerSlugs, Publishable):
    title = models.CharField("tiêu đề", max_length=255)
    slug = models.SlugField(
        "đường dẫn", max_length=200, unique=True, blank=True, help_text="Để trống để tạo tự động từ tiêu đề."
    )
    body = RichTextUploadingField("nội dung", blank=True)
    valid_from = models.DateTimeField(
        "hiệu lực từ",
        default=timezone.now,
        help_text="Thông báo hiện trong mục “Thông báo” từ lúc này (khi đã được duyệt đăng).",
    )
    valid_until = models.DateTimeField(
        "hiệu lực đến",
        null=True,
        blank=True,
        help_text="Đến lúc này thông báo tự rời trang chủ và chuyển vào mục “Thông báo đã hết hiệu lực”."
        " Để trống nếu không có hạn.",
    )
    search_text = models.TextField(blank=True, editable=False)
    search_title = models.TextField(blank=True, editable=False)
    teaser = models.TextField(blank=True, editable=False)

    revision_exclude = ("search_text", "search_title", "teaser", "created_at", "updated_at")
    due_fields = ("published_at", "valid_from", "valid_until")

    objects = NoticeQuerySet.as_manager()

    class Meta(Publishable.Meta):
        verbose_name = "thông báo"
        verbose_name_plural = "thông báo"
        permissions = [("publish_notice", "Có thể xuất bản, gỡ và hẹn giờ thông báo")]
        indexes = [models.Index(fields=["status", "-valid_from"], name="notice_current_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_until__gt=F("valid_from")),
                name="notice_ends_after_start",
            )
        ]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.valid_from and self.valid_until and self.valid_until <= self.valid_from:
            raise ValidationError({"valid_until": MESSAGE_ENDS_BEFORE_START}, code="ends_before_start")

    def save(self, *args, **kwargs):
        self.title = nfc(self.title).strip()
        self.body = sanitize_body(self.body)
        stored_slug = self.stored_slug()
        if needs_slug(self.slug):
            self.slug = unique_slug(self.slug or self.title, self.slug_is_taken)
        self.search_text = indexed(f"{self.title}\n{plain_text(self.body)}")
        self.search_title = indexed(self.title)
        self.teaser = teaser_of("", self.body)
        with transaction.atomic():
            super().save(*args, **kwargs)
            self.remember_slug_change(stored_slug)

    def get_absolute_url(self):
        return reverse("notices:detail", kwargs={"slug": self.slug})

    @property
    def in_force(self):
        now = timezone.now()
        return self.valid_from <= now and (self.valid_until is None or self.valid_until > now)

    @property
    def on_site(self):
        return self.is_public and self.valid_from <= timezone.now()

    @property
    def validity_state(self):
        """What a resident must know first about a notice not in force ("" for one in force)."""
        now = timezone.now()
        if self.valid_until is not None and self.valid_until <= now:
            return "đã hết hiệu lực"
        if self.valid_from > now:
            return "chưa đến thời gian hiệu lực"
        return ""

    def validity(self):
        """ "Hiệu lực từ 08:00 ngày 05/12/2026 đến 17:00 ngày 05/12/2026", as residents read it."""
        text = f"Hiệu lực từ {when(self.valid_from)}"
        return f"{text} đến {when(self.valid_until)}" if self.valid_until else text


class NoticeAttachment(models.Model):
    notice = models.ForeignKey(
        Notice, related_name="attachments", on_delete=models.CASCADE, verbose_name="thông báo"
    )
    file = models.FileField(
        "tệp",
        upload_to="notices/%Y/%m/",
        validators=[validate_attachment],
        help_text="Tệp PDF, hoặc ảnh JPEG, PNG, WebP (tối đa 15 MB). Tệp Word, Excel: xin lưu thành PDF.",
    )
    title = models.CharField("tên hiển thị", max_length=200, help_text="Ví dụ: Lịch cắt điện chi tiết.")
    kind = models.CharField(max_length=10, choices=Kind.CHOICES, editable=False)
    size = models.PositiveIntegerField(default=0, editable=False)
    order = models.PositiveSmallIntegerField("thứ tự", default=0)

    class Meta:
        ordering = ("order", "pk")
        verbose_name = "tệp đính kèm"
        verbose_name_plural = "tệp đính kèm"

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.title = nfc(self.title).strip()
        if self.file and not self.file._committed:
            if self.pk:
                replaced = NoticeAttachment.objects.filter(pk=self.pk).first()
                if replaced is not None:
                    retire_on_commit([replaced.file])
            self.kind = kind_of(self.file.file)
            stored = stored_form(self.file.file, self.kind)
            self.file.save(stored.name, stored, save=False)
            self.size = self.file.size
        super().save(*args, **kwargs)

    def bring_back_files(self, fields):
        """Before a restore sets the fields: the file back from the trash; False if it was purged."""
        return bring_back(self.file.storage, getattr(fields.get("file"), "name", fields.get("file")))

    @property
    def is_image(self):
        return self.kind == Kind.IMAGE

    def description(self):
        """ "PDF, 120 KB": what a resident on a phone wants to know before opening it."""
        kilobytes = max(round(self.size / 1024), 1)
        size = f"{kilobytes} KB" if kilobytes < 1024 else f"{kilobytes / 1024:.1f} MB".replace(".", ",")
        return f"{self.get_kind_display()}, {size}"


@receiver(post_delete, sender=NoticeAttachment)
def _retire_attachment_file(sender, instance, **kwargs):
    # A removed file leaves the public site; it waits in the private trash for a restore.
    retire_on_commit([instance.file])


# --- the featured pin -------------------------------------------------------------------------------
MESSAGE_ONE_ITEM = "Xin chọn một bài viết hoặc một thông báo (chỉ một trong hai)."
MESSAGE_PIN_ENDS_BEFORE_START = "Thời điểm kết thúc phải sau thời điểm bắt đầu."
MESSAGE_OVERLAP = (
    "Đã có tin nổi bật “{other}” từ {start} đến {end}, trùng thời gian với tin này. Mỗi lúc chỉ có"
    " một tin nổi bật: xin chọn thời gian khác, hoặc sửa thời gian của tin nổi bật kia trước."
)


class FeaturedPinQuerySet(models.QuerySet):
    def current(self, now=None):
        now = now or timezone.now()
        return self.filter(starts_at__lte=now, ends_at__gt=now)

    def overlapping(self, starts_at, ends_at):
        return self.filter(starts_at__lt=ends_at, ends_at__gt=starts_at)

    def next_due(self, now=None):
        return earliest_after(self, FeaturedPin.due_fields, now)


class FeaturedPin(models.Model):
    """One article or one notice shown first on the home page from starts_at until ends_at."""

    article = models.ForeignKey(
        "news.Article",
        verbose_name="bài viết",
        related_name="+",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
    )
    notice = models.ForeignKey(
        Notice, verbose_name="thông báo", related_name="+", on_delete=models.CASCADE, null=True, blank=True
    )
    starts_at = models.DateTimeField("nổi bật từ", default=timezone.now)
    ends_at = models.DateTimeField("nổi bật đến")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người ghim",
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        editable=False,
    )

    due_fields = ("starts_at", "ends_at")
    objects = FeaturedPinQuerySet.as_manager()

    class Meta:
        ordering = ("-starts_at", "-pk")
        verbose_name = "tin nổi bật"
        verbose_name_plural = "tin nổi bật"
        constraints = [
            models.CheckConstraint(
                condition=Q(article__isnull=False, notice__isnull=True)
                | Q(article__isnull=True, notice__isnull=False),
                name="pin_one_item",
            ),
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="pin_ends_after_start"),
        ]

    def __str__(self):
        return str(self.item) if self.item is not None else "Tin nổi bật"

    @property
    def item(self):
        return self.article if self.article_id else self.notice

    def clean(self):
        super().clean()
        if bool(self.article_id) == bool(self.notice_id):
            raise ValidationError(MESSAGE_ONE_ITEM, code="one_item")
        if self.starts_at and self.ends_at:
            if self.ends_at <= self.starts_at:
                raise ValidationError({"ends_at": MESSAGE_PIN_ENDS_BEFORE_START}, code="ends_before_start")
            # Refused, not "the newest wins": two pins for one evening are a mistake staff should see,
            # and the one already set may have been promised to someone.
            other = FeaturedPin.objects.exclude(pk=self.pk).overlapping(self.starts_at, self.ends_at).first()
            if other is not None:
                words = {"other": other, "start": when(other.starts_at), "end": when(other.ends_at)}
                raise ValidationError(MESSAGE_OVERLAP.format(**words), code="overlap")

    def shown_item(self):
        """The pinned item if residents may read it now; None (nothing featured) otherwise."""
        if self.article_id:
            return self.article if self.article.is_public else None
        return self.notice if self.notice.on_site and self.notice.in_force else None
