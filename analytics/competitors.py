"""Competitor context: a market's best-selling competitor models and which of our
models competes with each.

Matching rule (`match_competitors`): a competitor model competes with our models
of the same body type. The competitor file's segment (차량 구분) maps to a body
type (SEGMENT_BODY: SUV, 세단 -> sedan, 해치백 -> hatchback, 픽업 -> pickup, MPV);
컴팩트 (small car) matches our small (경형, 소형) sedans and hatchbacks. Our
models' body types come from the model catalogue (warehouse.catalogue), since
the customer files' 차종 is not consistent per model and the IR files publish
only PC/RV. Of the matching
models, the one with the most units in the focus market is "our" competitor;
none (null) when we sell no model of that body type there, which is itself a
gap worth seeing.
"""

from __future__ import annotations

from functools import cache
from threading import Lock

import polars as pl
from cachetools import LRUCache, cached

from analytics.sales import SalesFilter, rows_query
from warehouse import catalogue, sql
from warehouse.connection import FileIdentity, Warehouse

COMPETITOR_SCHEMA = {
    "year": pl.Int32, "market": pl.Utf8, "model_name": pl.Utf8, "brand": pl.Utf8,
    "segment": pl.Utf8, "powertrain": pl.Utf8, "units": pl.Int64, "months": pl.Int8,
}  # fmt: skip
OUR_UNITS_SCHEMA = {"model": pl.Utf8, "units": pl.Int64}

# Competitor segment as published -> body type.
SEGMENT_BODY: dict[str, str] = {
    "SUV": "SUV", "세단": "sedan", "해치백": "hatchback", "픽업": "pickup", "MPV": "MPV",
    "컴팩트": "compact",
}  # fmt: skip

# Catalogue body type (warehouse.catalogue) -> the competitor file's body type words.
CATALOGUE_BODY: dict[str, str] = {
    "세단": "sedan", "해치백": "hatchback", "SUV": "SUV", "MPV": "MPV", "픽업트럭": "pickup",
    "트럭": "commercial", "밴": "commercial", "버스": "commercial",
}  # fmt: skip
# Size classes of small cars (A/B segment), which also meet the file's 컴팩트 models.
SMALL_CLASSES = ("경형", "소형")

MATCH_SCHEMA = {
    **COMPETITOR_SCHEMA, "body_type": pl.Utf8, "our_model": pl.Utf8, "our_units": pl.Int64,
}  # fmt: skip


_CACHE: LRUCache = LRUCache(maxsize=256)


def load_competitors(warehouse: Warehouse, *, market: str, year: int | None = None) -> pl.DataFrame:
    """Competitor models sold in `market` (canonical name) in `year`, best first.

    Columns: year, market, model_name, brand, segment (as published, e.g. SUV,
    세단), powertrain (as published), units (vehicles in the year's first `months`
    months), months (12 for a full year; fewer for a partial year, see
    warehouse/competitors.py). `year=None` takes the latest year the file has for
    the market. Hyundai, Kia and Genesis models are left out, and so are blocks
    that copy another market's (the reference India 2025 rows repeat Mexico's).
    Cached by file identity (a rebuild is never served stale), market and year.
    """
    return _load_competitors(warehouse, warehouse.identity(), market, year)


@cached(_CACHE, key=lambda _wh, identity, market, year: (identity, market, year), lock=Lock())
def _load_competitors(
    warehouse: Warehouse, identity: FileIdentity, market: str, year: int | None
) -> pl.DataFrame:
    # A missing file raises FileRefused here (it is never cached).
    frame = warehouse.frame(sql.load("marts/competitors"), {"market": market, "year": year})
    return frame.cast(COMPETITOR_SCHEMA)  # type: ignore[arg-type]


