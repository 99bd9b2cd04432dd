"""Callbacks of the automation page: thin adapters around `app.automation`, the
report builder and the campaign e-mails. Each action runs as the signed-in user
(`services.actor()`), whose role and brand scope `app.automation` checks."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import Input, Output, State, dcc, html, no_update
from dash.exceptions import PreventUpdate

from analytics.report.content import ReportSpec
from analytics.sales import SOURCES, InvalidFilter
from app import automation, ids, services
from app.actor import ScopeRefused
from app.figures import data_table
from app.i18n import market_label, t
from app.inputs import CampaignForm, Clicks, DataVersionStore, Lang, PredictSpec, Text, Texts
from app.mail import campaign
from app.mail.message import HeaderRefused
from app.report.charts import ChartError
from app.report.pdf import PdfError
from callbacks.registry import for_page

callback = for_page("automation")
settings, warehouse = services.settings, services.warehouse

MIME = {"html": "text/html", "pdf": "application/pdf", "xlsx": "application/vnd.ms-excel"}


def _lang(lang: str | None) -> str:
    return lang if lang in ("ko", "en") else "ko"


@callback(
    Output(ids.AUTO_REPORT_BRAND, "options"),
    Output(ids.AUTO_REPORT_MARKET, "options"),
    Output(ids.AUTO_REPORT_SOURCE, "options"),
    Output(ids.AUTO_CAMPAIGN_BRAND, "options"),
    Output(ids.AUTO_CAMPAIGN_TARGET, "options"),
    Output(ids.AUTO_CAMPAIGN_MARKET, "options"),
    Output(ids.AUTO_REPORT_MARKET, "placeholder"),
    Output(ids.AUTO_CAMPAIGN_MARKET, "placeholder"),
    Output(ids.AUTO_UPLOAD, "children"),
    Input(ids.LANG_STORE, "data"),
)
def choices(lang: Lang):
    lang = _lang(lang)
    markets = [{"label": market_label(m, lang), "value": m} for m in automation.MARKETS]
    brands = [{"label": t(f"brand.{b}", lang), "value": b} for b in ("Hyundai", "Kia")]
    return (
        [{"label": t("brand.all", lang), "value": "all"}, *brands],
        markets,
        [{"label": t(f"source.{s}", lang), "value": s} for s in SOURCES],
        brands,
        [
            {"label": t(f"auto.campaign.target.{k}", lang), "value": k}
            for k in ("segment", "cluster")
        ],
        markets,
        t("gs.any", lang),
        t("gs.any", lang),
        html.Div(t("auto.upload.drop", lang)),
    )


@callback(
    Output(ids.AUTO_CAMPAIGN_SEGMENT, "options"),
    Output(ids.AUTO_CAMPAIGN_SEGMENT, "value"),
    Input(ids.AUTO_CAMPAIGN_BRAND, "value"),
    Input(ids.LANG_STORE, "data"),
    Input(ids.DATA_VERSION, "data"),
    State(ids.AUTO_CAMPAIGN_SEGMENT, "value"),
)
def segments(brand: Text, lang: Lang, _version: DataVersionStore | None, current: Text):
    """The brand's trained segments (names as trained), with their customer counts."""
    lang = _lang(lang)
    try:
        found = automation.segments(warehouse(), brand=str(brand or "Hyundai"))
    except (*services.Unavailable, ScopeRefused):
        found = None
    counts = dict(found.iter_rows()) if found is not None else {}
    names = list(counts) or list(campaign.SEGMENTS)  # not trained yet: the named segments
    options = [
        {
            "label": _segment_label(name, lang)
            + (f" ({counts[name]:,})" if name in counts else ""),
            "value": name,
        }
        for name in names
    ]
    return options, current if current in names else names[0]


def _segment_label(name: str, lang: str) -> str:
    label = t(f"segment.{name}", lang)
    return name if label == f"segment.{name}" else label


@callback(
    Output(ids.AUTO_CAMPAIGN_CLUSTER, "options"),
    Output(ids.AUTO_CAMPAIGN_CLUSTER, "value"),
    Output(ids.AUTO_CAMPAIGN_CLUSTER, "placeholder"),
    Input(ids.AUTO_CAMPAIGN_BRAND, "value"),
    Input(ids.LANG_STORE, "data"),
    Input(ids.DATA_VERSION, "data"),
    State(ids.AUTO_CAMPAIGN_CLUSTER, "value"),
)
def customer_types(brand: Text, lang: Lang, _version: DataVersionStore | None, current: int | None):
    """The brand's trained customer types, named by their persona."""
    lang = _lang(lang)
    try:
        types = automation.customer_types(
            settings(), warehouse(), brand=str(brand or "Hyundai"), lang=lang
        )
    except (*services.Unavailable, ScopeRefused):
        types = None
    if types is None or types.is_empty():
        return [], None, t("auto.campaign.no_types", lang)
    options = [
        {
            "label": t("auto.campaign.cluster_n", lang, n=r["cluster"])
            + (f" · {r['persona']}" if r["persona"] else "")
            + f" ({r['customers']:,})",
            "value": r["cluster"],
        }
        for r in types.to_dicts()
    ]
    values = [o["value"] for o in options]
    return options, current if current in values else values[0], ""


