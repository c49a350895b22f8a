"""Ward staff as the publishing workflow knows them: editors and approvers, in the migration's groups."""

import importlib

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

PASSWORD = "mat-khau-dai-va-kho-doan-2026"
EDITORS = "Biên tập viên"
APPROVERS = "Duyệt tin"


def restore_groups():
    """Make the groups again, as their migration does, after a browser test's flush emptied the tables."""
    migration = importlib.import_module("news.migrations.0003_publishing_groups")
    migration.create_groups(apps, schema_editor=None)
    importlib.import_module("news.migrations.0012_view_statistics_permission").grant_to_approvers(
        apps, schema_editor=None
    )
    importlib.import_module("ward.migrations.0003_approvers_edit_identity").grant_to_approvers(apps, None)
    notices = importlib.import_module("notices.migrations.0002_notice_permissions_for_groups")
    notices.grant(apps, schema_editor=None)
    importlib.import_module("documents.migrations.0002_defaults").install(apps, None)


def make_staff(username, group_name, password=PASSWORD):
    user = get_user_model().objects.create_user(username, password=password, is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    return user
