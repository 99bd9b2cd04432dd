"""Sentences of the global strategy page's recommendations and deviation lists.

The templates (`app.i18n.catalogues.global_strategy`) hold only the keys of
`Recommendation.values` (or of a deviation row); `render` and `render_deviation`
pick the variant a row needs.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from analytics.recommend import Recommendation
from app.i18n import t


def template_key(rec: Recommendation) -> str:
    """The catalogue key that `render` uses for `rec`."""
    v = rec.values
    if rec.kind in ("expand", "promote", "thin_sample"):
        return f"rec.{rec.kind}.{v['basis']}"
    if rec.kind == "test_marketing":
        return "rec.test_marketing.absent" if v["units_market"] == 0 else "rec.test_marketing"
    key = "rec.competitor" if "our_model" in v else "rec.competitor.none"
    return key + ".partial" if v.get("months", 12) < 12 else key


def render(rec: Recommendation, lang: str) -> str:
    """The sentence for `rec` in 'ko' or 'en' (unknown languages fall back to Korean)."""
    return t(template_key(rec), lang, **rec.values)


def render_deviation(row: Mapping[str, Any], lang: str) -> str:
    """Sentence for one `analytics.deviation` row with status 'strong' or 'untapped'.

    'untapped' rows say the gap as a positive number (gap_pp = |deviation_pp|).
    """
    status = row["status"]
    if status not in ("strong", "untapped"):
        raise ValueError(f"no sentence for status {status!r}; only strong and untapped rows")
    values = {**row, "gap_pp": abs(row["deviation_pp"])}
    return t(f"deviation.{status}", lang, **values)
