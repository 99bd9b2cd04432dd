"""Vehicle recommendations for a counter customer: the wishes first, then a documented score.

Candidates are the brand's own models in the model catalogue (`warehouse.catalogue`:
body type, size class, powertrains offered) that the brand's customers bought, so
each has an expected price: the median amount_krw of its buyers (the data has no
list price). A model a brand's customer file holds but the catalogue gives to the
other brand (a Kia K5 in Hyundai's file) is never recommended by that brand.

Statistics are computed once at train time (`build_stats`, from the brand's
customer_profiles rows with their value tier) and stored as JSON in the artifact
folder, hashed in the manifest, so prediction never queries the warehouse.
Scoring (`score_matrix`) is vectorised: customers x models.

**What the customer asked for comes first** (`wish_level`, per customer and model):

- 3: the requested class (size class and body type, e.g. 중형 SUV, the catalogue's
  `segment`) with an expected price within +-BUDGET_BAND (30 %) of the budget;
- 2: the requested body type (another size) within the budget band;
- 1: the requested class outside the budget band;
- 0: anything else.

Models are ranked by wish level, then (with the eco preference) models offering an
eco powertrain (HEV, PHEV, EV, FCEV) before those that do not, then the score, then
the higher expected price, then the name. So when the catalogue has models of the
requested class within the budget band, the top three are from them (all of them
when fewer than three), eco ones first with the eco preference. `Wishes` says per
customer which wish could be met and, when not, why (no such class in the
catalogue, none within the band, no eco version); each card's reasons say what it
does not meet.

**Score** within a wish level, signals each in [0, 1] except the price fit (at
most 1), weights WEIGHTS:

- tier (0.25): share of the customers of the customer's predicted value tier who
  bought the model, divided by the best model's share in that tier;
- market (0.15): (11 - rank) / 10 for the model's rank in the customer's market
  top-10 by customers who bought it; 0 outside the top-10. Source:
  customer_profiles (the customer files carry market and model for every
  customer market; fact_sales has model x market only for some flows);
- price (0.25): fit of the expected price to the budget, see below;
- class (0.25): share of the customers who wanted the same vehicle class and
  bought the model, divided by the best model's share;
- eco (0.10): 1 when the customer prefers eco-friendly and the model offers an
  eco powertrain, else 0.

Price fit: with x = ln(expected price / budget),
`1 - PRICE_OVER * max(x, 0) - PRICE_UNDER * max(-x, 0)` (1 at an exact fit,
over-budget penalised 2.5 times harder than under-budget, not clipped). The
function is concave in x, so the price term has increasing differences in
(price, budget), and the budget band [0.7 b, 1.3 b] moves up with the budget:
for a fixed value tier and a fixed wish level and eco match of the top pick,
raising the budget can only move the top pick to a model at least as expensive
(Topkis' monotonicity theorem; ties go to the more expensive model). A budget
change that moves the customer into another tier, or makes a level appear or
disappear (a class model entering the band), can move the top pick either way;
tests/analytics/test_predict_model.py checks the property on the trained models.

Top `TOP_N` models, plus the model of interest (flagged, with its rank) when it
is not among them.
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
    "tier": 0.25,
    "market": 0.15,
    "price": 0.25,
    "class": 0.25,
    "eco": 0.10,
}
PRICE_OVER, PRICE_UNDER = 2.5, 1.0
BUDGET_BAND = 0.30  # a model fits the budget when its expected price is within +-30 %
ECO_POWERTRAINS: frozenset[str] = frozenset({"HEV", "PHEV", "EV", "FCEV"})
BUDGET_LOW_FACTOR, BUDGET_HIGH_FACTOR = 0.5, 2.0
BUDGET_RULE = (
    f"budget must lie in [{BUDGET_LOW_FACTOR} x the 1st percentile, "
    f"{BUDGET_HIGH_FACTOR} x the 99th percentile] of the brand's transaction "
    "amounts (amount_krw), rounded outwards to 1,000,000 KRW"
)
WISH_RULE = (
    "rank by wish level (3 = requested class within +-30% of the budget, 2 = requested "
    "body type within it, 1 = requested class outside it, 0 = other), then with the eco "
    "preference models offering an eco powertrain (HEV, PHEV, EV, FCEV) first, then the "
    "score, then the higher expected price, then the name"
)


@dataclass(frozen=True)
class Reason:
    """Why a model is recommended; rendered by `app.i18n.predict.render_reason`."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Recommendation:
    """One recommended model. expected_price in KRW; score as in the module table.

    body_type, size_class (None for trucks and pickups) and powertrains come from
    the model catalogue; `powertrain` is what the card offers: the eco powertrains
    with the eco preference when the model has one, else every powertrain offered
    ('HEV/PHEV'); `eco` is whether the model offers an eco powertrain. The wish
    flags say whether the model is of the requested class, within the budget band
    and (with the eco preference) eco.
    """

    model: str
    expected_price: int
    eco: bool
    score: float
    rank: int
    is_model_of_interest: bool
    reasons: list[Reason]
    body_type: str | None = None
    size_class: str | None = None
    powertrain: str = ""
    powertrains: tuple[str, ...] = ()
    class_met: bool = False
    budget_met: bool = False
    eco_met: bool | None = None  # None: no eco preference


