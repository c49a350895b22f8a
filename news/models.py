"""Articles, their photos and the sections (chuyên mục) they are filed under."""

from datetime import timedelta

from ckeditor_uploader.fields import RichTextUploadingField
from django.db import models, transaction
from django.db.models import Case, F, OuterRef, Subquery, Sum, Value, When
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone

from publishing.models import KeepsFormerSlugs, Publishable, PublishableQuerySet
from publishing.trash import bring_back, retire_on_commit

from .images import MEDIUM_SIDE, PHONE_SIDE, THUMBNAIL_SIDE, fitted_width, process_photo, validate_image_file
from .sanitize import ShowsBodySafely, sanitize_body
from .search import indexed, plain_text, searchable_text
from .teasers import teaser_of
from .text import needs_slug, nfc, one_line, unique_slug
from .view_log import DailyViews, FlushedBatch, ViewTotal

__all__ = ["Article", "ArticlePhoto", "BodyPhoto", "Category", "DailyViews", "FlushedBatch", "ViewTotal"]

# "Xem nhiều nhất" ranks a week's views: a ward publishes a few reports a week, so a month would let one
# event's report hold the list for weeks after residents stopped reading it (docs/RESIDENTS.md).
MOST_VIEWED_DAYS = 7


class Category(models.Model):
    name = models.CharField("tên chuyên mục", max_length=120, unique=True)
    slug = models.SlugField("đường dẫn", max_length=140, unique=True, blank=True)
    order = models.PositiveSmallIntegerField("thứ tự", default=0)

    class Meta:
        ordering = ("order", "name")
        verbose_name = "chuyên mục"
        verbose_name_plural = "chuyên mục"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name = nfc(self.name).strip()
        if needs_slug(self.slug):
            others = Category.objects.exclude(pk=self.pk)
            self.slug = unique_slug(
                self.slug or self.name, lambda slug: others.filter(slug=slug).exists(), max_length=140
            )
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("news:category", kwargs={"slug": self.slug})


class ArticleQuerySet(PublishableQuerySet):
    def in_category(self, category):
        return self.filter(category=category)

    def most_viewed(self, days=MOST_VIEWED_DAYS):
        """The most read in the last `days` days (today included), as recent_views; ties go to the newer.

        One query: the days' DailyViews rows (indexed by day) summed per article. An article with no
        view in the window is not listed, whatever its lifetime count or its age.
        """
        since = timezone.localdate() - timedelta(days=days - 1)
        return (
            self.filter(daily_views__day__gte=since)
            .annotate(recent_views=Sum("daily_views__views"))
            .order_by("-recent_views", "-published_at", "-pk")
        )

    def newest_per_category(self, per_category=4):
        """The newest few of each section, in one query, sections in their order.

        Bounded by the sections, not the archive: the Nth newest of a section is one look-up in the
        section index (category, status, published_at), made for every section by a subquery, and the
        per_category look-ups are joined with UNION ALL. PostgreSQL's LATERAL join would say it more
        directly, but SQLite has none; a window function numbered every published article (20 ms at
        10,000 articles).
        """
        newest = self.order_by("-published_at", "-pk").values("pk")
        nth_newest = [
            Category.objects.order_by()
            .annotate(article=Subquery(newest.filter(category=OuterRef("pk"))[n : n + 1]))
            .values("article")
            for n in range(per_category)
        ]
        if not nth_newest:
            return self.none()
        # The rows are chosen by this queryset's filters, in the subquery; the outer query only fetches
        # them by pk. Repeating the filters there led SQLite to scan every published article instead.
        chosen = type(self)(self.model, using=self._db)
        return (
            chosen.filter(pk__in=nth_newest[0].union(*nth_newest[1:], all=True))
            .select_related("category", "view_total")
            .order_by("category__order", "category__name", "category_id", "-published_at", "-pk")
        )

    def as_links(self):
        """What a link to an article shows (its title, address and date; its photos are fetched apart):
        not the body and its texts, thousands of characters each."""
        return self.only("title", "slug", "published_at")

    def with_teasers(self):
        """Without the body, which lists do not show: they read the teaser stored on save.

        A row written around save() (update(), bulk_create) may have no teaser yet; for that row
        alone the body comes along, in the same query, and Article.get_teaser() makes the words from it.
        """
        return self.defer("body", "body_text", "search_text", "search_title").annotate(
            body_for_teaser=Case(
                When(teaser="", then=F("body")), default=Value(""), output_field=models.TextField()
            )
        )

    def for_search_results(self):
        """A list page's entries with the body's stored text, which their excerpts are cut from; without
        their photos, which news.kept_cards fetches for the cards that need them.

        As with teasers, a row written around save() has no stored text; its body comes along instead.
        """
        return (
            self.for_listing(photos=False)
            .defer(None)
            .defer("body", "search_text", "search_title")
            .annotate(
                body_for_text=Case(
                    When(body_text="", then=F("body")), default=Value(""), output_field=models.TextField()
                )
            )
        )

    def for_listing(self, photos=True):
        """What a list page shows: the section's name, the count, the teaser and the photos, in constant
        queries.

        photos=False leaves the photos to the caller, who fetches those of several lists at once
        (prefetch_related_objects with listing_photos(), news.front_page).
        """
        listing = self.with_teasers().select_related("category", "view_total")
        return listing.prefetch_related(listing_photos()) if photos else listing


