"""Callbacks of the customer-prediction page: thin adapters around `analytics.predict`.

Returning customers: 조회 -> `analytics.predict.lookup.parse_lookup` -> the brand's
matching customers from the warehouse (`app.services.find_customers`, own brand only)
-> their real segment, type and history.

Flow: brand -> the brand's verified predictor (cached on the server per brand
and model version) -> the form's choices and defaults. 예측하기 -> `parse_input`
-> either every field's inline message (a rejected form changes nothing) or the
accepted input in PREDICT_INPUT -> `render_result` predicts and draws.
Registration re-validates that input, predicts again (deterministic) and
writes the customer, its predicted labels and the model version to the
operational store. Only counter inputs travel through the browser.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Any

import dash_bootstrap_components as dbc
from dash import Input, Output, State, html, no_update
from dash.exceptions import PreventUpdate

from analytics.artifacts import ArtifactError
from analytics.predict import FieldError
from analytics.predict.inputs import InputError, parse_input
from analytics.predict.lookup import parse_lookup
from analytics.predict.recommend_vehicles import (
    typical_class,
    typical_price,
)
from analytics.predict.registration import parse_registration, prospect_record
from app import ids, services
from app.figures.predict import customer_card, model_card_view, result_view
from app.i18n import market_label, t
from app.i18n.dealer import segment_label
from app.i18n.predict import (
    render_error,
    tier_label,
)
from app.inputs import Clicks, Lang, Text, language
from callbacks.registry import for_page

callback = for_page("predict")

BRANDS = ("Hyundai", "Kia")
NO_MODEL = "none"  # the model-of-interest choice "선택 안 함" (a Select shows "" as blank)

# Form fields (parse_input keys) -> (control, inline message, control has `invalid`).
FIELDS: dict[str, tuple[str, str, bool]] = {
    "gender": (ids.PREDICT_GENDER, ids.PREDICT_GENDER_FEEDBACK, False),
    "age": (ids.PREDICT_AGE, ids.PREDICT_AGE_FEEDBACK, True),
    "birth_date": (ids.PREDICT_BIRTH_DATE, ids.PREDICT_BIRTH_DATE_FEEDBACK, True),
    "market": (ids.PREDICT_MARKET, ids.PREDICT_MARKET_FEEDBACK, True),
    "vehicle_class": (ids.PREDICT_VEHICLE_CLASS, ids.PREDICT_VEHICLE_CLASS_FEEDBACK, True),
    "model_of_interest": (ids.PREDICT_MODEL, ids.PREDICT_MODEL_FEEDBACK, True),
    "eco_friendly": (ids.PREDICT_ECO, ids.PREDICT_ECO_FEEDBACK, False),
    "budget": (ids.PREDICT_BUDGET, ids.PREDICT_BUDGET_FEEDBACK, True),
    "payment_method": (ids.PREDICT_PAYMENT, ids.PREDICT_PAYMENT_FEEDBACK, True),
    "channel": (ids.PREDICT_CHANNEL, ids.PREDICT_CHANNEL_FEEDBACK, False),
    "purchase_count": (ids.PREDICT_PURCHASE_COUNT, ids.PREDICT_PURCHASE_COUNT_FEEDBACK, True),
}
INVALID_FIELDS = tuple(f for f, (_c, _fb, has_invalid) in FIELDS.items() if has_invalid)

# Registration fields -> (control, inline message).
REG_FIELDS: dict[str, tuple[str, str]] = {
    "name": (ids.PREDICT_REG_NAME, ids.PREDICT_REG_NAME_FEEDBACK),
    "phone": (ids.PREDICT_REG_PHONE, ids.PREDICT_REG_PHONE_FEEDBACK),
    "email": (ids.PREDICT_REG_EMAIL, ids.PREDICT_REG_EMAIL_FEEDBACK),
    "address": (ids.PREDICT_REG_ADDRESS, ids.PREDICT_REG_ADDRESS_FEEDBACK),
    "user_id": (ids.PREDICT_REG_USER_ID, ids.PREDICT_REG_USER_ID_FEEDBACK),
    "signup_date": (ids.PREDICT_REG_SIGNUP_DATE, ids.PREDICT_REG_SIGNUP_DATE_FEEDBACK),
}


# --- the predictor (app.services caches it per brand and model version) -------------------


class StaleModels(ArtifactError):
    """The brand's models were trained on other data than the warehouse holds now."""


def predictor(brand: str):
    """The brand's verified predictor; raises ArtifactError naming the file, or
    StaleModels when the models come from other data than the warehouse holds now."""
    if not services.model_current(brand):
        raise StaleModels(brand)
    return services.predictor(brand)


