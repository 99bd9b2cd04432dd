"""Recommendations on hand-made statistics: wishes first, weights, reasons, direction."""

from __future__ import annotations

import numpy as np
import polars as pl
import pytest

from analytics.predict import recommend_vehicles
from analytics.predict.recommend_vehicles import Reason, RecommendationStats
from app.i18n.predict import render_reason

MODELS = ["Cheap", "Mid", "Premium", "Eco"]
TIERS = ["VIP 잠재", "일반", "실속"]


def _stats(**overrides: object) -> RecommendationStats:
    base = dict(
        models=MODELS,
        expected_price=np.array([20e6, 40e6, 80e6, 50e6]),
        buyers=np.array([10, 10, 10, 10]),
        body_type=["세단", "SUV", "SUV", "SUV"],
        size_class=["준중형", "중형", "대형", "중형"],
        segment=["준중형 세단", "중형 SUV", "대형 SUV", "중형 SUV"],
        powertrains=[["ICE"], ["ICE"], ["ICE"], ["HEV", "EV"]],
        tiers=TIERS,
        tier_share=np.array([[0.1, 0.2, 0.3, 0.4], [0.4, 0.3, 0.2, 0.1], [0.5, 0.5, 0.0, 0.0]]),
        markets=["Korea", "USA"],
        market_rank=np.array([[1, 2, 3, 4], [4, 3, 0, 1]]),
        vehicle_classes=["중형 SUV", "준중형 세단", "대형 SUV", "픽업트럭"],
        class_share=np.array(
            [[0.25, 0.25, 0.25, 0.25], [0.5, 0.5, 0.0, 0.0], [0, 0, 1.0, 0], [0.25] * 4]
        ),
    )
    base.update(overrides)
    return RecommendationStats(**base)  # type: ignore[arg-type]


def _score(
    stats: RecommendationStats,
    *,
    budgets: list[float],
    tier: str = "일반",
    market: str = "Korea",
    vclass: str = "중형 SUV",
    eco: bool = False,
) -> recommend_vehicles.Scores:
    n = len(budgets)
    return recommend_vehicles.score_matrix(
        stats,
        tier=np.array([tier] * n, dtype=object),
        market=np.array([market] * n, dtype=object),
        vehicle_class=np.array([vclass] * n, dtype=object),
        budget=np.array(budgets),
        eco=np.full(n, eco),
    )


def _recs(stats: RecommendationStats, *, budget: float, vclass: str, eco: bool, interest=None):
    scores = _score(stats, budgets=[budget], vclass=vclass, eco=eco)
    wish = recommend_vehicles.wishes(stats, vehicle_class=vclass, budget=int(budget), eco_pref=eco)
    recs = recommend_vehicles.recommendations(
        scores,
        stats,
        0,
        tier="일반",
        market="Korea",
        vehicle_class=vclass,
        eco_pref=eco,
        model_of_interest=interest,
        wish=wish,
    )
    return recs, wish


# --- the wishes come first -------------------------------------------------------------------


def test_the_requested_class_within_the_budget_band_comes_first() -> None:
    # 중형 SUV at 45 M: Mid (40 M, 89%) and Eco (50 M, 111%) are inside +-30%; Premium is a
    # 대형 SUV and Cheap a sedan
    recs, wish = _recs(_stats(), budget=45e6, vclass="중형 SUV", eco=False)
    assert {r.model for r in recs[:2]} == {"Mid", "Eco"}
    assert all(r.class_met and r.budget_met for r in recs[:2])
    assert (wish.class_status, wish.class_in_budget, wish.eco_status) == ("met", 2, "not_asked")


def test_with_the_eco_preference_the_eco_model_of_the_class_leads() -> None:
    recs, wish = _recs(_stats(), budget=45e6, vclass="중형 SUV", eco=True)
    assert [r.model for r in recs[:2]] == ["Eco", "Mid"]
    assert (recs[0].eco, recs[0].powertrain, recs[0].eco_met) == (True, "HEV/EV", True)
    # Mid has no eco powertrain: its card says so, with how many eco models there were
    assert Reason("eco_unmet", {"vehicle_class": "중형 SUV", "eco_models": 1}) in recs[1].reasons
    assert (wish.eco_status, wish.class_eco_in_budget) == ("met", 1)


