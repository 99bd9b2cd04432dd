"""Market explorer, source data (/explorer/sources): every loaded file, its load-log entry
and data-quality notes, and its rows as loaded in a paginated, sortable, filterable grid
(dash-ag-grid, rows read a page at a time) with a CSV download. Filled by
`callbacks.explorer_sources`."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from app import ids
from app.figures.explorer import source_grid
from app.i18n import label
from layouts.components import card, loading
from layouts.explorer import page_frame, start

PAGE = "sources"


def layout(**query: str) -> html.Div:
    state, problems = start(PAGE, query)
    body = [
        card(
            "exp.sources.files",
            [loading(html.Div(id=ids.explorer(PAGE, ids.EXP_FILES_TABLE)))],
        ),
        card(
            "exp.sources.log",
            [
                loading(html.Div(id=ids.explorer(PAGE, ids.EXP_FILE_LOG))),
                html.H3(label("exp.sources.quality"), className="h6 mt-3"),
                loading(html.Div(id=ids.explorer(PAGE, ids.EXP_FILE_QUALITY))),
                html.H3(label("exp.sources.rejected"), className="h6 mt-3"),
                loading(html.Div(id=ids.explorer(PAGE, ids.EXP_REJECTS_TABLE))),
            ],
        ),
        card(
            "exp.sources.rows",
            [
                dbc.Button(
                    label("exp.sources.download"),
                    id=ids.explorer(PAGE, ids.EXP_DOWNLOAD_BUTTON),
                    color="secondary",
                    outline=True,
                    size="sm",
                    className="mb-2",
                ),
                dcc.Download(id=ids.explorer(PAGE, ids.EXP_DOWNLOAD)),
                html.Div(id=ids.explorer(PAGE, ids.EXP_DOWNLOAD_NOTE), role="status"),
                # the grid of the file shown: replaced (a new id) when the view changes
                html.Div([source_grid("", [])], id=ids.explorer(PAGE, ids.EXP_GRID_BOX)),
            ],
            hint_key="exp.sources.rows_hint",
        ),
    ]
    return page_frame(state, problems, body)
