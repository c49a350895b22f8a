"""Giới thiệu: the pages staff write about the ward (its history, its Party committee, its organisations),
nested under /gioi-thieu/, with captioned photos placed in their body and, on leadership pages, people.

A page is public when it is published and so is every page above it: taking a page down takes its
whole branch off the site, so no reader lands on a page whose breadcrumbs lead to a missing one.
PageQuerySet.public() is that rule; views, the sitemap and the menu ask it.

Addresses: slugs are unique among all pages, and each page stores its path (its ancestors' slugs and its
own, "ban-chap-hanh/ban-thuong-vu"), made on save. A page is found by the last slug of the address;
an address that is not its path (the page was moved, a page above it renamed) redirects to it.
"""

from ckeditor_uploader.fields import RichTextUploadingField
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Exists, ExpressionWrapper, F, OuterRef, Value
from django.db.models.functions import Concat
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.urls import reverse

from news.images import THUMBNAIL_SIDE, process_photo, validate_image_file
from news.models import BodyPhoto, delete_files_on_commit
from news.sanitize import ShowsBodySafely, sanitize_body
from news.search import indexed, plain_text
from news.teasers import teaser_of
from news.text import needs_slug, nfc, unique_slug
from publishing.addresses import FormerSlug
from publishing.models import KeepsFormerSlugs, Publishable, PublishableQuerySet, published_q
from publishing.trash import bring_back, retire_on_commit

from .contacts import tel_href, validate_phone

# Giới thiệu › Đảng bộ › Ban Chấp hành › … : five levels below the index are more than a ward needs, and
# the bound keeps an address's look-ups small.
MAX_DEPTH = 5
MESSAGE_LOOP = (
    "Không thể đặt trang này dưới chính nó hoặc dưới một trang con của nó. Xin chọn trang cha khác."
)
MESSAGE_TOO_DEEP = f"Trang chỉ được lồng tối đa {MAX_DEPTH} cấp. Xin chọn trang cha ở cấp cao hơn."


class PageQuerySet(PublishableQuerySet):
    def public(self):
        """What residents may open: published, and no page above it unpublished or scheduled."""
        hidden_above = (
            Page.objects.exclude(published_q())
            .annotate(
                below=ExpressionWrapper(OuterRef("path"), output_field=models.CharField()),
                prefix=Concat(F("path"), Value("/")),
            )
            .filter(below__startswith=F("prefix"))
        )
        return self.published().exclude(Exists(hidden_above))

    def visible_to(self, user):
        """Staff preview every page at its address; residents see the public ones."""
        if user.is_authenticated and user.is_staff:
            return self.all()
        return self.public()

    def top_level(self):
        return self.filter(parent=None)

    def in_menu(self):
        """The public pages staff marked "Hiện trong menu", in their order (for the site's menu).

        Any level; chain top_level() for the first level only. Each has get_absolute_url() and title.
        """
        return self.public().filter(show_in_menu=True)

    def for_listing(self):
        """Title, address and teaser only: lists of pages do not show the body."""
        return self.defer("body", "search_text", "search_title")

    def known_slugs(self, slugs):
        """Which of these slugs a page has, or had before it was renamed."""
        slugs = list(slugs)
        current = set(self.filter(slug__in=slugs).values_list("slug", flat=True))
        former = FormerSlug.objects.filter(
            content_type=ContentType.objects.get_for_model(Page), slug__in=slugs
        )
        return current | set(former.values_list("slug", flat=True))


