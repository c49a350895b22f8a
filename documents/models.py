"""Văn bản: the ward's documents, their types, issuing bodies and fields, their files, and the
articles that cite them."""

import os
import uuid

from ckeditor.fields import RichTextField
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone

from news.sanitize import sanitize_body
from news.search import indexed, plain_text
from news.text import needs_slug, nfc, unique_slug
from publishing.models import KeepsFormerSlugs, Publishable, PublishableQuerySet

from . import citations
from .files import KINDS, human_size, identify
from .numbers import stored_key
from .storage import document_storage


class NamedList(models.Model):
    """A list staff manage (types, issuing bodies, fields): a name, its address part, its place."""

    name = models.CharField("tên", max_length=150, unique=True)
    slug = models.SlugField("đường dẫn", max_length=160, unique=True, blank=True)
    order = models.PositiveSmallIntegerField("thứ tự", default=0)

    class Meta:
        abstract = True
        ordering = ("order", "name")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name = nfc(self.name).strip()
        if needs_slug(self.slug):
            others = type(self)._default_manager.exclude(pk=self.pk)
            self.slug = unique_slug(self.name, lambda s: others.filter(slug=s).exists(), max_length=160)
        super().save(*args, **kwargs)


class DocumentType(NamedList):
    class Meta(NamedList.Meta):
        verbose_name = "loại văn bản"
        verbose_name_plural = "loại văn bản"


class IssuingBody(NamedList):
    class Meta(NamedList.Meta):
        verbose_name = "cơ quan ban hành"
        verbose_name_plural = "cơ quan ban hành"


class Field(NamedList):
    class Meta(NamedList.Meta):
        verbose_name = "lĩnh vực"
        verbose_name_plural = "lĩnh vực"


class DocumentQuerySet(PublishableQuerySet):
    def for_listing(self):
        """What the list and the home block show: the names of type and issuer, no body."""
        return self.select_related("doc_type", "issuer", "field").defer("body", "search_text")

    def with_number(self, key):
        """Those whose number has this key ("7 nq qu")."""
        return self.filter(number_key=f" {key} ")

    def cited_by(self, article):
        return self.filter(citations__article=article)


class Document(KeepsFormerSlugs, Publishable):
    number = models.CharField(
        "số, ký hiệu",
        max_length=80,
        help_text="Như in trên văn bản, ví dụ 07-NQ/QU, 12-HD/BTCTW, 125/KH-UBND.",
    )
    doc_type = models.ForeignKey(
        DocumentType, verbose_name="loại văn bản", on_delete=models.PROTECT, related_name="documents"
    )
    issuer = models.ForeignKey(
        IssuingBody, verbose_name="cơ quan ban hành", on_delete=models.PROTECT, related_name="documents"
    )
    field = models.ForeignKey(
        Field,
        verbose_name="lĩnh vực",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="documents",
    )
    signer = models.CharField("người ký", max_length=150, blank=True)
    issued_on = models.DateField("ngày ban hành")
    effective_on = models.DateField("ngày hiệu lực", null=True, blank=True)
    summary = models.TextField("trích yếu", max_length=2000)
    body = RichTextField("nội dung", blank=True, help_text="Không bắt buộc: toàn văn hoặc tóm tắt nội dung.")
    slug = models.SlugField(
        "đường dẫn", max_length=200, unique=True, blank=True, help_text="Để trống để tạo tự động."
    )
    # Made on save: the number as it compares (documents.numbers) and the folded text search reads.
    number_key = models.CharField(max_length=120, editable=False, db_index=True)
    search_text = models.TextField(blank=True, editable=False)

    revision_exclude = ("number_key", "search_text", "created_at", "updated_at")

    objects = DocumentQuerySet.as_manager()

    class Meta(Publishable.Meta):
        ordering = ("-issued_on", "-published_at", "-pk")
        verbose_name = "văn bản"
        verbose_name_plural = "văn bản"
        permissions = [("publish_document", "Có thể xuất bản, gỡ và hẹn giờ văn bản")]
        indexes = [models.Index(fields=["status", "-issued_on"], name="document_public_idx")]

    def __str__(self):
        return f"{self.doc_type.name if self.doc_type_id else 'Văn bản'} số {self.number}"

    @property
    def title(self):
        return str(self)

    @property
    def heading(self):
        """ "Nghị quyết số 07-NQ/ĐU – Về …": how a list names a document, by number and trích yếu."""
        return f"{self} – {self.summary}"

    def clean(self):
        if self.effective_on and self.issued_on and self.effective_on < self.issued_on:
            raise ValidationError({"effective_on": "Ngày hiệu lực không thể trước ngày ban hành."})
        if not stored_key(self.number):
            raise ValidationError({"number": "Xin nhập số, ký hiệu của văn bản, ví dụ 07-NQ/QU."})

    def save(self, *args, **kwargs):
        self.number = nfc(self.number).strip()
        self.signer = nfc(self.signer).strip()
        self.summary = nfc(self.summary).strip()
        self.body = sanitize_body(self.body)
        previous_key = self._stored_key()
        self.number_key = stored_key(self.number)
        stored_slug = self.stored_slug()
        if needs_slug(self.slug):
            year = self.issued_on.year if self.issued_on else timezone.localdate().year
            self.slug = unique_slug(f"{self.number} {year}", self.slug_is_taken)
        parts = [self.number, self.number_key, self.summary, self.signer, plain_text(self.body)]
        parts += [self.doc_type.name if self.doc_type_id else "", self.issuer.name if self.issuer_id else ""]
        self.search_text = indexed("\n".join(p for p in parts if p))
        with transaction.atomic():
            super().save(*args, **kwargs)
            self.remember_slug_change(stored_slug)
            if previous_key != self.number_key:
                citations.store_for_number(previous_key, self.number_key)

    def _stored_key(self):
        if self.pk is None:
            return ""
        return Document.objects.filter(pk=self.pk).values_list("number_key", flat=True).first() or ""

    def get_absolute_url(self):
        return reverse("documents:detail", kwargs={"slug": self.slug})


