"""The models, retail, competitors and source-data analytics on small frames with answers
worked out by hand: mixes never drop a unit, shares over the same months, counter-models
by a stated rule, and the source grid's allow-list."""

from __future__ import annotations

import polars as pl
import pytest

from analytics.explorer import competitors, models, retail, sources


def model_frame(rows: list[tuple]) -> pl.DataFrame:
    columns = ("brand", "flow", "model", "category", "powertrain", "body_type", "year", "month",
               "units")  # fmt: skip
    english = {"SUV": "SUV", "세단": "Sedan"}
    frame = pl.DataFrame(rows, schema=list(columns), orient="row", infer_schema_length=None)
    return (
        frame.with_columns(
            pl.col("body_type").replace_strict(english, default=None).alias("body_type_en")
        )
        .select(list(models.MODELS_SCHEMA))
        .cast(models.MODELS_SCHEMA)
    )


MODEL_ROWS = [
    # Sportage's row may mix powertrains (unstated); LCV is a category row (no model)
    ("Kia", "domestic_sales", "Sportage", None, None, "SUV", 2024, 1, 60),
    ("Kia", "domestic_sales", "EV6", None, "EV", "SUV", 2024, 1, 20),
    ("Kia", "export_sales", "K5", None, "HEV", "세단", 2024, 1, 15),
    ("Kia", "export_sales", None, "Bus", None, None, 2024, 1, 5),
]


def test_mixes_keep_unstated_and_category_rows_as_groups_of_their_own():
    rows = models.model_rows(
        model_frame(MODEL_ROWS), brand="Kia", flow="both", period_from=None, period_to=None
    )
    power = dict(models.mix(rows, by="powertrain").select("group", "units").iter_rows())
    assert power == {"unstated": 60, "EV": 20, "HEV": 15, "category": 5}
    body = models.mix(rows, by="body")
    assert dict(body.select("group", "units").iter_rows()) == {"SUV": 80, "세단": 15, "category": 5}
    assert dict(body.select("group", "group_en").iter_rows())["세단"] == "Sedan"
    assert body.get_column("units").sum() == 100  # every unit is in one group


def test_electrified_share_counts_unstated_units_in_the_denominator():
    rows = models.model_rows(
        model_frame(MODEL_ROWS), brand="Kia", flow="both", period_from=None, period_to=None
    )
    got = models.electrified_share(rows).row(0, named=True)
    assert (got["units"], got["electric"], got["hybrid"], got["unstated"]) == (100, 20, 15, 60)
    assert (got["electric_share"], got["hybrid_share"]) == (0.2, 0.15)


def test_the_domestic_or_export_choice_keeps_one_flow():
    frame = model_frame(MODEL_ROWS)
    export = models.model_rows(frame, brand="Kia", flow="export", period_from=None, period_to=None)
    assert export.get_column("units").sum() == 20
    assert models.model_totals(export).select("model", "domestic", "export").rows() == [
        ("K5", None, 15)  # no domestic row for the export choice: empty, not 0
    ]


def test_comparison_gap_is_null_where_one_model_did_not_report():
    rows = models.model_rows(
        model_frame(
            [
                ("Kia", "domestic_sales", "K5", None, "ICE", "세단", 2024, 1, 30),
                ("Kia", "domestic_sales", "K5", None, "ICE", "세단", 2024, 2, 50),
                ("Kia", "domestic_sales", "K8", None, "ICE", "세단", 2024, 1, 10),
            ]
        ),
        brand="Kia",
        flow="both",
        period_from=None,
        period_to=None,
    )
    found = models.compare(rows, a="K5", b="K8", period_from=None, period_to=None)
    assert found.months.select("units_a", "units_b", "gap").rows() == [
        (30, 10, 20),
        (50, None, None),
    ]
    assert (found.total_a, found.total_b, found.peak_a, found.peak_b) == (
        80, 10, ("2024-02", 50), ("2024-01", 10),
    )  # fmt: skip


# --- retail -------------------------------------------------------------------------------


def retail_frame(rows: list[tuple]) -> pl.DataFrame:
    columns = ("market", "model", "powertrain", "year", "month", "units")
    frame = pl.DataFrame(rows, schema=list(columns), orient="row")
    return (
        frame.with_columns(
            pl.lit("Kia").alias("brand"),
            pl.lit("overseas_retail").alias("flow"),
            pl.lit(None, pl.Utf8).alias("category"),
        )
        .select(list(retail.RETAIL_SCHEMA))
        .cast(retail.RETAIL_SCHEMA)
    )


def test_ev_share_change_compares_the_same_months_of_the_year_before():
    # 2025 has January only: 30 EV of 100. 2024: January 10 EV of 100, but the whole of
    # 2024 (with a big EV June) would give 60 of 200; the same-month base is 10 %.
    frame = retail_frame(
        [
            ("USA", "EV6", "EV", 2024, 1, 10), ("USA", "K5", "ICE", 2024, 1, 90),
            ("USA", "EV6", "EV", 2024, 6, 50), ("USA", "K5", "ICE", 2024, 6, 50),
            ("USA", "EV6", "EV", 2025, 1, 30), ("USA", "K5", "ICE", 2025, 1, 70),
        ]
    )  # fmt: skip
    rows = retail.retail_rows(frame, brand="Kia", period_from=None, period_to=None)
    ev = retail.ev_share_by_year(rows).filter(pl.col("year") == 2025).row(0, named=True)
    assert (ev["ev_share"], ev["prev_ev_share"]) == (0.3, 0.1)
    assert ev["change_pp"] == pytest.approx(20.0)


