"""Callbacks of the source-data page: thin adapters around analytics.explorer.sources.

The grid reads its rows from the server a page at a time (ag-grid's infinite row model:
the grid asks for rows start..end with its sort and filter model; the answer is one
bounded query). A new file or period is a new grid (a new id), so no page of the
previous view is ever shown for the new one. The CSV download holds the rows under the
grid's last sort and filter, formula-like text escaped (warehouse.export, one rule).
"""

from __future__ import annotations

import hashlib

import polars as pl
from dash import ALL, MATCH, Input, Output, State, dcc, html
from dash.exceptions import PreventUpdate

from analytics.explorer import sources
from app import ids, services
from app.figures import explorer as fig
from app.i18n import CATALOGUE, t
from app.i18n.data_quality import detail_text
from app.i18n.explorer import sources_sentences
from app.inputs import (
    Clicks,
    DataVersionStore,
    ExplorerControls,
    ExplorerSpec,
    GridRequest,
    Lang,
    ProblemRecord,
)
from callbacks import explorer as shared
from callbacks.registry import for_page, refuse

PAGE = "sources"
callback = for_page("explorer_sources")
LOG_FIELDS = (
    "format", "brand", "status", "encoding", "rows_read", "rows_loaded", "rows_rejected",
    "fact_rows", "loaded_at", "seconds", "year", "warnings", "notes",
)  # fmt: skip


def _id(role: str) -> dict[str, str]:
    return ids.explorer(PAGE, role)


def _file(spec: ExplorerSpec | None) -> tuple[str, dict]:
    """The spec's file and its load-log entry; no update without one."""
    state = shared.state_of(spec)
    files = services.explorer_frame("files")
    entry = next((r for r in files.to_dicts() if r["source_file"] == state.focus), None)
    if entry is None:
        raise PreventUpdate
    return str(state.focus), entry


@callback(
    output=shared.choice_outputs(PAGE),
    inputs={"brand": Input(_id(ids.EXP_BRAND), "value"), "lang": Input(ids.LANG_STORE, "data")},
)
def sources_choices(brand: str | None, lang: Lang) -> dict:
    """The brand labels, the months the sales files report and the brand's files."""
    options, _ = shared.choices(PAGE, brand, lang)
    return options


@callback(output=shared.resolve_outputs(PAGE), inputs=shared.resolve_inputs(PAGE))
def resolve_sources(
    controls: ExplorerControls,
    url_problems: list[ProblemRecord] | None,
    lang: Lang,
    data_version: DataVersionStore | None = None,
) -> dict:
    """Controls -> spec, URL, corrected values (see callbacks.explorer.resolve)."""
    return shared.resolve(PAGE, dict(controls), url_problems, lang, dict(data_version or {}))


@callback(Output(_id(ids.EXP_INSIGHTS), "children"), *shared.spec_inputs(PAGE))
def sources_insights(spec: ExplorerSpec | None, lang: Lang):
    """The file's rows read, loaded and rejected, and its findings, in one sentence."""
    _name, entry = _file(spec)
    return shared.sentences(sources_sentences(entry, lang), lang)


@callback(Output(_id(ids.EXP_FILES_TABLE), "children"), *shared.spec_inputs(PAGE))
def sources_files(spec: ExplorerSpec | None, lang: Lang):
    """Every loaded file of the brand with its load log and the count of findings."""
    state = shared.state_of(spec)
    files = sources.files_of(services.explorer_frame("files"), brand=state.brand)
    return fig.table(
        files,
        lang=lang,
        value_labels={
            "kind": lambda k: t(f"kind.{k}", lang),
            "status": lambda s: t(f"load.status.{s}", lang),
        },
        page_size=12,
    )


def _quality_table(quality: pl.DataFrame, lang: str):
    """The file's data-quality findings: check names and details in the page's language
    (the build writes details in English; app.i18n.data_quality re-words them)."""

    def check(name: str) -> str:
        key = f"dq.check.{name}"
        return t(key, lang) if key in CATALOGUE else name

    pairs = quality.select("check_name", "detail").rows()
    worded = [detail_text(name, detail, lang) for name, detail in pairs]
    return fig.table(
        quality.with_columns(pl.Series("detail", worded, dtype=pl.Utf8)),
        lang=lang,
        value_labels={"severity": lambda s: t(f"severity.{s}", lang), "check_name": check},
    )


