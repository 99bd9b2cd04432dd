"""Top-10, deviation and heatmap: small frames, then the reference G70 check."""

from __future__ import annotations

import polars as pl
import pytest

from analytics.deviation import deviation
from analytics.heatmap import heatmap
from analytics.momentum import market_model_units
from analytics.sales import InvalidFilter, SalesFilter, load_sales, normalise_market
from analytics.top10 import top10


def _sales(rows: list[tuple[str, str, int]]) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "market": [r[0] for r in rows],
            "model": [r[1] for r in rows],
            "units": [r[2] for r in rows],
        },
        schema={"market": pl.Utf8, "model": pl.Utf8, "units": pl.Int64},
    )


SMALL = _sales(
    [
        ("Korea", "G70", 60),
        ("Korea", "Avante", 140),
        ("Korea", "Tucson", 92),
        ("USA", "G70", 0),
        ("USA", "Avante", 100),
        ("USA", "Tucson", 300),
        ("India", "Creta", 500),
    ]
)


def test_top10_ranks_by_units_and_reports_share_of_the_market():
    out = top10(SMALL, market="Korea")
    assert out.get_column("model").to_list() == ["Avante", "Tucson", "G70"]
    assert out.get_column("rank").to_list() == [1, 2, 3]
    assert out.get_column("share").sum() == pytest.approx(1.0)
    assert out.row(0, named=True)["share"] == pytest.approx(140 / 292)


def test_top10_keeps_only_n_models():
    many = _sales([("Korea", f"M{i:02d}", 100 - i) for i in range(15)])
    assert top10(many, market="Korea").height == 10
    assert top10(many, market="Korea", n=3).get_column("model").to_list() == ["M00", "M01", "M02"]


def test_top10_of_an_empty_market_is_empty():
    assert top10(SMALL, market="China").height == 0


def test_deviation_is_market_share_minus_global_share_in_points():
    out = deviation(SMALL, market="Korea")
    g70 = out.filter(pl.col("model") == "G70").row(0, named=True)
    assert g70["deviation_pp"] == round((60 / 292 - 60 / 1192) * 100, 1)
    assert g70["status"] == "strong"
    creta = out.filter(pl.col("model") == "Creta").row(0, named=True)
    assert creta["units_market"] == 0
    assert creta["status"] == "untapped"
    # Deviations of all models sum to zero (shares both sum to 1).
    assert out.get_column("share_market").sum() == pytest.approx(1.0)
    assert (out.get_column("share_market") - out.get_column("share_all")).sum() == pytest.approx(0)


def test_deviation_threshold_moves_models_between_lists():
    loose = deviation(SMALL, market="Korea", threshold_pp=1.0)
    strict = deviation(SMALL, market="Korea", threshold_pp=50.0)
    assert (loose.get_column("status") == "strong").sum() > 0
    assert (strict.get_column("status") == "neutral").all()


def test_deviation_of_a_market_without_sales_is_empty():
    assert deviation(SMALL, market="China").height == 0


def test_heatmap_takes_the_overall_top_n_and_fills_missing_cells_with_zero():
    units = heatmap(SMALL, markets=["Korea", "USA"], top_n=2)
    assert units.columns == ["model", "Korea", "USA"]
    assert units.get_column("model").to_list() == ["Tucson", "Avante"]
    share = heatmap(SMALL, markets=["Korea", "USA", "India"], top_n=5, measure="share")
    creta = share.filter(pl.col("model") == "Creta").row(0, named=True)
    assert creta == {"model": "Creta", "Korea": 0.0, "USA": 0.0, "India": 1.0}
    korea_total = share.get_column("Korea").sum()
    assert korea_total == pytest.approx(1.0)


def test_market_names_accept_korean_labels_and_refuse_unknown_ones():
    assert normalise_market("대한민국") == "Korea"
    assert normalise_market("Korea") == "Korea"
    with pytest.raises(InvalidFilter, match="valid"):
        normalise_market("Atlantis")
    with pytest.raises(InvalidFilter, match="source"):
        SalesFilter(source="tv_sales").validated()
    with pytest.raises(InvalidFilter, match="2024-03"):
        SalesFilter(period_from="2024-13").validated()


def test_reference_g70_is_17_4_points_above_average_in_korea(reference_db):
    from warehouse.connection import Warehouse

    sales = load_sales(Warehouse(reference_db), SalesFilter(source="customers", brand="Hyundai"))
    totals = market_model_units(sales)
    g70 = deviation(totals, market="Korea").filter(pl.col("model") == "G70").row(0, named=True)
    assert (g70["units_market"], g70["units_all"]) == (60, 60)
    assert totals.filter(pl.col("market") == "Korea").get_column("units").sum() == 292
    assert totals.get_column("units").sum() == 1892
    assert g70["deviation_pp"] == 17.4
    assert g70["status"] == "strong"


def test_heatmap_with_no_markets_chosen_is_empty():
    assert heatmap(SMALL, markets=[]).height == 0
