"""Văn bản on a fresh install: the usual document types, the menu entry, and the groups' rights.

Types are the ones Party and ward documents carry (staff add, rename and reorder them in the admin).
Issuing bodies and fields are the ward's own: staff enter them, the demo content brings a few.
"Văn bản" goes into the main menu before "Hỏi đáp" (ward.defaults: Hỏi đáp is 4, so 3.5 is not
possible; the entries after it move one place down). Editors get the documents' working rights,
approvers also publish_document and the lists (as news/0003 and ward/0003 do).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

TYPES = (
    "Nghị quyết", "Chỉ thị", "Kết luận", "Quyết định", "Quy định", "Hướng dẫn", "Kế hoạch",
    "Chương trình", "Thông báo", "Báo cáo", "Công văn", "Tờ trình",
)  # fmt: skip
TYPE_SLUGS = {"Nghị quyết": "nghi-quyet", "Chỉ thị": "chi-thi", "Kết luận": "ket-luan", "Quyết định": "quyet-dinh",
              "Quy định": "quy-dinh", "Hướng dẫn": "huong-dan", "Kế hoạch": "ke-hoach",
              "Chương trình": "chuong-trinh", "Thông báo": "thong-bao", "Báo cáo": "bao-cao",
              "Công văn": "cong-van", "Tờ trình": "to-trinh"}  # fmt: skip
MENU_LABEL, MENU_URL, BEFORE = "Văn bản", "/van-ban/", "/hoi-dap/"
EDITORS, APPROVERS = "Biên tập viên", "Duyệt tin"
WORK = ("add_document", "change_document", "view_document", "add_documentfile", "change_documentfile",
        "delete_documentfile", "view_documentfile", "view_documenttype", "view_issuingbody", "view_field")  # fmt: skip
LISTS = tuple(f"{a}_{m}" for m in ("documenttype", "issuingbody", "field") for a in ("add", "change", "delete"))
APPROVE = (*WORK, *LISTS, "delete_document", "publish_document")


def install(apps, schema_editor):
    DocumentType = apps.get_model("documents", "DocumentType")
    for order, name in enumerate(TYPES, 1):
        DocumentType.objects.get_or_create(name=name, defaults={"slug": TYPE_SLUGS[name], "order": order})
    _add_menu_entry(apps)
    _grant(apps)


def _add_menu_entry(apps):
    MenuEntry = apps.get_model("ward", "MenuEntry")
    WardSettings = apps.get_model("ward", "WardSettings")
    site = WardSettings.objects.filter(pk=1).first()
    if site is None or MenuEntry.objects.filter(site=site, url=MENU_URL).exists():
        return
    before = MenuEntry.objects.filter(site=site, url=BEFORE).first()
    entries = MenuEntry.objects.filter(site=site)
    order = before.order if before is not None else (max((e.order for e in entries), default=0) + 1)
    for entry in entries.filter(order__gte=order):
        entry.order += 1
        entry.save(update_fields=["order"])
    MenuEntry.objects.create(site=site, label=MENU_LABEL, url=MENU_URL, order=order)


def _grant(apps):
    config = apps.get_app_config("documents")
    models_module = getattr(config, "models_module", None)
    config.models_module = True
    try:
        create_permissions(config, apps=apps, verbosity=0)
    finally:
        config.models_module = models_module
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ((EDITORS, WORK), (APPROVERS, APPROVE)):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="documents", codename__in=codenames)
        )


def remove(apps, schema_editor):
    apps.get_model("ward", "MenuEntry").objects.filter(url=MENU_URL).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0001_initial"),
        ("ward", "0003_approvers_edit_identity"),
        ("news", "0015_photo_webp"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(install, remove)]
