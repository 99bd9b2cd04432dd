"""The model catalogue CarSight owns: model families, categories and every published spelling.

Two data files beside this module (package data, UTF-8 CSV), each row with a
`source` for its facts:

`families.csv`, one row per model family or category of a brand:
    brand        reporting company, Hyundai or Kia (Genesis is reported by Hyundai)
    family       canonical name, unique across brands (Avante, K8, Carnival, LCV ...)
    kind         `model` or `category`: categories (LCV, HCV, CKD, Military, Bus,
                 Others, contract production ...) are not models and are left out
                 of every model ranking
    marque       Hyundai, Genesis or Kia (empty for categories)
    body_type    세단, 해치백, SUV, MPV, 픽업트럭, 트럭, 밴 or 버스 (BODY_TYPES)
    size_class   경형, 소형, 준중형, 중형, 준대형 or 대형 (SIZE_CLASSES); empty for
                 trucks, vans, buses and pickups
    powertrains  the powertrains offered in 2021-2026, `|`-separated (POWERTRAINS)
    source       where the facts come from: the manufacturer's published line-up
                 (compiled from Hyundai, Genesis and Kia model pages and press
                 releases; not re-checked online when written) or the IR file

`spellings.csv`, one row per brand and published spelling (IR downloads, the
processed tables, customer files, external tables and `carsight generate`):
    brand        brand of the file the spelling appears in
    spelling     the label with trademark signs and extra spaces removed;
                 matched case-insensitively; a trailing ` #n` (the trim variants
                 of `carsight generate --scale`, e.g. `Avante (CN7 #2)`) is ignored
    family       the family or category it names (a `families.csv` family)
    powertrain   the powertrain of a row with this spelling: stated by the
                 spelling (HEV, PHEV, EV), the family's only powertrain, or the
                 one left when the brand's tables give the other versions rows
                 of their own (Hyundai's `Avante (CN7)` beside `Avante (CN7 HEV)`);
                 empty when the row may mix powertrains (Kia's `Sportage`)
    source       files the spelling appears in, and why it maps where it maps

A spelling not in `spellings.csv` (a new download) falls back to the rules of
`warehouse.canonical.model_family` (platform code and trim tokens dropped); if
that names a catalogue family it is used, else the row keeps that name as an
uncatalogued model and the build warns (`model_not_in_catalogue`).

`families()` is the typed read API of the catalogue itself; the built
warehouse's `dim_model` joins it to what was sold (see `read_dim_model`).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import polars as pl

if TYPE_CHECKING:
    from warehouse.connection import Warehouse

_ROOT = Path(__file__).resolve().parent

BODY_TYPES: dict[str, str] = {
    "세단": "Sedan", "해치백": "Hatchback", "SUV": "SUV", "MPV": "MPV",
    "픽업트럭": "Pickup", "트럭": "Truck", "밴": "Van", "버스": "Bus",
}  # fmt: skip
SIZE_CLASSES: dict[str, str] = {
    "경형": "Mini", "소형": "Small", "준중형": "Compact", "중형": "Mid-size",
    "준대형": "Large", "대형": "Full-size",
}  # fmt: skip
POWERTRAINS: tuple[str, ...] = ("ICE", "HEV", "PHEV", "EV", "FCEV")
KINDS: tuple[str, ...] = ("model", "category")

FAMILY_SCHEMA: dict[str, pl.DataType] = {
    "brand": pl.Utf8(), "family": pl.Utf8(), "is_category": pl.Boolean(), "marque": pl.Utf8(),
    "body_type": pl.Utf8(), "body_type_en": pl.Utf8(), "size_class": pl.Utf8(),
    "size_class_en": pl.Utf8(), "segment": pl.Utf8(), "segment_en": pl.Utf8(),
    "powertrains": pl.List(pl.Utf8()), "eco_friendly": pl.Boolean(), "source": pl.Utf8(),
}  # fmt: skip
RESOLVED_SCHEMA: dict[str, pl.DataType] = {
    "brand": pl.Utf8(), "label": pl.Utf8(), "model": pl.Utf8(), "category": pl.Utf8(),
    "powertrain": pl.Utf8(), "in_catalogue": pl.Boolean(),
}  # fmt: skip


class CatalogueError(ValueError):
    """A catalogue file breaks its own rules (the message names file, line and field)."""


def spelling_key(label: str | None) -> str | None:
    """The matching key of a published label: trademark signs, extra spaces and a generated
    variant number (` #2`) gone, lower case."""
    if label is None:
        return None
    text = label.replace("™", "").replace("®", "").replace("\u00a0", " ")
    text = re.sub(r"\s*#\d+(?=\)|$)", "", text)
    text = re.sub(r"\s+", " ", text).strip().lower()
    return text or None


def _read(name: str) -> pl.DataFrame:
    return pl.read_csv(_ROOT / name, infer_schema=False)


@cache
def families() -> pl.DataFrame:
    """Every family and category of the catalogue (FAMILY_SCHEMA).

    `segment` is size class and body type (`중형 SUV`; the body type alone when
    there is no size class), `segment_en` the same in English (`Mid-size SUV`);
    `powertrains` the powertrains offered in 2021-2026 in POWERTRAINS order;
    `eco_friendly` true when any of them is electrified (HEV, PHEV, EV, FCEV).
    Categories have null body type, size class, segment and powertrains.
    """
    raw = _read("families.csv")
    _check_families(raw)
    order = {p: i for i, p in enumerate(POWERTRAINS)}
    powertrains = [
        sorted(v.split("|"), key=order.__getitem__) if v else None
        for v in raw.get_column("powertrains").to_list()
    ]
    return (
        raw.with_columns(
            (pl.col("kind") == "category").alias("is_category"),
            pl.Series("powertrains", powertrains, dtype=pl.List(pl.Utf8)),
            pl.col("body_type").replace_strict(BODY_TYPES, default=None).alias("body_type_en"),
            pl.col("size_class").replace_strict(SIZE_CLASSES, default=None).alias("size_class_en"),
        )
        .with_columns(
            pl.concat_str("size_class", "body_type", separator=" ", ignore_nulls=True)
            .replace("", None)
            .alias("segment"),
            pl.concat_str("size_class_en", "body_type_en", separator=" ", ignore_nulls=True)
            .replace("", None)
            .alias("segment_en"),
            pl.col("powertrains")
            .list.eval(pl.element() != "ICE")
            .list.any()
            .fill_null(False)
            .alias("eco_friendly"),
        )
        .select(list(FAMILY_SCHEMA))
        .cast(FAMILY_SCHEMA)  # type: ignore[arg-type]
        .sort("brand", "is_category", "family")
    )


@cache
def spellings() -> pl.DataFrame:
    """brand, spelling, key (spelling_key), family, powertrain, source: every known spelling."""
    raw = _read("spellings.csv")
    _check_spellings(raw)
    return raw.with_columns(
        pl.col("spelling")
        .map_batches(
            lambda s: pl.Series([spelling_key(v) for v in s.to_list()], dtype=pl.Utf8),
            return_dtype=pl.Utf8,
        )
        .alias("key")
    ).select("brand", "spelling", "key", "family", "powertrain", "source")


def _check_families(raw: pl.DataFrame) -> None:
    where = "warehouse/catalogue/families.csv"
    for line, row in enumerate(raw.to_dicts(), start=2):

        def bad(field: str, why: str, line: int = line) -> CatalogueError:
            return CatalogueError(f"{where} line {line}, {field}: {why}")

        if row["kind"] not in KINDS:
            raise bad("kind", f"{row['kind']!r} is not one of {KINDS}")
        if not row["source"]:
            raise bad("source", "every fact needs a source")
        if row["kind"] == "category":
            if row["body_type"] or row["size_class"] or row["powertrains"]:
                raise bad("kind", "a category has no body type, size class or powertrains")
            continue
        if row["body_type"] not in BODY_TYPES:
            raise bad("body_type", f"{row['body_type']!r} is not one of {list(BODY_TYPES)}")
        if row["size_class"] and row["size_class"] not in SIZE_CLASSES:
            raise bad("size_class", f"{row['size_class']!r} is not one of {list(SIZE_CLASSES)}")
        offered = (row["powertrains"] or "").split("|")
        if not set(offered) <= set(POWERTRAINS) or not row["powertrains"]:
            raise bad("powertrains", f"{row['powertrains']!r}: use {'|'.join(POWERTRAINS)}")
    duplicated = raw.filter(pl.col("family").str.to_lowercase().is_duplicated())
    if duplicated.height:
        raise CatalogueError(f"{where}: family listed twice: {duplicated.item(0, 'family')}")


def _check_spellings(raw: pl.DataFrame) -> None:
    where = "warehouse/catalogue/spellings.csv"
    known = set(_read("families.csv").get_column("family").to_list())
    for line, row in enumerate(raw.to_dicts(), start=2):
        if row["family"] not in known:
            raise CatalogueError(
                f"{where} line {line}, family: {row['family']!r} is not in families.csv"
            )
        if row["powertrain"] and row["powertrain"] not in POWERTRAINS:
            raise CatalogueError(
                f"{where} line {line}, powertrain: {row['powertrain']!r} is not one of "
                f"{POWERTRAINS}"
            )


@cache
def _lookup() -> tuple[dict[tuple[str, str], tuple[str, str | None]], dict[str, dict[str, object]]]:
    by_spelling = {
        (r["brand"], r["key"]): (r["family"], r["powertrain"] or None)
        for r in spellings().to_dicts()
    }
    by_family = {str(r["family"]).lower(): r for r in families().to_dicts()}
    return by_spelling, by_family


def stated_powertrain(label: str | None) -> str | None:
    """HEV, PHEV, EV or FCEV when the label says so as a word (`Avante (CN7 HEV)`, `SXe_EV`)."""
    tokens = set(re.split(r"[\s()/,_\-]+", (label or "").upper()))
    return next((p for p in ("PHEV", "HEV", "FCEV", "EV") if p in tokens), None)


def resolve_label(brand: str | None, label: str | None) -> dict[str, object]:
    """model, category, powertrain and in_catalogue of one published label (RESOLVED_SCHEMA).

    `model` is the family for a model and null for a category, `category` the
    other way round. A label outside the catalogue falls back to
    `canonical.model_family` (in_catalogue true only if that names a family).
    """
    from warehouse import canonical

    out: dict[str, object] = {
        "brand": brand, "label": label, "model": None, "category": None,
        "powertrain": None, "in_catalogue": False,
    }  # fmt: skip
    key = spelling_key(label)
    if key is None:
        return out
    by_spelling, by_family = _lookup()
    powertrain: str | None
    if (str(brand), key) in by_spelling:
        family, powertrain = by_spelling[(str(brand), key)]
        entry = by_family[family.lower()]
    else:
        guess = canonical.model_family(label)
        found = by_family.get(guess.lower()) if guess else None
        if found is None:  # not a catalogue family: kept under the guessed name
            out["model"] = guess
            out["powertrain"] = canonical.powertrain(label) if guess else None
            return out
        entry = found
        family = str(entry["family"])
        offered = list(entry["powertrains"] or [])  # type: ignore[call-overload]
        powertrain = stated_powertrain(label) or (offered[0] if len(offered) == 1 else None)
    out["in_catalogue"] = True
    if entry["is_category"]:
        out["category"] = family
    else:
        out["model"], out["powertrain"] = family, powertrain
    return out


def family_of(brand: str | None, label: str | None) -> str | None:
    """The model family a label names (None for categories and empty labels)."""
    return resolve_label(brand, label)["model"]  # type: ignore[return-value]


def resolve(labels: pl.DataFrame) -> pl.DataFrame:
    """RESOLVED_SCHEMA rows for the distinct (brand, label) pairs of `labels`."""
    pairs = labels.select("brand", "label").unique()
    # built column by column: a file of a million distinct labels never holds a million dicts
    columns: dict[str, list[object]] = {name: [] for name in RESOLVED_SCHEMA}
    for brand, label in pairs.iter_rows():
        for name, value in resolve_label(brand, label).items():
            columns[name].append(value)
    return pl.DataFrame(columns, schema=RESOLVED_SCHEMA)


def read_dim_model(warehouse: Warehouse) -> pl.DataFrame:
    """`dim_model` of the built warehouse: one row per brand and family or category seen.

    Columns as documented in warehouse/schema.yml (brand, model, family,
    is_category, marque, body_type(_en), size_class(_en), segment(_en),
    powertrains, eco_friendly, first_year, last_year, ...). Units: none.
    """
    from warehouse import sql

    return warehouse.frame(sql.load("marts/dim_model"))


__all__ = [
    "BODY_TYPES",
    "FAMILY_SCHEMA",
    "POWERTRAINS",
    "SIZE_CLASSES",
    "CatalogueError",
    "families",
    "family_of",
    "read_dim_model",
    "resolve",
    "resolve_label",
    "spellings",
    "stated_powertrain",
]


def with_model_columns(
    frame: pl.LazyFrame | pl.DataFrame, label_col: str = "model_label", brand_col: str = "brand"
) -> pl.LazyFrame:
    """Add `model`, `category`, `powertrain` and `in_catalogue` from the model catalogue.

    `model` is the canonical family (null for category rows such as LCV or
    Military), `category` the category (null for models); see this module's doc.
    """
    lazy = frame.lazy() if isinstance(frame, pl.DataFrame) else frame
    pairs = (
        lazy.select(pl.col(brand_col).alias("brand"), pl.col(label_col).alias("label"))
        .unique()
        .collect()
    )
    mapping = resolve(pairs).rename({"brand": brand_col, "label": label_col})
    # Row order is kept: the build picks the last-loaded row of a customer by position, and
    # a join's order is otherwise not guaranteed (it varied between runs under load).
    return lazy.join(
        mapping.lazy(),
        on=[brand_col, label_col],
        how="left",
        nulls_equal=True,
        maintain_order="left",
    )
