"""Rows made once for several tests: in a transaction rolled back after the last of them.

Making some rows costs seconds (the demo draws every photo; a photo is resized and encoded several
times), and a module or class of tests may only read them. Each test still runs in its own transaction
inside this one (pytest-django's db, a savepoint here), so what a test changes is undone before the
next, which sees the rows as they were made. Their files go to a folder of their own, which each test
points its settings at (tests/conftest.py, point_at).
"""

from contextlib import contextmanager

from django.db import transaction
from django.test import override_settings

from .conftest import file_folders


@contextmanager
def kept_until_the_last_test(django_db_blocker, folder):
    """Open for making the rows, with files in folder; rolled back when the block ends."""
    with django_db_blocker.unblock(), override_settings(**file_folders(folder)), transaction.atomic():
        yield
        transaction.set_rollback(True)
