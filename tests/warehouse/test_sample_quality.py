"""The app's own sample data loads without warnings about its own data."""

from __future__ import annotations

import duckdb
import pytest


@pytest.mark.slow
def test_the_sample_has_real_gdp_values_not_a_placeholder(sample_db):
    with duckdb.connect(str(sample_db), read_only=True) as con:
        warnings = con.sql(
            "select check_name, detail from data_quality where severity = 'warning'"
        ).fetchall()
        gdp = dict(
            con.sql(
                "select market, gdp_trillion_usd from dim_market where gdp_trillion_usd is not null"
            ).fetchall()
        )
    assert [w for w in warnings if w[0] == "gdp_placeholder"] == []  # was: repeats 20.0
    assert gdp["USA"] == 29.17 and len(gdp) >= 8
