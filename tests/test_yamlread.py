"""Safe, bounded YAML reading: limits are refused fast, every value knows where it was written."""

from __future__ import annotations

import itertools
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.content import yamlfast, yamlread
from kiosk.content.yamlread import MAX_FILE_BYTES, YamlError, parse_yaml, read_yaml

FAST = 1.0  # seconds: "refused in well under a second"


def refused(raw: bytes | Path) -> tuple[YamlError, float]:
    start = time.perf_counter()
    with pytest.raises(YamlError) as info:
        read_yaml(raw) if isinstance(raw, Path) else parse_yaml(raw)
    return info.value, time.perf_counter() - start


def billion_laughs(levels: int = 9) -> bytes:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    names = "abcdefghijklmnop"
    for prev, name in itertools.pairwise(names[:levels]):
        lines.append(f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]")
    return ("\n".join(lines) + "\n").encode()


def test_alias_bomb_is_refused_fast() -> None:
    error, seconds = refused(billion_laughs())
    assert "expands to more than 100000 values" in error.message
    assert "anchors and aliases" in error.message
    assert seconds < FAST


def test_alias_bomb_in_mapping_merges_is_refused_fast() -> None:
    lines = ["a: &a {x: 1, y: 2, z: 3, w: 4, v: 5, u: 6, t: 7, s: 8, r: 9}"]
    names = "abcdefghij"
    for prev, name in itertools.pairwise(names):
        items = ", ".join(f"k{i}: *{prev}" for i in range(10))
        lines.append(f"{name}: &{name} {{{items}}}")
    error, seconds = refused(("\n".join(lines) + "\n").encode())
    assert "expands to more than" in error.message
    assert seconds < FAST


def test_a_small_alias_use_is_fine() -> None:
    doc = parse_yaml(b"base: &b {en: Hi, es: Hola}\ncopy: *b\n")
    assert doc.data == {"base": {"en": "Hi", "es": "Hola"}, "copy": {"en": "Hi", "es": "Hola"}}


@pytest.mark.parametrize("megabytes", [3, 50])
def test_huge_file_is_refused_fast_without_reading_it(tmp_path: Path, megabytes: int) -> None:
    big = tmp_path / "slides.yaml"
    with big.open("wb") as stream:
        stream.write(b"slides:\n")
        stream.truncate(megabytes * 1024 * 1024)
    error, seconds = refused(big)
    assert error.message == (
        f"file is {megabytes:.1f} MB; "
        f"content files may be at most {MAX_FILE_BYTES // 1024 // 1024} MB"
    )
    assert seconds < FAST


