"""Training: RFM segments and customer types per brand, with artifacts and a manifest.

`train` reads every customer's PII-free profile from the warehouse, runs
`train_brand` for each brand, writes the per-customer results to the
`customer_segments` and `customer_clusters` tables (atomic swap, see
`warehouse.build.write_trained`) and only then points each brand's `latest` at
the new run. Serving (loading and verifying) is `analytics.artifacts`.

Per brand:

1. RFM values as of `as_of` (default: the brand's latest purchase date) and
   ties-aware quintile scores (`analytics.segments.rfm`).
2. KMeans (K=4) on log1p-transformed, standard-scaled R, F and M; clusters
   named by `analytics.segments.rfm.name_segments` from their centroids in original
   units; the centroids and the rule go into the manifest.
3. Customer types (`analytics.segments.clusters`): inertia and silhouette for each K in
   the range, K by `choose_k` (or `--k`), stability as the adjusted Rand index
   of refits with 5 other seeds, profiles in original units and persona names.
4. Prediction models for counter customers (`analytics.predict.train`):
   classifiers of segment and type on the counter features, chosen by
   stratified 5-fold CV, plus the recommendation statistics; their files and
   the model card go into the same folder and manifest.

Speed on large data (documented trade-offs, see benchmarks/train_bench.py):

- every KMeans fit (RFM, the K search, the stability refits) runs on a
  fixed-seed sample of at most `fit_sample` customers (20,000) per brand, and
  every customer is then assigned to its nearest centroid (categoricals are
  one-hot encoded once per distinct combination, `clusters.assign_clusters`);
- silhouettes use a fixed-seed sample of at most `silhouette_sample` (5,000);
- 4 k-means++ restarts per fit (`n_init`): on the generated 1M set a single
  start found a worse K=2 split for 4 of 5 seeds (ARI about 0), 4 starts found
  the same one every time (ARI 0.998) for about twice the fitting time;
- plain (Lloyd) KMeans, not MiniBatchKMeans: on a 20,000-row sample it is as
  fast here and exact;
- the brands train concurrently in `workers` threads (scikit-learn's KMeans,
  Polars and DuckDB release the GIL), each fit single-threaded (`threads`), see
  TrainConfig.

Below those sizes every row is used, so the reference data (about 1,900
customers per brand) is fitted in full.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import math
import shutil
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl

from analytics import artifacts
from analytics.segments import clusters, rfm, rfm_package
from analytics.segments.clusters import KChoice, Stability

Progress = Callable[[str, int, int], None]
PersonaText = Callable[[Sequence[tuple[str, Any]], str], str]
STEPS = ("RFM", "RFM segments", "K search", "stability", "profiles", "artifacts")


@dataclass(frozen=True)
class TrainConfig:
    """Knobs of a training run; the defaults are what `carsight train` uses."""

    k: int | None = None  # customer-type K override
    k_range: tuple[int, int] = clusters.K_RANGE
    rfm_k: int = 4
    seed: int = 42
    stability_seeds: tuple[int, ...] = (1, 2, 3, 4, 5)
    fit_sample: int = 20_000
    silhouette_sample: int = 5_000
    n_init: int = 4  # k-means++ restarts per KMeans fit
    predict_cv_sample: int = 5_000  # rows per brand for the prediction models' CV
    # BLAS/OpenMP threads per fit. One: on this 2-core machine, shared with other
    # work, OpenMP's spinning threads made KMeans ~5x slower, never faster; the
    # cores are used by training the brands side by side instead (`workers`).
    threads: int | None = 1
    workers: int = 2


@dataclass(frozen=True)
class BrandRun:
    """One brand's training run. `segments` / `clusters` are the warehouse rows."""

    brand: str
    version: str
    folder: Path
    manifest_sha256: str
    as_of: dt.date
    customers: int
    excluded: int
    segments: pl.DataFrame
    clusters: pl.DataFrame
    centroids: pl.DataFrame
    k_metrics: pl.DataFrame
    choice: KChoice
    silhouette: float
    stability: Stability
    profiles: pl.DataFrame
    predict: dict[str, Any] = field(default_factory=dict)  # the manifest's model card


