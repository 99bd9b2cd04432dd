"""Callbacks of the data page (thin adapters around analytics.warehouse_status) and of
the app shell every page shares: the language toggle and the static texts."""

from __future__ import annotations

import dash_bootstrap_components as dbc
import polars as pl
from dash import ALL, Input, Output, State, dash_table, html
from dash.exceptions import PreventUpdate

from app import figures, ids, services
from app.i18n import LANGUAGES, t
from app.i18n.data_quality import detail_text
from app.inputs import Clicks, DataVersionStore, Lang, TextId
from callbacks.registry import for_page

callback = for_page("data")


def _table(frame, lang: str, page_size: int = 15) -> dash_table.DataTable:
    if "detail" in frame.columns:  # written in English by the build: re-worded in Korean
        frame = frame.with_columns(
            pl.Series(
                "detail",
                [detail_text(c, d, lang) for c, d in frame.select("check_name", "detail").rows()],
                dtype=pl.Utf8,
            )
        )
    labels = {"severity": "severity", "check_name": "dq.check", "status": "load.status"}
    return dash_table.DataTable(
        data=figures.table_rows(frame, lang=lang, value_labels=labels),
        columns=figures.table_columns(frame, lang=lang),
        page_size=page_size,
        sort_action="native",
        filter_action="native",
        filter_options={"placeholder_text": t("data.filter", lang)},
        export_format="csv",
        **figures.TABLE_STYLE,
    )


@callback(
    Output(ids.DATA_SUMMARY, "children"),
    Output(ids.DATA_QUALITY_TABLE, "children"),
    Output(ids.DATA_LOAD_LOG_TABLE, "children"),
    Input(ids.LANG_STORE, "data"),
    Input(ids.DATA_VERSION, "data"),
)
def render_status(lang: Lang, _data_version: DataVersionStore | None = None):
    try:
        status = services.warehouse_status()
    except services.WarehouseMissing as exc:
        return dbc.Alert(t("input.unavailable", lang, detail=exc), color="warning"), None, None
    cards = dbc.Row(
        [
            dbc.Col(dbc.Card(dbc.CardBody([html.H6(t(key, lang)), html.H3(f"{value:,}")])))
            for key, value in [
                ("data.files", status.files),
                ("data.fact_rows", status.fact_rows),
                ("data.rejected", status.rejected_rows),
                ("data.warnings", status.warnings),
            ]
        ],
        className="g-3 mb-3",
    )
    header = html.H2(t("data.title", lang), className="mb-3")
    return (
        [header, cards],
        [html.H4(t("data.quality", lang)), _table(status.data_quality, lang)],
        [html.H4(t("data.load_log", lang), className="mt-4"), _table(status.load_log, lang)],
    )


@callback(
    Output(ids.LANG_STORE, "data"),
    Input(ids.LANG_TOGGLE, "n_clicks"),
    State(ids.LANG_STORE, "data"),
    prevent_initial_call=True,
)
def toggle_language(n_clicks: Clicks, current: str | None) -> str:
    if not n_clicks:
        raise PreventUpdate
    return "en" if (current or "ko") == "ko" else "ko"


@callback(Output(ids.LANG_TOGGLE, "children"), Input(ids.LANG_STORE, "data"))
def language_button_label(lang: Lang) -> str:
    return t("lang.toggle", lang)


@callback(
    Output({"type": ids.TEXT_TYPE, "key": ALL, "part": ALL}, "children"),
    Output(ids.SHELL, "lang"),
    Input(ids.LANG_STORE, "data"),
    State({"type": ids.TEXT_TYPE, "key": ALL, "part": ALL}, "id"),
)
def translate_texts(lang: Lang, text_ids: list[TextId]) -> tuple[list[str], str]:
    """Every static text on screen (navigation, headings, labels) in the chosen language."""
    lang = lang if lang in LANGUAGES else "ko"
    return [t(text_id["key"], lang) for text_id in text_ids], lang