def test_many_plain_values_are_refused_with_a_fitting_message(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(yamlread, "MAX_VALUES", 1000)
    raw = ("items:\n" + "".join(f"  - {i}\n" for i in range(2000))).encode()
    error, seconds = refused(raw)
    assert error.message == (
        "the file holds more than 1000 values; "
        "a content file needs far fewer (is this the right file?)"
    )
    assert seconds < FAST


def test_deep_nesting_is_refused_fast() -> None:
    error, seconds = refused(b"[" * 100_000)
    assert error.message == "nesting is too deep (more than 64 levels)"
    assert seconds < FAST


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
    error, seconds = refused(text.encode())
    assert "is not allowed; write plain text, numbers, lists and mappings" in error.message
    assert error.line == 1
    assert seconds < FAST


def test_python_tag_is_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    path = f"!!python/object/apply:pathlib.Path ['{marker}']"
    raw = f"a: !!python/object/apply:pathlib.Path.touch [{path}]\n"
    refused(raw.encode())
    assert not marker.exists()


def test_duplicate_keys_are_kept_once_and_reported() -> None:
    doc = parse_yaml(b"a: 1\nb:\n  c: 2\n  c: 3\na: 4\n")
    assert doc.data == {"a": 1, "b": {"c": 2}}
    assert doc.duplicates == [(("b", "c"), (4, 3), (3, 3)), (("a",), (5, 1), (1, 1))]


def test_non_utf8_gets_line_and_column() -> None:
    error, _ = refused(b"a: ok\nb: caf\xe9\n")
    assert (error.line, error.column) == (2, 7)
    assert error.message == "the file is not UTF-8 text (byte 0xE9); save it as UTF-8"


def test_utf16_file_is_not_utf8() -> None:
    error, _ = refused("a: 1\n".encode("utf-16"))
    assert error.message.startswith("the file is not UTF-8 text (byte 0xFF)")


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


def test_plain_values_keep_their_yaml_types() -> None:
    doc = parse_yaml(
        b"i: 30\nf: 1.5\nb: yes\nn: ~\nd: 2025-05-01\ns: '30'\nt: hello\nbad_date: 2025-02-30\n"
    )
    assert doc.data["i"] == 30
    assert doc.data["f"] == 1.5
    assert doc.data["b"] is True
    assert doc.data["n"] is None
    assert str(doc.data["d"]) == "2025-05-01"
    assert doc.data["s"] == "30"
    assert doc.data["t"] == "hello"
    assert doc.data["bad_date"] == "2025-02-30"  # left as text: validation says what is wrong


def test_merge_keys_work() -> None:
    doc = parse_yaml(b"base: &b {minutes: 30, price: x}\npkg:\n  <<: *b\n  price: y\n")
    assert doc.data["pkg"] == {"minutes": 30, "price": "y"}


def test_keys_that_are_not_words_are_refused() -> None:
    error, _ = refused(b"? [a, b]\n: 1\n")
    assert error.message == "a key must be a plain word, not a list or mapping"


def test_bool_keys_read_as_words() -> None:
    assert parse_yaml(b"yes: 1\n").data == {"true": 1}


def test_missing_file_is_a_yaml_error(tmp_path: Path) -> None:
    error, _ = refused(tmp_path / "nope.yaml")
    assert error.message.startswith("cannot read the file: ")


def test_keys_count_as_values_in_a_file_without_anchors(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlread, "MAX_VALUES", 1000)
    raw = "".join(f"k{i}: {i}\n" for i in range(600)).encode()  # 600 values, 1200 nodes
    error, _ = refused(raw)
    assert error.message.startswith("the file holds more than 1000 values")


def test_a_file_without_anchors_reads_as_with_the_full_alias_check() -> None:
    text = (
        "spa: {en: Spa & Sauna, es: Spa}\nlist:\n  - 1\n  - {a: 2020-01-01, b: [x, y]}\n"
        "<<: {m: 1}\nyes: no\n3: z\n"
    )
    quick = parse_yaml(text.replace("&", "+").encode())
    full = parse_yaml(text.encode())  # an '&' in a text: the walk for aliases runs first
    assert quick.data == {**full.data, "spa": {"en": "Spa + Sauna", "es": "Spa"}}
    assert (quick.values, quick.keys, quick.duplicates) == (full.values, full.keys, full.duplicates)


def _tree(node: object) -> object:
    """A composed node as plain tuples: tag, value, where it starts."""
    from yaml.nodes import MappingNode, ScalarNode

    assert node is not None
    if isinstance(node, ScalarNode):
        return (node.tag, node.value, node.start_mark.line, node.start_mark.column)
    if isinstance(node, MappingNode):
        return (node.tag, [(_tree(k), _tree(v)) for k, v in node.value])
    return (node.tag, [_tree(child) for child in node.value])  # type: ignore[attr-defined]


@pytest.mark.skipif(yamlfast.FastComposer is None, reason="PyYAML without libyaml")
def test_the_quicker_composer_gives_the_same_nodes_as_pyyaml() -> None:
    text = (
        "a: yes\nb: 'yes'\nc: 1e3\nd: 0x1F\ne: ~\nf: 2024-01-01\ng: .inf\nh: =\nj: \"1\"\n"
        "k: -1.5\nl: null\nm: True\nn: [30, '30', \"no\", No, 1_000, 2024-01-01 10:00:00]\n"
        "o: {p: 1.0, q: off, r: \"\"}\n'': s\nt: ''\nu:\nbase: &b {v: 1}\nw: {<<: *b}\n"
    )
    content = Path(__file__).parents[1] / "content"
    assert yamlfast.FastComposer is not None
    for source in [text, text, *(f.read_text("utf-8") for f in content.glob("*.yaml"))]:
        quick = yaml.compose(source, Loader=yamlfast.FastComposer)
        assert _tree(quick) == _tree(yaml.compose(source, Loader=yaml.CSafeLoader))


def _full_way(raw: bytes, monkeypatch: pytest.MonkeyPatch) -> yamlread.YamlDocument:
    with monkeypatch.context() as patch:
        patch.setattr(yamlread, "read_plain", _always_unusual)
        return parse_yaml(raw)


def _always_unusual(text: str, max_values: int, max_depth: int) -> None:
    raise yamlfast.Unusual


_WORDS = st.sampled_from(
    ["yes", "No", "~", "null", "", "30", "-1.5", "1e3", "0x1F", ".inf", "2024-01-01", "2025-02-30",
     "2024-01-01 10:00:00", "<<", "=", "true", "x: y", "- a", "#", "'q'", "é", "a\nb", "  s  "]
)
_SCALARS = st.one_of(_WORDS, st.text(max_size=8), st.integers(), st.booleans(), st.none())
_DATA = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(_SCALARS, inner, max_size=4)
    ),
    max_leaves=30,
)


