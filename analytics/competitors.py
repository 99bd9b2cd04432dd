"""Competitor context: a market's best-selling competitor models and which of our
models competes with each.

Matching rule (`match_competitors`): a competitor model competes with our models
of the same body type. The competitor file's segment (차량 구분) maps to a body
type (SEGMENT_BODY: SUV, 세단 -> sedan, 해치백 -> hatchback, 픽업 -> pickup, MPV);
컴팩트 (small car) matches our small sedans and hatchbacks. Our models' body
types come from BODY_TYPES, a fixed table of the Hyundai/Kia/Genesis line-up:
the warehouse has no reliable body type per model (the customer files' 차종 is
not consistent per model, the IR files publish only PC/RV). Of the matching
models, the one with the most units in the focus market is "our" competitor;
none (null) when we sell no model of that body type there, which is itself a
gap worth seeing.
"""

from __future__ import annotations

from functools import cache

import polars as pl

from warehouse import sql
from warehouse.connection import BoundedMemo, Warehouse, file_key

COMPETITOR_SCHEMA = {
    "year": pl.Int32, "market": pl.Utf8, "model_name": pl.Utf8, "brand": pl.Utf8,
    "segment": pl.Utf8, "powertrain": pl.Utf8, "units": pl.Int64,
}  # fmt: skip

# Competitor segment as published -> body type.
SEGMENT_BODY: dict[str, str] = {
    "SUV": "SUV", "세단": "sedan", "해치백": "hatchback", "픽업": "pickup", "MPV": "MPV",
    "컴팩트": "compact",
}  # fmt: skip

# Our model families (canonical names, see warehouse.canonical) -> (body type, small car).
# Small cars (A/B segment) also compete with the competitor file's 컴팩트 models.
BODY_TYPES: dict[str, tuple[str, bool]] = {
    # Hyundai
    "Accent": ("sedan", True), "Aura": ("sedan", True), "Avante": ("sedan", False),
    "Bayon": ("SUV", True), "Casper": ("SUV", True), "Celesta": ("sedan", False),
    "County": ("commercial", False), "Creta": ("SUV", False), "Custo": ("MPV", False),
    "Elantra": ("sedan", False), "Exter": ("SUV", True), "Grandeur": ("sedan", False),
    "HB20": ("hatchback", True), "HCV": ("commercial", False), "IONIQ": ("hatchback", False),
    "IONIQ 5": ("SUV", False), "IONIQ 6": ("sedan", False), "IONIQ 9": ("SUV", False),
    "Kona": ("SUV", False), "La Festa": ("sedan", False), "LCV": ("commercial", False),
    "Light CV": ("commercial", False), "Mighty": ("commercial", False),
    "Mistra": ("sedan", False), "Mufasa": ("SUV", False), "NEXO": ("SUV", False),
    "NX4m": ("SUV", False), "Palisade": ("SUV", False), "Porter": ("commercial", False),
    "Reina": ("sedan", True), "Santa Cruz": ("pickup", False), "Santa Fe": ("SUV", False),
    "Santro": ("hatchback", True), "Solaris": ("sedan", True), "Solati": ("commercial", False),
    "Sonata": ("sedan", False), "Stargazer": ("MPV", False), "Tucson": ("SUV", False),
    "Veloster": ("hatchback", False), "Venue": ("SUV", True), "Verna": ("sedan", True),
    "Xcent": ("sedan", True), "i10": ("hatchback", True), "i20": ("hatchback", True),
    "i30": ("hatchback", False), "i40": ("sedan", False), "ix20": ("MPV", True),
    "ix25": ("SUV", False), "ix35": ("SUV", False),
    # Genesis (sold under Hyundai in the source files)
    "G70": ("sedan", False), "G80": ("sedan", False), "G90": ("sedan", False),
    "GV60": ("SUV", False), "GV70": ("SUV", False), "GV80": ("SUV", False),
    "GV80 Coupe": ("SUV", False),
    # Kia
    "Bongo": ("commercial", False), "Carens": ("MPV", False), "New Carens": ("MPV", False),
    "Carnival": ("MPV", False), "Cee'd": ("hatchback", False), "Ceed": ("hatchback", False),
    "Cee'd CUV": ("SUV", False), "XCeed": ("SUV", False), "Cerato": ("sedan", False),
    "Forte": ("sedan", False), "K2": ("sedan", True), "K3": ("sedan", False),
    "K4": ("sedan", False), "K5": ("sedan", False), "K7": ("sedan", False),
    "K8": ("sedan", False), "K9": ("sedan", False), "EV2": ("SUV", True), "EV3": ("SUV", False),
    "EV4": ("sedan", False), "EV5": ("SUV", False), "EV6": ("SUV", False),
    "EV9": ("SUV", False), "KX1": ("SUV", True), "KX3": ("SUV", False), "KX5": ("SUV", False),
    "KX7": ("SUV", False), "Military": ("commercial", False), "Mohave": ("SUV", False),
    "Morning": ("hatchback", True), "Niro": ("SUV", False), "Niro Plus": ("SUV", False),
    "PV5": ("commercial", False), "Pegas": ("sedan", True), "Ray": ("hatchback", True),
    "Rio": ("hatchback", True), "Seltos": ("SUV", False), "Sonet": ("SUV", True),
    "Sorento": ("SUV", False), "Soul": ("SUV", False), "Sportage": ("SUV", False),
    "Stinger": ("sedan", False), "Stonic": ("SUV", True), "Syros": ("SUV", True),
    "Tasman": ("pickup", False), "Telluride": ("SUV", False), "Zhipao": ("SUV", False),
}  # fmt: skip

