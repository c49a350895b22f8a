"""The staff side of notices (through the publishing core) and of the featured pin ("Tin nổi bật")."""

from django.contrib import admin, messages
from django.utils import timezone
from django.utils.formats import date_format

from news.models import Article
from news.search import query_words
from publishing.admin import PublishableAdmin, PublishableInline, StateFilter
from publishing.rules import can_publish

from .admin_forms import FeaturedPinForm, NoticeAdminForm
from .models import FeaturedPin, Notice, NoticeAttachment

MESSAGE_PIN_HIDDEN = (
    "“{item}” chưa hiện trên trang (chưa được đăng hoặc chưa đến, đã hết hiệu lực) nên trang chủ chưa"
    " có tin nổi bật này; khi nó được đăng và còn hiệu lực, nó sẽ nổi bật trong thời gian đã chọn."
)


def short(when):
    return date_format(timezone.localtime(when), "d/m/Y H:i") if when else "—"


class NoticeAttachmentInline(PublishableInline, admin.StackedInline):
    model = NoticeAttachment
    fields = ("file", "title", "order")
    extra = 1


@admin.register(Notice)
class NoticeAdmin(PublishableAdmin):
    form = NoticeAdminForm
    inlines = [NoticeAttachmentInline]
    revision_follow = ("attachments",)
    compare_fields = (("title", "Tiêu đề", False), ("body", "Nội dung", True))
    list_display = ("title", "state_label", "validity_column", "published_time", "updated_by")
    list_filter = (StateFilter,)
    list_select_related = ("updated_by",)
    search_fields = ("title",)
    search_help_text = "Gõ có dấu hoặc không dấu, ví dụ: cat dien."
    readonly_fields = PublishableAdmin.publishing_readonly
    fieldsets = (
        (None, {"fields": ("title", ("valid_from", "valid_until"))}),
        (
            "Đăng thông báo",
            {"fields": PublishableAdmin.publishing_fields},
        ),
        ("Đường dẫn", {"classes": ("collapse",), "fields": ("slug",)}),
        ("Nội dung", {"fields": ("body",)}),
    )

    class Media:
        css = {"all": ["css/admin.css"]}

    def get_search_results(self, request, queryset, search_term):
        """Accent-insensitive ("cat dien" finds "Cắt điện"), through the folded Notice.search_text."""
        words = query_words(search_term)
        for word in words:
            queryset = queryset.filter(search_text__contains=f" {word} ")
        return queryset, False

    @admin.display(description="hiệu lực", ordering="valid_from")
    def validity_column(self, notice):
        return f"{short(notice.valid_from)} – {short(notice.valid_until)}"


@admin.register(FeaturedPin)
class FeaturedPinAdmin(admin.ModelAdmin):
    """Open to those who may publish articles or notices: pinning puts an item first for every reader."""

    form = FeaturedPinForm
    list_display = ("__str__", "kind", "starts_time", "ends_time", "created_by")
    list_select_related = ("article", "notice", "created_by")
    autocomplete_fields = ("article", "notice")
    fields = ("article", "notice", "starts_at", "ends_at")

    def _is_publisher(self, request):
        user = request.user
        return user.is_active and user.is_staff and (can_publish(user, Article) or can_publish(user, Notice))

    def has_module_permission(self, request):
        return self._is_publisher(request)

    def has_view_permission(self, request, obj=None):
        return self._is_publisher(request)

    def has_add_permission(self, request):
        return self._is_publisher(request)

    def has_change_permission(self, request, obj=None):
        return self._is_publisher(request)

    def has_delete_permission(self, request, obj=None):
        return self._is_publisher(request)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.user = request.user
        return form

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
        if obj.shown_item() is None:
            messages.warning(request, MESSAGE_PIN_HIDDEN.format(item=obj.item))

    @admin.display(description="loại")
    def kind(self, pin):
        return "Bài viết" if pin.article_id else "Thông báo"

    @admin.display(description="nổi bật từ", ordering="starts_at")
    def starts_time(self, pin):
        return short(pin.starts_at)

    @admin.display(description="đến", ordering="ends_at")
    def ends_time(self, pin):
        return short(pin.ends_at)