@dataclass(frozen=True)
class TrainReport:
    db_path: Path
    runs: list[BrandRun]
    rows_written: dict[str, int] = field(default_factory=dict)


def fingerprint(frame: pl.DataFrame, *, key: str = "customer_id") -> str:
    """SHA-256 of `frame`'s rows as CSV text, sorted by `key` (by every column if not unique)."""
    keys = frame.get_column(key)
    if keys.n_unique() == frame.height:
        done = keys.null_count() == 0 and keys.is_sorted()
        ordered = frame if done else frame.sort(key, nulls_last=True)
    else:
        ordered = frame.sort([key, *[c for c in frame.columns if c != key]], nulls_last=True)
    return hashlib.sha256(ordered.write_csv().encode("utf-8")).hexdigest()


def _jsonable(value: Any) -> Any:
    """Plain JSON values: NaN/inf -> None, dates -> ISO text, tuples -> lists."""
    if isinstance(value, float):
        return None if not math.isfinite(value) else value
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, np.generic):
        return _jsonable(value.item())
    return value


def _rfm_model(k: int, *, seed: int, n_init: int) -> Any:
    import numpy
    from sklearn.cluster import KMeans
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import FunctionTransformer, StandardScaler

    return Pipeline(
        [
            ("log1p", FunctionTransformer(numpy.log1p, feature_names_out="one-to-one")),
            ("scale", StandardScaler()),
            ("kmeans", KMeans(n_clusters=k, n_init=n_init, random_state=seed)),
        ]
    )


def fit_segments(
    values: pl.DataFrame, *, config: TrainConfig = TrainConfig()
) -> tuple[pl.DataFrame, Any, pl.DataFrame]:
    """Fit the RFM KMeans on `values` (from `rfm.rfm_values`) and name its clusters.

    Returns (values with r/f/m scores, rfm_cluster and segment; the fitted
    model; `rfm.segment_centroids` with the segment of each cluster).
    """
    x = values.select(rfm.RFM_FEATURES).to_numpy().astype(np.float64)
    n_distinct = values.select(rfm.RFM_FEATURES).n_unique()
    k = max(1, min(config.rfm_k, n_distinct))
    idx = clusters.sample_rows(x.shape[0], config.fit_sample, seed=config.seed)
    model = _rfm_model(k, seed=config.seed, n_init=config.n_init).fit(x[idx])
    labels = model.predict(x) if idx.shape[0] < x.shape[0] else model[-1].labels_
    scored = rfm.rfm_scores(
        values.with_columns(pl.Series("rfm_cluster", labels.astype(np.int32))),
        over="brand" if values.get_column("brand").n_unique() > 1 else None,
    )
    thresholds = rfm.naming_thresholds(values)
    centroids = rfm.segment_centroids(
        scored, cluster="rfm_cluster", recency_median=thresholds["recency_days_median"]
    )
    names = rfm.name_segments(centroids, thresholds=thresholds)
    centroids = centroids.with_columns(
        pl.col("cluster").replace_strict(names, return_dtype=pl.Utf8).alias("segment")
    )
    scored = scored.with_columns(
        pl.col("rfm_cluster").replace_strict(names, return_dtype=pl.Utf8).alias("segment")
    )
    return scored, model, centroids


