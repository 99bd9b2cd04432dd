"""RFM values, ties-aware quintile scores and the segment names with their conditions."""

from __future__ import annotations

import datetime as dt

import numpy as np
import polars as pl
import pytest

from analytics.segments.rfm import (
    CHECKS,
    SEGMENTS,
    descriptive_name,
    name_segments,
    naming_checks,
    naming_report,
    naming_thresholds,
    parse_descriptive,
    quintile_score,
    rfm_scores,
    rfm_values,
    segment_centroids,
    segment_profile,
)

AS_OF = dt.date(2025, 12, 31)


def _customers(rows: list[tuple[str, str, dt.date | None, int | None, int | None]]) -> pl.DataFrame:
    return pl.DataFrame(
        rows,
        schema={
            "customer_id": pl.Utf8,
            "brand": pl.Utf8,
            "purchase_date": pl.Date,
            "purchase_count": pl.Int32,
            "amount_krw": pl.Int64,
        },
        orient="row",
    )


def _scores(values: list, *, higher_is_better: bool = True) -> list:
    frame = pl.DataFrame({"x": values}, schema={"x": pl.Float64})
    scored = frame.select(quintile_score("x", higher_is_better=higher_is_better))
    return scored.to_series().to_list()


# --- values ------------------------------------------------------------------------------


def test_recency_is_days_to_as_of_frequency_is_count_monetary_is_amount() -> None:
    frame = _customers(
        [
            ("H-a", "Hyundai", dt.date(2025, 12, 1), 3, 50_000_000),
            ("H-b", "Hyundai", AS_OF, 1, 20_000_000),
        ]
    )
    out = rfm_values(frame, as_of=AS_OF)
    assert out.to_dicts() == [
        {
            "customer_id": "H-a",
            "brand": "Hyundai",
            "recency_days": 30,
            "frequency": 3,
            "monetary_krw": 50_000_000,
        },
        {
            "customer_id": "H-b",
            "brand": "Hyundai",
            "recency_days": 0,
            "frequency": 1,
            "monetary_krw": 20_000_000,
        },
    ]


def test_customers_after_as_of_or_missing_values_are_left_out() -> None:
    frame = _customers(
        [
            ("H-a", "Hyundai", dt.date(2026, 1, 2), 1, 1),
            ("H-b", "Hyundai", None, 1, 1),
            ("H-c", "Hyundai", AS_OF, None, 1),
            ("H-d", "Hyundai", AS_OF, 1, None),
            ("H-e", "Hyundai", AS_OF, 1, 1),
        ]
    )
    assert rfm_values(frame, as_of=AS_OF).get_column("customer_id").to_list() == ["H-e"]


# --- scores ------------------------------------------------------------------------------


def test_untied_values_fall_into_equal_fifths() -> None:
    scores = _scores(list(range(100)))
    assert scores == sorted(scores)
    assert [scores.count(s) for s in range(1, 6)] == [20, 20, 20, 20, 20]


def test_five_untied_values_score_one_to_five() -> None:
    assert _scores([10, 30, 20, 50, 40]) == [1, 3, 2, 5, 4]


def test_equal_values_always_share_a_score() -> None:
    values = [1] * 875 + [2] * 396 + [3] * 282 + [4] * 191 + [5] * 117 + [6] * 31
    frame = pl.DataFrame({"x": values}).with_columns(quintile_score("x").alias("s"))
    per_value = frame.group_by("x").agg(pl.col("s").n_unique().alias("n"), pl.col("s").first())
    assert per_value.get_column("n").to_list() == [1] * 6
    by_value = dict(per_value.select("x", "s").iter_rows())
    # the published purchase counts: 46% bought once; scores stay monotone and span 1-5
    assert [by_value[v] for v in range(1, 7)] == [1, 3, 4, 5, 5, 5]


def test_fewer_than_five_distinct_values_still_span_one_to_five() -> None:
    assert _scores([1, 1, 1, 2, 2, 3]) == [1, 1, 1, 4, 4, 5]  # the middle group sits at p=0.62
    assert _scores([1, 2, 2, 2, 2, 2, 2, 2, 2, 2]) == [1] + [5] * 9
    assert _scores([7, 9]) == [1, 5]


def test_all_equal_values_and_one_customer_score_three() -> None:
    assert _scores([4, 4, 4, 4]) == [3, 3, 3, 3]
    assert _scores([123]) == [3]


def test_recency_is_scored_reversed_and_nulls_stay_null() -> None:
    assert _scores([0, 10, 20, 30, 40], higher_is_better=False) == [5, 4, 3, 2, 1]
    assert _scores([1.0, None, 3.0]) == [1, None, 5]


