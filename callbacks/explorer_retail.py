"""Callbacks of the overseas retail page: thin adapters around analytics.explorer.retail.

A click on a market (its volatility bar, its EV-share bar or its line) makes it the focus
market: the trend shows it alone with its peak and low, and the powertrain mix shows its
years.
"""

from __future__ import annotations

from dash import Input, Output

from analytics.explorer import retail
from analytics.explorer.common import years_of
from app import ids, services
from app.figures import explorer as fig
from app.i18n import dropdown_labels, market_label, t
from app.i18n.explorer import retail_sentences
from app.inputs import (
    ClickData,
    DataVersionStore,
    ExplorerControls,
    ExplorerSpec,
    Lang,
    ProblemRecord,
)
from callbacks import explorer as shared
from callbacks.registry import for_page

PAGE = "retail"
callback = for_page("explorer_retail")
COMPARED_BY_DEFAULT = 4  # markets on the index chart when none is chosen (largest first)


def _id(role: str) -> dict[str, str]:
    return ids.explorer(PAGE, role)


@callback(
    output={
        **shared.choice_outputs(PAGE, ("picks",)),
        "placeholder": Output(_id(ids.EXP_PICKS), "placeholder"),
        "labels": Output(_id(ids.EXP_PICKS), "labels"),
    },
    inputs={"brand": Input(_id(ids.EXP_BRAND), "value"), "lang": Input(ids.LANG_STORE, "data")},
)
def retail_choices(brand: str | None, lang: Lang) -> dict:
    """The brand labels, months and markets of the brand's retail figures."""
    options, available = shared.choices(PAGE, brand, lang)
    return {
        **options,
        "picks": [{"label": market_label(m, lang), "value": m} for m in available.picks],
        "placeholder": t("exp.all", lang),
        "labels": dropdown_labels(lang),
    }


@callback(output=shared.resolve_outputs(PAGE), inputs=shared.resolve_inputs(PAGE))
def resolve_retail(
    controls: ExplorerControls,
    url_problems: list[ProblemRecord] | None,
    lang: Lang,
    data_version: DataVersionStore | None = None,
) -> dict:
    """Controls -> spec, URL, corrected values (see callbacks.explorer.resolve)."""
    return shared.resolve(PAGE, dict(controls), url_problems, lang, dict(data_version or {}))


@callback(
    Output(_id(ids.EXP_FOCUS), "value", allow_duplicate=True),
    Input(_id(ids.EXP_VOLATILITY), "clickData"),
    Input(_id(ids.EXP_EV), "clickData"),
    Input(_id(ids.EXP_TREND), "clickData"),
    prevent_initial_call=True,
)
def retail_focus_from_click(
    volatility: ClickData | None, ev: ClickData | None, trend: ClickData | None
) -> str:
    """A click on a market's bar or line makes it the focus market."""
    return shared.clicked({ids.EXP_VOLATILITY: volatility, ids.EXP_EV: ev, ids.EXP_TREND: trend})


@callback(Output(_id(ids.EXP_INSIGHTS), "children"), *shared.spec_inputs(PAGE))
def retail_insights(spec: ExplorerSpec | None, lang: Lang):
    """The EV leader, the ICE-dependent markets, volatility, the focus market's extremes."""
    state = shared.state_of(spec)
    view = services.explorer_view(spec)
    months = retail.market_months(view.rows)
    summary = retail.market_summary(months)
    focus = next((r for r in summary.to_dicts() if r["market"] == state.focus), None)
    return shared.sentences(
        retail_sentences(retail.insights(view.rows, months), lang, focus=focus),
        lang,
        shared.unreported_note(view.unreported, lang),
    )


@callback(
    Output(_id(ids.EXP_TREND), "figure"),
    Output(_id(ids.EXP_TREND_TABLE), "children"),
    *shared.spec_inputs(PAGE),
)
def retail_trend(spec: ExplorerSpec | None, lang: Lang):
    """Monthly units per market (the focus market alone when chosen) with each shown
    market's peak (▲) and low (▼) month."""
    state = shared.state_of(spec)
    view = services.explorer_view(spec)
    months = retail.market_months(view.scope)
    return (
        fig.month_lines(
            months,
            view.grid,
            view.unreported,
            series="market",
            title=t("fig.exp.retail_trend", lang),
            lang=lang,
            focus=state.focus,
            label=lambda m: market_label(m, lang),
            colour=fig.market_colour,
            markers=retail.extremes(months),
        ),
        fig.table(
            retail.market_summary(months),
            lang=lang,
            fraction_columns=["share"],
            value_labels={"cv_class": lambda c: t(f"cv.{c}", lang)},
        ),
    )


