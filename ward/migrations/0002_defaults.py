"""A fresh install's ward identity, main menu ("Giới thiệu", "Tin tức", "Thông báo", "Hỏi đáp",
"Liên hệ") and footer links, from the PORTAL_WARD_* settings (ward.defaults)."""

from django.db import migrations

from ward import defaults


def install(apps, schema_editor):
    defaults.install(
        apps.get_model("ward", "WardSettings"),
        apps.get_model("ward", "MenuEntry"),
        apps.get_model("ward", "FooterLink"),
    )


class Migration(migrations.Migration):
    dependencies = [("ward", "0001_initial")]

    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
