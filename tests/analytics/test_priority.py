"""Production priority score and the stock-weeks planner on small frames."""

from __future__ import annotations

import polars as pl
import pytest

from analytics.priority import DEFAULT_WEIGHTS, priority, stock_cover
from analytics.sales import SALES_SCHEMA, SalesAggregate, aggregate_rows


def sales(
    rows: list[tuple[str, int, int, int, int | None]], market: str = "Korea"
) -> SalesAggregate:
    """(model, year, month, units, amount_krw) in one market -> its sales aggregate."""
    frame = pl.DataFrame(
        [
            {
                "market": market,
                "brand": "Hyundai",
                "model": mo,
                "vehicle_type": None,
                "powertrain": "ICE",
                "year": y,
                "month": m,
                "units": u,
                "amount_krw": a,
            }
            for mo, y, m, u, a in rows
        ],
        schema=SALES_SCHEMA,
    )
    return aggregate_rows(frame)


def six_months(model: str, first3: int, last3: int, amount: int | None = None):
    return [(model, 2024, m, first3 if m <= 3 else last3, amount) for m in range(1, 7)]


# A sells most but is falling; B sells least but is rising fast; C is in between.
IR = sales(six_months("A", 100, 50) + six_months("B", 10, 30) + six_months("C", 40, 40))


def by_model(frame: pl.DataFrame) -> dict[str, dict]:
    return {r["model"]: r for r in frame.iter_rows(named=True)}


def test_component_scores_are_min_max_scaled_within_the_market():
    out = by_model(priority(IR, market="Korea"))
    assert out["A"]["volume_score"] == 100.0 and out["B"]["volume_score"] == 0.0
    assert out["C"]["volume_score"] == pytest.approx((240 - 120) / (450 - 120) * 100)
    assert out["B"]["momentum_score"] == 100.0 and out["A"]["momentum_score"] == 0.0


def test_weights_renormalise_over_the_components_that_exist():
    out = by_model(priority(IR, market="Korea"))  # IR flows have no amounts
    c = out["C"]
    assert c["revenue_krw"] is None and c["revenue_score"] is None
    expected = (0.5 * c["volume_score"] + 0.3 * c["momentum_score"]) / 0.8
    assert c["score"] == pytest.approx(expected)


def test_revenue_counts_where_amounts_exist():
    frame = sales(six_months("A", 10, 10, amount=1_000) + six_months("B", 10, 10, amount=5_000))
    out = by_model(priority(frame, market="Korea"))
    assert out["B"]["revenue_krw"] == 30_000 and out["B"]["revenue_score"] == 100.0
    assert out["B"]["rank"] == 1


def test_adjustable_weights_change_the_ranking():
    default = priority(IR, market="Korea", weights=DEFAULT_WEIGHTS)
    assert default.get_column("model").to_list()[0] == "A"
    momentum_first = priority(IR, market="Korea", weights={"volume": 0.1, "momentum": 0.9})
    assert momentum_first.get_column("model").to_list()[0] == "B"
    assert momentum_first.get_column("rank").to_list() == [1, 2, 3]


def test_unknown_or_negative_weights_are_refused():
    with pytest.raises(ValueError, match="valid"):
        priority(IR, market="Korea", weights={"profit": 1.0})
    with pytest.raises(ValueError):
        priority(IR, market="Korea", weights={"volume": -1.0})


# --- stock cover ------------------------------------------------------------------------

# Jan-Mar 2024 = 31 + 29 + 31 = 91 days = 13 weeks; 130 units each -> 10 a week.
# December 2023 is outside the 13-week window and must not count.
WINDOW = sales(
    [(m, 2023, 12, 999, None) for m in "ABCD"]
    + [(m, 2024, month, u, None) for m in "ABCD" for month, u in ((1, 40), (2, 40), (3, 50))]
)


def test_stock_cover_flags_urgent_adequate_and_excess_at_the_thresholds():
    out = by_model(
        stock_cover(WINDOW, market="Korea", stock={"A": 39, "B": 40, "C": 120, "D": 121, "E": 5})
    )
    assert out["A"]["avg_weekly_units"] == pytest.approx(10.0)
    assert {m: r["status"] for m, r in out.items()} == {
        "A": "urgent",
        "B": "adequate",
        "C": "adequate",
        "D": "excess",
        "E": "no_sales",
    }
    assert out["B"]["weeks_of_cover"] == pytest.approx(4.0)
    assert out["E"]["weeks_of_cover"] is None


def test_stock_cover_thresholds_are_adjustable():
    out = by_model(
        stock_cover(WINDOW, market="Korea", stock={"A": 39}, urgent_weeks=2, excess_weeks=3)
    )
    assert out["A"]["status"] == "excess"


def test_stock_cover_steps_over_months_missing_from_the_market():
    # March 2024 absent: the window is Jan, Feb, Apr (31 + 29 + 30 = 90 days).
    frame = sales([("A", 2024, m, 30, None) for m in (1, 2, 4)])
    [row] = stock_cover(frame, market="Korea", stock={"A": 10}).iter_rows(named=True)
    assert row["avg_weekly_units"] == pytest.approx(90 / (90 / 7))
