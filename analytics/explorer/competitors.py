"""Competitors: the competitor file's best-selling models per market and year, our share
among them, and for each leading competitor model our closest counter-model.

Inputs:
- `COMPETITORS_SCHEMA` (warehouse/sql/marts/explorer_competitors.sql): year, market,
  model_name, brand, segment (차량 구분 as published), powertrain (as published: 내연기관,
  하이브리드, 전기차), units (vehicles in the year's first `months` months), months,
  is_ours (a Hyundai, Kia or Genesis model);
- `LOCAL_UNITS_SCHEMA` (explorer_local_units.sql): our units per brand, market, model
  family, flow and month from the one flow that counts local sales there;
- `dim_model` (warehouse.catalogue.read_dim_model): our families with body type,
  powertrains and the years they were sold.

Counter-model rule (`counter_models`), deterministic and stated in every row:
1. candidates are our families of the chosen brand(s) with the competitor's body type
   (the file's segment mapped by analytics.competitors.SEGMENT_BODY; 컴팩트 meets our
   경형/소형 sedans and hatchbacks) that were sold in the competitor's year;
2. closeness in powertrain (catalogue powertrains; a hybrid meets HEV or PHEV): a family
   offered only with the competitor's powertrain ("exact", e.g. an EV-only model against
   an EV) is closer than one offered with it among others ("offered"), which is closer
   than one not offered with it ("body");
3. among equally close candidates, the one with more local units in that market over
   the competitor figures' months wins (no local figures count last), then the
   alphabetically first family.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import polars as pl

from analytics.competitors import CATALOGUE_BODY, SEGMENT_BODY, SMALL_CLASSES
from analytics.explorer.common import Options, ranked

COMPETITORS_SCHEMA = {
    "year": pl.Int32, "market": pl.Utf8, "model_name": pl.Utf8, "brand": pl.Utf8,
    "segment": pl.Utf8, "powertrain": pl.Utf8, "units": pl.Int64, "months": pl.Int32,
    "is_ours": pl.Boolean,
}  # fmt: skip
LOCAL_UNITS_SCHEMA = {
    "brand": pl.Utf8, "market": pl.Utf8, "model": pl.Utf8, "flow": pl.Utf8,
    "year": pl.Int32, "month": pl.Int32, "units": pl.Int64,
}  # fmt: skip
# The competitor file's powertrain words -> the catalogue's powertrains they meet.
POWERTRAIN_CODES: dict[str, str] = {"내연기관": "ICE", "하이브리드": "HEV", "전기차": "EV"}
MEETS: dict[str, tuple[str, ...]] = {"ICE": ("ICE",), "HEV": ("HEV", "PHEV"), "EV": ("EV",)}
COUNTER_SCHEMA = {
    "rank": pl.Int32, "model_name": pl.Utf8, "brand": pl.Utf8, "segment": pl.Utf8,
    "powertrain": pl.Utf8, "units": pl.Int64, "body": pl.Utf8, "our_model": pl.Utf8,
    "our_brand": pl.Utf8, "our_powertrains": pl.Utf8, "match": pl.Utf8,
    "our_units": pl.Int64, "our_source": pl.Utf8, "months": pl.Int32,
}  # fmt: skip
# closeness score -> the match named in each row ("none": we have no model of that body)
CLOSENESS: dict[int, str] = {2: "exact", 1: "offered", 0: "body"}
MATCHES: tuple[str, ...] = ("exact", "offered", "body", "none")


def listed(competitors: pl.DataFrame, *, market: str, year: int) -> pl.DataFrame:
    """The listed models of one market and year (ours included), best first, with
    powertrain_code (ICE, HEV, EV; null for an unknown word) and body (English body word,
    see SEGMENT_BODY)."""
    return (
        competitors.filter((pl.col("market") == market) & (pl.col("year") == year))
        .with_columns(
            pl.col("powertrain")
            .replace_strict(POWERTRAIN_CODES, default=None, return_dtype=pl.Utf8)
            .alias("powertrain_code"),
            pl.col("segment")
            .replace_strict(SEGMENT_BODY, default=None, return_dtype=pl.Utf8)
            .alias("body"),
        )
        .sort(["units", "model_name"], descending=[True, False])
    )


def brand_sales(competitors: pl.DataFrame, *, market: str, year: int) -> pl.DataFrame:
    """Units per brand and powertrain among the listed models of one market and year:
    brand, is_ours, powertrain (as published), units (vehicles), share (fraction of all
    listed units). Largest first."""
    rows = listed(competitors, market=market, year=year)
    total = rows.get_column("units").sum()
    return (
        rows.group_by("brand", "is_ours", "powertrain")
        .agg(pl.col("units").sum().cast(pl.Int64))
        .with_columns((pl.col("units") / total if total else pl.lit(None)).alias("share"))
        .sort(["units", "brand", "powertrain"], descending=[True, False, False])
    )


def our_share(competitors: pl.DataFrame, *, year: int) -> pl.DataFrame:
    """Per market of the year: market, listed (models), listed_units (vehicles),
    our_models (ours among them, comma-separated; null when none), our_units
    (vehicles), our_share (fraction of listed units), months. Markets where ours
    appear first, then by market."""
    rows = competitors.filter(pl.col("year") == year)
    return (
        rows.group_by("market")
        .agg(
            pl.len().cast(pl.Int32).alias("listed"),
            pl.col("units").sum().cast(pl.Int64).alias("listed_units"),
            pl.col("model_name").filter(pl.col("is_ours")).sort().str.join(", ").alias("ours"),
            pl.col("units").filter(pl.col("is_ours")).sum().cast(pl.Int64).alias("our_units"),
            pl.col("months").min().alias("months"),
        )
        .with_columns(
            pl.when(pl.col("ours") == "").then(None).otherwise(pl.col("ours")).alias("our_models"),
            (pl.col("our_units") / pl.col("listed_units")).alias("our_share"),
        )
        .select(
            "market", "listed", "listed_units", "our_models", "our_units", "our_share", "months"
        )
        .sort(["our_share", "market"], descending=[True, False])
    )


def local_units(
    local: pl.DataFrame, *, brand: str, market: str, year: int, months: int
) -> pl.DataFrame:
    """Our units per model family in `market`, January to month `months` of `year` (the
    competitor figures' months): model, brand, flow (the source), units (vehicles)."""
    scope = local.filter(
        (pl.col("market") == market) & (pl.col("year") == year) & (pl.col("month") <= months)
    )
    if brand != "all":
        scope = scope.filter(pl.col("brand") == brand)
    return scope.group_by("model", "brand", "flow").agg(pl.col("units").sum().cast(pl.Int64))


def candidates(dim_model: pl.DataFrame, *, brand: str, year: int) -> pl.DataFrame:
    """Our model families that can counter a competitor in `year`: model, brand, body
    (English body word), small (a 경형/소형 car), powertrains (list, catalogue)."""
    # dim_model has a row per brand a family was seen with (a Hyundai customer who bought
    # a Sportage makes a Hyundai row): keep the row of the brand that reports the marque
    reporter = pl.when(pl.col("marque") == "Kia").then(pl.lit("Kia")).otherwise(pl.lit("Hyundai"))
    scope = dim_model.filter(
        ~pl.col("is_category")
        & pl.col("body_type").is_not_null()
        & pl.col("marque").is_not_null()
        & (pl.col("brand") == reporter)
        & (pl.col("first_year") <= year)
        & (pl.col("last_year") >= year)
    )
    if brand != "all":
        scope = scope.filter(pl.col("brand") == brand)
    return scope.select(
        "model",
        "brand",
        pl.col("body_type")
        .replace_strict(CATALOGUE_BODY, default=None, return_dtype=pl.Utf8)
        .alias("body"),
        pl.col("size_class").is_in(list(SMALL_CLASSES)).fill_null(False).alias("small"),
        pl.col("powertrains"),
    )


def counter_models(
    competitors: pl.DataFrame,
    *,
    local: pl.DataFrame,
    dim_model: pl.DataFrame,
    brand: str,
    market: str,
    year: int,
) -> pl.DataFrame:
    """For each listed competitor model (not ours) of the market and year, our closest
    counter-model by the rule in the module doc (COUNTER_SCHEMA): rank (the competitor's
    place among the listed models), its model_name, brand, segment, powertrain, units;
    body; our_model and our_brand (null when we have no model of that body type),
    our_powertrains ('ICE/HEV'), our_units (vehicles over the same months; null when no
    local figures), our_source (flow), months, match (exact, offered, body or none: see
    the module doc)."""
    rows = listed(competitors, market=market, year=year).with_row_index("_rank", offset=1)
    rivals = rows.filter(~pl.col("is_ours"))
    if rivals.is_empty():
        return pl.DataFrame(schema=COUNTER_SCHEMA)
    months = int(rivals.get_column("months").min())  # type: ignore[arg-type]
    ours = candidates(dim_model, brand=brand, year=year).join(
        local_units(local, brand=brand, market=market, year=year, months=months)
        .group_by("model")
        .agg(pl.col("units").sum(), pl.col("flow").first()),
        on="model",
        how="left",
    )
    # one row per body word a candidate serves: small sedans and hatchbacks also 'compact'
    serving = pl.concat(
        [
            ours,
            ours.filter(
                pl.col("small") & pl.col("body").is_in(["sedan", "hatchback"])
            ).with_columns(pl.lit("compact").alias("body")),
        ]
    )
    pairs = rivals.select("_rank", "body", "powertrain_code").join(serving, on="body", how="inner")
    meets = pl.col("powertrain_code").replace_strict(
        {k: list(v) for k, v in MEETS.items()}, default=None, return_dtype=pl.List(pl.Utf8)
    )
    offered = pl.col("powertrains").list.set_intersection(meets).list.len()
    pairs = pairs.with_columns(
        pl.when(offered.fill_null(0) == 0)
        .then(0)
        .when(offered == pl.col("powertrains").list.len())
        .then(2)
        .otherwise(1)
        .alias("_closeness")
    )
    best = (
        pairs.sort(
            ["_rank", "_closeness", "units", "model"],
            descending=[False, True, True, False],
            nulls_last=True,
        )
        .group_by("_rank", maintain_order=True)
        .first()
        .select(
            "_rank",
            pl.col("model").alias("our_model"),
            pl.col("brand").alias("our_brand"),
            pl.col("powertrains").list.join("/").alias("our_powertrains"),
            "_closeness",
            pl.col("units").alias("our_units"),
            pl.col("flow").alias("our_source"),
        )
    )
    return (
        rivals.join(best, on="_rank", how="left")
        .with_columns(
            pl.lit(months, pl.Int32).alias("months"),
            pl.col("_closeness")
            .replace_strict(CLOSENESS, default="none", return_dtype=pl.Utf8)
            .alias("match"),
        )
        .rename({"_rank": "rank"})
        .select(list(COUNTER_SCHEMA))
        .cast(COUNTER_SCHEMA)  # type: ignore[arg-type]
        .sort("rank")
    )


def years_in(
    competitors: pl.DataFrame, *, period_from: str | None, period_to: str | None
) -> list[int]:
    """The competitor file's years that overlap the period ('YYYY-MM' bounds)."""
    lo = int(period_from[:4]) if period_from else 0
    hi = int(period_to[:4]) if period_to else 9_999
    years = competitors.get_column("year").unique().sort().to_list()
    return [int(y) for y in years if lo <= y <= hi]


def options(competitors: pl.DataFrame) -> Options:
    """Months (every month of the file's years, so the period picks years), the markets
    (most listed units in the latest year first; the first is the default focus) and
    the years of the competitor file."""
    years = years_in(competitors, period_from=None, period_to=None)
    if not years:
        return Options()
    markets = ranked(competitors.filter(pl.col("year") == years[-1]), "market")
    others = [m for m in ranked(competitors, "market") if m not in markets]
    focus = markets + others
    return Options(
        months=[f"{y}-{m:02d}" for y in years for m in range(1, 13)],
        focus=focus,
        years=years,
        default_focus=focus[0] if focus else None,
    )


@dataclass(frozen=True)
class CompetitorInsights:
    """The numbers the competitors page's sentences come from (units: vehicles; shares:
    fractions). `ours` lists (market, our_share) where our models are listed."""

    year: int | None = None
    market: str | None = None
    months: int | None = None
    markets: int = 0
    ours: list[tuple[str, float]] = field(default_factory=list)
    leader: str | None = None
    leader_brand: str | None = None
    leader_units: int | None = None
    leader_share: float | None = None


def insights(
    competitors: pl.DataFrame, *, market: str | None, year: int | None
) -> CompetitorInsights:
    """Where our models are among the listed top models in `year`, and the leader of
    `market` with its share of the listed units."""
    if year is None or competitors.is_empty():
        return CompetitorInsights()
    share = our_share(competitors, year=year)
    ours = share.filter(pl.col("our_models").is_not_null())
    rows = listed(competitors, market=market, year=year) if market else competitors.clear()
    total = rows.get_column("units").sum() if rows.height else 0
    top = rows.row(0, named=True) if rows.height else None
    return CompetitorInsights(
        year=year,
        market=market,
        months=int(rows.get_column("months").min()) if rows.height else None,  # type: ignore[arg-type]
        markets=share.height,
        ours=[(m, s) for m, s in ours.select("market", "our_share").iter_rows()],
        leader=top["model_name"] if top else None,
        leader_brand=top["brand"] if top else None,
        leader_units=top["units"] if top else None,
        leader_share=top["units"] / total if top and total else None,
    )


def model_sales(competitors: pl.DataFrame, *, market: str | None, year: int | None) -> pl.DataFrame:
    """The listed models of one market and year, best first: label (the model name, ★ for
    ours), model_name, brand, segment, powertrain (as published), powertrain_code (ICE,
    HEV, EV), units (vehicles), share (fraction of the listed units), is_ours."""
    if market is None or year is None:
        return pl.DataFrame(
            schema={
                "label": pl.Utf8, "model_name": pl.Utf8, "brand": pl.Utf8, "segment": pl.Utf8,
                "powertrain": pl.Utf8, "powertrain_code": pl.Utf8, "units": pl.Int64,
                "share": pl.Float64, "is_ours": pl.Boolean,
            }
        )  # fmt: skip
    rows = listed(competitors, market=market, year=year)
    return rows.select(
        pl.when(pl.col("is_ours"))
        .then(pl.col("model_name") + " ★")
        .otherwise(pl.col("model_name"))
        .alias("label"),
        "model_name",
        "brand",
        "segment",
        "powertrain",
        "powertrain_code",
        "units",
        (pl.col("units") / pl.col("units").sum()).alias("share"),
        "is_ours",
    )
