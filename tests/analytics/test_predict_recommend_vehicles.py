"""Recommendation scoring on hand-made statistics: weights, order, reasons, direction."""

from __future__ import annotations

import numpy as np
import polars as pl
import pytest

from analytics.predict import recommend_vehicles
from analytics.predict.recommend_vehicles import Reason, RecommendationStats
from app.i18n.predict import render_reason

MODELS = ["Cheap", "Mid", "Premium", "Eco"]


def _stats(**overrides: object) -> RecommendationStats:
    base = dict(
        models=MODELS,
        expected_price=np.array([20e6, 40e6, 80e6, 50e6]),
        eco=np.array([False, False, False, True]),
        buyers=np.array([10, 10, 10, 10]),
        clusters=[1, 2],
        cluster_share=np.array([[0.4, 0.3, 0.2, 0.1], [0.1, 0.2, 0.3, 0.4]]),
        markets=["Korea", "USA"],
        market_rank=np.array([[1, 2, 3, 4], [4, 3, 0, 1]]),
        vehicle_classes=["중형 SUV", "준중형 세단"],
        class_share=np.array([[0.25, 0.25, 0.25, 0.25], [0.5, 0.5, 0.0, 0.0]]),
    )
    base.update(overrides)
    return RecommendationStats(**base)  # type: ignore[arg-type]


def _score(
    stats: RecommendationStats,
    *,
    budgets: list[float],
    cluster: int = 1,
    market: str = "Korea",
    vclass: str = "중형 SUV",
    eco: bool = False,
) -> recommend_vehicles.Scores:
    n = len(budgets)
    return recommend_vehicles.score_matrix(
        stats,
        cluster=np.full(n, cluster),
        market=np.array([market] * n, dtype=object),
        vehicle_class=np.array([vclass] * n, dtype=object),
        budget=np.array(budgets),
        eco=np.full(n, eco),
    )


def test_weights_sum_to_one() -> None:
    assert sum(recommend_vehicles.WEIGHTS.values()) == pytest.approx(1.0)


def test_price_fit_is_one_at_the_budget_and_punishes_overspending_harder() -> None:
    fit = recommend_vehicles.price_fit(np.array([40e6, 48e6, 33.3e6]), np.array([40e6]))[0]
    assert fit[0] == pytest.approx(1.0)
    assert fit[1] < fit[2] < 1.0  # 20% over the budget fits worse than 17% under


def test_score_combines_the_documented_signals() -> None:
    stats = _stats()
    scores = _score(stats, budgets=[40e6])
    w = recommend_vehicles.WEIGHTS
    # "Mid": cluster share 0.3 of best 0.4, rank 2, exact price, class share 1 of 1, no eco
    expected = w["cluster"] * 0.3 / 0.4 + w["market"] * 9 / 10 + w["price"] * 1.0 + w["class"] * 1.0
    assert scores.score[0, 1] == pytest.approx(expected)


def test_eco_preference_lifts_the_eco_model_only() -> None:
    stats = _stats()
    plain = _score(stats, budgets=[40e6]).score[0]
    eco = _score(stats, budgets=[40e6], eco=True).score[0]
    assert eco[3] - plain[3] == pytest.approx(recommend_vehicles.WEIGHTS["eco"])
    assert np.allclose(eco[:3], plain[:3])


def test_model_of_interest_outside_the_top_three_is_appended_and_flagged() -> None:
    stats = _stats()
    scores = _score(stats, budgets=[20e6])
    top = [MODELS[i] for i in scores.order[0, :3]]
    outside = next(m for m in MODELS if m not in top)
    recs = recommend_vehicles.recommendations(
        scores,
        stats,
        0,
        cluster=1,
        market="Korea",
        vehicle_class="중형 SUV",
        eco_pref=True,
        model_of_interest=outside,
    )
    assert [r.model for r in recs] == [*top, outside]
    assert [r.rank for r in recs] == [1, 2, 3, 4]
    assert [r.is_model_of_interest for r in recs] == [False, False, False, True]
    assert Reason("interest_rank", {"rank": 4, "total": 4}) in recs[-1].reasons


def test_model_of_interest_inside_the_top_three_is_flagged_in_place() -> None:
    stats = _stats()
    scores = _score(stats, budgets=[40e6])
    first = MODELS[scores.order[0, 0]]
    recs = recommend_vehicles.recommendations(
        scores,
        stats,
        0,
        cluster=1,
        market="Korea",
        vehicle_class="중형 SUV",
        eco_pref=False,
        model_of_interest=first,
    )
    assert len(recs) == 3 and recs[0].is_model_of_interest