def fit_customer_types(
    frame: pl.DataFrame,
    *,
    config: TrainConfig = TrainConfig(),
    progress: Progress | None = None,
    brand: str = "",
) -> dict[str, Any]:
    """Fit the customer-type model on `frame` (clusters.FEATURES columns).

    Returns labels (KMeans labels per row of `frame`), metrics (k, inertia,
    silhouette), choice (KChoice), stability, model (fitted Pipeline),
    silhouette (at the chosen K) and fit_rows.
    """
    progress = progress or (lambda s, d, t: None)
    from sklearn.pipeline import Pipeline

    features = clusters.feature_frame(frame)
    idx = clusters.sample_rows(features.height, config.fit_sample, seed=config.seed)
    sample = features[idx] if idx.shape[0] < features.height else features
    prep = clusters.make_preprocessor().fit(sample)
    xs = np.asarray(prep.transform(sample), dtype=np.float64)
    n_init = config.n_init
    lo, hi = config.k_range
    metrics, fitted = clusters.k_search(
        xs,
        ks=range(lo, hi + 1),
        seed=config.seed,
        silhouette_sample=config.silhouette_sample,
        n_init=n_init,
    )
    if metrics.is_empty() and config.k is None:
        raise ValueError(
            f"{brand}: too few distinct customers ({features.height}) to cluster "
            f"with K in {lo}..{hi}"
        )
    choice = (
        clusters.choose_k(metrics, override=config.k)
        if not metrics.is_empty()
        else clusters.KChoice(int(config.k or 1), None, int(config.k or 1), (), overridden=True)
    )
    k = choice.k
    if k not in fitted:
        extra, fit = clusters.k_search(
            xs, ks=[k], seed=config.seed, silhouette_sample=config.silhouette_sample, n_init=n_init
        )
        metrics = pl.concat([metrics, extra]).sort("k")
        fitted.update(fit)
        if k not in fitted:
            raise ValueError(f"{brand}: cannot make {k} clusters of {features.height} customers")
    chosen = fitted[k]
    progress(f"{brand}: stability", 3, len(STEPS))
    stab = clusters.stability(xs, chosen.labels_, k=k, seeds=config.stability_seeds, n_init=n_init)
    model = Pipeline([("prep", prep), ("kmeans", chosen)])
    labels = clusters.assign_clusters(model, features)
    silhouette = metrics.filter(pl.col("k") == k).item(0, "silhouette")
    return {
        "labels": np.asarray(labels),
        "metrics": metrics,
        "choice": choice,
        "stability": stab,
        "model": model,
        "silhouette": float(silhouette),
        "fit_rows": int(idx.shape[0]),
        "n_init": n_init,
    }


