"""The forecast page's chart: a pure function of the stored frames, no I/O.

Kept beside `app.figures` (whose template, palette and empty state it uses) so the
forecast page and the other pages can change their figures independently.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import plotly.graph_objects as go
import polars as pl
from dash.dash_table import DataTable
from dash.dash_table.Format import Format, Scheme

from analytics.forecast.view import has_bottom_up, models_of
from app.figures import (
    BLACK,
    BLUE,
    BLUISH_GREEN,
    BOTTOM_LEGEND,
    GREY,
    ORANGE,
    REDDISH_PURPLE,
    SKY_BLUE,
    VERMILLION,
    data_table,
    empty_figure,
    template,
)
from app.i18n import t
from app.i18n.forecast import model_label

# Okabe-Ito: each model keeps its colour everywhere; actuals are black.
MODEL_COLOURS = {
    "selected": BLUE,
    "ensemble": REDDISH_PURPLE,
    "lightgbm": BLUISH_GREEN,
    "prophet": ORANGE,
    "seasonal_naive": GREY,
}
BACKTEST_COLOUR = VERMILLION


def model_colour(model_name: str) -> str:
    return MODEL_COLOURS.get(model_name, BLACK)


def _rgba(hex_colour: str, alpha: float) -> str:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


def _xy(frame: pl.DataFrame, y: str) -> dict[str, list]:
    # Plain lists (ISO dates): plotly converts them without a trip through narwhals.
    return {
        "x": frame.get_column("ds").dt.strftime("%Y-%m-%d").to_list(),
        "y": frame.get_column(y).to_list(),
    }


def forecast_chart(
    history: pl.DataFrame,
    forecasts: pl.DataFrame,
    backtest: pl.DataFrame,
    *,
    title: str,
    visible: Iterable[str],
    band_model: str,
    show_backtest: bool,
    lang: str = "ko",
    unvalidated: tuple[dt.date, int] | None = None,
) -> go.Figure:
    """History (`history`: ds, y with null for unreported months), every model's
    forecast (`forecasts`: model_name, ds, yhat, bounds; models not in `visible` start
    hidden but stay in the legend), the band model's 80% interval and, when
    `show_backtest`, its backtest forecasts per cutoff (`backtest`: cutoff, ds, y, yhat).
    `unvalidated` (first forecast month past the backtest, backtest horizon) shades the
    months the backtest did not validate and names them."""
    if history.is_empty() and forecasts.is_empty():
        return empty_figure(lang, title=title, height=420)
    shown = set(visible)
    by_model = {
        key[0]: rows.sort("ds")
        for key, rows in forecasts.partition_by("model_name", as_dict=True).items()
    }
    data: list[dict] = []
    band = by_model.get(band_model)
    if band is not None:
        name = t("fc.trace.band", lang, model=model_label(band_model, lang))
        data += [
            {
                "type": "scatter",
                **_xy(band, "yhat_upper"),
                "mode": "lines",
                "line": {"width": 0},
                "legendgroup": "band",
                "showlegend": False,
                "hoverinfo": "skip",
                "name": name,
            },
            {
                "type": "scatter",
                **_xy(band, "yhat_lower"),
                "mode": "lines",
                "line": {"width": 0},
                "fill": "tonexty",
                "legendgroup": "band",
                "name": name,
                "fillcolor": _rgba(model_colour(band_model), 0.18),
                "hovertemplate": "%{y:,.0f}<extra>" + name + "</extra>",
            },
        ]
    actual = t("fc.trace.actual", lang)
    data.append(
        {
            "type": "scatter",
            **_xy(history, "y"),
            "mode": "lines+markers",
            "name": actual,
            "line": {"color": BLACK, "width": 2},
            "marker": {"size": 4},
            "connectgaps": False,
            "hovertemplate": "%{y:,.0f}<extra>" + actual + "</extra>",
        }
    )
    for model_name in models_of(forecasts):
        label = model_label(model_name, lang)
        focus = model_name == band_model
        data.append(
            {
                "type": "scatter",
                **_xy(by_model[model_name], "yhat"),
                "mode": "lines+markers",
                "name": label,
                "visible": True if model_name in shown else "legendonly",
                "line": {
                    "color": model_colour(model_name),
                    "width": 3 if focus else 2,
                    "dash": "solid" if focus else "dash",
                },
                "marker": {"size": 4},
                "hovertemplate": "%{y:,.0f}<extra>" + label + "</extra>",
            }
        )
    if band is not None and has_bottom_up(band):
        name = t("fc.trace.bottom_up", lang, model=model_label(band_model, lang))
        data.append(
            {
                "type": "scatter",
                **_xy(band, "bottom_up_yhat"),
                "mode": "lines",
                "name": name,
                "line": {"color": SKY_BLUE, "width": 2, "dash": "dashdot"},
                "hovertemplate": "%{y:,.0f}<extra>" + name + "</extra>",
            }
        )
    if show_backtest and not backtest.is_empty():
        data += _backtest_traces(backtest, band_model, lang)
    layout = {
        "template": template(),
        # the title sits below the mode bar's row (a phone-width title ran under it)
        "title": {
            "text": title,
            "yref": "container",
            "y": 1,
            "yanchor": "top",
            "pad": {"t": 36},
        },  # fmt: skip
        "height": 460,
        "hovermode": "x unified",
        # below the plot: above it, a legend that wraps (English names, a phone's width)
        # ran into the title and under the mode bar
        "legend": BOTTOM_LEGEND,
        "margin": {"l": 10, "r": 10, "t": 80, "b": 10},
        # month ticks as 2025-01 in Korean (plotly writes "Jan 2025" in English only)
        "xaxis": {"title": {"text": t("fc.axis.month", lang)}}
        | ({"tickformat": "%Y-%m"} if lang == "ko" else {}),
        "yaxis": {"title": {"text": t("fc.axis.units", lang)}, "rangemode": "tozero"},
    }
    if not history.is_empty() and not forecasts.is_empty():
        layout.update(_start_marker(history.get_column("ds").max(), lang))
    last = forecasts.get_column("ds").max() if not forecasts.is_empty() else None
    if unvalidated is not None and last is not None and unvalidated[0] <= last:
        shade = _unvalidated_shade(unvalidated[0], last, unvalidated[1], lang)
        layout["shapes"] = [*layout.get("shapes", []), *shade["shapes"]]
        layout["annotations"] = [*layout.get("annotations", []), *shade["annotations"]]
    # Traces are built here from typed frames, so plotly's per-property validation
    # (most of the time of a 12-trace chart) is skipped.
    return go.Figure(data=data, layout=layout, _validate=False)


def _backtest_traces(backtest: pl.DataFrame, band_model: str, lang: str) -> list[dict]:
    traces: list[dict] = []
    name = t("fc.trace.backtest", lang, model=model_label(band_model, lang))
    parts = backtest.sort("cutoff", "ds").partition_by("cutoff", as_dict=True)
    for i, ((cutoff,), rows) in enumerate(parts.items()):
        trained = t("fc.trace.cutoff", lang, cutoff=cutoff.strftime("%Y-%m"))
        traces.append(
            {
                "type": "scatter",
                **_xy(rows, "yhat"),
                "mode": "lines+markers",
                "name": name,
                "legendgroup": "backtest",
                "showlegend": i == 0,
                "line": {"color": BACKTEST_COLOUR, "width": 1.5, "dash": "dot"},
                "marker": {"size": 5, "symbol": "diamond"},
                "hovertemplate": "%{y:,.0f}<extra>" + f"{name}<br>{trained}" + "</extra>",
            }
        )
    return traces


def _month_edge(month: dt.date, days: int) -> str:
    """ISO time `days` after the first of `month` (-15: the edge before it, +15: after)."""
    return (dt.datetime.combine(month, dt.time()) + dt.timedelta(days=days)).isoformat()


def _note(x: str, y: float, text: str) -> dict:
    """A small grey label at data x and paper height y, to the right of x."""
    return {
        "x": x,
        "y": y,
        "xref": "x",
        "yref": "paper",
        "showarrow": False,
        "text": text,
        "xanchor": "left",
        "xshift": 4,
        "yanchor": "top",
        "font": {"size": 11, "color": "#6C757D"},
    }


def _unvalidated_shade(first: dt.date, last: dt.date, horizon: int, lang: str) -> dict:
    """A grey band over the forecast months from `first` to `last` that the backtest did
    not validate, labelled at its top."""
    x0 = _month_edge(first, -15)
    shade = {"type": "rect", "xref": "x", "yref": "paper", "x0": x0, "x1": _month_edge(last, 15)}
    return {
        "shapes": [
            {
                **shade,
                "y0": 0,
                "y1": 1,
                "fillcolor": "rgba(108,117,125,0.12)",
                "line": {"width": 0},
                "layer": "below",
            }
        ],
        "annotations": [_note(x0, 0.92, t("fc.unvalidated", lang, horizon=horizon))],
    }


def _start_marker(last_actual: dt.date, lang: str) -> dict:
    """A dotted vertical line between the last actual month and the first forecast."""
    x = _month_edge(last_actual, 15)
    return {
        "shapes": [
            {
                "type": "line",
                "xref": "x",
                "yref": "paper",
                "x0": x,
                "x1": x,
                "y0": 0,
                "y1": 1,
                "line": {"color": GREY, "width": 1, "dash": "dot"},
            }
        ],
        "annotations": [_note(x, 0.99, t("fc.forecast_start", lang))],
    }


def accuracy_table(
    frame: pl.DataFrame,
    *,
    lang: str = "ko",
    page_size: int = 10,
    value_labels: dict[str, str] | None = None,
    fraction_columns: Iterable[str] = (),
):
    """`app.figures.data_table` with two decimals for MASE columns (1 is the baseline,
    so 0.95 and 1.04 must not both read as 1.0)."""
    table = data_table(
        frame,
        lang=lang,
        page_size=page_size,
        value_labels=value_labels,
        fraction_columns=fraction_columns,
    )
    if isinstance(table, DataTable):
        two = Format(precision=2, scheme=Scheme.fixed)
        mase_like = {
            c
            for c in frame.columns
            if "mase" in c or "width" in c or (c[:1] == "h" and c[1:].isdigit())
        }
        table.columns = [{**c, "format": two} if c["id"] in mase_like else c for c in table.columns]
    return table
