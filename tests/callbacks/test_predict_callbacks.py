"""Customer-prediction page callbacks called as plain functions on a trained copy of the
reference data, with a temporary operational store."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3

import pytest
from dash import no_update
from dash.exceptions import PreventUpdate

from app import services
from tests.callbacks.dash_text import text_of as _text


@pytest.fixture()
def cb(trained_reference, tmp_path):
    """The callback module with the app's settings pointed at the trained copy."""
    from app.services import install as use_settings
    from app.settings import load_settings

    db, artifacts = trained_reference
    use_settings(load_settings(db=db, artifacts_dir=artifacts, ops_db=tmp_path / "ops.sqlite"))
    import callbacks.predict as module

    return module


def _find(component, class_name: str) -> list:
    """Every component in the tree whose className contains `class_name`."""
    found = []
    if isinstance(component, list | tuple):
        for child in component:
            found += _find(child, class_name)
        return found
    if component is None or isinstance(component, str | int | float):
        return found
    if class_name in (getattr(component, "className", None) or "").split():
        found.append(component)
    return found + _find(getattr(component, "children", None), class_name)


def _form(cb, brand="Hyundai", **overrides) -> dict:
    """The form as the page first shows it (defaults from the vocab), with `overrides`."""
    out = cb.form_choices(brand, "ko", None, None, None, None, None, None)
    values = {
        "gender": "F",
        "age": 35,
        "birth_date": None,
        "market": out[2],
        "vehicle_class": out[4],
        "model_of_interest": out[6],
        "eco_friendly": False,
        "budget": out[13],
        "payment_method": out[8],
        "channel": out[10],
        "purchase_count": 1,
    }
    return {**values, **overrides}


class Submitted:
    """The outputs of `submit`, by name."""

    def __init__(self, cb, outputs: tuple) -> None:
        n, m = len(cb.FIELDS), len(cb.INVALID_FIELDS)
        self.messages = dict(zip(cb.FIELDS, outputs[:n], strict=True))
        self.invalid = dict(zip(cb.INVALID_FIELDS, outputs[n : n + m], strict=True))
        self.alert, self.spec, self.register_open, self.register_result = outputs[n + m :]

    @property
    def wrong(self) -> set[str]:
        return {f for f, message in self.messages.items() if message}


def _submit(cb, form: dict, brand="Hyundai", lang="ko") -> Submitted:
    return Submitted(cb, cb.submit(1, brand, *[form[f] for f in cb.FIELDS], lang))


# --- form ---------------------------------------------------------------------------------


def test_the_form_offers_the_brands_choices_with_a_valid_default_for_every_field(cb):
    (
        status,
        markets,
        market,
        classes,
        vehicle_class,
        models,
        model,
        payments,
        payment,
        channels,
        channel,
        genders,
        brands,
        budget,
    ) = cb.form_choices("Hyundai", "ko", None, None, None, None, None, None)
    assert status is None
    assert {"label": "대한민국", "value": "Korea"} in markets and market == "Korea"
    assert vehicle_class in [o["value"] for o in classes] and len(classes) == 11
    assert models[0] == {"label": "선택 안 함", "value": "none"} and model == "none"
    assert "Avante" in [o["value"] for o in models]
    assert [o["value"] for o in payments] == ["현금", "계좌이체", "신용카드"] and payment == "현금"
    assert channel in ("온라인", "오프라인") and len(channels) == 2
    assert [o["label"] for o in genders] == ["남성", "여성"]
    assert [o["label"] for o in brands] == ["현대", "기아"]
    vocab = cb.predictor("Hyundai").vocab
    amount = int(budget.replace(",", ""))
    assert vocab.budget_min <= amount <= vocab.budget_max and amount % 1_000_000 == 0


def test_form_choices_follow_the_language_and_keep_the_users_values(cb):
    out = cb.form_choices(
        "Kia", "en", "USA", "준중형 SUV", "Sportage", "신용카드", "온라인", "33,000,000"
    )
    assert {"label": "USA", "value": "USA"} in out[1] and out[2] == "USA"
    assert {"label": "Compact SUV", "value": "준중형 SUV"} in out[3] and out[4] == "준중형 SUV"
    assert out[6] == "Sportage"
    assert {"label": "Credit card", "value": "신용카드"} in out[7] and out[8] == "신용카드"
    assert out[10] == "온라인" and out[13] == "33,000,000"
    assert [o["label"] for o in out[11]] == ["Male", "Female"]