@callback(
    Output(_id(ids.EXP_VOLATILITY), "figure"),
    Output(_id(ids.EXP_VOLATILITY_TABLE), "children"),
    *shared.spec_inputs(PAGE),
)
def retail_volatility(spec: ExplorerSpec | None, lang: Lang):
    """Coefficient of variation of each market's monthly units (a click picks)."""
    state = shared.state_of(spec)
    summary = retail.volatility(services.explorer_view(spec).rows)
    return (
        fig.click_bars(
            summary,
            key="market",
            value="cv",
            title=t("exp.retail.volatility", lang),
            lang=lang,
            focus=state.focus,
            label=lambda m: market_label(m, lang),
            colour=fig.market_colour,
            x_title=t("exp.col.cv", lang),
        ),
        fig.table(
            summary,
            lang=lang,
            value_labels={"cv_class": lambda c: t(f"cv.{c}", lang)},
            page_size=12,
        ),
    )


@callback(
    Output(_id(ids.EXP_INDEXED), "figure"),
    Output(_id(ids.EXP_INDEXED_TABLE), "children"),
    *shared.spec_inputs(PAGE),
)
def retail_compare(spec: ExplorerSpec | None, lang: Lang):
    """The chosen markets (else the largest few) on one index: 100 = the market's mean
    month over the period."""
    state = shared.state_of(spec)
    view = services.explorer_view(spec)
    months = retail.market_months(view.rows)
    chosen = list(state.picks) or retail.largest(months, n=COMPARED_BY_DEFAULT)
    indexed = retail.indexed(months, markets=chosen)
    return (
        fig.month_lines(
            indexed,
            view.grid,
            view.unreported,
            series="market",
            title=t("fig.exp.indexed", lang),
            lang=lang,
            label=lambda m: market_label(m, lang),
            colour=fig.market_colour,
            value="index",
            y_title=t("axis.exp.index", lang),
        ),
        fig.table(indexed, lang=lang, page_size=12),
    )


@callback(
    Output(_id(ids.EXP_RETAIL_MIX), "figure"),
    Output(_id(ids.EXP_RETAIL_MIX_TABLE), "children"),
    *shared.spec_inputs(PAGE),
)
def retail_mix(spec: ExplorerSpec | None, lang: Lang):
    """The powertrain mix of every market in the period's last year, or of the focus
    market in every year of the period."""
    state = shared.state_of(spec)
    view = services.explorer_view(spec)
    mix = retail.powertrain_mix(view.scope)
    if state.focus:
        shown, x, years = mix, "year", years_of(view.grid)
        title = market_label(state.focus, lang)
    else:
        year = years_of(mix)[-1] if mix.height else None
        shown, x, years = retail.of_year(mix, year), "market", None
        title = t("fig.exp.retail_mix", lang, year=year)
    return (
        fig.stacked_shares(
            shown.rename({"powertrain": "group"}),
            x=x,
            group="group",
            title=title,
            lang=lang,
            label=lambda g: fig.group_label(g, lang),
            colours=fig.powertrain_colours(),
            categories=years,
            x_label=(lambda m: market_label(m, lang)) if x == "market" else None,
        ),
        fig.table(
            mix,
            lang=lang,
            fraction_columns=["share"],
            value_labels={"powertrain": lambda g: fig.group_label(g, lang)},
            page_size=15,
        ),
    )


@callback(
    Output(_id(ids.EXP_EV), "figure"),
    Output(_id(ids.EXP_EV_TABLE), "children"),
    *shared.spec_inputs(PAGE),
)
def retail_ev(spec: ExplorerSpec | None, lang: Lang):
    """Each market's EV share in the period's last year (a click picks) and every year's
    share with its change on the same months a year earlier."""
    state = shared.state_of(spec)
    ev = retail.ev_share_by_year(services.explorer_view(spec).rows)
    year = years_of(ev)[-1] if ev.height else None
    latest = retail.of_year(ev, year).sort(["ev_share", "market"], descending=[True, False])
    return (
        fig.click_bars(
            latest,
            key="market",
            value="ev_share",
            title=t("exp.retail.ev", lang) + (f" — {year}" if year else ""),
            lang=lang,
            focus=state.focus,
            label=lambda m: market_label(m, lang),
            colour=fig.market_colour,
            percent=True,
            x_title=t("axis.exp.share", lang),
        ),
        fig.table(
            ev,
            lang=lang,
            fraction_columns=["ev_share", "ice_share", "unstated_share", "prev_ev_share"],
            page_size=15,
        ),
    )
