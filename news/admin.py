"""The staff side: ward staff write articles with captioned photos, approvers publish them.

Who may do what is decided in news.publishing; this module wires those answers into the admin's form,
inline, actions and permissions, and records who created and last changed each article.
"""

from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from . import publishing
from .admin_forms import (
    FIRST_YEAR,
    LAST_YEAR,
    ArticleAdminForm,
    ArticlePhotoForm,
    ArticlePhotoFormSet,
    CategoryAdminForm,
)
from .models import Article, ArticlePhoto, Category
from .sanitize import count_images, sanitize_body
from .search import query_words, search_articles

MESSAGE_IMAGES_DROPPED = (
    "{count} ảnh dán thẳng vào nội dung (từ Word hoặc từ máy tính) không được giữ lại. Xin thêm ảnh ở mục"
    " “Ảnh kèm chú thích” dưới bài, hoặc bằng nút ảnh của trình soạn thảo (thẻ “Tải lên”)."
)
EDITOR_STATUS_HELP = "Bạn lưu bài ở dạng bản nháp; người duyệt tin sẽ xuất bản hoặc hẹn giờ đăng."


def review_queue(request):
    """What waits for staff, for the admin's front page: (label, count, address of that list) rows."""
    if not request.user.has_perm("news.view_article"):
        return []
    counts = Article.objects.review_counts()
    changelist = reverse("admin:news_article_changelist")
    waiting = "Bản nháp chờ duyệt" if publishing.can_publish(request.user) else "Bản nháp"
    return [
        (waiting, counts["drafts"], f"{changelist}?{StateFilter.parameter_name}={publishing.STATE_DRAFT}"),
        (
            "Đã lên lịch, chưa đến giờ đăng",
            counts["scheduled"],
            f"{changelist}?{StateFilter.parameter_name}={publishing.STATE_SCHEDULED}",
        ),
    ]


class StateFilter(admin.SimpleListFilter):
    title = "trạng thái"
    parameter_name = "trang_thai"

    def lookups(self, request, model_admin):
        return list(publishing.STATE_LABELS.items())

    def queryset(self, request, queryset):
        if self.value() == publishing.STATE_DRAFT:
            return queryset.filter(status=Article.Status.DRAFT)
        if self.value() == publishing.STATE_SCHEDULED:
            return queryset.scheduled()
        if self.value() == publishing.STATE_PUBLISHED:
            return queryset.published()
        return queryset


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


