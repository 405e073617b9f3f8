"""The tests that share an expensive build really run in one test process.

`tests/conftest.py` groups them (pytest-xdist's `--dist loadgroup`); when the grouping is lost,
nothing fails, every process just builds its own copy (see docs/decisions/pytest-below-9.2.md).
This runs a small suite of grouped tests in two processes and asks where each ran.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

GROUPED = '''
import os
import pytest

@pytest.mark.xdist_group("build")
@pytest.mark.parametrize("n", range(6))
def test_grouped(n):
    with open(os.environ["WHERE"], "a") as where:
        where.write(os.environ["PYTEST_XDIST_WORKER"] + "\\n")

@pytest.mark.parametrize("n", range(6))
def test_free(n):
    pass
'''


def _outside_env() -> dict[str, str]:
    """This run's environment without what pytest-xdist told this process about itself."""
    return {key: value for key, value in os.environ.items() if not key.startswith("PYTEST_")}


def test_grouped_tests_run_in_one_process(tmp_path: Path) -> None:
    (tmp_path / "test_grouped.py").write_text(GROUPED, encoding="utf-8")
    where = tmp_path / "where.txt"
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "2",
         "--dist", "loadgroup", "-o", "addopts=", "--rootdir", str(tmp_path),
         str(tmp_path / "test_grouped.py")],
        cwd=tmp_path, env={**_outside_env(), "WHERE": str(where)}, capture_output=True, text=True,
        timeout=120, check=False,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    workers = where.read_text(encoding="utf-8").split()
    assert len(workers) == 6
    assert len(set(workers)) == 1, f"one group ran in several processes: {sorted(set(workers))}"
