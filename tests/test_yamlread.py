"""Safe, bounded YAML reading: limits are refused early, every value knows where it was written.

"Early" is shown by memory, not by time (a timed test fails on a busy machine): a reader that
expanded an alias bomb, read a huge file or walked a deep nesting to its end would hold many
megabytes at its peak; one that stops at the limit holds little (`tracemalloc`'s peak)."""

from __future__ import annotations

import itertools
import tracemalloc
from pathlib import Path

import pytest
import yaml
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from kiosk.content import yamlread
from kiosk.content.yamlread import MAX_FILE_BYTES, PARSERS, YamlError, parse_yaml, read_yaml

LITTLE = 4 * 1024 * 1024  # bytes at the peak while refusing a file, a nesting or a tag
# An alias bomb is refused once it has made MAX_VALUES (100,000) values, about 15 MB here;
# the whole bomb would be 9**9 values, many gigabytes.
AT_THE_LIMIT = 64 * 1024 * 1024


def refused(raw: bytes | Path) -> tuple[YamlError, int]:
    """The reader's error for `raw`, and the most memory it held (bytes) while refusing it."""
    tracemalloc.start()
    try:
        with pytest.raises(YamlError) as info:
            read_yaml(raw) if isinstance(raw, Path) else parse_yaml(raw)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return info.value, peak


def billion_laughs(levels: int = 9) -> bytes:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    names = "abcdefghijklmnop"
    for prev, name in itertools.pairwise(names[:levels]):
        lines.append(f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]")
    return ("\n".join(lines) + "\n").encode()


def test_alias_bomb_is_refused_before_it_expands() -> None:
    error, peak = refused(billion_laughs())
    assert "expands to more than 100000 values" in error.message
    assert "anchors and aliases" in error.message
    assert peak < AT_THE_LIMIT


def test_alias_bomb_in_mapping_merges_is_refused_before_it_expands() -> None:
    lines = ["a: &a {x: 1, y: 2, z: 3, w: 4, v: 5, u: 6, t: 7, s: 8, r: 9}"]
    names = "abcdefghij"
    for prev, name in itertools.pairwise(names):
        items = ", ".join(f"k{i}: *{prev}" for i in range(10))
        lines.append(f"{name}: &{name} {{{items}}}")
    error, peak = refused(("\n".join(lines) + "\n").encode())
    assert "expands to more than" in error.message
    assert peak < AT_THE_LIMIT


def test_a_small_alias_use_is_fine() -> None:
    doc = parse_yaml(b"base: &b {en: Hi, es: Hola}\ncopy: *b\n")
    assert doc.data == {"base": {"en": "Hi", "es": "Hola"}, "copy": {"en": "Hi", "es": "Hola"}}
    assert doc.values[("copy",)] == (2, 7)  # the alias
    assert doc.values[("copy", "es")] == (1, 23)  # where the text is written
    assert doc.keys[("copy", "es")] == (1, 19)


@pytest.mark.parametrize("megabytes", [3, 50])
def test_huge_file_is_refused_without_reading_it(tmp_path: Path, megabytes: int) -> None:
    big = tmp_path / "slides.yaml"
    with big.open("wb") as stream:
        stream.write(b"slides:\n")
        stream.truncate(megabytes * 1024 * 1024)
    error, peak = refused(big)
    assert error.message == (
        f"file is {megabytes:.1f} MB; "
        f"content files may be at most {MAX_FILE_BYTES // 1024 // 1024} MB"
    )
    assert peak < LITTLE


