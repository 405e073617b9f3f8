"""Shared fixtures. Helpers to build content folders are in contentkit.py."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # run without installing the package
    sys.path.insert(0, str(REPO))

from contentkit import MakeContent, write_content  # noqa: E402


@pytest.fixture
def make_content(tmp_path: Path) -> MakeContent:
    """`make_content(kiosk=..., slides=..., questionnaire=..., packages=..., assets={...})` writes
    tmp_path/content/ (the default small set for files not given) and tmp_path/assets/, and
    returns the content folder."""

    def make(**files: object) -> Path:
        return write_content(tmp_path, **files)  # type: ignore[arg-type]

    return make
