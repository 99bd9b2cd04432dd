"""Training of the value-tier model, run by `carsight train` inside each brand's run.

A prospect at the counter has bought nothing, so recency, frequency and the RFM
segment do not exist for them: a prospect is 신규 by definition. What the dealer
needs predicted is the value potential: what customers like this one became.

Target (`value_tiers`): each customer's value = amount_krw x purchase_count (KRW
x purchases, the lifetime spend the data can show), cut at the brand's 25th and
75th percentiles into TIERS: VIP 잠재 (top quarter), 일반 (the middle half) and
실속 (bottom quarter).

Features: the counter inputs only (`analytics.predict.features`: age, gender,
market, wanted class, eco preference, budget, payment method, channel); never
the purchase count (half of the target) nor anything derived from it.

Candidates (CANDIDATES), each wrapped in `CalibratedClassifierCV` (sigmoid,
3-fold, fitted inside each training fold) so the probabilities shown at the
counter are calibrated: LogisticRegression (scaled), GradientBoosting and
HistGradientBoosting. Stratified 5-fold cross-validation (shuffled, fixed seed)
gives out-of-fold probabilities for every row; the chosen candidate has the
lowest log loss (a proper score for probabilities; ties: candidate order) and is
refitted on all rows. The model card (the manifest's `predict` section) records,
for the chosen and every candidate: accuracy, macro-F1, log loss, Brier score and
the expected calibration error, with the majority-class baseline (accuracy,
macro-F1) and the class-prior baseline (log loss, Brier), a reliability table and
the confusion matrix.

Size limits (documented trade-offs; the reference data, about 1,900 customers
per brand, is used in full): cross-validation runs on a fixed-seed sample of at
most `cv_sample` rows (default 5,000) per brand; the chosen model is refitted on
at most `fit_sample` rows (20,000).

Besides the model the run writes `predict_stats.json`: the brand's input
vocabulary, budget bounds and the recommendation statistics
(`analytics.predict.recommend_vehicles.build_stats`, over the brand's models in
the model catalogue).
"""

from __future__ import annotations

import json
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl

from analytics import artifacts
from analytics.predict import features, recommend_vehicles
from analytics.segments import clusters

TIERS: tuple[str, ...] = ("VIP 잠재", "일반", "실속")
TIER_LOW, TIER_HIGH = 0.25, 0.75  # value quantiles cutting 실속 | 일반 | VIP 잠재
TIER_RULE = (
    "value = amount_krw x purchase_count per customer; VIP 잠재 when value >= the brand's "
    f"{TIER_HIGH:.0%} quantile, 실속 when value < its {TIER_LOW:.0%} quantile (linear "
    "interpolation), 일반 otherwise"
)
CANDIDATES: tuple[str, ...] = ("LogisticRegression", "GradientBoosting", "HistGradientBoosting")
FOLDS = 5
CALIBRATION: dict[str, Any] = {"method": "sigmoid", "cv": 3}
CV_SCHEME = (
    f"stratified {FOLDS}-fold cross-validation, shuffled with the training seed; each "
    f"candidate calibrated ({CALIBRATION['method']}, {CALIBRATION['cv']}-fold) inside every "
    "training fold; metrics from the out-of-fold probabilities of every row"
)
SELECTION_RULE = "lowest out-of-fold log loss; ties: candidate order"
ECE_BINS = 10


def value_tiers(frame: pl.DataFrame) -> tuple[pl.Series, dict[str, float]]:
    """The value tier of every row of `frame` (amount_krw in KRW, purchase_count the
    purchases including the recorded one) by TIER_RULE, and the cut points
    (value_p25, value_p75 in KRW x purchases)."""
    value = pl.col("amount_krw").cast(pl.Float64) * pl.col("purchase_count")
    cuts = frame.select(
        value.quantile(TIER_LOW, "linear").alias("value_p25"),
        value.quantile(TIER_HIGH, "linear").alias("value_p75"),
    ).row(0, named=True)
    low, high = float(cuts["value_p25"]), float(cuts["value_p75"])
    tier = frame.select(
        pl.when(value >= high)
        .then(pl.lit(TIERS[0]))
        .when(value < low)
        .then(pl.lit(TIERS[2]))
        .otherwise(pl.lit(TIERS[1]))
        .alias("tier")
    ).to_series()
    return tier, {"value_p25": low, "value_p75": high}


