"""Exact totals on the real reference files in ../shared/data.

Expected numbers were computed by hand from the published CSVs (Jan-Dec sums of
the rows named in each test) and are independent of the loader's code.
"""

from __future__ import annotations

import csv


def one(ref, query: str, params: list | None = None):
    rows = ref(query, params)
    assert len(rows) == 1, rows
    return rows[0][0]


def test_every_reference_file_is_loaded(ref, shared_data):
    expected = sorted(p.name for p in shared_data.rglob("*.csv"))
    loaded = sorted(
        r[0].rsplit("/", 1)[-1]
        for r in ref("select source_file from load_log where status = 'loaded'")
    )
    assert loaded == expected


def test_hyundai_2023_domestic_avante_cn7(ref):
    assert (
        one(
            ref,
            """
        select sum(units) from fact_sales
        where brand = 'Hyundai' and flow = 'domestic_sales' and year = 2023
          and model_label = 'Avante (CN7)'""",
        )
        == 55_675
    )


def test_hyundai_2023_domestic_and_export_totals(ref):
    rows = dict(
        ref("""
        select flow, sum(units) from fact_sales
        where brand = 'Hyundai' and year = 2023 and flow in ('domestic_sales', 'export_sales')
        group by flow""")
    )
    assert rows == {"domestic_sales": 762_077, "export_sales": 1_165_742}


def test_hyundai_exports_by_model_equal_exports_by_region_2023(ref):
    by_region = one(
        ref,
        "select sum(units) from fact_sales where brand = 'Hyundai' "
        "and year = 2023 and flow = 'region_export'",
    )
    assert by_region == 1_165_742


def test_kia_us_plant_2023_total(ref):
    assert (
        one(
            ref,
            """
        select sum(units) from fact_sales
        where brand = 'Kia' and flow = 'overseas_plant_sales' and year = 2023
          and plant = 'KaGA'""",
        )
        == 356_807
    )


def test_hyundai_usa_export_2023_total(ref):
    assert (
        one(
            ref,
            """
        select sum(units) from fact_sales
        where brand = 'Hyundai' and flow = 'region_export' and year = 2023
          and market_label = 'U.S.A'""",
        )
        == 581_122
    )
    # Europe Subsidiaries + Europe Distributors make the Western Europe market.
    assert (
        one(
            ref,
            """
        select sum(units) from fact_sales
        where brand = 'Hyundai' and flow = 'region_export' and year = 2023
          and market = 'Western Europe'""",
        )
        == 114_371 + 34_617
    )


def test_hyundai_plant_2023_counts_ckd_total_rows_once(ref):
    # CKD is published only as 'Total': those rows are data, not subtotals.
    assert (
        one(
            ref,
            """
        select sum(units) from fact_sales where brand = 'Hyundai' and year = 2023
          and flow = 'overseas_plant_sales' and plant = 'CKD'""",
        )
        == 49_365
    )
    assert (
        one(
            ref,
            """
        select sum(units) from fact_sales where brand = 'Hyundai' and year = 2023
          and flow = 'overseas_plant_sales'""",
        )
        == 2_331_736
    )


def test_negative_accounting_cell_quarantines_its_row(ref):
    rows = ref("""
        select line, "column", reason from rejected_rows
        where source_file like '%hmc-global-plant-sales-december-y2023.csv'""")
    assert rows == [(50, "Aug.", "negative units '(1)'")]
    assert (
        one(
            ref,
            """
        select count(*) from fact_sales where brand = 'Hyundai' and year = 2023
          and flow = 'overseas_plant_sales' and model_label = 'ix35 (NU)'""",
        )
        == 0
    )


def test_processed_and_raw_agree_or_the_report_names_the_difference(ref):
    pairs = ref("""
        select dropped_file, kept_file, brand, flow, year,
               sum(kept_units) = sum(dropped_units) as agree
        from source_overlaps group by all""")
    assert pairs, "reference data has raw and processed files for 2023"
    for dropped, kept, brand, flow, year, agree in pairs:
        if agree:
            continue
        notes = ref(
            """
            select detail from data_quality
            where check_name = 'source_overlap' and source_file = ? and detail like ?""",
            [dropped, f"{brand} {flow} {year} %totals differ%"],
        )
        assert notes, f"{dropped} vs {kept} ({flow} {year}) differ but are not reported"


def test_raw_wins_over_processed_for_2023(ref):
    files = ref("""
        select distinct source_file from fact_sales
        where brand = 'Hyundai' and year = 2023 and flow = 'domestic_sales'""")
    assert [f[0].rsplit("/", 1)[-1] for f in files] == ["hmc-sales-by-model-december-y2023.csv"]


