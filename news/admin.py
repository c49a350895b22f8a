"""The staff side: ward staff write articles with captioned photos, approvers publish them.

Review, the editor's lock, versions and restore come from the publishing core (publishing.admin); this
module adds what is an article's own: its photos, its search, its list's columns.
"""

from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList
from django.db.models.functions import Coalesce
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from portal.security import allow_editor
from publishing.admin import PublishableAdmin, PublishableInline, StateFilter
from publishing.forms import FIRST_YEAR, LAST_YEAR

from .admin_forms import ArticleAdminForm, ArticlePhotoForm, ArticlePhotoFormSet, CategoryAdminForm
from .models import Article, ArticlePhoto, Category
from .sanitize import count_images, sanitize_body
from .search import query_words, search_articles

MESSAGE_IMAGES_DROPPED = (
    "{count} ảnh dán thẳng vào nội dung (từ Word hoặc từ máy tính) không được giữ lại. Xin thêm ảnh ở mục"
    " “Ảnh kèm chú thích” dưới bài, hoặc bằng nút ảnh của trình soạn thảo (thẻ “Tải lên”)."
)


class ArticleChangeList(ChangeList):
    """The change list, answering a date out of range in its address with the clean list, not a 500.

    Django's date drill-down turns ?published_at__year=9999 into year 10000, and on SQLite a date
    near year 1 overflows when it is moved to UTC; both escape as 500s. IncorrectLookupParameters is
    how the admin says "bad filter": it sends staff back to the unfiltered list.
    """

    def get_filters(self, request):
        # No article can have a year outside the form's range, so such a drill-down is a bad address.
        year = request.GET.get(f"{self.date_hierarchy}__year")
        if year is not None and not (year.isdigit() and FIRST_YEAR <= int(year) <= LAST_YEAR):
            raise IncorrectLookupParameters(f"year {year!r} out of range")
        try:
            return super().get_filters(request)
        except (ValueError, OverflowError) as error:
            raise IncorrectLookupParameters(error) from error

    def get_results(self, request):
        try:
            return super().get_results(request)
        except OverflowError as error:
            raise IncorrectLookupParameters(error) from error


class BodyPhotoInline(PublishableInline, admin.StackedInline):
    """The captioned photo rows under a body (an article's, a page's): set model to the photo model."""

    # Stacked, not tabular: staff add photos from their phones, where a table's caption and position
    # columns sit off the screen to the right, and each field's help shows only as a tooltip.
    form = ArticlePhotoForm
    formset = ArticlePhotoFormSet
    fields = ("thumbnail_preview", "image", "caption", "position")
    readonly_fields = ("thumbnail_preview",)
    extra = 2

    class Media:
        # A new photo's preview, and the position list following the body as staff type.
        js = ["js/photo-rows.js"]

    def get_formset(self, request, obj=None, **kwargs):
        # inlineformset_factory makes a new form class on every call: these stay with this request.
        formset = super().get_formset(request, obj, **kwargs)
        formset.form.owner = request.user.pk
        # The positions offered are the blocks of the body staff see: the one they just sent when the
        # save is refused, else the stored one.
        if request.method == "POST" and "body" in request.POST:
            formset.form.body = sanitize_body(request.POST["body"])
        else:
            formset.form.body = obj.body if obj is not None else ""
        return formset

    @admin.display(description="ảnh thu nhỏ")
    def thumbnail_preview(self, photo):
        if not photo.thumbnail:
            return "—"
        return format_html('<img class="photo-thumb" src="{}" alt="{}">', photo.thumbnail.url, photo.alt)


class ArticlePhotoInline(BodyPhotoInline):
    model = ArticlePhoto


class BodyAdmin:
    """The admin of an item with a CKEditor body (articles, pages): the body shown as the page shows it
    where the form is read-only, and a warning when the save dropped images pasted into it."""

    def render_change_form(self, request, context, *args, **kwargs):
        response = super().render_change_form(request, context, *args, **kwargs)
        # CKEditor needs inline scripts (portal.security.EDITOR_POLICY): only the form whose body can
        # be edited gets them. The read-only view of a published item shows the body as HTML, so it
        # keeps the admin's strict policy.
        if "body" in context["adminform"].form.fields:
            allow_editor(response)
        return response

    @admin.display(description="nội dung")
    def body_html(self, item):
        # The same markup the public page shows, sanitized here too: a row written around save() (an
        # import, update()) is stored as given, and the admin's policy lets inline code run.
        return format_html('<div class="body-preview">{}</div>', mark_safe(item.safe_body()))  # noqa: S308

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or self.has_change_permission(request, obj):
            return fieldsets
        # Read-only, the body would show as escaped HTML source; show it as the page will.
        return [
            (name, {**options, "fields": ["body_html" if f == "body" else f for f in options["fields"]]})
            for name, options in fieldsets
        ]

    def save_model(self, request, obj, form, change):
        images_typed = count_images(obj.body)
        super().save_model(request, obj, form, change)
        # The save sanitized the body: images pasted straight from Word or a computer (data: and
        # file: addresses) were dropped. Staff would otherwise learn it only from the public page.
        dropped = images_typed - count_images(obj.body)
        if dropped > 0:
            messages.warning(request, MESSAGE_IMAGES_DROPPED.format(count=dropped))


@admin.register(Article)
class ArticleAdmin(BodyAdmin, PublishableAdmin):
    form = ArticleAdminForm
    inlines = [ArticlePhotoInline]
    revision_follow = ("photos",)
    compare_fields = (("title", "Tiêu đề", False), ("summary", "Tóm tắt", False), ("body", "Nội dung", True))
    list_display = (
        "title",
        "category",
        "state_label",
        "published_time",
        "view_count",
        "created_by",
        "updated_by",
    )
    list_filter = (StateFilter, "category", "published_at")
    list_select_related = ("category", "view_total", "created_by", "updated_by")
    search_fields = ("title",)
    search_help_text = "Gõ có dấu hoặc không dấu, ví dụ: hoi nghi."
    date_hierarchy = "published_at"
    readonly_fields = (*PublishableAdmin.publishing_readonly, "view_count")
    fieldsets = (
        (None, {"fields": ("title", "summary", "category")}),
        (
            "Đăng bài",
            {"fields": (*PublishableAdmin.publishing_fields, "view_count")},
        ),
        ("Đường dẫn", {"classes": ("collapse",), "fields": ("slug",)}),
        ("Nội dung", {"fields": ("body",)}),
        ("Tác giả và nguồn", {"fields": ("author", "source")}),
    )

    class Media:
        css = {"all": ["css/admin.css"]}

    def get_changelist(self, request, **kwargs):
        return ArticleChangeList

    @admin.display(description="lượt xem", ordering=Coalesce("view_total__views", 0))
    def view_count(self, article):
        return article.view_count

    def get_search_results(self, request, queryset, search_term):
        """Accent-insensitive: "hoi nghi" finds "Hội nghị", through the folded Article.search_text."""
        if not query_words(search_term):
            return queryset, False
        results, _ = search_articles(queryset, search_term)
        return results, False


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    form = CategoryAdminForm
    list_display = ("name", "slug", "order")
    list_editable = ("order",)
    search_fields = ("name",)
