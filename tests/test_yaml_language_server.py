"""The real YAML language server (what VS Code's YAML extension runs) over the content files.

The default content names its schema on its first line (`# yaml-language-server: $schema=...`),
so an editor needs no set-up; this test opens the files as an editor does, with nothing
configured but validation, and reads what the server says: nothing for the default content; for
a broken copy, one diagnostic on each line where `spa-kiosk check` reports an error, and none
elsewhere; hover and completion show the fields' descriptions.

The server comes from npm (the exact versions in tests/yamlls/package-lock.json), installed once
into a cache folder outside the repository and reused. Without Node and npm, or without the
network for the first install, the tests are skipped and say why; SPA_KIOSK_REQUIRE_YAMLLS=1
(set by .ci/run) makes those a failure instead.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from lspclient import LspClient

from kiosk.content.load import load_content

REPO = Path(__file__).resolve().parent.parent
LOCK = Path(__file__).resolve().parent / "yamlls"
FILES = ("kiosk.yaml", "slides.yaml", "questionnaire.yaml", "packages.yaml")
INSTALL_SECONDS = 300
# npm's words when it could not reach the registry.
_NO_NETWORK = re.compile(
    r"ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|"
    r"network|proxy|getaddrinfo|socket hang up|request to https?://\S+ failed",
    re.IGNORECASE,
)

Diagnostics = dict[str, list[tuple[int, str]]]
"""Per file name: (line counted from 1, message) of each diagnostic, in the server's order."""


def _skip(reason: str) -> None:
    if os.environ.get("SPA_KIOSK_REQUIRE_YAMLLS") == "1":
        pytest.fail(f"{reason} (SPA_KIOSK_REQUIRE_YAMLLS=1: the language server tests must run)")
    pytest.skip(reason)


def _cache_root() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "spa-kiosk-tests"


