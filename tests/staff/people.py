"""Ward staff as the publishing workflow knows them: editors and approvers, in the migration's groups."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

PASSWORD = "mat-khau-dai-va-kho-doan-2026"
EDITORS = "Biên tập viên"
APPROVERS = "Duyệt tin"


def make_staff(username, group_name, password=PASSWORD):
    user = get_user_model().objects.create_user(username, password=password, is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    return user
