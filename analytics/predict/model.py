"""Serving the prediction model: a verified `Predictor` per brand and version.

`load_predictor` verifies the brand's latest training run (manifest hash,
every artifact's SHA-256, library versions; `analytics.artifacts`) and loads
the value-tier model and the recommendation statistics. Callers cache the
predictor per (brand, version). `Predictor.predict` scores one counter
customer; `Predictor.predict_frame` scores many in one vectorised pass (the
same code path: `predict` is `_infer` on one row).

What a counter prediction says:

- segment: a prospect with no previous purchases is 신규 by definition (not a
  prediction: recency does not exist for someone who never bought); someone who
  says they bought before has a segment only in the warehouse (None here: look
  them up by phone, e-mail or id, `analytics.predict.lookup`);
- tier: the value potential, what similar customers became (VIP 잠재 / 일반 /
  실속), with calibrated probabilities;
- recommendations: three cars honouring the class, budget and eco wishes, and
  `wishes`: which of them the catalogue could meet and why not.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl

from analytics import artifacts
from analytics.artifacts import ArtifactError
from analytics.predict import features, recommend_vehicles
from analytics.predict.inputs import CustomerInput, InputVocab
from analytics.predict.recommend_vehicles import Recommendation, RecommendationStats, Wishes

BRANDS: dict[str, str] = {"kia": "Kia", "기아": "Kia", "hyundai": "Hyundai", "현대": "Hyundai"}
NEW = "신규"  # the segment of a prospect with no purchases, by definition
SEGMENT_RULES = {
    "no_purchases": "no previous purchases: 신규 by definition, not predicted",
    "history_needed": "previous purchases told at the counter: the segment comes from the "
    "customer's history in the warehouse (look the customer up), never from a prediction",
}


def canonical_brand(brand: str) -> str:
    """'Kia' / 'Hyundai' from any casing or the Korean name; other text unchanged."""
    return BRANDS.get(brand.strip().lower(), brand.strip())


def counter_segment(purchase_count: int) -> tuple[str | None, str]:
    """(segment, rule) of a counter customer: 신규 with no previous purchases, else
    unknown here (the warehouse has their history). See SEGMENT_RULES."""
    return (NEW, "no_purchases") if purchase_count <= 0 else (None, "history_needed")


@dataclass(frozen=True)
class Prediction:
    """One counter customer's result. Probabilities in [0, 1], summing to 1."""

    segment: str | None
    segment_rule: str
    tier: str
    tier_probabilities: dict[str, float]
    recommendations: list[Recommendation]
    wishes: Wishes
    model_version: str

    @property
    def tier_probability(self) -> float:
        return self.tier_probabilities[self.tier]


@dataclass(frozen=True)
class _Inferred:
    tier_proba: np.ndarray
    tier: np.ndarray
    scores: recommend_vehicles.Scores


