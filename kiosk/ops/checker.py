"""The running kiosk's content check, done by a helper process.

Reading and checking the staff's folder needs the content reader (PyYAML, pydantic: ~18 MiB that
would stay in the kiosk for good once loaded) and spends long stretches in C code that holds
Python's lock while the screen's thread waits. So the kiosk starts a short-lived helper, the same
program with the hidden command `check-worker`, and takes in only its result: checked content as
plain objects, unpickled in milliseconds. Should the helper fail to run at all, the folder is
read in this process instead: slower and larger, but the kiosk never goes without content.

The reader and the Qt layers it checks with (kiosk.media, kiosk.lettering) are imported in the
functions that read: the kiosk imports this module at start, and every staff command through
`spa-kiosk check`, and neither should load pydantic, PyYAML or (for the commands) Qt for it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import os
import pickle
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from types import MappingProxyType

from kiosk.content import last_good
from kiosk.content.assets import AssetFolder
from kiosk.content.load_result import FolderError, LoadResult
from kiosk.content.model import FILE_MODELS, Content, StoredAsset
from kiosk.content.problems import Problem, Severity, display_path
from kiosk.ops import assetstore

log = logging.getLogger("kiosk.checker")

CHECK_WORKER = "check-worker"
"""The hidden command of `spa-kiosk` that runs `worker_main` (kiosk.cli)."""
EXIT_FOLDER_ERROR = 3
TIMEOUT_SECONDS = 300
HELPER_NICENESS = 10
_KIOSK_ONLY = ("NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID")


class HelperFailed(Exception):
    """The helper process could not give a result (could not start, crashed, timed out)."""


def read_content(folder: Path) -> LoadResult:
    """Read and check `folder`, pictures and fonts included, in a helper process; the set
    shows its pictures from the kiosk's copies (kiosk/ops/assetstore.py)."""
    try:
        return check_in_helper(folder)
    except HelperFailed as exc:
        log.warning("checking the content in a helper process failed (%s); checking it here", exc)
        return read_here(folder, keep_copies=True)


def read_here(folder: Path, keep_copies: bool = False) -> LoadResult:
    """Read and check `folder` in this process; the set carries each picture's shape as its
    check found it (`Content.stored`), so that the screens need not open the picture to ask.
    With `keep_copies`, as the kiosk shows it: each asset is copied into the kiosk's store and
    checked there, and the set shows the copies."""
    from kiosk.content.load import load_content  # the reader: pydantic, PyYAML (+280 ms, +13 MiB)

    files = _Files(assetstore.store_dir() if keep_copies else None)
    result = load_content(folder, files.verify)
    if result.content is None:
        return result
    return _with_text_warnings(
        dataclasses.replace(result, content=files.attach(result.content))
    )


class _Files:
    """The loader's file verifier that also notes each file's shape, and with a `store`,
    copies each file into it first and checks the copy: what is checked is then byte for byte
    what the screens show."""

    def __init__(self, store: Path | None) -> None:
        self.store = store
        self.kept: dict[Path, StoredAsset] = {}

    def verify(self, paths: Sequence[Path]) -> list[str | None]:
        from kiosk.media import examine_files  # Qt: only where content is read, not every command

        shown: list[Path] = []
        for path in paths:
            copy = path
            if self.store is not None:
                try:
                    copy = assetstore.keep(path, self.store)
                except assetstore.NotCopied as exc:
                    # The original is examined instead: it says what is wrong with it, and if
                    # nothing is (the store cannot be written), the set shows from the folder.
                    log.warning("no copy of %s for the screen: %s", display_path(path), exc)
            shown.append(copy)
        verdicts: list[str | None] = []
        for path, copy, (verdict, shape) in zip(
            paths, shown, examine_files(shown), strict=True
        ):
            verdicts.append(verdict)
            if verdict is None:
                self.kept[path] = StoredAsset(copy, shape)
        return verdicts

    def attach(self, content: Content) -> Content:
        """`content` naming the file to show for each asset, by the names staff wrote."""
        folder = AssetFolder(content.assets)
        stored: dict[str, StoredAsset] = {}
        for name in content.asset_names():
            path, _ = folder.resolve(name)
            if path is not None and path in self.kept:
                stored[name] = self.kept[path]
        return dataclasses.replace(content, stored=MappingProxyType(stored))