@settings(max_examples=150, deadline=None, derandomize=True, database=None)
@given(data=_DATA, flow=st.sampled_from([None, True, False]), quoted=st.booleans())
def test_a_plain_file_reads_the_same_the_quick_way_and_the_full_way(
    data: object, flow: bool | None, quoted: bool
) -> None:
    text = yaml.safe_dump(data, default_flow_style=flow, allow_unicode=True)
    if not quoted:
        text = text.replace("'", "")  # plain words: YAML decides what they are
    raw = text.encode()
    with pytest.MonkeyPatch.context() as patch:
        try:
            full = _full_way(raw, patch)
        except YamlError as exc:
            with pytest.raises(YamlError) as quick_error:
                parse_yaml(raw)
            assert quick_error.value.message == exc.message
            return
    quick = parse_yaml(raw)
    assert repr(quick.data) == repr(full.data)
    assert (quick.values, quick.keys, quick.duplicates) == (
        full.values, full.keys, full.duplicates
    )


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\na: 2\n", "? [a]\n: 1\n", "a: *x\n", "<<: {b: 1}\n", "a: !!python/name:os.system\n",
        "a: !foo x\n", "--- 1\n--- 2\n", "a: [1, 2\n", "~: x\n", "a: !!set {b}\n",
        "x: " + "[" * 70 + "]" * 70 + "\n", "a: <<\n", "!!binary a: 1\n",
        # and some that the quick way reads itself
        "bad_date: 2025-02-30\nd: 2024-01-01\nyes: no\n3: 1.5\nn: ~\ne:\n", "- [a, {b: c}]\n",
        "!!str 30: !!int '7'\nx: !!float 1\n", "--- {a: 1}\n...\n", "", "# nothing\n", "---\n",
    ],
)
def test_what_the_quick_way_leaves_to_the_full_way_reads_as_before(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    raw = text.encode()
    try:
        full = _full_way(raw, monkeypatch)
    except YamlError as exc:
        with pytest.raises(YamlError) as error:
            parse_yaml(raw)
        assert (error.value.message, error.value.line) == (exc.message, exc.line)
        return
    quick = parse_yaml(raw)
    assert repr(quick.data) == repr(full.data) and quick.duplicates == full.duplicates
