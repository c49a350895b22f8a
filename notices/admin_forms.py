"""The staff forms of notices and the featured pin: dates as dd/mm/yyyy HH:MM, Vietnamese refusals."""

from django import forms
from django.contrib.admin.widgets import AdminDateWidget, AdminSplitDateTime, AdminTimeWidget
from django.core.exceptions import ValidationError

from news.admin_forms import NormalizedCharField
from news.editor import ArticleBodyField
from news.models import Article
from publishing.forms import FIRST_YEAR, LAST_YEAR, MESSAGE_YEAR, PublishableForm
from publishing.rules import can_publish

from .models import FeaturedPin, Notice

MESSAGE_PIN_ARTICLE = "Chỉ người duyệt tin bài viết mới được đặt một bài viết làm tin nổi bật."
MESSAGE_PIN_NOTICE = "Chỉ người duyệt thông báo mới được đặt một thông báo làm tin nổi bật."


class MinuteSplitDateTime(AdminSplitDateTime):
    """The admin's date and time boxes, the time as HH:MM (staff never type seconds)."""

    def __init__(self, attrs=None):
        forms.MultiWidget.__init__(self, [AdminDateWidget, AdminTimeWidget(format="%H:%M")], attrs)


def within_years(when):
    if when is not None and not FIRST_YEAR <= when.year <= LAST_YEAR:
        raise ValidationError(MESSAGE_YEAR, code="year")
    return when


class NoticeAdminForm(PublishableForm):
    class Meta:
        model = Notice
        fields = ("title", "slug", "status", "published_at", "valid_from", "valid_until", "body")
        field_classes = {"title": NormalizedCharField, "body": ArticleBodyField}
        widgets = {"valid_from": MinuteSplitDateTime, "valid_until": MinuteSplitDateTime}

    def clean_valid_from(self):
        return within_years(self.cleaned_data.get("valid_from"))

    def clean_valid_until(self):
        return within_years(self.cleaned_data.get("valid_until"))


class FeaturedPinForm(forms.ModelForm):
    user = None  # set per request by the admin

    class Meta:
        model = FeaturedPin
        fields = ("article", "notice", "starts_at", "ends_at")
        widgets = {"starts_at": MinuteSplitDateTime, "ends_at": MinuteSplitDateTime}

    def clean_starts_at(self):
        return within_years(self.cleaned_data.get("starts_at"))

    def clean_ends_at(self):
        return within_years(self.cleaned_data.get("ends_at"))

    def clean(self):
        cleaned = super().clean()
        if self.user is not None:
            if cleaned.get("article") and not can_publish(self.user, Article):
                self.add_error("article", ValidationError(MESSAGE_PIN_ARTICLE, code="cannot_pin"))
            if cleaned.get("notice") and not can_publish(self.user, Notice):
                self.add_error("notice", ValidationError(MESSAGE_PIN_NOTICE, code="cannot_pin"))
        return cleaned
