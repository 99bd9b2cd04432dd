"""Callbacks of the exports-by-region page: thin adapters around analytics.explorer.exports.

A click on a region (share bar, change bar or a line) makes it the focus region, which
narrows the monthly lines, the region x month table, the seasonality heatmap and the
peak-month sentence to it.
"""

from __future__ import annotations

from dash import Input, Output

from analytics.explorer import exports
from app import ids, services
from app.figures import explorer as fig
from app.i18n import market_label, t
from app.i18n.explorer import exports_sentences
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

PAGE = "exports"
callback = for_page("explorer_exports")


def _id(role: str) -> dict[str, str]:
    return ids.explorer(PAGE, role)


@callback(
    output=shared.choice_outputs(PAGE),
    inputs={"brand": Input(_id(ids.EXP_BRAND), "value"), "lang": Input(ids.LANG_STORE, "data")},
)
def exports_choices(brand: str | None, lang: Lang) -> dict:
    """The brand labels, months and regions the brand's exports have."""
    options, _ = shared.choices(PAGE, brand, lang)
    return options


@callback(output=shared.resolve_outputs(PAGE), inputs=shared.resolve_inputs(PAGE))
def resolve_exports(
    controls: ExplorerControls,
    url_problems: list[ProblemRecord] | None,
    lang: Lang,
    data_version: DataVersionStore | None = None,
) -> dict:
    """Controls -> spec, URL, corrected values (see callbacks.explorer.resolve)."""
    return shared.resolve(PAGE, dict(controls), url_problems, lang, dict(data_version or {}))


@callback(
    Output(_id(ids.EXP_FOCUS), "value", allow_duplicate=True),
    Input(_id(ids.EXP_SHARE), "clickData"),
    Input(_id(ids.EXP_YOY), "clickData"),
    Input(_id(ids.EXP_LINES), "clickData"),
    prevent_initial_call=True,
)
def exports_focus_from_click(
    share: ClickData | None, yoy: ClickData | None, lines: ClickData | None
) -> str:
    """A click on a region's bar or line makes it the focus region."""
    return shared.clicked({ids.EXP_SHARE: share, ids.EXP_YOY: yoy, ids.EXP_LINES: lines})


@callback(
    Output(_id(ids.EXP_INSIGHTS), "children"),
    *shared.spec_inputs(PAGE),
)
def exports_insights(spec: ExplorerSpec | None, lang: Lang):
    """The largest region, the peak month, growth and decline, in sentences."""
    state = shared.state_of(spec)
    view = services.explorer_view(spec)
    found = exports.insights(view.rows, focus=state.focus)
    return shared.sentences(
        exports_sentences(found, lang), lang, shared.unreported_note(view.unreported, lang)
    )


@callback(
    Output(_id(ids.EXP_LINES), "figure"),
    Output(_id(ids.EXP_MONTH_TABLE), "children"),
    *shared.spec_inputs(PAGE),
)
def exports_lines(spec: ExplorerSpec | None, lang: Lang):
    """Monthly exports per region (the focus region alone when one is chosen) and the
    region x month table."""
    state = shared.state_of(spec)
    view = services.explorer_view(spec)
    return (
        fig.month_lines(
            view.scope,
            view.grid,
            view.unreported,
            series="market",
            title=t("fig.exp.lines", lang),
            lang=lang,
            focus=state.focus,
            label=lambda m: market_label(m, lang),
            colour=fig.market_colour,
        ),
        fig.table(
            exports.month_table(view.scope, periods=view.grid.get_column("period").to_list()),
            lang=lang,
            unreported_nulls=True,
        ),
    )


@callback(
    Output(_id(ids.EXP_SHARE), "figure"),
    Output(_id(ids.EXP_SHARE_TABLE), "children"),
    *shared.spec_inputs(PAGE),
)
def exports_share(spec: ExplorerSpec | None, lang: Lang):
    """Each region's share of the period's exports, with its peak month."""
    state = shared.state_of(spec)
    summary = exports.region_summary(services.explorer_view(spec).rows)
    return (
        fig.click_bars(
            summary,
            key="market",
            value="share",
            title=t("fig.exp.share", lang),
            lang=lang,
            focus=state.focus,
            label=lambda m: market_label(m, lang),
            colour=fig.market_colour,
            percent=True,
            x_title=t("axis.exp.share", lang),
        ),
        fig.table(summary, lang=lang, fraction_columns=["share"]),
    )


@callback(
    Output(_id(ids.EXP_YOY), "figure"),
    Output(_id(ids.EXP_YOY_TABLE), "children"),
    Output(_id(ids.EXP_YEAR_TABLE), "children"),
    *shared.spec_inputs(PAGE),
)
def exports_yoy(spec: ExplorerSpec | None, lang: Lang):
    """The last year's change per region (same months a year earlier) and the region x
    year table."""
    shared.state_of(spec)
    months = services.explorer_view(spec).rows
    growth = exports.growth_by_region(months)
    year = int(growth.item(0, "year")) if growth.height else None
    title = (
        t("fig.exp.yoy", lang, year=year, prev=(year or 1) - 1)
        if year
        else t("fig.exp.yoy.none", lang)
    )
    return (
        fig.change_bars(
            growth,
            key="market",
            value="growth",
            title=title,
            lang=lang,
            label=lambda m: market_label(m, lang),
        ),  # fmt: skip
        fig.table(growth, lang=lang, fraction_columns=["growth"]),
        fig.table(exports.year_table(months), lang=lang, unreported_nulls=True),
    )


@callback(
    Output(_id(ids.EXP_HEATMAP), "figure"),
    Output(_id(ids.EXP_HEATMAP_TABLE), "children"),
    *shared.spec_inputs(PAGE),
)
def exports_heatmap(spec: ExplorerSpec | None, lang: Lang):
    """Region x calendar month seasonal index (the focus region alone when chosen)."""
    state = shared.state_of(spec)
    profile = exports.calendar_profile(services.explorer_view(spec).scope)
    return (
        fig.seasonal_heatmap(profile, lang=lang, focus=state.focus),
        fig.table(profile, lang=lang, page_size=12),
    )
