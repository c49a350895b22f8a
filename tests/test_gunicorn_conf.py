"""gunicorn.conf.py: what production runs, read by gunicorn itself, and two instances side by side."""

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = [sys.executable, "-m", "gunicorn", "--config", str(ROOT / "gunicorn.conf.py")]


def printed_config(**env):
    done = subprocess.run(
        [*GUNICORN, "--print-config", "portal.wsgi"],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    values = {}
    for line in done.stdout.splitlines():
        name, _, value = line.partition("=")
        values[name.strip()] = value.strip()
    return values


@pytest.mark.own_processes
def test_defaults_suit_a_small_server():
    config = printed_config(GUNICORN_WORKERS="", RUNTIME_DIRECTORY="")
    assert 1 <= int(config["workers"]) <= 8
    assert config["timeout"] == "60" and config["graceful_timeout"] == "30"
    assert config["bind"] == "['127.0.0.1:8000']"
    assert config["preload_app"] == "False"


@pytest.mark.own_processes
def test_the_environment_sets_workers_and_each_service_gets_its_own_socket_and_pidfile():
    config = printed_config(GUNICORN_WORKERS="3", RUNTIME_DIRECTORY="/run/portal-b")
    assert config["workers"] == "3"
    assert config["control_socket"] == "/run/portal-b/gunicorn.ctl"
    assert config["pidfile"] == "/run/portal-b/gunicorn.pid"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def status_of(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status


def start_portal(folder, name, port, runtime, **env):
    """gunicorn with the project's configuration and one worker, on its own SQLite file and port, its
    output in folder/NAME.log; (process, log), the log to close once the process has ended."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings",
        "DJANGO_SECRET_KEY": "gunicorn-test-key-not-for-production-0123456789",
        "DATABASE_URL": f"sqlite:///{folder / name}.sqlite3",
        "REDIS_URL": "",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": "1",
        "RUNTIME_DIRECTORY": str(runtime),
        **env,
    }
    log = open(folder / f"{name}.log", "wb")  # noqa: SIM115 - closed by the caller, with the server
    return subprocess.Popen([*GUNICORN, "portal.wsgi"], cwd=ROOT, env=env, stdout=log, stderr=log), log


@pytest.mark.own_processes
def test_a_worker_keeps_serving_past_a_thousand_requests(tmp_path):
    """Its kept pages stay with it: no replacement (and its stall) after a number of requests."""
    port = free_port()
    process, log = start_portal(
        tmp_path,
        "portal",
        port,
        tmp_path,
        GUNICORN_MAX_REQUESTS="",
        GUNICORN_MAX_REQUESTS_JITTER="",
        DJANGO_LOG_LEVEL="INFO",
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/healthz")
        # gunicorn's usual setting, which this file had, replaced a worker after 1,000-1,100.
        with ThreadPoolExecutor(8) as pool:
            statuses = list(pool.map(lambda _: status_of(f"http://127.0.0.1:{port}/healthz"), range(1150)))
        assert statuses == [200] * 1150
    finally:
        process.terminate()
        process.wait(timeout=40)
        log.close()
    output = (tmp_path / "portal.log").read_text()
    assert output.count("Booting worker") == 1, output[-2000:]
    # The start hook tried to make the search index (news.search_index.warm) on this database without
    # tables, said so, and the worker started and served all the same.
    assert "search index not made at start" in output, output[-2000:]


@pytest.mark.own_processes
def test_another_application_starts_with_this_configuration(tmp_path):
    """The benchmark's ceiling reads this file too: the portal's start hook leaves it alone."""
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.ceiling.settings",
        "DJANGO_SECRET_KEY": "ceiling-test-key",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": "1",
        "RUNTIME_DIRECTORY": str(tmp_path),
    }
    with open(tmp_path / "ceiling.log", "wb") as log:
        command = [*GUNICORN, "bench.ceiling.wsgi:application"]
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log)
        try:
            wait_for(f"http://127.0.0.1:{port}/")
            assert status_of(f"http://127.0.0.1:{port}/") == 200
        finally:
            process.terminate()
            process.wait(timeout=40)


def wait_for(url, deadline=30):
    started = time.monotonic()
    while time.monotonic() - started < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.status, response.headers
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"nothing answered at {url}")


@pytest.mark.own_processes
def test_two_instances_run_side_by_side_and_reload_gracefully(tmp_path):
    """Each with its own port, control socket and pid file; SIGHUP replaces workers without a gap."""
    servers = []
    first = free_port()
    # A port is free again once its probe closes: the second must differ from the first.
    second = next(port for port in iter(free_port, None) if port != first)
    try:
        for name, port in (("a", first), ("b", second)):
            runtime = tmp_path / f"run-{name}"
            runtime.mkdir()
            process, log = start_portal(tmp_path, name, port, runtime)
            servers.append((process, runtime, port, log))
        for process, runtime, port, _ in servers:
            status, headers = wait_for(f"http://127.0.0.1:{port}/healthz")
            assert status == 200 and headers["X-Request-ID"]
            assert (runtime / "gunicorn.ctl").exists()
            assert int((runtime / "gunicorn.pid").read_text()) == process.pid

        process, _, port, log = servers[0]
        os.kill(process.pid, signal.SIGHUP)
        for _ in range(10):
            assert wait_for(f"http://127.0.0.1:{port}/healthz")[0] == 200
            time.sleep(0.1)
        assert process.poll() is None
    finally:
        for process, _, _, log in servers:
            process.terminate()
            process.wait(timeout=40)
            log.close()
    access = (tmp_path / "a.log").read_text()
    # Each access line carries the id the portal answered with (portal/request_id.py).
    assert re.search(r'"GET /healthz HTTP/1.1" 200 .* id=[0-9a-f]{32}$', access, re.MULTILINE), access
