"""Every ops test gets its own data, log, runtime and cache folders (never the real ones)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # opskit


@pytest.fixture(autouse=True)
def ops_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """tmp_path/data, /log, /run and /cache stand in for the platform's folders."""
    for name in ("data", "log", "run", "cache"):
        (tmp_path / name).mkdir()
    monkeypatch.setenv("SPA_KIOSK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SPA_KIOSK_LOG_DIR", str(tmp_path / "log"))
    monkeypatch.setenv("SPA_KIOSK_RUNTIME_DIR", str(tmp_path / "run"))
    monkeypatch.setenv("SPA_KIOSK_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path