def install_server() -> Path:
    """The server's start script, installed with `npm ci` from the lock file when not yet."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        _skip(
            "needs Node.js and npm for the YAML language server "
            f"(node: {node or 'not found'}, npm: {npm or 'not found'})"
        )
    lock = (LOCK / "package-lock.json").read_bytes()
    folder = _cache_root() / f"yaml-language-server-{hashlib.sha256(lock).hexdigest()[:12]}"
    script = folder / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"
    if script.is_file():
        return script
    folder.parent.mkdir(parents=True, exist_ok=True)
    # Installed beside, then renamed: a run stopped half-way, or another run at the same time,
    # never leaves a half-installed server under the final name.
    work = Path(tempfile.mkdtemp(prefix=folder.name + ".", dir=folder.parent))
    try:
        for name in ("package.json", "package-lock.json"):
            shutil.copy(LOCK / name, work / name)
        try:
            done = subprocess.run(
                [npm, "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"],
                cwd=work,
                capture_output=True,
                text=True,
                timeout=INSTALL_SECONDS,
            )
        except subprocess.TimeoutExpired:
            _skip(
                f"npm did not install the YAML language server in {INSTALL_SECONDS} s (no network?)"
            )
        said = (done.stdout + done.stderr).strip()
        offline = [line for line in said.splitlines() if _NO_NETWORK.search(line)]
        if done.returncode != 0 and offline:
            _skip(f"npm could not fetch the YAML language server (no network?): {offline[0]}")
        assert done.returncode == 0, f"npm ci failed (exit {done.returncode}):\n{said}"
        try:
            work.rename(folder)
        except OSError:  # another run installed it first
            assert script.is_file(), f"could not move the install to {folder}"
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return script


class Editor:
    """One language server session, used as an editor uses it: open files, read diagnostics,
    ask for hover and completion."""

    def __init__(self, client: LspClient) -> None:
        self.client = client
        self.version = 0
        self.opened: set[str] = set()

    def open(self, texts: dict[Path, str]) -> dict[Path, list[Any]]:
        """Show the files (path: the text in the editor) and wait for each one's diagnostics.
        They stay open, as in an editor's tabs: the server publishes diagnostics for a file
        when it opens or changes, and again (empty) when it closes, which a later wait for the
        same file would take for its answer."""
        uris = {path.as_uri(): path for path in texts}
        for path, text in texts.items():
            self.version += 1
            uri = path.as_uri()
            if uri in self.opened:
                self.client.notify(
                    "textDocument/didChange",
                    {
                        "textDocument": {"uri": uri, "version": self.version},
                        "contentChanges": [{"text": text}],
                    },
                )
                continue
            self.opened.add(uri)
            self.client.notify(
                "textDocument/didOpen",
                {
                    "textDocument": {
                        "uri": uri,
                        "languageId": "yaml",
                        "version": self.version,
                        "text": text,
                    }
                },
            )
        found: dict[Path, list[Any]] = {}
        while len(found) < len(uris):  # each file once, in the order the server finishes them
            message = self.client.wait_for(
                lambda m: (
                    m["method"] == "textDocument/publishDiagnostics"
                    and m["params"]["uri"] in uris
                    and uris[m["params"]["uri"]] not in found
                ),
                f"diagnostics for {', '.join(str(uris[u]) for u in uris if uris[u] not in found)}",
            )
            found[uris[message["params"]["uri"]]] = message["params"]["diagnostics"]
        return found

    def folder(self, folder: Path) -> Diagnostics:
        """Every content file of `folder`, opened as a staff member opens them."""
        opened = self.open(
            {folder / name: (folder / name).read_text(encoding="utf-8") for name in FILES}
        )
        found: Diagnostics = {}
        for path, diagnostics in opened.items():
            for diagnostic in diagnostics:
                found.setdefault(path.name, []).append(
                    (diagnostic["range"]["start"]["line"] + 1, diagnostic["message"])
                )
        return found

    def at(self, method: str, uri: str, line: int, character: int) -> Any:
        return self.client.request(
            method,
            {
                "textDocument": {"uri": uri},
                "position": {"line": line, "character": character},
            },
        )


@pytest.fixture(scope="module")
def editor(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Editor]:
    script = install_server()
    node = shutil.which("node")
    assert node is not None
    workspace = tmp_path_factory.mktemp("workspace")
    # What VS Code's YAML extension sends, with the schema store off (no network, and no
    # schema but the one each file names).
    settings = {
        "yaml": {
            "validate": True,
            "hover": True,
            "completion": True,
            "format": {"enable": False},
            "schemaStore": {"enable": False},
            "yamlVersion": "1.2",
        }
    }
    client = LspClient([node, str(script), "--stdio"], cwd=workspace, settings=settings)
    with client:
        client.request(
            "initialize",
            {
                "processId": os.getpid(),
                "rootUri": REPO.as_uri(),
                "workspaceFolders": [{"uri": REPO.as_uri(), "name": REPO.name}],
                "capabilities": {
                    "workspace": {"configuration": True, "workspaceFolders": True},
                    "textDocument": {
                        "publishDiagnostics": {},
                        "hover": {"contentFormat": ["markdown", "plaintext"]},
                        "completion": {
                            "completionItem": {
                                "documentationFormat": ["markdown", "plaintext"],
                                "snippetSupport": False,
                            }
                        },
                    },
                },
            },
        )
        client.notify("initialized", {})
        client.notify("workspace/didChangeConfiguration", {"settings": settings})
        yield Editor(client)


# ---- the default content ------------------------------------------------------------------


def test_each_default_file_names_its_schema_on_the_first_line() -> None:
    for name in FILES:
        first = (REPO / "content" / name).read_text(encoding="utf-8").split("\n", 1)[0]
        schema = name.replace(".yaml", ".schema.json")
        assert first == f"# yaml-language-server: $schema=../schemas/{schema}"
        assert (REPO / "content" / "../schemas" / schema).resolve().is_file()


def test_the_default_content_has_no_diagnostics(editor: Editor) -> None:
    assert editor.folder(REPO / "content") == {}


# ---- a broken copy: the server finds what check finds, on the same lines ---------------------


def copy_of_default(root: Path, edits: dict[str, list[tuple[str, str]]]) -> Path:
    """root/content (the default content with `edits`: file name to (old, new) text, each old
    text found once) and root/schemas, as in the repository and in an installed kiosk."""
    shutil.copytree(REPO / "content", root / "content")
    shutil.copytree(REPO / "schemas", root / "schemas")
    shutil.copytree(REPO / "assets", root / "assets")
    for name, changes in edits.items():
        path = root / "content" / name
        text = path.read_text(encoding="utf-8")
        for old, new in changes:
            assert text.count(old) == 1, f"{name}: {old!r} is not there once"
            text = text.replace(old, new)
        path.write_text(text, encoding="utf-8")
    return root / "content"


def line_of(folder: Path, name: str, text: str) -> int:
    """The line (from 1) of the copy's `name` where `text` starts."""
    lines = (folder / name).read_text(encoding="utf-8").split("\n")
    return next(number for number, line in enumerate(lines, 1) if line.startswith(text))


def check_errors(folder: Path) -> dict[str, set[int]]:
    """Per file name, the lines where `spa-kiosk check` reports an error."""
    found: dict[str, set[int]] = {}
    for problem in load_content(folder).problems:
        if problem.is_error:
            found.setdefault(problem.file.name, set()).add(problem.position[0])
    return found


