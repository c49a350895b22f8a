"""The admin's forms for articles and their photos: the review rules and upload checks, as form errors.

The rules themselves live in news.publishing and news.images; here they become messages that ward staff
read next to the field they concern.
"""

import logging
from functools import partial
from pathlib import Path

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.backends.base.operations import BaseDatabaseOperations
from django.utils.html import format_html
from PIL import Image

from publishing.forms import PublishableForm

from . import kept_photos
from .body import outline
from .editor import ArticleBodyField
from .images import EXTENSIONS, open_verified
from .models import Article, ArticlePhoto, Category
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


class LostPhoto:
    """What a photo row sends when its kept photo cannot be had: a forged, stale or foreign token."""

    def __init__(self, error):
        self.error = error


class VerifiedImageField(forms.ImageField):
    """An image upload decoded in full by news.images.open_verified.

    Django's own ImageField only checks that Pillow recognises the header, and answers with its generic
    message; this one refuses truncated files, SVG, GIF, BMP and decompression bombs with ours. A photo
    kept from a refused save (KeptImageInput) is checked again here, like any upload.
    """

    def to_python(self, data):
        if isinstance(data, LostPhoto):
            raise data.error
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
        upload.verified = True  # KeptImageInput keeps only what passed
        image.close()
        return upload

    def bound_data(self, data, initial):
        # Django shows a refused form's file box with the stored file only, as a browser cannot be made
        # to send a file again; an accepted upload goes to KeptImageInput, which keeps it.
        if getattr(data, "verified", False):
            return data
        return super().bound_data(data, initial)


logger = logging.getLogger(__name__)

MESSAGE_KEPT = "Ảnh đã chọn được giữ lại, không cần chọn lại:"


class KeptImageInput(forms.ClearableFileInput):
    """A file box that keeps an accepted photo when the form comes back refused.

    The browser does not send a file twice, and staff on a phone had to find six photos again because
    one was a HEIC. Rendering a refused form with an accepted upload keeps the upload privately
    (news.kept_photos) and shows it with its token in a hidden input; the next POST without a new file
    in that row brings the kept photo back. A new file chosen wins over the kept one.
    """

    owner = None  # who is saving (a user's id): set per request by ArticlePhotoForm

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self._loaded = {}

    def __deepcopy__(self, memo):
        # Django copies a widget shallowly for each form; the photos read back must not be shared.
        copied = super().__deepcopy__(memo)
        copied._loaded = {}
        return copied

    @staticmethod
    def kept_name(name):
        return f"{name}-kept"

    def value_from_datadict(self, data, files, name):
        value = super().value_from_datadict(data, files, name)
        token = data.get(self.kept_name(name))
        if value is not None or not token:
            return value
        # Asked for several times per request (cleaning, has_changed, rendering): read the file once.
        if token not in self._loaded:
            try:
                self._loaded[token] = kept_photos.load(token, self.owner)
            except ValidationError as error:
                self._loaded[token] = LostPhoto(error)
        return self._loaded[token]

    def value_omitted_from_data(self, data, files, name):
        return super().value_omitted_from_data(data, files, name) and self.kept_name(name) not in data

    def render(self, name, value, attrs=None, renderer=None):
        # One box, so that the admin's row lays the preview, the note and the file button out as one
        # column beside the label (static/js/photo-rows.js puts a new photo's preview in it too).
        file_box = super().render(name, value, attrs, renderer)
        if not getattr(value, "verified", False):
            return format_html('<div class="photo-choice">{}</div>', file_box)
        if not getattr(value, "kept_token", None):
            try:
                value.kept_token = kept_photos.keep(value, self.owner)
            except OSError:
                # The private folder is missing or full: staff choose the photo again, as before.
                logger.exception("could not keep a photo in the private storage")
                return format_html('<div class="photo-choice">{}</div>', file_box)
        return format_html(
            '<div class="photo-choice"><div class="photo-kept"><img class="photo-preview" src="{}" alt="">'
            '<p class="photo-kept-note">{} <span class="photo-kept-name">{}</span></p>'
            '<input type="hidden" name="{}" value="{}"></div>{}</div>',
            kept_photos.preview_url(value),
            MESSAGE_KEPT,
            value.name,
            self.kept_name(name),
            value.kept_token,
            file_box,
        )


KIND_LABELS = {
    "heading": "tiêu đề",
    "list": "danh sách",
    "table": "bảng",
    "quote": "trích dẫn",
    "figure": "ảnh",
    "image": "ảnh",
    "rule": "đường kẻ ngang",
}
START_LABEL, END_LABEL = "Đầu bài", "Cuối bài"
MISSING_LABEL = "Sau đoạn {number} (bài không có đoạn này: ảnh ở cuối bài)"
POSITION_HELP = (
    "Ảnh hiện ngay sau đoạn bạn chọn. Danh sách đánh số các đoạn của nội dung bài ở trên và tự đổi khi"
    " bạn sửa nội dung."
)