@callback(
    Output(_id(ids.EXP_FILE_LOG), "children"),
    Output(_id(ids.EXP_FILE_QUALITY), "children"),
    Output(_id(ids.EXP_REJECTS_TABLE), "children"),
    *shared.spec_inputs(PAGE),
)
def sources_file(spec: ExplorerSpec | None, lang: Lang):
    """The chosen file's load-log entry, its data-quality notes and its rejected rows."""
    name, entry = _file(spec)
    quality, rejects = services.explorer_file_quality(name)
    return (
        [html.P(html.Code(name), className="small mb-2"), fig.key_values(
            {k: entry[k] for k in LOG_FIELDS}
            | {"status": t(f"load.status.{entry['status']}", lang)}, lang
        )],
        _quality_table(quality, lang)
        if quality.height
        else html.P(t("exp.sources.no_quality", lang), className="text-muted small"),
        fig.table(rejects, lang=lang)
        if rejects.height
        else html.P(t("exp.sources.no_rejects", lang), className="text-muted small"),
    )  # fmt: skip


@callback(Output(_id(ids.EXP_GRID_BOX), "children"), *shared.spec_inputs(PAGE))
def sources_grid(spec: ExplorerSpec | None, lang: Lang):
    """A grid for the file, its kind's columns and the period (a new view, a new grid)."""
    state = shared.state_of(spec)
    name, entry = _file(spec)
    view = "|".join(
        [name, str(state.period_from), str(state.period_to), lang, str(spec.get("data_version"))]
    )
    key = hashlib.sha256(view.encode()).hexdigest()[:16]
    return [fig.source_grid(key, fig.grid_columns(sources.columns(entry["kind"]), lang))]


@callback(
    Output(ids.explorer_grid(MATCH), "getRowsResponse"),
    Input(ids.explorer_grid(MATCH), "getRowsRequest"),
    State(_id(ids.EXP_SPEC), "data"),
    State(ids.LANG_STORE, "data"),
)
def sources_rows(request: GridRequest | None, spec: ExplorerSpec | None, lang: Lang):
    """Rows start..end of the file under the grid's sort, filter and the period."""
    if not request:
        raise PreventUpdate
    state = shared.state_of(spec)
    name, entry = _file(spec)
    try:
        rows, count = services.explorer_rows(
            file=name,
            kind=entry["kind"],
            start=request.get("startRow", 0),
            end=request.get("endRow", 100),
            sort=list(request.get("sortModel") or []),
            filters=dict(request.get("filterModel") or {}),
            period=(state.period_from, state.period_to),
        )
    except sources.GridRequestRefused as exc:
        return refuse(t("exp.sources.refused", lang, detail=exc))
    return {"rowData": fig.grid_rows(rows), "rowCount": count}


@callback(
    Output(_id(ids.EXP_DOWNLOAD), "data"),
    Output(_id(ids.EXP_DOWNLOAD_NOTE), "children"),
    Input(_id(ids.EXP_DOWNLOAD_BUTTON), "n_clicks"),
    State(ids.explorer_grid(ALL), "getRowsRequest"),
    State(_id(ids.EXP_SPEC), "data"),
    State(ids.LANG_STORE, "data"),
    prevent_initial_call=True,
)
def sources_download(
    n_clicks: Clicks,
    requests: list[GridRequest | None] | None,
    spec: ExplorerSpec | None,
    lang: Lang,
):
    """The file's rows under the grid's last sort and filter and the period as CSV."""
    if not n_clicks:
        raise PreventUpdate
    state = shared.state_of(spec)
    name, entry = _file(spec)
    last = next((r for r in requests or [] if r), None) or {}
    try:
        rows, count = services.explorer_download(
            file=name,
            kind=entry["kind"],
            sort=list(last.get("sortModel") or []),
            filters=dict(last.get("filterModel") or {}),
            period=(state.period_from, state.period_to),
        )
    except sources.GridRequestRefused as exc:
        return refuse(t("exp.sources.refused", lang, detail=exc)), None
    note = None
    if count > rows.height:
        note = html.P(
            t("exp.sources.capped", lang, limit=rows.height, rows=count),
            className="small text-muted",
        )
    filename = "carsight-" + name.replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0] + ".csv"
    return dcc.send_string(services.csv_text(rows), filename, type="text/csv"), note
