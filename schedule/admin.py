"""The staff side of Lịch công tác: a week and its entries in one form, through the publishing core.

Review, the editor's lock on a published week, versions (the week with its entries), compare, restore
and recover come from publishing.admin. The action "Chép lịch tuần trước" starts the next week.
"""

from django import forms
from django.contrib import admin, messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone

from publishing.admin import PublishableAdmin, PublishableInline, StateFilter
from publishing.forms import PublishableForm

from .copying import CannotCopy, copy_recurring
from .models import Entry, Week, amends
from .times import TimeField


class EntryForm(forms.ModelForm):
    start = TimeField(label="giờ bắt đầu", required=False, help_text="24 giờ, ví dụ 07:30 hoặc 14h00.")
    end = TimeField(label="giờ kết thúc", required=False, help_text="Không bắt buộc.")

    class Meta:
        model = Entry
        fields = (
            "day",
            "start",
            "end",
            "part",
            "what",
            "place",
            "chair",
            "attendees",
            "prepares",
            "recurring",
        )
        widgets = {
            "what": forms.Textarea(attrs={"rows": 2}),
            "attendees": forms.Textarea(attrs={"rows": 2}),
        }


class EntryInline(PublishableInline, admin.StackedInline):
    # Stacked, one field under another: staff fill the week in on phones too.
    model = Entry
    form = EntryForm
    extra = 3
    readonly_fields = ("amended",)
    fields = (
        "day", ("start", "end"), "part", "what", "place", "chair", "attendees", "prepares", "recurring",
        "amended",
    )  # fmt: skip

    @admin.display(description="điều chỉnh")
    def amended(self, entry):
        if entry.amended_at is None:
            return "—"
        return f"Điều chỉnh lúc {entry.amended_at:%H:%M ngày %d/%m/%Y}"


class WeekForm(PublishableForm):
    class Meta:
        model = Week
        fields = ("monday", "note", "status", "published_at")


@admin.register(Week)
class WeekAdmin(PublishableAdmin):
    form = WeekForm
    inlines = [EntryInline]
    revision_follow = ("entries",)
    # The entries are compared by their lines (Entry.__str__: day, time, what), as photos are by captions.
    compare_fields = (("note", "Ghi chú", False),)
    list_display = ("__str__", "state_label", "published_time", "updated_by")
    list_filter = (StateFilter,)
    list_select_related = ("updated_by",)
    date_hierarchy = None
    actions = [*PublishableAdmin.actions, "copy_to_next_week"]
    readonly_fields = PublishableAdmin.publishing_readonly
    fieldsets = (
        (None, {"fields": ("monday", "note")}),
        (
            "Đăng lịch",
            {"fields": PublishableAdmin.publishing_fields},
        ),
    )

    class Media:
        css = {"all": ["css/admin.css"]}

    def save_model(self, request, obj, form, change):
        # Whether readers could already see the week before this save: only then is a change an
        # amendment (entries written as the week is published are its first version, not changes).
        stored = Week.objects.filter(pk=obj.pk).first() if change else None
        request.week_was_public = stored is not None and stored.is_public
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        if formset.model is not Entry or not getattr(request, "week_was_public", False):
            return super().save_formset(request, form, formset, change)
        saved = formset.save(commit=False)
        now = timezone.now()
        changed = {entry.pk: fields for entry, fields in formset.changed_objects}
        for entry in saved:
            if entry in formset.new_objects or amends(changed.get(entry.pk, ())):
                entry.amended_at = now
            entry.save()
        for entry in formset.deleted_objects:
            entry.delete()
        return None

    @admin.action(
        description="Chép lịch tuần trước: tạo bản nháp tuần sau từ các mục lặp lại", permissions=["add"]
    )
    def copy_to_next_week(self, request, queryset):
        made = []
        for week in queryset.order_by("monday"):
            try:
                made.append(copy_recurring(week, request.user))
            except CannotCopy as refusal:
                self.message_user(request, str(refusal), messages.WARNING)
        for week in made:
            self.log_addition(request, week, [{"added": {}}])
            self.message_user(request, f"Đã tạo bản nháp “{week}”, xin xem lại và sửa.", messages.SUCCESS)
        if len(made) == 1:
            return HttpResponseRedirect(reverse("admin:schedule_week_change", args=[made[0].pk]))
        return None
