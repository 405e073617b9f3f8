"""docs/fleet.md's recipe for many kiosks: one content repository, pulled into the watched folder
by the timer's `git pull --ff-only` while the kiosk runs. The kiosk takes the new content in
whole, between slides, and never a half-pulled folder (the pull removes a picture before it
rewrites the slides that used it: in between, the folder has an error)."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from kioskkit import SLIDES_YAML, write_test_content
from kioskproc import CONTROL_UP, kiosk_command, kiosk_env, running, status, wait_until

pytestmark = pytest.mark.ui
REPO = Path(__file__).resolve().parents[2]
DOCS = REPO / "docs" / "fleet.md"
NEW_SLIDES = """\
slides:
  - id: first
    title: {en: Warmth that flows, es: Calor que fluye}
    image: slides/first.svg
    seconds: 1
  - id: winter
    title: {en: Winter warmth, es: Calor de invierno}
    image: slides/winter.svg
    seconds: 1
"""


def unit_block(name: str) -> str:
    """The unit file the docs give for `name`."""
    text = DOCS.read_text(encoding="utf-8")
    found = re.search(rf"`~/.config/systemd/user/{re.escape(name)}`:\n\n```ini\n(.*?)```", text,
                      re.S)
    assert found, f"{name} not in {DOCS}"
    return found.group(1)


def git(*args: str, cwd: Path) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Staff", "GIT_AUTHOR_EMAIL": "staff@spa.example",
           "GIT_COMMITTER_NAME": "Staff", "GIT_COMMITTER_EMAIL": "staff@spa.example"}
    done = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_a_pull_while_the_kiosk_runs_swaps_the_content_whole(tmp_path: Path) -> None:
    # The spa's repository, and the office PC's clone where staff edit.
    upstream = tmp_path / "spa-content.git"
    git("init", "--bare", "--initial-branch=main", str(upstream), cwd=tmp_path)
    office = tmp_path / "office"
    git("clone", str(upstream), str(office), cwd=tmp_path)
    write_test_content(office)
    git("add", "-A", cwd=office)
    git("commit", "-m", "Our content", cwd=office)
    git("push", "origin", "HEAD:main", cwd=office)
    # The kiosk's clone (`home` stands for the kiosk user's %h).
    home = tmp_path / "home"
    git("clone", str(upstream), str(home / "spa-content"), cwd=tmp_path)
    folder = home / "spa-content" / "content"
    assert (folder / "slides.yaml").read_text() == SLIDES_YAML

    env = kiosk_env(tmp_path, settle=1)
    with running(kiosk_command(folder), env, REPO) as kiosk:
        kiosk.wait_log(CONTROL_UP)
        # Staff replace the second slide and its picture, and push.
        (office / "content" / "slides.yaml").write_text(NEW_SLIDES)
        (office / "assets" / "slides" / "missing-later.svg").unlink()
        shutil.copy(office / "assets" / "slides" / "first.svg",
                    office / "assets" / "slides" / "winter.svg")
        git("add", "-A", cwd=office)
        git("commit", "-m", "Winter slide", cwd=office)
        git("push", "origin", "HEAD:main", cwd=office)

        # What the timer runs, as the docs give it.
        service = unit_block("spa-kiosk-content.service")
        command = next(line.split("=", 1)[1] for line in service.splitlines()
                       if line.startswith("ExecStart="))
        done = subprocess.run(shlex.split(command.replace("%h", str(home))), capture_output=True,
                              text=True, timeout=60, check=False)
        assert done.returncode == 0, done.stderr
        assert (folder / "slides.yaml").read_text() == NEW_SLIDES

        kiosk.wait_log("new content checked")
        checked = status(env)
        assert checked["problems"] == []
        # Three turns after the check: the new set goes on at the first, and shows both its
        # (one-second) slides in the next two.
        shown = checked["today"]["slides_shown"]
        wait_until(lambda: status(env)["today"]["slides_shown"] >= shown + 3, 30,
                   "the new slides turn")
        output = kiosk.stop()
    assert kiosk.returncode == 0, output
    log = kiosk.log()
    assert log.count("new content checked") == 1
    assert " ERROR " not in log and "missing-later" not in log, log  # no half-pulled check
    shown = dict(sqlite3.connect(tmp_path / "data" / "usage.sqlite3").execute(
        "SELECT slide, sum(shown) FROM slides GROUP BY slide"
    ).fetchall())
    assert shown.get("winter", 0) >= 1, shown  # the new slide reached the screen


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="needs systemd-analyze")
def test_the_timer_units_verify(tmp_path: Path) -> None:
    for name in ("spa-kiosk-content.service", "spa-kiosk-content.timer"):
        (tmp_path / name).write_text(unit_block(name))
    done = subprocess.run(
        ["systemd-analyze", "verify", str(tmp_path / "spa-kiosk-content.timer"),
         str(tmp_path / "spa-kiosk-content.service")],
        capture_output=True, text=True, timeout=60, check=False,
    )
    if "Failed to initialize manager" in done.stderr or "Failed to setup" in done.stderr:
        pytest.skip(f"systemd-analyze cannot run here: {done.stderr.strip()}")
    assert "spa-kiosk-content" not in done.stderr, done.stderr
