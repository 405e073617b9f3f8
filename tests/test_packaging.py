"""The PyInstaller build: `pyinstaller build.spec` gives a folder whose executable is the kiosk."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from kioskproc import private_env, start_and_quit

from kiosk import __version__
from kiosk.content.load_result import LoadResult

pytest.importorskip("PyInstaller", reason="the 'build' extra (PyInstaller) is not installed")
pytestmark = [pytest.mark.packaging, pytest.mark.slow]

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("pyinstaller")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "build"),
            "build.spec",
        ],
        cwd=REPO,
        check=True,
        timeout=900,
    )
    executable = work / "dist" / "spa-kiosk" / "spa-kiosk"
    assert executable.is_file()
    return executable


def run(executable: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(executable), *args], cwd=cwd, env=kiosk_env(cwd), capture_output=True, text=True,
        timeout=180,
    )


def kiosk_env(cwd: Path) -> dict[str, str]:
    """Offscreen, the kiosk's own folders in cwd/kiosk; the cache folder as the caller set it."""
    env = private_env(cwd / "kiosk")
    if "SPA_KIOSK_CACHE_DIR" in os.environ:
        env["SPA_KIOSK_CACHE_DIR"] = os.environ["SPA_KIOSK_CACHE_DIR"]
    return env


def start(executable: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """`run --windowed` until the kiosk is up (its READY=1 to systemd), then let it quit."""
    started, ready = start_and_quit([str(executable), "run", "--windowed"], kiosk_env(cwd), cwd)
    assert "STATUS=" in ready
    return started


def test_version_comes_from_the_package(built: Path, tmp_path: Path) -> None:
    assert run(built, "--version", cwd=tmp_path).stdout.strip() == f"spa-kiosk {__version__}"


def test_check_passes_on_the_bundled_content(built: Path, tmp_path: Path) -> None:
    result = run(built, "check", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "13 slides" in result.stdout and "0 errors, 0 warnings" in result.stdout
    assert "_internal" in result.stdout  # the bundle's own copy, not the working folder


def test_the_kiosks_content_check_runs_in_the_standalone_build(built: Path, tmp_path: Path) -> None:
    """The running kiosk has its content checked by the program itself (`check-worker`); in the
    standalone build that is the bundle, which must carry the content reader."""
    content = built.parent / "_internal" / "content"
    target = tmp_path / "result.pickle"
    result = run(built, "check-worker", str(content), str(target), cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    checked = pickle.loads(target.read_bytes())
    assert isinstance(checked, LoadResult) and checked.content is not None
    assert len(checked.content.slides) == 13 and not checked.problems


def test_the_bench_measures_from_the_standalone_build(built: Path, tmp_path: Path) -> None:
    """`spa-kiosk bench` starts each measurement through the program itself; in the standalone
    build that is the bundle (there is no Python to run `-m kiosk`)."""
    content = built.parent / "_internal" / "content"
    result = run(built, "bench-worker", "taps", "--content", str(content), "--count", "4",
                 cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    line = next(x for x in result.stdout.splitlines() if x.startswith("BENCH-RESULT "))
    figures = json.loads(line.split(" ", 1)[1])
    assert len(figures["tap_ms"]) >= 4 and figures["renderer"]


def test_render_writes_real_screens(built: Path, tmp_path: Path) -> None:
    out = tmp_path / "screens"
    result = run(built, "render", "--out", str(out), "--size", "960x540", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    pictures = sorted(path.name for path in out.glob("*.png"))
    assert "contact_sheet.png" in pictures and "suggestion.png" in pictures
    assert len(pictures) == 22
    # QML, images and fonts were bundled: a rendered screen is a real, varied picture.
    assert (out / "suggestion.png").stat().st_size > 20_000


def test_the_kiosks_phrases_are_bundled_in_every_shipped_language(built: Path) -> None:
    bundled = built.parent / "_internal" / "kiosk" / "i18n"
    shipped = {path.name for path in (REPO / "kiosk" / "i18n").glob("kiosk_*.qm")}
    assert {path.name for path in bundled.glob("kiosk_*.qm")} == shipped
    assert "kiosk_ar.qm" in shipped


def test_the_kiosk_starts_and_a_staff_folder_replaces_the_default(
    built: Path, tmp_path: Path
) -> None:
    started = start(built, cwd=tmp_path)
    assert started.returncode == 0, started.stdout
    assert "default content shipped with the kiosk" in started.stdout
    staff = tmp_path / "spa"
    staff.mkdir()
    subprocess.run(
        ["cp", "-r", str(REPO / "content"), str(REPO / "assets"), str(staff)], check=True
    )
    explained = run(
        built,
        "explain",
        "--content",
        str(staff / "content"),
        "--answer",
        "time=min_30",
        "--json",
        cwd=tmp_path,
    )
    assert explained.returncode == 0, explained.stderr
    assert json.loads(explained.stdout)["package"] == "warm_welcome_30"


def test_shibokens_helpers_start_from_the_bundled_bytecode(built: Path, tmp_path: Path) -> None:
    """build.spec ships shiboken's Python helpers compiled (they are compiled at every start
    otherwise): a copy of the bundle whose helper sources are broken still starts, because the
    sources are never read."""
    copy = tmp_path / "spa-kiosk"
    subprocess.run(["cp", "-al", str(built.parent), str(copy)], check=True)  # hard links
    sources = list((copy / "_internal" / "shiboken6" / "files.dir").rglob("*.py"))
    assert len(sources) >= 10
    for source in sources:
        source.unlink()  # the built bundle keeps its own file
        source.write_text("raise ImportError('compiled again from source')\n")
    started = start(copy / "spa-kiosk", cwd=tmp_path)
    assert started.returncode == 0, started.stdout[-2000:]
    assert "compiled again" not in started.stdout
