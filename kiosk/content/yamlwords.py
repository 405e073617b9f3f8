"""PyYAML's words for a file it cannot read, as one sentence a spa manager can act on.

Each message of PyYAML's scanner and parser that a staff file can cause has its own sentence
here; anything else is told as "YAML cannot read this" with PyYAML's token names put in words
(never `<block end>` or `<scalar>`).
"""

from __future__ import annotations

import re

import yaml

SYNTAX = "YAML syntax error: "

# PyYAML's names of what it found, in words.
_TOKENS = {
    "<stream end>": "the end of the file",
    "<document start>": "'---'",
    "<document end>": "'...'",
    "<block end>": "the end of an indented block",
    "<block mapping start>": "the start of a mapping",
    "<block sequence start>": "the start of a list",
    "<block entry>": "'- '",
    "<flow sequence start>": "'['",
    "<flow sequence end>": "']'",
    "<flow mapping start>": "'{'",
    "<flow mapping end>": "'}'",
    "<flow entry>": "','",
    "<key>": "a key",
    "<value>": "':'",
    "<scalar>": "a value",
    "<alias>": "an alias ('*name')",
    "<anchor>": "an anchor ('&name')",
    "<tag>": "a tag ('!')",
    "<directive>": "a '%' directive",
}
_TOKEN = re.compile(r"'?(<[a-z ]+>)'?")


