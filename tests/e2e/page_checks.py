"""One visit per page, language and width for the page-wide browser audits.

The accessibility (axe-core), one-language and chart-layout tests each check every page
of the page registry in both languages; the layout test at two widths too. Opening
each page once per (language, width) and reading everything those tests need there
halves the pages a browser run opens (a page settles in 2-4 s): `PageSweep.visit`
keeps what it read, and each test asserts on its part.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from selenium.webdriver.support.ui import WebDriverWait

from tests.e2e.conftest import open_settled

# null while Dash titles the tab "Updating..." (the data-version poll in flight): the
# reader tries again, so one script reads the title and the text at one moment.
TEXTS = """
if (document.title === 'Updating...') return null;
const out = [document.title];
const page = document.documentElement.lang;
const skip = el => el.closest('code, pre, script, style, .cs-data') ||
  (el.closest('[lang]') && el.closest('[lang]').getAttribute('lang') !== page);
const shown = el => {
  if (!el.getClientRects().length) return false;
  const style = getComputedStyle(el);
  return style.visibility !== 'hidden' && parseFloat(style.fontSize) > 0;
};
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
let node;
while ((node = walker.nextNode())) {
  const el = node.parentElement, text = node.textContent.trim();
  if (text && el && !skip(el) && shown(el)) out.push(text);
}
document.querySelectorAll('[aria-label], [title], [placeholder], [data-title]').forEach(el => {
  if (skip(el)) return;
  for (const name of ['aria-label', 'title', 'placeholder', 'data-title']) {
    const value = el.getAttribute(name);
    if (value && value.trim()) out.push(value.trim());
  }
});
return out;
"""

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


LAPTOP = 1280  # px, the width axe-core audits at
WCAG_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def audit(driver) -> list[dict]:
    from axe_selenium_python import Axe

    axe = Axe(driver)
    axe.inject()
    # only violations are read: axe then skips the details of passes and incomplete
    # results (25-42% of its time on three of the reference app's pages)
    options = {"runOnly": {"type": "tag", "values": WCAG_A_AA}, "resultTypes": ["violations"]}
    return axe.run(options=options)["violations"]


def set_width(driver, width: int) -> None:
    """A viewport `width` CSS px wide (headless Chromium's windows are at least 500 px
    wide, so a phone is emulated through the DevTools protocol)."""
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 768},
    )


@dataclass
class PageSweep:
    """What every page showed, per (language, width): `visit(lang, width)` opens each
    page once (the first call) and returns {path: {"lang", "texts", "charts", "graphs",
    "axe"}}; axe-core runs at the laptop width only (its rules do not depend on the
    width), and other widths open only the pages with a chart."""

    driver: Any
    base: str
    paths: list[str]
    seen: dict[tuple[str, int], dict[str, dict]] = field(default_factory=dict)

    def visit(self, lang: str, width: int) -> dict[str, dict]:
        if (lang, width) not in self.seen:
            paths = self.paths
            if width != LAPTOP:
                # only the chart layout is read at other widths: the pages that draw a
                # chart at the laptop width (a page's charts do not depend on the width)
                paths = [p for p, page in self.visit(lang, LAPTOP).items() if page["graphs"]]
            set_width(self.driver, width)
            found = {}
            for i, path in enumerate(paths):
                # the language is the toggle's stored choice: set once, it holds for the rest
                open_settled(self.driver, self.base + path, lang if i == 0 else None)
                found[path] = {
                    "lang": self.driver.execute_script("return document.documentElement.lang"),
                    "texts": WebDriverWait(self.driver, 10, poll_frequency=0.05).until(
                        lambda d: d.execute_script(TEXTS)
                    ),
                    "charts": self.driver.execute_script(CHART_BOXES),
                    "graphs": self.driver.execute_script(
                        "return document.querySelectorAll('.dash-graph, .js-plotly-plot').length"
                    ),
                    "axe": audit(self.driver) if width == LAPTOP else [],
                }
            self.seen[(lang, width)] = found
        return self.seen[(lang, width)]