def make_candidate(name: str, *, seed: int) -> Any:
    """An unfitted, calibrated classifier.

    Modest sizes keep training to seconds per brand and a prediction to
    milliseconds (skops loads every tree as an object; calibration keeps three
    copies of the base model).
    """
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.ensemble import GradientBoostingClassifier, HistGradientBoostingClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import StandardScaler

    base: Any
    if name == "LogisticRegression":
        base = Pipeline(
            [("scale", StandardScaler()), ("logit", LogisticRegression(max_iter=2000, C=1.0))]
        )
    elif name == "GradientBoosting":
        base = GradientBoostingClassifier(
            n_estimators=50, max_depth=3, learning_rate=0.1, subsample=0.8, random_state=seed
        )
    elif name == "HistGradientBoosting":
        base = HistGradientBoostingClassifier(
            max_iter=40,
            learning_rate=0.1,
            max_leaf_nodes=15,
            early_stopping=False,
            random_state=seed,
        )
    else:
        raise ValueError(f"unknown classifier {name!r}; expected one of {CANDIDATES}")
    return CalibratedClassifierCV(
        base, method=str(CALIBRATION["method"]), cv=int(CALIBRATION["cv"])
    )


def _labels(y: np.ndarray) -> list[Any]:
    return sorted({v.item() if isinstance(v, np.generic) else v for v in y})


def brier(y: np.ndarray, proba: np.ndarray, labels: list[Any]) -> float:
    """Multi-class Brier score: mean over rows of sum over classes (p - 1[y = class])^2."""
    onehot = np.asarray(y, dtype=object)[:, None] == np.asarray(labels, dtype=object)[None, :]
    return float(np.mean(np.sum((proba - onehot) ** 2, axis=1)))


def reliability(
    y: np.ndarray, proba: np.ndarray, labels: list[Any], bins: int = ECE_BINS
) -> tuple[float, list[dict[str, Any]]]:
    """Expected calibration error of the top class and its table.

    Rows are grouped by the top probability into `bins` equal-width bins; per
    non-empty bin: rows, mean confidence and accuracy (0-1). ECE is the
    rows-weighted mean |accuracy - confidence|.
    """
    top = proba.max(axis=1)
    correct = np.asarray(labels, dtype=object)[proba.argmax(axis=1)] == np.asarray(y, dtype=object)
    edges = np.linspace(0.0, 1.0, bins + 1)
    which = np.clip(np.digitize(top, edges[1:-1], right=True), 0, bins - 1)
    table, ece = [], 0.0
    for b in range(bins):
        inside = which == b
        n = int(inside.sum())
        if not n:
            continue
        conf, acc = float(top[inside].mean()), float(correct[inside].mean())
        ece += n / len(y) * abs(acc - conf)
        table.append(
            {
                "bin": f"{edges[b]:.1f}-{edges[b + 1]:.1f}",
                "rows": n,
                "confidence": round(conf, 4),
                "accuracy": round(acc, 4),
            }
        )
    return ece, table


def _scores(y: np.ndarray, proba: np.ndarray, labels: list[Any]) -> dict[str, float]:
    from sklearn.metrics import accuracy_score, f1_score, log_loss

    pred = np.asarray(labels, dtype=object)[proba.argmax(axis=1)]
    ece, _table = reliability(y, proba, labels)
    return {
        "accuracy": round(float(accuracy_score(y, pred)), 4),
        "macro_f1": round(
            float(f1_score(y, pred, average="macro", labels=labels, zero_division=0)), 4
        ),
        "log_loss": round(float(log_loss(y, np.clip(proba, 1e-15, 1), labels=labels)), 4),
        "brier": round(brier(y, proba, labels), 4),
        "ece": round(ece, 4),
    }


