"""Top-10s show only models that sold: no 0-unit padding."""

from __future__ import annotations

import polars as pl

from analytics.momentum import market_model_units
from analytics.sales import SalesFilter, load_sales
from analytics.top10 import top10
from warehouse.connection import Warehouse


def test_models_without_units_are_not_ranked():
    sales = pl.DataFrame(
        {"market": ["USA"] * 3, "model": ["Tucson", "G70", "Avante"], "units": [300, 0, 100]},
        schema={"market": pl.Utf8, "model": pl.Utf8, "units": pl.Int64},
    )
    out = top10(sales, market="USA")
    assert out.get_column("model").to_list() == ["Tucson", "Avante"]
    assert out.get_column("rank").to_list() == [1, 2]
    assert out.get_column("share").to_list() == [0.75, 0.25]


def test_kia_india_retail_top10_has_no_zero_unit_models(reference_db):
    # the reference India block used to list Bongo, Cee'd and EV2 with 0 units
    sales = load_sales(Warehouse(reference_db), SalesFilter(source="overseas_retail", brand="Kia"))
    out = top10(market_model_units(sales), market="India")
    assert out.height > 0
    assert out.get_column("units").min() > 0
    assert not {"Bongo", "Cee'd", "Ceed", "EV2"} & set(out.get_column("model").to_list())