# Each case: edits to a copy of the default content, then (file, the line's start, what the
# server says there) for every diagnostic expected. check reports the checks that look at more
# than one field (a language listed twice, max on kind: single) only when every field is right,
# so those are cases of their own.
BROKEN: dict[str, tuple[dict[str, list[tuple[str, str]]], list[tuple[str, str, str]]]] = {
    "fields": (
        {
            "kiosk.yaml": [
                ("  idle_seconds: 45\n", "  idle_seconds: soon\n"),
                ('  accent: "#E8643C"\n', "  accent: orange\n"),
                ("  logo: logo.svg\n", "  logo: logo.svg\n  text_size: huge\n"),
            ],
            "slides.yaml": [
                (
                    '  - id: ease_aches\n    title:\n      en: "Ease everyday aches"\n'
                    '      es: "Alivia las molestias del día a día"\n',
                    "  - id: ease_aches\n",
                ),
                ('      hours: "18:00-23:00"\n', '      hours: "18:00-25:00"\n'),
            ],
            "questionnaire.yaml": [
                ("    kind: multiple\n    max: 3\n", "    kind: several\n    max: 3\n"),
                ("    optional: true\n", "    optional: maybe\n"),
            ],
            "packages.yaml": [
                ("    minutes: 30\n", "    minutes: thirty\n"),
                ("    code: IR-45N\n", "    code: IR-45N\n    colour: red\n"),
            ],
        },
        [
            (
                "kiosk.yaml",
                "  idle_seconds: soon",
                "expected a number of seconds more than 0",
            ),  # wrong type
            ("kiosk.yaml", "  text_size: huge", 'Valid values: "normal", "large"'),  # enum
            ("kiosk.yaml", "  accent: orange", "expected a colour written as #RRGGBB"),
            ("slides.yaml", "  - id: ease_aches", 'Missing property "title"'),  # required
            ("slides.yaml", '      hours: "18:00-25:00"', 'expected hours as "HH:MM-HH:MM"'),
            ("questionnaire.yaml", "    kind: several", 'Valid values: "single", "multiple"'),
            ("questionnaire.yaml", "    optional: maybe", "expected true or false"),
            ("packages.yaml", "    minutes: thirty", "expected a whole number of minutes"),
            ("packages.yaml", "    colour: red", "Property colour is not allowed"),  # unknown
        ],
    ),
    "opening hours": (
        {"kiosk.yaml": [("booking:\n", "opening_hours:\n  mon-fri: 9-17\nbooking:\n")]},
        [("kiosk.yaml", "  mon-fri: 9-17", 'expected a time range such as "09:00-21:00"')],
    ),
    "language listed twice": (
        {"kiosk.yaml": [("languages: [en, es]\n", "languages: [en, es, en]\n")]},
        [("kiosk.yaml", "languages:", "duplicate items")],
    ),
    "no days": (
        {"slides.yaml": [("  - id: welcome\n", "  - id: welcome\n    show: {days: []}\n")]},
        [("slides.yaml", "    show: {days: []}", "too few items")],
    ),
    "max on kind single": (
        {
            "questionnaire.yaml": [
                (
                    "    kind: single\n    options:\n      - id: min_30",
                    "    kind: single\n    max: 2\n    options:\n      - id: min_30",
                )
            ]
        },
        [("questionnaire.yaml", "    max: 2", "'max' is only for kind: multiple")],
    ),
}


@pytest.mark.parametrize("case", list(BROKEN))
def test_a_broken_copy_has_a_diagnostic_on_each_line_check_reports(
    editor: Editor, tmp_path: Path, case: str
) -> None:
    edits, expected = BROKEN[case]
    folder = copy_of_default(tmp_path, edits)
    found = editor.folder(folder)
    wanted: dict[str, list[tuple[int, str]]] = {}
    for name, starts, message in expected:
        wanted.setdefault(name, []).append((line_of(folder, name, starts), message))
    for name in FILES:
        said = sorted(found.get(name, []))
        assert len(said) == len(wanted.get(name, [])), (name, said)
        for (line, message), (at, text) in zip(sorted(wanted.get(name, [])), said, strict=True):
            assert (at, message) == (line, message) and message in text, (name, said)
    # The same lines as the kiosk's own check, and no others.
    lines = {name: {line for line, _ in found[name]} for name in found}
    assert lines == check_errors(folder)


# ---- what check accepts, the server accepts --------------------------------------------------