@callback(
    Output(ids.AUTO_REPORT_STATUS, "children"),
    Output(ids.AUTO_REPORT_DOWNLOAD_HTML, "data"),
    Output(ids.AUTO_REPORT_DOWNLOAD_PDF, "data"),
    Output(ids.AUTO_REPORT_DOWNLOAD_XLSX, "data"),
    Input(ids.AUTO_REPORT_BUILD, "n_clicks"),
    State(ids.AUTO_REPORT_BRAND, "value"),
    State(ids.AUTO_REPORT_MARKET, "value"),
    State(ids.AUTO_REPORT_SOURCE, "value"),
    State(ids.AUTO_REPORT_FROM, "value"),
    State(ids.AUTO_REPORT_TO, "value"),
    State(ids.AUTO_REPORT_FORMATS, "value"),
    State(ids.LANG_STORE, "data"),
    prevent_initial_call=True,
)
def build_report(
    n_clicks: Clicks,
    brand: Text,
    market: Text,
    source: Text,
    period_from: Text,
    period_to: Text,
    formats: Texts,
    lang: Lang,
):
    """Build the report as on the command line and hand each format to the browser."""
    if not n_clicks:
        raise PreventUpdate
    lang = _lang(lang)
    chosen = tuple(f for f in ("html", "pdf", "xlsx") if f in (formats or []))
    if not chosen:
        return dbc.Alert(t("auto.report.no_format", lang), color="warning"), *([no_update] * 3)
    spec = ReportSpec(
        brand=str(brand or "all"),
        market=market or None,
        period_from=(period_from or "").strip() or None,
        period_to=(period_to or "").strip() or None,
        source=str(source or "customers"),
    )
    try:
        files, blobs = automation.report_files(
            settings(), warehouse(), spec=spec, formats=chosen, lang=lang, actor=services.actor()
        )
    except (InvalidFilter, ScopeRefused, ChartError, PdfError) as exc:
        return dbc.Alert(f"{t('auto.report.failed', lang)} {exc}", color="warning"), *(
            [no_update] * 3
        )
    downloads = [
        dcc.send_bytes(blobs[f], files.paths[f].name, type=MIME[f]) if f in blobs else no_update
        for f in ("html", "pdf", "xlsx")
    ]
    done = dbc.Alert(
        t("auto.report.done", lang, seconds=files.seconds["total"], files=len(blobs)),
        color="success",
    )
    return done, *downloads


_FORM_IDS = {
    "brand": ids.AUTO_CAMPAIGN_BRAND,
    "target": ids.AUTO_CAMPAIGN_TARGET,
    "segment": ids.AUTO_CAMPAIGN_SEGMENT,
    "cluster": ids.AUTO_CAMPAIGN_CLUSTER,
    "market": ids.AUTO_CAMPAIGN_MARKET,
    "offer": ids.AUTO_CAMPAIGN_OFFER,
}


def _form(dependency: type[Input] | type[State]) -> dict:
    """The campaign form's controls as a dict of Inputs or States (one CampaignForm)."""
    return {name: dependency(control, "value") for name, control in _FORM_IDS.items()}


def _campaign_spec(form: CampaignForm) -> campaign.CampaignSpec:
    target, cluster = form.get("target"), form.get("cluster")
    return campaign.CampaignSpec(
        brand=str(form.get("brand") or ""),
        segment=form.get("segment") if target == "segment" else None,
        cluster=int(cluster) if target == "cluster" and cluster is not None else None,
        market=form.get("market") or None,
        offer=(form.get("offer") or "").strip() or None,
    )


def _key(form: CampaignForm) -> list:
    """What the preview on screen was made from: the campaign the form asks for (a
    control the campaign does not use, e.g. the type while a segment is chosen, may
    change without making the preview stale)."""
    spec = _campaign_spec(form)
    return [spec.brand, spec.segment, spec.cluster, spec.market, spec.offer]


