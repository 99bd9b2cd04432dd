"""RFM values, ties-aware quintile scores and the centroid naming rule."""

from __future__ import annotations

import datetime as dt

import numpy as np
import polars as pl
import pytest

from analytics.segments.rfm import (
    SEGMENTS,
    name_segments,
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


def _centroids() -> pl.DataFrame:
    # cluster: (recency days, frequency, amount KRW)
    groups = {0: (400, 1.5, 30e6), 1: (900, 1.6, 40e6), 2: (500, 4.0, 60e6), 3: (60, 1.0, 35e6)}
    rows = [
        {
            "customer_id": f"c{c}-{i}",
            "cluster": c,
            "recency_days": r,
            "frequency": f,
            "monetary_krw": m,
        }
        for c, (r, f, m) in groups.items()
        for i in range(3)
    ]
    return segment_centroids(pl.DataFrame(rows))


def test_names_follow_the_centroid_rule() -> None:
    assert name_segments(_centroids()) == {2: "VIP", 1: "이탈가능", 3: "신규", 0: "일반"}


@pytest.mark.parametrize("perm", [(3, 2, 1, 0), (1, 0, 3, 2), (2, 3, 0, 1), (0, 2, 3, 1)])
def test_swapping_cluster_indices_does_not_change_the_names(perm: tuple[int, ...]) -> None:
    base = _centroids()
    names = name_segments(base)
    mapping = dict(enumerate(perm))
    swapped = base.with_columns(pl.col("cluster").replace_strict(mapping, return_dtype=pl.Int32))
    swapped_names = name_segments(swapped.sort("cluster"))
    assert {mapping[c]: n for c, n in names.items()} == swapped_names


def test_every_segment_name_is_used_once_and_fewer_clusters_get_the_first_names() -> None:
    assert sorted(name_segments(_centroids()).values()) == sorted(SEGMENTS)
    two = _centroids().filter(pl.col("cluster").is_in([0, 1]))
    assert name_segments(two) == {1: "VIP", 0: "이탈가능"}


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