AS_WRITTEN = {
    "kiosk.yaml": [
        ("  slide_seconds: 8\n", '  slide_seconds: "7.5"\n  advance_on_choice: yes\n'),
        ("  logo: logo.svg\n", "  logo: logo.svg\n  reduced_motion: no\n  text_size: large\n"),
        (
            "booking:\n",
            "opening_hours:\n  Mon-Fri: 09:00-21:00\n"
            '  sat: ["10:00-14:00", "16:00-24:00"]\n  sun: Closed\n'
            '  except:\n    2026-12-24: " 09:00 - 14:00 "\n    2026-12-25: closed\n'
            "booking:\n",
        ),
    ],
    "slides.yaml": [
        (
            "  - id: welcome\n",
            "  - id: welcome\n    seconds: 12\n    source: no\n"
            "    show: {days: [sat, sun], from: 2026-12-01, hours: 7:00-9:30}\n",
        ),
    ],
    "questionnaire.yaml": [
        ("    kind: multiple\n    max: 3\n", '    kind: multiple\n    max: "2"\n'),
        ("    optional: true\n", "    optional: yes\n"),
    ],
    "packages.yaml": [
        ('    price: "€39"\n    code: IR-30W\n', "    price: 12.50\n    code: 0123\n"),
        ("  - id: neck_shoulder_45\n", "  - id: on\n"),
        ('    minutes: 45\n    price: "€55"\n', "    minutes: '45'\n    price: \"€55\"\n"),
    ],
}


def test_what_check_accepts_the_server_accepts(editor: Editor, tmp_path: Path) -> None:
    folder = copy_of_default(tmp_path, AS_WRITTEN)
    assert check_errors(folder) == {}
    assert editor.folder(folder) == {}


# ---- hover and completion show what a field means --------------------------------------------


def description(file_name: str, where: Callable[[dict[str, Any]], dict[str, Any]]) -> str:
    schema = json.loads(
        (REPO / "schemas" / file_name.replace(".yaml", ".schema.json")).read_text(encoding="utf-8")
    )
    text = where(schema)["description"]
    assert isinstance(text, str) and text
    return text


@pytest.mark.parametrize(
    ("file_name", "line", "key", "where"),
    [
        (
            "packages.yaml",
            "    minutes: 30",
            "minutes",
            lambda s: s["$defs"]["Package"]["properties"]["minutes"],
        ),
        (
            "questionnaire.yaml",
            "    kind: multiple",
            "kind",
            lambda s: s["$defs"]["Question"]["properties"]["kind"],
        ),
        (
            "slides.yaml",
            "    image: slides/welcome.svg",
            "image",
            lambda s: s["$defs"]["Slide"]["properties"]["image"],
        ),
        (
            "kiosk.yaml",
            "  idle_seconds: 45",
            "idle_seconds",
            lambda s: s["$defs"]["Timing"]["properties"]["idle_seconds"],
        ),
    ],
)
def test_hover_on_a_field_shows_its_description(
    editor: Editor,
    file_name: str,
    line: str,
    key: str,
    where: Callable[[dict[str, Any]], dict[str, Any]],
) -> None:
    path = REPO / "content" / file_name
    text = path.read_text(encoding="utf-8")
    number = text.split("\n").index(line)
    editor.open({path: text})
    uri = path.as_uri()
    hover = editor.at("textDocument/hover", uri, number, line.index(key) + 1)
    shown = hover["contents"]["value"]
    assert description(file_name, where) in shown, shown
    assert shown.strip() != f"#### {key.replace('_', ' ').title()}"


def test_completion_offers_the_missing_fields_with_their_descriptions(
    editor: Editor, tmp_path: Path
) -> None:
    # A new line in timing:, where a staff member starts typing a key.
    edits = {"kiosk.yaml": [("  result_seconds: 90\n", "  result_seconds: 90\n  \n")]}
    path = copy_of_default(tmp_path, edits) / "kiosk.yaml"
    text = path.read_text(encoding="utf-8")
    number = text.split("\n").index("  ")
    editor.open({path: text})
    uri = path.as_uri()
    answer = editor.at("textDocument/completion", uri, number, 2)
    listed = answer["items"] if isinstance(answer, dict) else answer  # a CompletionList or not
    items = {item["label"]: item for item in listed}
    assert "advance_on_choice" in items, sorted(items)
    documentation = items["advance_on_choice"].get("documentation")
    shown = documentation["value"] if isinstance(documentation, dict) else documentation
    assert shown == description(
        "kiosk.yaml", lambda s: s["$defs"]["Timing"]["properties"]["advance_on_choice"]
    )


def test_completion_of_a_value_says_what_each_allowed_value_means(editor: Editor) -> None:
    path = REPO / "content" / "questionnaire.yaml"
    text = path.read_text(encoding="utf-8")
    number = text.split("\n").index("    kind: multiple")
    editor.open({path: text})
    answer = editor.at("textDocument/completion", path.as_uri(), number, len("    kind: "))
    listed = answer["items"] if isinstance(answer, dict) else answer
    shown = {item["label"]: item.get("documentation") for item in listed}
    kind = json.loads((REPO / "schemas" / "questionnaire.schema.json").read_text())["$defs"][
        "Question"
    ]["properties"]["kind"]
    assert shown == dict(zip(kind["enum"], kind["enumDescriptions"], strict=True))