def _model_alert(exc: ArtifactError, lang: str) -> dbc.Alert:
    """Why there is no prediction, in `lang`: models stale, missing or unreadable."""
    if isinstance(exc, StaleModels):
        return dbc.Alert(t("predict.ui.stale", lang), color="warning")
    return dbc.Alert(t("predict.ui.not_trained", lang, detail=str(exc)), color="warning")


def warm() -> None:
    """Load and verify every brand's predictor into the cache (run in a background thread
    by `carsight serve`, so the first prediction at the counter does not wait for it).
    A brand without valid artifacts is skipped: the page shows why on first use."""
    from analytics.artifacts import ArtifactError

    services.import_model_libraries()
    for brand in BRANDS:
        try:
            predictor(brand)
        except ArtifactError:
            continue


def _brand(brand: str | None) -> str:
    """A control's brand: the user's own when they may not choose it (a dealer)."""
    return services.brand_or_own(brand)


def _value_label(value: str, lang: str) -> str:
    """A form value (Korean canonical) as shown in `lang`; unknown values show as they are."""
    key = f"predict.ui.value.{value}"
    text = t(key, lang)
    return value if text == key else text


def _options(values, lang: str, labeller=None) -> list[dict[str, str]]:
    labeller = labeller or _value_label
    return [{"label": labeller(v, lang), "value": v} for v in values]


def _keep(current: Any, allowed, default: Any) -> Any:
    return current if current in allowed else default


# --- form ----------------------------------------------------------------------------------


@callback(
    Output(ids.PREDICT_STATUS, "children"),
    Output(ids.PREDICT_MARKET, "options"),
    Output(ids.PREDICT_MARKET, "value"),
    Output(ids.PREDICT_VEHICLE_CLASS, "options"),
    Output(ids.PREDICT_VEHICLE_CLASS, "value"),
    Output(ids.PREDICT_MODEL, "options"),
    Output(ids.PREDICT_MODEL, "value"),
    Output(ids.PREDICT_PAYMENT, "options"),
    Output(ids.PREDICT_PAYMENT, "value"),
    Output(ids.PREDICT_CHANNEL, "options"),
    Output(ids.PREDICT_CHANNEL, "value"),
    Output(ids.PREDICT_GENDER, "options"),
    Output(ids.PREDICT_BRAND, "options"),
    Output(ids.PREDICT_BUDGET, "value"),
    Input(ids.PREDICT_BRAND, "value"),
    Input(ids.LANG_STORE, "data"),
    State(ids.PREDICT_MARKET, "value"),
    State(ids.PREDICT_VEHICLE_CLASS, "value"),
    State(ids.PREDICT_MODEL, "value"),
    State(ids.PREDICT_PAYMENT, "value"),
    State(ids.PREDICT_CHANNEL, "value"),
    State(ids.PREDICT_BUDGET, "value"),
)
def form_choices(
    brand: str | None,
    lang: Lang,
    market: str | None,
    vehicle_class: str | None,
    model: str | None,
    payment: str | None,
    channel: str | None,
    budget: str | None,
):
    """The brand's choices in `lang`; a value the brand lacks falls back to its default."""
    brand = _brand(brand)
    brands = _options(services.brands(), lang, lambda b, lng: t(f"brand.{b}", lng))
    genders = _options(("M", "F"), lang, lambda g, lng: t(f"predict.ui.gender.{g}", lng))
    try:
        pred = predictor(brand)
    except ArtifactError as exc:
        alert = _model_alert(exc, lang)
        return (
            alert,
            [],
            None,
            [],
            None,
            [],
            NO_MODEL,
            [],
            None,
            [],
            None,
            genders,
            brands,
            no_update,
        )
    vocab = pred.vocab
    defaults = form_defaults(vocab, typical_price(pred.stats), typical_class(pred.stats))
    models = [
        {"label": t("predict.ui.model.none", lang), "value": NO_MODEL},
        *_options(vocab.models, lang, lambda m, _lng: m),
    ]
    return (
        None,
        _options(vocab.markets, lang, market_label),
        _keep(market, vocab.markets, defaults["market"]),
        _options(vocab.vehicle_classes, lang),
        _keep(vehicle_class, vocab.vehicle_classes, defaults["vehicle_class"]),
        models,
        _keep(model, vocab.models, NO_MODEL),
        _options(vocab.payment_methods, lang),
        _keep(payment, vocab.payment_methods, defaults["payment_method"]),
        _options(vocab.channels, lang),
        _keep(channel, vocab.channels, defaults["channel"]),
        genders,
        brands,
        budget if str(budget or "").strip() else f"{defaults['budget']:,}",
    )


