"""The form every publishable type's admin uses: the statuses a user may pick and the review rules."""

from django import forms
from django.core.exceptions import ValidationError

from .models import Status
from .rules import MESSAGE_CANNOT_PUBLISH, MESSAGE_LOCKED, can_publish, may_change, status_choices

FIRST_YEAR, LAST_YEAR = 1900, 2099
MESSAGE_YEAR = (
    f"Năm đăng phải từ {FIRST_YEAR} đến {LAST_YEAR}. Xin kiểm tra lại ngày (dd/mm/yyyy, ví dụ 25/11/2026)."
)
EDITOR_STATUS_HELP = (
    "Viết xong, chọn “Chờ duyệt” rồi lưu: người duyệt tin sẽ xem và đăng hoặc hẹn giờ đăng."
    " Để “Bản nháp” khi còn đang viết."
)
APPROVER_STATUS_HELP = (
    "“Đã xuất bản” đăng bài vào thời gian đăng bên dưới: ngay bây giờ, hoặc đúng lúc đó nếu là"
    " thời điểm trong tương lai (hẹn giờ)."
)


class PublishableForm(forms.ModelForm):
    # Set per request by PublishableAdmin.get_form: the form must know who is saving.
    user = None

    @classmethod
    def for_user(cls, user):
        """Narrow this (per-request) form class to what user may choose."""
        cls.user = user
        status = cls.base_fields.get("status")
        if status is not None:
            status.choices = status_choices(user, cls._meta.model)
            publisher = can_publish(user, cls._meta.model)
            status.help_text = APPROVER_STATUS_HELP if publisher else EDITOR_STATUS_HELP
            # A forged "published" from an editor gets the reason, not "not one of the choices".
            status.error_messages["invalid_choice"] = MESSAGE_CANNOT_PUBLISH
        return cls

    def clean_published_at(self):
        # 01/01/0001 is a valid date to Python (the year 1), a few hours from the edge of what the
        # databases can store: SQLite's save was a 500, and on PostgreSQL every page listing the item
        # failed to read it back. A year like 2206 hides an item for good. Both are typos.
        when = self.cleaned_data.get("published_at")
        if when is not None and not FIRST_YEAR <= when.year <= LAST_YEAR:
            raise ValidationError(MESSAGE_YEAR, code="year")
        return when

    def clean(self):
        cleaned = super().clean()
        if self.user is None:
            return cleaned
        model = self._meta.model
        if not may_change(self.user, model, self.instance):
            raise ValidationError(MESSAGE_LOCKED, code="locked")
        if cleaned.get("status") == Status.PUBLISHED and not can_publish(self.user, model):
            self.add_error("status", ValidationError(MESSAGE_CANNOT_PUBLISH, code="cannot_publish"))
        return cleaned
