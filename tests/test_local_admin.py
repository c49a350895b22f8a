"""`manage.py create_local_admin`, run by every scripts/serve: one account, one password, printed once."""

import io
import re

from django.contrib.auth import get_user_model
from django.core.management import call_command


def run():
    out = io.StringIO()
    call_command("create_local_admin", stdout=out)
    return out.getvalue()


def test_the_first_run_creates_the_admin_with_the_password_it_prints(db):
    output = run()
    password = re.search(r"mật khẩu: (\S+)", output).group(1)
    admin = get_user_model().objects.get()
    assert admin.username == "admin" and admin.is_superuser
    assert admin.check_password(password)


def test_a_second_run_keeps_the_password_and_says_how_to_change_it(db):
    password = re.search(r"mật khẩu: (\S+)", run()).group(1)
    output = run()
    assert password not in output
    assert get_user_model().objects.count() == 1
    assert get_user_model().objects.get().check_password(password)
    # The command staff can paste as it stands: the project's Python (the machine's has no Django) with
    # debug on as scripts/serve runs it (without it settings refuse to start for want of a secret key).
    assert "DJANGO_DEBUG=1 .venv/bin/python manage.py changepassword admin" in output