@callback(
    output={
        "summary": Output(ids.AUTO_CAMPAIGN_SUMMARY, "children"),
        "previewed": Output(ids.AUTO_CAMPAIGN_PREVIEWED, "data"),
    },
    inputs={
        "n_clicks": Input(ids.AUTO_CAMPAIGN_PREVIEW, "n_clicks"),
        "form": _form(State),
        "lang": State(ids.LANG_STORE, "data"),
    },
    prevent_initial_call=True,
)
def preview_campaign(n_clicks: Clicks, form: CampaignForm, lang: Lang) -> dict:
    """The recipient count and the first recipient's message, before anything is sent."""
    if not n_clicks:
        raise PreventUpdate
    lang = _lang(lang)
    s = settings()
    try:
        shown = campaign.preview(
            warehouse=warehouse(),
            ops_db=s.ops_db,
            artifacts_dir=s.artifacts_dir,
            spec=_campaign_spec(form),
            actor=services.actor(),
        )
    except (campaign.CampaignRefused, ScopeRefused, HeaderRefused) as exc:
        return {"summary": dbc.Alert(str(exc), color="warning"), "previewed": None}
    summary = [
        html.P(
            t("auto.campaign.count", lang, count=shown.count, opted_out=shown.opted_out),
            className="fw-semibold",
        )
    ]
    if shown.sample is not None:
        summary += [
            html.P([html.Strong(t("auto.campaign.subject", lang)), " ", shown.sample.subject]),
            html.Iframe(
                srcDoc=shown.sample.html,
                sandbox="",
                title=t("auto.campaign.sample", lang),
                style={"width": "100%", "height": "420px", "border": "1px solid #dee2e6"},
            ),
        ]
    return {"summary": summary, "previewed": _key(form)}


@callback(
    output=Output(ids.AUTO_CAMPAIGN_SEND, "disabled"),
    inputs={"previewed": Input(ids.AUTO_CAMPAIGN_PREVIEWED, "data"), "form": _form(Input)},
)
def send_allowed(previewed: list | None, form: CampaignForm) -> bool:
    """Sending is possible only for exactly the campaign whose preview is on screen."""
    return previewed != _key(form)


@callback(
    output=Output(ids.AUTO_CAMPAIGN_RESULT, "children"),
    inputs={
        "n_clicks": Input(ids.AUTO_CAMPAIGN_SEND, "n_clicks"),
        "form": _form(State),
        "dry_run": State(ids.AUTO_CAMPAIGN_DRY_RUN, "value"),
        "lang": State(ids.LANG_STORE, "data"),
    },
    prevent_initial_call=True,
)
def send_campaign(n_clicks: Clicks, form: CampaignForm, dry_run: Texts, lang: Lang):
    """Queue the previewed campaign and deliver it (dry run: .eml files)."""
    if not n_clicks:
        raise PreventUpdate
    lang = _lang(lang)
    try:
        done = automation.send_campaign(
            settings(),
            warehouse(),
            spec=_campaign_spec(form),
            dry_run="dry" in (dry_run or []),
            actor=services.actor(),
        )
    except (campaign.CampaignRefused, ScopeRefused, HeaderRefused) as exc:
        return dbc.Alert(str(exc), color="warning")
    except automation.MailConfigError as exc:
        return dbc.Alert(str(exc), color="danger")
    return dbc.Alert(t("auto.campaign.sent", lang, **done), color="success")


@callback(
    Output(ids.AUTO_MAIL_LOG, "children"),
    Input(ids.AUTO_MAIL_LOG_REFRESH, "n_clicks"),
    Input(ids.AUTO_CAMPAIGN_RESULT, "children"),
    Input(ids.LANG_STORE, "data"),
)
def mail_log(_clicks: Clicks, _sent: object, lang: Lang):
    frame = automation.email_log(settings(), actor=services.actor())
    return data_table(
        frame,
        lang=_lang(lang),
        page_size=10,
        value_labels={"outcome": "mail.outcome", "mail_kind": "mail.kind"},
    )


@callback(
    Output(ids.AUTO_SCHEDULES, "children"),
    Input(ids.LANG_STORE, "data"),
    Input(ids.DATA_VERSION, "data"),
)
def schedules(lang: Lang, _version: DataVersionStore | None):
    lang = _lang(lang)
    table = automation.schedules(settings(), actor=services.actor())
    if isinstance(table, str):
        return html.P(
            [t("auto.schedules.none", lang), " ", html.Code(table)], className="text-muted"
        )
    return data_table(
        table, lang=lang, page_size=10, value_labels={"kind": "job", "last_status": "job"}
    )


