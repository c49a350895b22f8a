"""Headers on every page, production settings, and the staff-only editor tools."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_HTTPS": "1",
    "DJANGO_SECRET_KEY": "production-like-secret-" + "x" * 50,
    "DJANGO_ALLOWED_HOSTS": "tin.hoabinh.example.vn",
}


def run_manage(*args, env):
    return run_python("manage.py", *args, env=env)


def run_python(*args, env):
    """python with args (a script and its arguments, or "-c" and code) beside manage.py."""
    # The child sees only what the test gives it, not the suite's own database or settings.
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "PYTEST", "PORTAL_")) and k not in {"DATABASE_URL", "REDIS_URL"}
    }
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_every_page_sends_the_security_headers(reader, make_article):
    article = make_article()
    for path in ("/", article.get_absolute_url(), "/khong-co-trang-nay/"):
        response = reader.get(path)
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert response["X-Frame-Options"] == "DENY"
        policy = response["Content-Security-Policy"]
        assert "script-src 'self'" in policy
        assert "frame-ancestors 'none'" in policy
        assert "unsafe-inline" not in policy
        assert "camera=()" in response["Permissions-Policy"]
        assert "geolocation=()" in response["Permissions-Policy"]


@pytest.mark.own_processes
def test_production_settings_pass_the_deploy_check():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.own_processes
def test_production_refuses_to_start_without_a_secret_key():
    env = {k: v for k, v in PRODUCTION.items() if k != "DJANGO_SECRET_KEY"}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


@pytest.mark.parametrize("path", ["/ckeditor/upload/", "/ckeditor/browse/"])
def test_the_editor_uploader_is_for_staff_only(reader, db, path):
    response = reader.get(path)
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_collectstatic_leaves_out_ckeditor_test_pages_and_samples(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path / "static"
    call_command("collectstatic", "--noinput", verbosity=0)
    collected = [p.relative_to(settings.STATIC_ROOT).as_posix() for p in settings.STATIC_ROOT.rglob("*")]
    assert "ckeditor/ckeditor/ckeditor.js" in collected
    assert "css/site.css" in collected
    leaked = [p for p in collected if "/tests/" in p or "samples" in p or "/wsc/" in p or p.endswith(".md")]
    assert leaked == []
