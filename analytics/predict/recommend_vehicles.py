"""Vehicle recommendations for a counter customer: scoring every model of the brand.

Statistics are computed once at train time (`build_stats`, from the brand's
customer_profiles rows with their customer type) and stored as JSON in the
artifact folder, hashed in the manifest, so prediction never queries the
warehouse. Scoring (`score_matrix`) is vectorised: customers x models.

Signals, each in [0, 1] except the price fit (at most 1), and their weights
(WEIGHTS):

- cluster (weight 0.25): share of the customer's type (predicted cluster) who
  bought the model, divided by the best model's share in that type. Source:
  customer_profiles with the trained customer types.
- market (0.15): (11 - rank) / 10 for the model's rank in the customer's
  market top-10 by customers who bought it; 0 outside the top-10. Source:
  customer_profiles (the customer files carry market and model for every
  customer market; fact_sales has model x market only for some flows).
- price (0.25): fit of the expected price to the budget, see below. Expected
  price: median amount_krw of the model's buyers (the data has no catalogue
  price).
- class (0.25): share of the customers who wanted the same vehicle class and
  bought the model, divided by the best model's share. Source:
  customer_profiles.
- eco (0.10): 1 when the customer prefers eco-friendly and the model is eco
  (more than half of its buyers are eco-friendly), else 0.

The class the customer asked for weighs as much as the similar-customers signal:
at weight 0.15 a customer asking for a large SUV on the sample data was shown three
compact and mid-size cars first, which no dealer would do.

Price fit: with x = ln(expected price / budget),
`1 - PRICE_OVER * max(x, 0) - PRICE_UNDER * max(-x, 0)` (1 at an exact fit,
over-budget penalised 2.5 times harder than under-budget, not clipped). The
function is concave in x, so the price term has increasing differences in
(price, budget): for a fixed customer type, raising the budget can only move
the top pick to a model at least as expensive (Topkis' monotonicity theorem;
ties go to the more expensive model). The other signals do not read the
budget. The predicted type does: the budget is the strongest input of the type
classifier (on the reference data, leaving it out drops the type's macro-F1
from 0.83 to 0.62 for Kia), so a budget change that moves the customer into
another type switches the "similar customers" signal to that type's purchases,
and the top pick may then change in either direction. The guarantee is
therefore per customer type; tests/analytics/test_predict_model.py checks it
on the trained models.

Ranking: score descending, then expected price descending, then model name.
Top `TOP_N` models, plus the model of interest (flagged, with its rank) when
it is not among them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import polars as pl

TOP_N = 3
MARKET_TOP = 10
WEIGHTS: dict[str, float] = {
    "cluster": 0.25,
    "market": 0.15,
    "price": 0.25,
    "class": 0.25,
    "eco": 0.10,
}
PRICE_OVER, PRICE_UNDER = 2.5, 1.0
ECO_MAJORITY = 0.5  # a model is eco when more than half of its buyers are eco-friendly
BUDGET_LOW_FACTOR, BUDGET_HIGH_FACTOR = 0.5, 2.0
BUDGET_RULE = (
    f"budget must lie in [{BUDGET_LOW_FACTOR} x the 1st percentile, "
    f"{BUDGET_HIGH_FACTOR} x the 99th percentile] of the brand's transaction "
    "amounts (amount_krw), rounded outwards to 1,000,000 KRW"
)


@dataclass(frozen=True)
class Reason:
    """Why a model is recommended; rendered by `app.i18n.predict.render_reason`."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Recommendation:
    """One recommended model. expected_price in KRW; score as in the module table."""

    model: str
    expected_price: int
    eco: bool
    score: float
    rank: int
    is_model_of_interest: bool
    reasons: list[Reason]


