"""The user and group pages: Django's own admins, with each permission named in Vietnamese.

Django names the four permissions of every model when it migrates, in English and untranslated
("Can add bài viết", "Can view log entry"), and stores the names in the database; the group and user
pages listed them so. They are shown here from their codename and the model's Vietnamese name
("Tin tức | bài viết | Thêm bài viết"); permissions named by us ("Có thể xuất bản…") keep their name.
"""

from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, User

ACTIONS = {"add": "Thêm", "change": "Sửa", "delete": "Xóa", "view": "Xem"}


def permission_label(permission):
    model = permission.content_type.model_class()
    action, _, model_name = permission.codename.partition("_")
    name = permission.name
    if model is not None and action in ACTIONS and model_name == model._meta.model_name:
        name = f"{ACTIONS[action]} {model._meta.verbose_name}"
    return f"{permission.content_type} | {name}"


class PermissionLabels:
    def formfield_for_manytomany(self, db_field, request=None, **kwargs):
        field = super().formfield_for_manytomany(db_field, request=request, **kwargs)
        if db_field.name in ("permissions", "user_permissions"):
            field.label_from_instance = permission_label
        return field


class PortalGroupAdmin(PermissionLabels, GroupAdmin):
    pass


class PortalUserAdmin(PermissionLabels, UserAdmin):
    pass


def register(site=admin.site):
    for model, model_admin in ((Group, PortalGroupAdmin), (User, PortalUserAdmin)):
        site.unregister(model)
        site.register(model, model_admin)