def train_brand(
    customers: pl.DataFrame,
    *,
    brand: str,
    artifacts_dir: Path,
    persona_text: PersonaText,
    as_of: dt.date | None = None,
    config: TrainConfig = TrainConfig(),
    progress: Progress | None = None,
    source: str | None = None,
    data_version: str | None = None,
) -> BrandRun:
    """Train one brand on its rows of `customers` (segmentation_input columns).

    Writes `<artifacts_dir>/segmentation/<brand>/<version>/` (both models and
    manifest.json) but not the `latest` pointer: `train` moves that once the
    warehouse holds the run's results.
    """
    step = progress or (lambda s, d, t: None)
    created = dt.datetime.now(dt.UTC).replace(microsecond=0)
    data = customers.filter(pl.col("brand") == brand)
    if data.is_empty():
        raise ValueError(f"no customers of brand {brand!r} to train on")
    as_of = as_of or rfm.latest_purchase(data)
    if as_of is None:
        raise ValueError(f"{brand}: no purchase dates; cannot compute recency")

    step(f"{brand}: RFM", 0, len(STEPS))
    values = rfm.rfm_values(data, as_of=as_of)
    if values.is_empty():
        raise ValueError(f"{brand}: no customer has a purchase on or before {as_of}")
    step(f"{brand}: RFM segments", 1, len(STEPS))
    scored, rfm_model, centroids = fit_segments(values, config=config)

    step(f"{brand}: K search", 2, len(STEPS))
    frame = data.join(
        values.select("customer_id", "recency_days", "frequency"),
        on="customer_id",
        how="inner",
        maintain_order="left",
    )
    fit = fit_customer_types(frame, config=config, progress=step, brand=brand)
    order = clusters.order_by_size(fit["labels"])
    cluster_ids = pl.Series("kmeans_label", fit["labels"].astype(np.int32)).replace_strict(
        order, return_dtype=pl.Int16
    )
    typed = frame.with_columns(cluster_ids.alias("cluster"))

    step(f"{brand}: profiles", 4, len(STEPS))
    profiles = clusters.cluster_profiles(typed)
    traits = clusters.persona_traits(typed)
    parts = clusters.unique_parts(traits)
    personas = pl.DataFrame(
        {
            "cluster": list(parts),
            "persona_ko": [persona_text(p, "ko") for p in parts.values()],
            "persona_en": [persona_text(p, "en") for p in parts.values()],
        },
        schema={"cluster": pl.Int32, "persona_ko": pl.Utf8, "persona_en": pl.Utf8},
    )
    profiles = profiles.join(personas, on="cluster", how="left")

    step(f"{brand}: artifacts", 5, len(STEPS))
    digest = fingerprint(data)
    version = artifacts.new_version(created, digest, artifacts_dir, brand)
    folder = artifacts.brand_dir(artifacts_dir, brand) / version
    folder.mkdir(parents=True, exist_ok=False)
    artifacts.save_model(rfm_model, folder / artifacts.RFM_MODEL)
    artifacts.save_model(fit["model"], folder / artifacts.CLUSTER_MODEL)
    step(f"{brand}: prediction models", 5, len(STEPS))
    from analytics.predict.train import train_predict

    labelled = typed.join(
        scored.select("customer_id", "segment"),
        on="customer_id",
        how="inner",
        maintain_order="left",
    )
    predict_section, predict_files = train_predict(
        labelled,
        brand=brand,
        folder=folder,
        seed=config.seed,
        cv_sample=config.predict_cv_sample,
        fit_sample=config.fit_sample,
    )

    segments = scored.select(
        "customer_id",
        "brand",
        "recency_days",
        "frequency",
        "monetary_krw",
        "r_score",
        "f_score",
        "m_score",
        "segment",
        pl.lit(version).alias("model_version"),
    )
    customer_clusters = typed.join(personas, on="cluster", how="left").select(
        "customer_id",
        "brand",
        "cluster",
        pl.col("persona_ko").alias("persona"),
        pl.lit(version).alias("model_version"),
    )
    manifest = _manifest(
        brand=brand,
        version=version,
        created=created,
        as_of=as_of,
        data=data,
        digest=digest,
        source=source,
        data_version=data_version,
        values=values,
        centroids=centroids,
        fit=fit,
        order=order,
        profiles=profiles,
        traits=traits,
        config=config,
        scored=scored,
    )
    manifest["artifacts"].update(predict_files)
    manifest["predict"] = _jsonable(predict_section)
    manifest_sha = artifacts.write_manifest(folder, manifest)
    step(f"{brand}: done", len(STEPS), len(STEPS))
    return BrandRun(
        brand=brand,
        version=version,
        folder=folder,
        manifest_sha256=manifest_sha,
        as_of=as_of,
        customers=values.height,
        excluded=data.height - values.height,
        segments=segments,
        clusters=customer_clusters,
        centroids=centroids,
        k_metrics=fit["metrics"],
        choice=fit["choice"],
        silhouette=fit["silhouette"],
        stability=fit["stability"],
        profiles=profiles,
        predict=manifest["predict"],
    )