class Predictor:
    """A brand's verified prediction model (see module docstring)."""

    def __init__(
        self,
        *,
        manifest: dict[str, Any],
        folder: Path,
        tier_model: Any,
        stats: RecommendationStats,
        vocab: InputVocab,
    ) -> None:
        self.manifest = manifest
        self.folder = folder
        self.brand: str = str(manifest["brand"])
        self.version: str = str(manifest["version"])
        self.vocab = vocab
        self.stats = stats
        self._tier_model = tier_model
        from threadpoolctl import ThreadpoolController

        self._threads = ThreadpoolController()  # inspecting the loaded libraries: ~20 ms once
        self._cats = features.categories(vocab.as_dict())
        self._tiers = [str(c) for c in tier_model.classes_]

    def _infer(self, columns: dict[str, Any]) -> _Inferred:
        x = features.design_matrix(columns, self._cats)
        # One OpenMP thread: HistGradientBoosting starts a thread team per tree, and on
        # the shared 2-core host a single prediction took 0.6 s with the default
        # threads against 18 ms with one (benchmarks/predict_bench.py).
        with self._threads.limit(limits=1, user_api="openmp"):
            proba = self._tier_model.predict_proba(x)
        tier = np.asarray(self._tiers, dtype=object)[proba.argmax(axis=1)]
        scores = recommend_vehicles.score_matrix(
            self.stats,
            tier=tier,
            market=np.asarray(columns["market"], dtype=object),
            vehicle_class=np.asarray(columns["vehicle_class"], dtype=object),
            budget=np.asarray(columns["budget_krw"], dtype=np.float64),
            eco=np.asarray(columns["eco_friendly"], dtype=bool),
        )
        return _Inferred(proba, tier, scores)

    def predict(self, inp: CustomerInput) -> Prediction:
        """Segment (by definition), value tier and recommendations of one customer."""
        if inp.brand != self.brand:
            raise ValueError(f"input is for {inp.brand}, this predictor is {self.brand}")
        columns = {c: [getattr(inp, c)] for c in features.INPUT_COLUMNS}
        out = self._infer(columns)
        tier = str(out.tier[0])
        wish = recommend_vehicles.wishes(
            self.stats,
            vehicle_class=inp.vehicle_class,
            budget=inp.budget_krw,
            eco_pref=inp.eco_friendly,
        )
        recs = recommend_vehicles.recommendations(
            out.scores,
            self.stats,
            0,
            tier=tier,
            market=inp.market,
            vehicle_class=inp.vehicle_class,
            eco_pref=inp.eco_friendly,
            model_of_interest=inp.model_of_interest,
            wish=wish,
        )
        segment, rule = counter_segment(inp.purchase_count)
        return Prediction(
            segment=segment,
            segment_rule=rule,
            tier=tier,
            tier_probabilities={
                c: round(float(p), 4) for c, p in zip(self._tiers, out.tier_proba[0], strict=True)
            },
            recommendations=recs,
            wishes=wish,
            model_version=self.version,
        )

    def predict_frame(self, frame: pl.DataFrame) -> pl.DataFrame:
        """Score every row of `frame` (columns: features.INPUT_COLUMNS, canonical values).

        Returns one row per input row: segment (신규 with no previous purchases,
        else null: see the module doc), tier, tier_probability, p_tier_<name>,
        and for i in 1..3: rec<i>_model, rec<i>_expected_price (KRW), rec<i>_eco
        (offers an eco powertrain), rec<i>_body_type, rec<i>_class (catalogue
        size class and body type), rec<i>_powertrain,
        rec<i>_score, rec<i>_wish_level (3 = class and budget met ... 0),
        rec<i>_tier_share (0-1), rec<i>_market_rank (1..10, null outside the
        market top-10), rec<i>_budget_ratio (expected price / budget),
        rec<i>_class_share (0-1), rec<i>_eco_match; then model_version. The
        reasons of the single-customer `predict` are built from the same numbers.
        """
        if frame.is_empty():
            return pl.DataFrame()
        out = self._infer(features.frame_columns(frame))
        n = frame.height
        rows = np.arange(n)
        eco_pref = frame.get_column("eco_friendly").cast(pl.Boolean).to_numpy()
        purchases = frame.get_column("purchase_count").to_numpy()
        segment = np.full(n, None, dtype=object)
        segment[purchases <= 0] = NEW
        cols: dict[str, Any] = {
            "segment": segment,
            "tier": out.tier.astype(str),
            "tier_probability": out.tier_proba.max(axis=1),
        }
        for i, c in enumerate(self._tiers):
            cols[f"p_tier_{c}"] = out.tier_proba[:, i]
        s = out.scores
        st = self.stats
        models = np.asarray(st.models, dtype=object)
        bodies = np.asarray(st.body_type, dtype=object)
        classes = np.asarray(st.segment, dtype=object)
        eco = st.eco
        offered = {
            flag: np.asarray(
                [recommend_vehicles.offered_powertrain(p, eco_pref=flag) for p in st.powertrains],
                dtype=object,
            )
            for flag in (False, True)
        }
        for i in range(min(recommend_vehicles.TOP_N, len(st.models))):
            m = s.order[:, i]
            rank = s.market_rank[rows, m]
            cols[f"rec{i + 1}_model"] = models[m]
            cols[f"rec{i + 1}_expected_price"] = st.expected_price[m].astype(np.int64)
            cols[f"rec{i + 1}_eco"] = eco[m]
            cols[f"rec{i + 1}_body_type"] = bodies[m]
            cols[f"rec{i + 1}_class"] = classes[m]
            cols[f"rec{i + 1}_powertrain"] = np.where(eco_pref, offered[True][m], offered[False][m])
            cols[f"rec{i + 1}_score"] = s.score[rows, m]
            cols[f"rec{i + 1}_wish_level"] = s.level[rows, m]
            cols[f"rec{i + 1}_tier_share"] = s.tier_share[rows, m]
            cols[f"rec{i + 1}_market_rank"] = np.where(rank > 0, rank, -1)
            cols[f"rec{i + 1}_budget_ratio"] = s.budget_ratio[rows, m]
            cols[f"rec{i + 1}_class_share"] = s.class_share[rows, m]
            cols[f"rec{i + 1}_eco_match"] = s.eco_match[rows, m]
        # object arrays (text with nulls) go in as lists: Polars cannot cast numpy objects
        result = pl.DataFrame(
            {k: pl.Series(k, v.tolist() if v.dtype == object else v) for k, v in cols.items()}
        )
        rank_cols = [c for c in result.columns if c.endswith("_market_rank")]
        return result.with_columns(
            *(pl.when(pl.col(c) > 0).then(pl.col(c)).alias(c) for c in rank_cols),
            pl.lit(self.version).alias("model_version"),
        )

    def model_card(self) -> dict[str, Any]:
        """The manifest's prediction section plus brand, version and creation time."""
        card = json.loads(json.dumps(self.manifest["predict"]))
        return {
            "brand": self.brand,
            "version": self.version,
            "created_at": self.manifest.get("created_at"),
            "data": {
                k: self.manifest["data"].get(k) for k in ("rows", "fingerprint_sha256", "as_of")
            },
            **card,
        }


