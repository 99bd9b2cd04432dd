"""Serving the prediction models: a verified `Predictor` per brand and version.

`load_predictor` verifies the brand's latest training run (manifest hash,
every artifact's SHA-256, library versions; `analytics.artifacts`) and loads
both classifiers and the recommendation statistics. Callers cache the
predictor per (brand, version). `Predictor.predict` scores one counter
customer; `Predictor.predict_frame` scores many in one vectorised pass (the
same code path: `predict` is `_infer` on one row).
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
from analytics.predict.recommend_vehicles import Recommendation, RecommendationStats

BRANDS: dict[str, str] = {"kia": "Kia", "기아": "Kia", "hyundai": "Hyundai", "현대": "Hyundai"}


def canonical_brand(brand: str) -> str:
    """'Kia' / 'Hyundai' from any casing or the Korean name; other text unchanged."""
    return BRANDS.get(brand.strip().lower(), brand.strip())


@dataclass(frozen=True)
class Prediction:
    """One customer's prediction. Probabilities in [0, 1], summing to 1 per target."""

    segment: str
    segment_probabilities: dict[str, float]
    cluster: int
    cluster_probabilities: dict[int, float]
    persona_ko: str
    persona_en: str
    recommendations: list[Recommendation]
    model_version: str

    @property
    def segment_probability(self) -> float:
        return self.segment_probabilities[self.segment]

    @property
    def cluster_probability(self) -> float:
        return self.cluster_probabilities[self.cluster]

    def persona(self, lang: str) -> str:
        return self.persona_en if lang == "en" else self.persona_ko


@dataclass(frozen=True)
class _Inferred:
    segment_proba: np.ndarray
    cluster_proba: np.ndarray
    segment: np.ndarray
    cluster: np.ndarray
    scores: recommend_vehicles.Scores