def _manifest(
    *,
    brand: str,
    version: str,
    created: dt.datetime,
    as_of: dt.date,
    data: pl.DataFrame,
    digest: str,
    source: str | None,
    data_version: str | None,
    values: pl.DataFrame,
    centroids: pl.DataFrame,
    fit: dict[str, Any],
    order: dict[int, int],
    profiles: pl.DataFrame,
    traits: pl.DataFrame,
    config: TrainConfig,
    scored: pl.DataFrame,
) -> dict[str, Any]:
    segment_sizes = scored.group_by("segment").len().sort("segment")
    manifest = {
        "format": artifacts.FORMAT,
        "brand": brand,
        "version": version,
        "created_at": created.isoformat().replace("+00:00", "Z"),
        "libraries": artifacts.library_versions(),
        "data": {
            "source": source,
            "data_version": data_version,
            "fingerprint_sha256": digest,
            "fingerprint_of": "customer_profiles rows of the brand sorted by customer_id, as CSV",
            "rows": data.height,
            "customers_trained": values.height,
            "excluded": data.height - values.height,
            "excluded_reason": "missing purchase date, count or amount, or purchase after as_of",
            "columns": data.columns,
            "as_of": as_of,
            "as_of_rule": "latest purchase date of the brand unless --as-of was given",
        },
        "features": {
            "rfm": list(rfm.RFM_FEATURES),
            "clusters": list(clusters.FEATURES),
            "clusters_numeric": list(clusters.NUMERIC_FEATURES),
            "clusters_categorical": list(clusters.CATEGORICAL_FEATURES),
        },
        "artifacts": {
            artifacts.RFM_MODEL: {"model": "log1p -> StandardScaler -> KMeans"},
            artifacts.CLUSTER_MODEL: {
                "model": "ColumnTransformer(StandardScaler, OneHotEncoder) -> KMeans"
            },
        },
        "config": {
            "seed": config.seed,
            "rfm_k": config.rfm_k,
            "k_range": config.k_range,
            "k_override": config.k,
            "stability_seeds": config.stability_seeds,
            "fit_sample": config.fit_sample,
            "silhouette_sample": config.silhouette_sample,
            "n_init": config.n_init,
            "predict_cv_sample": config.predict_cv_sample,
            "threads": config.threads,
            "workers": config.workers,
        },
        "rfm": {
            "naming": rfm.naming_report(centroids, rfm.naming_thresholds(values)),
            "rfm_package": rfm_package.agreement(scored),
            "score_rule": "ties-aware quintiles per brand: mid-rank percentile stretched "
            "so the lowest value scores 1 and the highest 5; one distinct "
            "value scores 3; recency reversed",
            "naming_rule": rfm.NAMING_RULE,
            "centroids": centroids.to_dicts(),
            "segment_sizes": dict(
                zip(
                    segment_sizes.get_column("segment").to_list(),
                    segment_sizes.get_column("len").to_list(),
                    strict=True,
                )
            ),
            "fit_rows": min(values.height, config.fit_sample),
        },
        "clusters": {
            "metrics": fit["metrics"].to_dicts(),
            "choice": fit["choice"].as_dict(),
            "chosen_k": fit["choice"].k,
            "silhouette": fit["silhouette"],
            "stability": fit["stability"].as_dict(),
            "fit_rows": fit["fit_rows"],
            "n_init": fit["n_init"],
            "kmeans_label_to_cluster": {str(k): v for k, v in order.items()},
            "cluster_numbering": "1..K by size, 1 = largest",
            "profiles": profiles.to_dicts(),
            "persona_traits": traits.to_dicts(),
            "persona_rule": {
                "traits": clusters.PERSONA_TRAITS,
                "min_d": clusters.TRAIT_MIN_D,
                "category_min_share": clusters.CATEGORY_MIN_SHARE,
                "text": "the traits that most distinguish the cluster from all of the "
                "brand's customers, by standardised difference d = (cluster mean - brand "
                "mean) / brand standard deviation (sqrt(p(1-p)) for a share): the "
                f"{clusters.PERSONA_TRAITS} largest |d| (beyond the first only |d| >= "
                f"{clusters.TRAIT_MIN_D}); a body type or market only when over-represented "
                f"and at least {clusters.CATEGORY_MIN_SHARE:.0%} of the cluster; more traits "
                "when two personas would read the same; see "
                "analytics.segments.clusters.persona_traits",
            },
        },
    }
    return _jsonable(manifest)  # type: ignore[no-any-return]


