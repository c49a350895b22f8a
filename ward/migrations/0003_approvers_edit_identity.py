"""The approvers' group ("Duyệt tin") may edit the ward's identity, main menu and footer links.

What every page's header and footer say is published in the ward's name, as approvers' articles are;
editors do not get it by default (a superuser can give it in the admin).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

APPROVERS = "Duyệt tin"
CODENAMES = (
    "view_wardsettings",
    "change_wardsettings",
    *(f"{action}_{model}" for model in ("menuentry", "footerlink") for action in ("view", "add", "change", "delete")),
)


def grant_to_approvers(apps, schema_editor):
    # Permissions are made after all migrations; make them now so the grant can happen (as news/0012).
    ward = apps.get_app_config("ward")
    models_module = getattr(ward, "models_module", None)
    ward.models_module = True
    try:
        create_permissions(ward, apps=apps, verbosity=0)
    finally:
        ward.models_module = models_module
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=APPROVERS)
    group.permissions.add(*Permission.objects.filter(content_type__app_label="ward", codename__in=CODENAMES))


def take_from_approvers(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=APPROVERS).first()
    if group is not None:
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="ward", codename__in=CODENAMES))


class Migration(migrations.Migration):
    dependencies = [
        ("ward", "0002_defaults"),
        ("news", "0012_view_statistics_permission"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant_to_approvers, take_from_approvers)]