class Predictor:
    """A brand's verified prediction models (see module docstring)."""

    def __init__(
        self,
        *,
        manifest: dict[str, Any],
        folder: Path,
        segment_model: Any,
        cluster_model: Any,
        stats: RecommendationStats,
        vocab: InputVocab,
    ) -> None:
        self.manifest = manifest
        self.folder = folder
        self.brand: str = str(manifest["brand"])
        self.version: str = str(manifest["version"])
        self.vocab = vocab
        self.stats = stats
        self._segment_model = segment_model
        from threadpoolctl import ThreadpoolController

        self._threads = ThreadpoolController()  # inspecting the loaded libraries: ~20 ms once
        self._cluster_model = cluster_model
        self._cats = features.categories(vocab.as_dict())
        self._segment_classes = [str(c) for c in segment_model.classes_]
        self._cluster_classes = [int(c) for c in cluster_model.classes_]
        profiles = manifest["clusters"]["profiles"]
        self._personas = {
            int(p["cluster"]): (str(p.get("persona_ko") or ""), str(p.get("persona_en") or ""))
            for p in profiles
        }

    def _infer(self, columns: dict[str, Any]) -> _Inferred:
        x = features.design_matrix(columns, self._cats)
        # One OpenMP thread: HistGradientBoosting starts a thread team per tree, and on
        # the shared 2-core host a single prediction took 0.6 s with the default
        # threads against 18 ms with one (benchmarks/predict_bench.py).
        with self._threads.limit(limits=1, user_api="openmp"):
            seg_p = self._segment_model.predict_proba(x)
            clu_p = self._cluster_model.predict_proba(x)
        segment = np.asarray(self._segment_classes, dtype=object)[seg_p.argmax(axis=1)]
        cluster = np.asarray(self._cluster_classes, dtype=np.int64)[clu_p.argmax(axis=1)]
        scores = recommend_vehicles.score_matrix(
            self.stats,
            cluster=cluster,
            market=np.asarray(columns["market"], dtype=object),
            vehicle_class=np.asarray(columns["vehicle_class"], dtype=object),
            budget=np.asarray(columns["budget_krw"], dtype=np.float64),
            eco=np.asarray(columns["eco_friendly"], dtype=bool),
        )
        return _Inferred(seg_p, clu_p, segment, cluster, scores)

    def predict(self, inp: CustomerInput) -> Prediction:
        """Segment, type, persona and recommendations of one validated customer."""
        if inp.brand != self.brand:
            raise ValueError(f"input is for {inp.brand}, this predictor is {self.brand}")
        columns = {c: [getattr(inp, c)] for c in features.INPUT_COLUMNS}
        out = self._infer(columns)
        cluster = int(out.cluster[0])
        recs = recommend_vehicles.recommendations(
            out.scores,
            self.stats,
            0,
            cluster=cluster,
            market=inp.market,
            vehicle_class=inp.vehicle_class,
            eco_pref=inp.eco_friendly,
            model_of_interest=inp.model_of_interest,
        )
        ko, en = self._personas.get(cluster, ("", ""))
        return Prediction(
            segment=str(out.segment[0]),
            segment_probabilities={
                c: round(float(p), 4)
                for c, p in zip(self._segment_classes, out.segment_proba[0], strict=True)
            },
            cluster=cluster,
            cluster_probabilities={
                c: round(float(p), 4)
                for c, p in zip(self._cluster_classes, out.cluster_proba[0], strict=True)
            },
            persona_ko=ko,
            persona_en=en,
            recommendations=recs,
            model_version=self.version,
        )

    def predict_frame(self, frame: pl.DataFrame) -> pl.DataFrame:
        """Score every row of `frame` (columns: features.INPUT_COLUMNS, canonical values).

        Returns one row per input row: segment, segment_probability, cluster,
        cluster_probability, p_segment_<name>, p_cluster_<k>, persona_ko,
        persona_en, and for i in 1..3: rec<i>_model, rec<i>_expected_price
        (KRW), rec<i>_eco, rec<i>_score, rec<i>_cluster_share (0-1),
        rec<i>_market_rank (1..10, null outside the market top-10),
        rec<i>_budget_ratio (expected price / budget), rec<i>_class_share
        (0-1), rec<i>_eco_match; then model_version. The reasons of the
        single-customer `predict` are built from the same numbers.
        """
        if frame.is_empty():
            return pl.DataFrame()
        out = self._infer(features.frame_columns(frame))
        n = frame.height
        rows = np.arange(n)
        cols: dict[str, Any] = {
            "segment": out.segment.astype(str),
            "segment_probability": out.segment_proba.max(axis=1),
            "cluster": out.cluster,
            "cluster_probability": out.cluster_proba.max(axis=1),
        }
        for i, c in enumerate(self._segment_classes):
            cols[f"p_segment_{c}"] = out.segment_proba[:, i]
        for i, k in enumerate(self._cluster_classes):
            cols[f"p_cluster_{k}"] = out.cluster_proba[:, i]
        personas = {k: v for k, v in self._personas.items()}
        cols["persona_ko"] = np.asarray(
            [personas.get(int(k), ("", ""))[0] for k in self._cluster_classes], dtype=object
        )[np.searchsorted(self._cluster_classes, out.cluster)]
        cols["persona_en"] = np.asarray(
            [personas.get(int(k), ("", ""))[1] for k in self._cluster_classes], dtype=object
        )[np.searchsorted(self._cluster_classes, out.cluster)]
        s = out.scores
        models = np.asarray(self.stats.models, dtype=object)
        for i in range(min(recommend_vehicles.TOP_N, len(self.stats.models))):
            m = s.order[:, i]
            rank = s.market_rank[rows, m]
            cols[f"rec{i + 1}_model"] = models[m]
            cols[f"rec{i + 1}_expected_price"] = self.stats.expected_price[m].astype(np.int64)
            cols[f"rec{i + 1}_eco"] = self.stats.eco[m]
            cols[f"rec{i + 1}_score"] = s.score[rows, m]
            cols[f"rec{i + 1}_cluster_share"] = s.cluster_share[rows, m]
            cols[f"rec{i + 1}_market_rank"] = np.where(rank > 0, rank, -1)
            cols[f"rec{i + 1}_budget_ratio"] = s.budget_ratio[rows, m]
            cols[f"rec{i + 1}_class_share"] = s.class_share[rows, m]
            cols[f"rec{i + 1}_eco_match"] = s.eco_match[rows, m]
        result = pl.DataFrame({k: pl.Series(k, v) for k, v in cols.items()})
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
    needed = (
        artifacts.PREDICT_SEGMENT_MODEL,
        artifacts.PREDICT_CLUSTER_MODEL,
        artifacts.PREDICT_STATS,
    )
    if not section or any(name not in listed for name in needed):
        raise ArtifactError(
            f"{folder / artifacts.MANIFEST}: this training run has no "
            f"prediction models (trained before they existed); "
            f"{artifacts.RETRAIN}"
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
    models = {}
    for name in needed[:2]:
        model = artifacts.load_model(folder / name)
        if int(getattr(model, "n_features_in_", -1)) != width:
            raise ArtifactError(
                f"{folder / name}: model expects "
                f"{getattr(model, 'n_features_in_', '?')} features, "
                f"{folder / artifacts.MANIFEST} lists {width}; "
                f"{artifacts.RETRAIN}"
            )
        models[name] = model
    return Predictor(
        manifest=manifest,
        folder=folder,
        segment_model=models[artifacts.PREDICT_SEGMENT_MODEL],
        cluster_model=models[artifacts.PREDICT_CLUSTER_MODEL],
        stats=stats,
        vocab=vocab,
    )