def _remove_run(artifacts_dir: Path, brand: str, version: str) -> None:
    """Remove a run's version folder, and the brand and segmentation folders when that
    leaves them empty (a refused first training leaves no empty folders behind)."""
    folder = artifacts.brand_dir(artifacts_dir, brand)
    shutil.rmtree(folder / version)
    for empty in (folder, folder.parent):
        if empty.is_dir() and not any(empty.iterdir()):
            empty.rmdir()


@contextlib.contextmanager
def _threads(limit: int | None, *, user_api: str | None = None) -> Iterator[None]:
    """Limit native thread pools; OpenMP limits apply to the calling thread only.

    threadpoolctl limits only the libraries loaded when the limit is set, so the
    estimators' modules are imported first: scikit-learn brings its own OpenMP runtime
    and SciPy its own OpenBLAS. Imported later (inside the brands' threads), they ran
    at two threads each beside the other brand's: `carsight train` on the CI-scale
    sample used 31 CPU s for 30 s of wall, against 9 CPU s in 9 s with every pool
    limited (OMP_NUM_THREADS=1).
    """
    if limit is None:
        yield
        return
    import sklearn.calibration  # noqa: F401  (loads scikit-learn's OpenMP and SciPy's BLAS)
    import sklearn.cluster  # noqa: F401
    import sklearn.ensemble  # noqa: F401
    import sklearn.linear_model  # noqa: F401
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=limit, user_api=user_api):
        yield


def train(
    db_path: Path,
    *,
    artifacts_dir: Path,
    persona_text: PersonaText,
    as_of: dt.date | None = None,
    config: TrainConfig = TrainConfig(),
    progress: Progress | None = None,
    after_read: Callable[[], None] | None = None,
) -> TrainReport:
    """Train every brand in the warehouse at `db_path`, write both tables, move `latest`.

    The data version read with the customers goes into every manifest; when the
    warehouse holds another version by the time the tables are written, nothing
    is written (the run's artifact folders are removed, `latest` stays) and
    `warehouse.meta.DataChanged` is raised. `after_read` runs right after the
    read (a test hook for that race).
    """
    from warehouse.build import write_trained
    from warehouse.meta import DataChanged, data_version
    from warehouse.trained import load_training_input

    version = data_version(db_path)
    # one fixed row order, so the fixed-seed samples (and the models) are reproducible
    customers = load_training_input(db_path).sort("customer_id")
    if after_read is not None:
        after_read()
    if customers.is_empty():
        raise ValueError(
            f"{db_path}: the customers table is empty; build the warehouse "
            "with customer files first"
        )
    brands = sorted(customers.get_column("brand").unique().drop_nulls().to_list())

    def one(brand: str) -> BrandRun:
        with _threads(config.threads, user_api="openmp"):
            return train_brand(
                customers,
                brand=brand,
                artifacts_dir=artifacts_dir,
                persona_text=persona_text,
                as_of=as_of,
                config=config,
                progress=progress,
                source=str(db_path),
                data_version=version,
            )

    with _threads(config.threads):
        if config.workers > 1 and len(brands) > 1:
            with ThreadPoolExecutor(max_workers=config.workers) as pool:
                runs = list(pool.map(one, brands))
        else:
            runs = [one(b) for b in brands]
    step = progress or (lambda s, d, t: None)
    step("warehouse: write", 0, 1)
    try:
        written = write_trained(
            db_path,
            {
                "customer_segments": pl.concat([r.segments for r in runs]),
                "customer_clusters": pl.concat([r.clusters for r in runs]),
            },
            data_version=version,
        )
    except DataChanged:
        for run in runs:
            _remove_run(artifacts_dir, run.brand, run.version)
        raise
    for run in runs:
        artifacts.write_latest(artifacts_dir, run.brand, run.version, run.manifest_sha256)
    step("warehouse: write", 1, 1)
    return TrainReport(db_path=db_path, runs=runs, rows_written=written)
