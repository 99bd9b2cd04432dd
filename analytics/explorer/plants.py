"""Plants: sales of vehicles built at overseas plants.

Input (`PLANTS_SCHEMA`, warehouse/sql/marts/explorer_plants.sql): brand, plant (code),
plant_name, plant_market (the plant's country), model (family; null for category
rows), category, sales_type (domestic = sold in the plant's country, export, or total
for a plant that reports one figure only), year, month, units (vehicles).

Both brands together: a "<Brand> contract production" row of one brand is the other
brand's car, which the other brand also reports at the same plant (Kia Mexico builds
Hyundai's Tucson; both IR files count it). With brand "all" such a row is left out
whenever the named brand has a row at that plant in that month, so no car counts twice.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from analytics.explorer.common import (
    Options,
    View,
    in_period,
    months_of,
    ranked,
    select_brand,
    shares,
    view_of,
)

PLANTS_SCHEMA = {
    "brand": pl.Utf8, "plant": pl.Utf8, "plant_name": pl.Utf8, "plant_market": pl.Utf8,
    "model": pl.Utf8, "category": pl.Utf8, "sales_type": pl.Utf8,
    "year": pl.Int32, "month": pl.Int32, "units": pl.Int64,
}  # fmt: skip
CONTRACT_SUFFIX = " contract production"


def plant_rows(
    plants: pl.DataFrame, *, brand: str, period_from: str | None, period_to: str | None
) -> pl.DataFrame:
    """The plant rows of the brand ("all": both brands in the months both report, the
    other brand's contract production left out, see the module doc) in the period."""
    chosen = select_brand(
        in_period(plants, period_from=period_from, period_to=period_to), brand=brand
    )
    if brand != "all":
        return chosen
    maker = pl.col("category").str.strip_suffix(CONTRACT_SUFFIX)
    contract = pl.col("category").str.ends_with(CONTRACT_SUFFIX).fill_null(False)
    reported_by_maker = chosen.select(
        pl.col("brand").alias("_maker"), "plant", "year", "month"
    ).unique()
    duplicated = (
        chosen.filter(contract)
        .with_columns(maker.alias("_maker"))
        .join(reported_by_maker, on=["_maker", "plant", "year", "month"], how="semi")
        .drop("_maker")
    )
    return chosen.join(duplicated, on=list(chosen.columns), how="anti", nulls_equal=True)


def plant_totals(rows: pl.DataFrame) -> pl.DataFrame:
    """Per plant: plant, plant_name, plant_market, brand, units (vehicles, every sales
    type), share (fraction of all plants' units). Largest first."""
    names = rows.group_by("plant").agg(
        pl.col("plant_name").drop_nulls().first(),
        pl.col("plant_market").drop_nulls().first(),
        pl.col("brand").unique().sort().str.join("/").alias("brand"),
    )
    return (
        shares(rows, by="plant")
        .join(names, on="plant", how="left")
        .select("plant", "plant_name", "plant_market", "brand", "units", "share")
    )


def plant_months(rows: pl.DataFrame, *, models: list[str] | None = None) -> pl.DataFrame:
    """Monthly units per plant of the chosen model families (all rows when none):
    plant, year, month, units (vehicles)."""
    scope = rows.filter(pl.col("model").is_in(models)) if models else rows
    return (
        scope.group_by("plant", "year", "month")
        .agg(pl.col("units").sum().cast(pl.Int64))
        .sort("plant", "year", "month")
    )


def domestic_export(rows: pl.DataFrame) -> pl.DataFrame:
    """Per plant that reports domestic and export figures separately: plant, domestic,
    export (vehicles), export_ratio (export / (domestic + export), fraction; null when
    both are 0) and unsplit (vehicles the plant reported as a total only, e.g. another
    brand's models at a shared plant; not in the ratio). Largest ratio first."""
    split = (
        rows.group_by("plant")
        .agg(pl.col("sales_type").filter(pl.col("sales_type") != "total").n_unique())
        .filter(pl.col("sales_type") == 2)
        .select("plant")
    )
    kind = pl.col("sales_type")
    return (
        rows.join(split, on="plant", how="semi")
        .group_by("plant")
        .agg(
            pl.col("units").filter(kind == "domestic").sum().alias("domestic"),
            pl.col("units").filter(kind == "export").sum().alias("export"),
            pl.col("units").filter(~kind.is_in(["domestic", "export"])).sum().alias("unsplit"),
        )
        .with_columns(pl.col("domestic", "export", "unsplit").cast(pl.Int64))
        .with_columns(
            pl.when(pl.col("domestic") + pl.col("export") > 0)
            .then(pl.col("export") / (pl.col("domestic") + pl.col("export")))
            .otherwise(None)
            .alias("export_ratio")
        )
        .select("plant", "domestic", "export", "export_ratio", "unsplit")
        .sort(["export_ratio", "plant"], descending=[True, False], nulls_last=True)
    )


def concentration(rows: pl.DataFrame, *, plant: str | None = None) -> pl.DataFrame:
    """Per model family with units: model, brand, plants (plants with units > 0),
    top_plant, top_share (fraction of the model's units made there), hhi (sum of
    squared plant shares, 0-1; 1 = one plant), units (vehicles). Most units first.
    With `plant`, only the families made there (their figures still over every plant)."""
    models = rows.filter(pl.col("model").is_not_null())
    if plant:
        made_there = models.filter((pl.col("plant") == plant) & (pl.col("units") > 0))
        models = models.join(made_there.select("model").unique(), on="model", how="semi")
    per_plant = (
        models.group_by("model", "plant")
        .agg(pl.col("units").sum(), pl.col("brand").min())
        .filter(pl.col("units") > 0)
        .with_columns((pl.col("units") / pl.col("units").sum().over("model")).alias("_share"))
        .sort(["model", "units", "plant"], descending=[False, True, False])
    )
    return (
        per_plant.group_by("model", maintain_order=True)
        .agg(
            pl.col("brand").first(),
            pl.len().cast(pl.Int32).alias("plants"),
            pl.col("plant").first().alias("top_plant"),
            pl.col("_share").first().alias("top_share"),
            (pl.col("_share") ** 2).sum().alias("hhi"),
            pl.col("units").sum().cast(pl.Int64).alias("units"),
        )
        .sort(["units", "model"], descending=[True, False])
    )


def single_plant_models(rows: pl.DataFrame, *, plant: str | None = None) -> pl.DataFrame:
    """Model families made in exactly one plant in the period (units > 0 there and in no
    other plant): model, brand, plant, units (vehicles); with `plant`, that plant's."""
    return (
        concentration(rows, plant=plant)
        .filter(pl.col("plants") == 1)
        .select("model", "brand", pl.col("top_plant").alias("plant"), "units")
    )


def options(plants: pl.DataFrame, *, brand: str) -> Options:
    """The months, plants and model families (most units first) of the brand."""
    rows = plant_rows(plants, brand=brand, period_from=None, period_to=None)
    return Options(months=months_of(rows), focus=ranked(rows, "plant"), picks=ranked(rows, "model"))


@dataclass(frozen=True)
class PlantInsights:
    """The numbers the plants page's sentences come from (units: vehicles; shares and
    ratios: fractions)."""

    largest: str | None = None
    largest_name: str | None = None
    largest_units: int | None = None
    largest_share: float | None = None
    high_export: str | None = None
    high_export_ratio: float | None = None
    low_export: str | None = None
    low_export_ratio: float | None = None
    single_count: int = 0
    single_top: str | None = None
    single_top_plant: str | None = None
    single_top_units: int | None = None
    focus: str | None = None
    focus_units: int | None = None
    focus_models: int | None = None


def insights(rows: pl.DataFrame, *, focus: str | None = None) -> PlantInsights:
    """The largest plant and its share, the plants exporting the largest and smallest
    share, the models made in one plant only, and the focus plant's units and models."""
    if rows.is_empty():
        return PlantInsights(focus=focus)
    totals = plant_totals(rows)
    top = totals.row(0, named=True)
    # the sentence compares plants whose every unit is split into domestic and export
    ratio = domestic_export(rows).filter(
        pl.col("export_ratio").is_not_null() & (pl.col("unsplit") == 0)
    )
    single = single_plant_models(rows)
    scope = rows.filter(pl.col("plant") == focus) if focus else None
    return PlantInsights(
        largest=top["plant"],
        largest_name=top["plant_name"],
        largest_units=top["units"],
        largest_share=top["share"],
        high_export=ratio.item(0, "plant") if ratio.height > 1 else None,
        high_export_ratio=ratio.item(0, "export_ratio") if ratio.height > 1 else None,
        low_export=ratio.item(-1, "plant") if ratio.height > 1 else None,
        low_export_ratio=ratio.item(-1, "export_ratio") if ratio.height > 1 else None,
        single_count=single.height,
        single_top=single.item(0, "model") if single.height else None,
        single_top_plant=single.item(0, "plant") if single.height else None,
        single_top_units=single.item(0, "units") if single.height else None,
        focus=focus,
        focus_units=int(scope.get_column("units").sum()) if scope is not None else None,
        focus_models=(
            scope.filter(pl.col("model").is_not_null() & (pl.col("units") > 0))
            .get_column("model")
            .n_unique()
            if scope is not None
            else None
        ),
    )


def view(
    plants: pl.DataFrame,
    *,
    brand: str,
    period_from: str | None,
    period_to: str | None,
    focus: str | None = None,
) -> View:
    """The page's View: rows = `plant_rows`, scope = the focus plant's rows."""
    rows = plant_rows(plants, brand=brand, period_from=period_from, period_to=period_to)
    return view_of(
        rows, focus_column="plant", focus=focus, period_from=period_from, period_to=period_to
    )