def test_a_class_outside_the_budget_band_gives_same_body_models_and_says_why() -> None:
    # 대형 SUV at 40 M: only Premium (80 M = 200%) exists; the SUVs inside the band (Mid 100%,
    # Eco 125%) come first, then Premium (the class, out of budget), then the sedan
    recs, wish = _recs(_stats(), budget=40e6, vclass="대형 SUV", eco=False)
    assert [r.model for r in recs] == ["Mid", "Eco", "Premium"]
    assert (wish.class_status, wish.class_price_min, wish.class_price_max) == (
        "out_of_budget",
        80_000_000,
        80_000_000,
    )
    unmet = next(r for r in recs[0].reasons if r.code.startswith("class_unmet"))
    assert unmet.code == "class_unmet.out_of_budget"
    assert render_reason(unmet, "ko") == (
        "희망 차급 아님: 중형 SUV (대형 SUV는 예상 가격 80.0–80.0백만원으로 예산 ±30% 밖)"
    )
    assert Reason("budget_unmet", {"ratio_pct": 200, "band_pct": 30}) in recs[2].reasons


def test_a_class_the_brand_does_not_sell_is_named_as_such() -> None:
    recs, wish = _recs(_stats(), budget=40e6, vclass="픽업트럭", eco=True)
    assert (wish.class_status, wish.class_models, wish.eco_status) == (
        "not_in_catalogue",
        0,
        "class_unmet",
    )
    assert all(not r.class_met for r in recs)
    assert any(r.code == "class_unmet.not_in_catalogue" for r in recs[0].reasons)


def test_a_class_without_an_eco_version_keeps_the_class_and_says_so() -> None:
    recs, wish = _recs(_stats(), budget=20e6, vclass="준중형 세단", eco=True)
    assert recs[0].model == "Cheap" and recs[0].eco_met is False
    assert wish.eco_status == "no_eco_in_class"
    assert render_reason(recs[0].reasons[-1], "en") == (
        "No eco powertrain (0 eco Compact sedan model(s) within the budget)"
    )


def test_cards_carry_body_type_and_powertrain_from_the_catalogue() -> None:
    recs, _ = _recs(_stats(), budget=45e6, vclass="중형 SUV", eco=False)
    eco = next(r for r in recs if r.model == "Eco")
    assert (eco.body_type, eco.size_class, eco.powertrains) == ("SUV", "중형", ("HEV", "EV"))
    assert eco.powertrain == "HEV/EV" and eco.eco_met is None  # no eco preference asked
    assert recommend_vehicles.offered_powertrain(["ICE", "HEV", "PHEV"], eco_pref=True) == (
        "HEV/PHEV"
    )
    assert recommend_vehicles.offered_powertrain(["ICE", "HEV"], eco_pref=False) == "ICE/HEV"
    assert recommend_vehicles.offered_powertrain(["ICE"], eco_pref=True) == "ICE"


# --- the score inside a wish level --------------------------------------------------------------


def test_weights_sum_to_one() -> None:
    assert sum(recommend_vehicles.WEIGHTS.values()) == pytest.approx(1.0)


def test_price_fit_is_one_at_the_budget_and_punishes_overspending_harder() -> None:
    fit = recommend_vehicles.price_fit(np.array([40e6, 48e6, 33.3e6]), np.array([40e6]))[0]
    assert fit[0] == pytest.approx(1.0)
    assert fit[1] < fit[2] < 1.0  # 20% over the budget fits worse than 17% under


