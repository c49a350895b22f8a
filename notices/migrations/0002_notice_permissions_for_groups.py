"""Notices in the two staff groups (docs/PUBLISHING.md): editors write them with their files,
approvers ("Duyệt tin") also publish, unpublish, schedule and delete them (notices.publish_notice).

The featured pin needs no permission of its own: whoever may publish articles or notices may pin.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Biên tập viên"
APPROVERS = "Duyệt tin"

EDITOR_PERMISSIONS = [
    "add_notice",
    "change_notice",
    "view_notice",
    "add_noticeattachment",
    "change_noticeattachment",
    "delete_noticeattachment",
    "view_noticeattachment",
]
APPROVER_PERMISSIONS = [*EDITOR_PERMISSIONS, "publish_notice", "delete_notice"]


def grant(apps, schema_editor):
    # As news/0003 does: the permissions exist only after post_migrate unless created here.
    notices = apps.get_app_config("notices")
    models_module = getattr(notices, "models_module", None)
    notices.models_module = True
    try:
        create_permissions(notices, apps=apps, verbosity=0)
    finally:
        notices.models_module = models_module

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ((EDITORS, EDITOR_PERMISSIONS), (APPROVERS, APPROVER_PERMISSIONS)):
        group, _ = Group.objects.get_or_create(name=name)
        permissions = Permission.objects.filter(content_type__app_label="notices", codename__in=codenames)
        assert permissions.count() == len(codenames), f"missing permissions for {name}"
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(content_type__app_label="notices", codename__in=APPROVER_PERMISSIONS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("notices", "0001_initial"),
        ("news", "0003_publishing_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
