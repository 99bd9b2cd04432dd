"""The competitor file: repeated market blocks are left out, partial years compared on the
same months only (warehouse/competitors.py, analytics/competitors.py)."""

from __future__ import annotations

import polars as pl

from analytics.competitors import load_competitor_context, load_competitors
from analytics.sales import SalesFilter
from warehouse.competitors import check_blocks
from warehouse.connection import Warehouse


def _file(rows: list[tuple[int, str, str, int]]) -> pl.DataFrame:
    return pl.DataFrame(
        rows, schema={"year": pl.Int16, "market_label": pl.Utf8, "model_name": pl.Utf8,
                      "units": pl.Int64}, orient="row",
    )  # fmt: skip


def test_a_block_repeating_another_market_is_flagged_as_the_copy():
    frame = _file(
        [
            (2024, "Mexico", "Nissan Versa", 90), (2024, "Mexico", "Chevrolet Aveo", 50),
            (2024, "India", "Maruti Swift", 200), (2024, "India", "Tata Nexon", 170),
            (2025, "Mexico", "Nissan Versa", 80), (2025, "Mexico", "Chevrolet Aveo", 46),
            (2025, "India", "Nissan Versa", 80), (2025, "India", "Chevrolet Aveo", 46),
        ]
    )  # fmt: skip
    out, notes = check_blocks(frame)
    flagged = out.filter(pl.col("repeated_of").is_not_null())
    assert set(flagged.select("year", "market_label", "repeated_of").rows()) == {
        (2025, "India", "Mexico")
    }
    [note] = [n for n in notes if n[0] == "competitor_repeated_block"]
    assert note[1] == "warning" and note[2].startswith("India 2025: its 2 models and volumes")
    assert "Nissan Versa" in note[2] and "copy of Mexico" in note[2]


def test_identical_blocks_without_history_are_both_left_out():
    frame = _file([(2025, "A", "X", 5), (2025, "B", "X", 5), (2025, "C", "Y", 5)])
    out, _notes = check_blocks(frame)
    flagged = out.filter(pl.col("repeated_of").is_not_null())
    assert sorted(flagged.get_column("market_label").to_list()) == ["A", "B"]


def test_a_year_with_a_fraction_of_the_previous_total_is_partial():
    frame = _file([(2024, "USA", "RAV4", 1200), (2025, "USA", "RAV4", 210)])
    out, notes = check_blocks(frame)
    assert dict(out.select("year", "months").unique().rows()) == {2024: 12, 2025: 2}
    assert any(n[0] == "competitor_partial_year" and "about 2 month(s)" in n[2] for n in notes)


def test_reference_india_2025_copy_of_mexico_is_warned_and_left_out(ref, reference_db):
    warnings = ref(
        "select detail from data_quality where check_name = 'competitor_repeated_block' "
        "and severity = 'warning'"
    )
    assert len(warnings) == 1 and warnings[0][0].startswith("India 2025")
    india = load_competitors(Warehouse(reference_db), market="India")
    assert set(india.get_column("year")) == {2024}  # the latest block that is India's own
    assert "Nissan Versa" not in india.get_column("model_name").to_list()
    assert india.get_column("months").to_list() == [12] * india.height


def test_reference_partial_2025_is_compared_with_our_sales_of_the_same_month(ref, reference_db):
    wh = Warehouse(reference_db)
    flt = SalesFilter(source="overseas_retail", brand="Kia", period_from="2023-01")
    rivals, ours = load_competitor_context(wh, flt, market="Mexico")
    assert set(rivals.select("year", "months").rows()) == {(2025, 1)}
    expected = ref(
        "select model, sum(units) from fact_sales where brand = 'Kia' "
        "and flow = 'overseas_retail' and market = 'Mexico' and year = 2025 and month = 1 "
        "and model is not null group by model"
    )
    assert sorted(ours.rows()) == sorted(expected) and ours.height > 0