def test_score_combines_the_documented_signals() -> None:
    scores = _score(_stats(), budgets=[40e6])
    w = recommend_vehicles.WEIGHTS
    # "Mid" for a 일반 customer: tier share 0.3 of best 0.4, rank 2, exact price, class
    # share 0.25 of 0.25, no eco
    expected = w["tier"] * 0.3 / 0.4 + w["market"] * 9 / 10 + w["price"] * 1.0 + w["class"] * 1.0
    assert scores.score[0, 1] == pytest.approx(expected)
    assert scores.level[0].tolist() == [0, 3, 0, 3]  # Eco: 125% of 40 M is inside the band


def test_eco_preference_lifts_the_eco_model_only() -> None:
    plain = _score(_stats(), budgets=[40e6]).score[0]
    eco = _score(_stats(), budgets=[40e6], eco=True).score[0]
    assert eco[3] - plain[3] == pytest.approx(recommend_vehicles.WEIGHTS["eco"])
    assert np.allclose(eco[:3], plain[:3])


def test_model_of_interest_outside_the_top_three_is_appended_and_flagged() -> None:
    top, _ = _recs(_stats(), budget=45e6, vclass="중형 SUV", eco=False)
    outside = next(m for m in MODELS if m not in [r.model for r in top])
    recs, _ = _recs(_stats(), budget=45e6, vclass="중형 SUV", eco=False, interest=outside)
    assert [r.model for r in recs] == [*(r.model for r in top), outside]
    assert [r.rank for r in recs] == [1, 2, 3, 4]
    assert [r.is_model_of_interest for r in recs] == [False, False, False, True]
    assert Reason("interest_rank", {"rank": 4, "total": 4}) in recs[-1].reasons


def test_model_of_interest_inside_the_top_three_is_flagged_in_place() -> None:
    recs, _ = _recs(_stats(), budget=45e6, vclass="중형 SUV", eco=True, interest="Eco")
    assert len(recs) == 3 and recs[0].is_model_of_interest


def test_reasons_carry_the_numbers_behind_the_score() -> None:
    recs, _ = _recs(_stats(), budget=50e6, vclass="중형 SUV", eco=True)
    assert recs[0].model == "Eco"
    assert recs[0].reasons == [
        Reason("tier_share", {"tier": "일반", "share_pct": 10}),
        Reason("market_rank", {"market": "Korea", "rank": 4, "top": 10}),
        Reason("budget_ratio", {"ratio_pct": 100}),
        Reason("class_match", {"vehicle_class": "중형 SUV"}),
        Reason("eco_match"),
    ]
    assert [render_reason(r, "ko") for r in recs[0].reasons] == [
        "'일반' 등급 고객의 10%가 구매",
        "이 시장 판매 Top-10 중 4위",
        "예산 대비 100%",
        "희망 차급 중형 SUV",
        "친환경 선호와 일치",
    ]
    assert render_reason(recs[0].reasons[0], "en") == "Bought by 10% of 'Regular' customers"


def test_ties_go_to_the_more_expensive_model_then_the_name() -> None:
    stats = _stats(
        models=["A", "B"],
        expected_price=np.array([30e6, 30e6]),
        buyers=np.array([1, 1]),
        body_type=["SUV", "SUV"],
        size_class=["중형", "중형"],
        segment=["중형 SUV", "중형 SUV"],
        powertrains=[["ICE"], ["ICE"]],
        tier_share=np.full((3, 2), 0.5),
        market_rank=np.array([[1, 1], [1, 1]]),
        class_share=np.full((4, 2), 0.5),
    )
    assert list(_score(stats, budgets=[30e6]).order[0]) == [0, 1]  # equal: by name