MATCH_SCHEMA = {
    **COMPETITOR_SCHEMA, "body_type": pl.Utf8, "our_model": pl.Utf8, "our_units": pl.Int64,
}  # fmt: skip


_COMPETITOR_MEMO = BoundedMemo(limit=256)


def load_competitors(warehouse: Warehouse, *, market: str, year: int | None = None) -> pl.DataFrame:
    """Competitor models sold in `market` (canonical name) in `year`, best first.

    Columns: year, market, model_name, brand, segment (as published, e.g. SUV,
    세단), powertrain (as published), units (vehicles in the year). `year=None`
    takes the latest year the file has for the market (which may be a partial
    year: the text cites the year). Hyundai, Kia and Genesis models are left out.
    Cached by warehouse file (path + inode, so a rebuild is never served stale),
    market and year.
    """

    def load() -> pl.DataFrame:
        # A missing file raises FileRefused here (it is never cached).
        frame = warehouse.frame(sql.load("marts/competitors"), {"market": market, "year": year})
        return frame.cast(COMPETITOR_SCHEMA)  # type: ignore[arg-type]

    return _COMPETITOR_MEMO.get((file_key(warehouse), market, year), load)


@cache
def body_types() -> pl.DataFrame:
    """BODY_TYPES as a frame: model, body_type, small (bool)."""
    return pl.DataFrame(
        {
            "model": list(BODY_TYPES),
            "body_type": [v[0] for v in BODY_TYPES.values()],
            "small": [v[1] for v in BODY_TYPES.values()],
        },
        schema={"model": pl.Utf8, "body_type": pl.Utf8, "small": pl.Boolean},
    )


def _family_key(column: str) -> pl.Expr:
    """Lookup key into BODY_TYPES: dual names ('KX5 / Sportage', 'K7, K8 / Cadenza')
    look up by their first name; generated names drop their ' #n' suffix."""
    return (
        pl.col(column)
        .str.replace(r"\s*#\d+$", "")
        .str.split(" / ")
        .list.first()
        .str.split(",")
        .list.first()
        .str.strip_chars()
    )


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
        .with_columns(_family_key("model").alias("family"))
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