def form_defaults(vocab, typical: float, vehicle_class: str | None = None) -> dict[str, Any]:
    """Sensible defaults: markets and payment methods come in the canonical order (Korea
    and 현금 first); the vehicle class is `vehicle_class` (the class of the brand's
    best-selling model) when the vocab has it; the budget is `typical` (KRW) rounded to
    a million, inside the brand's bounds, or the lower bound when `typical` is unknown."""
    typical = typical if typical == typical else vocab.budget_min  # NaN: no buyers
    budget = min(max(vocab.budget_min, round(typical, -6)), vocab.budget_max)
    classes = vocab.vehicle_classes
    return {
        "market": vocab.markets[0],
        "vehicle_class": vehicle_class if vehicle_class in classes else classes[0],
        "payment_method": vocab.payment_methods[0],
        "channel": vocab.channels[0],
        "budget": int(budget),
    }


@callback(
    Output(ids.PREDICT_URL, "search"), Input(ids.PREDICT_BRAND, "value"), prevent_initial_call=True
)
def brand_in_url(brand: str | None) -> str:
    """A brand change is kept in the address, so a copied link reopens that brand."""
    return f"?brand={_brand(brand)}"


@callback(
    Output(ids.PREDICT_BUDGET, "placeholder"),
    Output(ids.PREDICT_REG_PHONE, "placeholder"),
    Output(ids.PREDICT_LOOKUP_INPUT, "placeholder"),
    Input(ids.LANG_STORE, "data"),
)
def placeholders(lang: Lang) -> tuple[str, str, str]:
    return (
        t("predict.ui.budget.placeholder", lang),
        t("predict.ui.reg.phone.placeholder", lang),
        t("predict.ui.lookup.placeholder", lang),
    )


# --- returning customers -------------------------------------------------------------------


@callback(
    Output(ids.PREDICT_LOOKUP_RESULT, "children"),
    Output(ids.PREDICT_LOOKUP_INPUT, "invalid"),
    Input(ids.PREDICT_LOOKUP_SUBMIT, "n_clicks"),
    Input(ids.PREDICT_LOOKUP_INPUT, "n_submit"),
    State(ids.PREDICT_LOOKUP_INPUT, "value"),
    State(ids.PREDICT_BRAND, "value"),
    State(ids.LANG_STORE, "data"),
    prevent_initial_call=True,
)
def lookup_customer(n_clicks: Clicks, n_submit: Clicks, query: Text, brand: str | None, lang: Lang):
    """A returning customer's real segment, type and history (the brand's own customers
    only; never a prediction), or why nothing was found."""
    if not (n_clicks or n_submit):
        raise PreventUpdate
    brand = _brand(brand)
    try:
        wanted = parse_lookup(query)
    except InputError as err:
        return dbc.Alert(render_error(err.errors[0], lang), color="danger"), True
    found = services.find_customers(brand, kind=wanted.kind, value=wanted.value)
    name = t(f"brand.{brand}", lang)
    if found.is_empty():
        return (
            dbc.Alert(
                t("predict.ui.lookup.none", lang, brand=name, query=str(query).strip()),
                color="secondary",
            ),
            False,
        )
    personas = _personas(brand, lang)
    return [
        html.P(t("predict.ui.lookup.found", lang, brand=name, n=found.height), className="small"),
        *[customer_card(row, personas, lang) for row in found.to_dicts()],
    ], False


def _personas(brand: str, lang: str) -> dict[int, str]:
    """Cluster -> persona in `lang`, from the brand's verified training manifest."""
    manifest = services.segmentation_manifest(brand) or {}
    profiles = (manifest.get("clusters") or {}).get("profiles") or []
    return {int(p["cluster"]): p.get(f"persona_{lang}") or "" for p in profiles}


def _digits(text: Any) -> int | None:
    cleaned = str(text or "").replace(",", "").replace(" ", "").replace("_", "")
    return int(cleaned) if cleaned.isdigit() else None


@callback(
    Output(ids.PREDICT_BUDGET_HINT, "children"),
    Input(ids.PREDICT_BUDGET, "value"),
    Input(ids.PREDICT_BRAND, "value"),
    Input(ids.LANG_STORE, "data"),
)
def budget_hint(budget: str | None, brand: str | None, lang: Lang) -> str:
    """The typed budget with thousands separators, and the brand's plausible range."""
    amount = _digits(budget)
    parts = []
    if amount:
        parts.append(
            t(
                "predict.ui.budget.hint",
                lang,
                krw=amount,
                manwon=amount // 10_000,
                mkrw=amount / 1e6,
            )
        )
    try:
        vocab = predictor(_brand(brand)).vocab
        parts.append(t("predict.ui.budget.range", lang, min=vocab.budget_min, max=vocab.budget_max))
    except ArtifactError:
        pass
    return " · ".join(parts)


