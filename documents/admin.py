"""The staff side of Văn bản: documents through the publishing core, their files inline, and the
lists staff manage (types, issuing bodies, fields)."""

from django.contrib import admin

from news.search import query_words
from publishing.admin import PublishableAdmin, PublishableInline, StateFilter

from .models import Document, DocumentFile, DocumentType, Field, IssuingBody
from .search import search_documents


class DocumentFileInline(PublishableInline, admin.StackedInline):
    model = DocumentFile
    fields = ("file", "original_name", "description_shown", "downloads", "order")
    readonly_fields = ("original_name", "description_shown", "downloads")
    extra = 1

    @admin.display(description="định dạng, dung lượng")
    def description_shown(self, row):
        return row.description if row.pk else "—"


@admin.register(Document)
class DocumentAdmin(PublishableAdmin):
    inlines = [DocumentFileInline]
    revision_follow = ("files",)
    compare_fields = (
        ("number", "Số, ký hiệu", False),
        ("summary", "Trích yếu", False),
        ("signer", "Người ký", False),
        ("body", "Nội dung", True),
    )
    list_display = (
        "number",
        "doc_type",
        "issuer",
        "issued_on",
        "summary_short",
        "state_label",
        "published_time",
    )
    list_filter = (StateFilter, "doc_type", "issuer", "field")
    list_select_related = ("doc_type", "issuer")
    search_fields = ("number",)
    search_help_text = (
        "Số, ký hiệu (07-NQ/QU, 07 nq qu), ngày ban hành (dd/mm/yyyy) hoặc lời trích yếu, có dấu hay không."
    )
    readonly_fields = PublishableAdmin.publishing_readonly
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "number",
                    "doc_type",
                    "issuer",
                    "field",
                    "signer",
                    ("issued_on", "effective_on"),
                    "summary",
                )
            },
        ),
        (
            "Đăng",
            {"fields": PublishableAdmin.publishing_fields},
        ),
        ("Đường dẫn", {"classes": ("collapse",), "fields": ("slug",)}),
        ("Nội dung", {"classes": ("collapse",), "fields": ("body",)}),
    )

    class Media:
        css = {"all": ["css/admin.css"]}

    @admin.display(description="trích yếu")
    def summary_short(self, document):
        return document.summary[:100]

    def get_search_results(self, request, queryset, search_term):
        if not query_words(search_term):
            return queryset, False
        return search_documents(queryset, search_term), False


class NamedListAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "order")
    list_editable = ("order",)
    search_fields = ("name",)


admin.site.register(DocumentType, NamedListAdmin)
admin.site.register(IssuingBody, NamedListAdmin)
admin.site.register(Field, NamedListAdmin)
