"""One admin page for the ward's identity, its main menu and its footer links (one row, never added
or deleted: the list goes straight to it)."""

from django.contrib import admin
from django.db import models
from django.forms import ClearableFileInput
from django.shortcuts import redirect
from django.urls import reverse

from news.admin_forms import VerifiedImageField

from . import identity
from .models import FooterLink, MenuEntry, WardSettings


class LinkInline(admin.TabularInline):
    fields = ("label", "url", "order", "is_shown")
    extra = 1


class MenuEntryInline(LinkInline):
    model = MenuEntry


class FooterLinkInline(LinkInline):
    model = FooterLink


@admin.register(WardSettings)
class WardSettingsAdmin(admin.ModelAdmin):
    inlines = (MenuEntryInline, FooterLinkInline)
    # The logo is checked as the articles' photos are: decoded in full, refused with our messages.
    formfield_overrides = {
        models.ImageField: {
            "form_class": VerifiedImageField,
            "widget": ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
        }
    }
    fieldsets = (
        ("Tên và biểu trưng", {"fields": ("name", "party", "logo")}),
        (
            "Liên hệ (trang Liên hệ và cuối trang)",
            {"fields": ("address", "phone", "email", "opening_hours", "citizen_reception")},
        ),
        ("Cuối trang", {"fields": ("responsible", "licence")}),
    )

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_or_change_permission(request):
            return super().changelist_view(request, extra_context)
        identity.current()  # makes the row from the first-run defaults, should it be missing
        return redirect(reverse("admin:ward_wardsettings_change", args=[1]))
