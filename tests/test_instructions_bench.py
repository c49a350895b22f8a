"""bench/instructions.py's parts that can go wrong quietly: reading Valgrind's count, refusing to run
without a database. Valgrind itself is not run here (a count takes a minute)."""

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("instructions", ROOT / "bench" / "instructions.py")
instructions = importlib.util.module_from_spec(spec)
spec.loader.exec_module(instructions)

REPORT = """==4242== Cachegrind, a high-precision tracing profiler
==4242== Command: python -c ...
==4242==
==4242== I   refs:      23,265,871,004
"""


def test_the_count_is_read_from_valgrinds_summary():
    assert instructions.instructions_in(REPORT) == 23_265_871_004


def test_a_report_without_a_count_fails_with_the_report():
    with pytest.raises(instructions.BenchError, match=r"no instruction count(.|\n)*Command: python"):
        instructions.instructions_in(REPORT.replace("I   refs", "D   refs"))


def test_it_refuses_to_run_without_a_database_of_articles(monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setattr(instructions, "ensure_tool", lambda command: f"/usr/bin/{command}")
    with pytest.raises(instructions.BenchError, match="DATABASE_URL"):
        instructions.main(["article"])
