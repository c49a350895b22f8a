"""The review workflow's groups get the schedule's permissions (docs/SCHEDULE.md).

"Biên tập viên" prepare weeks and their entries as drafts; "Duyệt tin" also publish, unpublish and
schedule them (schedule.publish_week) and delete weeks. Added, never removed: rights given by hand stay.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Biên tập viên"
APPROVERS = "Duyệt tin"

EDITOR_PERMISSIONS = [
    "add_week",
    "change_week",
    "view_week",
    "add_entry",
    "change_entry",
    "delete_entry",
    "view_entry",
]
APPROVER_PERMISSIONS = [*EDITOR_PERMISSIONS, "publish_week", "delete_week"]


def grant(apps, schema_editor):
    # As news/0003 does: the permissions do not exist yet on a fresh database (post_migrate makes them).
    config = apps.get_app_config("schedule")
    models_module = getattr(config, "models_module", None)
    config.models_module = True
    try:
        create_permissions(config, apps=apps, verbosity=0)
    finally:
        config.models_module = models_module

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ((EDITORS, EDITOR_PERMISSIONS), (APPROVERS, APPROVER_PERMISSIONS)):
        group, _ = Group.objects.get_or_create(name=name)
        permissions = Permission.objects.filter(content_type__app_label="schedule", codename__in=codenames)
        assert permissions.count() == len(codenames), f"missing permissions for {name}"
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("schedule", "0001_initial"),
        ("news", "0003_publishing_groups"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