def listing_photos():
    """An article list's photos, in their order: one query for the whole list."""
    return models.Prefetch("photos", queryset=ArticlePhoto.objects.order_by("order", "pk"))


def fetch_photos(articles):
    """The photos of all these articles in one query (an article page's own and its related news')."""
    models.prefetch_related_objects(list(articles), listing_photos())


class Article(KeepsFormerSlugs, ShowsBodySafely, Publishable):
    title = models.CharField("tiêu đề", max_length=255)
    slug = models.SlugField(
        "đường dẫn",
        max_length=200,
        unique=True,
        blank=True,
        help_text="Để trống để tạo tự động từ tiêu đề.",
    )
    summary = models.TextField("tóm tắt (sapo)", blank=True)
    body = RichTextUploadingField("nội dung", blank=True)
    # The line at the article's end (templates/news/_byline.html); without either, the ward's Đảng bộ.
    author = models.CharField(
        "tác giả", max_length=120, blank=True, help_text="Người viết bài, ví dụ: Nguyễn Thu Hà."
    )
    source = models.CharField(
        "nguồn",
        max_length=200,
        blank=True,
        help_text="Nơi đăng lần đầu hoặc đơn vị cung cấp, ví dụ: Báo Nhân Dân. Để trống: bài của phường.",
    )
    category = models.ForeignKey(
        Category,
        verbose_name="chuyên mục",
        related_name="articles",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    # Title, summary, body text and captions folded (no case, no diacritics) for search; made on save.
    search_text = models.TextField(blank=True, editable=False)
    # The title alone, indexed the same way: title matches rank first in search results.
    search_title = models.TextField(blank=True, editable=False)
    # What lists, feeds and share cards say of the article (news.teasers); made on save.
    teaser = models.TextField(blank=True, editable=False)
    # The body's readable text, without its tags: search excerpts are cut from it (news.highlight), so a
    # search page parses no HTML. Made on save.
    body_text = models.TextField(blank=True, editable=False)

    # Not kept in versions: made again from the rest on save (publishing.revisions).
    revision_exclude = ("search_text", "search_title", "teaser", "body_text", "created_at", "updated_at")
    # Kept, but a restore leaves the count alone; only recovering a deleted article brings it back.
    revision_live_rows = ("view_total",)

    objects = ArticleQuerySet.as_manager()

    class Meta(Publishable.Meta):
        verbose_name = "bài viết"
        verbose_name_plural = "bài viết"
        permissions = [("publish_article", "Có thể xuất bản, gỡ và hẹn giờ bài viết")]
        indexes = [
            # The newest first: the front page, the later pages, the sidebar, the feed.
            models.Index(fields=["status", "-published_at"], name="article_public_idx"),
            # A section's newest first: the section's pages and feed, the front page's blocks, related.
            models.Index(fields=["category", "status", "-published_at", "-id"], name="article_section_idx"),
        ]

    def __str__(self):
        return self.title

    @property
    def view_count(self):
        """Views since publication (news.view_log). A query of its own unless the article was read
        with select_related("view_total"), as every page that shows counts reads it."""
        try:
            return self.view_total.views
        except ViewTotal.DoesNotExist:
            return 0

    def save(self, *args, **kwargs):
        # Derived data is made here, once, whatever path the article came by (admin, import, shell).
        self.title = nfc(self.title).strip()
        self.summary = nfc(self.summary).strip()
        self.author = one_line(self.author)
        self.source = one_line(self.source)
        self.body = sanitize_body(self.body)
        stored_slug = self.stored_slug()
        if needs_slug(self.slug):
            # A slug typed with marks ("hội-nghị") becomes its plain form, as the title would.
            self.slug = unique_slug(self.slug or self.title, self.slug_is_taken)
        self.search_text = searchable_text(self)
        self.search_title = indexed(self.title)
        self.teaser = teaser_of(self.summary, self.body)
        self.body_text = plain_text(self.body)
        with transaction.atomic():
            super().save(*args, **kwargs)
            self.remember_slug_change(stored_slug)

    def get_absolute_url(self):
        return reverse("news:article_detail", kwargs={"slug": self.slug})

    def refresh_search_text(self):
        """Captions are searchable too, so a photo's change updates its article's search text."""
        self.search_text = searchable_text(self)
        Article.objects.filter(pk=self.pk).update(search_text=self.search_text)

    def get_teaser(self):
        """The stored teaser, or for a row written around save() (update(), bulk_create) without one,
        the same words made here from the summary and body as the row has them: a list entry is never
        left blank. with_teasers() brings such a row's body along; elsewhere a deferred body is fetched.

        An update() that changes the summary or the body must set teaser=teaser_of(...) as well.
        """
        if self.teaser:
            return self.teaser
        body = getattr(self, "body_for_teaser", None)
        return teaser_of(self.summary, self.body if body is None else body)

    def get_body_text(self):
        """The stored text of the body, or for a row written around save() the same text made here."""
        if self.body_text:
            return self.body_text
        body = getattr(self, "body_for_text", None)
        return plain_text(self.body if body is None else body)

    @property
    def lead_photo(self):
        """The first photo, from the prefetched list where there is one."""
        photos = list(self.photos.all())
        return photos[0] if photos else None


# The photo's files: the image first (a restore needs it), then its other sizes and their WebP.
FILE_FIELDS = (
    "image",
    "medium",
    "phone",
    "thumbnail",
    "image_webp",
    "medium_webp",
    "phone_webp",
    "thumbnail_webp",
)
# The smaller sizes, each named as process_photo's rendition it holds.
SMALLER_SIZES = ("medium", "phone", "thumbnail")
# Which of process_photo's renditions each WebP field holds.
WEBP_OF = {
    "image_webp": "display_webp",
    "medium_webp": "medium_webp",
    "phone_webp": "phone_webp",
    "thumbnail_webp": "thumbnail_webp",
}


class BodyPhoto(models.Model):
    """A captioned photo placed in a body (news.body.interleave): an article's, or a page's (pages app).

    Abstract: a concrete photo adds the foreign key to its item and names that item in `item`; the item
    has a title (the photo's alt text without a caption) and refresh_search_text() (captions are
    searchable).
    """

    image = models.ImageField(
        "ảnh",
        upload_to="photos/%Y/%m/",
        width_field="width",
        height_field="height",
        validators=[validate_image_file],
        help_text="Ảnh JPEG, PNG hoặc WebP. Ảnh được xoay đúng chiều và xóa thông tin vị trí.",
    )
    thumbnail = models.ImageField(upload_to="photos/thumbs/%Y/%m/", blank=True, editable=False)
    # Empty where the photo is no larger than MEDIUM_SIDE (news.images.process_photo).
    medium = models.ImageField(upload_to="photos/medium/%Y/%m/", blank=True, editable=False)
    # The size for a phone's screen: empty where the photo is no larger than PHONE_SIDE, and for a
    # photo processed before it was made (manage.py make_phone_size fills those in).
    phone = models.ImageField(upload_to="photos/phone/%Y/%m/", blank=True, editable=False)
    # Each size as WebP, beside its JPEG. Empty where the WebP came out no smaller, and for a photo
    # processed before WebP was made (manage.py make_webp fills those in).
    image_webp = models.ImageField(upload_to="photos/%Y/%m/", blank=True, editable=False)
    medium_webp = models.ImageField(upload_to="photos/medium/%Y/%m/", blank=True, editable=False)
    phone_webp = models.ImageField(upload_to="photos/phone/%Y/%m/", blank=True, editable=False)
    thumbnail_webp = models.ImageField(upload_to="photos/thumbs/%Y/%m/", blank=True, editable=False)
    width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    caption = models.CharField("chú thích", max_length=500, blank=True)
    order = models.PositiveSmallIntegerField("thứ tự", default=0)
    position = models.PositiveSmallIntegerField(
        "đặt sau đoạn thứ",
        null=True,
        blank=True,
        help_text="Ảnh hiện sau đoạn văn số này (0 là đầu bài). Để trống: cuối bài.",
    )

    class Meta:
        abstract = True
        ordering = ("order", "pk")
        verbose_name = "ảnh"
        verbose_name_plural = "ảnh kèm chú thích"

    def __str__(self):
        return self.caption or self.image.name

    def save(self, *args, **kwargs):
        self.caption = nfc(self.caption).strip()
        # A new upload, or a photo stored some other way (an import, FieldFile.save) that was never
        # processed: either way the public only ever gets the cleaned image and its thumbnail.
        if self.image and (not self.image._committed or not self.thumbnail):
            unprocessed = self.image.name if self.image._committed else None
            if self.pk and not self.image._committed:
                # A new file in place of an old one: the old one must not stay reachable at its address.
                replaced = type(self).objects.filter(pk=self.pk).first()
                if replaced is not None:
                    delete_files_on_commit(replaced)
            renditions = process_photo(self.image.file)
            self.image.save(renditions.display.name, renditions.display, save=False)
            for field in SMALLER_SIZES:
                rendition = getattr(renditions, field)
                if rendition:
                    getattr(self, field).save(rendition.name, rendition, save=False)
                else:
                    setattr(self, field, "")  # the photo is that size already
            self.store_webp(renditions)
            if unprocessed:
                self.image.storage.delete(unprocessed)
        super().save(*args, **kwargs)
        self.item.refresh_search_text()

    def store_webp(self, renditions):
        """Set the WebP fields from process_photo's renditions (not saved: the caller saves)."""
        for field, rendition in WEBP_OF.items():
            webp = getattr(renditions, rendition)
            if webp:
                getattr(self, field).save(webp.name, webp, save=False)
            else:
                setattr(self, field, "")

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        self.item.refresh_search_text()
        return result

    def bring_back_files(self, fields):
        """Before a restore sets these fields: their files back from the trash; False if the image is gone."""
        storage = self.image.storage
        name = {field: getattr(fields.get(field), "name", None) for field in FILE_FIELDS}
        for field in FILE_FIELDS[1:]:
            bring_back(storage, name[field])
        return bring_back(storage, name["image"])

    @property
    def item(self):
        """The article or page whose body this photo is placed in."""
        raise NotImplementedError

    @property
    def thumbnail_url(self):
        return self.thumbnail.url if self.thumbnail else self.image.url

    # The widths srcset announces; a phone picks by them, and a portrait's renditions are narrower.
    @property
    def thumbnail_width(self):
        return fitted_width(self.width, self.height, THUMBNAIL_SIDE) if self.width else THUMBNAIL_SIDE

    @property
    def phone_width(self):
        return fitted_width(self.width, self.height, PHONE_SIDE) if self.width else PHONE_SIDE

    @property
    def medium_width(self):
        return fitted_width(self.width, self.height, MEDIUM_SIDE) if self.width else MEDIUM_SIDE

    @property
    def alt(self):
        """What the photo shows, where it stands alone (a share card's og:image:alt, the admin)."""
        return self.caption or self.item.title

    @property
    def figure_alt(self):
        """The alt text in the article's figure: empty where the figcaption under it says what it shows.

        A screen reader reads the figure's caption; an alt repeating it word for word was read twice.
        With alt="" the photo is part of its figure, which the caption names (WAI's images tutorial: an
        image whose information is in adjacent text has empty alt). Without a caption, the title.
        """
        return "" if self.caption else self.item.title

    def sizes_offered(self):
        """Each size stored, narrowest first, as (width, the JPEG or PNG, the WebP or None).

        A photo no wider than a smaller size is that size already: one entry per width.
        """
        sizes = {}
        for width, file, webp in (
            (self.thumbnail_width, self.thumbnail, self.thumbnail_webp),
            (self.phone_width, self.phone, self.phone_webp),
            (self.medium_width, self.medium, self.medium_webp),
            (self.width, self.image, self.image_webp),
        ):
            if file and width not in sizes:
                sizes[width] = (width, file, webp or None)
        return sorted(sizes.values(), key=lambda size: size[0])


class ArticlePhoto(BodyPhoto):
    article = models.ForeignKey(
        Article, related_name="photos", on_delete=models.CASCADE, verbose_name="bài viết"
    )

    @property
    def item(self):
        return self.article


def delete_files_on_commit(photo):
    """Take a photo's image and its smaller sizes off the site once the transaction commits.

    A photo staff remove must leave the site: its address may have been shared (Open Graph sends it to
    Facebook and Zalo). The files go to the private trash, so that restoring a version that had the
    photo brings it back (publishing.trash).
    """
    retire_on_commit(tuple(getattr(photo, field) for field in FILE_FIELDS))


@receiver(post_delete, sender=ArticlePhoto)
def _delete_photo_files(sender, instance, **kwargs):
    # A signal, not ArticlePhoto.delete(): deleting an article deletes its photos without calling it.
    delete_files_on_commit(instance)