def raw_form(
    gender,
    age,
    birth_date,
    market,
    vehicle_class,
    model,
    eco,
    budget,
    payment,
    channel,
    purchase_count,
) -> dict[str, Any]:
    """The form as `parse_input` reads it: the birth date counts only when age is empty."""
    use_birth = age in (None, "") and bool(birth_date)
    return {
        "gender": gender,
        "age": None if use_birth else age,
        "birth_date": birth_date if use_birth else None,
        "market": market,
        "vehicle_class": vehicle_class,
        "model_of_interest": None if model in (None, "", NO_MODEL) else model,
        "eco_friendly": bool(eco),
        "budget": budget,
        "payment_method": payment,
        "channel": channel,
        "purchase_count": purchase_count,
    }


def accepted_spec(inp) -> dict[str, Any]:
    """A validated input as the raw mapping that parses back to it (PREDICT_INPUT)."""
    return {
        "brand": inp.brand,
        "gender": inp.gender,
        "age": inp.age,
        "market": inp.market,
        "vehicle_class": inp.vehicle_class,
        "model_of_interest": inp.model_of_interest,
        "eco_friendly": inp.eco_friendly,
        "budget": inp.budget_krw,
        "payment_method": inp.payment_method,
        "channel": inp.channel,
        "purchase_count": inp.purchase_count,
    }


@callback(
    *[Output(feedback, "children") for _c, feedback, _i in FIELDS.values()],
    *[Output(FIELDS[f][0], "invalid") for f in INVALID_FIELDS],
    Output(ids.PREDICT_FORM_ALERT, "children"),
    Output(ids.PREDICT_INPUT, "data"),
    Output(ids.PREDICT_REG_COLLAPSE, "is_open"),
    Output(ids.PREDICT_REG_RESULT, "children", allow_duplicate=True),
    Input(ids.PREDICT_SUBMIT, "n_clicks"),
    State(ids.PREDICT_BRAND, "value"),
    *[State(control, "value") for control, _fb, _i in FIELDS.values()],
    State(ids.LANG_STORE, "data"),
    prevent_initial_call=True,
)
def submit(n_clicks: Clicks, brand: str | None, *values_and_lang):
    """Validate the whole form: every wrong field gets its message, or the input is kept
    (and the previous registration's confirmation is cleared: it was another customer)."""
    if not n_clicks:
        raise PreventUpdate
    *values, lang = values_and_lang
    lang = language(lang)
    brand = _brand(brand)
    try:
        vocab = predictor(brand).vocab
    except ArtifactError as exc:
        alert = _model_alert(exc, lang)
        return (
            *[None] * len(FIELDS),
            *[False] * len(INVALID_FIELDS),
            alert,
            no_update,
            no_update,
            no_update,
        )
    try:
        inp = parse_input(raw_form(*values), vocab, today=dt.date.today())
    except InputError as err:
        messages = {e.field: render_error(e, lang) for e in err.errors}
        names = ", ".join(t(f"predict.ui.{f}", lang) for f in FIELDS if f in messages)
        alert = dbc.Alert(t("predict.ui.rejected", lang, fields=names), color="danger")
        return (
            *[messages.get(f) for f in FIELDS],
            *[f in messages for f in INVALID_FIELDS],
            alert,
            no_update,
            no_update,
            no_update,
        )
    return (
        *[None] * len(FIELDS),
        *[False] * len(INVALID_FIELDS),
        None,
        accepted_spec(inp),
        True,
        None,
    )


# --- result --------------------------------------------------------------------------------


def predict_spec(spec: dict[str, Any]):
    """(predictor, input, prediction) for an accepted spec, re-validated on the server."""
    # a spec's brand is not clamped: another brand's is refused (services: HTTP 403)
    brand = spec.get("brand")
    pred = predictor(brand if brand in BRANDS else _brand(None))
    inp = parse_input(spec, pred.vocab, today=dt.date.today())
    return pred, inp, pred.predict(inp)


@callback(
    Output(ids.PREDICT_RESULT, "children"),
    Input(ids.PREDICT_INPUT, "data"),
    Input(ids.LANG_STORE, "data"),
)
def render_result(spec: dict | None, lang: Lang):
    """Segment (by definition), value tier and the recommended cars, in `lang`."""
    if not spec:
        raise PreventUpdate
    try:
        _pred, _inp, prediction = predict_spec(spec)
    except ArtifactError as exc:
        return _model_alert(exc, lang)
    except InputError as err:  # a stale or edited spec: say what is wrong
        return dbc.Alert("; ".join(render_error(e, lang) for e in err.errors), color="danger")
    return result_view(prediction, lang)