def test_a_model_the_other_brand_lacks_falls_back_to_none(cb):
    out = cb.form_choices("Kia", "ko", "Korea", "중형 SUV", "G90", "현금", "온라인", "")
    assert out[6] == "none"
    assert out[13]  # an empty budget gets the default


def test_budget_hint_formats_thousands_and_states_the_brand_range(cb):
    hint = cb.budget_hint("45000000", "Hyundai", "ko")
    assert hint.startswith("45,000,000원 = 4,500만 원")
    assert "거래액 범위" in hint
    assert cb.budget_hint("45000000", "Hyundai", "en").startswith("KRW 45,000,000 = 45.0 million")


def test_missing_artifacts_say_which_file_and_to_run_carsight_train(cb, tmp_path):
    from app.services import install as use_settings
    from app.settings import load_settings

    use_settings(load_settings(artifacts_dir=tmp_path / "none"))
    status = cb.form_choices("Kia", "ko", None, None, None, None, None, None)[0]
    assert "carsight train" in _text(status) and "latest" in _text(status)
    assert "carsight train" in _text(cb.render_model_card("Kia", "en"))


# --- validation: a rejected form changes nothing and names every wrong field --------------


def test_a_valid_form_is_accepted_and_opens_registration(cb):
    out = _submit(cb, _form(cb))
    assert out.wrong == set() and not any(out.invalid.values())
    assert out.alert is None and out.register_open is True and out.register_result is None
    assert out.spec["brand"] == "Hyundai" and out.spec["market"] == "Korea"
    assert isinstance(out.spec["budget"], int)


@pytest.mark.parametrize(
    ("field", "value", "number"),
    [
        ("age", 17, "18"),
        ("age", 101, "100"),
        ("age", "서른", None),
        ("budget", "0", None),
        ("budget", "-5000000", None),
        ("budget", "많이", None),
        ("budget", "900,000,000,000", None),
        ("budget", "1,000", None),
        ("purchase_count", -1, None),
        ("purchase_count", "2.5", None),
    ],
)
def test_each_wrong_value_gets_its_own_inline_message(cb, field, value, number):
    out = _submit(cb, _form(cb, **{field: value}))
    assert out.wrong == {field}
    assert out.invalid[field] is True
    assert sum(out.invalid.values()) == 1
    if number:
        assert number in out.messages[field]
    assert out.spec is no_update and out.register_open is no_update
    assert out.register_result is no_update
    label = {"age": "나이", "budget": "예산", "purchase_count": "이전 구매 횟수"}[field]
    assert label in _text(out.alert) and "바뀌지 않았습니다" in _text(out.alert)


@pytest.mark.parametrize(
    "field",
    ["gender", "market", "vehicle_class", "budget", "payment_method", "channel", "purchase_count"],
)
def test_required_fields_are_refused_when_empty(cb, field):
    out = _submit(cb, _form(cb, **{field: None if field != "budget" else ""}))
    assert out.wrong == {field}
    assert out.spec is no_update


def test_age_or_birth_date_is_required_and_a_birth_date_alone_is_used(cb):
    assert _submit(cb, _form(cb, age=None)).wrong == {"age"}
    accepted = _submit(cb, _form(cb, age=None, birth_date="1980-05-17"))
    assert accepted.wrong == set() and 44 <= accepted.spec["age"] <= 47
    future = _submit(cb, _form(cb, age="", birth_date="2999-01-01"))
    assert future.wrong == {"birth_date"} and future.invalid["birth_date"] is True
    too_young = _submit(cb, _form(cb, age="", birth_date="2020-01-01"))
    assert too_young.wrong == {"birth_date"} and "18" in too_young.messages["birth_date"]


def test_every_wrong_field_is_reported_at_once(cb):
    out = _submit(cb, _form(cb, age=15, budget="0", market=None, channel=None))
    assert out.wrong == {"age", "budget", "market", "channel"}
    alert = _text(out.alert)
    assert all(name in alert for name in ("나이", "예산", "시장", "구매 채널"))


def test_messages_follow_the_language(cb):
    out = _submit(cb, _form(cb, age=15), lang="en")
    assert "Age" in _text(out.alert) and "Nothing was changed" in _text(out.alert)
    assert re.search(r"[A-Za-z]", out.messages["age"])


