"""One settings module, driven by the environment."""

from .test_security import run_manage

PROBE = (
    "from django.conf import settings; from django.core.cache import caches; cache = caches['default']; "
    "from django.db import connection; "
    "cache.set('probe', 'đã lưu'); "
    "print(connection.vendor, settings.TIME_ZONE, settings.LANGUAGE_CODE, settings.USE_TZ, "
    "type(cache).__name__, cache.get('probe'))"
)


def test_defaults_are_sqlite_vietnamese_and_hanoi_time():
    result = run_manage("shell", "-c", PROBE, env={"DJANGO_DEBUG": "1"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1].split() == [
        "sqlite",
        "Asia/Ho_Chi_Minh",
        "vi",
        "True",
        "LocMemCache",
        "đã",
        "lưu",
    ]


def test_database_url_and_redis_url_switch_to_postgresql_and_redis():
    env = {
        "DJANGO_DEBUG": "1",
        "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/postgres",
        "REDIS_URL": "redis://127.0.0.1:6379/15",
    }
    result = run_manage("shell", "-c", PROBE, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1].split()[0] == "postgresql"
    assert result.stdout.strip().splitlines()[-1].split()[4:] == ["RedisCache", "đã", "lưu"]
