"""The model catalogue: every published spelling maps to one family or a category.

Reference data (../shared/data) and the app's own sample data (`carsight
generate`, seed 42) are both covered to the unit.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import polars as pl
import pytest

from warehouse import catalogue

# units with a model label in fact_sales, and how many of them the catalogue maps
COVERAGE = """
select
    sum(f.units) as units,
    sum(f.units) filter (where d.in_catalogue) as mapped,
    sum(f.units) filter (where f.model is null and f.category is null) as unmapped_rows
from fact_sales as f
left join dim_model as d on d.brand = f.brand and d.model = coalesce(f.model, f.category)
where f.model_label is not null
"""
CUSTOMER_COVERAGE = """
select count(*) as customers, count(*) filter (where d.in_catalogue) as mapped
from customers as c
left join dim_model as d using (brand, model)
"""


def _one(db: Path, query: str) -> tuple:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(query).fetchall()[0]


# --- the data files ------------------------------------------------------------------


def test_every_family_has_a_body_type_powertrains_and_a_source_and_categories_have_none():
    families = catalogue.families()
    models = families.filter(~pl.col("is_category"))
    assert models.height >= 80
    assert models.get_column("body_type").null_count() == 0
    assert set(models.get_column("body_type")) <= set(catalogue.BODY_TYPES)
    assert models.get_column("powertrains").list.len().min() >= 1
    assert families.get_column("source").str.len_chars().min() > 10
    categories = families.filter(pl.col("is_category"))
    assert {"LCV", "HCV", "CKD", "Military", "Others", "Bus"} <= set(categories["family"])
    assert categories.get_column("body_type").null_count() == categories.height


def test_segments_read_as_size_class_and_body_type_in_both_languages():
    rows = {r["family"]: r for r in catalogue.families().to_dicts()}
    assert (rows["Santa Fe"]["segment"], rows["Santa Fe"]["segment_en"]) == (
        "중형 SUV",
        "Mid-size SUV",
    )
    assert rows["Avante"]["segment"] == "준중형 세단"
    assert rows["Carnival"]["segment"] == "대형 MPV"
    assert rows["Tasman"]["segment"] == "픽업트럭"
    assert rows["EV2"]["powertrains"] == ["EV"] and rows["EV2"]["eco_friendly"]
    assert rows["Sportage"]["powertrains"] == ["ICE", "HEV", "PHEV"]


def test_a_broken_catalogue_row_is_named_by_file_line_and_field(tmp_path, monkeypatch):
    bad = tmp_path / "families.csv"
    text = (catalogue._ROOT / "families.csv").read_text(encoding="utf-8")
    bad.write_text(text.replace("Avante,model,Hyundai,세단", "Avante,model,Hyundai,coupe"))
    (tmp_path / "spellings.csv").write_text(
        (catalogue._ROOT / "spellings.csv").read_text(encoding="utf-8"), encoding="utf-8"
    )
    monkeypatch.setattr(catalogue, "_ROOT", tmp_path)
    catalogue.families.cache_clear()
    try:
        with pytest.raises(catalogue.CatalogueError, match=r"families.csv line 4, body_type"):
            catalogue.families()
    finally:
        monkeypatch.undo()
        catalogue.families.cache_clear()


# --- spellings ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("brand", "spellings", "family"),
    [
        (
            "Kia",
            ["Carnival", "Carnival / Sedona", "Carnival (CKD)", "Carnival / Sedona #12"],
            "Carnival",
        ),
        ("Kia", ["K7 / K8", "K7 / K8 / Cadenza", "K7, K8 / Cadenza", "K7,8 / Cadenza"], "K8"),
        ("Kia", ["KX5 / Sportage", "Sportage", "Sportage(KX5)", "KX5", "Zhipao"], "Sportage"),
        ("Kia", ["Cee'd", "C'eed"], "Ceed"),
        ("Hyundai", ["Santa-Fe ™", "Santa Fe (MX5c)", "Santa-Fe HEV (TMa HEV)"], "Santa Fe"),
        ("Hyundai", ["G70 (IK)", "G70 S/B (IK S/B)"], "G70"),
        ("Hyundai", ["Avante (CN7)", "Avante (CN7 HEV)", "Elantra (CN7c)"], "Avante"),
    ],
)
def test_every_spelling_of_one_car_names_one_family(brand, spellings, family):
    assert {catalogue.family_of(brand, s) for s in spellings} == {family}


def test_a_spelling_that_states_a_powertrain_gives_the_row_that_powertrain():
    def resolved(brand: str, label: str) -> tuple:
        row = catalogue.resolve_label(brand, label)
        return row["model"], row["powertrain"]

    assert resolved("Hyundai", "Avante (CN7 HEV)") == ("Avante", "HEV")
    assert resolved("Hyundai", "Avante (CN7)") == ("Avante", "ICE")  # HEV has its own row
    assert resolved("Hyundai", "Kona (SXe_EV)") == ("Kona", "EV")
    assert resolved("Hyundai", "Santa-Fe (TM PHEV)") == ("Santa Fe", "PHEV")
    assert resolved("Kia", "EV2") == ("EV2", "EV")
    assert resolved("Kia", "PV5") == ("PV5", "EV")
    assert resolved("Kia", "Sportage") == ("Sportage", None)  # Kia's row mixes ICE/HEV/PHEV


def test_non_model_rows_are_categories_without_a_model():
    for brand, label, category in [
        ("Hyundai", "LCV", "LCV"),
        ("Hyundai", "Light CV", "LCV"),
        ("Kia", "Millitary (CKD)", "Military"),
        ("Kia", "Bus (특수)", "Bus"),
        ("Kia", "Tucson(NX4)", "Hyundai contract production"),
    ]:
        row = catalogue.resolve_label(brand, label)
        assert (row["model"], row["category"]) == (None, category), label


def test_a_new_spelling_falls_back_to_its_family_or_is_flagged_as_uncatalogued():
    new_code = catalogue.resolve_label("Hyundai", "Avante (CN8 HEV)")
    assert (new_code["model"], new_code["powertrain"], new_code["in_catalogue"]) == (
        "Avante",
        "HEV",
        True,
    )
    unknown = catalogue.resolve_label("Hyundai", "Staria (US4)")
    assert (unknown["model"], unknown["in_catalogue"]) == ("Staria", False)


def test_every_spelling_in_the_reference_files_is_in_the_catalogue(reference_db, shared_data):
    with duckdb.connect(str(reference_db), read_only=True) as con:
        labels = con.sql(
            "select brand, model_label as label from source_rows where model_label is not null "
            "union select brand, model_label from customers "
            "union select brand, model_label from model_production "
            "union select brand, model_name from competitor_sales "
            "where brand in ('Hyundai', 'Kia')"
        ).pl()
    external = [
        pl.read_csv(shared_data / "external" / name, infer_schema=False)
        .select(pl.lit(brand).alias("brand"), pl.col("차종").alias("label"))
        .drop_nulls()
        for name, brand in [
            ("기아_국가별_수출_기후_GDP.csv", "Kia"),
            ("현대_지역별_수출_기후_GDP.csv", "Hyundai"),
        ]
    ]
    resolved = catalogue.resolve(pl.concat([labels, *external]))
    assert resolved.height > 300
    missing = resolved.filter(~pl.col("in_catalogue"))
    assert missing.is_empty(), missing.select("brand", "label").rows()


# --- the built warehouse -------------------------------------------------------------------


def test_every_reference_unit_maps_to_a_family_or_a_category(reference_db):
    units, mapped, unmapped_rows = _one(reference_db, COVERAGE)
    assert units > 18_000_000
    assert mapped == units and unmapped_rows is None
    customers, mapped_customers = _one(reference_db, CUSTOMER_COVERAGE)
    assert customers > 3_000 and mapped_customers == customers


@pytest.mark.slow
def test_every_sample_unit_maps_to_a_family_or_a_category(sample_db):
    units, mapped, unmapped_rows = _one(sample_db, COVERAGE)
    assert units > 0 and mapped == units and unmapped_rows is None
    customers, mapped_customers = _one(sample_db, CUSTOMER_COVERAGE)
    assert customers > 3_000 and mapped_customers == customers
    checks = _one(
        sample_db, "select count(*) from data_quality where check_name = 'model_not_in_catalogue'"
    )
    assert checks == (0,)


def test_tucson_is_not_a_kia_model(ref):
    assert ref("select count(*) from fact_sales where brand = 'Kia' and model = 'Tucson'") == [(0,)]
    assert ref("select count(*) from dim_model where brand = 'Kia' and model = 'Tucson'") == [(0,)]
    assert ref(
        "select sum(units) from fact_sales where brand = 'Kia' "
        "and category = 'Hyundai contract production'"
    ) == [(18_490,)]


def test_dim_model_carries_the_catalogue_and_rankings_group_by_family(ref):
    rows = ref(
        "select model, family, is_category, segment, powertrains from dim_model "
        "where brand = 'Kia' and model in ('Carnival', 'K8', 'Sportage', 'EV2', 'Military')"
    )
    assert sorted(rows) == [
        ("Carnival", "Carnival", False, "대형 MPV", ["ICE", "HEV"]),
        ("EV2", "EV2", False, "소형 SUV", ["EV"]),
        ("K8", "K8", False, "준대형 세단", ["ICE", "HEV"]),
        ("Military", None, True, None, None),
        ("Sportage", "Sportage", False, "준중형 SUV", ["ICE", "HEV", "PHEV"]),
    ]
    spellings = ref(
        "select count(distinct model) from model_market_share where brand = 'Kia' "
        "and model in ('Carnival / Sedona', 'K7 / K8', 'KX5 / Sportage', 'Military')"
    )
    assert spellings == [(0,)]


def test_the_read_api_returns_dim_model_as_a_polars_frame(reference_db):
    from warehouse.connection import Warehouse

    frame = catalogue.read_dim_model(Warehouse(reference_db))
    wanted = {"brand", "model", "family", "is_category", "body_type", "segment", "powertrains"}
    assert wanted <= set(frame.columns)
    hyundai_lcv = frame.filter((pl.col("brand") == "Hyundai") & (pl.col("model") == "LCV"))
    assert hyundai_lcv.get_column("is_category").to_list() == [True]
