"""Callbacks of the dealer page's 지역 (region) view: thin adapters around `analytics.region`.

The view follows the dealer filter (brand, market, purchase years) but not the region
filter itself, so every region stays visible; the chosen region is outlined. A click
on a heatmap cell, or the clear button, sets the region filter (DEALER_REGION), which
`callbacks.dealer.resolve_filters` puts into the filter spec and the URL, narrowing
every other dealer section. The view needs a built warehouse, not `carsight train`.
"""

from __future__ import annotations

from dash import Input, Output, ctx, html
from dash.exceptions import PreventUpdate

from analytics import insights, region
from app import figures, ids
from app.figures import region as region_figures
from app.i18n import t
from app.i18n.region import region_label
from app.inputs import ClickData, Clicks, DealerSpec, Lang
from callbacks.dealer import ANY, _customers, _spec_brand, spec_filter
from callbacks.registry import for_page

# registered like every dealer callback: the dealer page's access rule applies
callback = for_page("dealer")


@callback(
    Output(ids.REGION_HINT, "children"),
    Output(ids.REGION_SELECTED, "children"),
    Output(ids.REGION_HEATMAP, "figure"),
    Output(ids.REGION_HEATMAP, "style"),
    Output(ids.REGION_HEATMAP_NOTE, "children"),
    Output(ids.REGION_UNKNOWN, "children"),
    Output(ids.REGION_INSIGHTS, "children"),
    Output(ids.REGION_TABLE, "children"),
    Input(ids.DEALER_SPEC, "data"),
    Input(ids.LANG_STORE, "data"),
    memo=True,
)
def render_regions(spec: DealerSpec | None, lang: Lang):
    """Heatmap, insights and table of the spec's customers by region (all regions)."""
    brand = _spec_brand(spec)
    hint = f"{t('region.hint', lang, min=region.MIN_CUSTOMERS)} {t('region.body_source', lang)}"
    frame = _customers(brand)
    if frame.height:
        frame = insights.filter_customers(frame, **{**spec_filter(spec), "region": None})  # type: ignore[arg-type]
    summary = region.region_summary(frame)
    chosen = spec.get("region")  # type: ignore[union-attr]
    if summary.is_empty():
        empty, figure = figures.empty_table(lang), figures.empty_figure(lang)
        return hint, None, figure, _height(figure), None, None, empty, empty
    customers = dict(summary.select("region", "customers").rows())
    selected = (
        t(
            "region.selected",
            lang,
            region=region_label(chosen, lang),
            customers=customers.get(chosen, 0),
        )
        if chosen
        else None
    )
    unknown = frame.get_column("region").null_count()
    heatmap = region_figures.region_heatmap(
        region.region_body_shares(frame), lang=lang, selected=chosen
    )
    return (
        hint,
        html.Strong(selected) if selected else None,
        heatmap,
        _height(heatmap),
        region_figures.heatmap_note(summary.height, lang=lang),
        t("region.unknown", lang, unknown=unknown, total=frame.height) if unknown else None,
        region_figures.insight_list(region.region_insights(summary), lang=lang),
        region_figures.region_table(summary, lang=lang),
    )


def _height(figure) -> dict:
    # The graph is responsive: on a window resize plotly takes the container's height,
    # so the container must have the figure's (else it collapses to 0 and overlaps).
    return {"height": f"{figure.layout.height}px"}


@callback(
    Output(ids.DEALER_REGION, "value"),
    Input(ids.REGION_HEATMAP, "clickData"),
    Input(ids.REGION_CLEAR, "n_clicks"),
    prevent_initial_call=True,
)
def pick_region(click: ClickData | None, clear: Clicks) -> str:
    """A click on a heatmap cell picks its region; the clear button picks 전체."""
    if ctx.triggered_id == ids.REGION_CLEAR:
        if not clear:
            raise PreventUpdate
        return ANY
    points = (click or {}).get("points") or []
    picked = points[0].get("customdata") if points else None
    if not picked:
        raise PreventUpdate
    return str(picked)
