"""Layout pieces shared by the pages: cards, labelled fields, graphs, the filter card."""

from __future__ import annotations

import json

import dash_bootstrap_components as dbc
from dash import dcc, html

from app.i18n import label

GRAPH_CONFIG = {"displayModeBar": False, "responsive": True}


def dom_id(component_id: str | dict) -> str:
    """The id attribute Dash renders: dict IDs become JSON with sorted keys."""
    if isinstance(component_id, dict):
        return json.dumps(component_id, sort_keys=True, separators=(",", ":"))
    return component_id


def field(key: str, control, control_id: str | dict, width: dict) -> dbc.Col:
    return dbc.Col(
        [
            dbc.Label(
                label(key), html_for=dom_id(control_id), className="form-label small fw-semibold"
            ),
            *(control if isinstance(control, list) else [control]),
        ],
        **width,
        className="mb-2",
    )


def card(title_key: str, body: list, hint_key: str | None = None) -> dbc.Card:
    header = [html.H2(label(title_key), className="h5 mb-0")]
    if hint_key:
        header.append(html.P(label(hint_key), className="small text-muted mb-0 mt-1"))
    return dbc.Card([dbc.CardHeader(header), dbc.CardBody(body)], className="mb-3 shadow-sm")


def loading(child) -> dcc.Loading:
    return dcc.Loading(child, type="default", delay_show=150)


def figure(child, label_key: str, part: str) -> html.Div:
    """A chart's container for screen readers: role=figure (a chart holds focusable
    parts, which role=img forbids) named by a hidden text that follows the language
    toggle; the table below each chart is its data."""
    name = label(label_key, part)
    return html.Div(
        [html.Span(name, className="visually-hidden"), child],
        role="figure",
        **{"aria-labelledby": dom_id(name.id)},
    )


def graph(graph_id: str, label_key: str) -> html.Div:
    return figure(
        loading(dcc.Graph(id=graph_id, config=GRAPH_CONFIG, className="cs-graph")),
        label_key,
        graph_id,
    )


def filter_card(fields: list, *, hint_key: str, hint_xl: int) -> dbc.Card:
    """The filter controls of a page, with the 'state is in the URL' hint last."""
    hint = dbc.Col(
        html.P(label(hint_key), className="small text-muted mb-0"),
        xs=12,
        xl=hint_xl,
        className="d-flex align-items-end mb-2",
    )
    return dbc.Card(
        dbc.CardBody(dbc.Row([*fields, hint], className="g-3")),
        className="mb-3 shadow-sm cs-filters",
    )
