"""Sentences of the forecast page (수요 예측); the texts are in `app.i18n.catalogues.forecast`.

`summary_sentence` fills the generated summary from the numbers of
`analytics.forecast_view.Summary`; every number in it is computed, none is typed here.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from app.i18n import t


def model_label(model_name: str, lang: str = "ko") -> str:
    """Display name of a stored model name (unknown names are shown as they are)."""
    text = t(f"fc.model.{model_name}", lang)
    return model_name if text == f"fc.model.{model_name}" else text


def flow_label(flow: str, lang: str = "ko") -> str:
    text = t(f"fc.flow.{flow}", lang)
    return flow if text == f"fc.flow.{flow}" else text


def rule_label(rule: str | None, lang: str = "ko") -> str | None:
    """Display name of a forecast_series.selection_rule (None for a run without one)."""
    if not rule:
        return None
    text = t(f"fc.rule.{rule}", lang)
    return rule if text == f"fc.rule.{rule}" else text


def summary_sentence(
    summary: Any,
    lang: str = "ko",
    *,
    mase: float | None = None,
    naive_mase: float | None = None,
    typical_error: tuple[float, int] | None = None,
    unvalidated: tuple[dt.date, int] | None = None,
) -> list[str]:
    """Sentences of the generated summary from an `analytics.forecast.view.Summary`;
    `mase` and `naive_mase` are the pooled latest-cutoff MASE of the model and of
    seasonal naive (the accuracy sentence needs both); `typical_error` is the model's
    (median absolute backtest error in vehicles per month, months scored) and
    `unvalidated` (first forecast month past the backtest, backtest horizon) when the
    forecast reaches beyond what the backtest validated."""
    if summary is None:
        return [t("fc.summary.none", lang)]
    model = model_label(summary.model_name, lang)
    out = [
        t(
            "fc.summary.head",
            lang,
            months=summary.months,
            start=summary.start.strftime("%Y-%m"),
            end=summary.end.strftime("%Y-%m"),
            model=model,
            total=summary.total,
            lower=summary.lower,
            upper=summary.upper,
        )
    ]
    if summary.change_pct is None:
        out.append(t("fc.summary.no_yoy", lang))
    else:
        shown = round(summary.change_pct, 1)
        direction = "up" if shown > 0 else ("down" if shown < 0 else "flat")
        out.append(
            t(
                "fc.summary.yoy",
                lang,
                base=summary.base_total,
                change=summary.change_pct,
                change_lower=summary.change_lower_pct,
                change_upper=summary.change_upper_pct,
                direction=t(f"fc.direction.{direction}", lang),
            )
        )
    if summary.vs_recent_pct is not None:
        out.append(
            t(
                "fc.summary.recent",
                lang,
                mean=summary.total / summary.months,
                recent=summary.recent_mean,
                n=summary.recent_months,
                change=summary.vs_recent_pct,
            )
        )
    if summary.bottom_up_diff_pct is not None:
        out.append(
            t(
                "fc.summary.bottom_up",
                lang,
                bottom_up=summary.bottom_up_total,
                diff=summary.bottom_up_diff_pct,
            )
        )
    if mase is not None and naive_mase is not None:
        verdict = (
            "better"
            if round(mase, 2) < round(naive_mase, 2)
            else "worse"
            if round(mase, 2) > round(naive_mase, 2)
            else "equal"
        )
        out.append(
            t(
                "fc.summary.accuracy",
                lang,
                mase=mase,
                naive=naive_mase,
                verdict=t(f"fc.verdict.{verdict}", lang),
            )
        )
    if typical_error is not None:
        error, months = typical_error
        out.append(t("fc.summary.typical", lang, error=error, months=months))
    if unvalidated is not None:
        first, horizon = unvalidated
        out.append(
            t("fc.summary.unvalidated", lang, first=first.strftime("%Y-%m"), horizon=horizon)
        )
    return out