def load_our_units(
    warehouse: Warehouse, flt: SalesFilter, *, market: str, competitors: pl.DataFrame
) -> pl.DataFrame:
    """Our units per model in `market` over the competitor figures' period: the year of
    `competitors` (from `load_competitors`), January to its `months`-th month, under
    the filter's source, brand, vehicle types and powertrains (its own period is
    replaced). Columns: model, units (vehicles). Empty when there are no competitors.
    A partial year is so compared on the same months only.
    """
    if competitors.is_empty():
        return pl.DataFrame(schema=OUR_UNITS_SCHEMA)
    year, months = int(competitors.item(0, "year")), int(competitors.item(0, "months"))
    period = SalesFilter(
        flt.source,
        flt.brand,
        f"{year}-01",
        f"{year}-{months:02d}",
        flt.vehicle_types,
        flt.powertrains,
    )
    query, params = rows_query(period, "marts/competitor_period_units")
    frame = warehouse.frame(query, {**params, "market": market})
    return frame.cast(OUR_UNITS_SCHEMA)  # type: ignore[arg-type]


def load_competitor_context(
    warehouse: Warehouse, flt: SalesFilter, *, market: str
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(`load_competitors`, `load_our_units`) of `market`: what `recommend` compares."""
    competitors = load_competitors(warehouse, market=market)
    return competitors, load_our_units(warehouse, flt, market=market, competitors=competitors)


@cache
def body_types() -> pl.DataFrame:
    """Our model families from the model catalogue: model, body_type (CATALOGUE_BODY
    words), small (bool: a 경형 or 소형 car)."""
    return (
        catalogue.families()
        .filter(~pl.col("is_category"))
        .select(
            pl.col("family").alias("model"),
            pl.col("body_type")
            .replace_strict(CATALOGUE_BODY, default=None, return_dtype=pl.Utf8)
            .alias("body_type"),
            pl.col("size_class").is_in(SMALL_CLASSES).fill_null(False).alias("small"),
        )
    )


def _families(names: pl.Series) -> pl.Series:
    """The catalogue family of each model name (dual names such as 'KX5 / Sportage' and
    generated variants such as 'Carnival / Sedona #12' included); null when unknown."""
    lookup: dict[str, str | None] = {}
    for name in names.unique().drop_nulls().to_list():
        found = [catalogue.resolve_label(b, name) for b in ("Hyundai", "Kia")]
        lookup[name] = next((str(r["model"]) for r in found if r["in_catalogue"]), None)
    return names.replace_strict(lookup, default=None, return_dtype=pl.Utf8)


def match_competitors(competitors: pl.DataFrame, *, our_models: pl.DataFrame) -> pl.DataFrame:
    """Attach to each competitor model the one of our models it competes with.

    `competitors`: as from `load_competitors`. `our_models`: model, units (our
    vehicles in the focus market; models with 0 units are ignored).
    Returns the competitor columns plus body_type (English: SUV, sedan,
    hatchback, pickup, MPV, compact; null for an unknown segment), our_model
    (null when we sell no model of that body type in the market) and our_units
    (vehicles of our_model in the market). Order of `competitors` is kept.
    See the module doc for the rule.
    """
    ours = (
        our_models.lazy()
        .filter(pl.col("units") > 0)
        .group_by("model")
        .agg(pl.col("units").sum().cast(pl.Int64))
        .with_columns(pl.col("model").map_batches(_families, return_dtype=pl.Utf8).alias("family"))
        .join(body_types().lazy().rename({"model": "family"}), on="family", how="inner")
    )
    # One candidate row per (body type our model serves); small sedans and
    # hatchbacks also serve the 'compact' segment.
    serving = pl.concat(
        [
            ours.select("model", "units", "body_type"),
            ours.filter(pl.col("small") & pl.col("body_type").is_in(["sedan", "hatchback"])).select(
                "model", "units", pl.lit("compact").alias("body_type")
            ),
        ]
    )
    best = (
        serving.sort(["units", "model"], descending=[True, False])
        .group_by("body_type", maintain_order=True)
        .first()
        .rename({"model": "our_model", "units": "our_units"})
    )
    return (
        competitors.lazy()
        .with_row_index("_order")
        .with_columns(
            pl.col("segment")
            .replace_strict(SEGMENT_BODY, default=None, return_dtype=pl.Utf8)
            .alias("body_type")
        )
        .join(best, on="body_type", how="left")
        .sort("_order")
        .select(list(MATCH_SCHEMA))
        .collect()
        .cast(MATCH_SCHEMA)  # type: ignore[arg-type]
    )
