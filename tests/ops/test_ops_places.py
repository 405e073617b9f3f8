"""Where the kiosk keeps its files, and that every folder can be redirected."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.ops import places


def test_environment_variables_redirect_every_folder(ops_dirs: Path) -> None:
    assert places.data_dir() == ops_dirs / "data"
    assert places.state_dir() == ops_dirs / "data"
    assert places.log_dir() == ops_dirs / "log"
    assert places.runtime_dir() == ops_dirs / "run"
    assert places.usage_db_path() == ops_dirs / "data" / "usage.sqlite3"
    assert places.pin_path() == ops_dirs / "data" / "staff-pin.json"
    assert places.log_path() == ops_dirs / "log" / "spa-kiosk.log"
    assert places.lock_path() == ops_dirs / "run" / "spa-kiosk.lock"
    assert places.cache_dir() == ops_dirs / "cache"


def test_without_overrides_the_platform_folders_are_used(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (places.ENV_DATA, places.ENV_LOG, places.ENV_RUNTIME, places.ENV_CACHE):
        monkeypatch.delenv(name)
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    folders = (places.data_dir(), places.log_dir(), places.runtime_dir(), places.cache_dir())
    for folder in folders:
        assert "spa-kiosk" in folder.parts
        assert folder.is_absolute()