class YamlError(Exception):
    """The file cannot be read as YAML; `line`/`column` are 1-based, 0 when unknown."""

    def __init__(self, message: str, line: int = 0, column: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


def plain_syntax_error(exc: yaml.YAMLError, text: str) -> YamlError:
    """`exc`, raised by PyYAML's reader, scanner or parser for `text`, in staff words."""
    if isinstance(exc, yaml.reader.ReaderError):
        position = exc.position
        line = text.count("\n", 0, position) + 1
        column = position - (text.rfind("\n", 0, position) + 1) + 1
        return YamlError(
            f"the file contains the control character U+{exc.character:04X}, which YAML does not "
            "allow; delete it (it is often invisible: retype the line)",
            line, column,
        )
    if not isinstance(exc, yaml.MarkedYAMLError):
        return YamlError(SYNTAX + _in_words(str(exc)))
    message, mark = _sentence(exc, text.split("\n"))
    line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    return YamlError(SYNTAX + message, line, column)


def _sentence(exc: yaml.MarkedYAMLError, lines: list[str]) -> tuple[str, yaml.Mark | None]:
    problem = exc.problem or exc.context or "not valid YAML"
    context = exc.context or ""
    at_problem = exc.problem_mark or exc.context_mark
    at_start = exc.context_mark or exc.problem_mark
    if "\\t" in problem or "\t" in problem:  # PyYAML writes the tab as '\\t'
        return "a tab character; indent with spaces, not tabs", at_problem
    if "flow sequence" in context or "flow mapping" in context:
        is_list = "sequence" in context
        bracket, closing, name = ("[", "]", "list") if is_list else ("{", "}", "mapping")
        if at_start is not None and _hash_after(lines, at_start):
            return (
                f"this '{bracket}' {name} is cut short by a '#': after a space, '#' starts a "
                f"comment, so the rest of the line (with its '{closing}') is not read; put the "
                "text with the '#' in quotes",
                at_start,
            )
        return f"this '{bracket}' {name} is never closed with '{closing}'", at_start
    if "quoted scalar" in context:
        if "end of stream" in problem:
            return "this quote is never closed", at_start
        if "escape" in problem:
            return (
                "a '\\' in double quotes starts an escape such as \\n; write '\\\\' for a "
                "backslash, or use single quotes",
                at_problem,
            )
        if "document separator" in problem:
            return "this quote is never closed before a '---' line", at_start
    if problem.startswith("mapping values are not allowed"):
        missing = _line_without_colon(lines, at_problem)
        if missing is not None:
            return missing
        return (
            "a ': ' where no new key can start; put the whole value in quotes, "
            "or line this key up with the keys above it",
            at_problem,
        )
    if problem.startswith("expected <block end>"):
        if problem.endswith(("found '}'", "found ']'")):
            closing = problem[-2]
            return f"a '{closing}' that closes nothing; delete it", at_problem
        if "found '<scalar>'" in problem and at_problem is not None:
            return (
                "more text after a quoted value or a list; put the whole value in quotes",
                at_problem,
            )
        return (
            "this line is not lined up with the lines above it; check its indentation", at_problem
        )
    if problem.startswith("expected '<document start>'"):
        return (
            "more text after the whole file's value (a quoted text or a list followed by "
            "more words?); put the whole value in quotes, or start with 'key: value' lines",
            at_problem,
        )
    if problem.startswith("could not find expected ':'"):
        return "this line has no ':'; write 'key: value', or put the text in quotes", at_start
    if problem.startswith("found undefined alias"):
        name = problem.rsplit(" ", 1)[-1].strip("'")
        return f"'*{name}' refers to an anchor '&{name}' that is not defined above it", at_problem
    if "cannot start any token" in problem:
        char = problem.split("'")[1] if problem.count("'") >= 2 else "this character"
        return f"a value cannot start with '{char}'; put the value in quotes", at_problem
    if problem.startswith(("block sequence entries are not allowed", "sequence entries")):
        return (
            "a '- ' list item cannot start on the line of its key; put it on the next line, "
            "indented under the key",
            at_problem,
        )
    if "anchor" in context or "alias" in context:
        return (
            "after '&' or '*' write a name of letters, digits, '-' or '_'; to write '&' or "
            "'*' in a text, put the text in quotes",
            at_problem,
        )
    if "tag" in context or "undefined tag handle" in problem:
        return "YAML tags ('!') are not allowed; write plain text, numbers, lists and mappings", (
            at_problem
        )
    if "block scalar" in context:
        return (
            "after '|' or '>' the text starts on the next line, indented; to write '|' or "
            "'>' in a text, put the text in quotes",
            at_problem,
        )
    if "directive" in context or "YAML document" in problem or "directive" in problem:
        return "a line starting with '%' is a YAML directive; delete it or put it in quotes", (
            at_problem
        )
    if problem.startswith("mapping keys are not allowed"):
        return "a '? ' where no key can start; delete the '?', or put the text in quotes", (
            at_problem
        )
    if problem.startswith("found unexpected ':'"):
        return "a ':' inside a value; put the whole value in quotes", at_problem
    if problem.startswith("expected the node content"):
        return "a value is missing here; write it after the ':' or '- '", at_problem
    if problem.startswith("expected ',' or"):
        return "a ',' is missing between two items", at_problem
    return "YAML cannot read this: " + _in_words(problem), at_problem


def _in_words(problem: str) -> str:
    return _TOKEN.sub(lambda found: _TOKENS.get(found[1], "something else"), problem)


def _hash_after(lines: list[str], start: yaml.Mark) -> bool:
    """Whether a comment ('#' after a space) starts on the line of `start`, after it."""
    if start.line >= len(lines):
        return False
    return re.search(r"[ \t]#", lines[start.line][start.column :]) is not None


def _line_without_colon(
    lines: list[str], at: yaml.Mark | None
) -> tuple[str, yaml.Mark] | None:
    """For `- id unwind` followed by `title: ...`: PyYAML reads both lines as one key, and only
    sees the mistake on the second. The mistake is the line above, that has no ':'."""
    if at is None or at.line == 0 or at.line >= len(lines):
        return None
    here = lines[at.line]
    if ":" in here[: at.column]:
        return None  # a second ': ' on the same line: the value needs quotes
    above = at.line - 1
    while above >= 0 and (not lines[above].strip() or lines[above].lstrip().startswith("#")):
        above -= 1
    if above < 0 or ":" in lines[above] or lines[above].lstrip().startswith(("'", '"')):
        return None
    text = lines[above]
    indent = len(text) - len(text.lstrip(" -"))
    words = text[indent:].split(maxsplit=1)
    example = f"; write '{words[0]}: {words[1]}'" if len(words) == 2 else ""
    mark = yaml.Mark("", 0, above, indent, "", 0)
    return f"this line has no ':' after its key{example}", mark
