"""Build the kiosk's wheel from the source tree and install it as a technician would: into a
fresh virtual environment in another folder, with its dependencies, from pip's usual indexes.

The wheel is built from a copy of the files git knows (tracked, or new and not ignored), so that
what is only lying in the developer's tree (build/, caches, a virtual environment) cannot stand
in for a file the repository lacks.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def copy_source(target: Path) -> Path:
    """The repository's files (as a clone with the working tree's changes would have them)."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO, capture_output=True, check=True,
    ).stdout.decode("utf-8").split("\0")
    for name in filter(None, listed):
        source = REPO / name
        if source.is_file():  # a tracked file deleted in the working tree is not there
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


def build_wheel(source: Path, dist: Path) -> Path:
    """`pip wheel` (with build isolation: setuptools as pyproject.toml asks for it)."""
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", str(dist),
         str(source)],
        check=True, timeout=600,
    )
    (wheel,) = dist.glob("spa_kiosk-*.whl")
    return wheel


def install(wheel: Path, venv: Path) -> Path:
    """A new virtual environment with the wheel and its dependencies; returns its `spa-kiosk`.
    The environment gets no pip of its own (a copy takes seconds): this pip installs into it."""
    subprocess.run(
        [sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=300
    )
    scripts = venv / ("Scripts" if os.name == "nt" else "bin")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(scripts / "python"), "install", "--quiet",
         "--disable-pip-version-check", str(wheel)],
        check=True, timeout=900,
    )
    return scripts / "spa-kiosk"
