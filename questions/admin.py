"""Staff's side of Hỏi đáp: the queue "Chờ trả lời", the answer, and publishing through the core.

Who asked (CONTACT_FIELDS) is shown, searched and listed only for staff with questions.view_contact;
for everyone else those fields are not in the list, the form or the search at all, so neither the
page nor a crafted search (?q=0912…) reveals them. Nobody edits them: they are what the resident sent.
Questions come from the public form only, so the admin adds none.
"""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.formats import date_format

from news.text import nfc
from publishing.admin import PublishableAdmin, StateFilter
from publishing.forms import PublishableForm
from publishing.models import State, Status

from .models import CONTACT_FIELDS, Question

CONTACT_PERMISSION = "questions.view_contact"
MESSAGE_NO_ANSWER = (
    "Câu hỏi chưa có câu trả lời nên chưa đăng lên trang Hỏi đáp được. Xin viết câu trả lời trước."
)


def may_view_contact(user):
    return user.has_perm(CONTACT_PERMISSION)


class AnswerFilter(admin.SimpleListFilter):
    title = "trả lời"
    parameter_name = "tra_loi"

    def lookups(self, request, model_admin):
        return [("cho", "Chờ trả lời"), ("da", "Đã trả lời")]

    def queryset(self, request, queryset):
        if self.value() == "cho":
            return queryset.waiting()
        if self.value() == "da":
            return queryset.answered()
        return queryset


class QuestionAdminForm(PublishableForm):
    class Meta:
        model = Question
        fields = ("subject", "body", "answer", "status", "published_at")
        widgets = {"answer": forms.Textarea(attrs={"rows": 12})}

    def _plain(self, name):
        return nfc(self.cleaned_data.get(name) or "").strip()

    def clean_subject(self):
        return self._plain("subject")

    def clean_body(self):
        return self._plain("body")

    def clean_answer(self):
        return self._plain("answer")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") in (Status.PUBLISHED, Status.REVIEW) and not cleaned.get("answer"):
            self.add_error("status", ValidationError(MESSAGE_NO_ANSWER, code="no_answer"))
        return cleaned


@admin.register(Question)
class QuestionAdmin(PublishableAdmin):
    form = QuestionAdminForm
    list_filter = (AnswerFilter, StateFilter)
    list_display_links = ("reference", "subject")
    ordering = ("-created_at", "-pk")
    compare_fields = (
        ("subject", "Tiêu đề", False),
        ("body", "Câu hỏi", False),
        ("answer", "Câu trả lời", False),
    )

    def has_add_permission(self, request):
        return False

    # --- what each member of staff sees -------------------------------------------------------------
    def get_list_display(self, request):
        columns = ["reference", "subject", "answer_label", "state_label", "received"]
        if may_view_contact(request.user):
            columns.insert(2, "sender")
        return columns

    def lookup_allowed(self, lookup, value, request):
        # Django lets the list filter by any field of the model from the address (?phone__startswith=09):
        # without the permission that would tell, one digit at a time, who asked.
        if lookup.split("__")[0] in CONTACT_FIELDS and not may_view_contact(request.user):
            return False
        return super().lookup_allowed(lookup, value, request)

    def get_search_fields(self, request):
        fields = ["reference", "subject", "body", "answer"]
        if may_view_contact(request.user):
            fields += ["name", "phone", "email", "residential_group"]
        return fields

    def get_fieldsets(self, request, obj=None):
        fieldsets = [("Câu hỏi", {"fields": ("reference", "received", "subject", "body")})]
        if may_view_contact(request.user):
            fieldsets.append(
                ("Người gửi (chỉ cán bộ tiếp nhận hỏi đáp xem được)", {"fields": self._contact()})
            )
        fieldsets.append(
            (
                "Trả lời và đăng lên trang Hỏi đáp",
                {
                    "fields": ("answer", "answered_at", "answered_by", "status", "published_at"),
                    "description": (
                        "Trạng thái “Đã xuất bản” đăng câu hỏi và câu trả lời lên trang Hỏi đáp, không kèm"
                        " tên và cách liên hệ của người hỏi. Để “Bản nháp” nếu chỉ trả lời riêng người hỏi."
                    ),
                },
            )
        )
        fieldsets.append(("Theo dõi", {"fields": self.publishing_readonly}))
        return fieldsets

    def _contact(self):
        return (*CONTACT_FIELDS, "contact_note")

    def get_readonly_fields(self, request, obj=None):
        fields = ["reference", "received", "answered_at", "answered_by", *self.publishing_readonly]
        if may_view_contact(request.user):
            fields += self._contact()
        return fields

    @admin.display(description="nhận lúc", ordering="created_at")
    def received(self, item):
        return date_format(timezone.localtime(item.created_at), "d/m/Y H:i") if item.created_at else ""

    @admin.display(description="người gửi")
    def sender(self, item):
        if not item.has_contact:
            return "(đã xóa theo thời hạn lưu)"
        return " · ".join(part for part in (item.name, item.phone, item.email) if part)

    @admin.display(description="trả lời", ordering="answered_at")
    def answer_label(self, item):
        return "Đã trả lời" if item.answer else "Chờ trả lời"

    @admin.display(description="thời hạn lưu")
    def contact_note(self, item):
        if item.contact_purged_at:
            when = date_format(timezone.localtime(item.contact_purged_at), "d/m/Y")
            return f"Thông tin liên hệ đã được xóa ngày {when} theo thời hạn lưu."
        days = settings.PORTAL_QUESTION_CONTACT_DAYS
        when = date_format(timezone.localtime(item.contact_deleted_after), "d/m/Y")
        since = "sau khi trả lời" if item.answered_at else "sau khi nhận, vì chưa trả lời"
        return f"Sẽ tự xóa sau ngày {when} ({days} ngày {since})."

    # --- saving -------------------------------------------------------------------------------------
    def save_model(self, request, obj, form, change):
        if "answer" in form.changed_data and obj.answer:
            obj.answered_by = request.user
        super().save_model(request, obj, form, change)

    @admin.action(description="Xuất bản các bài đã chọn", permissions=["publish"])
    def publish_selected(self, request, queryset):
        unanswered = queryset.waiting().count()
        if unanswered:
            self.message_user(
                request, f"{unanswered} câu hỏi chưa có câu trả lời nên chưa đăng.", messages.WARNING
            )
        return super().publish_selected(request, queryset.answered())

    @admin.action(description="Gửi duyệt các bài đã chọn", permissions=["change"])
    def submit_selected(self, request, queryset):
        return super().submit_selected(request, queryset.answered())

    # --- the front page's "Việc đang chờ" -----------------------------------------------------------
    def review_rows(self, request):
        if not self.has_view_or_change_permission(request):
            return []
        counts = Question.objects.aggregate(
            waiting=Count("pk", filter=Q(answer="")),
            review=Count("pk", filter=Q(status=Status.REVIEW)),
        )
        changelist = self._url("changelist")
        return [
            (
                "Câu hỏi của người dân chờ trả lời",
                counts["waiting"],
                f"{changelist}?{AnswerFilter.parameter_name}=cho",
            ),
            (
                "Hỏi đáp chờ duyệt đăng lên trang",
                counts["review"],
                f"{changelist}?{StateFilter.parameter_name}={State.REVIEW}",
            ),
        ]
