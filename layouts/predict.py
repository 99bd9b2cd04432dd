"""The customer-prediction page (고객 예측): a returning customer's record, a new customer's
value potential and cars.

The layout is a function of the query string (brand). The form's choices and
defaults come from the brand's trained predictor and are filled by
`callbacks.predict`; the browser holds the last accepted form (inputs, never
results or contact details) and the server recomputes everything else.
"""

from __future__ import annotations

import datetime as dt

import dash_bootstrap_components as dbc
from dash import dcc, html

from app import ids, services
from app.i18n import label, t
from layouts.components import card, field, loading

BRANDS = ("Hyundai", "Kia")
DEFAULT_AGE = 40


def initial_brand(query: dict[str, str]) -> str:
    """The brand of the query string (any case) when the user may see it, else their first
    brand (a Kia dealer opening ?brand=hyundai gets Kia)."""
    wanted = str(query.get("brand") or "").strip().lower()
    return services.brand_or_own(next((b for b in BRANDS if b.lower() == wanted), None))


def layout(**query: str) -> html.Div:
    brand = initial_brand(query)
    return html.Div(
        [
            dcc.Location(id=ids.PREDICT_URL, refresh=False),
            dcc.Store(id=ids.PREDICT_INPUT),
            html.H1(label("predict.ui.title"), className="h3 mb-1"),
            html.P(label("predict.ui.intro"), className="text-muted mb-3"),
            # the spinner shows while the first request verifies and loads the models
            loading(html.Div(id=ids.PREDICT_STATUS, role="status")),
            dbc.Row(
                [
                    dbc.Col([_lookup(), _form(brand)], xs=12, xl=5),
                    dbc.Col([_result(), _register()], xs=12, xl=7),
                ],
                className="g-3",
            ),
            _model_card(),
        ],
        className="cs-page cs-predict",
    )


def _control(
    key: str,
    control,
    control_id: str,
    feedback_id: str | None,
    width: dict,
    extra: list | None = None,
) -> dbc.Col:
    """A labelled control with its inline validation message underneath."""
    parts = [control, *(extra or [])]
    if feedback_id:
        # d-block: shown whenever it has text (radio groups are not `.is-invalid` inputs).
        parts.append(dbc.FormFeedback(id=feedback_id, className="d-block"))
    return field(key, html.Div(parts), control_id, width)


