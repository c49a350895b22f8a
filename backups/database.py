"""The database part of a backup: PostgreSQL through pg_dump / pg_restore, SQLite through its backup API.

Both give a consistent copy of a running site: pg_dump reads one snapshot, SQLite's online backup copies
the pages of one state (readers and the WAL are no obstacle). Connection details go to the PostgreSQL
tools in PG* environment variables, never on a command line where `ps` would show a password.
"""

import os
import sqlite3
import subprocess

from django.db import connection, connections

# What `migrate` writes into a new database by itself: a database whose other tables are all empty holds
# nothing a restore could destroy.
MADE_BY_MIGRATE = {
    "django_migrations",
    "django_content_type",
    "auth_permission",
    "auth_group",
    "auth_group_permissions",
}
DUMP_NAMES = {"postgresql": "database/portal.pgdump", "sqlite": "database/portal.sqlite3"}


class DatabaseToolFailed(Exception):
    pass


def vendor():
    if connection.vendor not in DUMP_NAMES:
        raise DatabaseToolFailed(f"Chưa hỗ trợ sao lưu cơ sở dữ liệu loại {connection.vendor}.")
    return connection.vendor


def _postgres_environment():
    db = connection.settings_dict
    env = {**os.environ, "PGDATABASE": db["NAME"]}
    for variable, key in (
        ("PGUSER", "USER"),
        ("PGPASSWORD", "PASSWORD"),
        ("PGHOST", "HOST"),
        ("PGPORT", "PORT"),
    ):
        if db.get(key):
            env[variable] = str(db[key])
    if db.get("OPTIONS", {}).get("sslmode"):
        env["PGSSLMODE"] = db["OPTIONS"]["sslmode"]
    return env


def _run(command):
    # The command is ours (pg_dump / pg_restore and fixed options); only file names vary.
    done = subprocess.run(  # noqa: S603
        command, env=_postgres_environment(), capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise DatabaseToolFailed(f"{command[0]} báo lỗi: {done.stderr.strip()[-2000:]}")


def dump(target):
    """Write the whole database to the file `target`."""
    if vendor() == "postgresql":
        # No owners or grants: the dump restores into a database owned by whoever restores it.
        _run(["pg_dump", "--format=custom", "--no-owner", "--no-acl", f"--file={target}"])
        return
    connection.ensure_connection()
    copy = sqlite3.connect(target)
    try:
        connection.connection.backup(copy)
    finally:
        copy.close()


def restore(source):
    """Replace the database's contents with the dump in the file `source`."""
    if vendor() == "postgresql":
        connections.close_all()
        # One transaction: a dump that fails half-way leaves the database as it was. --clean drops the
        # dump's own tables first, which is what `restore --force` asked for, and nothing on a new database.
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-acl",
                "--single-transaction",
                "--exit-on-error",
                f"--dbname={connection.settings_dict['NAME']}",
                str(source),
            ]
        )
        return
    connection.ensure_connection()
    dump_file = sqlite3.connect(source)
    try:
        # The backup API writes every page of the live file through SQLite itself (WAL included), so
        # the file is never replaced under a connection that has it open.
        dump_file.backup(connection.connection)
    finally:
        dump_file.close()


def first_table_with_rows():
    """The name of a table holding rows beyond what `migrate` writes, or None for an empty database."""
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            if table in MADE_BY_MIGRATE:
                continue
            cursor.execute(f"SELECT 1 FROM {connection.ops.quote_name(table)} LIMIT 1")  # noqa: S608
            if cursor.fetchone():
                return table
    return None