class Page(KeepsFormerSlugs, ShowsBodySafely, Publishable):
    title = models.CharField("tiêu đề", max_length=255)
    slug = models.SlugField(
        "đường dẫn",
        max_length=200,
        unique=True,
        blank=True,
        help_text="Để trống để tạo tự động từ tiêu đề.",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name="trang cha",
        related_name="children",
        # A page with pages below it cannot be deleted until they are moved or deleted: deleting it
        # must not take the pages below with it, nor leave them with a path through a missing page.
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        help_text="Để trống: trang ở cấp đầu, ngay dưới “Giới thiệu”.",
    )
    order = models.PositiveSmallIntegerField(
        "thứ tự", default=0, help_text="Số nhỏ đứng trước, trong các trang cùng cấp."
    )
    show_in_menu = models.BooleanField("hiện trong menu", default=False)
    body = RichTextUploadingField("nội dung", blank=True)
    # Made on save: the slugs from the top down to this page's, its address below /gioi-thieu/.
    path = models.CharField(max_length=MAX_DEPTH * 201, editable=False)
    # Title, body text, captions, people's names and positions, folded for search (news.search);
    # never a phone number or an email address.
    search_text = models.TextField(blank=True, editable=False)
    search_title = models.TextField(blank=True, editable=False)
    teaser = models.TextField(blank=True, editable=False)

    revision_exclude = ("path", "search_text", "search_title", "teaser", "created_at", "updated_at")

    objects = PageQuerySet.as_manager()

    class Meta(Publishable.Meta):
        ordering = ("order", "title", "pk")
        verbose_name = "trang giới thiệu"
        verbose_name_plural = "trang giới thiệu"
        permissions = [("publish_page", "Có thể xuất bản, gỡ và hẹn giờ trang giới thiệu")]

    def __str__(self):
        return self.title

    def clean(self):
        if self.parent_id is None:
            return
        parent = Page.objects.filter(pk=self.parent_id).only("path").first()
        if parent is None:
            return
        if self._would_loop(parent):
            raise ValidationError({"parent": MESSAGE_LOOP}, code="loop")
        if parent.depth + self._height() > MAX_DEPTH:
            raise ValidationError({"parent": MESSAGE_TOO_DEEP}, code="too_deep")

    def save(self, *args, **kwargs):
        self.title = nfc(self.title).strip()
        self.body = sanitize_body(self.body)
        stored_slug = self.stored_slug()
        stored_path = self._stored_path()
        if needs_slug(self.slug):
            self.slug = unique_slug(self.slug or self.title, self.slug_is_taken)
        parent = Page.objects.filter(pk=self.parent_id).only("path").first() if self.parent_id else None
        if parent is not None and self._would_loop(parent):
            # Only a path around the form can get here (a restore of a version from before the parent
            # was moved below this page): the page stays where it is rather than close a loop.
            self.parent_id = self._stored_parent_id()
            parent = Page.objects.filter(pk=self.parent_id).only("path").first() if self.parent_id else None
        self.path = f"{parent.path}/{self.slug}" if parent else self.slug
        self.search_text = self.searchable_text()
        self.search_title = indexed(self.title)
        self.teaser = teaser_of("", self.body)
        with transaction.atomic():
            super().save(*args, **kwargs)
            self.remember_slug_change(stored_slug)
            if stored_path and stored_path != self.path:
                self._move_descendants(stored_path)

    def get_absolute_url(self):
        return reverse("pages:detail", kwargs={"path": self.path})

    @property
    def depth(self):
        """1 for a page right under Giới thiệu, 2 for its children…"""
        return self.path.count("/") + 1

    def ancestor_slugs(self):
        return self.path.split("/")[:-1]

    def searchable_text(self):
        parts = [self.title, plain_text(self.body)]
        if self.pk:
            parts.extend(self.photos.values_list("caption", flat=True))
            for name, position in self.people.values_list("name", "position"):
                parts.extend((name, position))
        return indexed("\n".join(p for p in parts if p))

    def refresh_search_text(self):
        """A photo's caption or a person's name changed: the page is found by the new words."""
        self.search_text = self.searchable_text()
        Page.objects.filter(pk=self.pk).update(search_text=self.search_text)

    # --- the tree ---------------------------------------------------------------------------------
    def _stored(self, field):
        if self.pk is None:
            return None
        return Page.objects.filter(pk=self.pk).values_list(field, flat=True).first()

    def _stored_path(self):
        return self._stored("path")

    def _stored_parent_id(self):
        return self._stored("parent_id")

    def _would_loop(self, parent):
        """Whether parent is this page or below it (its stored path starts with this page's)."""
        if self.pk is None:
            return False
        own = self._stored_path()
        return parent.pk == self.pk or (own is not None and parent.path.startswith(f"{own}/"))

    def _height(self):
        """How many levels this page and those below it take: 1 for a page without children."""
        own = self._stored_path()
        if not own:
            return 1
        below = Page.objects.filter(path__startswith=f"{own}/").values_list("path", flat=True)
        return max((path.count("/") - own.count("/") for path in below), default=0) + 1

    def _move_descendants(self, old_path):
        """The pages below get their new paths (their own slugs are unchanged)."""
        below = list(Page.objects.filter(path__startswith=f"{old_path}/").only("path"))
        for page in below:
            page.path = self.path + page.path[len(old_path) :]
        Page.objects.bulk_update(below, ["path"])