@dataclass(frozen=True)
class RecommendationStats:
    """Train-time statistics of one brand (see module docstring), as arrays."""

    models: list[str]
    expected_price: np.ndarray  # KRW per model
    eco: np.ndarray  # bool per model
    buyers: np.ndarray  # customers per model
    clusters: list[int]
    cluster_share: np.ndarray  # clusters x models, share of the cluster's customers
    markets: list[str]
    market_rank: np.ndarray  # markets x models, 1..MARKET_TOP or 0 outside the top
    vehicle_classes: list[str]
    class_share: np.ndarray  # classes x models

    def to_json(self) -> dict[str, Any]:
        return {
            "models": self.models,
            "expected_price": [int(v) for v in self.expected_price],
            "eco": [bool(v) for v in self.eco],
            "buyers": [int(v) for v in self.buyers],
            "clusters": self.clusters,
            "cluster_share": np.round(self.cluster_share, 6).tolist(),
            "markets": self.markets,
            "market_rank": self.market_rank.astype(int).tolist(),
            "vehicle_classes": self.vehicle_classes,
            "class_share": np.round(self.class_share, 6).tolist(),
            "weights": WEIGHTS,
            "price_over": PRICE_OVER,
            "price_under": PRICE_UNDER,
            "market_top": MARKET_TOP,
            "eco_majority": ECO_MAJORITY,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> RecommendationStats:
        return cls(
            models=list(data["models"]),
            expected_price=np.asarray(data["expected_price"], dtype=np.float64),
            eco=np.asarray(data["eco"], dtype=bool),
            buyers=np.asarray(data["buyers"], dtype=np.int64),
            clusters=[int(c) for c in data["clusters"]],
            cluster_share=np.asarray(data["cluster_share"], dtype=np.float64),
            markets=list(data["markets"]),
            market_rank=np.asarray(data["market_rank"], dtype=np.int64),
            vehicle_classes=list(data["vehicle_classes"]),
            class_share=np.asarray(data["class_share"], dtype=np.float64),
        )


def typical_price(stats: RecommendationStats) -> float:
    """The median expected price over the brand's buyers (KRW): each model's median
    transaction amount, weighted by how many customers bought it."""
    pairs = sorted(zip(stats.expected_price.tolist(), stats.buyers.tolist(), strict=True))
    half, seen = sum(int(b) for _p, b in pairs) / 2, 0
    for price, buyers in pairs:
        seen += int(buyers)
        if seen >= half:
            return float(price)
    return float("nan")


def typical_class(stats: RecommendationStats) -> str | None:
    """The vehicle class whose customers most often bought the brand's best-selling model
    (a form default that agrees with `typical_price`)."""
    if not stats.models or not stats.vehicle_classes:
        return None
    best = int(np.argmax(stats.buyers))
    return stats.vehicle_classes[int(np.argmax(stats.class_share[:, best]))]


def budget_bounds(amounts: pl.Series) -> tuple[int, int]:
    """(min, max) plausible budget in KRW for a brand, by BUDGET_RULE."""
    values = amounts.drop_nulls().cast(pl.Float64)
    low = float(values.quantile(0.01, interpolation="linear") or 0.0) * BUDGET_LOW_FACTOR
    high = float(values.quantile(0.99, interpolation="linear") or 0.0) * BUDGET_HIGH_FACTOR
    step = 1_000_000
    return max(step, int(low // step) * step), int(-(-high // step)) * step


def _share(frame: pl.DataFrame, by: str, keys: Sequence[Any], models: Sequence[str]) -> np.ndarray:
    """keys x models: share of each `by` group's customers who bought each model."""
    counts = (
        frame.group_by(by, "model")
        .len()
        .with_columns((pl.col("len") / pl.col("len").sum().over(by)).alias("share"))
    )
    out = np.zeros((len(keys), len(models)))
    kx = {k: i for i, k in enumerate(keys)}
    mx = {m: i for i, m in enumerate(models)}
    for k, m, s in counts.select(by, "model", "share").iter_rows():
        if k in kx and m in mx:
            out[kx[k], mx[m]] = s
    return out


def build_stats(
    customers: pl.DataFrame,
    *,
    clusters: Sequence[int],
    markets: Sequence[str],
    vehicle_classes: Sequence[str],
) -> RecommendationStats:
    """Recommendation statistics of one brand.

    `customers`: the brand's customer_profiles rows (model, amount_krw in KRW,
    eco_friendly, market, vehicle_class) with their `cluster` (1..K).
    """
    data = customers.filter(pl.col("model").is_not_null())
    per_model = (
        data.group_by("model")
        .agg(
            pl.col("amount_krw").median().alias("expected_price"),
            pl.col("eco_friendly").cast(pl.Float64).mean().alias("eco_share"),
            pl.len().alias("buyers"),
        )
        .sort("model")
    )
    models = per_model.get_column("model").to_list()
    rank = np.zeros((len(markets), len(models)), dtype=np.int64)
    mk = {m: i for i, m in enumerate(markets)}
    mx = {m: i for i, m in enumerate(models)}
    # ties in units are broken by model name so the ranks are reproducible
    ranked = (
        data.group_by("market", "model")
        .len()
        .sort(["market", "len", "model"], descending=[False, True, False])
        .with_columns(pl.int_range(1, pl.len() + 1).over("market").alias("rank"))
        .filter(pl.col("rank") <= MARKET_TOP)
    )
    for market, model, r in ranked.select("market", "model", "rank").iter_rows():
        if market in mk and model in mx:
            rank[mk[market], mx[model]] = r
    return RecommendationStats(
        models=models,
        expected_price=per_model.get_column("expected_price").round(0).to_numpy(),
        eco=per_model.get_column("eco_share").fill_null(0.0).to_numpy() > ECO_MAJORITY,
        buyers=per_model.get_column("buyers").to_numpy(),
        clusters=list(clusters),
        cluster_share=_share(data, "cluster", clusters, models),
        markets=list(markets),
        market_rank=rank,
        vehicle_classes=list(vehicle_classes),
        class_share=_share(data, "vehicle_class", vehicle_classes, models),
    )


def _row_normalised(matrix: np.ndarray) -> np.ndarray:
    top = matrix.max(axis=1, keepdims=True)
    return np.divide(matrix, top, out=np.zeros_like(matrix), where=top > 0)


def price_fit(price: np.ndarray, budget: np.ndarray) -> np.ndarray:
    """Fit of prices (models) to budgets (customers): customers x models, 1 = exact."""
    x = np.log(price.reshape(1, -1) / budget.reshape(-1, 1))
    return 1.0 - PRICE_OVER * np.maximum(x, 0.0) - PRICE_UNDER * np.maximum(-x, 0.0)


@dataclass(frozen=True)
class Scores:
    """Vectorised scores: every matrix is customers x models."""

    score: np.ndarray
    order: np.ndarray  # model indices per customer, best first
    cluster_share: np.ndarray
    market_rank: np.ndarray
    class_share: np.ndarray
    budget_ratio: np.ndarray
    eco_match: np.ndarray


def score_matrix(
    stats: RecommendationStats,
    *,
    cluster: np.ndarray,
    market: np.ndarray,
    vehicle_class: np.ndarray,
    budget: np.ndarray,
    eco: np.ndarray,
) -> Scores:
    """Score every model for every customer.

    cluster: predicted customer type per customer (1..K); market,
    vehicle_class: canonical values (object arrays); budget in KRW; eco: bool.
    """
    n = budget.shape[0]
    cidx = np.searchsorted(np.asarray(stats.clusters), cluster)
    cidx = np.clip(cidx, 0, len(stats.clusters) - 1)
    cluster_share = stats.cluster_share[cidx]
    mkey = {m: i for i, m in enumerate(stats.markets)}
    midx = np.fromiter((mkey.get(m, -1) for m in market), dtype=np.int64, count=n)
    rank = np.where((midx >= 0)[:, None], stats.market_rank[np.maximum(midx, 0)], 0)
    vkey = {v: i for i, v in enumerate(stats.vehicle_classes)}
    vidx = np.fromiter((vkey.get(v, -1) for v in vehicle_class), dtype=np.int64, count=n)
    class_share = np.where((vidx >= 0)[:, None], stats.class_share[np.maximum(vidx, 0)], 0.0)
    eco_match = np.asarray(eco, dtype=bool)[:, None] & stats.eco[None, :]
    budget = np.asarray(budget, dtype=np.float64)
    score = (
        WEIGHTS["cluster"] * _row_normalised(cluster_share)
        + WEIGHTS["market"] * np.where(rank > 0, (MARKET_TOP + 1 - rank) / MARKET_TOP, 0.0)
        + WEIGHTS["price"] * price_fit(stats.expected_price, budget)
        + WEIGHTS["class"] * _row_normalised(class_share)
        + WEIGHTS["eco"] * eco_match
    )
    # lexsort: last key is primary -> score desc, then price desc, then model name
    names = np.argsort(np.argsort(np.asarray(stats.models, dtype=object)))
    price = np.broadcast_to(stats.expected_price, score.shape)
    order = np.lexsort((np.broadcast_to(names, score.shape), -price, -np.round(score, 12)), axis=1)
    return Scores(
        score=score,
        order=order,
        cluster_share=cluster_share,
        market_rank=rank,
        class_share=class_share,
        budget_ratio=stats.expected_price[None, :] / budget[:, None],
        eco_match=eco_match,
    )


def reason_list(
    *,
    cluster: int,
    cluster_share: float,
    market: str,
    market_rank: int | None,
    budget_ratio: float,
    vehicle_class: str,
    class_share: float,
    eco_pref: bool,
    model_eco: bool,
    of_interest: bool = False,
) -> list[Reason]:
    """The numbered reasons of one model for one customer, from its signal values.

    cluster_share, class_share: 0-1; market_rank: 1..MARKET_TOP or None;
    budget_ratio: expected price / budget. Used for single predictions and for
    the rows of `Predictor.predict_frame` alike.
    """
    out = [
        Reason("cluster_share", {"cluster": int(cluster), "share_pct": round(100 * cluster_share)})
    ]
    if market_rank:
        out.append(
            Reason("market_rank", {"market": market, "rank": int(market_rank), "top": MARKET_TOP})
        )
    elif of_interest:
        out.append(Reason("market_not_top", {"market": market, "top": MARKET_TOP}))
    out.append(Reason("budget_ratio", {"ratio_pct": round(100 * budget_ratio)}))
    if class_share > 0:
        out.append(
            Reason(
                "class_share",
                {"vehicle_class": vehicle_class, "share_pct": round(100 * class_share)},
            )
        )
    if eco_pref and model_eco:
        out.append(Reason("eco_match"))
    elif eco_pref and of_interest:
        out.append(Reason("eco_mismatch"))
    return out


def reasons(
    scores: Scores,
    stats: RecommendationStats,
    row: int,
    model: int,
    *,
    cluster: int,
    market: str,
    vehicle_class: str,
    eco_pref: bool,
    of_interest: bool = False,
) -> list[Reason]:
    """The numbered reasons of model index `model` for customer `row` of `scores`."""
    return reason_list(
        cluster=cluster,
        cluster_share=float(scores.cluster_share[row, model]),
        market=market,
        market_rank=int(scores.market_rank[row, model]) or None,
        budget_ratio=float(scores.budget_ratio[row, model]),
        vehicle_class=vehicle_class,
        class_share=float(scores.class_share[row, model]),
        eco_pref=eco_pref,
        model_eco=bool(stats.eco[model]),
        of_interest=of_interest,
    )


def recommendations(
    scores: Scores,
    stats: RecommendationStats,
    row: int,
    *,
    cluster: int,
    market: str,
    vehicle_class: str,
    eco_pref: bool,
    model_of_interest: str | None,
    top_n: int = TOP_N,
) -> list[Recommendation]:
    """Top `top_n` for customer `row`, plus the model of interest when it ranks lower."""
    order = scores.order[row]
    picks = [int(m) for m in order[:top_n]]
    interest = stats.models.index(model_of_interest) if model_of_interest in stats.models else None
    if interest is not None and interest not in picks:
        picks.append(interest)
    rank_of = {int(m): r + 1 for r, m in enumerate(order)}
    out = []
    for m in picks:
        flagged = m == interest
        out.append(
            Recommendation(
                model=stats.models[m],
                expected_price=int(stats.expected_price[m]),
                eco=bool(stats.eco[m]),
                score=round(float(scores.score[row, m]), 4),
                rank=rank_of[m],
                is_model_of_interest=flagged,
                reasons=(
                    reasons(
                        scores,
                        stats,
                        row,
                        m,
                        cluster=cluster,
                        market=market,
                        vehicle_class=vehicle_class,
                        eco_pref=eco_pref,
                        of_interest=flagged,
                    )
                    + (
                        [Reason("interest_rank", {"rank": rank_of[m], "total": len(stats.models)})]
                        if flagged and rank_of[m] > top_n
                        else []
                    )
                ),
            )
        )
    return out
