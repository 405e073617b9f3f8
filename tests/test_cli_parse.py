"""The command line: a mistyped option is refused with the usage of the command it was given to
(the technician sees what that command takes)."""

from __future__ import annotations

import pytest

from kiosk import cli


@pytest.mark.parametrize(
    ("line", "usage"),
    [
        (["run", "--windowd"], "usage: spa-kiosk run"),
        (["check", "--strikt"], "usage: spa-kiosk check"),
    ],
)
def test_a_mistyped_option_is_refused_with_its_commands_usage(
    line: list[str], usage: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        cli.parse(line)
    assert stopped.value.code == 2
    error = capsys.readouterr().err
    assert usage in error and line[1] in error


def test_run_reads_its_options(capsys: pytest.CaptureFixture[str]) -> None:
    args = cli.parse(["run", "--windowed", "--size", "1080x1920", "--exit-after", "5"])
    told = (args.command, args.windowed, args.size, args.exit_after)
    assert told == ("run", True, "1080x1920", 5)
    with pytest.raises(SystemExit):
        cli.parse(["run", "--help"])
    assert "--exit-after" in capsys.readouterr().out