def cross_validate(
    x: np.ndarray, y: np.ndarray, *, seed: int, candidates: tuple[str, ...] = CANDIDATES
) -> dict[str, Any]:
    """Compare `candidates` on (x, y); returns the chosen name and every score."""
    from sklearn.base import clone
    from sklearn.metrics import confusion_matrix, f1_score
    from sklearn.model_selection import StratifiedKFold

    labels = _labels(y)
    counts = np.unique(y, return_counts=True)[1]
    folds = int(max(2, min(FOLDS, counts.min())))
    splits = list(StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed).split(x, y))
    scores: dict[str, dict[str, Any]] = {}
    oof_by: dict[str, np.ndarray] = {}
    for name in candidates:
        start = time.perf_counter()
        oof = np.zeros((y.shape[0], len(labels)))
        fold_f1 = []
        for train_idx, test_idx in splits:
            model = clone(make_candidate(name, seed=seed)).fit(x[train_idx], y[train_idx])
            cols = [labels.index(c) for c in _labels(model.classes_)]
            proba = np.zeros((test_idx.shape[0], len(labels)))
            proba[:, cols] = model.predict_proba(x[test_idx])
            oof[test_idx] = proba
            pred = np.asarray(labels, dtype=object)[proba.argmax(axis=1)]
            fold_f1.append(
                float(f1_score(y[test_idx], pred, average="macro", labels=labels, zero_division=0))
            )
        oof_by[name] = oof
        scores[name] = {
            **_scores(y, oof, labels),
            "fold_macro_f1": [round(v, 4) for v in fold_f1],
            "macro_f1_std": round(float(np.std(fold_f1)), 4),
            "seconds": round(time.perf_counter() - start, 2),
        }
    chosen = min(candidates, key=lambda n: (scores[n]["log_loss"], candidates.index(n)))
    values, freq = np.unique(y, return_counts=True)
    majority = values[int(np.argmax(freq))]
    prior = np.tile(
        np.asarray([float(np.mean(y == c)) for c in labels]), (y.shape[0], 1)
    )  # the class shares, for every row
    majority_proba = (np.asarray(labels, dtype=object) == majority).astype(float)[None, :]
    baseline_majority = _scores(y, np.tile(majority_proba, (y.shape[0], 1)), labels)
    baseline_prior = _scores(y, prior, labels)
    oof = oof_by[chosen]
    pred = np.asarray(labels, dtype=object)[oof.argmax(axis=1)]
    _ece, table = reliability(y, oof, labels)
    return {
        "chosen": chosen,
        "folds": folds,
        "rows": int(y.shape[0]),
        **{k: scores[chosen][k] for k in ("accuracy", "macro_f1", "log_loss", "brier", "ece")},
        "reliability": table,
        "confusion_matrix": {
            "labels": labels,
            "matrix": confusion_matrix(y, pred, labels=labels).tolist(),
            "rows_are": "true tier",
            "columns_are": "predicted tier (highest probability)",
        },
        "candidates": scores,
        "baseline": {
            "rule": "always predict the majority class (accuracy, macro-F1); the class "
            "shares as probabilities (log loss, Brier)",
            "majority_class": majority.item() if isinstance(majority, np.generic) else majority,
            "accuracy": baseline_majority["accuracy"],
            "macro_f1": baseline_majority["macro_f1"],
            "log_loss": baseline_prior["log_loss"],
            "brier": baseline_prior["brier"],
        },
    }


def _vocab(data: pl.DataFrame, *, brand: str, models: list[str]) -> dict[str, Any]:
    from analytics.predict.inputs import AGE_MAX, AGE_MIN, CHANNELS, PAYMENT_METHODS
    from warehouse.canonical import CUSTOMER_MARKETS

    def ordered(column: str, order: list[str] | None = None) -> list[str]:
        seen = set(data.get_column(column).drop_nulls().unique().to_list())
        first = [v for v in (order or []) if v in seen]
        return first + sorted(seen - set(first))

    low, high = recommend_vehicles.budget_bounds(data.get_column("amount_krw"))
    return {
        "brand": brand,
        "markets": ordered("market", list(CUSTOMER_MARKETS)),
        "vehicle_classes": ordered("vehicle_class"),
        "models": models,
        "payment_methods": ordered("payment_method", list(dict.fromkeys(PAYMENT_METHODS.values()))),
        "channels": ordered("channel", list(dict.fromkeys(CHANNELS.values()))),
        "genders": ["M", "F"],
        "budget_min": low,
        "budget_max": high,
        "age_min": AGE_MIN,
        "age_max": AGE_MAX,
        "budget_rule": recommend_vehicles.BUDGET_RULE,
    }


