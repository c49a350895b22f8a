"""The review workflow's groups get the pages' permissions (docs/PUBLISHING.md).

"Biên tập viên" write pages, their photos and people as drafts; "Duyệt tin" also publish, unpublish and
schedule them (pages.publish_page) and delete pages. Added, never removed: rights given by hand stay.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Biên tập viên"
APPROVERS = "Duyệt tin"

EDITOR_PERMISSIONS = [
    "add_page",
    "change_page",
    "view_page",
    "add_pagephoto",
    "change_pagephoto",
    "delete_pagephoto",
    "view_pagephoto",
    "add_person",
    "change_person",
    "delete_person",
    "view_person",
]
APPROVER_PERMISSIONS = [*EDITOR_PERMISSIONS, "publish_page", "delete_page"]


def grant(apps, schema_editor):
    # As news/0003 does: the permissions do not exist yet on a fresh database (post_migrate makes them).
    pages = apps.get_app_config("pages")
    models_module = getattr(pages, "models_module", None)
    pages.models_module = True
    try:
        create_permissions(pages, apps=apps, verbosity=0)
    finally:
        pages.models_module = models_module

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ((EDITORS, EDITOR_PERMISSIONS), (APPROVERS, APPROVER_PERMISSIONS)):
        group, _ = Group.objects.get_or_create(name=name)
        permissions = Permission.objects.filter(content_type__app_label="pages", codename__in=codenames)
        assert permissions.count() == len(codenames), f"missing permissions for {name}"
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0001_initial"),
        ("news", "0003_publishing_groups"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
