"""The log: each line once, JSON lines with the request's id when asked, visitors' 4xx as one short line.

Logging is configured once per process, from settings.LOGGING, so these run the portal in a subprocess
with the environment under test (debug on, where lines were doubled; PORTAL_LOG_FORMAT=json) and read its
standard error as a terminal or journald would.
"""

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from django.test import override_settings

ROOT = Path(__file__).resolve().parent.parent


def portal_log(script, **env):
    """Standard error of a portal process (SQLite in memory, migrated) that runs `script`."""
    prelude = textwrap.dedent(
        """
        import logging, django
        django.setup()
        from django.core.management import call_command
        call_command("migrate", verbosity=0)
        from django.test import Client
        client = Client(HTTP_HOST="localhost")
        """
    )
    environment = {
        **os.environ,
        # The suite's settings: production's logging, static files served without collectstatic.
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "DATABASE_URL": "sqlite://:memory:",
        "REDIS_URL": "",
        **env,
    }
    done = subprocess.run(
        [sys.executable, "-c", prelude + textwrap.dedent(script)],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return [line for line in done.stderr.splitlines() if "No directory at" not in line and line.strip()]


@pytest.mark.own_processes
def test_in_development_each_django_line_is_written_once():
    """Django's own console handler and the root's both wrote every django.* record."""
    lines = portal_log(
        """
        logging.getLogger("django.request").warning("Thử một dòng nhật ký")
        client.get("/khong-co-trang-nay/")
        """,
        DJANGO_DEBUG="1",
    )
    assert sum("Thử một dòng nhật ký" in line for line in lines) == 1
    assert sum("Not Found: /khong-co-trang-nay/" in line for line in lines) == 1


@pytest.mark.own_processes
def test_json_lines_carry_the_request_id_the_proxy_sent():
    lines = portal_log(
        """
        response = client.get("/khong-co-trang-nay/", HTTP_X_REQUEST_ID="nginx-5f2c9a")
        print("echoed", response["X-Request-ID"], file=__import__("sys").stderr)
        """,
        PORTAL_LOG_FORMAT="json",
    )
    entries = [json.loads(line) for line in lines if line.startswith("{")]
    (not_found,) = [entry for entry in entries if entry["message"].startswith("Not Found")]
    assert not_found["request_id"] == "nginx-5f2c9a"
    assert not_found["level"] == "WARNING" and not_found["status"] == 404
    assert not_found["logger"] == "django.request"
    assert "echoed nginx-5f2c9a" in lines


@pytest.mark.own_processes
def test_a_host_not_allowed_and_a_nul_byte_are_one_line_each_without_traceback():
    lines = portal_log(
        """
        client.get("/", HTTP_HOST="may-quet.example")
        client.get("/quan-tri/auth/user/?q=a%00b")
        client.get("/", HTTP_HOST="x" * 5000 + ".example")
        """
    )
    assert not any("Traceback" in line or line.startswith("  File ") for line in lines), lines
    assert len(lines) == 3, lines
    assert "Invalid HTTP_HOST header: 'may-quet.example'" in lines[0]
    assert "NUL byte in a staff page's query string: /quan-tri/auth/user/" in lines[1]
    assert len(lines[2]) < 500


@pytest.mark.own_processes
def test_a_server_error_keeps_its_traceback():
    lines = portal_log(
        """
        try:
            raise RuntimeError("hỏng thật")
        except RuntimeError:
            logging.getLogger("django.request").error("Internal Server Error: /", exc_info=True,
                                                      extra={"status_code": 500})
        """
    )
    assert any(line.startswith("Traceback") for line in lines)


def test_the_request_id_is_echoed_or_made_when_the_offered_one_is_not_sane(client, db):
    assert client.get("/", HTTP_X_REQUEST_ID="abc-123.4:5_6")["X-Request-ID"] == "abc-123.4:5_6"
    for insane in ("co dau cach", "a\\nb", "x" * 129, ""):
        made = client.get("/", HTTP_X_REQUEST_ID=insane)["X-Request-ID"]
        assert made != insane and len(made) == 32 and made.isalnum()


@override_settings(DEBUG=False)
def test_every_response_says_its_request_id(client, db):
    first, second = client.get("/")["X-Request-ID"], client.get("/")["X-Request-ID"]
    assert first and second and first != second
