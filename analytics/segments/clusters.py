"""Customer types: K search, the K-selection rule, stability, profiles and personas.

The cluster model sees age, gender, vehicle class, the eco-friendly flag,
amount, purchase frequency, recency, channel and payment method (FEATURES).
The RFM segment label is never an input. Numerics are standard-scaled and
categoricals one-hot encoded in one scikit-learn Pipeline (`make_model`).

K selection (`choose_k`, CHOICE_RULE): the elbow is the knee of the inertia
curve (Kneedle: on axes scaled to 0-1, the K whose point lies furthest below
the straight line from the first to the last K); the candidates are the Ks
whose silhouette is at least SILHOUETTE_TOLERANCE x the best silhouette; the
chosen K is the candidate closest to the elbow, the smaller K on a tie. With
no elbow (a straight or concave curve) the best-silhouette K is chosen.

scikit-learn is imported inside the functions that fit, so importing this
module stays light.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import polars as pl

if TYPE_CHECKING:
    from sklearn.pipeline import Pipeline

NUMERIC_FEATURES: tuple[str, ...] = ("age", "amount_krw", "frequency", "recency_days")
CATEGORICAL_FEATURES: tuple[str, ...] = (
    "gender", "vehicle_class", "eco_friendly", "channel", "payment_method",
)  # fmt: skip
FEATURES: tuple[str, ...] = NUMERIC_FEATURES + CATEGORICAL_FEATURES
K_RANGE: tuple[int, int] = (2, 10)
SILHOUETTE_TOLERANCE = 0.9
CHOICE_RULE = (
    "elbow = Kneedle knee of the inertia curve (axes scaled to 0-1; the K furthest below "
    "the line from the first to the last K); candidates = Ks with silhouette >= "
    f"{SILHOUETTE_TOLERANCE} x the best silhouette; chosen = the candidate closest to the "
    "elbow, the smaller K on a tie; no elbow -> the best-silhouette K. --k overrides."
)
METRICS_SCHEMA = {"k": pl.Int32, "inertia": pl.Float64, "silhouette": pl.Float64}

# Personas (`persona_traits`): standardised differences of a cluster from its brand.
BODY_MIN_SHARE = 0.30  # profiles: a preferred body type holds at least this share
TRAIT_MIN_D = 0.2  # |d| a trait needs to be named beyond a cluster's strongest one
CATEGORY_MIN_SHARE = 0.30  # a body type or market names a cluster only at this share
PERSONA_TRAITS = 2  # traits per persona before more are added to tell personas apart


@dataclass(frozen=True)
class KChoice:
    """The K-selection result. `candidates`: Ks within the silhouette tolerance."""

    k: int
    elbow_k: int | None
    best_silhouette_k: int
    candidates: tuple[int, ...]
    overridden: bool = False
    rule: str = CHOICE_RULE

    def as_dict(self) -> dict[str, Any]:
        return {
            "k": self.k,
            "elbow_k": self.elbow_k,
            "best_silhouette_k": self.best_silhouette_k,
            "candidates": list(self.candidates),
            "overridden": self.overridden,
            "rule": self.rule,
        }


@dataclass(frozen=True)
class Stability:
    """Adjusted Rand index of refits with other seeds against the chosen fit."""

    seeds: tuple[int, ...]
    ari: tuple[float, ...]
    mean: float = field(init=False)
    min: float = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "mean", float(np.mean(self.ari)) if self.ari else float("nan"))
        object.__setattr__(self, "min", float(np.min(self.ari)) if self.ari else float("nan"))

    def as_dict(self) -> dict[str, Any]:
        return {
            "seeds": list(self.seeds),
            "ari": [round(a, 4) for a in self.ari],
            "ari_mean": round(self.mean, 4),
            "ari_min": round(self.min, 4),
        }


# --- K selection (pure) -------------------------------------------------------------------


def elbow_k(metrics: pl.DataFrame) -> int | None:
    """Kneedle knee of `metrics` (k, inertia); None when no K lies below the chord."""
    m = metrics.sort("k")
    if m.height < 3:
        return None
    k = m.get_column("k").to_numpy().astype(float)
    inertia = m.get_column("inertia").to_numpy().astype(float)
    k_span, i_span = k[-1] - k[0], inertia.max() - inertia.min()
    if k_span <= 0 or i_span <= 0:
        return None
    x = (k - k[0]) / k_span
    y = (inertia - inertia.min()) / i_span
    chord = y[0] + (y[-1] - y[0]) * x
    below = chord - y
    best = int(np.argmax(below))
    return int(k[best]) if below[best] > 1e-12 else None


def choose_k(
    metrics: pl.DataFrame, *, override: int | None = None, tolerance: float = SILHOUETTE_TOLERANCE
) -> KChoice:
    """Pick K from `metrics` (k, inertia, silhouette) by CHOICE_RULE, or take `override`."""
    m = metrics.sort("k")
    if m.is_empty():
        raise ValueError("no K was evaluated; need at least one row of k, inertia, silhouette")
    best_row = m.sort(["silhouette", "k"], descending=[True, False]).row(0, named=True)
    best_sil, best_k = float(best_row["silhouette"]), int(best_row["k"])
    floor = tolerance * best_sil if best_sil > 0 else best_sil
    candidates = tuple(
        int(k) for k in m.filter(pl.col("silhouette") >= floor).get_column("k").to_list()
    )
    elbow = elbow_k(m)
    if override is not None:
        return KChoice(int(override), elbow, best_k, candidates, overridden=True)
    if elbow is None:
        return KChoice(best_k, None, best_k, candidates)
    chosen = min(candidates, key=lambda k: (abs(k - elbow), k))
    return KChoice(chosen, elbow, best_k, candidates)


# --- fitting (scikit-learn) ---------------------------------------------------------------


def make_model(k: int, *, seed: int, n_init: int = 4) -> Pipeline:
    """Pipeline: scale NUMERIC_FEATURES, one-hot CATEGORICAL_FEATURES, then KMeans(k)."""
    from sklearn.cluster import KMeans
    from sklearn.pipeline import Pipeline

    return Pipeline(
        [
            ("prep", make_preprocessor()),
            ("kmeans", KMeans(n_clusters=k, n_init=n_init, random_state=seed)),
        ]
    )


def make_preprocessor() -> Any:
    """The ColumnTransformer of `make_model`, unfitted."""
    from sklearn.compose import ColumnTransformer
    from sklearn.preprocessing import OneHotEncoder, StandardScaler

    return ColumnTransformer(
        [
            ("num", StandardScaler(), list(NUMERIC_FEATURES)),
            (
                "cat",
                OneHotEncoder(handle_unknown="ignore", sparse_output=False),
                list(CATEGORICAL_FEATURES),
            ),
        ],
        verbose_feature_names_out=False,
    )


def feature_frame(frame: pl.DataFrame) -> pl.DataFrame:
    """FEATURES of `frame` in model order, numerics as Float64 and categoricals as text.

    Missing categoricals become '(unknown)'; missing numerics the column median
    (0 when the column is all null), so every customer gets a cluster.
    """
    numerics = [
        pl.col(c).cast(pl.Float64).fill_null(pl.col(c).cast(pl.Float64).median()).fill_null(0.0)
        for c in NUMERIC_FEATURES
    ]
    categoricals = [pl.col(c).cast(pl.Utf8).fill_null("(unknown)") for c in CATEGORICAL_FEATURES]
    return frame.select(*numerics, *categoricals)


def assign_clusters(model: Pipeline, features: pl.DataFrame) -> np.ndarray:
    """KMeans labels of `features` under a fitted `make_model` pipeline, fast for many rows.

    Same result as `model.predict(features)`: numerics go through the fitted
    scaler, but the one-hot encoder sees each distinct combination of
    categoricals once (a few hundred, instead of one Python lookup per cell).
    """
    return np.asarray(model[-1].predict(transform_features(model, features)))


def transform_features(model: Pipeline, features: pl.DataFrame) -> np.ndarray:
    """The scaled and one-hot matrix the fitted `make_model` pipeline's KMeans sees.

    Same result as `model[0].transform(features)`, but each distinct combination
    of categoricals goes through the one-hot encoder once.
    """
    prep = model[0]
    numeric = np.asarray(
        prep.named_transformers_["num"].transform(features.select(NUMERIC_FEATURES)),
        dtype=np.float64,
    )
    cats = features.select(CATEGORICAL_FEATURES)
    combos = cats.unique(maintain_order=True).with_row_index("_combo")
    index = (
        cats.join(
            combos,
            on=list(CATEGORICAL_FEATURES),
            how="left",
            maintain_order="left",
            nulls_equal=True,
        )
        .get_column("_combo")
        .to_numpy()
    )
    onehot = np.asarray(
        prep.named_transformers_["cat"].transform(combos.drop("_combo")), dtype=np.float64
    )
    return np.hstack([numeric, onehot[index]])


def sample_rows(n: int, size: int, *, seed: int) -> np.ndarray:
    """Sorted indices of a fixed-seed sample of `size` of `n` rows (all rows when n <= size)."""
    if n <= size:
        return np.arange(n)
    return np.sort(np.random.default_rng(seed).choice(n, size=size, replace=False))


def k_search(
    x: np.ndarray, *, ks: Sequence[int], seed: int, silhouette_sample: int = 5_000, n_init: int = 4
) -> tuple[pl.DataFrame, dict[int, Any]]:
    """Fit KMeans for each K on the transformed matrix `x`.

    Returns (metrics, fitted): metrics has k, inertia (sum of squared distances
    in the scaled feature space, on all rows of `x`) and silhouette (-1..1, on a
    fixed-seed sample of at most `silhouette_sample` rows); fitted maps K to its
    KMeans. Ks that `x` cannot support (K >= distinct rows) are skipped.
    """
    from sklearn.cluster import KMeans
    from sklearn.metrics import pairwise_distances, silhouette_score

    n_distinct = np.unique(x, axis=0).shape[0] if x.shape[0] <= 50_000 else x.shape[0]
    idx = sample_rows(x.shape[0], silhouette_sample, seed=seed)
    # the sample's distances once for every K (5,000 rows: 200 MB), not once per K
    distances = pairwise_distances(x[idx])
    rows, fitted = [], {}
    for k in ks:
        if k < 2 or k >= n_distinct:
            continue
        km = KMeans(n_clusters=k, n_init=n_init, random_state=seed).fit(x)
        labels = km.labels_[idx]
        sil = (
            float(silhouette_score(distances, labels, metric="precomputed"))
            if 1 < len(np.unique(labels)) < len(idx)
            else float("nan")
        )
        rows.append({"k": k, "inertia": float(km.inertia_), "silhouette": sil})
        fitted[k] = km
    return pl.DataFrame(rows, schema=METRICS_SCHEMA), fitted


def stability(
    x: np.ndarray, labels: np.ndarray, *, k: int, seeds: Sequence[int], n_init: int = 4
) -> Stability:
    """Refit KMeans(k) on `x` with each seed; ARI of each refit against `labels`."""
    from sklearn.cluster import KMeans
    from sklearn.metrics import adjusted_rand_score

    aris = tuple(
        float(
            adjusted_rand_score(
                labels, KMeans(n_clusters=k, n_init=n_init, random_state=s).fit(x).labels_
            )
        )
        for s in seeds
    )
    return Stability(tuple(seeds), aris)


PCA_SAMPLE = 5_000  # most customers drawn in the projection (a scatter stays readable)
PCA_SEED = 0
PROJECTION_SCHEMA = {
    "customer_id": pl.Utf8,
    "pc1": pl.Float64,
    "pc2": pl.Float64,
    "cluster": pl.Int32,
}


@dataclass(frozen=True)
class Projection:
    """Customers on the first two principal components of the cluster model's feature space.

    `points`: customer_id, pc1, pc2 (unitless coordinates in the scaled and
    one-hot feature space), cluster (the stored cluster id). `explained`: the
    share (0-1) of that space's variance each component carries.
    """

    points: pl.DataFrame
    explained: tuple[float, float]


def pca_projection(
    frame: pl.DataFrame, *, models: Any, sample: int = PCA_SAMPLE, seed: int = PCA_SEED
) -> Projection:
    """2-D PCA of `frame`'s customers (FEATURES, customer_id, cluster columns).

    `models` is a loaded segmentation (`analytics.artifacts.load_models`) or its
    fitted customer-type pipeline: customers are transformed exactly as the
    cluster model sees them, then PCA(2) is fitted on a fixed-seed sample of at
    most `sample` customers, so the same selection gives the same picture.
    Customers without a stored cluster are left out.
    """
    from sklearn.decomposition import PCA

    model = getattr(models, "cluster_model", models)
    rows = frame.filter(pl.col("cluster").is_not_null())
    idx = sample_rows(rows.height, sample, seed=seed)
    rows = rows[idx] if idx.shape[0] < rows.height else rows
    if rows.height < 2:
        return Projection(pl.DataFrame(schema=PROJECTION_SCHEMA), (float("nan"), float("nan")))
    x = transform_features(model, feature_frame(rows))
    n_components = min(2, *x.shape)
    pca = PCA(n_components=n_components, random_state=seed)
    xy = pca.fit_transform(x)
    if n_components < 2:
        xy = np.hstack([xy, np.zeros((xy.shape[0], 2 - n_components))])
    ratios = [float(r) for r in pca.explained_variance_ratio_] + [0.0] * (2 - n_components)
    points = pl.DataFrame(
        {
            "customer_id": rows.get_column("customer_id").cast(pl.Utf8),
            "pc1": xy[:, 0],
            "pc2": xy[:, 1],
            "cluster": rows.get_column("cluster").cast(pl.Int32),
        },
        schema=PROJECTION_SCHEMA,
    )
    return Projection(points, (ratios[0], ratios[1]))


def order_by_size(labels: np.ndarray) -> dict[int, int]:
    """KMeans label -> cluster id 1..K, numbered from the largest cluster (ties: lower label)."""
    values, counts = np.unique(labels, return_counts=True)
    order = sorted(zip(values.tolist(), counts.tolist(), strict=True), key=lambda t: (-t[1], t[0]))
    return {int(label): i + 1 for i, (label, _) in enumerate(order)}


# --- profiles and personas (pure) ---------------------------------------------------------

PROFILE_SCHEMA = {
    "cluster": pl.Int32, "customers": pl.Int64, "share": pl.Float64, "age_mean": pl.Float64,
    "female_share": pl.Float64, "male_share": pl.Float64, "eco_share": pl.Float64,
    "amount_krw_mean": pl.Float64, "frequency_mean": pl.Float64,
    "recency_days_mean": pl.Float64, "online_share": pl.Float64,
    "top_body_type": pl.Utf8, "top_body_type_share": pl.Float64,
    "preferred_body_type": pl.Utf8, "preferred_body_type_share": pl.Float64,
    "preferred_body_type_lift": pl.Float64,
    "top_models": pl.List(pl.Utf8), "top_model_shares": pl.List(pl.Float64),
    "top_markets": pl.List(pl.Utf8), "top_market_shares": pl.List(pl.Float64),
}  # fmt: skip


def _top(frame: pl.DataFrame, column: str, n: int, by: str = "cluster") -> pl.DataFrame:
    """Per `by`: the n most frequent values of `column` (ties by name) and their shares."""
    return (
        frame.filter(pl.col(column).is_not_null())
        .group_by(by, column)
        .agg(pl.len().alias("_n"))
        .with_columns((pl.col("_n") / pl.col("_n").sum().over(by)).alias("_share"))
        .sort([by, "_n", column], descending=[False, True, False])
        .group_by(by, maintain_order=True)
        .agg(
            pl.col(column).head(n).alias(f"top_{column}s"),
            pl.col("_share").head(n).alias(f"top_{column}_shares"),
        )
    )


def _preferred_body(frame: pl.DataFrame) -> pl.DataFrame:
    """Per cluster: of the body types with >= BODY_MIN_SHARE of it, the highest share lift."""
    overall = (
        frame.filter(pl.col("body_type").is_not_null())
        .group_by("body_type")
        .len()
        .with_columns((pl.col("len") / pl.col("len").sum()).alias("_all"))
    )
    return (
        frame.filter(pl.col("body_type").is_not_null())
        .group_by("cluster", "body_type")
        .len()
        .with_columns((pl.col("len") / pl.col("len").sum().over("cluster")).alias("_share"))
        .join(overall.select("body_type", "_all"), on="body_type")
        .with_columns((pl.col("_share") / pl.col("_all")).alias("_lift"))
        .filter(pl.col("_share") >= BODY_MIN_SHARE)
        .sort(["cluster", "_lift", "body_type"], descending=[False, True, False])
        .group_by("cluster", maintain_order=True)
        .agg(
            pl.col("body_type").first().alias("preferred_body_type"),
            pl.col("_share").first().alias("preferred_body_type_share"),
            pl.col("_lift").first().alias("preferred_body_type_lift"),
        )
    )


def cluster_profiles(
    frame: pl.DataFrame, *, cluster: str = "cluster", top_n: int = 3
) -> pl.DataFrame:
    """Profile of each cluster in original units.

    `frame`: one row per customer with `cluster` and age, gender (M/F),
    eco_friendly, amount_krw, frequency, recency_days, channel, body_type,
    model, market. Columns: cluster; customers; share (fraction 0-1 of all
    customers); age_mean (years); female_share, male_share, eco_share,
    online_share (fractions 0-1); amount_krw_mean (KRW); frequency_mean
    (purchases); recency_days_mean (days); top_body_type and its share;
    preferred_body_type (of the body types with at least BODY_MIN_SHARE of the
    cluster, the highest share lift over all of `frame`; null when none), its
    share and lift (ratio); top_models, top_model_shares, top_markets, top_market_shares
    (the `top_n` most common, shares within the cluster). Sorted by cluster.
    """
    data = frame.rename({cluster: "cluster"}) if cluster != "cluster" else frame
    total = data.height
    base = (
        data.group_by("cluster")
        .agg(
            pl.len().alias("customers"),
            pl.col("age").mean().alias("age_mean"),
            (pl.col("gender") == "F").mean().alias("female_share"),
            (pl.col("gender") == "M").mean().alias("male_share"),
            pl.col("eco_friendly").cast(pl.Float64).mean().alias("eco_share"),
            pl.col("amount_krw").mean().alias("amount_krw_mean"),
            pl.col("frequency").mean().alias("frequency_mean"),
            pl.col("recency_days").mean().alias("recency_days_mean"),
            (pl.col("channel") == "온라인").mean().alias("online_share"),
        )
        .with_columns((pl.col("customers") / total if total else pl.lit(0.0)).alias("share"))
    )
    body = _top(data, "body_type", 1).select(
        "cluster",
        pl.col("top_body_types").list.first().alias("top_body_type"),
        pl.col("top_body_type_shares").list.first().alias("top_body_type_share"),
    )
    return (
        base.join(body, on="cluster", how="left")
        .join(_preferred_body(data), on="cluster", how="left")
        .join(_top(data, "model", top_n), on="cluster", how="left")
        .join(_top(data, "market", top_n), on="cluster", how="left")
        .with_columns(pl.col("cluster").cast(pl.Int32))
        .sort("cluster")
        .select(list(PROFILE_SCHEMA))
        .cast(PROFILE_SCHEMA)  # type: ignore[arg-type]
    )


# Numeric traits: column -> (code when above the brand, code when below).
NUMERIC_TRAITS: dict[str, tuple[str, str]] = {
    "age": ("older", "younger"),
    "amount_krw": ("high_spend", "budget"),
    "frequency": ("repeat", "one_time"),
    "recency_days": ("lapsed", "recent"),
}
# Share traits: (code, 0/1 expression over the customer frame, code when below or None).
SHARE_TRAITS: tuple[tuple[str, pl.Expr, str | None], ...] = (
    ("women", pl.col("gender") == "F", "men"),
    ("eco", pl.col("eco_friendly").cast(pl.Boolean), "no_eco"),
    ("online", pl.col("channel") == "온라인", "offline"),
)
# Category traits: column -> code; named only when over-represented (positive d).
CATEGORY_TRAITS: dict[str, str] = {"body_type": "body", "market": "market"}
TRAIT_SCHEMA = {
    "cluster": pl.Int32, "trait": pl.Utf8, "code": pl.Utf8, "value": pl.Utf8,
    "cluster_mean": pl.Float64, "brand_mean": pl.Float64, "d": pl.Float64,
}  # fmt: skip


def _trait_specs(data: pl.DataFrame) -> list[tuple[str, pl.Expr, bool, str | None, str | None]]:
    """(trait, value expression, is a share, code above, code below) for every trait."""
    specs: list[tuple[str, pl.Expr, bool, str | None, str | None]] = [
        (column, pl.col(column), False, up, down)
        for column, (up, down) in NUMERIC_TRAITS.items()
        if column in data.columns
    ]
    specs += [(code, expr, True, code, down) for code, expr, down in SHARE_TRAITS]
    for column, code in CATEGORY_TRAITS.items():
        if column in data.columns:
            values = sorted(data.get_column(column).drop_nulls().unique().to_list())
            specs += [(f"{column}={v}", pl.col(column) == v, True, code, None) for v in values]
    return specs


def persona_traits(frame: pl.DataFrame, *, cluster: str = "cluster") -> pl.DataFrame:
    """How each cluster differs from all of `frame`'s customers, trait by trait.

    `frame`: one row per customer with `cluster` and age, gender (M/F),
    eco_friendly, amount_krw, frequency, recency_days, channel, body_type,
    market. One row per cluster and trait:

    - trait: the measured quantity (age, amount_krw, frequency, recency_days,
      women, eco, online, body_type=<value>, market=<value>);
    - cluster_mean, brand_mean: the mean in the trait's unit (years, KRW,
      purchases, days) or the share (0-1) of customers;
    - d: the standardised difference (cluster_mean - brand_mean) / the brand's
      standard deviation (for a share p: sqrt(p (1 - p))); 0 when it does not vary;
    - code, value: the persona word the difference stands for (NUMERIC_TRAITS
      and SHARE_TRAITS by its sign; a body type or market, with the value, only
      when d > 0 and its share in the cluster is at least CATEGORY_MIN_SHARE);
      null when nothing is to be said.

    Sorted by cluster, then |d| descending (ties by trait), so each cluster's
    most distinguishing traits come first: a persona names those, never a value
    the cluster shares with everyone.
    """
    data = frame.rename({cluster: "cluster"}) if cluster != "cluster" else frame
    specs = _trait_specs(data)
    if data.is_empty() or not specs:
        return pl.DataFrame(schema=TRAIT_SCHEMA)
    meta = pl.DataFrame(
        {
            "trait": [s[0] for s in specs],
            "_share": [s[2] for s in specs],
            "_up": [s[3] for s in specs],
            "_down": [s[4] for s in specs],
        },
        schema={"trait": pl.Utf8, "_share": pl.Boolean, "_up": pl.Utf8, "_down": pl.Utf8},
    )
    long = (
        data.select(
            pl.col("cluster").cast(pl.Int32),
            *[expr.cast(pl.Float64).alias(trait) for trait, expr, *_ in specs],
        )
        .unpivot(index="cluster", variable_name="trait", value_name="_x")
        .drop_nulls("_x")
    )
    brand = long.group_by("trait").agg(
        pl.col("_x").mean().alias("brand_mean"), pl.col("_x").std().alias("_sd")
    )
    category = pl.col("trait").str.contains("=")
    code = (
        pl.when(category & (pl.col("d") > 0) & (pl.col("cluster_mean") >= CATEGORY_MIN_SHARE))
        .then(pl.col("_up"))
        .when(~category & (pl.col("d") > 0))
        .then(pl.col("_up"))
        .when(~category & (pl.col("d") < 0))
        .then(pl.col("_down"))
    )
    return (
        long.group_by("cluster", "trait")
        .agg(pl.col("_x").mean().alias("cluster_mean"))
        .join(brand, on="trait")
        .join(meta, on="trait")
        .with_columns(
            pl.when(pl.col("_share"))
            .then((pl.col("brand_mean") * (1 - pl.col("brand_mean"))).sqrt())
            .otherwise(pl.col("_sd"))
            .alias("_sd")
        )
        .with_columns(
            pl.when(pl.col("_sd") > 0)
            .then((pl.col("cluster_mean") - pl.col("brand_mean")) / pl.col("_sd"))
            .otherwise(0.0)
            .alias("d")
        )
        .with_columns(
            code.alias("code"),
            pl.when(category & code.is_not_null())
            .then(pl.col("trait").str.split_exact("=", 1).struct.field("field_1"))
            .alias("value"),
            pl.col("d").abs().round(9).alias("_abs"),  # equal |d| up to float noise: a tie
        )
        .sort(["cluster", "_abs", "trait"], descending=[False, True, False])
        .select(list(TRAIT_SCHEMA))
        .cast(TRAIT_SCHEMA)  # type: ignore[arg-type]
    )


def persona_parts(traits: pl.DataFrame, *, n: int = PERSONA_TRAITS) -> list[tuple[str, Any]]:
    """The (part, value) pieces of one cluster's persona from its `persona_traits` rows:
    its `n` most distinguishing nameable traits; beyond the first only those with |d| >=
    TRAIT_MIN_D. Parts: ('trait', code), ('body', body type) or ('market', market)."""
    named = traits.filter(pl.col("code").is_not_null())
    out: list[tuple[str, Any]] = []
    for row in named.iter_rows(named=True):
        if len(out) >= n or (out and abs(row["d"]) < TRAIT_MIN_D):
            break
        code = row["code"]
        out.append((code, row["value"]) if code in ("body", "market") else ("trait", code))
    return out


def _clashes(parts: Mapping[int, list[tuple[str, Any]]]) -> list[list[int]]:
    seen: dict[tuple[Any, ...], list[int]] = {}
    for c, p in parts.items():
        seen.setdefault(tuple(p), []).append(c)
    return [cs for cs in seen.values() if len(cs) > 1]


def unique_parts(traits: pl.DataFrame) -> dict[int, list[tuple[str, Any]]]:
    """Persona parts per cluster (`persona_parts`), unique across the clusters.

    Clusters whose personas coincide get their next nameable trait (whatever its
    |d|), until the personas differ or the traits run out; clusters still alike
    get ('cluster', id).
    """
    by = {
        int(c): rows.drop("cluster")
        for (c,), rows in traits.partition_by("cluster", as_dict=True, maintain_order=True).items()
    }
    n = dict.fromkeys(by, PERSONA_TRAITS)
    parts = {c: persona_parts(rows, n=n[c]) for c, rows in by.items()}
    for _ in range(max((r.height for r in by.values()), default=0)):
        clashes = _clashes(parts)
        if not clashes:
            break
        for c in {c for cs in clashes for c in cs}:
            n[c] += 1
            named = by[c].filter(pl.col("code").is_not_null())
            parts[c] = [
                (r["code"], r["value"]) if r["code"] in ("body", "market") else ("trait", r["code"])
                for r in named.head(n[c]).iter_rows(named=True)
            ]
    for cs in _clashes(parts):
        for c in cs:
            parts[c] = [*parts[c], ("cluster", c)]
    return parts
