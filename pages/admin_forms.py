"""The admin's forms for pages and their people: the core's review rules, the editor, Vietnamese checks."""

from django import forms

from news.admin_forms import NormalizedCharField, VerifiedImageField
from news.editor import ArticleBodyField
from publishing.forms import PublishableForm

from .models import Page, Person


class ParentChoiceField(forms.ModelChoiceField):
    """Pages listed as a tree: each under its parent, indented by its level."""

    def label_from_instance(self, page):
        return f"{'— ' * (page.depth - 1)}{page.title}"


class PageAdminForm(PublishableForm):
    class Meta:
        model = Page
        fields = ("title", "slug", "parent", "order", "show_in_menu", "status", "published_at", "body")
        field_classes = {"title": NormalizedCharField, "body": ArticleBodyField, "parent": ParentChoiceField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # By path: a parent's children follow it. A loop is refused by Page.clean(), in Vietnamese.
        if "parent" in self.fields:  # not on a read-only form (an approved page, for an editor)
            self.fields["parent"].queryset = Page.objects.only("title", "path").order_by("path")


class PersonForm(forms.ModelForm):
    photo = VerifiedImageField(
        label="Ảnh chân dung",
        required=False,
        help_text=Person._meta.get_field("photo").help_text,
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )

    class Meta:
        model = Person
        fields = ("name", "position", "photo", "phone", "phone_public", "email", "email_public", "order")
        field_classes = {"name": NormalizedCharField, "position": NormalizedCharField}