def test_many_plain_values_are_refused_with_a_fitting_message(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(yamlread, "MAX_VALUES", 1000)
    raw = ("items:\n" + "".join(f"  - {i}\n" for i in range(2000))).encode()
    error, peak = refused(raw)
    assert error.message == (
        "the file holds more than 1000 values; "
        "a content file needs far fewer (is this the right file?)"
    )
    assert peak < LITTLE


def test_deep_nesting_is_refused_at_the_limit() -> None:
    error, peak = refused(b"[" * 100_000)
    assert error.message == "nesting is too deep (more than 64 levels)"
    assert peak < LITTLE


def test_nesting_just_too_deep_for_the_builder() -> None:
    error, _ = refused(b"a: " + b"[" * 70 + b"]" * 70 + b"\n")
    assert error.message == "nesting is too deep (more than 64 levels)"
    assert (error.line, error.column) == (1, 68)


@pytest.mark.parametrize(
    "text",
    [
        "a: !!python/object/apply:os.system ['true']\n",
        "a: !!python/object/new:os.system ['true']\n",
        "a: !!python/name:os.system\n",
        "a: !!python/module:os\n",
        "!!python/object:collections.OrderedDict {}\n",
        "a: !!python/tuple [1, 2]\n",
        "a: !env HOME\n",
        "a: !!binary aGk=\n",
        "a: !!omap [{x: 1}]\n",
        "a: !!set {x, y}\n",
        "a: !<tag:example.com,2000:app> x\n",
    ],
)
def test_every_tag_but_plain_values_is_refused(text: str) -> None:
    error, peak = refused(text.encode())
    assert "is not allowed; write plain text, numbers, lists and mappings" in error.message
    assert error.line == 1
    assert peak < LITTLE


def test_python_tag_is_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    path = f"!!python/object/apply:pathlib.Path ['{marker}']"
    raw = f"a: !!python/object/apply:pathlib.Path.touch [{path}]\n"
    refused(raw.encode())
    assert not marker.exists()


def test_duplicate_keys_are_kept_once_and_reported() -> None:
    doc = parse_yaml(b"a: 1\nb:\n  c: 2\n  c: 3\na: 4\n")
    assert doc.data == {"a": "1", "b": {"c": "2"}}
    assert doc.duplicates == [(("b", "c"), (4, 3), (3, 3)), (("a",), (5, 1), (1, 1))]


def test_non_utf8_gets_line_and_column() -> None:
    error, _ = refused(b"a: ok\nb: caf\xe9\n")
    assert (error.line, error.column) == (2, 7)
    assert error.message == "the file is not UTF-8 text (byte 0xE9); save it as UTF-8"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_file_is_named_as_such(encoding: str) -> None:
    error, _ = refused("slides:\n  - id: a\n".encode(encoding))
    assert error.message == "the file is saved as UTF-16; save it as UTF-8"
    assert (error.line, error.column) == (1, 1)


def test_utf8_bom_is_accepted() -> None:
    assert parse_yaml(b"\xef\xbb\xbfa: caf\xc3\xa9\n").data == {"a": "café"}


def test_tab_gets_line_and_column() -> None:
    error, _ = refused(b"a:\n  b: 1\n\tc: 2\n")
    assert error.message == "YAML syntax error: a tab character; indent with spaces, not tabs"
    assert (error.line, error.column) == (3, 1)


def test_empty_document_is_none() -> None:
    assert parse_yaml(b"").data is None
    assert parse_yaml(b"# only a comment\n").data is None


def test_every_value_and_key_has_its_location() -> None:
    doc = parse_yaml(
        b"packages:\n"
        b"  - id: ease\n"
        b"    minutes: 30\n"
        b"    addresses: {pain: 2, neck: 1}\n"
    )
    assert doc.values[()] == (1, 1)
    assert doc.values[("packages",)] == (2, 3)
    assert doc.values[("packages", 0)] == (2, 5)
    assert doc.values[("packages", 0, "id")] == (2, 9)
    assert doc.values[("packages", 0, "minutes")] == (3, 14)
    assert doc.values[("packages", 0, "addresses", "neck")] == (4, 32)
    assert doc.keys[("packages", 0, "minutes")] == (3, 5)
    assert doc.keys[("packages", 0, "addresses", "neck")] == (4, 26)
    # A value that is not there: its nearest written parent.
    assert doc.locate(("packages", 0, "price")) == (2, 5)
    assert doc.locate(("packages", 0, "minutes"), key=True) == (3, 5)


def test_every_value_is_the_text_written() -> None:
    """YAML 1.1 would give 83, 12.5, True, 1080, a date and False; staff wrote text."""
    raw = (
        b"a: 0123\nb: 12.50\nc: yes\nd: 18:00\ne: 2024-01-01\nf: no\ng: 1e3\nh: .inf\n"
        b"i: 0x1F\nj: 1_000\nk: '0123'\nl: \"yes\"\n"
    )
    for parser in PARSERS:
        data = parse_yaml(raw, parser).data
        assert data == {
            "a": "0123", "b": "12.50", "c": "yes", "d": "18:00", "e": "2024-01-01", "f": "no",
            "g": "1e3", "h": ".inf", "i": "0x1F", "j": "1_000", "k": "0123", "l": "yes",
        }


def test_nothing_written_is_none_unless_quoted() -> None:
    doc = parse_yaml(b"a:\nb: ~\nc: null\nd: NULL\ne: ''\nf: 'null'\ng: [~, '~']\n")
    assert doc.data == {
        "a": None, "b": None, "c": None, "d": None, "e": "", "f": "null", "g": [None, "~"]
    }


def test_keys_are_text_as_written() -> None:
    doc = parse_yaml(b"no: Norsk\non: 1\nyes: 2\n0123: 3\n~: 4\nnull: 5\n1.50: 6\n")
    assert list(doc.data) == ["no", "on", "yes", "0123", "~", "null", "1.50"]


@pytest.mark.parametrize(
    "text",
    ["a: !!bool maybe\n", "a: !!int\n", "a: !!timestamp foo\n", "a: !!str 0123\n",
     "a: !!map {b: 1}\n", "a: !!seq [1]\n", "a: ! x\n", "!!map {a: 1}\n", "? !!str a\n: 1\n"],
)
def test_every_tag_is_refused_with_one_sentence(text: str) -> None:
    for parser in PARSERS:
        with pytest.raises(YamlError) as info:
            parse_yaml(text.encode(), parser)
        assert "is not allowed; write plain text, numbers, lists and mappings" in (
            info.value.message
        )
        assert info.value.line == 1 and info.value.column > 0


def test_a_comment_after_a_plain_value_is_noted() -> None:
    doc = parse_yaml(
        b"a: Our #1 choice\nb: 'quoted' # fine\nc: x#y\nd:\n  - one  # a note\n"
        b"# e: a whole line\nf: |\n  block # kept\n"
    )
    assert doc.data["a"] == "Our"
    assert doc.data["c"] == "x#y"  # no space before '#': part of the text
    assert doc.data["f"] == "block # kept\n"
    assert doc.commented == {("a",): (1, 8), ("d", 0): (5, 10)}


def test_an_anchor_name_may_be_used_again() -> None:
    doc = parse_yaml(b"a: &x one\nb: *x\nc: &x two\nd: *x\n")
    assert doc.data == {"a": "one", "b": "one", "c": "two", "d": "two"}


def test_a_second_document_is_refused_where_it_starts() -> None:
    error, _ = refused(b"a: 1\n---\nb: 2\n")
    assert error.message.startswith("a second document starts here ('---')")
    assert (error.line, error.column) == (2, 1)


def test_merge_keys_work() -> None:
    doc = parse_yaml(b"base: &b {minutes: 30, price: x}\npkg:\n  <<: *b\n  price: y\n")
    assert doc.data["pkg"] == {"minutes": "30", "price": "y"}


def test_merged_values_are_located_where_written_and_keys_in_the_mapping_win() -> None:
    doc = parse_yaml(
        b"pkg:\n  minutes: 45\n  <<: [{minutes: 30, code: A}, {code: B, name: N}]\n"
        b"  price: y\n"
    )
    assert doc.data["pkg"] == {"minutes": "45", "price": "y", "code": "A", "name": "N"}
    assert doc.values[("pkg", "minutes")] == (2, 12)  # written in the mapping itself
    assert doc.keys[("pkg", "minutes")] == (2, 3)
    assert doc.values[("pkg", "code")] == (3, 28)  # the first merged mapping's
    assert doc.keys[("pkg", "name")] == (3, 42)


def test_a_quoted_merge_key_is_an_ordinary_key() -> None:
    assert parse_yaml(b"'<<': {a: 1}\n").data == {"<<": {"a": "1"}}


def test_keys_that_are_not_words_are_refused() -> None:
    error, _ = refused(b"? [a, b]\n: 1\n")
    assert error.message == "a key must be a plain word, not a list or mapping"


def test_missing_file_is_a_yaml_error(tmp_path: Path) -> None:
    error, _ = refused(tmp_path / "nope.yaml")
    assert error.message.startswith("cannot read the file: ")


def test_keys_count_as_values_in_a_file_without_anchors(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlread, "MAX_VALUES", 1000)
    raw = "".join(f"k{i}: {i}\n" for i in range(600)).encode()  # 600 values, 1200 nodes
    error, _ = refused(raw)
    assert error.message.startswith("the file holds more than 1000 values")


_WORDS = st.sampled_from(
    ["yes", "No", "~", "null", "", "30", "-1.5", "1e3", "0x1F", ".inf", "2024-01-01", "2025-02-30",
     "<<", "=", "true", "x: y", "- a", "#", "'q'", "é", "a\nb", "  s  ", "a #b", "&a", "*a"]
)
_SCALARS = st.one_of(_WORDS, st.text(max_size=8), st.integers(), st.booleans(), st.none())
_DATA = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(_SCALARS, inner, max_size=4)
    ),
    max_leaves=30,
)


