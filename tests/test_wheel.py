"""The wheel as a technician installs it: `pip install spa_kiosk-*.whl` into a fresh virtual
environment, then every command run there from a folder outside the repository.

The wheel is built from this tree and installed once per test run (`installed_kiosk`, in
conftest.py); `tests/test_bench.py` runs the bench from the same install.
"""

from __future__ import annotations

import json
import pickle
import re
import subprocess
from pathlib import Path

import pytest
from kioskproc import private_env, start_and_quit
from wheelkit import REPO

from kiosk import __version__
from kiosk.content.load_result import LoadResult

pytestmark = [pytest.mark.packaging, pytest.mark.slow]

# What `spa-kiosk --help` lists; the test reads the list from the installed help and checks that
# it holds at least these, so that a change in the help's layout cannot make the test empty.
KNOWN_COMMANDS = {
    "run", "check", "explain", "schema", "render", "set-pin", "stats", "install-service", "soak",
    "bench",
}


def spa_kiosk(
    program: Path, *args: str, cwd: Path, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(program), *args], cwd=cwd, env=private_env(cwd / "kiosk"), input=stdin,
        capture_output=True, text=True, timeout=300, check=False,
    )


def site_packages_kiosk(program: Path, cwd: Path) -> Path:
    """The `kiosk` package folder the installed program imports."""
    python = program.with_name("python")
    done = subprocess.run(
        [str(python), "-c", "import kiosk; print(kiosk.__file__)"],
        cwd=cwd, env=private_env(cwd / "kiosk"), capture_output=True, text=True, check=True,
    )
    return Path(done.stdout.strip()).parent


def commands(help_text: str) -> list[str]:
    """The command names in the COMMAND section of `spa-kiosk --help`."""
    section = help_text.split("COMMAND\n", 1)[1].split("\n\n", 1)[0]
    return re.findall(r"^    (\S+)", section, flags=re.MULTILINE)


