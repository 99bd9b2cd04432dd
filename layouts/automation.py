"""The automation page: reports, campaign e-mails, the e-mail log, schedules, uploads."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from analytics.sales import SOURCES
from analytics.segments.rfm import SEGMENTS
from app import ids
from app.i18n import label, t
from layouts.components import card, field, loading

_W = {"xs": 12, "sm": 6, "lg": 3}


def _select(control_id: str, options: list[dict], value: str) -> dcc.Dropdown:
    """A dropdown that has its options (Korean labels) from the start, so its value is
    never one without an option; the page's callback relabels them per language."""
    return dcc.Dropdown(id=control_id, clearable=False, options=options, value=value)


def _brands(*, with_all: bool) -> list[dict]:
    brands = ("all", "Hyundai", "Kia") if with_all else ("Hyundai", "Kia")
    return [{"label": t(f"brand.{b}"), "value": b} for b in brands]


def _report_card() -> dbc.Card:
    fields = [
        field(
            "auto.brand",
            _select(ids.AUTO_REPORT_BRAND, _brands(with_all=True), "all"),
            ids.AUTO_REPORT_BRAND,
            _W,
        ),
        field(
            "auto.market",
            dcc.Dropdown(id=ids.AUTO_REPORT_MARKET, clearable=True),
            ids.AUTO_REPORT_MARKET,
            _W,
        ),
        field(
            "gs.source",
            _select(
                ids.AUTO_REPORT_SOURCE,
                [{"label": t(f"source.{s}"), "value": s} for s in SOURCES],
                "customers",
            ),
            ids.AUTO_REPORT_SOURCE,
            _W,
        ),
        field(
            "auto.formats",
            # native check boxes with their labels (dcc.Checklist renders a listbox whose
            # options hold check boxes: nested interactive controls without a name)
            dbc.Checklist(
                id=ids.AUTO_REPORT_FORMATS,
                options=[{"label": f.upper(), "value": f} for f in ("html", "pdf", "xlsx")],
                value=["pdf", "xlsx"],
                inline=True,
            ),
            ids.AUTO_REPORT_FORMATS,
            _W,
        ),
        field(
            "auto.period_from",
            dbc.Input(id=ids.AUTO_REPORT_FROM, maxLength=7),
            ids.AUTO_REPORT_FROM,
            _W,
        ),
        field(
            "auto.period_to",
            dbc.Input(id=ids.AUTO_REPORT_TO, maxLength=7),
            ids.AUTO_REPORT_TO,
            _W,
        ),
    ]
    return card(
        "auto.report.title",
        [
            dbc.Row(fields, className="g-3"),
            dbc.Button(label("auto.report.build"), id=ids.AUTO_REPORT_BUILD, color="primary"),
            loading(html.Div(id=ids.AUTO_REPORT_STATUS, className="mt-2")),
            dcc.Download(id=ids.AUTO_REPORT_DOWNLOAD_HTML),
            dcc.Download(id=ids.AUTO_REPORT_DOWNLOAD_PDF),
            dcc.Download(id=ids.AUTO_REPORT_DOWNLOAD_XLSX),
        ],
        hint_key="auto.report.hint",
    )