def _with_text_warnings(result: LoadResult) -> LoadResult:
    """`result` with a warning for each text the screens cannot draw well (kiosk.lettering):
    letters no font has, words too long for a line. Only for a set with no errors."""
    if result.content is None:
        return result
    # Qt's fonts and PyYAML: only where content is read (see the module's docstring).
    from kiosk import lettering
    from kiosk.content.sources import key_path_text
    from kiosk.content.yamlread import YamlDocument, YamlError, read_yaml

    found = lettering.findings(result.content)
    if not found:
        return result
    documents: dict[str, YamlDocument | None] = {}
    problems = list(result.problems)
    for finding in found:
        path = result.content.folder / finding.file
        if finding.file not in documents:
            try:
                documents[finding.file] = read_yaml(path)
            except (OSError, YamlError):  # changed since: the warning has no line
                documents[finding.file] = None
        document = documents[finding.file]
        line, column = document.locate(finding.where) if document else (0, 0)
        problems.append(Problem(
            path, line, column, Severity.WARNING, key_path_text(finding.where), finding.message
        ))
    names = list(FILE_MODELS)

    def order(problem: Problem) -> tuple[int, str, int, int]:
        index = names.index(problem.file.name) if problem.file.name in names else len(names)
        return (index, str(problem.file), problem.line, problem.column)

    return dataclasses.replace(result, problems=tuple(sorted(problems, key=order)))


def check_in_helper(folder: Path) -> LoadResult:
    """The helper's result for `folder`; FolderError as the reader raises it."""
    with tempfile.TemporaryDirectory(prefix="spa-kiosk-check-") as temporary:
        target = Path(temporary) / "result.pickle"
        command = [*helper_command(), CHECK_WORKER, str(folder), str(target)]
        # Not the kiosk's own: systemd's notify socket and watchdog are for the kiosk alone.
        env = {k: v for k, v in os.environ.items() if k not in _KIOSK_ONLY}
        try:
            done = subprocess.run(
                command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE, env=env, timeout=TIMEOUT_SECONDS, check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise HelperFailed(f"no answer within {TIMEOUT_SECONDS} s") from exc
        except OSError as exc:
            raise HelperFailed(f"could not start {command[0]}: {exc}") from exc
        said = done.stderr.decode("utf-8", "replace").strip()
        if done.returncode == EXIT_FOLDER_ERROR:
            raise FolderError(said.splitlines()[-1] if said else display_path(folder))
        if done.returncode != 0:
            raise HelperFailed(f"exit status {done.returncode}: {said[-2000:]}")
        try:
            raw = target.read_bytes()
            result = pickle.loads(raw)  # written just now by our own helper
        except Exception as exc:
            raise HelperFailed(f"unreadable result ({type(exc).__name__}: {exc})") from exc
    if not isinstance(result, LoadResult):
        raise HelperFailed(f"unexpected result {type(result).__name__}")
    last_good.keep_pickled(result, raw)  # the copy for the next start is written from these
    return result


def helper_command() -> list[str]:
    """This program: the built kiosk itself, else this Python running the kiosk package."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "kiosk"]


def worker_main(argv: Sequence[str]) -> int:
    """`check-worker FOLDER TARGET`: check FOLDER and pickle the LoadResult into TARGET."""
    folder, target = Path(argv[0]), Path(argv[1])
    with contextlib.suppress(OSError):
        os.nice(HELPER_NICENESS)  # the screen's thread comes first on a 2-core kiosk
    # The font check (kiosk.lettering) needs Qt's fonts, not the kiosk's display.
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    try:
        result = read_here(folder, keep_copies=True)
    except FolderError as exc:
        print(exc, file=sys.stderr)
        return EXIT_FOLDER_ERROR
    with target.open("wb") as stream:
        last_good.content_pickler(stream).dump(result)
    return 0