def load_predictor(artifacts_dir: Path, brand: str, version: str | None = None) -> Predictor:
    """The verified predictor of `brand` (default: its latest run); raises ArtifactError."""
    brand = canonical_brand(brand)
    manifest = artifacts.load_manifest(Path(artifacts_dir), brand, version)
    folder = artifacts.brand_dir(Path(artifacts_dir), brand) / str(manifest["version"])
    section = manifest.get("predict")
    listed = manifest.get("artifacts") or {}
    needed = (artifacts.PREDICT_TIER_MODEL, artifacts.PREDICT_STATS)
    if not section or any(name not in listed for name in needed):
        raise ArtifactError(
            f"{folder / artifacts.MANIFEST}: this training run has no value-tier model "
            f"(trained before it existed); {artifacts.RETRAIN}"
        )
    stats_file = folder / artifacts.PREDICT_STATS
    try:
        payload = json.loads(stats_file.read_text(encoding="utf-8"))
        stats = RecommendationStats.from_json(payload["stats"])
        vocab = InputVocab.from_dict(payload["vocab"])
    except (ValueError, KeyError, TypeError) as exc:
        raise ArtifactError(
            f"{stats_file}: not valid prediction statistics ({exc}); {artifacts.RETRAIN}"
        ) from None
    width = len(section["features"])
    cats = features.categories(vocab.as_dict())
    if features.feature_names(cats) != list(section["features"]):
        raise ArtifactError(
            f"{stats_file}: vocabulary does not give the features listed in "
            f"{folder / artifacts.MANIFEST}; {artifacts.RETRAIN}"
        )
    model = artifacts.load_model(folder / artifacts.PREDICT_TIER_MODEL)
    if int(getattr(model, "n_features_in_", -1)) != width:
        raise ArtifactError(
            f"{folder / artifacts.PREDICT_TIER_MODEL}: model expects "
            f"{getattr(model, 'n_features_in_', '?')} features, "
            f"{folder / artifacts.MANIFEST} lists {width}; {artifacts.RETRAIN}"
        )
    return Predictor(manifest=manifest, folder=folder, tier_model=model, stats=stats, vocab=vocab)