class PagePhoto(BodyPhoto):
    page = models.ForeignKey(Page, related_name="photos", on_delete=models.CASCADE, verbose_name="trang")

    @property
    def item(self):
        return self.page


@receiver(post_delete, sender=PagePhoto)
def _delete_page_photo_files(sender, instance, **kwargs):
    delete_files_on_commit(instance)


PORTRAIT_FILES = ("photo", "photo_webp")


class Person(models.Model):
    """Someone on a leadership page (Ban Chấp hành, Ban Thường vụ), shown as a card.

    Phone and email appear only where staff ticked "công khai" for each; unticked, they stay in the
    admin and appear nowhere on the site, nor in its search.
    """

    page = models.ForeignKey(Page, related_name="people", on_delete=models.CASCADE, verbose_name="trang")
    name = models.CharField("họ và tên", max_length=120)
    position = models.CharField("chức vụ", max_length=255, blank=True)
    photo = models.ImageField(
        "ảnh chân dung",
        upload_to="people/%Y/%m/",
        width_field="width",
        height_field="height",
        blank=True,
        validators=[validate_image_file],
        help_text=(
            "Ảnh JPEG, PNG hoặc WebP; được xoay đúng chiều, xóa thông tin vị trí và thu về"
            f" {THUMBNAIL_SIDE} px."
        ),
    )
    photo_webp = models.ImageField(upload_to="people/%Y/%m/", blank=True, editable=False)
    width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    phone = models.CharField("số điện thoại", max_length=30, blank=True, validators=[validate_phone])
    phone_public = models.BooleanField("công khai số điện thoại", default=False)
    email = models.EmailField("thư điện tử công vụ", blank=True)
    email_public = models.BooleanField("công khai thư điện tử", default=False)
    order = models.PositiveSmallIntegerField("thứ tự", default=0, help_text="Số nhỏ đứng trước.")

    class Meta:
        ordering = ("order", "pk")
        verbose_name = "người"
        verbose_name_plural = "danh sách người (thẻ)"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name = nfc(self.name).strip()
        self.position = nfc(self.position).strip()
        self.phone = nfc(self.phone).strip()
        self.email = self.email.strip()
        stored = Person.objects.filter(pk=self.pk).first() if self.pk else None
        if self.photo and not self.photo._committed:
            # A card shows the portrait small: the 400 px rendition, upright, without EXIF, is all kept.
            renditions = process_photo(self.photo.file)
            self.photo.save(renditions.thumbnail.name, renditions.thumbnail, save=False)
            webp = renditions.thumbnail_webp
            if webp:
                self.photo_webp.save(webp.name, webp, save=False)
            else:
                self.photo_webp = ""
        elif not self.photo:
            self.photo_webp = ""
        if stored is not None and stored.photo and stored.photo.name != self.photo.name:
            # Replaced or cleared: the old portrait leaves the site (to the trash, for a restore).
            retire_on_commit(tuple(getattr(stored, field) for field in PORTRAIT_FILES))
        super().save(*args, **kwargs)
        self.page.refresh_search_text()

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        self.page.refresh_search_text()
        return result

    def bring_back_files(self, fields):
        """Before a restore: the portrait back from the trash; False if it was there and is gone."""
        storage = self.photo.storage
        name = {field: getattr(fields.get(field), "name", fields.get(field)) for field in PORTRAIT_FILES}
        bring_back(storage, name["photo_webp"])
        return not name["photo"] or bring_back(storage, name["photo"])

    @property
    def public_phone(self):
        return self.phone if self.phone_public else ""

    @property
    def public_email(self):
        return self.email if self.email_public else ""

    @property
    def tel_href(self):
        return tel_href(self.public_phone) if self.public_phone else ""


@receiver(post_delete, sender=Person)
def _delete_portrait_files(sender, instance, **kwargs):
    retire_on_commit(tuple(getattr(instance, field) for field in PORTRAIT_FILES))