def test_kia_region_totals_are_checked_not_counted(ref):
    details = one(
        ref,
        """
        select sum(units) from fact_sales where brand = 'Kia' and year = 2023
          and flow in ('region_export', 'ckd_export')""",
    )
    totals = one(
        ref,
        """
        select sum(units) from reported_totals where brand = 'Kia' and year = 2023
          and label = '총합'""",
    )
    assert details == totals
    assert ref(
        "select detail from data_quality where check_name = 'totals_checked' "
        "and source_file like '%기아_지역별수출실적_전처리.csv'"
    ) == [("192 subtotal cells checked against detail rows, 0 mismatched",)]
    labels = {
        r[0] for r in ref("select distinct lower(coalesce(vehicle_type, '')) from fact_sales")
    }
    assert not labels & {"total", "총합", "합계"}


def test_plant_rows_mislabelled_as_hyundai_2024_sales_are_not_counted(ref):
    assert (
        one(
            ref,
            """
        select count(*) from fact_sales where brand = 'Hyundai' and year = 2024
          and flow in ('domestic_sales', 'export_sales')""",
        )
        == 0
    )
    details = sorted(
        r[0] for r in ref("select detail from data_quality where check_name = 'file_year_excluded'")
    )
    assert details == [
        "Hyundai domestic_sales 2024: 65 of 65 non-zero rows are copies of overseas-plant rows; "
        "the whole block is plant data and is treated as not reported",
        "Hyundai export_sales 2024: 37 of 37 non-zero rows are copies of overseas-plant rows; "
        "the whole block is plant data and is treated as not reported",
    ]


def test_months_not_yet_reported_are_missing_not_zero(ref):
    # The processed tables stop in January 2025; later 2025 months are zero-filled there.
    assert one(ref, "select max(month) from fact_sales where year = 2025") == 1
    assert one(ref, "select count(*) from monthly_sales where year = 2025 and month > 1") == 0


def test_augmented_tables_never_reach_fact_sales(ref):
    assert one(ref, "select count(*) from fact_sales where source_file like '%기후%'") == 0
    climate = dict(
        ref("select market, climate_zone from dim_market where climate_zone is not null")
    )
    assert climate["USA"] == "온대"
    gdp = dict(
        ref("select market, gdp_trillion_usd from dim_market where gdp_trillion_usd is not null")
    )
    assert gdp["USA"] == 29.17  # Kia's table; Hyundai's GDP column is a placeholder


def test_kia_exports_reach_back_to_2021(ref):
    years = [
        r[0]
        for r in ref(
            "select distinct year from fact_sales where brand = 'Kia' "
            "and flow = 'region_export' order by year"
        )
    ]
    assert years == [2021, 2022, 2023, 2024, 2025]


def test_customer_files_load_with_canonical_values(ref, shared_data):
    counts = dict(ref("select brand, count(*) from customers group by brand"))
    assert counts == {"Hyundai": 1892, "Kia": 1900}
    assert (
        one(
            ref,
            "select count(*) from customers where vehicle_class like '%suv%' "
            "or vehicle_class <> trim(vehicle_class)",
        )
        == 0
    )
    assert {r[0] for r in ref("select distinct payment_method from customers")} == {
        "현금",
        "계좌이체",
        "신용카드",
    }
    g70 = ref("""select count(*) filter (where market = 'Korea' and model = 'G70'),
                        count(*) filter (where market = 'Korea'),
                        count(*) filter (where model = 'G70'), count(*)
                 from customers where brand = 'Hyundai'""")
    assert g70 == [(60, 292, 60, 1892)]
    with open(shared_data / "customers" / "현대_고객데이터.csv", encoding="utf-8-sig") as fh:
        labels = [row["구매한 제품"] for row in csv.DictReader(fh)]
    santa_fe = sum(label.startswith(("Santa-Fe", "Santa Fe")) for label in labels)
    assert (
        one(ref, "select count(*) from customers where brand = 'Hyundai' and model = 'Santa Fe'")
        == santa_fe
    )


def test_units_are_whole_non_negative_vehicles(ref):
    assert one(ref, "select count(*) from fact_sales where units < 0 or units is null") == 0


def test_kia_retail_rows_with_an_inserted_total_are_realigned(ref):
    # January 2023, CKD (excl. Russia): 'Sonet' reads 1557,0,0,,0,0,201,0,0,1356,0 under
    # U.S.A..China. 1557 is the row total; the markets sit one column to the right.
    rows = dict(
        ref("""
        select market_label, units from fact_sales
        where brand = 'Kia' and flow = 'overseas_retail' and year = 2023 and month = 1
          and plant = 'CKD (excl. Russia)' and model_label = 'Sonet' and units > 0""")
    )
    assert rows == {"Latin America": 201, "Asia Pacific": 1356}
    # Sum of every market cell of the raw file (2,454,401) minus the 14 inserted totals.
    assert (
        one(
            ref,
            """
        select sum(units) from fact_sales
        where brand = 'Kia' and flow = 'overseas_retail' and year = 2023""",
        )
        == 2_450_195
    )