def test_scores_are_computed_within_each_brand() -> None:
    rfm = pl.DataFrame(
        {
            "customer_id": ["H-1", "H-2", "K-1", "K-2"],
            "brand": ["Hyundai"] * 2 + ["Kia"] * 2,
            "recency_days": [10, 20, 1000, 2000],
            "frequency": [1, 2, 5, 6],
            "monetary_krw": [1, 2, 100, 200],
        }
    )
    out = rfm_scores(rfm)
    assert out.get_column("r_score").to_list() == [5, 1, 5, 1]
    assert out.get_column("f_score").to_list() == [1, 5, 1, 5]
    assert out.get_column("m_score").to_list() == [1, 5, 1, 5]
    assert out.schema["r_score"] == pl.Int8


# --- naming ------------------------------------------------------------------------------


def _values(groups: dict[int, tuple[int, int, float]], n: int = 10) -> pl.DataFrame:
    """n customers per cluster, all with the cluster's (recency days, purchases, KRW)."""
    return pl.DataFrame(
        [
            {
                "customer_id": f"c{c}-{i}",
                "cluster": c,
                "recency_days": r,
                "frequency": f,
                "monetary_krw": m,
            }  # fmt: skip
            for c, (r, f, m) in groups.items()
            for i in range(n)
        ]
    )


# cluster: (recency days, purchases, amount KRW)
PLAIN = {0: (400, 2, 30e6), 1: (1500, 2, 40e6), 2: (300, 5, 60e6), 3: (50, 1, 35e6)}
# as Kia's reference customers: the one-purchase cluster is no more recent than the rest
ONE_TIME_HIGH = {0: (400, 2, 30e6), 1: (1500, 2, 40e6), 2: (300, 5, 60e6), 3: (420, 1, 70e6)}


def _named(groups: dict[int, tuple[int, int, float]]) -> tuple[dict[int, str], pl.DataFrame]:
    values = _values(groups)
    thresholds = naming_thresholds(values)
    centroids = segment_centroids(values, recency_median=thresholds["recency_days_median"])
    return name_segments(centroids, thresholds=thresholds), centroids


def test_thresholds_are_the_brand_median_and_75th_percentile() -> None:
    # recency: 10 x each of 50, 300, 400, 1500 -> median (300 + 400) / 2 = 350,
    # p75 at rank 0.75 x 39 = 29.25: 400 + 0.25 x (1500 - 400) = 675;
    # purchases: 10 x 1, 20 x 2, 10 x 5 -> p75 = 2 + 0.25 x 3 = 2.75;
    # amounts 30, 35, 40, 60 M (10 each) -> median 37.5 M; value (amount x purchases)
    # 35, 60, 80, 300 M -> p75 = 80 + 0.25 x 220 = 135 M
    assert naming_thresholds(_values(PLAIN)) == {
        "recency_days_median": 350.0,
        "recency_days_p75": 675.0,
        "frequency_p75": 2.75,
        "monetary_krw_median": 37_500_000.0,
        "value_p75": 135_000_000.0,
    }


def test_each_name_goes_to_the_cluster_that_meets_its_condition() -> None:
    names, _ = _named(PLAIN)
    assert names == {2: "VIP", 1: "이탈가능", 3: "신규", 0: "일반"}


def test_a_one_time_cluster_that_is_not_recent_is_not_called_new() -> None:
    # recency median (400 + 420) / 2 = 410: none of cluster 3 bought within it, so 신규's
    # share condition fails; 1 purchase < 1.5 and 70 M >= 1.2 x the 50 M median
    names, centroids = _named(ONE_TIME_HIGH)
    assert names == {2: "VIP", 1: "이탈가능", 3: "1회 고액 구매", 0: "일반"}
    report = naming_report(
        centroids.with_columns(pl.col("cluster").replace_strict(names).alias("segment")),
        naming_thresholds(_values(ONE_TIME_HIGH)),
    )
    new = next(n for n in report["names"] if n["segment"] == "신규")
    assert not new["met"] and new["shown_cluster"] == 3
    assert new["checks"] == [
        {"check": "recent_share_at_least", "value": 0.0, "threshold": 2 / 3, "holds": False},
        {"check": "frequency_lowest", "value": 1.0, "threshold": 1.0, "holds": True},
    ]


@pytest.mark.parametrize("groups", [PLAIN, ONE_TIME_HIGH])
def test_every_name_given_meets_all_of_its_checks(groups) -> None:
    values = _values(groups)
    thresholds = naming_thresholds(values)
    names, centroids = _named(groups)
    checks = naming_checks(centroids, thresholds)
    for cluster, name in names.items():
        mine = checks.filter((pl.col("segment") == name) & (pl.col("cluster") == cluster))
        if name in SEGMENTS:
            assert mine.height == len(CHECKS[name]) and mine.get_column("holds").all()
        else:  # a descriptive name: no free name's condition held
            held = (
                checks.filter(pl.col("cluster") == cluster)
                .group_by("segment")
                .agg(pl.col("holds").all())
            )
            free = set(SEGMENTS) - set(names.values())
            assert not held.filter(pl.col("segment").is_in(free) & pl.col("holds")).height


