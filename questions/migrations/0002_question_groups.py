"""Who may do what with residents' questions (docs/PUBLISHING.md, "Hỏi đáp - Góp ý").

Editors ("Biên tập viên") read questions, write answers and propose publishing them; approvers ("Duyệt
tin") also publish them on the Hỏi đáp page (questions.publish_question) and delete them. Neither sees
who asked: the sender's contact data needs questions.view_contact, which only the new group "Tiếp nhận
hỏi đáp" (the staff who call or write back to residents) has. A superuser puts accounts in it.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Biên tập viên"
APPROVERS = "Duyệt tin"
RECEPTION = "Tiếp nhận hỏi đáp"

EDITOR_PERMISSIONS = ["view_question", "change_question"]
APPROVER_PERMISSIONS = [*EDITOR_PERMISSIONS, "publish_question", "delete_question"]
RECEPTION_PERMISSIONS = [*EDITOR_PERMISSIONS, "view_contact"]


def create_groups(apps, schema_editor):
    # As news/0003 does: the permissions exist only after post_migrate unless created here.
    config = apps.get_app_config("questions")
    models_module = getattr(config, "models_module", None)
    config.models_module = True
    try:
        create_permissions(config, apps=apps, verbosity=0)
    finally:
        config.models_module = models_module

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in (
        (EDITORS, EDITOR_PERMISSIONS),
        (APPROVERS, APPROVER_PERMISSIONS),
        (RECEPTION, RECEPTION_PERMISSIONS),
    ):
        group, _ = Group.objects.get_or_create(name=name)
        permissions = Permission.objects.filter(content_type__app_label="questions", codename__in=codenames)
        assert permissions.count() == len(codenames), f"missing permissions for {name}"
        # add, not set: rights granted by hand survive.
        group.permissions.add(*permissions)


def remove_reception(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=RECEPTION).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("questions", "0001_initial"),
        ("news", "0003_publishing_groups"),
    ]

    operations = [migrations.RunPython(create_groups, remove_reception)]
