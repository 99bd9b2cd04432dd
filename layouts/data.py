"""The data page: what the warehouse holds and what the loader noticed."""

from __future__ import annotations

from dash import dcc, html

from app import ids


def layout(**_query: str) -> html.Div:
    return html.Div(
        [
            dcc.Loading(html.Div(id=ids.DATA_SUMMARY), type="default"),
            dcc.Loading(html.Div(id=ids.DATA_QUALITY_TABLE), type="default"),
            dcc.Loading(html.Div(id=ids.DATA_LOAD_LOG_TABLE), type="default"),
        ]
    )
