"""Where things are: the content folder in use, the shipped default content and QML screens, and
the kiosk's own files (usage database, staff PIN, logs, caches, the single-instance lock).

Shipped files are found relative to the package (or the PyInstaller bundle), never the working
folder, except for the documented `./content` convention. The kiosk's own files live in the
platform's usual folders (via platformdirs, app name "spa-kiosk"), each of which a technician
or a test can redirect with an environment variable:

- `SPA_KIOSK_DATA_DIR`: data and state (usage database, staff PIN file)
- `SPA_KIOSK_LOG_DIR`: the rotating log files
- `SPA_KIOSK_RUNTIME_DIR`: the single-instance lock (normally `$XDG_RUNTIME_DIR/spa-kiosk`)
- `SPA_KIOSK_CACHE_DIR`: what only makes the next start faster (safe to delete at any time)

Nothing here creates a folder; `ensure_dir` does, when a caller is about to write.
"""

from __future__ import annotations

import os
import sys
import warnings
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "spa-kiosk"
ENV_CONTENT = "SPA_KIOSK_CONTENT"
ENV_DATA = "SPA_KIOSK_DATA_DIR"
ENV_LOG = "SPA_KIOSK_LOG_DIR"
ENV_RUNTIME = "SPA_KIOSK_RUNTIME_DIR"
ENV_CACHE = "SPA_KIOSK_CACHE_DIR"

USAGE_DB = "usage.sqlite3"
PIN_FILE = "staff-pin.json"
SNAPSHOT_FILE = "content-snapshot.pickle"
LOG_FILE = "spa-kiosk.log"
LOCK_FILE = "spa-kiosk.lock"


PACKAGE_DIR = Path(__file__).resolve().parent.parent


# ---- shipped with the kiosk, and the content folder in use ---------------------------------


@dataclass(frozen=True)
class ContentChoice:
    folder: Path
    why: str

    def describe(self) -> str:
        return f"content folder: {self.folder} ({self.why})"


def bundle_root() -> Path | None:
    """The PyInstaller bundle folder when running frozen."""
    root = getattr(sys, "_MEIPASS", None)
    return Path(root) if root else None


def default_content_dir() -> Path:
    """The default content shipped with the kiosk: bundle, source checkout, or installed wheel."""
    candidates = []
    if (root := bundle_root()) is not None:
        candidates.append(root / "content")
    candidates += [PACKAGE_DIR.parent / "content", PACKAGE_DIR / "_default" / "content"]
    for folder in candidates:
        if (folder / "kiosk.yaml").is_file():
            return folder
    return candidates[-1]


def choose_content(option: str | None) -> ContentChoice:
    """--content, else $SPA_KIOSK_CONTENT, else ./content with a kiosk.yaml, else the default."""
    if option:
        return ContentChoice(Path(option).expanduser().absolute(), "--content")
    if env := os.environ.get(ENV_CONTENT):
        return ContentChoice(Path(env).expanduser().absolute(), f"${ENV_CONTENT}")
    local = Path.cwd() / "content"
    if (local / "kiosk.yaml").is_file():
        return ContentChoice(local, "./content")
    return ContentChoice(default_content_dir(), "the default content shipped with the kiosk")


def qml_dir() -> Path:
    """The QML screens (the `Kiosk` module's parent folder)."""
    if (root := bundle_root()) is not None and (root / "kiosk" / "ui" / "qml").is_dir():
        return root / "kiosk" / "ui" / "qml"
    return PACKAGE_DIR / "ui" / "qml"


# ---- the kiosk's own files -----------------------------------------------------------------


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