def test_the_wheel_carries_every_file_of_the_package_and_the_default_content(
    installed_kiosk: Path, tmp_path: Path
) -> None:
    package = site_packages_kiosk(installed_kiosk, tmp_path)
    assert REPO not in package.parents  # the installed copy, not this tree
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "kiosk", "content",
         "assets", "schemas"],
        cwd=REPO, capture_output=True, text=True, check=True,
    ).stdout.split()
    wanted = {  # where each file of the tree goes in the installed package
        name.removeprefix("kiosk/") if name.startswith("kiosk/") else f"_default/{name}"
        for name in listed
        if (REPO / name).is_file()
    }
    installed = {
        path.relative_to(package).as_posix()
        for path in package.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    assert wanted - installed == set()  # e.g. kiosk/bench once was missing
    assert {"bench/measure.py", "ui/qml/Kiosk/qmldir", "_default/content/kiosk.yaml"} <= wanted
    # Each content file's first-line schema resolves in the install as in the tree.
    for name in ("kiosk", "slides", "questionnaire", "packages"):
        first = (package / "_default" / "content" / f"{name}.yaml").read_text().split("\n")[0]
        named = first.removeprefix("# yaml-language-server: $schema=")
        assert (package / "_default" / "content" / named).is_file(), first


def test_every_command_answers_help(installed_kiosk: Path, tmp_path: Path) -> None:
    top = spa_kiosk(installed_kiosk, "--help", cwd=tmp_path)
    assert top.returncode == 0, top.stderr
    names = commands(top.stdout)
    assert set(names) >= KNOWN_COMMANDS, names
    for name in names:
        done = spa_kiosk(installed_kiosk, name, "--help", cwd=tmp_path)
        assert done.returncode == 0, (name, done.stderr)
        assert done.stdout.startswith(f"usage: spa-kiosk {name}"), (name, done.stdout)
    version = spa_kiosk(installed_kiosk, "--version", cwd=tmp_path)
    assert version.stdout.strip() == f"spa-kiosk {__version__}"


def test_check_reads_the_default_content_inside_the_install(
    installed_kiosk: Path, tmp_path: Path
) -> None:
    done = spa_kiosk(installed_kiosk, "check", cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "13 slides" in done.stdout and "0 errors, 0 warnings" in done.stdout
    folder = site_packages_kiosk(installed_kiosk, tmp_path) / "_default" / "content"
    assert str(folder) in done.stdout


def test_the_kiosks_own_content_check_runs_from_the_install(
    installed_kiosk: Path, tmp_path: Path
) -> None:
    """The running kiosk checks new content in a helper process of the installed program."""
    folder = site_packages_kiosk(installed_kiosk, tmp_path) / "_default" / "content"
    target = tmp_path / "result.pickle"
    done = spa_kiosk(installed_kiosk, "check-worker", str(folder), str(target), cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    checked = pickle.loads(target.read_bytes())
    assert isinstance(checked, LoadResult) and checked.content is not None
    assert len(checked.content.slides) == 13 and not checked.problems


def test_explain_and_schema(installed_kiosk: Path, tmp_path: Path) -> None:
    explained = spa_kiosk(
        installed_kiosk, "explain", "--answer", "time=min_30", "--json", cwd=tmp_path
    )
    assert explained.returncode == 0, explained.stderr
    assert json.loads(explained.stdout)["package"] == "warm_welcome_30"
    out = tmp_path / "schemas"
    written = spa_kiosk(installed_kiosk, "schema", "--out", str(out), cwd=tmp_path)
    assert written.returncode == 0, written.stderr
    names = sorted(path.name for path in out.iterdir())
    assert names == [f"{name}.schema.json" for name in
                     ("kiosk", "packages", "questionnaire", "slides")]
    for path in out.iterdir():
        assert json.loads(path.read_text(encoding="utf-8"))["type"] == "object"


def test_render_draws_every_screen_with_the_installed_qml_fonts_and_pictures(
    installed_kiosk: Path, tmp_path: Path
) -> None:
    out = tmp_path / "screens"
    done = spa_kiosk(installed_kiosk, "render", "--out", str(out), "--size", "640x360",
                     cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    pictures = sorted(path.name for path in out.glob("*.png"))
    assert len(pictures) == 22 and "contact_sheet.png" in pictures
    assert (out / "suggestion.png").stat().st_size > 10_000  # a real, varied picture


def test_the_kiosk_starts_then_stats_counts_what_it_showed(
    installed_kiosk: Path, tmp_path: Path
) -> None:
    before = spa_kiosk(installed_kiosk, "stats", cwd=tmp_path)  # an empty data folder
    assert "Traceback" not in before.stderr
    if before.returncode != 0:  # nothing counted yet: one line that says so
        assert before.returncode == 1 and len(before.stderr.strip().splitlines()) == 1
    ran, ready = start_and_quit(
        [str(installed_kiosk), "run", "--windowed"], private_env(tmp_path / "kiosk"),
        cwd=tmp_path,
    )
    assert ran.returncode == 0, ran.stdout
    assert "default content shipped with the kiosk" in ran.stdout
    assert "STATUS=" in ready
    after = spa_kiosk(installed_kiosk, "stats", cwd=tmp_path)
    assert after.returncode == 0, after.stderr
    assert "Slides shown: " in after.stdout
    assert sorted(path.name for path in tmp_path.iterdir()) == ["kiosk"]  # nothing in the cwd


def test_set_pin_and_install_service(installed_kiosk: Path, tmp_path: Path) -> None:
    stored = spa_kiosk(installed_kiosk, "set-pin", cwd=tmp_path, stdin="2468\n")
    assert stored.returncode == 0, stored.stderr
    assert (tmp_path / "kiosk" / "data" / "staff-pin.json").is_file()
    unit = spa_kiosk(installed_kiosk, "install-service", cwd=tmp_path)
    assert unit.returncode == 0, unit.stderr
    (start,) = [line for line in unit.stdout.splitlines() if line.startswith("ExecStart=")]
    assert Path(start.split("=", 1)[1].split()[0]).parent == installed_kiosk.parent


def test_a_short_soak_from_the_install_writes_into_a_temporary_folder(
    installed_kiosk: Path, tmp_path: Path
) -> None:
    temporary = tmp_path / "temporary"
    temporary.mkdir()
    env = {**private_env(tmp_path / "kiosk"), "TMPDIR": str(temporary)}
    done = subprocess.run(
        [str(installed_kiosk), "soak", "--hours", "0.05", "--speed", "4000"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300, check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    (out,) = temporary.iterdir()
    assert json.loads((out / "soak.json").read_text(encoding="utf-8"))["clean"]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["kiosk", "temporary"]
