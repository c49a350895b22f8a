"""Benchmark: how long `manage.py backup` and `manage.py restore` take on a filled site.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_ops .venv/bin/python bench/backup_restore.py

Builds a throwaway test database (test_<name>, destroyed afterwards), fills it as bench/pages.py does
(N articles, photos on the first 200), backs it up, empties database and folders as a new server would be,
and times the restore. Not part of the test suite.
"""

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
os.environ.setdefault("DJANGO_SECRET_KEY", "benchmark-only-key")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10000)
    args = parser.parse_args()

    import django
    from django.conf import settings
    from django.db import connection

    django.setup()
    scratch = Path(tempfile.mkdtemp(prefix="bench-backup-"))
    settings.MEDIA_ROOT = scratch / "media"
    settings.PORTAL_PRIVATE_ROOT = scratch / "private"
    settings.PORTAL_TRASH_ROOT = scratch / "private" / "trash"
    settings.PORTAL_BACKUP_ROOT = scratch / "archives"
    if connection.vendor == "sqlite":
        # A file, as a site has, not the in-memory database Django tests on.
        connection.settings_dict["TEST"]["NAME"] = str(scratch / "bench.sqlite3")
    name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        from django.core.management import call_command

        from bench.pages import fill
        from news.models import Article, ArticlePhoto

        started = time.perf_counter()
        fill(args.articles)
        print(f"{args.articles} articles on {connection.vendor} in {time.perf_counter() - started:.1f} s")

        started = time.perf_counter()
        call_command("backup", verbosity=0)
        print(f"backup: {time.perf_counter() - started:.1f} s")
        (path,) = settings.PORTAL_BACKUP_ROOT.glob("portal-*.tar")
        print(f"archive: {path.stat().st_size / 1024 / 1024:.1f} MB")

        call_command("flush", interactive=False, verbosity=0)
        from backups.folders import clear

        for part in ("media", "trash"):
            clear(part)

        from backups import archive

        started = time.perf_counter()
        archive.verify(path)
        print(f"  of which verifying the checksums: {time.perf_counter() - started:.1f} s")
        started = time.perf_counter()
        call_command("restore", str(path))
        print(f"restore: {time.perf_counter() - started:.1f} s")
        print(f"restored: {Article.objects.count()} articles, {ArticlePhoto.objects.count()} photos")
    finally:
        connection.creation.destroy_test_db(name, verbosity=0)
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