def block_label(number, kind, opening):
    """How a position reads in the select: "Sau đoạn 3: «Tại hội nghị…»" (static/js/photo-rows.js too)."""
    kind = f" ({KIND_LABELS[kind]})" if kind in KIND_LABELS else ""
    return f"Sau đoạn {number}{kind}: «{opening}»" if opening else f"Sau đoạn {number}{kind}"


def position_choices(body):
    """The places a photo can go in this body: the start, after each block, the end (no position)."""
    blocks = [(str(n), block_label(n, *block)) for n, block in enumerate(outline(body), start=1)]
    return [("0", START_LABEL), *blocks, ("", END_LABEL)]


class PositionSelect(forms.Select):
    """The blocks of the body to place a photo after, by number and opening words.

    The list is only what the server saw; static/js/photo-rows.js rebuilds it as staff type, and the
    field takes any position the model can store. A stored position past the body's end stays listed,
    so saving the row again does not move its photo.
    """

    def get_context(self, name, value, attrs):
        offered = {choice for choice, _ in self.choices}
        missing = [v for v in self.format_value(value) if v.isdigit() and v not in offered]
        if missing:
            *places, end = self.choices
            self.choices = [*places, *((v, MISSING_LABEL.format(number=int(v))) for v in missing), end]
        return super().get_context(name, value, attrs)


class ArticlePhotoForm(forms.ModelForm):
    image = VerifiedImageField(
        label=ArticlePhoto._meta.get_field("image").verbose_name.capitalize(),
        help_text=ArticlePhoto._meta.get_field("image").help_text,
        widget=KeptImageInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    # Any place the browser's list can offer (static/js/photo-rows.js follows the typing, ahead of the
    # server). The upper bound is the column's on PostgreSQL; SQLite would store anything.
    position = forms.IntegerField(
        label="Vị trí trong bài",
        help_text=POSITION_HELP,
        required=False,
        min_value=0,
        max_value=BaseDatabaseOperations.integer_field_ranges["PositiveSmallIntegerField"][1],
        widget=PositionSelect(attrs={"class": "photo-position"}),
    )
    # Set per request by ArticlePhotoInline.get_formset: who saves, and the body photos are placed in.
    owner = None
    body = ""

    class Meta:
        model = ArticlePhoto
        # No "order": photos follow their position, and rows at one position keep their order in the
        # form (ArticlePhotoFormSet.save).
        fields = ("image", "caption", "position")
        field_classes = {"caption": NormalizedCharField}
        widgets = {
            "caption": forms.Textarea(attrs={"rows": 2, "cols": 40}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["image"].widget.owner = self.owner
        self.fields["position"].widget.choices = position_choices(self.body)

    def save(self, commit=True):
        photo = super().save(commit)
        widget = self.fields["image"].widget
        used = getattr(self.cleaned_data.get("image"), "kept_token", None)
        sent = self.data.get(widget.kept_name(self.add_prefix("image")))
        # The kept copy has served (or a new file replaced it): gone once the photo is stored.
        for token in {used, sent} - {None, ""}:
            transaction.on_commit(partial(kept_photos.discard, token, self.owner))
        return photo


class ArticlePhotoFormSet(forms.BaseInlineFormSet):
    """The photo rows of an article or a page (any news.models.BodyPhoto), numbered as they appear."""

    def save(self, commit=True):
        saved = super().save(commit)
        if commit:
            self.order_by_position()
        return saved

    def order_by_position(self):
        """Number the photos as they will appear: by position (the end last), then by row."""
        rows = [f.instance for f in self.forms if f.instance.pk and not self._should_delete_form(f)]
        placed = sorted(
            enumerate(rows), key=lambda row: (row[1].position is None, row[1].position or 0, row[0])
        )
        for order, (_, photo) in enumerate(placed):
            if photo.order != order:
                self.model.objects.filter(pk=photo.pk).update(order=order)
                photo.order = order


MESSAGE_SECTION_TAKEN = "Đã có chuyên mục “{name}”, chỉ khác chữ hoa hoặc dấu. Xin dùng chuyên mục đó."


class ArticleAdminForm(PublishableForm):
    class Meta:
        model = Article
        fields = ("title", "slug", "summary", "category", "status", "published_at", "body")
        fields += ("author", "source")  # the byline at the article's end
        field_classes = {
            "title": NormalizedCharField,
            "summary": NormalizedCharField,
            "body": ArticleBodyField,
            "author": NormalizedCharField,
            "source": NormalizedCharField,
        }


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