def _form(brand: str) -> dbc.Card:
    half, full = {"xs": 12, "md": 6}, {"xs": 12}
    select = {"options": [], "value": None}
    fields = [
        field(
            "predict.ui.brand",
            dbc.RadioItems(
                id=ids.PREDICT_BRAND,
                value=brand,
                inline=True,
                options=[{"label": t(f"brand.{b}"), "value": b} for b in services.brands()],
            ),
            ids.PREDICT_BRAND,
            half,
        ),
        _control(
            "predict.ui.gender",
            dbc.RadioItems(
                id=ids.PREDICT_GENDER,
                value="M",
                inline=True,
                options=[{"label": t(f"predict.ui.gender.{g}"), "value": g} for g in ("M", "F")],
            ),
            ids.PREDICT_GENDER,
            ids.PREDICT_GENDER_FEEDBACK,
            half,
        ),
        # No min/max/step on the number inputs: the browser would report an out-of-range
        # value as empty, and the server's message ("18-100") would read "required".
        _control(
            "predict.ui.age",
            dbc.Input(
                id=ids.PREDICT_AGE,
                type="number",
                value=DEFAULT_AGE,
                inputMode="numeric",
            ),
            ids.PREDICT_AGE,
            ids.PREDICT_AGE_FEEDBACK,
            half,
        ),
        _control(
            "predict.ui.birth_date",
            dbc.Input(
                id=ids.PREDICT_BIRTH_DATE,
                type="date",
                value=None,
                max=dt.date.today().isoformat(),
            ),
            ids.PREDICT_BIRTH_DATE,
            ids.PREDICT_BIRTH_DATE_FEEDBACK,
            half,
            [dbc.FormText(label("predict.ui.birth_date.hint"))],
        ),
        _control(
            "predict.ui.market",
            dbc.Select(id=ids.PREDICT_MARKET, **select),
            ids.PREDICT_MARKET,
            ids.PREDICT_MARKET_FEEDBACK,
            half,
        ),
        _control(
            "predict.ui.vehicle_class",
            dbc.Select(id=ids.PREDICT_VEHICLE_CLASS, **select),
            ids.PREDICT_VEHICLE_CLASS,
            ids.PREDICT_VEHICLE_CLASS_FEEDBACK,
            half,
        ),
        _control(
            "predict.ui.model_of_interest",
            dbc.Select(id=ids.PREDICT_MODEL, options=[], value=None),
            ids.PREDICT_MODEL,
            ids.PREDICT_MODEL_FEEDBACK,
            half,
        ),
        _control(
            "predict.ui.eco_friendly",
            dbc.Switch(
                id=ids.PREDICT_ECO,
                value=False,
                label=label("predict.ui.eco.switch"),
            ),
            ids.PREDICT_ECO,
            ids.PREDICT_ECO_FEEDBACK,
            half,
        ),
        _control(
            "predict.ui.budget",
            dbc.Input(
                id=ids.PREDICT_BUDGET,
                type="text",
                inputMode="numeric",
                value="",
                placeholder=t("predict.ui.budget.placeholder"),
                debounce=False,
            ),
            ids.PREDICT_BUDGET,
            ids.PREDICT_BUDGET_FEEDBACK,
            full,
            [dbc.FormText(id=ids.PREDICT_BUDGET_HINT, className="d-block")],
        ),
        _control(
            "predict.ui.payment_method",
            dbc.Select(id=ids.PREDICT_PAYMENT, **select),
            ids.PREDICT_PAYMENT,
            ids.PREDICT_PAYMENT_FEEDBACK,
            half,
        ),
        _control(
            "predict.ui.channel",
            dbc.RadioItems(
                id=ids.PREDICT_CHANNEL,
                value=None,
                inline=True,
                options=[],
            ),
            ids.PREDICT_CHANNEL,
            ids.PREDICT_CHANNEL_FEEDBACK,
            half,
        ),
        _control(
            "predict.ui.purchase_count",
            dbc.Input(
                id=ids.PREDICT_PURCHASE_COUNT,
                type="number",
                value=0,
                inputMode="numeric",
            ),
            ids.PREDICT_PURCHASE_COUNT,
            ids.PREDICT_PURCHASE_COUNT_FEEDBACK,
            half,
        ),
    ]
    return card(
        "predict.ui.form.title",
        [
            dbc.Row(fields, className="g-2"),
            html.Div(id=ids.PREDICT_FORM_ALERT, role="alert"),
            dbc.Button(
                label("predict.ui.submit"),
                id=ids.PREDICT_SUBMIT,
                color="primary",
                className="mt-2",
                n_clicks=0,
            ),
        ],
        hint_key="predict.ui.form.hint",
    )


def _lookup() -> dbc.Card:
    """A returning customer: one search box (phone, e-mail or user id) and their record."""
    return card(
        "predict.ui.lookup.title",
        [
            dbc.Label(label("predict.ui.lookup.label"), html_for=ids.PREDICT_LOOKUP_INPUT),
            dbc.InputGroup(
                [
                    dbc.Input(
                        id=ids.PREDICT_LOOKUP_INPUT,
                        type="search",
                        value="",
                        autoComplete="off",
                        placeholder=t("predict.ui.lookup.placeholder"),
                        debounce=True,
                    ),
                    dbc.Button(
                        label("predict.ui.lookup.submit"),
                        id=ids.PREDICT_LOOKUP_SUBMIT,
                        color="secondary",
                        n_clicks=0,
                    ),
                ]
            ),
            loading(html.Div(id=ids.PREDICT_LOOKUP_RESULT, className="mt-2", role="status")),
        ],
        hint_key="predict.ui.lookup.hint",
    )


