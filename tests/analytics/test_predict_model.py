"""Model behaviour of the trained predictor on the reference data (trained once per session).

Invariance, direction and minimum functionality (Made-With-ML's behavioural
tests), the model card's honesty (cross-validated metrics, no target among the
features), artifact safety and the batch path agreeing with the single path.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl
import pytest

from analytics import artifacts
from analytics.artifacts import ArtifactError
from analytics.predict import CustomerInput, Predictor, load_predictor, parse_input
from analytics.predict.features import INPUT_COLUMNS, TARGET_COLUMNS

pytestmark = pytest.mark.slow
TODAY = dt.date(2026, 6, 15)
BRANDS = ("Hyundai", "Kia")


@pytest.fixture(scope="module")
def predictors(trained_reference: tuple[Path, Path]) -> dict[str, Predictor]:
    _, art = trained_reference
    return {b: load_predictor(art, b.lower()) for b in BRANDS}


def _customer(p: Predictor, **overrides: Any) -> CustomerInput:
    raw = {
        "gender": "여",
        "age": 38,
        "market": "대한민국",
        "vehicle_class": "중형 SUV",
        "eco_friendly": False,
        "budget": 45_000_000,
        "payment_method": "신용카드",
        "channel": "오프라인",
        "purchase_count": 1,
        **overrides,
    }
    return parse_input(raw, p.vocab, today=TODAY)


# --- invariance ------------------------------------------------------------------------------


IDENTITY = ("name", "email", "phone", "address", "user_id")


@pytest.mark.parametrize("brand", BRANDS)
def test_name_email_and_phone_never_change_a_prediction(
    predictors: dict[str, Predictor], brand: str
) -> None:
    # Identity is not a model input: the features are built from INPUT_COLUMNS only.
    assert set(IDENTITY).isdisjoint(INPUT_COLUMNS)
    p = predictors[brand]
    inp = _customer(p, gender="M", age=52, market="USA", budget=70_000_000, purchase_count=3)
    row = {c: getattr(inp, c) for c in INPUT_COLUMNS}
    people = [
        {"name": "김철수", "email": "kim@example.com", "phone": "010-1111-2222"},
        {"name": "Jane Doe", "email": "jane@example.org", "phone": "+1 650 253 0000"},
        {"name": "", "email": "", "phone": ""},
    ]
    # The same customer three times, carrying different identities through the scoring
    # itself: a model that read any column beyond its inputs would score them apart.
    frame = pl.DataFrame(
        [
            {**row, **person, "address": "x" * i, "user_id": f"u{i}"}
            for i, person in enumerate(people)
        ]
    )
    scored = p.predict_frame(frame).drop(IDENTITY, strict=False)
    assert scored.n_unique() == 1, scored
    assert scored.row(0, named=True) == p.predict_frame(pl.DataFrame([row])).row(0, named=True)


# --- direction -------------------------------------------------------------------------------


@pytest.mark.parametrize("brand", BRANDS)
@pytest.mark.parametrize("market", ["Korea", "USA", "Western Europe"])
@pytest.mark.parametrize("eco", [False, True])
@pytest.mark.parametrize("purchase_count", [0, 3])
def test_larger_budget_never_lowers_the_top_expected_price_within_a_customer_type(
    predictors: dict[str, Predictor], brand: str, market: str, eco: bool, purchase_count: int
) -> None:
    # The scoring is monotone in the budget by design for a fixed customer type (concave
    # price fit, see analytics.predict.recommend_vehicles). The budget is also the strongest input
    # of the type classifier, so a sweep can cross into another type, whose customers
    # bought other models: the property is asserted on each stretch of one type.
    p = predictors[brand]
    base = _customer(p, market=market, eco_friendly=eco, purchase_count=purchase_count)
    budgets = np.geomspace(p.vocab.budget_min, p.vocab.budget_max, 60).astype(int)
    frame = pl.DataFrame(
        [{**{c: getattr(base, c) for c in INPUT_COLUMNS}, "budget_krw": int(b)} for b in budgets]
    )
    scored = p.predict_frame(frame).with_columns(pl.col("cluster").rle_id().alias("stretch"))
    compared = 0
    for (stretch,), part in scored.group_by("stretch", maintain_order=True):
        top = part.get_column("rec1_expected_price").to_numpy()
        assert np.all(np.diff(top) >= 0), (stretch, top)
        compared += len(top) - 1
    # Stretches of one row compare nothing: most of the sweep must be compared pairs.
    assert compared >= len(budgets) // 2, scored.get_column("cluster").to_list()


# --- minimum functionality ---------------------------------------------------------------------


def _segment(p: Predictor, **overrides: Any) -> str:
    return p.predict(_customer(p, **overrides)).segment


def test_reference_customers_land_in_the_expected_segment(predictors: dict[str, Predictor]) -> None:
    # Cases the reference data supports. The customer files count the recorded purchase,
    # so previous purchases = purchase_count - 1. Outside Korea: customers with 4 or more
    # purchases are VIP (Kia 222 of 238, Hyundai 222 of 239), single purchases of 50-70M
    # KRW new (신규, Kia 303 of 303) and single purchases of 20-30M regular (일반, Kia 178
    # of 180, Hyundai 183 of 185). Kia's Korean customers bought long ago (the Korean
    # file's purchase dates are older), so there the same purchases are mostly at risk
    # (이탈가능: 49 of 63 with 4+ purchases, 37 of 43 single purchases of 20-30M): the
    # market stands in for the recency a dealer cannot ask about.
    kia, hyundai = predictors["Kia"], predictors["Hyundai"]
    assert _segment(kia, market="USA", purchase_count=3, budget=55_000_000) == "VIP"
    # Kia's one-purchase cluster is not recent enough to be 신규 (analytics.segments.rfm)
    assert _segment(kia, market="USA", purchase_count=0, budget=60_000_000) == "1회 고액 구매"
    assert _segment(kia, market="USA", purchase_count=0, budget=24_000_000) == "일반"
    assert _segment(kia, market="Korea", purchase_count=0, budget=24_000_000) == "이탈가능"
    assert _segment(hyundai, market="Canada", purchase_count=4, budget=45_000_000) == "VIP"
    assert _segment(hyundai, market="Canada", purchase_count=0, budget=24_000_000) == "일반"


# --- model card ------------------------------------------------------------------------------


@pytest.mark.parametrize("brand", BRANDS)
def test_model_card_has_cross_validated_metrics_and_no_target_among_the_features(
    predictors: dict[str, Predictor], brand: str
) -> None:
    card = predictors[brand].model_card()
    features = card["features"]
    assert not set(features) & TARGET_COLUMNS
    assert not [f for f in features if f.split("=")[0] in TARGET_COLUMNS]
    assert "5-fold" in card["cv"]["scheme"]
    for target in ("segment", "cluster"):
        t = card["targets"][target]
        assert set(t["candidates"]) == {"GradientBoosting", "RandomForest", "HistGradientBoosting"}
        assert t["chosen"] in t["candidates"]
        assert t["macro_f1"] == max(c["macro_f1"] for c in t["candidates"].values())
        assert len(t["candidates"][t["chosen"]]["fold_macro_f1"]) == 5
        labels, matrix = t["confusion_matrix"]["labels"], t["confusion_matrix"]["matrix"]
        assert len(matrix) == len(labels) and sum(map(sum, matrix)) == t["rows"]
        assert sum(t["class_balance"].values()) == card["rows"]
        # honest: better than always guessing the majority class, but not a perfect score
        assert t["baseline"]["accuracy"] < t["accuracy"] < 0.99
    names = {c["segment"] for c in predictors[brand].manifest["rfm"]["centroids"]}
    assert set(card["targets"]["segment"]["classes"]) == names


# --- serving -----------------------------------------------------------------------------------


@pytest.mark.parametrize("brand", BRANDS)
def test_prediction_has_probabilities_persona_and_three_cars(
    predictors: dict[str, Predictor], brand: str
) -> None:
    p = predictors[brand]
    pred = p.predict(_customer(p, model_of_interest=p.vocab.models[-1]))
    assert sum(pred.segment_probabilities.values()) == pytest.approx(1, abs=1e-3)
    assert sum(pred.cluster_probabilities.values()) == pytest.approx(1, abs=1e-3)
    assert pred.segment_probability == max(pred.segment_probabilities.values())
    assert pred.persona_ko and pred.persona_en and pred.model_version == p.version
    top = [r for r in pred.recommendations if r.rank <= 3]
    assert len(top) == 3 and all(r.expected_price > 0 and r.reasons for r in top)
    assert [r.is_model_of_interest for r in pred.recommendations].count(True) == 1


@pytest.mark.parametrize("brand", BRANDS)
def test_batch_scoring_agrees_with_single_predictions(
    predictors: dict[str, Predictor], brand: str
) -> None:
    p = predictors[brand]
    rng = np.random.default_rng(3)
    inputs = [
        _customer(
            p,
            gender=str(rng.choice(["M", "F"])),
            age=int(rng.integers(20, 70)),
            market=str(rng.choice(p.vocab.markets)),
            vehicle_class=str(rng.choice(p.vocab.vehicle_classes)),
            eco_friendly=bool(rng.integers(2)),
            budget=int(rng.integers(20, 90)) * 1_000_000,
            purchase_count=int(rng.integers(0, 5)),
        )
        for _ in range(25)
    ]
    frame = pl.DataFrame([{c: getattr(i, c) for c in INPUT_COLUMNS} for i in inputs])
    batch = p.predict_frame(frame)
    for row, inp in zip(batch.iter_rows(named=True), inputs, strict=True):
        single = p.predict(inp)
        assert (row["segment"], row["cluster"]) == (single.segment, single.cluster)
        assert [row[f"rec{i}_model"] for i in (1, 2, 3)] == [
            r.model for r in single.recommendations[:3]
        ]


# --- artifact safety -----------------------------------------------------------------------


def _copy(art: Path, tmp_path: Path) -> Path:
    dest = tmp_path / "artifacts"
    shutil.copytree(art, dest)
    return dest


@pytest.mark.parametrize(
    "name",
    [artifacts.PREDICT_SEGMENT_MODEL, artifacts.PREDICT_CLUSTER_MODEL, artifacts.PREDICT_STATS],
)
def test_changing_one_byte_of_a_prediction_artifact_refuses_the_load(
    trained_reference: tuple[Path, Path], tmp_path: Path, name: str
) -> None:
    art = _copy(trained_reference[1], tmp_path)
    version, _ = artifacts.latest_version(art, "Kia")
    file = artifacts.brand_dir(art, "Kia") / version / name
    data = bytearray(file.read_bytes())
    data[len(data) // 2] ^= 0x01
    file.write_bytes(bytes(data))
    with pytest.raises(ArtifactError, match=name):
        load_predictor(art, "Kia")


def test_a_run_without_prediction_models_is_refused_with_the_fix(
    trained_reference: tuple[Path, Path], tmp_path: Path
) -> None:
    import json

    art = _copy(trained_reference[1], tmp_path)
    version, _ = artifacts.latest_version(art, "Hyundai")
    folder = artifacts.brand_dir(art, "Hyundai") / version
    manifest = json.loads((folder / artifacts.MANIFEST).read_text(encoding="utf-8"))
    manifest.pop("predict")
    for name in (
        artifacts.PREDICT_SEGMENT_MODEL,
        artifacts.PREDICT_CLUSTER_MODEL,
        artifacts.PREDICT_STATS,
    ):
        manifest["artifacts"].pop(name)
    digest = artifacts.write_manifest(folder, manifest)
    artifacts.write_latest(art, "Hyundai", version, digest)
    with pytest.raises(ArtifactError, match="carsight train"):
        load_predictor(art, "Hyundai")


def test_input_for_another_brand_is_refused(predictors: dict[str, Predictor]) -> None:
    kia_input = dataclasses.replace(_customer(predictors["Kia"]), brand="Kia")
    with pytest.raises(ValueError, match="Kia"):
        predictors["Hyundai"].predict(kia_input)
