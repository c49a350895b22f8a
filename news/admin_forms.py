"""The admin's forms for articles and their photos: the review rules and upload checks, as form errors.

The rules themselves live in news.publishing and news.images; here they become messages that ward staff
read next to the field they concern.
"""

from pathlib import Path

from django import forms
from django.core.exceptions import ValidationError
from PIL import Image

from .editor import ArticleBodyField
from .images import EXTENSIONS, open_verified
from .models import Article, ArticlePhoto, Category
from .publishing import MESSAGE_CANNOT_PUBLISH, MESSAGE_LOCKED, can_publish, may_change
from .text import fold, nfc


class NormalizedCharField(forms.CharField):
    """Text as it will be stored (news.text.nfc): NFC, without NUL, control or zero-width characters.

    The models normalise on save, after the form has validated; normalising here first means the
    form's checks see what will be stored. A title of nothing but zero-width spaces is then empty (a
    "required" error, not an article without a title), a section name typed in NFD collides with the
    same name in NFC as a form error (not a database error, a 500), and a stray NUL is dropped as it
    is on save rather than refused with Django's untranslated message.
    """

    def to_python(self, value):
        return super().to_python(nfc(value) if isinstance(value, str) else value)

    def has_changed(self, initial, data):
        # Stored text is normalised on save, but a row written another way (an import, the shell) may
        # not be; and a browser sends a textarea's line breaks as CRLF. Neither is a change by staff.
        if isinstance(initial, str):
            initial = nfc(initial).strip().replace("\r\n", "\n")
        if isinstance(data, str):
            data = data.replace("\r\n", "\n")
        return super().has_changed(initial, data)


class VerifiedImageField(forms.ImageField):
    """An image upload decoded in full by news.images.open_verified.

    Django's own ImageField only checks that Pillow recognises the header, and answers with its generic
    message; this one refuses truncated files, SVG, GIF, BMP and decompression bombs with ours.
    """

    def to_python(self, data):
        upload = forms.FileField.to_python(self, data)
        if upload is None:
            return None
        image = open_verified(upload)
        upload.image = image
        upload.content_type = Image.MIME.get(image.format)
        # The content decides, not the name: a photo saved from a chat app or a web page may have no
        # extension or another one ("anh", "anh.jpg_large"), which Django's extension check refused in
        # English. Named for what it is, it passes; it is stored under a random name anyway.
        upload.name = f"{Path(upload.name).stem or 'anh'}.{EXTENSIONS[image.format]}"
        image.close()
        return upload


class ArticlePhotoForm(forms.ModelForm):
    image = VerifiedImageField(
        label=ArticlePhoto._meta.get_field("image").verbose_name.capitalize(),
        help_text=ArticlePhoto._meta.get_field("image").help_text,
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )

    class Meta:
        model = ArticlePhoto
        fields = ("image", "caption", "order", "position")
        field_classes = {"caption": NormalizedCharField}
        widgets = {
            "caption": forms.Textarea(attrs={"rows": 2, "cols": 40}),
            "order": forms.NumberInput(attrs={"min": 0}),
            "position": forms.NumberInput(attrs={"min": 0}),
        }


MESSAGE_SECTION_TAKEN = "Đã có chuyên mục “{name}”, chỉ khác chữ hoa hoặc dấu. Xin dùng chuyên mục đó."

FIRST_YEAR, LAST_YEAR = 1900, 2099
MESSAGE_YEAR = (
    f"Năm đăng phải từ {FIRST_YEAR} đến {LAST_YEAR}. Xin kiểm tra lại ngày (dd/mm/yyyy, ví dụ 25/11/2026)."
)


class ArticleAdminForm(forms.ModelForm):
    # Set per request by ArticleAdmin.get_form: the form must know who is saving.
    user = None

    class Meta:
        model = Article
        fields = ("title", "slug", "summary", "category", "status", "published_at", "body")
        field_classes = {
            "title": NormalizedCharField,
            "summary": NormalizedCharField,
            "body": ArticleBodyField,
        }

    def clean_published_at(self):
        # 01/01/0001 is a valid date to Python (the year 1), a few hours from the edge of what the
        # databases can store: SQLite's save was a 500, and on PostgreSQL every page listing the
        # article failed to read it back. A year like 2206 hides an article for good. Both are typos.
        when = self.cleaned_data.get("published_at")
        if when is not None and not FIRST_YEAR <= when.year <= LAST_YEAR:
            raise ValidationError(MESSAGE_YEAR, code="year")
        return when

    def clean(self):
        cleaned = super().clean()
        if self.user is None:
            return cleaned
        if not may_change(self.user, self.instance if self.instance.pk else None):
            raise ValidationError(MESSAGE_LOCKED, code="locked")
        if cleaned.get("status") == Article.Status.PUBLISHED and not can_publish(self.user):
            self.add_error("status", ValidationError(MESSAGE_CANNOT_PUBLISH, code="cannot_publish"))
        return cleaned


class CategoryAdminForm(forms.ModelForm):
    class Meta:
        model = Category
        fields = ("name", "slug", "order")
        field_classes = {"name": NormalizedCharField}

    def clean_name(self):
        # "Văn hóa", "văn hóa" and "Văn hoá" (the old tone placement) are one section to residents;
        # the database's unique check sees three names and would make van-hoa, van-hoa-2, van-hoa-3.
        name = self.cleaned_data["name"]
        others = Category.objects.exclude(pk=self.instance.pk).values_list("name", flat=True)
        same = next((other for other in others if fold(other) == fold(name)), None)
        if same is not None and same != name:
            raise ValidationError(MESSAGE_SECTION_TAKEN.format(name=same), code="similar")
        return name