@callback(
    Output(ids.AUTO_UPLOAD_RESULT, "children"),
    Input(ids.AUTO_UPLOAD, "contents"),
    State(ids.AUTO_UPLOAD, "filename"),
    State(ids.LANG_STORE, "data"),
    prevent_initial_call=True,
)
def upload(contents: list[str] | str | None, names: list[str] | str | None, lang: Lang):
    """Each uploaded file through the ingest path; per file what happened."""
    if not contents:
        raise PreventUpdate
    lang = _lang(lang)
    contents = contents if isinstance(contents, list) else [contents]
    names = names if isinstance(names, list) else [names]
    try:
        results = automation.ingest_uploads(
            settings(), list(zip(names, contents, strict=False)), actor=services.actor()
        )
    except ScopeRefused as exc:
        return dbc.Alert(str(exc), color="warning")
    return [_file_card(r, lang) for r in results]


def _file_card(result, lang: str) -> dbc.Card:
    colour = {"loaded": "success", "duplicate": "secondary"}.get(result.status, "danger")
    lines = [
        html.H3(
            [
                result.name,
                " ",
                dbc.Badge(t(f"auto.upload.status.{result.status}", lang), color=colour),
            ],
            className="h6",
        ),  # fmt: skip
    ]
    if result.message:
        lines.append(html.P(result.message, className="mb-1"))
    if result.format:
        lines.append(
            html.P(
                t(
                    "auto.upload.summary",
                    lang,
                    format=result.format,
                    read=result.rows_read,
                    loaded=result.rows_loaded,
                    rejected=result.rows_rejected,
                ),
                className="mb-1",
            )
        )
    if result.rejects:
        lines.append(
            html.Ul(
                [
                    html.Li(
                        t(
                            "auto.upload.reject",
                            lang,
                            line=r["line"],
                            column=r["column"] or "-",
                            reason=r["reason"],
                        )  # fmt: skip
                    )
                    for r in result.rejects
                ],
                className="small mb-0",
            )
        )
    return dbc.Card(dbc.CardBody(lines), className="mb-2")


@for_page("unsubscribe")(
    Output(ids.UNSUB_RESULT, "children"),
    Input(ids.UNSUB_CONFIRM, "n_clicks"),
    State(ids.UNSUB_TOKEN, "data"),
    State(ids.LANG_STORE, "data"),
    prevent_initial_call=True,
)
def unsubscribe(n_clicks: Clicks, token: Text, lang: Lang):
    if not n_clicks:
        raise PreventUpdate
    lang = _lang(lang)
    email = automation.unsubscribe(settings(), str(token or ""))
    if email is None:
        return dbc.Alert(t("unsub.unknown", lang), color="warning")
    return dbc.Alert(t("unsub.done", lang), color="success")


# --- the prediction page's result e-mail ("결과 발송") ------------------------------------


@for_page("predict")(
    Output(ids.PREDICT_RESULT_MAIL_RESULT, "children"),
    Input(ids.PREDICT_RESULT_MAIL, "n_clicks"),
    State(ids.PREDICT_INPUT, "data"),
    State(ids.PREDICT_REG_USER_ID, "value"),
    State(ids.LANG_STORE, "data"),
    prevent_initial_call=True,
)
def send_result(n_clicks: Clicks, spec: PredictSpec | None, user_id: Text, lang: Lang):
    """E-mail the registered customer their recommended cars, reasons and prices."""
    from analytics.artifacts import ArtifactError
    from analytics.predict.inputs import InputError
    from app.mail.result_mail import NotRegistered, queue_result
    from callbacks.predict import predict_spec

    if not n_clicks:
        raise PreventUpdate
    lang = _lang(lang)
    if not spec or not user_id:
        return dbc.Alert(t("predict.mail.register_first", lang), color="warning")
    try:
        _pred, inp, prediction = predict_spec(spec)
        queued, recipient = queue_result(
            settings(), brand=inp.brand, user_id=str(user_id).strip(), prediction=prediction
        )
        done = automation.deliver_now(settings())
    except NotRegistered:
        return dbc.Alert(t("predict.mail.register_first", lang), color="warning")
    except (ArtifactError, InputError, ScopeRefused, HeaderRefused) as exc:
        return dbc.Alert(str(exc), color="warning")
    except automation.MailConfigError as exc:
        return dbc.Alert(f"{t('predict.mail.no_server', lang)} ({exc})", color="danger")
    if not queued:
        return dbc.Alert(t("predict.mail.already", lang, email=recipient), color="secondary")
    if done["failed"]:
        return dbc.Alert(t("predict.mail.failed", lang, email=recipient), color="danger")
    return dbc.Alert(t("predict.mail.sent", lang, email=recipient), color="success")
