"""Views of the customer-prediction page: pure functions from a prediction, a warehouse
customer row or a model card to Dash components, in the page's language (no I/O; the
callbacks in callbacks/predict.py fetch, validate and call these)."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from analytics.predict.recommend_vehicles import BUDGET_BAND, TOP_N
from app.i18n import market_label, t
from app.i18n.dealer import segment_label
from app.i18n.predict import class_label, powertrain_text, render_reason, tier_label

# --- returning customers -------------------------------------------------------------------


def customer_card(row: dict, personas: dict[int, str], lang: str) -> dbc.Card:
    """One customer from the warehouse: actual segment, type and purchase history."""
    if row.get("segment") is None:
        facts = [html.P(t("predict.ui.lookup.not_trained", lang), className="small mb-1")]
    else:
        cluster = row.get("cluster")
        persona = personas.get(int(cluster)) if cluster is not None else None
        facts = [
            html.Div(
                [
                    html.Span(t("predict.ui.lookup.segment", lang) + ": ", className="text-muted"),
                    html.Strong(segment_label(str(row["segment"]), lang)),
                ],
                className="cs-lookup-segment",
            ),
            html.Div(
                [
                    html.Span(t("predict.ui.lookup.type", lang) + ": ", className="text-muted"),
                    t(
                        "predict.ui.lookup.type.value",
                        lang,
                        cluster=cluster,
                        persona=persona or row.get("persona") or "",
                    ),
                ]
            ),
        ]
    purchase = row.get("purchase_date")
    history = t(
        "predict.ui.lookup.history.text",
        lang,
        count=row.get("purchase_count") or 0,
        date=purchase.isoformat() if purchase else "-",
        days=int(row.get("recency_days") or 0),
        model=row.get("model") or "-",
        mkrw=(row.get("amount_krw") or 0) / 1e6,
        market=market_label(str(row.get("market") or ""), lang),
    )
    return dbc.Card(
        dbc.CardBody(
            [
                html.H4(
                    t("predict.ui.lookup.customer", lang, customer_id=row["customer_id"]),
                    className="h6 mb-1",
                ),
                *facts,
                html.Div(
                    [
                        html.Span(
                            t("predict.ui.lookup.history", lang) + ": ", className="text-muted"
                        ),
                        history,
                    ],
                    className="small",
                ),
            ]
        ),
        className="mb-2 cs-lookup-customer",
    )


# --- result --------------------------------------------------------------------------------


def _segment_stat(prediction, lang: str) -> html.Div:
    """The segment by definition (신규 with no purchases) or the pointer to the history."""
    if prediction.segment is not None:
        value, note = segment_label(prediction.segment, lang), "predict.ui.segment.no_purchases"
    else:
        value, note = t("predict.ui.segment.unknown", lang), "predict.ui.segment.history_needed"
    return html.Div(
        [
            html.Div(t("predict.ui.segment", lang), className="small text-muted"),
            html.Div(value, className="fw-semibold fs-5"),
            html.Div(t(note, lang), className="small"),
        ],
        className="cs-stat p-2 border rounded bg-white predict-segment",
    )


def _stat(title_key: str, value: str, probability: float, lang: str, class_name: str):
    return html.Div(
        [
            html.Div(t(title_key, lang), className="small text-muted"),
            html.Div(value, className="fw-semibold fs-5"),
            html.Div(t("predict.ui.probability", lang, pct=100 * probability), className="small"),
        ],
        className=f"cs-stat p-2 border rounded bg-white {class_name}",
    )


def _percent(p: float) -> float:
    return round(100 * float(p), 1)


def _probability_bars(probabilities: dict, labeller, lang: str, target_key: str) -> html.Div:
    """Horizontal bars with their numbers as text (the text is the accessible alternative)."""
    rows = sorted(probabilities.items(), key=lambda kv: -float(kv[1]))
    return html.Div(
        [
            html.Div(
                t("predict.ui.probabilities", lang, target=t(target_key, lang)),
                className="small fw-semibold mb-1",
            ),
            *[
                html.Div(
                    [
                        html.Span(labeller(name), className="cs-prob-name"),
                        dbc.Progress(value=_percent(p), className="cs-prob-bar flex-grow-1"),
                        html.Span(f"{100 * float(p):.0f}%", className="cs-prob-pct"),
                    ],
                    className="d-flex align-items-center gap-2 small mb-1",
                )
                for name, p in rows
            ],
        ],
        className="cs-probs",
    )


def _wishes_view(wishes, lang: str) -> html.Ul:
    """What the catalogue could do for the class and eco wishes, and why not."""
    band = round(100 * BUDGET_BAND)
    values = {
        "vehicle_class": class_label(wishes.vehicle_class, lang),
        "band": band,
        "n": wishes.class_in_budget,
        "min_mkrw": (wishes.class_price_min or 0) / 1e6,
        "max_mkrw": (wishes.class_price_max or 0) / 1e6,
    }
    items = [html.Li(t(f"predict.ui.wish.class.{wishes.class_status}", lang, **values))]
    if wishes.eco_status != "not_asked":
        items.append(
            html.Li(
                t(
                    f"predict.ui.wish.eco.{wishes.eco_status}",
                    lang,
                    **{**values, "n": wishes.class_eco_in_budget},
                )
            )
        )
    colour = "cs-wish-met" if wishes.class_met else "cs-wish-unmet"
    return html.Ul(items, className=f"cs-list small mb-2 cs-wishes {colour}")


def result_view(prediction, lang: str) -> list:
    """Segment (by definition), value tier with its probabilities, the wishes, the
    recommended cars and the model version, in `lang`."""
    headline = dbc.Row(
        [
            dbc.Col(_segment_stat(prediction, lang), xs=12, md=6),
            dbc.Col(
                _stat(
                    "predict.ui.tier",
                    tier_label(prediction.tier, lang),
                    prediction.tier_probability,
                    lang,
                    "predict-tier",
                ),
                xs=12,
                md=6,
            ),
        ],
        className="g-2 mb-2",
    )
    bars = html.Div(
        [
            _probability_bars(
                prediction.tier_probabilities,
                lambda s: tier_label(str(s), lang),
                lang,
                "predict.ui.tier",
            ),
            html.P(t("predict.ui.tier.hint", lang), className="small text-muted mb-0"),
        ],
        className="mb-3",
    )
    recs = list(prediction.recommendations)
    top = [r for r in recs if r.rank <= TOP_N]
    interest = next((r for r in recs if r.is_model_of_interest and r.rank > TOP_N), None)
    out = [
        headline,
        bars,
        html.H3(t("predict.ui.recs.title", lang, n=len(top)), className="h6"),
        _wishes_view(prediction.wishes, lang),
        dbc.Row([dbc.Col(_rec_card(r, lang), xs=12, md=4) for r in top], className="g-2 cs-recs"),
    ]
    if interest is not None:
        out.append(_interest_card(interest, lang))
    out.append(
        html.P(
            t("predict.ui.model_version", lang, version=prediction.model_version),
            className="small text-muted mt-2 mb-0",
        )
    )
    return out


def _price(amount: float, lang: str) -> str:
    return t("predict.ui.rec.price", lang, manwon=round(amount / 10_000), mkrw=amount / 1e6)


def _badges(rec, lang: str) -> list:
    out = [
        dbc.Badge(t("predict.ui.rec.rank", lang, rank=rec.rank), color="primary", className="me-1")
    ]
    if rec.eco:
        out.append(dbc.Badge(t("predict.ui.rec.eco", lang), color="success", className="me-1"))
    if rec.is_model_of_interest:
        out.append(dbc.Badge(t("predict.ui.rec.interest", lang), color="info", className="me-1"))
    return out


def _spec(rec, lang: str) -> str:
    """'중형 SUV · 하이브리드/플러그인 하이브리드' from the catalogue."""
    body = class_label(
        " ".join(p for p in (rec.size_class, rec.body_type) if p) or rec.body_type, lang
    )
    return t(
        "predict.ui.rec.spec", lang, body=body, powertrain=powertrain_text(rec.powertrain, lang)
    )


def _rec_body(rec, lang: str) -> list:
    return [
        html.Div(_badges(rec, lang), className="mb-1"),
        html.H4(rec.model, className="h5 mb-1 cs-rec-model"),
        html.P(_spec(rec, lang), className="mb-1 small cs-rec-spec"),
        html.P(_price(rec.expected_price, lang), className="mb-1 fw-semibold"),
        html.Ul(
            [html.Li(render_reason(reason, lang)) for reason in rec.reasons],
            className="cs-list small mb-1",
        ),
        html.P(t("predict.ui.rec.score", lang, score=rec.score), className="small text-muted mb-0"),
    ]


def _rec_card(rec, lang: str) -> dbc.Card:
    return dbc.Card(dbc.CardBody(_rec_body(rec, lang)), className="h-100 cs-rec")


def _interest_card(rec, lang: str) -> dbc.Card:
    return dbc.Card(
        dbc.CardBody(
            [
                html.H4(
                    t("predict.ui.interest.title", lang, model=rec.model, rank=rec.rank),
                    className="h6",
                ),
                html.P(t("predict.ui.interest.outside", lang), className="small mb-1"),
                *_rec_body(rec, lang)[2:],
            ]
        ),
        className="mt-2 border-info cs-interest",
    )


# --- model card ----------------------------------------------------------------------------


def model_card_view(card: dict, lang: str) -> list:
    """The value-tier model card: version, training date and rows, then the tier target's
    method, rule, chosen classifier, metrics against the baselines and tables."""
    facts = html.P(
        [
            t("predict.ui.card.version", lang),
            f": {card['version']} · ",
            t("predict.ui.card.trained_at", lang),
            f": {card.get('created_at') or '-'} · ",
            t("predict.ui.card.rows", lang),
            f": {int(card.get('rows') or 0):,}",
        ],
        className="small mb-2",
    )
    tier = (card.get("targets") or {}).get("tier")
    if not tier:
        return [facts]
    return [facts, _target_card(tier, card, lang)]


def _target_card(info: dict, card: dict, lang: str) -> html.Div:
    baseline = info.get("baseline") or {}
    cuts = info.get("cuts") or {}
    calibration = (card.get("cv") or {}).get("calibration") or {}
    rows = [
        (
            "predict.ui.card.method",
            t("predict.ui.card.method.text", lang, n=len(card.get("features") or [])),
        ),
        (
            "predict.ui.card.rule",
            t(
                "predict.ui.card.rule.text",
                lang,
                p75_mkrw=cuts.get("value_p75", 0) / 1e6,
                p25_mkrw=cuts.get("value_p25", 0) / 1e6,
            ),
        ),
        ("predict.ui.card.classifier", info["chosen"]),
        (
            "predict.ui.card.calibration",
            t(
                "predict.ui.card.calibration.text",
                lang,
                method=calibration.get("method", "-"),
                cv=calibration.get("cv", "-"),
            ),
        ),
        (
            "predict.ui.card.cv",
            t("predict.ui.card.cv.text", lang, folds=info["folds"], rows=info["rows"]),
        ),
        ("predict.ui.card.accuracy", f"{100 * info['accuracy']:.1f}%"),
        ("predict.ui.card.macro_f1", f"{info['macro_f1']:.3f}"),
        ("predict.ui.card.log_loss", f"{info['log_loss']:.3f}"),
        ("predict.ui.card.brier", f"{info['brier']:.3f}"),
        ("predict.ui.card.ece", f"{info['ece']:.3f}"),
        (
            "predict.ui.card.baseline",
            t(
                "predict.ui.card.baseline.text",
                lang,
                accuracy=100 * baseline.get("accuracy", 0),
                majority=tier_label(str(baseline.get("majority_class")), lang),
                macro_f1=baseline.get("macro_f1", 0),
            ),
        ),
        (
            "predict.ui.card.prior",
            t(
                "predict.ui.card.prior.text",
                lang,
                log_loss=baseline.get("log_loss", 0),
                brier=baseline.get("brier", 0),
            ),
        ),
    ]
    facts = html.Table(
        html.Tbody(
            [
                html.Tr(
                    [
                        html.Th(t(key, lang), scope="row", className="pe-3 fw-semibold"),
                        html.Td(value),
                    ]
                )
                for key, value in rows
            ]
        ),
        className="table table-sm small mb-2 cs-card-facts cs-card-tier",
    )
    return html.Div(
        [
            html.H3(t("predict.ui.card.target.tier", lang), className="h6"),
            dbc.Row(
                [
                    dbc.Col(facts, xs=12, lg=6),
                    dbc.Col(
                        [
                            _candidates_table(info, lang),
                            _reliability_table(info, lang),
                            _confusion_table(info, lang),
                        ],
                        xs=12,
                        lg=6,
                    ),
                ],
                className="g-3",
            ),
        ],
        className="cs-model-card",
    )


def _reliability_table(info: dict, lang: str) -> html.Table:
    """Calibration as numbers: mean top probability vs the share that was right, per bin."""
    head = html.Thead(
        html.Tr(
            [
                html.Th(t(k, lang), scope="col")
                for k in (
                    "predict.ui.card.bin",
                    "predict.ui.card.bin_rows",
                    "predict.ui.card.confidence",
                    "predict.ui.card.accuracy",
                )
            ]
        )
    )
    body = html.Tbody(
        [
            html.Tr(
                [
                    html.Td(row["bin"]),
                    html.Td(f"{row['rows']:,}"),
                    html.Td(f"{100 * row['confidence']:.1f}%"),
                    html.Td(f"{100 * row['accuracy']:.1f}%"),
                ]
            )
            for row in info.get("reliability") or []
        ]
    )
    return html.Table(
        [html.Caption(t("predict.ui.card.reliability", lang)), head, body],
        className="table table-sm small caption-top text-end mb-2 cs-reliability",
    )


def _candidates_table(info: dict, lang: str) -> html.Table:
    head = html.Thead(
        html.Tr(
            [
                html.Th(t(k, lang))
                for k in (
                    "predict.ui.card.candidate",
                    "predict.ui.card.accuracy",
                    "predict.ui.card.macro_f1",
                    "predict.ui.card.log_loss",
                )
            ]
        )
    )
    body = html.Tbody(
        [
            html.Tr(
                [
                    html.Td(
                        f"{name} ({t('predict.ui.card.chosen', lang)})"
                        if name == info["chosen"]
                        else name
                    ),
                    html.Td(f"{100 * s['accuracy']:.1f}%"),
                    html.Td(f"{s['macro_f1']:.3f}"),
                    html.Td(f"{s['log_loss']:.3f}"),
                ],
                className="fw-semibold" if name == info["chosen"] else None,
            )
            for name, s in (info.get("candidates") or {}).items()
        ]
    )
    return html.Table(
        [html.Caption(t("predict.ui.card.candidates", lang)), head, body],
        className="table table-sm small caption-top mb-2",
    )


def _confusion_table(info: dict, lang: str) -> html.Table:
    """Counts as text; the cell shade (share of the actual class) is decoration only."""
    matrix = info["confusion_matrix"]
    labels = [tier_label(str(v), lang) for v in matrix["labels"]]
    head = html.Thead(
        html.Tr(
            [
                html.Th(t("predict.ui.card.actual", lang), scope="col"),
                *[html.Th(name, scope="col") for name in labels],
            ]
        )
    )
    body = []
    for name, counts in zip(labels, matrix["matrix"], strict=True):
        total = sum(counts) or 1
        body.append(
            html.Tr(
                [
                    html.Th(name, scope="row"),
                    *[
                        html.Td(
                            f"{n:,}",
                            style={"backgroundColor": _cell_colour(n, total)},
                        )
                        for n in counts
                    ],
                ]
            )
        )
    return html.Table(
        [html.Caption(t("predict.ui.card.confusion", lang)), head, html.Tbody(body)],
        className="table table-sm table-bordered small caption-top text-end cs-confusion",
    )


def _cell_colour(n: int, total: int) -> str:
    """Background of a confusion-matrix cell: darker for a larger share of the row."""
    return f"rgba(0, 114, 178, {0.08 + 0.6 * n / total:.2f})"
