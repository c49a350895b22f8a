"""Lịch công tác in the main menu (before Hỏi đáp, by data migration), in the sitemap, and the demo week."""

import importlib
from datetime import timedelta

from django.apps import apps
from django.utils import timezone

from schedule import demo_content
from schedule.models import Week
from ward.models import MenuEntry

migration = importlib.import_module("schedule.migrations.0003_menu_entry")


def labels():
    return list(MenuEntry.objects.order_by("order", "pk").values_list("label", flat=True))


def test_the_menu_has_lich_cong_tac_just_before_hoi_dap(db):
    shown = labels()
    assert shown[shown.index("Lịch công tác") + 1] == "Hỏi đáp"
    assert MenuEntry.objects.get(label="Lịch công tác").url == "/lich-cong-tac/"


def test_running_the_migration_again_adds_no_second_entry(db):
    migration.add_entry(apps, None)
    assert labels().count("Lịch công tác") == 1


def test_without_hoi_dap_the_entry_goes_last(db):
    MenuEntry.objects.filter(url__in=["/lich-cong-tac/", "/hoi-dap/"]).delete()
    migration.add_entry(apps, None)
    assert labels()[-1] == "Lịch công tác"


def test_the_sitemap_lists_the_current_week_and_published_weeks(client, make_week):
    week = make_week()
    make_week(monday=week.monday + timedelta(days=7), status=Week.Status.DRAFT)
    body = client.get("/sitemap.xml").text
    assert "/lich-cong-tac/</loc>" in body and "/lich-cong-tac/2026/49/</loc>" in body
    assert "/lich-cong-tac/2026/50/" not in body


def test_the_demo_week_is_this_week_published_and_loaded_once(client, db):
    assert demo_content.load() == 1 and demo_content.load() == 0
    week = Week.objects.get()
    assert week.is_public and week.monday == timezone.localdate() - timedelta(
        days=timezone.localdate().weekday()
    )
    assert week.entries.filter(recurring=True).count() >= 2
    assert "Giao ban Thường trực Đảng ủy đầu tuần" in client.get("/lich-cong-tac/").text