def _result() -> dbc.Card:
    return card(
        "predict.ui.result.title",
        [
            loading(
                html.Div(
                    html.P(label("predict.ui.result.empty"), className="text-muted mb-0"),
                    id=ids.PREDICT_RESULT,
                    **{"aria-live": "polite"},
                )
            ),
        ],
    )


def _register() -> dbc.Collapse:
    half = {"xs": 12, "md": 6}
    text = {"type": "text", "value": ""}
    fields = [
        _control(
            "predict.ui.reg.name",
            dbc.Input(id=ids.PREDICT_REG_NAME, autoComplete="off", **text),
            ids.PREDICT_REG_NAME,
            ids.PREDICT_REG_NAME_FEEDBACK,
            half,
        ),
        _control(
            "predict.ui.reg.phone",
            dbc.Input(
                id=ids.PREDICT_REG_PHONE,
                type="tel",
                value="",
                autoComplete="off",
                placeholder=t("predict.ui.reg.phone.placeholder"),
            ),
            ids.PREDICT_REG_PHONE,
            ids.PREDICT_REG_PHONE_FEEDBACK,
            half,
        ),
        _control(
            "predict.ui.reg.email",
            dbc.Input(id=ids.PREDICT_REG_EMAIL, type="email", value="", autoComplete="off"),
            ids.PREDICT_REG_EMAIL,
            ids.PREDICT_REG_EMAIL_FEEDBACK,
            half,
        ),
        _control(
            "predict.ui.reg.user_id",
            dbc.Input(id=ids.PREDICT_REG_USER_ID, autoComplete="off", **text),
            ids.PREDICT_REG_USER_ID,
            ids.PREDICT_REG_USER_ID_FEEDBACK,
            half,
        ),
        _control(
            "predict.ui.reg.address",
            dbc.Input(id=ids.PREDICT_REG_ADDRESS, autoComplete="off", **text),
            ids.PREDICT_REG_ADDRESS,
            ids.PREDICT_REG_ADDRESS_FEEDBACK,
            {"xs": 12},
        ),
        _control(
            "predict.ui.reg.signup_date",
            dbc.Input(
                id=ids.PREDICT_REG_SIGNUP_DATE,
                type="date",
                value=dt.date.today().isoformat(),
            ),
            ids.PREDICT_REG_SIGNUP_DATE,
            ids.PREDICT_REG_SIGNUP_DATE_FEEDBACK,
            half,
        ),
    ]
    body = card(
        "predict.ui.reg.title",
        [
            dbc.Row(fields, className="g-2"),
            dbc.Button(
                label("predict.ui.reg.submit"),
                id=ids.PREDICT_REG_SUBMIT,
                color="success",
                className="mt-2",
                n_clicks=0,
            ),
            loading(html.Div(id=ids.PREDICT_REG_RESULT, className="mt-3", role="status")),
            html.Hr(),
            html.P(label("predict.mail.hint"), className="small text-muted mb-2"),
            dbc.Button(
                label("predict.mail.button"),
                id=ids.PREDICT_RESULT_MAIL,
                color="primary",
                n_clicks=0,
            ),
            loading(html.Div(id=ids.PREDICT_RESULT_MAIL_RESULT, className="mt-2", role="status")),
        ],
        hint_key="predict.ui.reg.hint",
    )
    return dbc.Collapse(body, id=ids.PREDICT_REG_COLLAPSE, is_open=False)


def _model_card() -> dbc.Card:
    return dbc.Card(
        [
            dbc.CardHeader(
                [
                    dbc.Button(
                        label("predict.ui.card.toggle"),
                        id=ids.PREDICT_CARD_TOGGLE,
                        color="link",
                        className="p-0 fw-semibold",
                        n_clicks=0,
                    ),
                    html.P(label("predict.ui.card.hint"), className="small text-muted mb-0 mt-1"),
                ]
            ),
            dbc.Collapse(
                dbc.CardBody(loading(html.Div(id=ids.PREDICT_CARD_BODY))),
                id=ids.PREDICT_CARD_COLLAPSE,
                is_open=False,
            ),
        ],
        className="mb-3 shadow-sm mt-3",
    )
