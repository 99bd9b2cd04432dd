"""Training of the prediction models, run by `carsight train` inside each brand's run.

The fitted segmentation pipelines need recency (days since the last purchase),
which a prospect at the counter does not have, so they cannot assign a new
customer. Instead, per brand and per target (RFM segment, customer type), the
counter features (`analytics.predict.features`) are fed to three classifiers
compared by stratified 5-fold cross-validation (shuffled, fixed seed):
GradientBoosting, RandomForest and HistGradientBoosting. The one with the best
macro-F1 (ties: the earlier in CANDIDATES) is refitted on all rows and stored
with skops. The manifest's `predict` section (the model card) records, per
target: accuracy, macro-F1 and the confusion matrix of the chosen classifier's
out-of-fold predictions, every candidate's scores, the class balance and a
majority-class baseline.

Size limits (documented trade-offs; the reference data, about 1,900 customers
per brand, is used in full):

- cross-validation runs on a fixed-seed sample of at most `cv_sample` rows
  (default 5,000) per brand;
- the chosen classifier is refitted on at most `fit_sample` rows (the
  segmentation's `fit_sample`, 20,000), also a fixed-seed sample.

Besides the two models the run writes `predict_stats.json`: the brand's input
vocabulary, budget bounds and the recommendation statistics
(`analytics.predict.recommend_vehicles.build_stats`).
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

CANDIDATES: tuple[str, ...] = ("GradientBoosting", "RandomForest", "HistGradientBoosting")
FOLDS = 5
CV_SCHEME = (
    f"stratified {FOLDS}-fold cross-validation, shuffled with the training seed; "
    "metrics from the out-of-fold predictions of every row"
)
SELECTION_RULE = "best macro-F1 over the folds' out-of-fold predictions; ties: candidate order"
TARGETS: dict[str, str] = {
    "segment": "RFM segment (analytics.segments.rfm)",
    "cluster": "customer type (analytics.segments.clusters)",
}


def make_candidate(name: str, *, seed: int) -> Any:
    """An unfitted classifier.

    Modest sizes keep training to seconds per brand and a single prediction to
    milliseconds: prediction cost grows with the number of trees (boosting
    iterations x classes), and skops loads every tree as an object.
    """
    from sklearn.ensemble import (
        GradientBoostingClassifier,
        HistGradientBoostingClassifier,
        RandomForestClassifier,
    )

    if name == "GradientBoosting":
        return GradientBoostingClassifier(
            n_estimators=50, max_depth=3, learning_rate=0.2, subsample=0.8, random_state=seed
        )
    if name == "RandomForest":
        return RandomForestClassifier(
            n_estimators=100, min_samples_leaf=3, n_jobs=1, random_state=seed
        )
    if name == "HistGradientBoosting":
        return HistGradientBoostingClassifier(
            max_iter=40,
            learning_rate=0.2,
            max_leaf_nodes=15,
            early_stopping=False,
            random_state=seed,
        )
    raise ValueError(f"unknown classifier {name!r}; expected one of {CANDIDATES}")


def _labels(y: np.ndarray) -> list[Any]:
    return sorted({v.item() if isinstance(v, np.generic) else v for v in y})


def cross_validate(
    x: np.ndarray, y: np.ndarray, *, seed: int, candidates: tuple[str, ...] = CANDIDATES
) -> dict[str, Any]:
    """Compare `candidates` on (x, y); returns the chosen name and every score."""
    from sklearn.base import clone
    from sklearn.metrics import accuracy_score, confusion_matrix, f1_score
    from sklearn.model_selection import StratifiedKFold

    labels = _labels(y)
    counts = np.unique(y, return_counts=True)[1]
    folds = int(max(2, min(FOLDS, counts.min())))
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    splits = list(splitter.split(x, y))
    scores: dict[str, dict[str, Any]] = {}
    oof_by: dict[str, np.ndarray] = {}
    for name in candidates:
        start = time.perf_counter()
        oof = np.empty_like(y)
        fold_f1, fold_acc = [], []
        for train_idx, test_idx in splits:
            model = clone(make_candidate(name, seed=seed)).fit(x[train_idx], y[train_idx])
            pred = model.predict(x[test_idx])
            oof[test_idx] = pred
            fold_acc.append(float(accuracy_score(y[test_idx], pred)))
            fold_f1.append(
                float(f1_score(y[test_idx], pred, average="macro", labels=labels, zero_division=0))
            )
        oof_by[name] = oof
        scores[name] = {
            "accuracy": round(float(accuracy_score(y, oof)), 4),
            "macro_f1": round(
                float(f1_score(y, oof, average="macro", labels=labels, zero_division=0)), 4
            ),
            "fold_macro_f1": [round(v, 4) for v in fold_f1],
            "fold_accuracy": [round(v, 4) for v in fold_acc],
            "macro_f1_std": round(float(np.std(fold_f1)), 4),
            "seconds": round(time.perf_counter() - start, 2),
        }
    chosen = max(candidates, key=lambda n: (scores[n]["macro_f1"], -candidates.index(n)))
    values, freq = np.unique(y, return_counts=True)
    majority = values[int(np.argmax(freq))]
    baseline = np.full_like(y, majority)
    matrix = confusion_matrix(y, oof_by[chosen], labels=labels)
    return {
        "chosen": chosen,
        "folds": folds,
        "rows": int(y.shape[0]),
        "accuracy": scores[chosen]["accuracy"],
        "macro_f1": scores[chosen]["macro_f1"],
        "confusion_matrix": {
            "labels": labels,
            "matrix": matrix.tolist(),
            "rows_are": "true label",
            "columns_are": "predicted label",
        },
        "candidates": scores,
        "baseline": {
            "rule": "always predict the majority class",
            "majority_class": majority.item() if isinstance(majority, np.generic) else majority,
            "accuracy": round(float(accuracy_score(y, baseline)), 4),
            "macro_f1": round(
                float(f1_score(y, baseline, average="macro", labels=labels, zero_division=0)), 4
            ),
        },
    }


def _vocab(data: pl.DataFrame, *, brand: str) -> dict[str, Any]:
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
        "models": ordered("model"),
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
    """Fit and store the prediction models of one brand into `folder`.

    `data`: the brand's customer_profiles rows with `segment` and `cluster`
    (1..K) columns. Returns (manifest `predict` section, manifest artifact
    entries for the files written).
    """
    frame = features.training_frame(data).drop_nulls(["segment", "cluster"])
    if frame.height < 10:
        raise ValueError(
            f"{brand}: only {frame.height} customers with every counter "
            "feature; too few to train the prediction models"
        )
    vocab = _vocab(frame, brand=brand)
    cats = features.categories(vocab)
    names = features.feature_names(cats)
    leaked = sorted(set(names) & features.TARGET_COLUMNS)
    if leaked:  # a guard for future edits of the feature list
        raise ValueError(f"target-derived columns among the features: {leaked}")
    cv_rows = frame[clusters.sample_rows(frame.height, cv_sample, seed=seed)]
    fit_rows = frame[clusters.sample_rows(frame.height, fit_sample, seed=seed)]
    # only the sampled rows are encoded: 1M customers would be ~250 MB of floats
    x_cv = features.design_matrix(features.frame_columns(cv_rows), cats)
    x_fit = features.design_matrix(features.frame_columns(fit_rows), cats)
    targets: dict[str, Any] = {}
    entries: dict[str, Any] = {}
    for target, file in (
        ("segment", artifacts.PREDICT_SEGMENT_MODEL),
        ("cluster", artifacts.PREDICT_CLUSTER_MODEL),
    ):
        kind = np.int64 if target == "cluster" else str
        y_cv = cv_rows.get_column(target).to_numpy().astype(kind)
        y_fit = fit_rows.get_column(target).to_numpy().astype(kind)
        result = cross_validate(x_cv, y_cv, seed=seed)
        model = make_candidate(result["chosen"], seed=seed).fit(x_fit, y_fit)
        artifacts.save_model(model, folder / file)
        values, freq = np.unique(
            frame.get_column(target).to_numpy().astype(kind), return_counts=True
        )
        targets[target] = {
            "target": TARGETS[target],
            **result,
            "refit_rows": fit_rows.height,
            "classes": [v.item() for v in model.classes_],
            "class_balance": {str(v): int(f) for v, f in zip(values, freq, strict=True)},
        }
        entries[file] = {
            "model": f"{result['chosen']}Classifier on the counter features -> {target}"
        }
    stats = recommend_vehicles.build_stats(
        frame,
        clusters=sorted(int(c) for c in frame.get_column("cluster").unique()),
        markets=vocab["markets"],
        vehicle_classes=vocab["vehicle_classes"],
    )
    payload = json.dumps({"vocab": vocab, "stats": stats.to_json()}, ensure_ascii=False)
    (folder / artifacts.PREDICT_STATS).write_text(payload, encoding="utf-8")
    entries[artifacts.PREDICT_STATS] = {
        "model": "input vocabulary and recommendation statistics (JSON)"
    }
    section = {
        "features": names,
        "inputs": list(features.INPUT_COLUMNS),
        "not_features": sorted(features.TARGET_COLUMNS | {"model_of_interest"}),
        "counter_knowledge": (
            "budget_krw is the amount the customer paid (amount_krw) and purchase_count "
            "the previous purchases (purchase_count - 1): a dealer learns both at the "
            "counter, so they are legitimate inputs although the segment and type models "
            "used amount and frequency. Recency is unknown at the counter and unused; "
            "neither target is a feature of the other's model."
        ),
        "rows": frame.height,
        "excluded_rows": data.height - frame.height,
        "cv": {
            "scheme": CV_SCHEME,
            "selection": SELECTION_RULE,
            "candidates": list(CANDIDATES),
            "cv_sample": cv_sample,
            "fit_sample": fit_sample,
            "sample_rule": "fixed-seed random sample without replacement when the "
            "brand has more rows than the cap; every row otherwise",
        },
        "targets": targets,
        "vocab": vocab,
        "recommendation": {
            "weights": recommend_vehicles.WEIGHTS,
            "top_n": recommend_vehicles.TOP_N,
            "market_top": recommend_vehicles.MARKET_TOP,
            "price_fit": f"1 - {recommend_vehicles.PRICE_OVER} * max(x, 0) - "
            f"{recommend_vehicles.PRICE_UNDER} * max(-x, 0), x = ln(price / budget)",
            "expected_price": "median amount_krw of the model's buyers (no catalogue price "
            "in the data)",
            "market_source": "customer_profiles: customers per model and market",
            "eco_rule": f"eco when more than {recommend_vehicles.ECO_MAJORITY:.0%} of the model's "
            "buyers are eco-friendly",
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
