"""Callbacks of the models page: thin adapters around analytics.explorer.models.

A click on a model's bar makes it the focus model: the domestic/export chart, the two
mixes, the EV and hybrid shares and the split sentence narrow to it, and it becomes
model A of the comparison.
"""

from __future__ import annotations

from dash import Input, Output

from analytics.explorer import models
from analytics.explorer.common import years_of
from app import explorer_state, ids, services
from app.figures import BRAND_COLOURS, GREY
from app.figures import explorer as fig
from app.i18n import t
from app.i18n.explorer import comparison_sentence, models_sentences
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

PAGE = "models"
callback = for_page("explorer_models")


def _id(role: str) -> dict[str, str]:
    return ids.explorer(PAGE, role)


@callback(
    output={**shared.choice_outputs(PAGE, ("compare", "flow"))},
    inputs={
        "brand": Input(_id(ids.EXP_BRAND), "value"),
        "flow": Input(_id(ids.EXP_FLOW), "value"),
        "lang": Input(ids.LANG_STORE, "data"),
    },
)
def models_choices(brand: str | None, flow: str | None, lang: Lang) -> dict:
    """The brand and flow labels, months and models (most units first) of the brand and
    flow."""
    options, _ = shared.choices(PAGE, brand, lang, flow=flow)
    flows = [{"label": t(f"exp.flow.{f}", lang), "value": f} for f in explorer_state.FLOWS]
    return {**options, "compare": options["focus"], "flow": flows}


@callback(output=shared.resolve_outputs(PAGE), inputs=shared.resolve_inputs(PAGE))
def resolve_models(
    controls: ExplorerControls,
    url_problems: list[ProblemRecord] | None,
    lang: Lang,
    data_version: DataVersionStore | None = None,
) -> dict:
    """Controls -> spec, URL, corrected values (see callbacks.explorer.resolve)."""
    return shared.resolve(PAGE, dict(controls), url_problems, lang, dict(data_version or {}))


@callback(
    Output(_id(ids.EXP_FOCUS), "value", allow_duplicate=True),
    Input(_id(ids.EXP_TOP_BAR), "clickData"),
    prevent_initial_call=True,
)
def models_focus_from_click(top: ClickData | None) -> str:
    """A click on a model's bar makes it the focus model."""
    return shared.clicked({ids.EXP_TOP_BAR: top})


@callback(Output(_id(ids.EXP_INSIGHTS), "children"), *shared.spec_inputs(PAGE))
def models_insights(spec: ExplorerSpec | None, lang: Lang):
    """The top model, the domestic/export split, EV and hybrid shares, the classes."""
    state = shared.state_of(spec)
    view = services.explorer_view(spec)
    found = models.insights(view.rows, focus=state.focus)
    return shared.sentences(
        models_sentences(found, lang), lang, shared.unreported_note(view.unreported, lang)
    )


@callback(
    Output(_id(ids.EXP_TOP_BAR), "figure"),
    Output(_id(ids.EXP_TOP_TABLE), "children"),
    *shared.spec_inputs(PAGE),
)
def models_top(spec: ExplorerSpec | None, lang: Lang):
    """The top-N models of the period's last year (a click picks one) and every year's."""
    state = shared.state_of(spec)
    top = models.top_per_year(services.explorer_view(spec).rows, n=state.top_n)
    latest = models.latest_year(top)
    brands = dict(top.select("model", "brand").iter_rows())
    return (
        fig.click_bars(
            latest,
            key="model",
            value="units",
            title=t("fig.exp.top", lang, year=models.year_of(latest), n=state.top_n),
            lang=lang,
            focus=state.focus,
            colour=lambda m: BRAND_COLOURS.get(brands.get(m, ""), GREY),
            legend=[
                (t(f"brand.{b}", lang), BRAND_COLOURS.get(b, GREY))
                for b in sorted(set(latest.get_column("brand").drop_nulls().to_list()))
            ],
        ),
        fig.table(top, lang=lang, fraction_columns=["share"], page_size=state.top_n),
    )


