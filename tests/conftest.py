"""Shared fixtures. Helpers to build content folders are in contentkit.py."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Kiosks and check helpers that tests start keep their compiled patterns and QML here, not in
# the cache folder of whoever runs the tests.
_CACHE = tempfile.TemporaryDirectory(prefix="spa-kiosk-tests-cache-")
os.environ.setdefault("SPA_KIOSK_CACHE_DIR", _CACHE.name)
# Data, logs and the single-instance lock of whatever runs in this process (or is started from
# it without folders of its own) go into folders of this test process: never the user's, and
# never those of a test running beside it (pytest-xdist runs the tests in parallel processes).
_STATE = tempfile.TemporaryDirectory(prefix="spa-kiosk-tests-state-")
for _variable, _name in (
    ("SPA_KIOSK_DATA_DIR", "data"), ("SPA_KIOSK_LOG_DIR", "logs"), ("SPA_KIOSK_RUNTIME_DIR", "run")
):
    os.environ[_variable] = os.path.join(_STATE.name, _name)

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # run without installing the package
    sys.path.insert(0, str(REPO))

from contentkit import MakeContent, write_content  # noqa: E402
from wheelkit import build_wheel, copy_source, install  # noqa: E402

# Tests that share an expensive build (or server) run on one pytest-xdist worker, which makes it
# once: fixture name -> xdist group.
SHARED_BUILDS = {
    "installed_kiosk": "wheel", "built": "pyinstaller", "editor": "yaml-language-server",
}


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`-n auto`: three test processes per core. Most tests spend their time waiting for the
    kiosk (its cross-fades, the time a chosen answer stays shown, a process starting), not
    computing. On 2 cores the suite took ~375 s with 2 processes, ~220 s with 4, ~165 s with 6
    and ~143 s with 8; 6 keeps the machine from being so overloaded that the timing of taps
    the tests make drifts. A number in PYTEST_XDIST_AUTO_NUM_WORKERS, or `-n N`, wins."""
    asked = os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS", "")
    if asked.isdigit():
        return int(asked)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return 3 * (cores or 1)


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        for fixture, group in SHARED_BUILDS.items():
            if fixture in getattr(item, "fixturenames", ()):
                item.add_marker(pytest.mark.xdist_group(group))


@pytest.fixture
def make_content(tmp_path: Path) -> MakeContent:
    """`make_content(kiosk=..., slides=..., questionnaire=..., packages=..., assets={...})` writes
    tmp_path/content/ (the default small set for files not given) and tmp_path/assets/, and
    returns the content folder."""

    def make(**files: object) -> Path:
        return write_content(tmp_path, **files)  # type: ignore[arg-type]

    return make


@pytest.fixture(scope="module")
def folder() -> Iterator[Path]:
    """An empty content folder with the real default assets beside it (files are written in)."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "content").mkdir()
        (root / "assets").symlink_to(REPO / "assets", target_is_directory=True)
        yield root / "content"


@pytest.fixture(scope="session")
def installed_kiosk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """`spa-kiosk` from the wheel of this tree, installed with its dependencies into a new
    virtual environment outside the repository (once per test run: ~20-35 s here). The
    environment (~280 MB) is removed at the end of the run."""
    root = tmp_path_factory.mktemp("wheel")
    wheel = build_wheel(copy_source(root / "source"), root / "dist")
    yield install(wheel, root / "venv")
    shutil.rmtree(root, ignore_errors=True)
