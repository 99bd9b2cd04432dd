"""Every chart on every page is readable at a laptop (1280 px) and a phone (390 px) width,
in both languages: at least MIN_HEIGHT px tall, and its title, legend, plot area and
mode bar do not overlap (before: the dealer page's six insight charts were 56-80 px tall
with legends over axes; the forecast chart's title ran into its legend in English).

Pages come from the app's page registry (`page_paths`); the check reads the boxes plotly
drew (SVG bounding boxes) in a real headless Chromium.
"""

from __future__ import annotations

import pytest

MIN_HEIGHT = 250  # px
WIDTHS = (1280, 390)


def _overlap(a, b, slack: float = 1.0) -> bool:
    return (
        a is not None
        and b is not None
        and min(a[2], b[2]) - max(a[0], b[0]) > slack
        and min(a[3], b[3]) - max(a[1], b[1]) > slack
    )


def chart_problems(charts: list[dict]) -> list[str]:
    """What is wrong with `charts` (page_checks.CHART_BOXES of one page; [] = nothing)."""
    problems = []
    for chart in charts:
        name = chart["id"] or "chart"
        if chart["height"] < MIN_HEIGHT:
            problems.append(f"{name}: {chart['height']:.0f} px tall")
        parts = ("title", "legend", "plot", "modebar", "xtitle")
        for i, first in enumerate(parts):
            for second in parts[i + 1 :]:
                if {first, second} == {"plot", "xtitle"}:
                    continue  # the axis title sits in the plot's margin, not over it
                if _overlap(chart[first], chart[second]):
                    problems.append(f"{name}: {first} overlaps {second}")
    return problems


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_chart_is_tall_enough_and_its_parts_do_not_overlap(page_sweep, lang, width):
    found = {}
    for path, page in page_sweep.visit(lang, width).items():
        problems = chart_problems(page["charts"])
        if problems:
            found[path] = problems
    assert found == {}
