"""Read a content folder: the four files, checked as one set, into `Content` or problems."""

from __future__ import annotations

import difflib
import typing
from dataclasses import fields
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from kiosk.content.assets import FileVerifier
from kiosk.content.check import check_sources
from kiosk.content.load_result import ASSETS_FOLDER, FolderError, LoadResult
from kiosk.content.messages import UNKNOWN_FIELD, describe, field_names, message_for
from kiosk.content.model import (
    FILE_MODELS,
    WORDS,
    Content,
    KioskFile,
    Model,
    PackagesFile,
    QuestionnaireFile,
    SlidesFile,
    Text,
    yaml_name,
)
from kiosk.content.problems import Problem, Severity, display_path
from kiosk.content.sources import SourceFile, Sources, key_path_text
from kiosk.content.validate import validate
from kiosk.content.yamlread import KeyPath, YamlError, read_yaml

_EXPECTED_TOP = {
    "kiosk.yaml": "'spa_name:' and the kiosk settings",
    "slides.yaml": "'slides:' followed by a list of slides",
    "questionnaire.yaml": "'questions:' followed by a list of questions",
    "packages.yaml": "'packages:' followed by a list of packages",
}


def load_content(folder: Path, verify: FileVerifier | None = None) -> LoadResult:
    """Read and check the whole folder. `content` is None when there is any error."""
    folder = folder.absolute()
    if not folder.exists():
        raise FolderError(f"{display_path(folder)}: no such folder")
    if not folder.is_dir():
        raise FolderError(f"{display_path(folder)}: not a folder")
    try:
        next(folder.iterdir(), None)
    except OSError as exc:
        why = f"{display_path(folder)}: cannot read the folder ({exc.strerror})"
        raise FolderError(why) from exc

    sources = Sources(
        folder=folder,
        assets=folder.parent / ASSETS_FOLDER,
        files={name: SourceFile(name, folder / name) for name in FILE_MODELS},
    )
    for source in sources.files.values():
        _read(source, sources.problems)
    check_sources(sources, verify)

    content = None
    if not any(p.is_error for p in sources.problems):
        content = _assemble(sources)
    counts = {
        "slides": _written_count(sources.files["slides.yaml"], "slides"),
        "questions": _written_count(sources.files["questionnaire.yaml"], "questions"),
        "packages": _written_count(sources.files["packages.yaml"], "packages"),
    }
    problems = tuple(sorted(sources.problems, key=_order))
    return LoadResult(folder, content, problems, counts)


def _written_count(source: SourceFile, key: str) -> int:
    """How many items the file lists, even when some of them have errors."""
    data = source.document.data if source.document else None
    items = data.get(key) if isinstance(data, dict) else None
    return len(items) if isinstance(items, list) else 0


def _order(problem: Problem) -> tuple[int, str, int, int]:
    names = list(FILE_MODELS)
    index = names.index(problem.file.name) if problem.file.name in names else len(names)
    return (index, str(problem.file), problem.line, problem.column)


def _assemble(sources: Sources) -> Content:
    kiosk = sources.files["kiosk.yaml"].model
    slides = sources.files["slides.yaml"].model
    questionnaire = sources.files["questionnaire.yaml"].model
    packages = sources.files["packages.yaml"].model
    assert isinstance(kiosk, KioskFile) and isinstance(slides, SlidesFile)
    assert isinstance(questionnaire, QuestionnaireFile) and isinstance(packages, PackagesFile)
    return Content(
        folder=sources.folder,
        assets=sources.assets,
        kiosk=kiosk,
        slides=slides.slides,
        questions=questionnaire.questions,
        packages=packages.packages,
        consult=packages.consult,
    )


def _read(source: SourceFile, problems: list[Problem]) -> None:
    def error(message: str, line: int = 0, column: int = 0) -> None:
        problems.append(Problem(source.path, line, column, Severity.ERROR, "", message))

    if not source.path.exists():
        error(_missing(source))
        return
    try:
        document = read_yaml(source.path)
    except YamlError as exc:
        error(exc.message, exc.line, exc.column)
        return
    source.document = document
    for path, where, first in document.duplicates:
        problems.append(
            Problem(
                source.path, *where, Severity.ERROR, key_path_text(path[:-1]),
                f"duplicate key '{path[-1]}' (first written on line {first[0]}); "
                "write each key once",
            )
        )
    if document.data is None:
        error(f"the file is empty; expected {_EXPECTED_TOP[source.name]}", 1, 1)
        return
    if not isinstance(document.data, dict):
        error(f"expected {_EXPECTED_TOP[source.name]}, got {describe(document.data)}", 1, 1)
        return
    model_class = FILE_MODELS[source.name]
    try:
        source.model = validate(model_class, document.data)
    except ValidationError as exc:
        _explain(source, model_class, exc, problems)
    else:
        for path, where in document.commented.items():
            if _is_text(source.model, path):
                problems.append(
                    Problem(
                        source.path, *where, Severity.WARNING, key_path_text(path),
                        "the words after '#' were read as a comment; put the text in quotes if "
                        "they belong to it",
                    )
                )