def _stored_name(instance, filename):
    # Random: a stored file's name tells nothing and cannot be guessed; the original name is kept apart.
    return f"{timezone.localdate():%Y/%m}/{uuid.uuid4().hex}.{instance.kind or 'bin'}"


def validate_document_file(upload):
    # A file stored already was checked when it came; only a new upload is read.
    if not getattr(upload, "_committed", False):
        identify(upload)


class DocumentFile(models.Model):
    document = models.ForeignKey(
        Document, related_name="files", on_delete=models.CASCADE, verbose_name="văn bản"
    )
    file = models.FileField(
        "tệp",
        upload_to=_stored_name,
        storage=document_storage,
        max_length=200,
        validators=[validate_document_file],
        help_text="PDF, Word (DOC, DOCX), Excel (XLS, XLSX) hoặc ODT, không có macro.",
    )
    original_name = models.CharField("tên tệp", max_length=200, editable=False)
    kind = models.CharField(
        "định dạng", max_length=8, editable=False, choices=[(k, v.label) for k, v in KINDS.items()]
    )
    size = models.PositiveBigIntegerField("dung lượng", default=0, editable=False)
    downloads = models.PositiveIntegerField("lượt tải", default=0, editable=False)
    order = models.PositiveSmallIntegerField("thứ tự", default=0)

    class Meta:
        ordering = ("order", "pk")
        verbose_name = "tệp đính kèm"
        verbose_name_plural = "tệp đính kèm"

    def __str__(self):
        return self.original_name or self.file.name

    def save(self, *args, **kwargs):
        if self.file and not self.file._committed:
            upload = self.file.file
            kind = identify(upload, self.file.name)
            self.kind = kind.code
            self.original_name = download_name(getattr(upload, "name", "") or self.file.name, kind)
            self.size = upload.size
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("documents:file", kwargs={"slug": self.document.slug, "pk": self.pk})

    @property
    def kind_info(self):
        return KINDS[self.kind]

    @property
    def description(self):
        """ "PDF, 245 KB"."""
        return f"{self.kind_info.label}, {human_size(self.size)}"


def download_name(name, kind):
    """The name a resident's download gets: the one staff uploaded, NFC, without folders, with the
    extension of what the file really is."""
    base = nfc(os.path.basename(str(name).replace("\\", "/"))).strip() or "van-ban"
    stem, ext = os.path.splitext(base)
    if ext.lower().lstrip(".") != kind.extension:
        stem = base
    return f"{stem[:150]}.{kind.extension}"


class Citation(models.Model):
    """An article that mentions a document's number (documents.citations), stored on the article's save."""

    article = models.ForeignKey("news.Article", on_delete=models.CASCADE, related_name="document_citations")
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="citations")

    class Meta:
        verbose_name = "bài viết dẫn văn bản"
        verbose_name_plural = "bài viết dẫn văn bản"
        constraints = [models.UniqueConstraint(fields=["article", "document"], name="citation_unique")]

    def __str__(self):
        return f"{self.article_id} → {self.document_id}"


__all__ = ["Citation", "Document", "DocumentFile", "DocumentType", "Field", "IssuingBody"]
