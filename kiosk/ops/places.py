"""Where the kiosk keeps its own files: usage database, staff PIN, logs, the single-instance lock.

The platform's usual folders (via platformdirs, app name "spa-kiosk"), each of which a technician
or a test can redirect with an environment variable:

- `SPA_KIOSK_DATA_DIR`: data and state (usage database, staff PIN file)
- `SPA_KIOSK_LOG_DIR`: the rotating log files
- `SPA_KIOSK_RUNTIME_DIR`: the single-instance lock (normally `$XDG_RUNTIME_DIR/spa-kiosk`)
- `SPA_KIOSK_CACHE_DIR`: what only makes the next start faster (safe to delete at any time)

Nothing here creates a folder; `ensure_dir` does, when a caller is about to write.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import platformdirs

APP_NAME = "spa-kiosk"
ENV_DATA = "SPA_KIOSK_DATA_DIR"
ENV_LOG = "SPA_KIOSK_LOG_DIR"
ENV_RUNTIME = "SPA_KIOSK_RUNTIME_DIR"
ENV_CACHE = "SPA_KIOSK_CACHE_DIR"

USAGE_DB = "usage.sqlite3"
PIN_FILE = "staff-pin.json"
SNAPSHOT_FILE = "content-snapshot.pickle"
LOG_FILE = "spa-kiosk.log"
LOCK_FILE = "spa-kiosk.lock"


def _dirs() -> platformdirs.PlatformDirs:
    return platformdirs.PlatformDirs(APP_NAME, appauthor=False)


def _override(name: str) -> Path | None:
    value = os.environ.get(name, "").strip()
    return Path(value).expanduser().absolute() if value else None


def data_dir() -> Path:
    """Usage counts and the staff PIN (e.g. ~/.local/share/spa-kiosk)."""
    return _override(ENV_DATA) or Path(_dirs().user_data_dir)


def state_dir() -> Path:
    """State worth keeping across restarts (e.g. ~/.local/state/spa-kiosk)."""
    return _override(ENV_DATA) or Path(_dirs().user_state_dir)


def log_dir() -> Path:
    """The rotating log files (e.g. ~/.local/state/spa-kiosk/log)."""
    return _override(ENV_LOG) or Path(_dirs().user_log_dir)


def runtime_dir() -> Path:
    """Per-session files that must not outlive a log-out (e.g. /run/user/1000/spa-kiosk)."""
    if (path := _override(ENV_RUNTIME)) is not None:
        return path
    with warnings.catch_warnings():  # platformdirs warns when $XDG_RUNTIME_DIR is unset
        warnings.simplefilter("ignore")
        return Path(_dirs().user_runtime_dir)


def cache_dir() -> Path:
    """Kept only to start faster: deleting it costs one slower start (e.g. ~/.cache/spa-kiosk)."""
    return _override(ENV_CACHE) or Path(_dirs().user_cache_dir)


def usage_db_path() -> Path:
    return data_dir() / USAGE_DB


def pin_path() -> Path:
    return data_dir() / PIN_FILE


def snapshot_path() -> Path:
    return data_dir() / SNAPSHOT_FILE


def log_path() -> Path:
    return log_dir() / LOG_FILE


def lock_path() -> Path:
    return runtime_dir() / LOCK_FILE


def ensure_dir(path: Path) -> Path:
    """Create `path` (private to this user where it is new) and return it; raises OSError."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path
