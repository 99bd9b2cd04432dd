"""Callbacks of the plants page: thin adapters around analytics.explorer.plants.

A click on a plant (its totals bar or its export-share bar) makes it the focus plant: the
monthly trend shows that plant alone, and the concentration chart and the single-plant
list show the models made there.
"""

from __future__ import annotations

from dash import Input, Output

from analytics.explorer import plants
from app import ids, services
from app.figures import explorer as fig
from app.i18n import dropdown_labels, market_label, t
from app.i18n.explorer import plants_sentences
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

PAGE = "plants"
callback = for_page("explorer_plants")


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
def plants_choices(brand: str | None, lang: Lang) -> dict:
    """The brand labels, months, plants and model families of the brand."""
    options, available = shared.choices(PAGE, brand, lang)
    return {
        **options,
        "picks": [{"label": m, "value": m} for m in available.picks],
        "placeholder": t("fig.exp.all_models", lang),
        "labels": dropdown_labels(lang),
    }


@callback(output=shared.resolve_outputs(PAGE), inputs=shared.resolve_inputs(PAGE))
def resolve_plants(
    controls: ExplorerControls,
    url_problems: list[ProblemRecord] | None,
    lang: Lang,
    data_version: DataVersionStore | None = None,
) -> dict:
    """Controls -> spec, URL, corrected values (see callbacks.explorer.resolve)."""
    return shared.resolve(PAGE, dict(controls), url_problems, lang, dict(data_version or {}))


@callback(
    Output(_id(ids.EXP_FOCUS), "value", allow_duplicate=True),
    Input(_id(ids.EXP_TOTALS), "clickData"),
    Input(_id(ids.EXP_RATIO), "clickData"),
    prevent_initial_call=True,
)
def plants_focus_from_click(totals: ClickData | None, ratio: ClickData | None) -> str:
    """A click on a plant's bar makes it the focus plant."""
    return shared.clicked({ids.EXP_TOTALS: totals, ids.EXP_RATIO: ratio})


@callback(Output(_id(ids.EXP_INSIGHTS), "children"), *shared.spec_inputs(PAGE))
def plants_insights(spec: ExplorerSpec | None, lang: Lang):
    """The largest plant, the export shares, single-plant models, the focus plant."""
    state = shared.state_of(spec)
    view = services.explorer_view(spec)
    found = plants.insights(view.rows, focus=state.focus)
    return shared.sentences(
        plants_sentences(found, lang), lang, shared.unreported_note(view.unreported, lang)
    )


def _plant_label(names: dict, lang: str):
    return lambda p: f"{p} · {market_label(names[p], lang)}" if names.get(p) else p


@callback(
    Output(_id(ids.EXP_TOTALS), "figure"),
    Output(_id(ids.EXP_TOTALS_TABLE), "children"),
    *shared.spec_inputs(PAGE),
)
def plants_totals(spec: ExplorerSpec | None, lang: Lang):
    """Units per plant (a click picks the plant)."""
    state = shared.state_of(spec)
    totals = plants.plant_totals(services.explorer_view(spec).rows)
    names = dict(totals.select("plant", "plant_market").iter_rows())
    return (
        fig.click_bars(
            totals,
            key="plant",
            value="units",
            title=t("fig.exp.totals", lang),
            lang=lang,
            focus=state.focus,
            label=_plant_label(names, lang),
        ),
        fig.table(
            totals,
            lang=lang,
            fraction_columns=["share"],
            market_columns=["plant_market"],
            page_size=15,
        ),
    )


@callback(
    Output(_id(ids.EXP_TREND), "figure"),
    Output(_id(ids.EXP_TREND_TABLE), "children"),
    *shared.spec_inputs(PAGE),
)
def plants_trend(spec: ExplorerSpec | None, lang: Lang):
    """Monthly units per plant of the chosen models (every model when none is chosen); the
    focus plant alone when one is chosen."""
    state = shared.state_of(spec)
    view = services.explorer_view(spec)
    months = plants.plant_months(view.scope, models=list(state.picks))
    scope = ", ".join(state.picks) if state.picks else t("fig.exp.all_models", lang)
    return (
        fig.month_lines(
            months,
            view.grid,
            view.unreported,
            series="plant",
            title=t("fig.exp.trend", lang, scope=scope),
            lang=lang,
            focus=state.focus,
        ),
        fig.table(months, lang=lang, page_size=12),
    )


@callback(
    Output(_id(ids.EXP_RATIO), "figure"),
    Output(_id(ids.EXP_RATIO_TABLE), "children"),
    *shared.spec_inputs(PAGE),
)
def plants_ratio(spec: ExplorerSpec | None, lang: Lang):
    """Export share per plant reporting domestic and export separately (a click picks)."""
    state = shared.state_of(spec)
    ratio = plants.domestic_export(services.explorer_view(spec).rows)
    return (
        fig.click_bars(
            ratio,
            key="plant",
            value="export_ratio",
            title=t("fig.exp.ratio", lang),
            lang=lang,
            focus=state.focus,
            percent=True,
            x_title=t("axis.exp.share", lang),
        ),
        fig.table(ratio, lang=lang, fraction_columns=["export_ratio"], page_size=15),
    )


@callback(
    Output(_id(ids.EXP_CONCENTRATION), "figure"),
    Output(_id(ids.EXP_CONCENTRATION_TABLE), "children"),
    Output(_id(ids.EXP_SINGLE_TABLE), "children"),
    *shared.spec_inputs(PAGE),
)
def plants_concentration(spec: ExplorerSpec | None, lang: Lang):
    """Each model's share made in its largest plant (the focus plant's models when one is
    chosen), and the models made in one plant only."""
    state = shared.state_of(spec)
    rows = services.explorer_view(spec).rows
    found = plants.concentration(rows, plant=state.focus)
    return (
        fig.click_bars(
            found.head(25),
            key="model",
            value="top_share",
            title=t("fig.exp.concentration", lang),
            lang=lang,
            percent=True,
            x_title=t("axis.exp.share", lang),
        ),
        fig.table(found, lang=lang, fraction_columns=["top_share"], page_size=15),
        fig.table(plants.single_plant_models(rows, plant=state.focus), lang=lang, page_size=15),
    )