@callback(
    Output(_id(ids.EXP_FLOWS), "figure"),
    Output(_id(ids.EXP_FLOWS_TABLE), "children"),
    *shared.spec_inputs(PAGE),
)
def models_flows(spec: ExplorerSpec | None, lang: Lang):
    """Domestic vs export per month, of the focus model or of every row."""
    state = shared.state_of(spec)
    view = services.explorer_view(spec)
    months = models.flow_months(view.scope)
    scope = state.focus or t("exp.all", lang)
    return (
        fig.month_lines(
            months,
            view.grid,
            view.unreported,
            series="flow",
            title=t("fig.exp.flows", lang, scope=scope),
            lang=lang,
            label=lambda f: t(f"flow.{f}", lang),
        ),
        fig.table(months, lang=lang, value_labels={"flow": lambda f: t(f"flow.{f}", lang)}),
    )


@callback(
    Output(_id(ids.EXP_BODY_MIX), "figure"),
    Output(_id(ids.EXP_POWER_MIX), "figure"),
    Output(_id(ids.EXP_MIX_TABLE), "children"),
    *shared.spec_inputs(PAGE),
)
def models_mix(spec: ExplorerSpec | None, lang: Lang):
    """Body type and powertrain mix per year (of the focus model, or of every row)."""
    shared.state_of(spec)
    view = services.explorer_view(spec)
    body, power = models.mix(view.scope, by="body"), models.mix(view.scope, by="powertrain")
    years = years_of(view.grid)
    english = dict(body.select("group", "group_en").iter_rows())
    return (
        fig.stacked_shares(
            body, x="year", group="group", title=t("fig.exp.body_mix", lang), lang=lang,
            label=lambda g: fig.group_label(g, lang, english.get(g)),
            colours=fig.body_colours(), categories=years,
        ),
        fig.stacked_shares(
            power, x="year", group="group", title=t("fig.exp.power_mix", lang), lang=lang,
            label=lambda g: fig.group_label(g, lang), colours=fig.powertrain_colours(),
            categories=years,
        ),
        fig.table(
            models.mix_table(body, power),
            lang=lang,
            fraction_columns=["share"],
            value_labels={
                "group": lambda g: fig.group_label(g, lang, english.get(g)),
                "mix": lambda m: t(f"exp.mix.{m}", lang),
            },
        ),
    )  # fmt: skip


@callback(
    Output(_id(ids.EXP_ELECTRIFIED), "figure"),
    Output(_id(ids.EXP_ELECTRIFIED_TABLE), "children"),
    *shared.spec_inputs(PAGE),
)
def models_electrified(spec: ExplorerSpec | None, lang: Lang):
    """EV, hybrid and unstated shares per month (of the focus model, or of every row)."""
    shared.state_of(spec)
    view = services.explorer_view(spec)
    shares = models.electrified_share(view.scope)
    return (
        fig.share_lines(shares, view.grid, view.unreported, lang=lang),
        fig.table(
            shares,
            lang=lang,
            fraction_columns=["electric_share", "hybrid_share", "unstated_share"],
            page_size=12,
        ),
    )


@callback(
    Output(_id(ids.EXP_COMPARISON), "figure"),
    Output(_id(ids.EXP_COMPARISON_TEXT), "children"),
    Output(_id(ids.EXP_COMPARISON_TABLE), "children"),
    *shared.spec_inputs(PAGE),
)
def models_comparison(spec: ExplorerSpec | None, lang: Lang):
    """Model A (the focus, else the top model) against model B (the chosen one, else the
    next model), month by month, with the gap and each one's peak month."""
    state = shared.state_of(spec)
    rows = services.explorer_view(spec).rows
    a, b = models.pair(rows, a=state.focus, b=state.compare)
    if a is None or b is None:
        return (
            fig.empty_figure(lang, title=t("exp.models.comparison", lang)),
            t("ins.models.compare_pick", lang),
            fig.empty_table(lang),
        )
    found = models.compare(rows, a=a, b=b, period_from=state.period_from, period_to=state.period_to)
    return (
        fig.comparison_figure(found.months, a=a, b=b, lang=lang),
        comparison_sentence(found.values(), lang),
        fig.table(found.months.drop("month_start", "year", "month"), lang=lang, page_size=12),
    )


@callback(Output(_id(ids.EXP_SEASONALITY_TABLE), "children"), *shared.spec_inputs(PAGE))
def models_seasonality(spec: ExplorerSpec | None, lang: Lang):
    """Each model's coefficient of variation of monthly units and its class."""
    shared.state_of(spec)
    classes = models.model_seasonality(services.explorer_view(spec).rows)
    return fig.table(
        classes,
        lang=lang,
        value_labels={"cv_class": lambda c: t(f"cv.{c}", lang)},
        page_size=15,
    )
