"""The staff side of Giới thiệu: pages with photos and people, through the publishing core.

Review, the editor's lock, versions and restore come from publishing.admin; the body, its photo rows
and the dropped-image warning from news.admin, as articles have them.
"""

from django.contrib import admin
from django.utils.html import format_html

from news.admin import BodyAdmin, BodyPhotoInline
from news.search import query_words
from publishing.admin import PublishableAdmin, PublishableInline, StateFilter

from .admin_forms import PageAdminForm, PersonForm
from .models import Page, PagePhoto, Person


class PagePhotoInline(BodyPhotoInline):
    model = PagePhoto


class PersonInline(PublishableInline, admin.StackedInline):
    # Stacked, as the photo rows: staff fill these in on phones too.
    model = Person
    form = PersonForm
    fields = (
        "portrait", "name", "position", "photo", "phone", "phone_public", "email", "email_public", "order",
    )  # fmt: skip
    readonly_fields = ("portrait",)
    extra = 1

    @admin.display(description="ảnh hiện tại")
    def portrait(self, person):
        if not person.photo:
            return "—"
        return format_html('<img class="photo-thumb" src="{}" alt="{}">', person.photo.url, person.name)


@admin.register(Page)
class PageAdmin(BodyAdmin, PublishableAdmin):
    form = PageAdminForm
    inlines = [PagePhotoInline, PersonInline]
    revision_follow = ("photos", "people")
    compare_fields = (("title", "Tiêu đề", False), ("body", "Nội dung", True))
    list_display = ("title_in_tree", "order", "show_in_menu", "state_label", "published_time", "updated_by")
    list_filter = (StateFilter, "show_in_menu")
    list_select_related = ("updated_by",)
    # A parent before its children, so the list reads as the tree.
    ordering = ("path",)
    search_fields = ("title",)
    search_help_text = "Gõ có dấu hoặc không dấu, ví dụ: lich su."
    readonly_fields = PublishableAdmin.publishing_readonly
    fieldsets = (
        (None, {"fields": ("title", "parent", "order", "show_in_menu")}),
        (
            "Đăng trang",
            {"fields": PublishableAdmin.publishing_fields},
        ),
        ("Đường dẫn", {"classes": ("collapse",), "fields": ("slug",)}),
        ("Nội dung", {"fields": ("body",)}),
    )

    class Media:
        css = {"all": ["css/admin.css"]}

    @admin.display(description="tiêu đề", ordering="path")
    def title_in_tree(self, page):
        return f"{'— ' * (page.depth - 1)}{page.title}"

    def get_search_results(self, request, queryset, search_term):
        """Accent-insensitive, through the folded Page.search_text: a ward has few pages to scan."""
        words = query_words(search_term)
        for word in words:
            queryset = queryset.filter(search_text__contains=f" {word} ")
        return queryset, False