def _missing(source: SourceFile) -> str:
    """A missing file's message; "did you mean" for `slides.yml` or `SLIDES.YAML` beside it."""
    stem = source.name.removesuffix(".yaml")
    try:
        near = sorted(
            found.name for found in source.path.parent.iterdir()
            if found.name.lower() in {f"{stem}.yaml", f"{stem}.yml"}
        )
    except OSError:
        near = []
    if near:
        return f"file is missing; found {near[0]}: rename it to {source.name}"
    return f"file is missing; this folder needs {source.name} with {_EXPECTED_TOP[source.name]}"


def _is_text(model: Any, path: KeyPath) -> bool:
    """Whether the value at `path` of a checked file is staff text (shown as written), not an
    id, a number or a path: where a '#' comment after a plain value may have cut the text."""
    current: Any = model
    hint: Any = None
    for part in path:
        if isinstance(part, int):
            if not isinstance(current, tuple) or part >= len(current):
                return False
            current, hint = current[part], None
        elif isinstance(current, Model):
            names = {yaml_name(item.name): item.name for item in fields(current)}  # type: ignore[arg-type]
            if part not in names:
                return False
            hint = typing.get_type_hints(type(current), include_extras=True).get(names[part])
            current = getattr(current, names[part])
        else:
            return isinstance(current, Text)  # one translation of a text, or not text at all
    return isinstance(current, Text) or (isinstance(current, str) and _is_words(hint))


def _is_words(hint: Any) -> bool:
    """Whether a field's type is `Words` (a string kept as written), inside `| None` or Help."""
    if any(part is WORDS for part in getattr(hint, "__metadata__", ())):
        return True
    return any(_is_words(part) for part in typing.get_args(hint))


def _explain(
    source: SourceFile, model_class: type[Model], exc: ValidationError, problems: list[Problem]
) -> None:
    """pydantic's errors for one file, as problems staff can act on."""
    errors = exc.errors(include_url=False)
    misspelt = _misspelt_fields(model_class, errors)
    for details in errors:
        if _not_really_short(details):
            continue
        loc = tuple(details["loc"])
        if details["type"] == "missing" and loc in misspelt:
            continue  # "unknown field 'titel' (did you mean 'title'?)" says it all
        parent_model = _model_at(model_class, loc[:-1])
        message = message_for(details, parent_model)
        if details["type"] in {UNKNOWN_FIELD, "missing"}:
            problems.append(
                source.problem(
                    Severity.ERROR, loc, message,
                    key=details["type"] == UNKNOWN_FIELD, subject=loc[:-1],
                )
            )
        elif details["type"] == "opening_hours" and details.get("ctx", {}).get("key"):
            # Point at the day or date written wrong, not at `opening_hours:` itself.
            inner = (*loc, *str(details["ctx"]["key"]).split("."))
            problems.append(source.problem(Severity.ERROR, inner, message, key=True))
        else:
            problems.append(source.problem(Severity.ERROR, loc, message))


def _misspelt_fields(model: type[Model], errors: list[Any]) -> set[KeyPath]:
    """Required fields that are missing because staff misspelt them (the did-you-mean match)."""
    found: set[KeyPath] = set()
    for details in errors:
        if details["type"] != UNKNOWN_FIELD:
            continue
        loc = tuple(details["loc"])
        parent = _model_at(model, loc[:-1])
        if parent is None:
            continue
        close = difflib.get_close_matches(str(loc[-1]), field_names(parent), n=1, cutoff=0.6)
        if close:
            found.add((*loc[:-1], close[0]))
    return found


def _not_really_short(details: Any) -> bool:
    """pydantic counts only the valid items of a list, so one bad item also makes the list look
    too short ("expected at least 1 item, got 1"); the item's own error says what is wrong."""
    if details["type"] != "too_short":
        return False
    written = details.get("input")
    least = (details.get("ctx") or {}).get("min_length", 0)
    return isinstance(written, list | tuple | dict) and len(written) >= least


def _model_at(model: type[Model], loc: KeyPath) -> type[Model] | None:
    """The content class that describes the mapping at `loc` (for 'did you mean')."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not _is_model(current):
            return None
        hints = typing.get_type_hints(current, include_extras=True)
        names = {yaml_name(name): name for name in hints if name in current.__dataclass_fields__}
        if part not in names:
            return None
        current = _inner_model(hints[names[part]])
    return current if _is_model(current) else None


def _is_model(value: Any) -> bool:
    return isinstance(value, type) and issubclass(value, Model)


def _inner_model(annotation: Any) -> Any:
    if _is_model(annotation):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None
