"""Build small content folders for tests: four YAML files from text, and assets from bytes."""

from __future__ import annotations

import re
import struct
import textwrap
import zlib
from collections.abc import Callable, Mapping
from pathlib import Path

# A small content set that loads with no error and no warning: two questions, two packages.
# ('consult' must be raisable, so one answer asks for the therapist.)
KIOSK = """\
spa_name: Test Spa
"""

SLIDES = """\
slides:
  - id: hello
    title: Hello
"""

QUESTIONNAIRE = """\
questions:
  - id: goals
    prompt: What would you like?
    kind: multiple
    options:
      - id: aches
        label: Ease aches
        concerns: {pain: 1}
      - id: calm
        label: Calm down
        concerns: {stress: 1}
  - id: time
    prompt: How much time do you have?
    kind: single
    options:
      - id: short
        label: Half an hour
        minutes: 30
      - id: long
        label: An hour
        minutes: 60
      - id: unsure
        label: Not sure, I'd like advice
        flags: [consult]
"""

PACKAGES = """\
packages:
  - id: ease
    name: Ease
    minutes: 30
    addresses: {pain: 2}
  - id: calm
    name: Calm
    minutes: 60
    addresses: {stress: 2}
"""

DEFAULTS = {
    "kiosk.yaml": KIOSK,
    "slides.yaml": SLIDES,
    "questionnaire.yaml": QUESTIONNAIRE,
    "packages.yaml": PACKAGES,
}

MakeContent = Callable[..., Path]
"""The type of the `make_content` fixture."""

MISSING = object()
"""Pass as a file's text to leave that file out of the folder."""

def png_bytes(width: int = 1, height: int = 1) -> bytes:
    """A valid RGBA PNG of the given size (black pixels)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    rows = b"".join(b"\x00" + b"\x00\x00\x00\xff" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


PNG = png_bytes()
SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b'<rect width="10" height="10"/></svg>'
)


def write_content(
    root: Path,
    *,
    kiosk: str | bytes | object | None = None,
    slides: str | bytes | object | None = None,
    questionnaire: str | bytes | object | None = None,
    packages: str | bytes | object | None = None,
    assets: Mapping[str, bytes] | None = None,
    dedent: bool = True,
) -> Path:
    """Write `root/content/*.yaml` (defaults for files not given) and `root/assets/`.

    Text is dedented; bytes are written as they are; MISSING leaves the file out.
    Returns the content folder.
    """
    folder = root / "content"
    folder.mkdir(parents=True, exist_ok=True)
    (root / "assets").mkdir(exist_ok=True)
    given = {
        "kiosk.yaml": kiosk,
        "slides.yaml": slides,
        "questionnaire.yaml": questionnaire,
        "packages.yaml": packages,
    }
    for name, text in given.items():
        value = DEFAULTS[name] if text is None else text
        if value is MISSING:
            continue
        if isinstance(value, bytes):
            (folder / name).write_bytes(value)
        else:
            assert isinstance(value, str)
            text = textwrap.dedent(value) if dedent else value
            (folder / name).write_text(text, encoding="utf-8")
    for relative, data in (assets or {}).items():
        target = root / "assets" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return folder


def problem_lines(folder: Path, *, verify: bool = True) -> list[str]:
    """Load `folder` as `spa-kiosk check` does; every problem formatted relative to its parent,
    so lines read `content/slides.yaml:4:5: error: ...`."""
    from kiosk.content.load import load_content

    verifier = None
    if verify:
        from kiosk.media import verify_files

        verifier = verify_files
    result = load_content(folder, verifier)
    return [problem.format(relative_to=folder.parent) for problem in result.problems]


_TEXT_LINE = re.compile(
    r"^(\s*(?:- )?(?:spa_name|title|body|prompt|help|label|name|summary): )(.+)$"
)


def in_english_and_spanish(text: str) -> str:
    """The same YAML with every one-line text written as {en: ..., es: ...} (line numbers kept)."""
    return "\n".join(
        _TEXT_LINE.sub(lambda m: f'{m[1]}{{en: "{m[2]}", es: "{m[2]} (es)"}}', line)
        for line in text.split("\n")
    )


BILINGUAL_KIOSK = 'spa_name: {en: Spa, es: Spa}\nlanguages: [en, es]\n'