def _campaign_card() -> dbc.Card:
    fields = [
        field(
            "auto.campaign.brand",
            _select(ids.AUTO_CAMPAIGN_BRAND, _brands(with_all=False), "Hyundai"),
            ids.AUTO_CAMPAIGN_BRAND,
            _W,
        ),
        field(
            "auto.campaign.target",
            dbc.RadioItems(id=ids.AUTO_CAMPAIGN_TARGET, value="segment", inline=True),
            ids.AUTO_CAMPAIGN_TARGET,
            _W,
        ),
        field(
            "auto.campaign.segment",
            _select(
                ids.AUTO_CAMPAIGN_SEGMENT,
                [{"label": t(f"segment.{s}"), "value": s} for s in SEGMENTS],
                "VIP",
            ),
            ids.AUTO_CAMPAIGN_SEGMENT,
            _W,
        ),
        field(
            "auto.campaign.cluster",
            dcc.Dropdown(id=ids.AUTO_CAMPAIGN_CLUSTER, clearable=False),
            ids.AUTO_CAMPAIGN_CLUSTER,
            _W,
        ),
        field(
            "auto.campaign.market",
            dcc.Dropdown(id=ids.AUTO_CAMPAIGN_MARKET, clearable=True),
            ids.AUTO_CAMPAIGN_MARKET,
            _W,
        ),
        field(
            "auto.campaign.offer",
            dbc.Input(id=ids.AUTO_CAMPAIGN_OFFER, maxLength=200),
            ids.AUTO_CAMPAIGN_OFFER,
            {"xs": 12, "lg": 6},
        ),
        field(
            "auto.campaign.mode",
            dbc.Checklist(
                id=ids.AUTO_CAMPAIGN_DRY_RUN,
                # the switch's own label repeats the field's, for screen readers
                options=[
                    {
                        "label": html.Span(
                            label("auto.campaign.mode", "switch"), className="visually-hidden"
                        ),
                        "value": "dry",
                    }
                ],
                value=["dry"],
                switch=True,
            ),
            ids.AUTO_CAMPAIGN_DRY_RUN,
            _W,
        ),
    ]
    return card(
        "auto.campaign.title",
        [
            dbc.Row(fields, className="g-3"),
            html.Div(
                [
                    dbc.Button(
                        label("auto.campaign.preview"),
                        id=ids.AUTO_CAMPAIGN_PREVIEW,
                        color="secondary",
                        className="me-2",
                    ),
                    dbc.Button(
                        label("auto.campaign.send"),
                        id=ids.AUTO_CAMPAIGN_SEND,
                        color="danger",
                        disabled=True,
                    ),
                ],
                className="mb-2",
            ),
            dcc.Store(id=ids.AUTO_CAMPAIGN_PREVIEWED),
            loading(html.Div(id=ids.AUTO_CAMPAIGN_SUMMARY)),
            loading(html.Div(id=ids.AUTO_CAMPAIGN_RESULT, className="mt-2")),
        ],
        hint_key="auto.campaign.hint",
    )


def _upload_card() -> dbc.Card:
    return card(
        "auto.upload.title",
        [
            dcc.Upload(
                id=ids.AUTO_UPLOAD,
                children=html.Div(t("auto.upload.drop")),  # follows the language: callbacks
                multiple=True,
                accept=".csv,.xlsx",
                className="cs-upload border border-2 rounded p-4 text-center text-muted",
            ),
            loading(html.Div(id=ids.AUTO_UPLOAD_RESULT, className="mt-3")),
        ],
        hint_key="auto.upload.hint",
    )


def layout(**_query: str) -> html.Div:
    return html.Div(
        [
            html.H1(label("auto.title"), className="h3 mb-3"),
            _report_card(),
            _campaign_card(),
            card(
                "auto.log.title",
                [
                    dbc.Button(
                        label("auto.log.refresh"),
                        id=ids.AUTO_MAIL_LOG_REFRESH,
                        size="sm",
                        color="light",
                        className="mb-2",
                    ),
                    loading(html.Div(id=ids.AUTO_MAIL_LOG)),
                ],
                hint_key="auto.log.hint",
            ),
            card(
                "auto.schedules.title",
                [loading(html.Div(id=ids.AUTO_SCHEDULES))],
                hint_key="auto.schedules.hint",
            ),  # fmt: skip
            _upload_card(),
        ]
    )


def unsubscribe(token: str | None = None, **_query: str) -> html.Div:
    """The page an unsubscribe link opens: one button confirms (a link scanner that
    merely opens the page unsubscribes no one)."""
    return html.Div(
        dbc.Card(
            dbc.CardBody(
                [
                    html.H1(label("unsub.title"), className="h4"),
                    html.P(label("unsub.body")),
                    dcc.Store(id=ids.UNSUB_TOKEN, data=(token or "")[:100]),
                    dbc.Button(label("unsub.confirm"), id=ids.UNSUB_CONFIRM, color="primary"),
                    html.Div(id=ids.UNSUB_RESULT, className="mt-3"),
                ]
            ),
            className="shadow-sm",
        )
    )