@dataclass(frozen=True)
class Wishes:
    """Which of the customer's wishes the catalogue can meet, and why not.

    class_status: 'met' (models of the class within the budget band), 'out_of_budget'
    (the class exists, none within the band; class_price_min/max give its expected
    prices in KRW) or 'not_in_catalogue' (the brand has no bought model of that
    class). eco_status: 'not_asked', 'met' (an eco model of the class within the
    band), 'no_eco_in_class' (none of the class offers an eco powertrain within the
    band) or 'met_elsewhere' (no eco model of the class; eco models shown from the
    fallback). Counts are models.
    """

    vehicle_class: str
    budget_krw: int
    eco_pref: bool
    class_status: str
    class_models: int
    class_in_budget: int
    class_eco_in_budget: int
    class_price_min: int | None
    class_price_max: int | None
    eco_status: str

    @property
    def class_met(self) -> bool:
        return self.class_status == "met"


@dataclass(frozen=True)
class RecommendationStats:
    """Train-time statistics of one brand (see module docstring), as arrays."""

    models: list[str]
    expected_price: np.ndarray  # KRW per model
    buyers: np.ndarray  # customers per model
    body_type: list[str | None]  # catalogue, per model
    size_class: list[str | None]
    segment: list[str | None]  # catalogue: size class and body type, e.g. 중형 SUV
    powertrains: list[list[str]]  # catalogue: powertrains offered
    tiers: list[str]
    tier_share: np.ndarray  # tiers x models, share of the tier's customers
    markets: list[str]
    market_rank: np.ndarray  # markets x models, 1..MARKET_TOP or 0 outside the top
    vehicle_classes: list[str]
    class_share: np.ndarray  # classes x models

    @property
    def eco(self) -> np.ndarray:
        """bool per model: the catalogue offers an eco powertrain (HEV, PHEV, EV, FCEV)."""
        return np.asarray([bool(ECO_POWERTRAINS & set(p)) for p in self.powertrains], dtype=bool)

    def to_json(self) -> dict[str, Any]:
        return {
            "models": self.models,
            "expected_price": [int(v) for v in self.expected_price],
            "buyers": [int(v) for v in self.buyers],
            "body_type": self.body_type,
            "size_class": self.size_class,
            "segment": self.segment,
            "powertrains": self.powertrains,
            "tiers": self.tiers,
            "tier_share": np.round(self.tier_share, 6).tolist(),
            "markets": self.markets,
            "market_rank": self.market_rank.astype(int).tolist(),
            "vehicle_classes": self.vehicle_classes,
            "class_share": np.round(self.class_share, 6).tolist(),
            "weights": WEIGHTS,
            "price_over": PRICE_OVER,
            "price_under": PRICE_UNDER,
            "market_top": MARKET_TOP,
            "budget_band": BUDGET_BAND,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> RecommendationStats:
        return cls(
            models=list(data["models"]),
            expected_price=np.asarray(data["expected_price"], dtype=np.float64),
            buyers=np.asarray(data["buyers"], dtype=np.int64),
            body_type=list(data["body_type"]),
            size_class=list(data["size_class"]),
            segment=list(data["segment"]),
            powertrains=[list(p) for p in data["powertrains"]],
            tiers=list(data["tiers"]),
            tier_share=np.asarray(data["tier_share"], dtype=np.float64),
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
    """The catalogue class of the brand's best-selling model when customers ask for it,
    else the class whose customers most often bought that model (a form default that
    agrees with `typical_price`)."""
    if not stats.models or not stats.vehicle_classes:
        return None
    best = int(np.argmax(stats.buyers))
    if stats.segment[best] in stats.vehicle_classes:
        return stats.segment[best]
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
    catalogue: pl.DataFrame,
    tiers: Sequence[str],
    markets: Sequence[str],
    vehicle_classes: Sequence[str],
) -> RecommendationStats:
    """Recommendation statistics of one brand.

    `customers`: the brand's customer_profiles rows (model, amount_krw in KRW,
    market, vehicle_class) with their value `tier`. `catalogue`: the brand's
    model families (`warehouse.catalogue.families()` rows: family, body_type,
    size_class, segment, powertrains); only models in it are candidates.
    """
    cat = catalogue.select("family", "body_type", "size_class", "segment", "powertrains")
    data = customers.filter(pl.col("model").is_in(cat.get_column("family").implode()))
    per_model = (
        data.group_by("model")
        .agg(pl.col("amount_krw").median().alias("expected_price"), pl.len().alias("buyers"))
        .join(cat, left_on="model", right_on="family", how="left")
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
        buyers=per_model.get_column("buyers").to_numpy(),
        body_type=per_model.get_column("body_type").to_list(),
        size_class=per_model.get_column("size_class").to_list(),
        segment=per_model.get_column("segment").to_list(),
        powertrains=[list(p or []) for p in per_model.get_column("powertrains").to_list()],
        tiers=list(tiers),
        tier_share=_share(data, "tier", tiers, models),
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


def body_of(vehicle_class: str) -> str:
    """The body type of a requested class: its last word (중형 SUV -> SUV, 픽업트럭 -> 픽업트럭)."""
    return vehicle_class.split()[-1] if vehicle_class.strip() else vehicle_class


@dataclass(frozen=True)
class Scores:
    """Vectorised scores: every matrix is customers x models."""

    score: np.ndarray
    order: np.ndarray  # model indices per customer, best first (wishes, then score)
    level: np.ndarray  # wish level (see the module doc)
    class_match: np.ndarray
    in_budget: np.ndarray
    tier_share: np.ndarray
    market_rank: np.ndarray
    class_share: np.ndarray
    budget_ratio: np.ndarray
    eco_match: np.ndarray


def score_matrix(
    stats: RecommendationStats,
    *,
    tier: np.ndarray,
    market: np.ndarray,
    vehicle_class: np.ndarray,
    budget: np.ndarray,
    eco: np.ndarray,
) -> Scores:
    """Score and order every model for every customer.

    tier: predicted value tier per customer; market, vehicle_class: canonical
    values (object arrays); budget in KRW; eco: bool (the eco preference).
    """
    n = budget.shape[0]
    tkey = {t: i for i, t in enumerate(stats.tiers)}
    tidx = np.fromiter((tkey.get(t, -1) for t in tier), dtype=np.int64, count=n)
    tier_share = np.where((tidx >= 0)[:, None], stats.tier_share[np.maximum(tidx, 0)], 0.0)
    mkey = {m: i for i, m in enumerate(stats.markets)}
    midx = np.fromiter((mkey.get(m, -1) for m in market), dtype=np.int64, count=n)
    rank = np.where((midx >= 0)[:, None], stats.market_rank[np.maximum(midx, 0)], 0)
    vkey = {v: i for i, v in enumerate(stats.vehicle_classes)}
    vidx = np.fromiter((vkey.get(v, -1) for v in vehicle_class), dtype=np.int64, count=n)
    class_share = np.where((vidx >= 0)[:, None], stats.class_share[np.maximum(vidx, 0)], 0.0)
    prefers_eco = np.asarray(eco, dtype=bool)[:, None]
    eco_match = prefers_eco & stats.eco[None, :]
    budget = np.asarray(budget, dtype=np.float64)
    ratio = stats.expected_price[None, :] / budget[:, None]
    in_budget = np.abs(ratio - 1.0) <= BUDGET_BAND + 1e-12
    wanted = np.asarray(vehicle_class, dtype=object)[:, None]
    class_match = np.asarray(stats.segment, dtype=object)[None, :] == wanted
    bodies = np.asarray([body_of(str(v)) for v in vehicle_class], dtype=object)[:, None]
    body_match = np.asarray(stats.body_type, dtype=object)[None, :] == bodies
    level = np.where(
        class_match & in_budget, 3, np.where(body_match & in_budget, 2, np.where(class_match, 1, 0))
    )
    score = (
        WEIGHTS["tier"] * _row_normalised(tier_share)
        + WEIGHTS["market"] * np.where(rank > 0, (MARKET_TOP + 1 - rank) / MARKET_TOP, 0.0)
        + WEIGHTS["price"] * price_fit(stats.expected_price, budget)
        + WEIGHTS["class"] * _row_normalised(class_share)
        + WEIGHTS["eco"] * eco_match
    )
    # lexsort: the last key is primary -> wish level, eco match, score (all descending),
    # then the higher price, then the model name
    shape = score.shape
    names = np.broadcast_to(np.argsort(np.argsort(np.asarray(stats.models, dtype=object))), shape)
    price = np.broadcast_to(stats.expected_price, shape)
    order = np.lexsort(
        (names, -price, -np.round(score, 12), -eco_match.astype(np.int8), -level), axis=1
    )
    return Scores(
        score=score,
        order=order,
        level=level,
        class_match=class_match,
        in_budget=in_budget,
        tier_share=tier_share,
        market_rank=rank,
        class_share=class_share,
        budget_ratio=ratio,
        eco_match=eco_match,
    )


def wishes(
    stats: RecommendationStats, *, vehicle_class: str, budget: int, eco_pref: bool
) -> Wishes:
    """What the catalogue can do for one customer's class, budget and eco wishes."""
    of_class = np.asarray([s == vehicle_class for s in stats.segment], dtype=bool)
    ratio = stats.expected_price / float(budget)
    fits = of_class & (np.abs(ratio - 1.0) <= BUDGET_BAND + 1e-12)
    eco_fits = fits & stats.eco
    prices = stats.expected_price[of_class]
    if fits.any():
        class_status = "met"
    elif of_class.any():
        class_status = "out_of_budget"
    else:
        class_status = "not_in_catalogue"
    if not eco_pref:
        eco_status = "not_asked"
    elif eco_fits.any():
        eco_status = "met"
    elif fits.any():
        eco_status = "no_eco_in_class"
    else:
        eco_status = "class_unmet"
    return Wishes(
        vehicle_class=vehicle_class,
        budget_krw=int(budget),
        eco_pref=eco_pref,
        class_status=class_status,
        class_models=int(of_class.sum()),
        class_in_budget=int(fits.sum()),
        class_eco_in_budget=int(eco_fits.sum()),
        class_price_min=int(prices.min()) if prices.size else None,
        class_price_max=int(prices.max()) if prices.size else None,
        eco_status=eco_status,
    )


def offered_powertrain(powertrains: Sequence[str], *, eco_pref: bool) -> str:
    """The powertrain(s) a card offers: the eco ones with the eco preference when the model
    has any, else every one offered, joined by '/' in catalogue order."""
    eco = [p for p in powertrains if p in ECO_POWERTRAINS]
    return "/".join(eco if eco_pref and eco else powertrains)


def reason_list(
    *,
    tier: str,
    tier_share: float,
    market: str,
    market_rank: int | None,
    budget_ratio: float,
    vehicle_class: str,
    class_share: float,
    eco_pref: bool,
    model_eco: bool,
    of_interest: bool = False,
    model_class: str | None = None,
    wishes: Wishes | None = None,
) -> list[Reason]:
    """The numbered reasons of one model for one customer, from its signal values.

    tier_share, class_share: 0-1; market_rank: 1..MARKET_TOP or None;
    budget_ratio: expected price / budget; model_class: the model's catalogue
    class. With `wishes`, a card that does not meet a wish says which and why.
    Used for single predictions and for the rows of `Predictor.predict_frame`.
    """
    out = [Reason("tier_share", {"tier": tier, "share_pct": round(100 * tier_share)})]
    if market_rank:
        out.append(
            Reason("market_rank", {"market": market, "rank": int(market_rank), "top": MARKET_TOP})
        )
    elif of_interest:
        out.append(Reason("market_not_top", {"market": market, "top": MARKET_TOP}))
    out.append(Reason("budget_ratio", {"ratio_pct": round(100 * budget_ratio)}))
    if model_class is not None and model_class == vehicle_class:
        out.append(Reason("class_match", {"vehicle_class": vehicle_class}))
    elif class_share > 0:
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
    if wishes is None:
        return out
    if model_class != vehicle_class:
        out.append(
            Reason(
                f"class_unmet.{wishes.class_status}",
                {
                    "vehicle_class": vehicle_class,
                    "model_class": model_class or "",
                    "fits": wishes.class_in_budget,
                    "band_pct": round(100 * BUDGET_BAND),
                    "min_mkrw": (wishes.class_price_min or 0) / 1e6,
                    "max_mkrw": (wishes.class_price_max or 0) / 1e6,
                },
            )
        )
    if abs(budget_ratio - 1.0) > BUDGET_BAND + 1e-12:
        out.append(
            Reason(
                "budget_unmet",
                {"ratio_pct": round(100 * budget_ratio), "band_pct": round(100 * BUDGET_BAND)},
            )
        )
    if eco_pref and not model_eco:
        out.append(
            Reason(
                "eco_unmet",
                {"vehicle_class": vehicle_class, "eco_models": wishes.class_eco_in_budget},
            )
        )
    return out


def recommendations(
    scores: Scores,
    stats: RecommendationStats,
    row: int,
    *,
    tier: str,
    market: str,
    vehicle_class: str,
    eco_pref: bool,
    model_of_interest: str | None,
    wish: Wishes | None = None,
    top_n: int = TOP_N,
) -> list[Recommendation]:
    """Top `top_n` for customer `row`, plus the model of interest when it ranks lower."""
    order = scores.order[row]
    picks = [int(m) for m in order[:top_n]]
    interest = stats.models.index(model_of_interest) if model_of_interest in stats.models else None
    if interest is not None and interest not in picks:
        picks.append(interest)
    rank_of = {int(m): r + 1 for r, m in enumerate(order)}
    eco = stats.eco
    out = []
    for m in picks:
        flagged = m == interest
        reasons = reason_list(
            tier=tier,
            tier_share=float(scores.tier_share[row, m]),
            market=market,
            market_rank=int(scores.market_rank[row, m]) or None,
            budget_ratio=float(scores.budget_ratio[row, m]),
            vehicle_class=vehicle_class,
            class_share=float(scores.class_share[row, m]),
            eco_pref=eco_pref,
            model_eco=bool(eco[m]),
            of_interest=flagged,
            model_class=stats.segment[m],
            wishes=wish,
        )
        if flagged and rank_of[m] > top_n:
            reasons.append(
                Reason("interest_rank", {"rank": rank_of[m], "total": len(stats.models)})
            )
        out.append(
            Recommendation(
                model=stats.models[m],
                expected_price=int(stats.expected_price[m]),
                eco=bool(eco[m]),
                score=round(float(scores.score[row, m]), 4),
                rank=rank_of[m],
                is_model_of_interest=flagged,
                reasons=reasons,
                body_type=stats.body_type[m],
                size_class=stats.size_class[m],
                powertrain=offered_powertrain(stats.powertrains[m], eco_pref=eco_pref),
                powertrains=tuple(stats.powertrains[m]),
                class_met=bool(scores.class_match[row, m]),
                budget_met=bool(scores.in_budget[row, m]),
                eco_met=bool(eco[m]) if eco_pref else None,
            )
        )
    return out
