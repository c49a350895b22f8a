"""On SQLite (the laptop and the demo), a staff save and residents' counted views wait for each other.

SQLite lets one connection write at a time. A transaction that reads first and writes later (the
admin's save: read the article, then update it) cannot wait for a view's UPDATE that took the write
lock in between: SQLite answers "database is locked" at once, and staff saw a 500.
"""

import threading

import pytest
from django.db import connection, connections


def scratch_connection(path):
    """A connection configured like the site's, to a database file of the test's own."""
    default = connections["default"]
    return type(default)({**default.settings_dict, "NAME": str(path)}, alias="scratch")


@pytest.mark.django_db
def test_a_staff_save_while_a_view_is_counted_waits_instead_of_failing(tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's single writer; PostgreSQL locks rows")
    path = tmp_path / "portal.sqlite3"
    setup = scratch_connection(path)
    setup.cursor().execute("CREATE TABLE article (id INTEGER PRIMARY KEY, views INTEGER, summary TEXT)")
    setup.cursor().execute("INSERT INTO article VALUES (1, 0, 'cũ')")
    setup.close()

    staff = scratch_connection(path)
    # What transaction.atomic() does on entering: begin a transaction, as configured.
    staff.set_autocommit(False, force_begin_transaction_with_broken_autocommit=True)
    staff.cursor().execute("SELECT summary FROM article WHERE id = 1")

    update_running = threading.Event()

    def resident_view():
        reader = scratch_connection(path)
        reader.ensure_connection()
        # SQLite calls this as the statement starts to run, in the step that then takes or waits for
        # the write lock without coming back to Python.
        reader.connection.set_trace_callback(
            lambda sql: update_running.set() if sql.startswith("UPDATE") else None
        )
        reader.cursor().execute("UPDATE article SET views = views + 1 WHERE id = 1")
        reader.close()

    view = threading.Thread(target=resident_view)
    view.start()
    assert update_running.wait(timeout=30)  # the view's UPDATE is waiting for the staff transaction
    staff.cursor().execute("UPDATE article SET summary = 'mới' WHERE id = 1")
    staff.commit()
    staff.set_autocommit(True)
    view.join(timeout=30)
    assert not view.is_alive()

    assert staff.cursor().execute("SELECT views, summary FROM article").fetchone() == (1, "mới")
    staff.close()
