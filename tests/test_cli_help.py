"""Every command's --help reads whole words at any terminal width, and the progress bar
shows whole file names."""

from __future__ import annotations

import io

import click
import pytest
from click.testing import CliRunner
from rich.console import Console

from app.cli import main
from app.cli.common import progress_bar
from tests.cli_support import invoke_carsight

COMMANDS = sorted(main.commands)


def _help(command: list[str], width: int) -> str:
    result = CliRunner().invoke(main, [*command, "--help"], terminal_width=width)
    assert result.exit_code == 0, result.output
    return result.output


def _words(text: str) -> list[str]:
    """Whitespace-separated words, a line-end hyphen joined to the next word
    ('comma-' + 'separated'), click's '...' of a shortened listing dropped."""
    out: list[str] = []
    for token in text.split():
        if out and out[-1].endswith("-") and not out[-1].startswith("-"):
            out[-1] += token
        else:
            out.append(token.removesuffix("..."))
    return out


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("width", [50, 60, 80])
def test_help_wraps_between_words_only(command, width):
    # every word of a narrow page is a word of the unwrapped page: nothing cut inside
    wide = set(_words(_help([command], 1000)))
    broken = [w for w in _words(_help([command], width)) if w not in wide]
    assert broken == [], f"`carsight {command} --help` at {width} columns breaks {broken}"


def test_analyze_help_lists_every_analysis():
    text = _help(["analyze"], 60)
    assert "ANALYSIS" in text
    for name in ("top10", "deviation", "heatmap", "recommend", "segments", "clusters"):
        assert name in text.split() or f"{name}," in text.split()


def test_the_progress_bar_shows_whole_file_names():
    names = [
        "reading hmc-global-plant-sales-december-y2023.csv",
        "reading 기아_2023년_해외공장판매실적.csv",
        "external/현대_지역별_수출_기후_GDP.csv",
    ]
    for width in (80, 100):
        for name in names:
            out = io.StringIO()
            with progress_bar(True, console=Console(file=out, width=width)) as update:
                update(name, 1, 3)
            assert name in out.getvalue(), out.getvalue()  # was cut at 45 characters


def test_click_group_is_the_entry_point():
    assert isinstance(main, click.Group)


@pytest.mark.parametrize(
    ("args", "names"),
    [
        (("build", "raw", "--year", "abc"), ("'--year'", "'abc'", "carsight build --help")),
        (("train", "--k", "99"), ("'--k'", "2<=x<=30", "carsight train --help")),
        (("buidl",), ("'buidl'", "Did you mean 'build'", "carsight --help")),
        (("--bogus",), ("'--bogus'", "carsight --help")),
        (
            ("email", "campaign", "--segmnt", "VIP"),
            ("'--segmnt'", "'--segment'", "carsight email campaign --help"),
        ),
        # click leaves this error without a context: it used to point at `carsight --help`
        (("bench", "--quick=yes"), ("'--quick'", "does not take a value", "carsight bench --help")),
        # --quick sets them to 1: given as well, they were silently overridden
        (("bench", "--quick", "--n", "5"), ("--quick", "leave out --n", "carsight bench --help")),
        (("bench", "--runs", "2", "--quick"), ("leave out --runs", "carsight bench --help")),
    ],
)
def test_a_command_line_click_cannot_parse_is_refused_in_one_line(tmp_path, args, names):
    done = invoke_carsight(*args, tmp_path=tmp_path)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), done.stderr
    assert all(name in lines[0] for name in names), lines[0]