def test_a_rejected_form_leaves_the_previous_result_alone(cb):
    spec = _submit(cb, _form(cb)).spec
    before = _text(cb.render_result(spec, "ko"))
    rejected = _submit(cb, _form(cb, age=150, budget="0"))
    assert rejected.spec is no_update  # the stored input, and so the result, is unchanged
    assert _text(cb.render_result(spec, "ko")) == before


# --- result -------------------------------------------------------------------------------


def test_result_shows_segment_value_tier_and_three_cars_with_numbered_reasons(cb):
    spec = _submit(cb, _form(cb)).spec
    children = cb.render_result(spec, "ko")
    text = _text(children)
    assert "가치 잠재력" in text and "확률" in text
    cards = _find(children, "cs-rec")
    assert len(cards) == 3
    for card in cards:
        body = _text(card)
        assert re.search(r"예상 가격 [\d,]+만 원", body)
        assert re.search(r"\d", _text(_find(card, "cs-list")))  # reasons carry numbers
        assert " · " in _text(_find(card, "cs-rec-spec"))  # body type · powertrain
    assert "모델 버전" in text
    assert len(_find(children, "cs-probs")) == 1
    assert _find(children, "cs-wishes")


def test_a_prospect_with_no_purchases_is_new_by_definition_never_at_risk(cb):
    # the prospect: a 35-year-old woman in Korea, KRW 45,000,000, mid-size eco SUV
    form = _form(cb, gender="F", age=35, vehicle_class="중형 SUV", eco_friendly=True,
                 budget="45,000,000", purchase_count=0)  # fmt: skip
    for brand in ("Hyundai", "Kia"):
        spec = _submit(cb, {**form, "market": "Korea"}, brand=brand).spec
        children = cb.render_result(spec, "ko")
        segment = _text(_find(children, "predict-segment"))
        assert segment.startswith("세그먼트 신규") and "정의상 신규" in segment
        assert "이탈가능" not in _text(children) and "장기 미구매" not in _text(children)
        specs = [_text(_find(c, "cs-rec-spec")) for c in _find(children, "cs-rec")]
        assert all("SUV" in x for x in specs), (brand, specs)
        assert "하이브리드" in specs[0] or "전기" in specs[0] or "수소" in specs[0]


def test_a_customer_who_bought_before_is_sent_to_the_lookup(cb):
    spec = _submit(cb, _form(cb, purchase_count=2)).spec
    segment = _text(_find(cb.render_result(spec, "ko"), "predict-segment"))
    assert "이력 조회 필요" in segment and "기존 고객 조회" in segment


def test_result_is_rendered_in_english_too(cb):
    spec = _submit(cb, _form(cb)).spec
    text = _text(cb.render_result(spec, "en"))
    assert "Segment" in text and "Value potential" in text and "Expected price KRW" in text
    assert "Wanted class" in text or "No " in text


def test_the_model_of_interest_is_always_shown_with_its_fit(cb):
    spec = _submit(cb, _form(cb)).spec
    top = [_text(_find(c, "cs-rec-model")) for c in _find(cb.render_result(spec, "ko"), "cs-rec")]
    outsider = next(m for m in cb.predictor("Hyundai").vocab.models if m not in top)
    spec = _submit(cb, _form(cb, model_of_interest=outsider)).spec
    children = cb.render_result(spec, "ko")
    interest = _find(children, "cs-interest")
    assert len(interest) == 1 and outsider in _text(interest)
    assert re.search(r"추천 순위 \d+위", _text(interest))
    assert len(_find(children, "cs-rec")) == 3
    inside = _submit(cb, _form(cb, model_of_interest=top[0])).spec
    children = cb.render_result(inside, "ko")
    assert _find(children, "cs-interest") == [] and "관심 모델" in _text(children)


def test_no_input_prevents_update(cb):
    with pytest.raises(PreventUpdate):
        cb.render_result(None, "ko")
    with pytest.raises(PreventUpdate):
        cb.submit(0, "Kia", *[None] * len(cb.FIELDS), "ko")


# --- returning customers ------------------------------------------------------------------