def train_predict(
    data: pl.DataFrame, *, brand: str, folder: Path, seed: int, cv_sample: int, fit_sample: int
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Fit and store the value-tier model of one brand into `folder`.

    `data`: the brand's customer_profiles rows (amount_krw, purchase_count with
    the recorded purchase, the counter inputs, model). Returns (manifest
    `predict` section, manifest artifact entries for the files written).
    """
    from warehouse.catalogue import families

    tiers, cuts = value_tiers(data.drop_nulls(["amount_krw", "purchase_count"]))
    frame = features.training_frame(
        data.drop_nulls(["amount_krw", "purchase_count"]).with_columns(tiers)
    )
    if frame.height < 10:
        raise ValueError(
            f"{brand}: only {frame.height} customers with every counter "
            "feature; too few to train the prediction model"
        )
    catalogue = families().filter((pl.col("brand") == brand) & ~pl.col("is_category"))
    stats = recommend_vehicles.build_stats(
        frame,
        catalogue=catalogue,
        tiers=list(TIERS),
        markets=_vocab(frame, brand=brand, models=[])["markets"],
        vehicle_classes=_vocab(frame, brand=brand, models=[])["vehicle_classes"],
    )
    vocab = _vocab(frame, brand=brand, models=stats.models)
    cats = features.categories(vocab)
    names = features.feature_names(cats)
    leaked = sorted({n.split("=")[0] for n in names} & features.TARGET_COLUMNS)
    if leaked:  # a guard for future edits of the feature list
        raise ValueError(f"target-derived columns among the features: {leaked}")
    cv_rows = frame[clusters.sample_rows(frame.height, cv_sample, seed=seed)]
    fit_rows = frame[clusters.sample_rows(frame.height, fit_sample, seed=seed)]
    # only the sampled rows are encoded: 1M customers would be ~250 MB of floats
    x_cv = features.design_matrix(features.frame_columns(cv_rows), cats)
    x_fit = features.design_matrix(features.frame_columns(fit_rows), cats)
    y_cv = cv_rows.get_column("tier").to_numpy().astype(object)
    y_fit = fit_rows.get_column("tier").to_numpy().astype(object)
    result = cross_validate(x_cv, y_cv, seed=seed)
    model = make_candidate(result["chosen"], seed=seed).fit(x_fit, y_fit)
    artifacts.save_model(model, folder / artifacts.PREDICT_TIER_MODEL)
    values, freq = np.unique(frame.get_column("tier").to_numpy().astype(str), return_counts=True)
    target = {
        "target": "value tier (what similar customers became)",
        "rule": TIER_RULE,
        "cuts": {k: round(v) for k, v in cuts.items()},
        **result,
        "refit_rows": fit_rows.height,
        "classes": [str(v) for v in model.classes_],
        "class_balance": {str(v): int(f) for v, f in zip(values, freq, strict=True)},
    }
    payload = json.dumps({"vocab": vocab, "stats": stats.to_json()}, ensure_ascii=False)
    (folder / artifacts.PREDICT_STATS).write_text(payload, encoding="utf-8")
    entries = {
        artifacts.PREDICT_TIER_MODEL: {
            "model": f"CalibratedClassifierCV({result['chosen']}) on the counter features "
            "-> value tier"
        },
        artifacts.PREDICT_STATS: {"model": "input vocabulary and recommendation statistics (JSON)"},
    }
    section = {
        "features": names,
        "inputs": list(features.MODEL_INPUTS),
        "not_features": sorted(features.TARGET_COLUMNS | {"model_of_interest", "recency_days"}),
        "counter_knowledge": (
            "budget_krw is the amount the customer paid (amount_krw), the one money figure a "
            "prospect can name. The purchase count is half of the target (value = amount x "
            "purchases) and a prospect has none, so it is no feature; recency does not exist "
            "for someone who never bought. A prospect with no purchases is 신규 by "
            "definition; a returning customer's segment is read from the warehouse."
        ),
        "rows": frame.height,
        "excluded_rows": data.height - frame.height,
        "cv": {
            "scheme": CV_SCHEME,
            "selection": SELECTION_RULE,
            "candidates": list(CANDIDATES),
            "calibration": CALIBRATION,
            "cv_sample": cv_sample,
            "fit_sample": fit_sample,
            "sample_rule": "fixed-seed random sample without replacement when the "
            "brand has more rows than the cap; every row otherwise",
        },
        "targets": {"tier": target},
        "vocab": vocab,
        "recommendation": {
            "weights": recommend_vehicles.WEIGHTS,
            "wish_rule": recommend_vehicles.WISH_RULE,
            "budget_band": recommend_vehicles.BUDGET_BAND,
            "top_n": recommend_vehicles.TOP_N,
            "market_top": recommend_vehicles.MARKET_TOP,
            "price_fit": f"1 - {recommend_vehicles.PRICE_OVER} * max(x, 0) - "
            f"{recommend_vehicles.PRICE_UNDER} * max(-x, 0), x = ln(price / budget)",
            "expected_price": "median amount_krw of the model's buyers (no catalogue price "
            "in the data)",
            "candidates": "the brand's models in the model catalogue (warehouse.catalogue) "
            "that its customers bought",
            "catalogue": "body type, size class and powertrains from warehouse.catalogue; "
            "eco = offers HEV, PHEV, EV or FCEV",
            "market_source": "customer_profiles: customers per model and market",
            "models": len(stats.models),
        },
    }
    return section, entries


def personas(profiles: pl.DataFrame) -> dict[str, Mapping[str, str]]:
    """{cluster: {ko, en}} persona texts from the segmentation profiles."""
    return {
        str(r["cluster"]): {"ko": r["persona_ko"], "en": r["persona_en"]}
        for r in profiles.select("cluster", "persona_ko", "persona_en").iter_rows(named=True)
    }
