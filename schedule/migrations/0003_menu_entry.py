""""Lịch công tác" in the main menu, just before "Hỏi đáp" (docs/SCHEDULE.md).

The entries after it move down one place, so the staff's own order is kept; a menu without "Hỏi đáp"
(staff removed it) gets the entry last. A ward that already links /lich-cong-tac/ gets no second entry.
Undone, the entry is removed and the order stays as it is.
"""

from django.db import migrations
from django.db.models import F

LABEL, URL, BEFORE = "Lịch công tác", "/lich-cong-tac/", "/hoi-dap/"


def add_entry(apps, schema_editor):
    WardSettings = apps.get_model("ward", "WardSettings")
    MenuEntry = apps.get_model("ward", "MenuEntry")
    site = WardSettings.objects.filter(pk=1).first()
    if site is None or MenuEntry.objects.filter(site=site, url=URL).exists():
        return
    entries = MenuEntry.objects.filter(site=site)
    before = entries.filter(url=BEFORE).order_by("order", "pk").first()
    if before is None:
        last = entries.order_by("-order").values_list("order", flat=True).first() or 0
        order = last + 1
    else:
        order = before.order
        entries.filter(order__gte=order).update(order=F("order") + 1)
    MenuEntry.objects.create(site=site, label=LABEL, url=URL, order=order)


def remove_entry(apps, schema_editor):
    apps.get_model("ward", "MenuEntry").objects.filter(url=URL, label=LABEL).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("schedule", "0002_publishing_groups"),
        ("ward", "0002_defaults"),
    ]

    operations = [migrations.RunPython(add_entry, remove_entry)]