def _read(raw: bytes, parser: str) -> object:
    try:
        doc = parse_yaml(raw, parser)
    except YamlError as exc:
        return (exc.message, exc.line, exc.column)
    return (repr(doc.data), doc.values, doc.keys, doc.duplicates, doc.commented)


@pytest.mark.skipif(len(PARSERS) < 2, reason="PyYAML without libyaml")
@settings(max_examples=200, deadline=None, derandomize=True, database=None)
@given(data=_DATA, flow=st.sampled_from([None, True, False]), quoted=st.booleans())
def test_libyaml_and_pyyaml_read_every_file_the_same(
    data: object, flow: bool | None, quoted: bool
) -> None:
    text = yaml.safe_dump(data, default_flow_style=flow, allow_unicode=True)
    if not quoted:
        text = text.replace("'", "")  # plain words, and files YAML cannot read
    raw = text.encode()
    # libyaml and PyYAML disagree on a '?' inside brackets (`[a?]`), which no staff file has.
    assume(not ("?" in text and "[" in text))
    assert _read(raw, "libyaml") == _read(raw, "python")


@pytest.mark.skipif(len(PARSERS) < 2, reason="PyYAML without libyaml")
@pytest.mark.parametrize(
    "text",
    [
        "a: 1\na: 2\n", "? [a]\n: 1\n", "a: *x\n", "<<: {b: 1}\n", "a: !!python/name:os.system\n",
        "a: !foo x\n", "--- 1\n--- 2\n", "a: [1, 2\n", "~: x\n", "a: !!set {b}\n",
        "x: " + "[" * 70 + "]" * 70 + "\n", "a: <<\n", "!!binary a: 1\n", "a: &x [*x]\n",
        "b: &b {m: 1}\nc: {<<: [*b, {n: 2}], m: 3}\n", "a: &a 1\nb: &a 2\nc: *a\n",
        "- [a, {b: c}]\n", "--- {a: 1}\n...\n", "", "# nothing\n", "---\n", "a: b # c\n",
        "- id unwind\n  title: x\n", '"a" b\n', "{en: Our #1 choice}\n", "a: b\n\tc: d\n",
    ],
)
def test_libyaml_and_pyyaml_agree_on_unusual_files(text: str) -> None:
    assert _read(text.encode(), "libyaml") == _read(text.encode(), "python")
