"""news.view_statistics: who may read the admin's "Thống kê lượt xem"; given to the approvers' group.

Approvers ("Duyệt tin") decide what the ward publishes and answer for it to the Party committee, so they
read what residents read. Editors do not get it by default; a superuser can add it to their group or to
one person in the admin.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

APPROVERS = "Duyệt tin"


def grant_to_approvers(apps, schema_editor):
    # As in 0003: permissions are made after all migrations; make them now so the grant can happen.
    news = apps.get_app_config("news")
    models_module = getattr(news, "models_module", None)
    news.models_module = True
    try:
        create_permissions(news, apps=apps, verbosity=0)
    finally:
        news.models_module = models_module

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.get(content_type__app_label="news", codename="view_statistics")
    group, _ = Group.objects.get_or_create(name=APPROVERS)
    group.permissions.add(permission)


def take_from_approvers(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(content_type__app_label="news", codename="view_statistics").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0011_flushed_view_batches"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="dailyviews",
            options={
                "permissions": [("view_statistics", "Có thể xem thống kê lượt xem")],
                "verbose_name": "lượt xem trong ngày",
                "verbose_name_plural": "lượt xem theo ngày",
            },
        ),
        migrations.RunPython(grant_to_approvers, take_from_approvers),
    ]
