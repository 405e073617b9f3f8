"""The kiosk's own start reads its command line with the run command's options alone; it must
understand it exactly as the whole parser does."""

from __future__ import annotations

import pytest

from kiosk import cli

RUN_LINES = [
    ["run"],
    ["run", "--content", "/srv/spa-content/content"],
    ["run", "--windowed", "--size", "1080x1920", "--show-cursor"],
    ["run", "--exit-after", "5", "--content=/srv/c"],
]


@pytest.mark.parametrize("line", RUN_LINES)
def test_run_is_read_as_the_whole_parser_reads_it(line: list[str]) -> None:
    assert vars(cli.parse(line)) == vars(cli._parser().parse_args(line))


def test_a_mistyped_run_option_is_refused_with_the_run_usage(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as stopped:
        cli.parse(["run", "--windowd"])
    assert stopped.value.code == 2
    error = capsys.readouterr().err
    assert "usage: spa-kiosk run" in error and "--windowd" in error


def test_help_for_run_is_the_whole_parsers(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.parse(["run", "--help"])
    assert "--exit-after" in capsys.readouterr().out
