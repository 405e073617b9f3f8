"""Small parts: problem lines, did-you-mean, asset paths, colours, staff wording of values."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from contentkit import PNG

from kiosk.content.assets import (
    MAX_ASSET_BYTES,
    AssetFolder,
    kind_of,
    looks_like_font_file,
    resolve_asset,
)
from kiosk.content.colour import contrast_ratio, relative_luminance
from kiosk.content.load import key_path_text
from kiosk.content.messages import describe
from kiosk.content.problems import (
    Problem,
    Severity,
    did_you_mean,
    display_path,
    has_errors,
    quote_list,
)


def test_problem_format(tmp_path: Path) -> None:
    problem = Problem(tmp_path / "content" / "packages.yaml", 23, 7, Severity.ERROR,
                      "packages[2].minutes", 'expected a whole number of minutes, got "sixty"')
    assert problem.format(relative_to=tmp_path) == (
        'content/packages.yaml:23:7: error: packages[2].minutes: expected a whole number of '
        'minutes, got "sixty"'
    )
    assert problem.is_error


def test_problem_format_without_place_or_path(tmp_path: Path) -> None:
    whole_file = Problem(tmp_path / "kiosk.yaml", 0, 0, Severity.WARNING, "", "something")
    # No place in the file (a missing file): at 1:1, which every problem matcher takes.
    assert whole_file.format(relative_to=tmp_path) == "kiosk.yaml:1:1: warning: something"
    no_column = Problem(tmp_path / "kiosk.yaml", 3, 0, Severity.ERROR, "theme", "x")
    assert no_column.format(relative_to=tmp_path) == "kiosk.yaml:3:1: error: theme: x"


def test_display_path_outside_the_working_folder_stays_absolute(tmp_path: Path) -> None:
    assert display_path(Path("/somewhere/else.yaml"), tmp_path) == "/somewhere/else.yaml"
    assert display_path(tmp_path / "a" / "b.yaml", tmp_path) == os.path.join("a", "b.yaml")


def test_has_errors(tmp_path: Path) -> None:
    warning = Problem(tmp_path, 1, 1, Severity.WARNING, "", "w")
    error = Problem(tmp_path, 1, 1, Severity.ERROR, "", "e")
    assert not has_errors([warning])
    assert has_errors([warning, error])


@pytest.mark.parametrize(
    ("word", "choices", "hint"),
    [
        ("titel", ["id", "title", "body"], " (did you mean 'title'?)"),
        ("adresses", ["addresses", "avoid_if"], " (did you mean 'addresses'?)"),
        ("colour", ["id", "title", "body"], ""),
        ("x", [], ""),
    ],
)
def test_did_you_mean(word: str, choices: list[str], hint: str) -> None:
    assert did_you_mean(word, choices) == hint


def test_quote_list_shortens_long_lists() -> None:
    assert quote_list(["a", "b"]) == "'a', 'b'"
    assert quote_list([str(i) for i in range(14)], limit=3) == "'0', '1', '2' and 11 more"


def test_key_path_text() -> None:
    assert key_path_text(("packages", 2, "minutes")) == "packages[2].minutes"
    assert key_path_text(("theme",)) == "theme"
    assert key_path_text(()) == ""
    assert key_path_text(("questions", 0, "options", 1, "concerns", "pain")) == (
        "questions[0].options[1].concerns.pain"
    )


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (None, "nothing"), (True, "true"), (False, "false"), ("sixty", '"sixty"'),
        ({"a": 1}, "a mapping"), ([1], "a list"), (date(2025, 5, 1), "2025-05-01"),
        (20.0, "20"), (45.5, "45.5"), (3, "3"), ("x" * 70, '"' + "x" * 57 + '..."'),
    ],
)
def test_describe_values_as_staff_wrote_them(value: object, shown: str) -> None:
    assert describe(value) == shown


# ---- asset paths -----------------------------------------------------------------------------


@pytest.fixture
def assets(tmp_path: Path) -> Path:
    folder = tmp_path / "assets"
    (folder / "slides").mkdir(parents=True)
    (folder / "slides" / "a.png").write_bytes(PNG)
    return folder


def test_resolve_asset_inside(assets: Path) -> None:
    assert resolve_asset(assets, "slides/a.png") == (assets / "slides" / "a.png", None)
    assert resolve_asset(assets, "./slides/a.png") == (assets / "slides" / "a.png", None)
    assert resolve_asset(assets, "slides\\a.png") == (assets / "slides" / "a.png", None)


@pytest.mark.parametrize(
    ("relative", "why"),
    [
        ("/etc/passwd", "'/etc/passwd' is an absolute path; write it relative to the assets "
         "folder"),
        ("\\\\server\\share\\a.png", "'\\\\server\\share\\a.png' is an absolute path; write it "
         "relative to the assets folder"),
        ("C:/a.png", "'C:/a.png' is an absolute path; write it relative to the assets folder"),
        ("../x.png", "'../x.png' leaves the assets folder ('..' is not allowed)"),
        ("slides\\..\\..\\x.png", "'slides\\..\\..\\x.png' leaves the assets folder "
         "('..' is not allowed)"),
        ("http://x/a.png", "'http://x/a.png' is a web address; put the file in the assets "
         "folder and name it"),
        ("file:///etc/passwd", "'file:///etc/passwd' is a web address; put the file in the assets "
         "folder and name it"),
        ("nope.png", "file 'nope.png' not found in assets/"),
        ("slides", "'slides' is not a file"),
    ],
)
def test_resolve_asset_refuses(assets: Path, relative: str, why: str) -> None:
    assert resolve_asset(assets, relative) == (None, why)


def test_resolve_asset_refuses_a_folder_link_pointing_outside(assets: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "a.png").write_bytes(PNG)
    os.symlink(outside, assets / "linked")
    assert resolve_asset(assets, "linked/a.png") == (
        None, "'linked/a.png' is a link that points outside the assets folder",
    )


def test_resolve_asset_follows_a_link_that_stays_inside(assets: Path) -> None:
    os.symlink(assets / "slides" / "a.png", assets / "b.png")
    os.symlink(assets / "slides", assets / "also")
    assert resolve_asset(assets, "b.png") == (assets / "b.png", None)
    assert resolve_asset(assets, "also/a.png") == (assets / "also" / "a.png", None)


def test_one_asset_folder_answers_like_resolve_asset(assets: Path, tmp_path: Path) -> None:
    (assets / "big.png").write_bytes(b"\0" * (MAX_ASSET_BYTES + 1))
    (tmp_path / "x.png").write_bytes(PNG)
    os.symlink(tmp_path, assets / "out")
    names = ["slides/a.png", "slides", "big.png", "out/x.png", "out/assets/slides/a.png",
             "nope/a.png",
             "slides/a.png/x", "./slides//a.png", "a.png"]
    folder = AssetFolder(assets)
    assert [folder.resolve(name) for name in names] == [
        resolve_asset(assets, name) for name in names
    ]
    assert folder.resolve("big.png") == (None, "'big.png' is 20 MB; assets may be at most 20 MB")
    assert folder.resolve("out/x.png") == (
        None, "'out/x.png' is a link that points outside the assets folder"
    )
    assert folder.resolve("out/assets/slides/a.png")[1] is None  # back inside through a link


def test_resolve_asset_without_assets_folder(tmp_path: Path) -> None:
    found = resolve_asset(tmp_path / "assets", "a.png")
    assert found == (None, "file 'a.png' not found in assets/")


def test_asset_kinds() -> None:
    assert kind_of("fonts/Inter.OTF") == "font"
    assert kind_of("a.svg") == "image"
    assert looks_like_font_file("Inter.ttf")
    assert looks_like_font_file("fonts/Inter")
    assert not looks_like_font_file("Inter")


# ---- colours ---------------------------------------------------------------------------------


def test_contrast_ratio_follows_wcag() -> None:
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21)
    assert contrast_ratio("#FFFFFF", "#000000") == pytest.approx(21)
    assert contrast_ratio("#777777", "#777777") == pytest.approx(1)
    # shown as 2.9:1: check never rounds a ratio up
    assert contrast_ratio("#959595", "#FFFFFF") == pytest.approx(2.995, abs=0.001)
    assert relative_luminance("#FFFFFF") == pytest.approx(1)
    assert relative_luminance("#FF0000") == pytest.approx(0.2126)