def test_a_returning_customer_shows_the_actual_segment_and_history_not_a_prediction(cb):
    from warehouse.connection import Warehouse

    wh = Warehouse(services.settings().db)
    try:
        expected = wh.frame(
            "select s.segment, k.cluster, c.purchase_count from customers c "
            "join customer_segments s using (customer_id) "
            "join customer_clusters k using (customer_id) where c.email = 'yshaw@gmail.com'"
        ).row(0, named=True)
    finally:
        wh.close()
    for query in ("yshaw@gmail.com", "114-884-6606"):
        result, invalid = cb.lookup_customer(1, None, query, "Kia", "ko")
        text = _text(result)
        assert invalid is False
        assert "예측이 아닌 웨어하우스의 실제 기록" in text
        assert re.search(rf"실제 세그먼트:\s+{re.escape(expected['segment'])}", text)
        assert f"유형 {expected['cluster']} — " in text
        assert f"구매 {expected['purchase_count']}회" in text
        assert "yshaw" not in text and "6606" not in text  # no contact details shown
        assert re.search(r"고객 C-[0-9a-f]{16}", text)  # a pseudonym, not the login handle


def test_a_returning_customer_is_found_only_in_the_users_own_brand(cb):
    from app.actor import Actor
    from app.security.signin import acting_as

    result, _invalid = cb.lookup_customer(1, None, "yshaw@gmail.com", "Hyundai", "ko")
    assert "일치하는 고객이 없습니다" in _text(result)
    with acting_as(Actor(name="d1", role="dealer", brand="Hyundai")):
        # a Hyundai dealer asking on the Kia brand control is kept to Hyundai
        result, _invalid = cb.lookup_customer(1, None, "yshaw@gmail.com", "Kia", "en")
    assert "No Hyundai customer matches 'yshaw@gmail.com'" in _text(result)


def test_an_unusable_lookup_is_refused_naming_the_field(cb):
    result, invalid = cb.lookup_customer(1, None, "ab", "Kia", "en")
    assert invalid is True and "Lookup: too short" in _text(result)
    with pytest.raises(PreventUpdate):
        cb.lookup_customer(0, None, "x@y.com", "Kia", "ko")


# --- model card ---------------------------------------------------------------------------


def test_model_card_shows_cv_metrics_against_the_baselines_and_calibration(cb):
    body = cb.render_model_card("Hyundai", "ko")
    text = _text(body)
    card = cb.predictor("Hyundai").model_card()
    assert card["version"] in text
    info = card["targets"]["tier"]
    facts = _text(_find(body, "cs-card-tier"))
    assert info["chosen"] in facts and "CalibratedClassifierCV (sigmoid, 3겹)" in facts
    for value in (
        f"{100 * info['accuracy']:.1f}%",
        f"{info['macro_f1']:.3f}",
        f"{info['log_loss']:.3f}",
        f"{info['brier']:.3f}",
        f"{info['ece']:.3f}",
        f"{100 * info['baseline']['accuracy']:.1f}%",
        f"{info['baseline']['log_loss']:.3f}",
    ):
        assert value in facts, value
    assert "층화 5겹 교차검증" in facts
    [matrix] = _find(body, "cs-confusion")
    counts = [int(n.replace(",", "")) for n in re.findall(r"\d[\d,]*", _text(matrix.children[2]))]
    assert sum(counts) == info["rows"]
    assert "VIP 잠재" in _text(matrix)
    [reliability] = _find(body, "cs-reliability")
    assert "평균 확률" in _text(reliability)


def test_a_brand_change_is_kept_in_the_address(cb):
    assert cb.brand_in_url("Kia") == "?brand=Kia"
    assert cb.brand_in_url("Tesla") == "?brand=Hyundai"


def test_model_card_in_english(cb):
    text = _text(cb.render_model_card("Kia", "en"))
    assert "Stratified 5-fold cross-validation" in text and "Majority-class baseline" in text
    assert "Actual \\ predicted" in text and "VIP potential" in text
    assert "Expected calibration error" in text


def test_placeholders_follow_the_language(cb):
    assert cb.placeholders("en") == (
        "e.g. 45,000,000",
        "e.g. +82 10-1234-5678",
        "e.g. +1 650 253 0000, kim@example.com",
    )


def test_model_card_toggles(cb):
    assert cb.toggle_card(1, False) is True
    assert cb.toggle_card(2, True) is False


# --- registration -------------------------------------------------------------------------


def _registration(**overrides) -> dict:
    values = {
        "name": "김하늘",
        "phone": "010-1234-5678",
        "email": "haneul.kim@example.com",
        "address": "서울특별시 강남구 테헤란로 1",
        "user_id": "haneul01",
        "signup_date": "2026-01-15",
    }
    return {**values, **overrides}