def test_ev_leader_and_ice_dependent_markets_with_unstated_units_shown():
    frame = retail_frame(
        [
            ("USA", "EV6", "EV", 2024, 1, 20), ("USA", "Sportage", None, 2024, 1, 40),
            ("USA", "K5", "ICE", 2024, 1, 40),
            ("India", "Seltos", "ICE", 2024, 1, 95), ("India", "EV6", "EV", 2024, 1, 5),
        ]
    )  # fmt: skip
    rows = retail.retail_rows(frame, brand="Kia", period_from=None, period_to=None)
    found = retail.insights(rows, retail.market_months(rows))
    assert (found.ev_leader, found.ev_leader_share, found.ev_leader_unstated) == ("USA", 0.2, 0.4)
    # India's ICE share 95 % is at least 70 %; the USA's 40 % is not (40 % is unstated)
    assert found.ice_dependent == [("India", 0.95, 0.0)]


# --- competitors ----------------------------------------------------------------------------


def test_counter_model_prefers_a_dedicated_powertrain_then_local_units_then_the_name():
    listed = pl.DataFrame(
        {
            "year": [2024, 2024, 2024], "market": ["USA"] * 3,
            "model_name": ["Tesla Model Y", "Toyota RAV4", "Hyundai Tucson"],
            "brand": ["Tesla", "Toyota", "Hyundai"], "segment": ["SUV", "SUV", "SUV"],
            "powertrain": ["전기차", "하이브리드", "내연기관"], "units": [400, 300, 100],
            "months": [12, 12, 12], "is_ours": [False, False, True],
        }
    ).cast(competitors.COMPETITORS_SCHEMA)  # fmt: skip
    dim = pl.DataFrame(
        {
            "brand": ["Kia", "Kia", "Kia", "Hyundai", "Hyundai"],
            "model": ["EV9", "EV6", "Sportage", "Tucson", "Sportage"],
            "is_category": [False] * 5,
            "marque": ["Kia", "Kia", "Kia", "Hyundai", "Kia"],  # a Hyundai row of a Kia car
            "body_type": ["SUV"] * 5, "size_class": ["대형", "중형", "준중형", "준중형", "준중형"],
            "powertrains": [["EV"], ["EV"], ["ICE", "HEV", "PHEV"], ["ICE", "HEV", "PHEV"],
                            ["ICE", "HEV", "PHEV"]],
            "first_year": [2023] * 5, "last_year": [2025] * 5,
        }
    )  # fmt: skip
    local = pl.DataFrame(
        {
            "brand": ["Kia", "Kia", "Kia", "Hyundai"], "market": ["USA"] * 4,
            "model": ["EV9", "EV6", "Sportage", "Tucson"], "flow": ["overseas_retail"] * 3
            + ["overseas_plant_sales"], "year": [2024] * 4, "month": [1] * 4,
            "units": [7, 5, 50, 50],
        }
    ).cast(competitors.LOCAL_UNITS_SCHEMA)  # fmt: skip
    got = competitors.counter_models(
        listed, local=local, dim_model=dim, brand="all", market="USA", year=2024
    )
    rows = {r["model_name"]: r for r in got.to_dicts()}
    assert set(rows) == {"Tesla Model Y", "Toyota RAV4"}  # our own listed model is no rival
    # EV-only EV9 and EV6 are closer to an EV than Sportage; EV9 sells more locally
    assert (rows["Tesla Model Y"]["our_model"], rows["Tesla Model Y"]["match"]) == ("EV9", "exact")
    assert rows["Tesla Model Y"]["our_units"] == 7
    # Sportage and Tucson are offered as hybrids and tie on 50 units: the name decides
    rav4 = rows["Toyota RAV4"]
    assert (rav4["our_model"], rav4["our_brand"], rav4["match"]) == ("Sportage", "Kia", "offered")
    again = competitors.counter_models(
        listed, local=local, dim_model=dim, brand="all", market="USA", year=2024
    )
    assert again.equals(got)  # deterministic


# --- source data ------------------------------------------------------------------------------


def test_source_grid_refuses_columns_and_operators_outside_the_allow_list():
    params: dict = {}
    where = sources._where(
        "facts", {"units": {"filterType": "number", "type": "greaterThan", "filter": 5}}, params
    )
    assert where == ['("units" > $p0)'] and params == {"p0": 5.0}
    for bad, message in [
        ({"units; drop table fact_sales": {"type": "equals", "filter": 1}}, "cannot filter"),
        ({"units": {"type": "regex", "filter": 1}}, "does not apply"),
        ({"model": {"type": "contains", "filter": {"x": 1}}}, "needs a text value"),
        ({"units": {"type": "equals", "filter": "1; --"}}, "needs a number"),
    ]:
        with pytest.raises(sources.GridRequestRefused, match=message):
            sources._where("facts", bad, {})
    with pytest.raises(sources.GridRequestRefused, match="cannot sort"):
        sources._order("facts", [{"colId": "name", "sort": "asc"}])
