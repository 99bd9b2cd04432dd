"""Callbacks of the competitors page: thin adapters around analytics.explorer.competitors.

A click on a market's bar (our share) makes it the focus market: the brand and model
chart, the counter-models and the leader sentence are about it.
"""

from __future__ import annotations

from dash import Input, Output, html

from analytics.competitors import SEGMENT_BODY
from analytics.explorer import competitors
from app import ids, services
from app.figures import explorer as fig
from app.i18n import CATALOGUE, market_label, t
from app.i18n.explorer import competitors_sentences, counter_sentence
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

PAGE = "competitors"
callback = for_page("explorer_competitors")


def _id(role: str) -> dict[str, str]:
    return ids.explorer(PAGE, role)


@callback(
    output={**shared.choice_outputs(PAGE), "year": Output(_id(ids.EXP_YEAR), "options")},
    inputs={"brand": Input(_id(ids.EXP_BRAND), "value"), "lang": Input(ids.LANG_STORE, "data")},
)
def competitors_choices(brand: str | None, lang: Lang) -> dict:
    """The brand labels, months, markets and years of the competitor file."""
    options, available = shared.choices(PAGE, brand, lang)
    return {**options, "year": [{"label": str(y), "value": str(y)} for y in available.years]}


@callback(output=shared.resolve_outputs(PAGE), inputs=shared.resolve_inputs(PAGE))
def resolve_competitors(
    controls: ExplorerControls,
    url_problems: list[ProblemRecord] | None,
    lang: Lang,
    data_version: DataVersionStore | None = None,
) -> dict:
    """Controls -> spec, URL, corrected values (see callbacks.explorer.resolve)."""
    return shared.resolve(PAGE, dict(controls), url_problems, lang, dict(data_version or {}))


@callback(
    Output(_id(ids.EXP_FOCUS), "value", allow_duplicate=True),
    Input(_id(ids.EXP_OUR_SHARE), "clickData"),
    prevent_initial_call=True,
)
def competitors_focus_from_click(share: ClickData | None) -> str:
    """A click on a market's bar makes it the focus market."""
    return shared.clicked({ids.EXP_OUR_SHARE: share})


@callback(Output(_id(ids.EXP_INSIGHTS), "children"), *shared.spec_inputs(PAGE))
def competitors_insights(spec: ExplorerSpec | None, lang: Lang):
    """Where our models are listed, the focus market's leader, a partial year."""
    state = shared.state_of(spec)
    found = competitors.insights(
        services.explorer_frame("competitors"), market=state.focus, year=state.year
    )
    return shared.sentences(competitors_sentences(found, lang), lang)


@callback(
    Output(_id(ids.EXP_OUR_SHARE), "figure"),
    Output(_id(ids.EXP_OUR_SHARE_TABLE), "children"),
    *shared.spec_inputs(PAGE),
)
def competitors_share(spec: ExplorerSpec | None, lang: Lang):
    """Our share of the listed top models per market in the year (a click picks)."""
    state = shared.state_of(spec)
    share = competitors.our_share(services.explorer_frame("competitors"), year=state.year or 0)
    return (
        fig.click_bars(
            share,
            key="market",
            value="our_share",
            title=t("fig.exp.our_share", lang, year=state.year),
            lang=lang,
            focus=state.focus,
            label=lambda m: market_label(m, lang),
            colour=fig.market_colour,
            percent=True,
            x_title=t("axis.exp.share", lang),
        ),
        fig.table(share, lang=lang, fraction_columns=["our_share"], page_size=12),
    )


@callback(
    Output(_id(ids.EXP_BRANDS), "figure"),
    Output(_id(ids.EXP_MODELS_TABLE), "children"),
    *shared.spec_inputs(PAGE),
)
def competitors_models(spec: ExplorerSpec | None, lang: Lang):
    """The focus market's listed models by units, coloured by powertrain, ours marked."""
    state = shared.state_of(spec)
    rows = competitors.model_sales(
        services.explorer_frame("competitors"), market=state.focus, year=state.year
    )
    colours = fig.powertrain_colours()
    codes = dict(rows.select("label", "powertrain_code").iter_rows())
    title = t("fig.exp.brands", lang, market=market_label(state.focus or "", lang), year=state.year)
    return (
        fig.click_bars(
            rows,
            key="label",
            value="units",
            title=title,
            lang=lang,
            colour=lambda label: colours.get(codes.get(label) or "", fig.GREY),
            legend=[
                (code or t("fig.exp.unstated", lang), colours.get(code or "", fig.GREY))
                for code in sorted({c for c in codes.values()}, key=lambda c: (c is None, c))
            ],
        ),
        fig.table(
            rows.drop("label", "powertrain_code"),
            lang=lang,
            fraction_columns=["share"],
            value_labels={
                "is_ours": lambda v: "★" if v == "True" else "",
                **_published_labels(lang),
            },
        ),
    )


def _published_labels(lang: str) -> dict:
    """Labels of the competitor file's words in the page's language: the body word
    (SEGMENT_BODY) and the segment and powertrain as published (Korean) in English."""

    def word(prefix: str):
        def label(value: str) -> str:
            key = f"exp.{prefix}.{value}"
            return t(key, lang) if key in CATALOGUE else value

        return label

    return {
        "body": word("body"),
        "segment": lambda s: t(f"exp.body.{SEGMENT_BODY[s]}", lang) if s in SEGMENT_BODY else s,
        "powertrain": word("powertrain"),
    }


@callback(
    Output(_id(ids.EXP_COUNTERS), "children"),
    Output(_id(ids.EXP_COUNTERS_TABLE), "children"),
    *shared.spec_inputs(PAGE),
)
def competitors_counters(spec: ExplorerSpec | None, lang: Lang):
    """Our closest counter-model to each listed competitor model, with the reason and our
    local units over the same months."""
    state = shared.state_of(spec)
    if not state.focus or state.year is None:
        return [html.Li(t("empty", lang), className="text-muted")], fig.empty_table(lang)
    counters = competitors.counter_models(
        services.explorer_frame("competitors"),
        local=services.explorer_frame("local_units"),
        dim_model=services.explorer_frame("dim_model"),
        brand=state.brand,
        market=state.focus,
        year=state.year,
    )
    sentences = [html.Li(counter_sentence(row, lang)) for row in counters.to_dicts()]
    return (
        sentences or [html.Li(t("empty", lang), className="text-muted")],
        fig.table(
            counters,
            lang=lang,
            value_labels={
                "match": lambda m: t(f"match.{m}", lang),
                "our_source": lambda s: t(f"source.{s}", lang),
                **_published_labels(lang),
            },
        ),
    )