class Registered:
    def __init__(self, cb, outputs: tuple) -> None:
        n = len(cb.REG_FIELDS)
        self.messages = dict(zip(cb.REG_FIELDS, outputs[:n], strict=True))
        self.invalid = dict(zip(cb.REG_FIELDS, outputs[n : 2 * n], strict=True))
        self.alert = outputs[2 * n]

    @property
    def wrong(self) -> set[str]:
        return {f for f, message in self.messages.items() if message}


def _register(cb, spec, lang="ko", **overrides) -> Registered:
    form = _registration(**overrides)
    return Registered(cb, cb.register(1, *[form[f] for f in cb.REG_FIELDS], spec, lang))


def _stored(cb) -> list[dict]:
    path = services.settings().ops_db
    if not path.exists():
        return []
    with sqlite3.connect(path) as con:
        con.row_factory = sqlite3.Row
        return [dict(r) for r in con.execute("select * from prospects order by prospect_id")]


def test_registration_saves_the_customer_with_the_prediction_and_model_version(cb):
    spec = _submit(cb, _form(cb, model_of_interest="Avante")).spec
    out = _register(cb, spec)
    assert out.wrong == set() and not any(out.invalid.values())
    assert "cs-reg-saved" in out.alert.className
    # the confirmation names a pseudonym, never the user id typed at the counter
    assert re.search(r"가망 고객 ID P-[0-9a-f]{16}", _text(out.alert)), _text(out.alert)
    assert "haneul01" not in _text(out.alert)
    assert "구매 기록 아님" in _text(out.alert)
    [row] = _stored(cb)
    _pred, _inp, prediction = cb.predict_spec(spec)
    assert row["prospect_id"] == "N-Hyundai-haneul01"
    assert row["phone"] == "+821012345678"  # normalised to E.164
    assert row["predicted_segment"] == prediction.segment
    assert row["predicted_tier"] == prediction.tier and row["predicted_cluster"] is None
    assert row["model_version"] == prediction.model_version == cb.predictor("Hyundai").version
    assert row["market"] == "Korea" and row["budget_krw"] == spec["budget"]
    assert row["model"] == "Avante" and row["signup_date"] == "2026-01-15"
    assert row["tier_probability"] == prediction.tier_probability
    assert 0 < row["tier_probability"] <= 1


def test_a_dealer_hears_only_that_the_customer_is_registered_never_the_e_mail(cb):
    from app.actor import Actor
    from app.security.signin import acting_as

    spec = _submit(cb, _form(cb)).spec
    assert "cs-reg-saved" in _register(cb, spec).alert.className
    with acting_as(Actor(name="d1", role="dealer", brand="Hyundai")):
        again = _register(cb, spec, user_id="someone_else", email="Haneul.Kim@EXAMPLE.com")
    assert _text(again.alert) == "이미 등록된 고객입니다"
    assert again.wrong == set() and "example.com" not in str(again.alert).lower()
    assert len(_stored(cb)) == 1


@pytest.mark.parametrize("field", ["name", "email", "address", "user_id"])
@pytest.mark.parametrize("lead", ["=", "+", "-", "@"])
def test_registration_fields_starting_like_a_formula_are_refused(cb, field, lead):
    spec = _submit(cb, _form(cb)).spec
    value = {"email": "cmd@example.com", "user_id": "cmd01"}.get(field, "HYPERLINK(x)")
    out = _register(cb, spec, **{field: lead + value})
    assert field in out.wrong, _text(out.alert)
    assert _stored(cb) == []


def test_a_duplicate_email_or_user_id_is_refused_and_nothing_is_written(cb):
    spec = _submit(cb, _form(cb)).spec
    assert "cs-reg-saved" in _register(cb, spec).alert.className
    again = _register(cb, spec, user_id="someone_else", email="Haneul.Kim@EXAMPLE.com")
    assert again.wrong == {"email"} and again.invalid["email"] is True
    assert "이미 등록된 이메일" in _text(again.alert)
    same_id = _register(cb, spec, email="other@example.com")
    assert same_id.wrong == {"user_id"}
    assert "이미 등록된 사용자 ID" in _text(same_id.alert)
    assert len(_stored(cb)) == 1
    english = _register(cb, spec, lang="en", user_id="x-user")
    assert "already registered" in _text(english.alert)


