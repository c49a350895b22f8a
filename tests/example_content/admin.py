from django.contrib import admin

from publishing.admin import PublishableAdmin, StateFilter

from .models import SampleNotice


@admin.register(SampleNotice)
class SampleNoticeAdmin(PublishableAdmin):
    list_display = ("title", "state_label", "published_time")
    list_filter = (StateFilter,)
    fields = ("title", "body", "status", "published_at", "state_description")
    readonly_fields = ("state_description",)
    compare_fields = (("title", "Tiêu đề", False), ("body", "Nội dung", False))
