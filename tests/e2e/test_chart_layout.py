"""Every chart on every page is readable at a laptop (1280 px) and a phone (390 px) width,
in both languages: at least MIN_HEIGHT px tall, and its title, legend, plot area and
mode bar do not overlap (before: the dealer page's six insight charts were 56-80 px tall
with legends over axes; the forecast chart's title ran into its legend in English).

Pages come from the app's page registry (`page_paths`); the check reads the boxes plotly
drew (SVG bounding boxes) in a real headless Chromium.
"""

from __future__ import annotations

import pytest

from tests.e2e.conftest import open_settled

MIN_HEIGHT = 250  # px
WIDTHS = (1280, 390)

# Boxes (left, top, right, bottom) of each visible chart's title, legend, plot area and
# mode bar, in page coordinates; a part a chart does not draw is null.
CHART_BOXES = """
const box = el => {
  if (!el) return null;
  const b = el.getBoundingClientRect();
  return b.width && b.height ? [b.left, b.top, b.right, b.bottom] : null;
};
return [...document.querySelectorAll('.js-plotly-plot')]
  .filter(g => g.offsetParent !== null)
  .map(g => {
    const named = g.closest('[id]');
    const plots = [...g.querySelectorAll('.nsewdrag, .pielayer .slice, .hm')];
    const union = plots.map(box).filter(Boolean).reduce((a, b) => a ? [
      Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])
    ] : b, null);
    return {
      id: named ? named.id : '',
      height: g.getBoundingClientRect().height,
      title: box(g.querySelector('.gtitle')),
      legend: box(g.querySelector('.legend .bg')),
      xtitle: box(g.querySelector('.g-xtitle text')),
      plot: union,
      modebar: box(g.querySelector('.modebar-container .modebar')),
    };
  });
"""


def _overlap(a, b, slack: float = 1.0) -> bool:
    return (
        a is not None
        and b is not None
        and min(a[2], b[2]) - max(a[0], b[0]) > slack
        and min(a[3], b[3]) - max(a[1], b[1]) > slack
    )


def set_width(driver, width: int) -> None:
    """A viewport `width` CSS px wide (headless Chromium's windows are at least 500 px
    wide, so a phone is emulated through the DevTools protocol)."""
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 768},
    )


def chart_problems(driver) -> list[str]:
    """What is wrong with the charts on the page the driver shows ([] = nothing)."""
    problems = []
    for chart in driver.execute_script(CHART_BOXES):
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
def test_every_chart_is_tall_enough_and_its_parts_do_not_overlap(
    served_reference_app, page_paths, browser, lang, width
):
    set_width(browser, width)
    found = {}
    for path in page_paths:
        open_settled(browser, served_reference_app.rstrip("/") + path, lang)
        problems = chart_problems(browser)
        if problems:
            found[path] = problems
    assert found == {}