def test_wrong_registration_fields_are_all_reported_and_nothing_is_saved(cb):
    spec = _submit(cb, _form(cb)).spec
    out = _register(
        cb, spec, name="", phone="12", email="not-an-email", user_id="a b", signup_date="2026-13-40"
    )
    assert out.wrong == {"name", "phone", "email", "user_id", "signup_date"}
    assert all(out.invalid[f] for f in out.wrong) and not out.invalid["address"]
    assert "저장하지 않았습니다" in _text(out.alert)
    assert "010-1234-5678" in out.messages["phone"]  # the message shows an example
    assert _stored(cb) == []


def test_international_phone_numbers_are_accepted(cb):
    spec = _submit(cb, _form(cb)).spec
    out = _register(cb, spec, phone="+1 415 555 0100", user_id="intl01", email="intl@example.com")
    assert out.wrong == set()
    assert _stored(cb)[0]["phone"] == "+14155550100"


def test_registration_needs_a_prediction_first(cb):
    out = _register(cb, None)
    assert "먼저" in _text(out.alert)
    assert _stored(cb) == []


# --- layout (no data needed) --------------------------------------------------------------


def _by_id(component) -> dict:
    """Every component of the tree with a string id, by id."""
    if isinstance(component, list | tuple):
        return {k: v for c in component for k, v in _by_id(c).items()}
    if component is None or isinstance(component, str | int | float):
        return {}
    found = {component.id: component} if isinstance(getattr(component, "id", None), str) else {}
    for prop in ("children", "label"):
        found |= _by_id(getattr(component, prop, None))
    return found


def test_the_layout_holds_every_page_id_and_takes_the_brand_from_the_query():
    from app import ids
    from layouts import predict

    page = _by_id(predict.layout(brand="kia", junk="x"))  # unknown parameters are ignored
    wanted = {v for k, v in vars(ids).items() if k.startswith("PREDICT_")}
    assert wanted - set(page) == set()
    assert page[ids.PREDICT_BRAND].value == "Kia"
    assert page[ids.PREDICT_AGE].value == predict.DEFAULT_AGE
    assert _by_id(predict.layout(brand="Tesla"))[ids.PREDICT_BRAND].value == "Hyundai"


def test_a_rebuild_after_a_registration_keeps_the_prospect_apart_from_purchases(
    cb, shared_data, tmp_path
):
    import duckdb

    from warehouse.build import build

    spec = _submit(cb, _form(cb, model_of_interest="Avante")).spec
    assert "cs-reg-saved" in _register(cb, spec).alert.className
    db = tmp_path / "rebuilt.duckdb"
    build([shared_data], db, ops_db=services.settings().ops_db)  # failed: string -> date cast
    tier = cb.predict_spec(spec)[2].tier
    with duckdb.connect(str(db), read_only=True) as con:
        prospects = con.sql(
            "select prospect_id, brand, model, budget_krw, predicted_tier, signup_date "
            "from prospects"
        ).fetchall()
        as_customer = con.sql(
            "select count(*) from customers where customer_id like 'N-%'"
        ).fetchall()
        predictions = con.sql("select customer_id from customer_predictions").fetchall()
    assert prospects == [
        ("N-Hyundai-haneul01", "Hyundai", "Avante", spec["budget"], tier, dt.date(2026, 1, 15))
    ]
    assert as_customer == [(0,)]  # a prospect is not a purchase
    assert predictions == [("N-Hyundai-haneul01",)]


def test_the_dealer_page_lists_registered_prospects_with_their_value_tier(cb):
    import callbacks.dealer as dealer

    spec = _submit(cb, _form(cb, model_of_interest="Avante")).spec
    assert "cs-reg-saved" in _register(cb, spec).alert.className
    filters, _search = dealer.resolve_filters("Hyundai", "all", "all", "all")
    count, table = dealer.render_prospects(filters, "ko")
    assert count.children == "가망 고객 1명"
    [row] = table.data
    prediction = cb.predict_spec(spec)[2]
    assert re.fullmatch(r"P-[0-9a-f]{16}", row["prospect_id"]) and row["model"] == "Avante"
    assert row["budget_krw"] == spec["budget"]
    assert row["predicted_tier"] == prediction.tier  # shown by its label (VIP 잠재 / 일반 / 실속)
    assert "name" not in row and "phone" not in row and "email" not in row
    kia, _search = dealer.resolve_filters("Kia", "all", "all", "all")
    assert "등록된 가망 고객이 없습니다" in dealer.render_prospects(kia, "ko").children
