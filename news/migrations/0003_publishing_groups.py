"""The two staff groups of the review workflow (docs/PUBLISHING.md).

"Biên tập viên" write and edit drafts and upload photos; "Duyệt tin" also publish, unpublish and schedule
(news.publish_article), delete articles and manage sections.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Biên tập viên"
APPROVERS = "Duyệt tin"

EDITOR_PERMISSIONS = [
    "add_article",
    "change_article",
    "view_article",
    "add_articlephoto",
    "change_articlephoto",
    "delete_articlephoto",
    "view_articlephoto",
    "view_category",
]
APPROVER_PERMISSIONS = [
    *EDITOR_PERMISSIONS,
    "publish_article",
    "delete_article",
    "add_category",
    "change_category",
]


def create_groups(apps, schema_editor):
    # Django creates permissions in its post_migrate signal, after every migration has run, so on a fresh
    # database they do not exist yet when this runs. Creating them here (idempotent: existing ones are
    # kept) lets the groups be complete the moment migrate finishes, without a second step to remember.
    news = apps.get_app_config("news")
    # A migration's app config has no models module, and create_permissions skips such apps.
    models_module = getattr(news, "models_module", None)
    news.models_module = True
    try:
        create_permissions(news, apps=apps, verbosity=0)
    finally:
        news.models_module = models_module

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ((EDITORS, EDITOR_PERMISSIONS), (APPROVERS, APPROVER_PERMISSIONS)):
        group, _ = Group.objects.get_or_create(name=name)
        permissions = Permission.objects.filter(content_type__app_label="news", codename__in=codenames)
        assert permissions.count() == len(codenames), f"missing permissions for {name}"
        # add, not set: a site that granted a group more by hand keeps it when migrations are replayed.
        group.permissions.add(*permissions)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[EDITORS, APPROVERS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0002_article_created_by_updated_by"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
