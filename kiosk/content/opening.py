"""The kiosk's first frame as plain data, kept in the checked copy of the content.

Showing the first slide takes a few words, colours and file names; the content model and the
whole checked copy take ~35 ms more of a start on a kiosk PC (~85 ms while the model was
pydantic's). So the checked copy (`snapshot.py`) begins with an
`Opening`, readable without the model: a start from an unchanged folder shows it at once and
takes in the whole content just after the first frame.

There is no opening when the first slide has a `show` schedule (which slide comes first then
depends on the time of the start); that start simply reads the whole copy first.
"""

from __future__ import annotations

import pickle
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from kiosk import __version__

if TYPE_CHECKING:
    from kiosk.content.fingerprint import Fingerprint
    from kiosk.content.model import Content

FORMAT = 6  # 3: plain dataclasses; 4: header and result apart; 5: the picture's aspect;
# 6: the kiosk's copies of the pictures (Content.stored)
COLOURS = ("background", "surface", "text", "muted", "accent")


@dataclass(frozen=True)
class Opening:
    """What the attract loop shows first, in the content's default language."""

    folder: Path
    assets: Path
    language: str
    languages: tuple[str, ...]
    spa_name: str
    disclaimer: str
    colours: tuple[tuple[str, str], ...]
    """background, surface, text, muted and accent, as the theme gives them."""
    reduced_motion: bool
    logo: Path | None
    font: str | None
    """The theme's font as written: a family installed on the PC, or a file in the assets."""
    slide_id: str
    slide_title: str
    slide_body: str
    slide_image: Path | None
    slide_aspect: float
    """Width over height of the slide's picture as the screens draw it (0.0: not known): told
    when the opening is kept, so that the first frame need not open the picture to ask."""
    slide_seconds: float
    warning_seconds: float


Aspect = Callable[[Path | None], float]
"""Tells a picture's width over height (`kiosk.media.aspect`; Qt reads the file's header)."""


def opening_of(content: Content, aspect: Aspect | None = None) -> Opening | None:
    """The opening of `content`, or None when its first slide keeps a schedule."""
    first = content.slides[0]
    image = content.asset(first.image)
    if first.show is not None:
        return None
    kiosk = content.kiosk
    theme = kiosk.theme
    language = content.default_language
    return Opening(
        folder=content.folder,
        assets=content.assets,
        language=language,
        languages=tuple(content.languages),
        spa_name=content.text(kiosk.spa_name, language),
        disclaimer=content.text(kiosk.disclaimer, language),
        colours=tuple((name, getattr(theme, name)) for name in COLOURS),
        reduced_motion=theme.reduced_motion,
        logo=content.asset(theme.logo),
        font=theme.font,
        slide_id=first.id,
        slide_title=content.text(first.title, language),
        slide_body=content.text(first.body, language),
        slide_image=image,
        slide_aspect=content.aspect(first.image) or (
            # Only for a set read without a file check (a checked set carries its shapes).
            aspect(image) if aspect is not None and image is not None and not content.stored
            else 0.0
        ),
        slide_seconds=first.seconds or kiosk.timing.slide_seconds,
        warning_seconds=kiosk.timing.warning_seconds,
    )


def header(folder: Path, seen: Fingerprint) -> tuple[Any, ...]:
    """What makes a kept opening true: same format, kiosk, Python, folder and folder state."""
    return (FORMAT, __version__, sys.version, str(folder.resolve()), seen)


def write(stream: BinaryIO, opening: Opening | None, folder: Path, seen: Fingerprint) -> None:
    pickle.dump((header(folder, seen), opening), stream, protocol=pickle.HIGHEST_PROTOCOL)


def read(stream: BinaryIO, folder: Path, seen: Fingerprint) -> Opening | None:
    """The opening at the start of `stream` when it is true for `folder` as it looks now."""
    kept, opening = pickle.load(stream)  # our own file, in a folder only the kiosk writes
    if kept != header(folder, seen) or not isinstance(opening, Opening):
        return None
    return opening


def load(target: Path, folder: Path, seen: Fingerprint) -> Opening | None:
    """The opening kept in the snapshot file `target`, if any is true now. Never raises."""
    try:
        with target.open("rb") as stream:
            return read(stream, folder, seen)
    except Exception:  # missing, damaged, older format: the start reads the whole copy instead
        return None
