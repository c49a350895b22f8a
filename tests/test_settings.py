"""One settings module, driven by the environment."""

import io
import os

import pytest
from django.conf import settings
from django.core.management import call_command

from .test_security import PRODUCTION, run_manage, run_python

PROBE = (
    "from django.conf import settings; from django.core.cache import caches; cache = caches['default']; "
    "from django.db import connection; "
    "cache.set('probe', 'đã lưu'); "
    "print(connection.vendor, settings.TIME_ZONE, settings.LANGUAGE_CODE, settings.USE_TZ, "
    "type(cache).__name__, cache.get('probe'))"
)


def printed_by(code, env):
    """The words of the last line that `manage.py shell -c code` prints, in a process given only env."""
    result = run_manage("shell", "-c", code, env=env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1].split()


@pytest.mark.own_processes
def test_defaults_are_sqlite_vietnamese_and_hanoi_time():
    assert printed_by(PROBE, env={"DJANGO_DEBUG": "1"}) == [
        "sqlite",
        "Asia/Ho_Chi_Minh",
        "vi",
        "True",
        "LocMemCache",
        "đã",
        "lưu",
    ]


@pytest.mark.own_processes
def test_database_url_and_redis_url_switch_to_postgresql_and_redis():
    env = {
        "DJANGO_DEBUG": "1",
        "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/postgres",
        "REDIS_URL": "redis://127.0.0.1:6379/15",
    }
    printed = printed_by(PROBE, env=env)
    assert printed[0] == "postgresql"
    assert printed[4:] == ["RedisCache", "đã", "lưu"]


@pytest.mark.own_processes
def test_production_leaves_uploads_to_the_web_server_and_serves_hashed_static_files():
    """What the suite overrides (tests/settings.py) stays off where it matters: in portal.settings."""
    probe = (
        "from django.conf import settings; "
        "print(settings.SETTINGS_MODULE, settings.SERVE_MEDIA, settings.WHITENOISE_USE_FINDERS, "
        "settings.WHITENOISE_AUTOREFRESH, settings.STORAGES['staticfiles']['BACKEND'], "
        "settings.PASSWORD_HASHERS[0])"
    )
    assert printed_by(probe, env=PRODUCTION) == [
        "portal.settings",
        "False",
        "False",
        "False",
        "whitenoise.storage.CompressedManifestStaticFilesStorage",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ]


def test_the_suite_runs_on_its_own_settings_with_debug_off():
    assert os.environ["DJANGO_SETTINGS_MODULE"] == "tests.settings"
    assert settings.PASSWORD_HASHERS == ["django.contrib.auth.hashers.MD5PasswordHasher"]
    assert not settings.DEBUG
    assert settings.SERVE_MEDIA


# Read from the settings module itself, not through django.setup(): the models' storages would be
# built, and S3's backend needs django-storages, which only requirements-s3.txt installs.
STORES = (
    "from portal import settings; s = settings.STORAGES; "
    "print(*(f\"{a}={s[a]['BACKEND'].rsplit('.', 1)[-1]}:{s[a].get('OPTIONS', {}).get('bucket_name', '-')}\" "
    "for a in ('default', 'private', 'trash', 'documents')))"
)


def settings_printed(code, env):
    """The words `python -c code` prints, run beside manage.py in a process given only env."""
    result = run_python("-c", code, env=env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1].split()


@pytest.mark.own_processes
def test_media_go_to_s3_by_environment_alone():
    """Buckets set: django-storages' S3 backend for media, and for the private files in their own bucket."""
    assert settings_printed(STORES, env={"DJANGO_DEBUG": "1"}) == [
        "default=FileSystemStorage:-",
        "private=PrivateStorage:-",
        "trash=TrashStorage:-",
        "documents=DocumentsStorage:-",
    ]
    env = {"DJANGO_DEBUG": "1", "PORTAL_S3_BUCKET": "tin-phuong", "PORTAL_S3_PRIVATE_BUCKET": "tin-rieng"}
    assert settings_printed(STORES, env=env) == [
        "default=S3Storage:tin-phuong",
        "private=S3Storage:tin-rieng",
        "trash=S3Storage:tin-rieng",
        "documents=S3Storage:tin-rieng",
    ]


def test_every_model_change_has_its_migration(db):
    """A field changed without a migration leaves a fresh install's tables unlike the code."""
    out = io.StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out)
    except SystemExit:
        pytest.fail(f"Models changed without a migration:\n{out.getvalue()}")