def test_reasons_carry_the_numbers_behind_the_score() -> None:
    stats = _stats()
    scores = _score(stats, budgets=[50e6], eco=True)
    reasons = recommend_vehicles.reasons(
        scores, stats, 0, 3, cluster=1, market="Korea", vehicle_class="중형 SUV", eco_pref=True
    )
    assert reasons == [
        Reason("cluster_share", {"cluster": 1, "share_pct": 10}),
        Reason("market_rank", {"market": "Korea", "rank": 4, "top": 10}),
        Reason("budget_ratio", {"ratio_pct": 100}),
        Reason("class_share", {"vehicle_class": "중형 SUV", "share_pct": 25}),
        Reason("eco_match"),
    ]
    assert [render_reason(r, "ko") for r in reasons] == [
        "유형 1 고객의 10%가 구매",
        "이 시장 판매 Top-10 중 4위",
        "예산 대비 100%",
        "중형 SUV 희망 고객의 25%가 구매",
        "친환경 선호와 일치",
    ]


def test_ties_go_to_the_more_expensive_model() -> None:
    stats = _stats(
        models=["A", "B"],
        expected_price=np.array([30e6, 30e6 * 1.0]),
        eco=np.array([False, False]),
        buyers=np.array([1, 1]),
        cluster_share=np.array([[0.5, 0.5], [0.5, 0.5]]),
        market_rank=np.array([[1, 1], [1, 1]]),
        class_share=np.array([[0.5, 0.5], [0.5, 0.5]]),
    )
    assert list(_score(stats, budgets=[30e6]).order[0]) == [0, 1]  # equal: by name


@pytest.mark.parametrize("cluster", [1, 2])
@pytest.mark.parametrize("market", ["Korea", "USA"])
@pytest.mark.parametrize("eco", [False, True])
def test_larger_budget_never_lowers_the_top_expected_price(
    cluster: int, market: str, eco: bool
) -> None:
    rng = np.random.default_rng(7)
    for _ in range(20):  # random statistics: the property holds by construction
        stats = _stats(
            expected_price=rng.uniform(15e6, 90e6, size=4),
            cluster_share=rng.dirichlet(np.ones(4), size=2),
            class_share=rng.dirichlet(np.ones(4), size=2),
        )
        budgets = np.geomspace(10e6, 130e6, 60)
        scores = _score(stats, budgets=list(budgets), cluster=cluster, market=market, eco=eco)
        top_price = stats.expected_price[scores.order[:, 0]]
        assert np.all(np.diff(top_price) >= 0), top_price


def test_statistics_come_from_the_customers() -> None:
    customers = pl.DataFrame(
        {
            "model": ["K5", "K5", "K5", "EV6", "EV6", "Rio"],
            "amount_krw": [30e6, 32e6, 34e6, 50e6, 60e6, 20e6],
            "eco_friendly": [False, False, True, True, True, False],
            "market": ["Korea", "Korea", "USA", "Korea", "USA", "USA"],
            "vehicle_class": ["중형 세단"] * 3 + ["중형 SUV"] * 3,
            "cluster": [1, 1, 2, 2, 2, 1],
        }
    )
    stats = recommend_vehicles.build_stats(
        customers,
        clusters=[1, 2],
        markets=["Korea", "USA"],
        vehicle_classes=["중형 세단", "중형 SUV"],
    )
    assert stats.models == ["EV6", "K5", "Rio"]
    assert list(stats.expected_price) == [55e6, 32e6, 20e6]
    assert list(stats.eco) == [True, False, False]
    assert stats.cluster_share[0].tolist() == pytest.approx([0, 2 / 3, 1 / 3])
    assert stats.market_rank.tolist() == [[2, 1, 0], [1, 2, 3]]  # ties by name


def test_budget_bounds_follow_the_documented_rule() -> None:
    amounts = pl.Series(np.linspace(20e6, 80e6, 101))
    low, high = recommend_vehicles.budget_bounds(amounts)
    assert (low, high) == (10_000_000, 159_000_000)


def test_typical_price_is_the_buyer_weighted_median_price() -> None:
    # buyers 1 (20M), 1 (40M), 5 (80M), 1 (50M): 8 buyers, the 4th and 5th pay 80M
    stats = _stats(buyers=np.array([1, 1, 5, 1]))
    assert recommend_vehicles.typical_price(stats) == 80e6
    # equal buyers: half of 40 buyers is reached at the second-cheapest model (40M)
    assert recommend_vehicles.typical_price(_stats()) == 40e6


def test_typical_class_is_the_class_most_tied_to_the_best_seller() -> None:
    # best seller: Cheap (buyers 9); its share is 0.5 in 준중형 세단, 0.25 in 중형 SUV
    stats = _stats(buyers=np.array([9, 1, 1, 1]))
    assert recommend_vehicles.typical_class(stats) == "준중형 세단"
    # best seller: Premium, bought only by 중형 SUV customers
    assert recommend_vehicles.typical_class(_stats(buyers=np.array([1, 1, 9, 1]))) == "중형 SUV"
