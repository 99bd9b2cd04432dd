"""Preferences by region on small hand-made frames; expected values written out by hand."""

from __future__ import annotations

import polars as pl
import pytest

from analytics.region import (
    BODY_COLUMN,
    MIN_CUSTOMERS,
    SUMMARY_SCHEMA,
    region_body_shares,
    region_insights,
    region_summary,
)


def customers(rows: list[tuple[str | None, str | None, str, int]]) -> pl.DataFrame:
    """(region, body_type, model, how many customers) -> one row per customer."""
    out = [(r, b, m) for r, b, m, n in rows for _ in range(n)]
    return pl.DataFrame(out, schema=["region", BODY_COLUMN, "model"], orient="row")


# 서울: 40 customers, 24 SUV (60%); 부산: 50, 30 세단 (60%); 제주: 10 (small); 12 unknown.
FRAME = customers(
    [
        ("서울", "SUV", "Sportage", 14),
        ("서울", "SUV", "Sorento", 10),
        ("서울", "세단", "K5", 16),
        ("부산", "세단", "K5", 30),
        ("부산", "SUV", "Sportage", 20),
        ("제주", "해치백", "Ray", 10),
        (None, "SUV", "Sportage", 12),
    ]
)


def test_summary_has_one_row_per_known_region_most_customers_first() -> None:
    summary = region_summary(FRAME)
    assert summary.schema == pl.Schema(SUMMARY_SCHEMA)
    assert summary.get_column("region").to_list() == ["부산", "서울", "제주"]
    assert summary.get_column("customers").to_list() == [50, 40, 10]


def test_top_body_type_and_model_with_shares_and_the_overall_average() -> None:
    rows = {r["region"]: r for r in region_summary(FRAME).to_dicts()}
    # 서울: SUV 24 of 40 = 0.6; over the 100 customers with a known region SUV is
    # 14 + 10 + 20 = 44 -> 0.44 (the 12 unknown-region customers are not counted)
    seoul = rows["서울"]
    assert (seoul["top_body_type"], seoul["top_body_type_customers"]) == ("SUV", 24)
    assert seoul["top_body_type_share"] == pytest.approx(24 / 40)
    assert seoul["body_type_average_share"] == pytest.approx(44 / 100)
    # top model: K5 16 of 40 beats Sportage 14
    assert (seoul["top_model"], seoul["top_model_customers"]) == ("K5", 16)
    assert seoul["top_model_share"] == pytest.approx(16 / 40)
    busan = rows["부산"]
    assert (busan["top_body_type"], busan["top_body_type_share"]) == ("세단", 30 / 50)
    # 세단 overall: 16 + 30 = 46 of 100
    assert busan["body_type_average_share"] == pytest.approx(46 / 100)
    assert [rows[r]["small_sample"] for r in ("부산", "서울", "제주")] == [False, False, True]


def test_ties_go_to_the_alphabetically_first_value() -> None:
    frame = customers([("서울", "세단", "K5", 20), ("서울", "SUV", "EV6", 20)])
    row = region_summary(frame).row(0, named=True)
    assert (row["top_body_type"], row["top_model"]) == ("SUV", "EV6")


def test_body_shares_add_up_to_one_per_region() -> None:
    shares = region_body_shares(FRAME)
    assert shares.columns == ["region", "body_type", "customers", "share", "small_sample"]
    assert shares.get_column("region").unique(maintain_order=True).to_list() == [
        "부산",
        "서울",
        "제주",
    ]
    per_region = shares.group_by("region").agg(pl.col("share").sum())
    assert per_region.get_column("share").to_list() == pytest.approx([1.0, 1.0, 1.0])
    seoul = shares.filter(pl.col("region") == "서울").select("body_type", "customers").rows()
    assert seoul == [("SUV", 24), ("세단", 16)]
    assert shares.filter(pl.col("region") == "제주").get_column("small_sample").to_list() == [True]


def test_insights_cite_whole_percents_and_suggest_only_clear_leads() -> None:
    found = {i.values["region"]: i for i in region_insights(region_summary(FRAME))}
    # 서울 SUV 60% vs 44% overall: 16 points >= 5 -> a stock suggestion
    assert found["서울"].kind == "region.stock"
    assert found["서울"].values == {
        "region": "서울",
        "customers": 40,
        "body_type": "SUV",
        "share_pct": 60,
        "average_pct": 44,
        "model": "K5",
        "model_pct": 40,
    }
    # 부산 세단 60% vs 46%: 14 points -> suggestion too
    assert found["부산"].kind == "region.stock"
    # 제주: 10 customers < 30 -> small sample, no shares cited
    assert found["제주"].kind == "region.small"
    assert found["제주"].values == {"region": "제주", "customers": 10}


def test_a_lead_below_five_points_is_a_finding_without_suggestion() -> None:
    # A: SUV 21 of 40 = 52.5% -> 53%; overall SUV (21 + 19) of 80 = 50%: 3 points
    frame = customers(
        [
            ("서울", "SUV", "EV6", 21),
            ("서울", "세단", "K5", 19),
            ("부산", "SUV", "EV6", 19),
            ("부산", "세단", "K5", 21),
        ]
    )
    found = {i.values["region"]: i for i in region_insights(region_summary(frame))}
    assert found["서울"].kind == "region"
    assert (found["서울"].values["share_pct"], found["서울"].values["average_pct"]) == (53, 50)


def test_the_minimum_sample_is_thirty_customers() -> None:
    assert MIN_CUSTOMERS == 30
    frame = customers([("서울", "SUV", "EV6", 29), ("부산", "SUV", "EV6", 30)])
    small = dict(region_summary(frame).select("region", "small_sample").rows())
    assert small == {"서울": True, "부산": False}


def test_no_known_region_gives_empty_tables_with_their_schema() -> None:
    frame = customers([(None, "SUV", "EV6", 5)])
    assert region_summary(frame).schema == pl.Schema(SUMMARY_SCHEMA)
    assert region_summary(frame).is_empty()
    assert region_body_shares(frame).is_empty()
    assert region_insights(region_summary(frame)) == []