class ArticlePhotoInline(admin.StackedInline):
    # Stacked, not tabular: staff add photos from their phones, where a table's caption and position
    # columns sit off the screen to the right, and each field's help shows only as a tooltip.
    model = ArticlePhoto
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

    # An approved article's photos are part of what was approved: only an approver changes them.
    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and publishing.may_change(request.user, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and publishing.may_change(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and publishing.may_change(request.user, obj)


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleAdminForm
    inlines = [ArticlePhotoInline]
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
    list_select_related = ("category", "created_by", "updated_by")
    search_fields = ("title",)
    search_help_text = "Gõ có dấu hoặc không dấu, ví dụ: hoi nghi."
    date_hierarchy = "published_at"
    # The facet toggle is not translated into Vietnamese, and counting costs a query per filter choice.
    show_facets = admin.ShowFacets.NEVER
    actions = ["publish_selected", "unpublish_selected"]
    readonly_fields = ("view_count", "created_by", "created_at", "updated_by", "updated_at")
    fieldsets = (
        (None, {"fields": ("title", "summary", "category")}),
        (
            "Đăng bài",
            {
                "fields": (
                    "status",
                    "published_at",
                    ("created_by", "created_at"),
                    ("updated_by", "updated_at"),
                    "view_count",
                )
            },
        ),
        ("Đường dẫn", {"classes": ("collapse",), "fields": ("slug",)}),
        ("Nội dung", {"fields": ("body",)}),
    )

    class Media:
        css = {"all": ["css/admin.css"]}

    def get_changelist(self, request, **kwargs):
        return ArticleChangeList

    @admin.display(description="trạng thái", ordering="status")
    def state_label(self, article):
        state = publishing.state(article)
        return format_html('<span class="state state-{}">{}</span>', state, publishing.STATE_LABELS[state])

    @admin.display(description="thời gian đăng", ordering="published_at")
    def published_time(self, article):
        return date_format(timezone.localtime(article.published_at), "d/m/Y H:i")

    @admin.display(description="nội dung")
    def body_html(self, article):
        # The body is sanitized on save (news.sanitize), the same markup the public page shows.
        return format_html('<div class="body-preview">{}</div>', mark_safe(article.body))  # noqa: S308

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or self.has_change_permission(request, obj):
            return fieldsets
        # Read-only, the body would show as escaped HTML source; show it as the page will.
        return [
            (name, {**options, "fields": ["body_html" if f == "body" else f for f in options["fields"]]})
            for name, options in fieldsets
        ]

    def get_form(self, request, obj=None, change=False, **kwargs):
        # modelform_factory makes a new class on every call, so these settings stay with this request.
        form = super().get_form(request, obj, change=change, **kwargs)
        form.user = request.user
        if "status" in form.base_fields and not publishing.can_publish(request.user):
            form.base_fields["status"].help_text = EDITOR_STATUS_HELP
        return form

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and publishing.may_change(request.user, obj)

    def has_publish_permission(self, request):
        return publishing.can_publish(request.user)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        article = self.get_object(request, object_id)
        if article is not None and not publishing.may_change(request.user, article):
            if request.method == "POST":
                # Django would answer 403; staff deserve to know why their save was refused.
                messages.error(request, publishing.MESSAGE_LOCKED)
                return HttpResponseRedirect(request.get_full_path())
            messages.warning(request, publishing.MESSAGE_LOCKED)
        return super().change_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        approved_now = "status" in form.changed_data and obj.status == Article.Status.PUBLISHED
        if approved_now and "published_at" not in form.changed_data:
            # Approved with the time left as the draft had it (when it was started): as the list action
            # does, a past time becomes now. A time the approver typed is kept, past or future.
            publishing.publish(obj)
        images_typed = count_images(obj.body)
        super().save_model(request, obj, form, change)
        # The save sanitized the body: images pasted straight from Word or a computer (data: and
        # file: addresses) were dropped. Staff would otherwise learn it only from the public page.
        dropped = images_typed - count_images(obj.body)
        if dropped > 0:
            messages.warning(request, MESSAGE_IMAGES_DROPPED.format(count=dropped))

    def get_search_results(self, request, queryset, search_term):
        """Accent-insensitive: "hoi nghi" finds "Hội nghị", through the folded Article.search_text."""
        if not query_words(search_term):
            return queryset, False
        results, _ = search_articles(queryset, search_term)
        return results, False

    @admin.action(description="Xuất bản các bài đã chọn", permissions=["publish"])
    def publish_selected(self, request, queryset):
        live = scheduled = 0
        for article in queryset.filter(status=Article.Status.DRAFT):
            publishing.publish(article)
            self._save_decision(request, article, "Xuất bản")
            if publishing.state(article) == publishing.STATE_SCHEDULED:
                scheduled += 1
            else:
                live += 1
        self.message_user(request, f"Đã xuất bản {live} bài, hẹn giờ {scheduled} bài.", messages.SUCCESS)

    @admin.action(description="Gỡ xuống (trở về bản nháp) các bài đã chọn", permissions=["publish"])
    def unpublish_selected(self, request, queryset):
        count = 0
        for article in queryset.filter(status=Article.Status.PUBLISHED):
            publishing.unpublish(article)
            self._save_decision(request, article, "Gỡ xuống")
            count += 1
        self.message_user(request, f"Đã gỡ {count} bài về bản nháp.", messages.SUCCESS)

    def _save_decision(self, request, article, message):
        article.updated_by = request.user
        article.save(update_fields=["status", "published_at", "updated_by", "updated_at"])
        self.log_change(request, article, message)


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    form = CategoryAdminForm
    list_display = ("name", "slug", "order")
    list_editable = ("order",)
    search_fields = ("name",)
