"""The opening: the kiosk's first frame as plain data at the front of the checked copy, read
without the content model (pydantic) and only while it is true for the folder."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from contentkit import MakeContent

from kiosk.content import opening, snapshot
from kiosk.content.fingerprint import fingerprint
from kiosk.content.load import load_content
from kiosk.content.result import LoadResult

SLIDES = """\
slides:
  - id: hello
    title: {en: Hello, es: Hola}
    body: {en: Warmth may help you unwind., es: El calor puede ayudar.}
    image: hello.png
    seconds: 11
  - id: later
    title: Later
"""
KIOSK = """\
spa_name: {en: Test Spa, es: Spa de prueba}
languages: [es, en]
theme: {accent: "#E8643C", reduced_motion: true}
"""


def _checked(folder: Path) -> LoadResult:
    result = load_content(folder, lambda paths: [None] * len(paths))
    assert result.content is not None, [p.format() for p in result.problems]
    return result


def test_the_opening_is_the_first_slide_in_the_default_language(
    make_content: MakeContent, tmp_path: Path
) -> None:
    folder = make_content(kiosk=KIOSK, slides=SLIDES, assets={"hello.png": b""})
    content = _checked(folder).content
    assert content is not None

    first = opening.opening_of(content)

    assert first is not None
    assert (first.slide_id, first.slide_title, first.slide_body) == (
        "hello", "Hola", "El calor puede ayudar."
    )
    assert first.language == "es" and set(first.languages) == {"en", "es"}
    assert first.spa_name == "Spa de prueba"
    assert first.slide_image == content.assets / "hello.png"
    assert first.slide_seconds == 11
    assert dict(first.colours)["accent"] == "#E8643C" and first.reduced_motion


def test_the_opening_keeps_the_shape_of_its_picture_when_told(
    make_content: MakeContent, tmp_path: Path
) -> None:
    folder = make_content(kiosk=KIOSK, slides=SLIDES, assets={"hello.png": b""})
    asked: list[Path | None] = []

    def aspect(path: Path | None) -> float:
        asked.append(path)
        return 1.5

    target = tmp_path / "snapshot"
    snapshot.save(target, _checked(folder), fingerprint(folder), aspect)
    kept = opening.load(target, folder, fingerprint(folder))

    assert kept is not None and kept.slide_aspect == 1.5
    assert asked == [folder.parent / "assets" / "hello.png"]
    untold = opening.opening_of(_checked(folder).content)  # type: ignore[arg-type]
    assert untold is not None and untold.slide_aspect == 0.0  # the first frame asks the file


def test_no_opening_when_the_first_slide_keeps_a_schedule(
    make_content: MakeContent, tmp_path: Path
) -> None:
    timed = "    seconds: 11\n    show: {hours: 08:00-12:00}\n"
    scheduled = SLIDES.replace("    seconds: 11\n", timed)
    folder = make_content(kiosk=KIOSK, slides=scheduled, assets={"hello.png": b""})
    result = _checked(folder)
    target = tmp_path / "snapshot"
    snapshot.save(target, result, fingerprint(folder))

    assert opening.load(target, folder, fingerprint(folder)) is None  # depends on the time
    assert snapshot.load(target, folder, fingerprint(folder)) is not None  # the copy still serves


def test_the_opening_is_read_without_the_content_model(
    make_content: MakeContent, tmp_path: Path
) -> None:
    folder = make_content(kiosk=KIOSK, slides=SLIDES, assets={"hello.png": b""})
    target = tmp_path / "snapshot"
    snapshot.save(target, _checked(folder), fingerprint(folder))
    script = textwrap.dedent(f"""
        import sys
        from pathlib import Path
        from kiosk.content import opening
        from kiosk.content.fingerprint import fingerprint
        folder = Path({str(folder)!r})
        first = opening.load(Path({str(target)!r}), folder, fingerprint(folder))
        print(first.slide_title, "pydantic" in sys.modules)
    """)

    shown = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)

    assert shown.stdout.split() == ["Hola", "False"], shown.stderr


def test_an_opening_is_used_only_while_it_is_true(
    make_content: MakeContent, tmp_path: Path
) -> None:
    folder = make_content(kiosk=KIOSK, slides=SLIDES, assets={"hello.png": b""})
    target = tmp_path / "snapshot"
    seen = fingerprint(folder)
    snapshot.save(target, _checked(folder), seen)
    assert opening.load(target, folder, seen) is not None

    other = make_content(kiosk=KIOSK, slides=SLIDES, assets={"hello.png": b""})
    assert opening.load(target, other, fingerprint(other)) is None  # another folder
    (folder / "kiosk.yaml").write_text(KIOSK + "# edited\n", encoding="utf-8")
    assert opening.load(target, folder, fingerprint(folder)) is None  # a file changed
    target.write_bytes(b"\x80\x05damaged")
    assert opening.load(target, folder, seen) is None
    assert opening.load(tmp_path / "missing", folder, seen) is None