# --- model card ----------------------------------------------------------------------------


@callback(
    Output(ids.PREDICT_CARD_COLLAPSE, "is_open"),
    Input(ids.PREDICT_CARD_TOGGLE, "n_clicks"),
    State(ids.PREDICT_CARD_COLLAPSE, "is_open"),
    prevent_initial_call=True,
)
def toggle_card(n_clicks: Clicks, is_open: bool | None) -> bool:
    if not n_clicks:
        raise PreventUpdate
    return not is_open


@callback(
    Output(ids.PREDICT_CARD_BODY, "children"),
    Input(ids.PREDICT_BRAND, "value"),
    Input(ids.LANG_STORE, "data"),
)
def render_model_card(brand: str | None, lang: Lang):
    """The value-tier model: method, tier rule, chosen calibrated classifier, CV accuracy,
    macro-F1, log loss, Brier and ECE against the baselines, every candidate, the
    reliability table and the confusion matrix."""
    try:
        card = predictor(_brand(brand)).model_card()
    except ArtifactError as exc:
        return _model_alert(exc, lang)
    return model_card_view(card, lang)


# --- registration --------------------------------------------------------------------------


def _reg_outputs(messages: dict[str, str], alert) -> tuple:
    return (*[messages.get(f) for f in REG_FIELDS], *[f in messages for f in REG_FIELDS], alert)


@callback(
    *[Output(feedback, "children") for _c, feedback in REG_FIELDS.values()],
    *[Output(control, "invalid") for control, _fb in REG_FIELDS.values()],
    Output(ids.PREDICT_REG_RESULT, "children"),
    Input(ids.PREDICT_REG_SUBMIT, "n_clicks"),
    *[State(control, "value") for control, _fb in REG_FIELDS.values()],
    State(ids.PREDICT_INPUT, "data"),
    State(ids.LANG_STORE, "data"),
    prevent_initial_call=True,
)
def register(n_clicks: Clicks, *values_and_state):
    """Save the customer with the prediction of the accepted form; a wrong field or a
    duplicate user id / e-mail is refused and the form keeps its values."""
    if not n_clicks:
        raise PreventUpdate
    *values, spec, lang = values_and_state
    lang = language(lang)
    if not spec:
        return _reg_outputs(
            {}, dbc.Alert(t("predict.ui.reg.need_prediction", lang), color="warning")
        )
    try:
        reg = parse_registration(dict(zip(REG_FIELDS, values, strict=True)), today=dt.date.today())
        _pred, inp, prediction = predict_spec(spec)
        prospect_id = services.register_prospect(prospect_record(reg, inp, prediction))
    except InputError as err:
        messages = {e.field: render_error(e, lang) for e in err.errors}
        names = ", ".join(t(f"predict.ui.reg.{f}", lang) for f in REG_FIELDS if f in messages)
        return _reg_outputs(
            messages, dbc.Alert(t("predict.ui.reg.rejected", lang, fields=names), color="danger")
        )
    except services.DuplicateProspect as dup:
        if services.actor().role != "admin":  # never echo who is registered
            return _reg_outputs(
                {}, dbc.Alert(t("predict.ui.reg.duplicate_generic", lang), color="danger")
            )
        message = render_error(FieldError(dup.field, "duplicate", {"value": dup.value}), lang)
        return _reg_outputs(
            {dup.field: message},
            dbc.Alert(
                t(
                    "predict.ui.reg.duplicate",
                    lang,
                    field=t(f"predict.ui.reg.{dup.field}", lang),
                    value=dup.value,
                ),
                color="danger",
            ),
        )
    except ArtifactError as exc:
        return _reg_outputs({}, _model_alert(exc, lang))
    except sqlite3.Error as exc:
        return _reg_outputs(
            {}, dbc.Alert(t("predict.ui.reg.store_failed", lang, detail=str(exc)), color="danger")
        )
    return _reg_outputs(
        {},
        dbc.Alert(
            t(
                "predict.ui.reg.saved",
                lang,
                prospect_id=prospect_id,
                segment=segment_label(prediction.segment, lang)
                if prediction.segment
                else t("predict.ui.segment.unknown", lang),
                tier=tier_label(prediction.tier, lang),
                pct=100 * prediction.tier_probability,
                version=prediction.model_version,
            ),
            color="success",
            className="cs-reg-saved",
        ),
    )