@pytest.mark.parametrize("tier", TIERS)
@pytest.mark.parametrize("vclass", ["중형 SUV", "대형 SUV"])
@pytest.mark.parametrize("eco", [False, True])
def test_larger_budget_never_lowers_the_top_price_while_the_top_wish_level_holds(
    tier: str, vclass: str, eco: bool
) -> None:
    # Topkis: the price fit has increasing differences and the budget band moves up with the
    # budget, so within one tier and one (wish level, eco match) of the top pick the top
    # expected price cannot fall; random statistics, the property holds by construction
    rng = np.random.default_rng(7)
    compared = 0
    for _ in range(20):
        stats = _stats(
            expected_price=rng.uniform(15e6, 90e6, size=4),
            tier_share=rng.dirichlet(np.ones(4), size=3),
            class_share=rng.dirichlet(np.ones(4), size=4),
        )
        budgets = np.geomspace(10e6, 130e6, 80)
        scores = _score(stats, budgets=list(budgets), tier=tier, vclass=vclass, eco=eco)
        top = scores.order[:, 0]
        rows = np.arange(len(budgets))
        key = np.stack([scores.level[rows, top], scores.eco_match[rows, top]], axis=1)
        price = stats.expected_price[top]
        same = np.all(key[1:] == key[:-1], axis=1)
        assert np.all(np.diff(price)[same] >= 0), (price, key)
        compared += int(same.sum())
    assert compared > 20 * 80 // 2


# --- statistics ------------------------------------------------------------------------------


def test_statistics_come_from_the_customers_and_only_the_brands_catalogue_models() -> None:
    customers = pl.DataFrame(
        {
            "model": ["Santa Fe", "Santa Fe", "Santa Fe", "Kona", "Kona", "K5"],
            "amount_krw": [40e6, 42e6, 44e6, 30e6, 36e6, 30e6],
            "market": ["Korea", "Korea", "USA", "Korea", "USA", "USA"],
            "vehicle_class": ["중형 SUV"] * 3 + ["소형 SUV"] * 3,
            "tier": ["VIP 잠재", "일반", "일반", "일반", "실속", "실속"],
        }
    )
    catalogue = pl.DataFrame(
        {
            "family": ["Santa Fe", "Kona", "Tucson"],
            "body_type": ["SUV", "SUV", "SUV"],
            "size_class": ["중형", "소형", "준중형"],
            "segment": ["중형 SUV", "소형 SUV", "준중형 SUV"],
            "powertrains": [["ICE", "HEV", "PHEV"], ["ICE", "HEV", "EV"], ["ICE", "HEV"]],
        }
    )
    stats = recommend_vehicles.build_stats(
        customers,
        catalogue=catalogue,
        tiers=TIERS,
        markets=["Korea", "USA"],
        vehicle_classes=["중형 SUV", "소형 SUV"],
    )
    # K5 is another brand's car (not in this brand's catalogue); Tucson has no buyer, so no
    # expected price: neither is a candidate
    assert stats.models == ["Kona", "Santa Fe"]
    assert list(stats.expected_price) == [33e6, 42e6]
    assert stats.segment == ["소형 SUV", "중형 SUV"] and list(stats.eco) == [True, True]
    assert np.allclose(stats.tier_share, [[0, 1], [1 / 3, 2 / 3], [1, 0]])
    # Korea: Santa Fe 2 buyers, Kona 1; USA: one each, the tie goes by name
    assert stats.market_rank.tolist() == [[2, 1], [1, 2]]


def test_statistics_survive_their_json_form() -> None:
    stats = _stats()
    again = RecommendationStats.from_json(stats.to_json())
    assert again.models == stats.models and again.powertrains == stats.powertrains
    assert np.allclose(again.tier_share, stats.tier_share)


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


def test_typical_class_is_the_class_of_the_best_seller() -> None:
    # best seller Cheap is a 준중형 세단, a class customers ask for
    assert recommend_vehicles.typical_class(_stats(buyers=np.array([9, 1, 1, 1]))) == (
        "준중형 세단"
    )
    # a best seller whose catalogue class nobody asks for: the class whose customers
    # bought it most (Premium: only 대형 SUV customers)
    stats = _stats(buyers=np.array([1, 1, 9, 1]), segment=["x", "y", "대형 MPV", "z"])
    assert recommend_vehicles.typical_class(stats) == "대형 SUV"