@pytest.mark.parametrize("perm", [(3, 2, 1, 0), (1, 0, 3, 2), (2, 3, 0, 1), (0, 2, 3, 1)])
def test_swapping_cluster_indices_does_not_change_the_names(perm: tuple[int, ...]) -> None:
    names, _ = _named(ONE_TIME_HIGH)
    mapping = dict(enumerate(perm))
    swapped, _ = _named({mapping[c]: v for c, v in ONE_TIME_HIGH.items()})
    assert {mapping[c]: n for c, n in names.items()} == swapped


def test_names_are_used_once_and_two_alike_leftovers_stay_apart() -> None:
    # three recent one-purchase clusters: the first (ties: the lower label) is 신규, the
    # other two are described alike and kept apart by a number
    names, _ = _named(
        {
            0: (2000, 1, 30e6),
            1: (1500, 2, 40e6),
            2: (300, 5, 60e6),
            3: (50, 1, 35e6),
            4: (55, 1, 35e6),
            5: (45, 1, 35e6),
        }
    )
    assert (names[0], names[2], names[3]) == ("이탈가능", "VIP", "신규")
    assert names[4] == "1회 중간 금액 구매 · 최근"
    assert names[5] == "1회 중간 금액 구매 · 최근 #2"
    assert len(set(names.values())) == 6


@pytest.mark.parametrize(
    "codes",
    [
        ["one_time", "high"],
        ["repeat", "low", "lapsed"],
        ["mid"],
        ["mid", "recent"],
        ["one_time", "low", "recent"],
    ],
)
def test_descriptive_names_read_back_to_their_codes(codes: list[str]) -> None:
    name = descriptive_name(codes)
    assert parse_descriptive(name) == codes
    assert parse_descriptive(name + " #2") == codes
    assert parse_descriptive("VIP") is None and parse_descriptive("일반") is None


def test_the_descriptive_name_says_what_the_cluster_is() -> None:
    assert descriptive_name(["one_time", "high"]) == "1회 고액 구매"
    assert descriptive_name(["repeat", "low", "lapsed"]) == "재구매 소액 구매 · 장기 미구매"


def test_planted_vip_at_risk_and_new_groups_are_named_correctly() -> None:
    from analytics.segments.train import TrainConfig, fit_segments

    rng = np.random.default_rng(7)
    n = 150

    def group(
        name: str, recency: tuple[int, int], freq: tuple[int, int], amount: tuple[float, float]
    ) -> pl.DataFrame:
        return pl.DataFrame(
            {
                "customer_id": [f"{name}-{i:03d}" for i in range(n)],
                "brand": "Hyundai",
                "recency_days": rng.integers(*recency, n),
                "frequency": rng.integers(*freq, n),
                "monetary_krw": rng.uniform(*amount, n).astype(np.int64),
                "planted": name,
            }
        )

    values = pl.concat(
        [
            group("VIP", (30, 300), (4, 7), (60e6, 90e6)),
            group("이탈가능", (1500, 2500), (1, 3), (25e6, 45e6)),
            group("신규", (0, 60), (1, 2), (25e6, 45e6)),
            group("일반", (200, 600), (2, 4), (20e6, 35e6)),
        ]
    ).cast({"recency_days": pl.Int32, "frequency": pl.Int32})
    scored, _, centroids = fit_segments(values.drop("planted"), config=TrainConfig(n_init=2))
    got = scored.join(values.select("customer_id", "planted"), on="customer_id")
    agreement = (got.get_column("segment") == got.get_column("planted")).mean()
    assert agreement is not None and agreement > 0.95
    assert sorted(centroids.get_column("segment").to_list()) == sorted(SEGMENTS)
    assert centroids.filter(pl.col("segment") == "신규").item(0, "recent_share") == 1.0


def test_segment_profile_shares_add_up_and_follow_segment_order() -> None:
    seg = pl.DataFrame(
        {
            "segment": ["일반", "VIP", "VIP", "이탈가능"],
            "recency_days": [10, 20, 30, 400],
            "frequency": [1, 4, 6, 1],
            "monetary_krw": [10, 50, 70, 20],
            "r_score": [5, 4, 3, 1],
            "f_score": [1, 4, 5, 1],
            "m_score": [1, 4, 5, 2],
        }
    )
    out = segment_profile(seg)
    assert out.get_column("segment").to_list() == ["VIP", "일반", "이탈가능"]
    assert out.get_column("customer_share").sum() == pytest.approx(1.0)
    assert out.get_column("revenue_share").sum() == pytest.approx(1.0)
    vip = out.row(0, named=True)
    assert vip["revenue_krw"] == 120 and vip["value_mean"] == pytest.approx(60 * 5)
