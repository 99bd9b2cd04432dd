"""`build` and `ingest`: the only code that writes the warehouse.

Both write a complete new DuckDB file next to the target and swap it in with
an atomic rename, so readers (the app, an analyst's `duckdb -readonly`) never
see a half-written warehouse and a failed load leaves the previous one intact.

Files are read one at a time, in chunks, and their rows inserted into the new
file as they are parsed (warehouse.facts, warehouse.customers), so memory does
not grow with the data. The loader keeps every parsed fact row in
`source_rows` (with the file it came from) and derives `fact_sales` from it:
rows that are mislabelled copies of another flow are excluded, and where two
files cover the same brand, flow, year and month only one file wins (raw IR
file over processed table, then the file that reports more months, then the
later file name). The losers are
recorded in `source_overlaps` and summarised in `data_quality`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import os
import re
import shutil
import sys
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from warehouse import (
    STORAGE_VERSION,
    STORAGE_VERSION_PATTERN,
    canonical,
    catalogue,
    claims,
    competitors,
    forecasts,
    meta,
    sql,
    trained,
)
from warehouse.claims import Flags
from warehouse.connection import open_read_only, query_frame
from warehouse.errors import FileRefused
from warehouse.facts import FactParser, ragged_rows
from warehouse.formats import (
    REJECT_SCHEMA,
    Detected,
    detect,
    header_key,
    latin_columns,
    resolve_brand,
    resolve_year,
)
from warehouse.region import with_regions
from warehouse.textio import RawTable, TableSource, open_table

DATA_SUFFIXES = {".csv", ".xlsx"}
STORAGE_VERSION_RE = re.compile(STORAGE_VERSION_PATTERN)
Progress = Callable[[str, int, int], None]

SOURCE_SCHEMA: dict[str, Any] = {
    "source_file": pl.Utf8, "format": pl.Utf8, "priority": pl.Int8, "line": pl.Int64,
    "brand": pl.Utf8, "model": pl.Utf8, "category": pl.Utf8, "model_label": pl.Utf8,
    "vehicle_type": pl.Utf8,
    "powertrain": pl.Utf8, "market": pl.Utf8, "market_label": pl.Utf8, "region": pl.Utf8,
    "plant": pl.Utf8, "flow": pl.Utf8, "sales_type": pl.Utf8, "year": pl.Int16,
    "month": pl.Int8, "units": pl.Int64,
}  # fmt: skip
LOG_SCHEMA: dict[str, Any] = {
    "source_file": pl.Utf8, "sha256": pl.Utf8, "format": pl.Utf8, "brand": pl.Utf8,
    "encoding": pl.Utf8, "status": pl.Utf8, "rows_read": pl.Int64, "rows_loaded": pl.Int64,
    "rows_rejected": pl.Int64, "fact_rows": pl.Int64, "loaded_at": pl.Datetime("us"),
    "seconds": pl.Float64, "year": pl.Int16, "relabel": pl.Utf8,
}  # fmt: skip
DQ_SCHEMA: dict[str, Any] = {
    "check_name": pl.Utf8,
    "severity": pl.Utf8,
    "source_file": pl.Utf8,
    "detail": pl.Utf8,
}
TOTALS_SCHEMA: dict[str, Any] = {
    "source_file": pl.Utf8, "brand": pl.Utf8, "flow": pl.Utf8, "year": pl.Int16,
    "month": pl.Int8, "group_key": pl.Utf8, "label": pl.Utf8, "units": pl.Int64,
}  # fmt: skip


@dataclass
class LoadState:
    """What the loader has read so far.

    Fact rows and customers go straight into the new warehouse file (`stage`,
    tables `source_rows` and `customers_loaded`) file by file; the small tables
    wait here until `write_warehouse` finishes that file.
    """

    stage: duckdb.DuckDBPyConnection | None = None
    load_log: list[dict[str, object]] = field(default_factory=list)
    rejected: list[pl.DataFrame] = field(default_factory=list)
    dq: list[dict[str, str | None]] = field(default_factory=list)
    totals: list[pl.DataFrame] = field(default_factory=list)
    customer_files: int = 0
    competitor: list[pl.DataFrame] = field(default_factory=list)
    market_context: list[pl.DataFrame] = field(default_factory=list)
    model_production: list[pl.DataFrame] = field(default_factory=list)
    # `carsight train` results of the previous warehouse, carried over by a rebuild
    trained: dict[str, pl.DataFrame] = field(default_factory=dict)
    # `carsight forecast` results of the previous warehouse, carried over unchanged
    forecasts: dict[str, pl.DataFrame] = field(default_factory=dict)
    # warehouse_meta of the previous warehouse: which data the carried results came from
    previous_meta: dict[str, str | None] = field(default_factory=dict)
    command: str = "build"

    def stage_connection(self) -> duckdb.DuckDBPyConnection:
        if self.stage is None:
            raise RuntimeError("load_file needs the new warehouse open: use build or ingest")
        return self.stage

    def known_hashes(self) -> dict[str, dict[str, object]]:
        """sha256 -> the load_log entry of the loaded file with those bytes."""
        return {str(e["sha256"]): e for e in self.load_log if e["status"] == "loaded"}

    def note(
        self, check: str, detail: str, source_file: str | None = None, severity: str = "info"
    ) -> None:
        self.dq.append(
            {
                "check_name": check,
                "severity": severity,
                "source_file": source_file,
                "detail": detail,
            }
        )


@dataclass
class LoadReport:
    db_path: Path
    files_loaded: int
    files_skipped: list[str]
    fact_rows: int
    rejected_rows: int
    data_quality: pl.DataFrame
    seconds: float


# --- discovery -------------------------------------------------------------------------


def discover(paths: Sequence[Path]) -> list[Path]:
    """Every data file under the given folders (recursively), in a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in DATA_SUFFIXES
            )
        elif path.is_file():
            found.append(path)
        else:
            raise FileRefused(
                path,
                "no such file or folder",
                hint="Check the path; folders are searched recursively.",
            )
    return found


# --- parsing one file --------------------------------------------------------------------


def _display_name(path: Path) -> str:
    """Path as recorded in the warehouse: relative to the working directory when possible."""
    with contextlib.suppress(ValueError):
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    return str(path.resolve())


@dataclass
class Claim:
    """What one file is taken to be: its brand and year, and any forced relabel."""

    brand: str | None
    year: int | None  # None when the rows carry their own year (or have none)
    relabel: list[str]
    warning: str | None = None


def claim_of(table: RawTable | TableSource, detected: Detected, flags: Flags) -> Claim:
    """Brand and year of a file from its header, content and name; flags fill gaps only."""
    from warehouse import customers

    relabel: list[str] = []
    if detected.fact is not None:
        brand = resolve_brand(detected.fact, table.path, flags, relabel)
        return Claim(brand, resolve_year(table.path, flags, detected.fact, relabel), relabel)
    if detected.name == "customers":
        brand, warning = customers.resolve_brand(table, flags, relabel)
        return Claim(brand, None, relabel, warning)
    if detected.name == "competitor_sales":
        return Claim(None, None, relabel)
    named = claims.brand_of_name(table.path)
    return Claim(claims.resolve_brand(table.path, named, "the file name", flags, relabel), None, [])


def load_file(
    state: LoadState,
    path: Path,
    *,
    brand: str | None = None,
    year: int | None = None,
    flags: Flags | None = None,
) -> str:
    """Parse one file into `state` (its rows into the warehouse being written).

    Returns its status: loaded or duplicate. A file with the bytes of an already
    loaded one is a duplicate only when it claims the same brand and year;
    claiming others, it is refused. The file is read chunk by chunk (see
    warehouse.facts and warehouse.customers), so memory does not grow with it.
    """
    flags = flags or Flags(brand=brand, year=year)
    started = time.perf_counter()
    source = open_table(path, encoding=flags.encoding)
    name = _display_name(path)
    detected = detect(source)
    # a guessed CP949 text is checked chunk by chunk as the rows are read (refused before
    # anything of the file is kept: a refusal stops the build or ingest)
    source.check_text(latin_columns(source, detected))
    known = state.known_hashes().get(source.sha256)
    if detected.name == "customers" and known is None:
        # one pass: the brand is decided on the purchased models counted while parsing
        read, rows, rejected, claim = _load_customers(state, source, detected, flags, name)
        return _loaded(state, name, source, detected, claim, read, rows, rejected, started)
    claim = claim_of(source, detected, flags)
    if known is not None:
        if source.plausibility is not None and detected.name != "customers":
            for _ in source.chunks():  # the check precedes the verdict, as for any file
                pass
        _same_claims(path, known, claim)
        state.load_log.append(_log_entry(name, source, "-", claim, "duplicate", 0, 0, 0, started))
        state.note(
            "duplicate_file",
            f"identical to already loaded {known['source_file']}; nothing added",
            name,
        )
        return "duplicate"
    _note_claim(state, claim, name)
    if detected.fact is not None:
        _load_facts(state, source, detected, flags, name, claim, started)
        return "loaded"
    assert detected.name != "customers"  # a customer file is a duplicate here
    table = source.read_all()
    read = len(table.rows) + len(table.ragged)
    rows, rejected = _load_other(state, table, detected.name, name, claim.brand)
    rejected = pl.concat([ragged_rows(table), rejected.cast(REJECT_SCHEMA)])  # type: ignore[arg-type]
    return _loaded(state, name, source, detected, claim, read, rows, rejected, started)


def _note_claim(state: LoadState, claim: Claim, name: str) -> None:
    for note in claim.relabel:
        state.note("relabelled", note, name, "warning")
    if claim.warning:
        state.note("other_brand_models", claim.warning, name, "warning")


def _loaded(
    state: LoadState,
    name: str,
    source: TableSource,
    detected: Detected,
    claim: Claim,
    read: int,
    rows: int,
    rejected: pl.DataFrame,
    started: float,
) -> str:
    """Record a loaded file that is not a fact file: its rejected rows and its log entry."""
    state.rejected.append(rejected.with_columns(pl.lit(name).alias("source_file")))
    n_rej = rejected.get_column("line").n_unique()
    state.load_log.append(
        _log_entry(name, source, detected.name, claim, "loaded", read, rows, n_rej, started)
    )
    return "loaded"


def _load_facts(
    state: LoadState,
    source: TableSource,
    detected: Detected,
    flags: Flags,
    name: str,
    claim: Claim,
    started: float,
) -> None:
    """Parse a fact file chunk by chunk and insert its rows into `source_rows`."""
    fmt = detected.fact
    assert fmt is not None
    parser = FactParser(source.path, source.header, detected, flags)
    for chunk in source.chunks():
        parser.add(chunk)
    parsed = parser.finish()
    del parser
    markets = _canonical_markets(parsed.markets)
    uncatalogued: list[pl.DataFrame] = []
    unknown: set[str] = set()
    # a slice of lines at a time: a large file's canonical lines and DuckDB's join of
    # them never exist whole (the 2 GB ceiling of issue 10)
    for part, cells in _line_slices(parsed.lines, parsed.cells):
        lines = _canonical_lines(part, parsed.brand, name, fmt.name, fmt.priority)
        _insert_facts(state.stage_connection(), lines, cells, markets)
        uncatalogued.append(
            lines.filter(~pl.col("in_catalogue"))
            .select("brand", pl.col("model_label").alias("label"), "model")
            .drop_nulls(["brand", "label"])
            .unique()
        )
        unknown |= set(
            lines.filter(pl.col("market").is_null() & pl.col("market_label").is_not_null())
            .get_column("market_label")
            .to_list()
        )
        del lines, cells
    _note_uncatalogued(state, pl.concat(uncatalogued), name)
    rejected = parsed.rejected.with_columns(pl.lit(name).alias("source_file"))
    state.rejected.append(rejected)
    for check, detail in parsed.notes:
        severity = "warning" if check in {"total_mismatch"} else "info"
        state.note(check, detail, name, severity)
    if parsed.totals.height:
        state.totals.append(
            parsed.totals.select(
                pl.lit(name).alias("source_file"),
                "brand",
                "flow",
                "year",
                "month",
                "group_key",
                pl.coalesce("model_label", "vehicle_type", "sales_type", "market_label").alias(
                    "label"
                ),
                "units",
            ).cast(TOTALS_SCHEMA)  # type: ignore[arg-type]
        )
    if parsed.cells.height:
        unknown |= set(markets.filter(pl.col("market").is_null()).get_column("market_label"))
    for label in sorted(unknown):
        state.note(
            "unknown_market",
            f"market label '{label}' is not in the canonical "
            "market list; rows kept with market = null",
            name,
            "warning",
        )
    n_rejected_lines = rejected.get_column("line").n_unique()
    state.load_log.append(
        _log_entry(
            name,
            source,
            detected.name,
            claim,
            "loaded",
            parsed.lines_read,
            parsed.lines_read - n_rejected_lines,
            n_rejected_lines,
            started,
            parsed.cells.height,
        )
    )
    if n_rejected_lines:
        state.note(
            "rejected_rows",
            f"{n_rejected_lines} row(s) quarantined in rejected_rows",
            name,
            "warning",
        )


LINES_PER_INSERT = 50_000  # lines of a file joined and inserted at a time


def _line_slices(
    lines: pl.DataFrame, cells: pl.DataFrame
) -> Iterator[tuple[pl.DataFrame, pl.DataFrame]]:
    """(lines, their cells) of at most LINES_PER_INSERT lines each, by line number; one
    slice when the file has no more lines than that."""
    size = LINES_PER_INSERT
    if lines.height <= size:
        yield lines, cells
        return
    numbers = lines.get_column("line").sort()
    for start in range(0, numbers.len(), size):
        first, last = numbers[start], numbers[min(start + size, numbers.len()) - 1]
        in_slice = pl.col("line").is_between(first, last)
        yield lines.filter(in_slice), cells.filter(in_slice)


def _insert_facts(
    con: duckdb.DuckDBPyConnection,
    lines: pl.DataFrame,
    cells: pl.DataFrame,
    markets: pl.DataFrame,
) -> None:
    """source_rows += every cell joined to its line (and market column), in DuckDB."""
    if cells.height == 0:
        return
    con.register("stage_lines", lines.to_arrow())
    con.register("stage_cells", cells.to_arrow())
    con.register("stage_markets", markets.to_arrow())
    try:
        con.execute(sql.load("build/source_rows_insert"))
    finally:
        for view in ("stage_lines", "stage_cells", "stage_markets"):
            con.unregister(view)


def _load_customers(
    state: LoadState, source: TableSource, detected: Detected, flags: Flags, name: str
) -> tuple[int, int, pl.DataFrame, Claim]:
    """Stream a customer file into `customers_loaded`; returns (rows read, kept, rejected,
    its claim).

    Valid rows are staged in DuckDB as they are parsed, with their purchased models
    counted: the file's brand (`customers.brand_of_labels`) is decided after the one
    pass, and the brand's model columns are added as the rows are copied into
    `customers_loaded`. The whole-file checks (repeated customers, shared ids) decide
    which staged rows are kept.
    """
    from warehouse import customers

    try:
        parser = customers.CustomerParser(source.path, source.header, brand=None)
    except FileRefused:
        claim_of(source, detected, flags)  # a refusal of its brand comes first, as it did
        raise
    con = state.stage_connection()
    labels: list[pl.Series] = []
    read = 0
    staged = False
    ragged = []
    for chunk in source.chunks():
        read += len(chunk.rows) + len(chunk.ragged)
        ragged.append(ragged_rows(chunk))
        rows = with_regions(parser.add(chunk))  # region and district from the address
        labels.append(rows.get_column("model_label").unique())
        con.register("customer_chunk", rows.to_arrow())
        if not staged:
            con.execute("create or replace table customers_file as select * from customer_chunk")
            staged = True
        else:
            con.execute("insert into customers_file select * from customer_chunk")
        con.unregister("customer_chunk")
    relabel: list[str] = []
    brand, warning = customers.brand_of_labels(
        source.path, source.header, parser.labels, flags, relabel
    )
    claim = Claim(brand, None, relabel, warning)
    _note_claim(state, claim, name)

    def raw_of(lines: pl.Series) -> pl.DataFrame:
        con.register("wanted_lines", lines.to_frame("line").to_arrow())
        try:
            return query_frame(
                con, "select line, raw from customers_file semi join wanted_lines using (line)"
            )
        finally:
            con.unregister("wanted_lines")

    ids, rejected = parser.finish(raw_of, brand)
    model_labels = (
        pl.concat(labels).unique().to_frame().with_columns(pl.lit(brand).alias("brand"))
        if labels
        else pl.DataFrame(schema={"model_label": pl.Utf8, "brand": pl.Utf8})
    )
    models = catalogue.with_model_columns(model_labels, "model_label").collect()
    _note_uncatalogued(state, _uncatalogued(models), name)
    state.customer_files += 1
    con.register("customer_ids", ids.to_arrow())
    con.register(
        "customer_models", models.select(*customers.BRAND_COLUMNS, "model_label").to_arrow()
    )
    con.execute(sql.load("build/customers_insert"), [name, state.customer_files * _LOAD_ORDER_FILE])
    con.unregister("customer_ids")
    con.unregister("customer_models")
    if staged:
        con.execute("drop table customers_file")
    rejected = pl.concat([*ragged, rejected.cast(REJECT_SCHEMA)]).sort("line", maintain_order=True)  # type: ignore[arg-type]
    return read, ids.height, rejected, claim


# customers_loaded.load_order = file number * this + file line: later files update earlier ones
_LOAD_ORDER_FILE = 1 << 32


def _same_claims(path: Path, known: Mapping[str, object], claim: Claim) -> None:
    """Identical bytes are the same file only under the same brand and year."""
    # a warehouse built before load_log had a year column compares the brand only
    before = (known.get("brand"), known.get("year", claim.year))
    if before == (claim.brand, claim.year):
        return

    def label(brand: object, year: object) -> str:
        return " ".join(str(v) for v in (brand, year) if v is not None) or "no brand or year"

    raise FileRefused(
        path,
        f"the same bytes as {known['source_file']}, which was loaded as "
        f"{label(*before)}, but this file claims {label(claim.brand, claim.year)}",
        line=1,
        hint="One of the two is misnamed: keep the copy whose name tells the right year "
        "and brand, and delete the other",
    )


def _log_entry(
    name: str,
    table: RawTable | TableSource,
    fmt: str,
    claim: Claim,
    status: str,
    read: int,
    loaded: int,
    rejected: int,
    started: float,
    fact_rows: int = 0,
) -> dict[str, object]:
    return {
        "source_file": name,
        "sha256": table.sha256,
        "format": fmt,
        "brand": claim.brand,
        "encoding": table.encoding,
        "status": status,
        "rows_read": read,
        "rows_loaded": loaded,
        "rows_rejected": rejected,
        "fact_rows": fact_rows,
        "loaded_at": dt.datetime.now().replace(microsecond=0),
        "seconds": round(time.perf_counter() - started, 3),
        "year": claim.year,
        "relabel": "; ".join(claim.relabel) or None,
    }


def _canonical_lines(
    parsed_lines: pl.DataFrame, brand: str, name: str, fmt: str, priority: int
) -> pl.DataFrame:
    """Parsed lines (ParsedFacts.lines) with the columns of SOURCE_SCHEMA but month and
    units (one per line), and `in_catalogue` (the model label is in the model catalogue)."""
    frame = parsed_lines.with_columns(
        pl.col("model_label").str.strip_chars(), pl.lit(brand).alias("brand")
    )
    frame = catalogue.with_model_columns(frame.lazy(), "model_label").collect()
    market_labels = frame.get_column("market_label").unique().to_list()
    plants = frame.get_column("plant_label").unique().to_list()
    market_map = {m: canonical.market_of(m) for m in market_labels if m is not None}
    plant_map = {p: canonical.plant_code(p) for p in plants if p is not None}
    plant_market = {p: canonical.plant_market(c) for p, c in plant_map.items()}
    market = pl.col("market_label").replace_strict(market_map, default=None, return_dtype=pl.Utf8)
    if fmt.endswith("plant_sales"):
        market = pl.col("plant_label").replace_strict(
            plant_market, default=None, return_dtype=pl.Utf8
        )
    market = pl.when(pl.col("flow") == "domestic_sales").then(pl.lit("Korea")).otherwise(market)
    frame = frame.with_columns(
        market.alias("market"),
        pl.col("plant_label")
        .replace_strict(plant_map, default=None, return_dtype=pl.Utf8)
        .alias("plant"),
        pl.when(pl.col("flow") == "domestic_sales")
        .then(pl.lit("Korea"))
        .otherwise(pl.col("market_label"))
        .alias("market_label"),
    )
    frame = frame.with_columns(
        _region(pl.col("market")).alias("region"),
        pl.lit(name).alias("source_file"),
        pl.lit(fmt).alias("format"),
        pl.lit(priority).alias("priority"),
    )
    columns = [c for c in SOURCE_SCHEMA if c not in {"month", "units"}]
    return frame.select(*columns, "in_catalogue").cast({c: SOURCE_SCHEMA[c] for c in columns})


def _canonical_markets(markets: pl.DataFrame) -> pl.DataFrame:
    """market_col -> market_label, market, region: the market columns of a market-wide file."""
    labels = {m: canonical.market_of(m) for m in markets.get_column("market_label").to_list()}
    market = pl.col("market_label").replace_strict(labels, default=None, return_dtype=pl.Utf8)
    return markets.with_columns(market.alias("market")).with_columns(
        _region(pl.col("market")).alias("region")
    )


def _region(market: pl.Expr) -> pl.Expr:
    regions = {m: canonical.region_of(m) for m in canonical.MARKETS}
    return market.replace_strict(regions, default=None, return_dtype=pl.Utf8)


def _uncatalogued(frame: pl.DataFrame) -> pl.DataFrame:
    """brand, label, model of the model labels (`brand`, `model_label` of `frame`) the
    model catalogue does not know (warehouse/catalogue)."""
    labels = frame.select("brand", pl.col("model_label").alias("label")).unique().drop_nulls()
    unknown = catalogue.resolve(labels).filter(~pl.col("in_catalogue"))
    return unknown.select("brand", "label", "model")


MAX_UNCATALOGUED_NOTES = 20  # per file; the rest are counted in one more note


def _note_uncatalogued(state: LoadState, unknown: pl.DataFrame, name: str) -> None:
    """Warn about model labels the model catalogue does not know (`unknown`: brand, label,
    model), one note per label up to MAX_UNCATALOGUED_NOTES, then one note counting the rest."""
    unknown = unknown.unique().sort("brand", "label")
    for brand, label, model in unknown.head(MAX_UNCATALOGUED_NOTES).iter_rows():
        state.note(
            "model_not_in_catalogue",
            f"{brand} model label '{label}' is not in the model catalogue; counted as model "
            f"'{model}' without body type or size class; add the spelling to "
            "warehouse/catalogue/spellings.csv",
            name,
            "warning",
        )
    if unknown.height > MAX_UNCATALOGUED_NOTES:
        state.note(
            "model_not_in_catalogue",
            f"and {unknown.height - MAX_UNCATALOGUED_NOTES:,} more model labels not in the "
            "model catalogue, each counted as the model its name gives without body type or "
            "size class; add their spellings to warehouse/catalogue/spellings.csv",
            name,
            "warning",
        )


def _frame_of(table: RawTable) -> pl.DataFrame:
    cols = {
        header_key(h) or f"c{i}": [r[i] for r in table.rows] for i, h in enumerate(table.header)
    }
    return pl.DataFrame(cols, schema={k: pl.Utf8 for k in cols}).with_columns(
        pl.Series("line", table.lines, dtype=pl.Int64)
    )


def _load_other(
    state: LoadState, table: RawTable, fmt: str, name: str, brand: str | None
) -> tuple[int, pl.DataFrame]:
    """Small non-fact formats: competitor sales, market context, model production."""
    empty_rej = pl.DataFrame(schema=REJECT_SCHEMA)
    frame = _frame_of(table)
    if fmt == "competitor_sales":
        out = frame.select(
            pl.col("연도").cast(pl.Int16, strict=False).alias("year"),
            pl.col("국가명").str.strip_chars().alias("market_label"),
            pl.col("모델명").str.strip_chars().alias("model_name"),
            pl.col("판매량")
            .str.replace_all(",", "")
            .str.strip_chars()
            .cast(pl.Int64, strict=False)
            .alias("units"),
            pl.col("차량구분").str.strip_chars().alias("segment"),
            pl.col("브랜드").str.strip_chars().alias("brand"),
            pl.col("파워트레인").str.strip_chars().alias("powertrain"),
            "line",
        )
        bad = out.filter(
            pl.col("year").is_null() | pl.col("units").is_null() | (pl.col("units") < 0)
        )
        rejected = bad.select(
            "line",
            pl.lit("판매량").alias("column"),
            pl.lit("year or units not a valid number").alias("reason"),
            pl.lit(None, dtype=pl.Utf8).alias("raw"),
        )
        out = out.join(bad.select("line"), on="line", how="anti")
        markets = {m: canonical.market_of(m) for m in out.get_column("market_label").unique()}
        out = out.with_columns(
            pl.col("market_label")
            .replace_strict(markets, default=None, return_dtype=pl.Utf8)
            .alias("market"),
            pl.lit(name).alias("source_file"),
        )
        state.competitor.append(out.drop("line"))
        return out.height, rejected.cast(REJECT_SCHEMA)  # type: ignore[arg-type]
    if fmt == "market_context":
        ctx = frame.select(
            pl.col("국가명").str.strip_chars().alias("market_label"),
            pl.col("기후대").str.strip_chars().alias("climate_zone"),
            pl.col("gdp").cast(pl.Float64, strict=False).alias("gdp_trillion_usd"),
        ).unique(maintain_order=True)
        markets = {m: canonical.market_of(m) for m in ctx.get_column("market_label").unique()}
        ctx = ctx.with_columns(
            pl.col("market_label")
            .replace_strict(markets, default=None, return_dtype=pl.Utf8)
            .alias("market"),
            pl.lit(brand).alias("brand"),
            pl.lit(name).alias("source_file"),
        )
        gdp_counts = ctx.get_column("gdp_trillion_usd").value_counts(sort=True)
        placeholder = gdp_counts.height > 0 and gdp_counts.item(0, "count") > ctx.height / 2
        if placeholder:
            state.note(
                "gdp_placeholder",
                "GDP column repeats one value for most markets "
                f"({gdp_counts.item(0, 'gdp_trillion_usd')}); treated as a placeholder "
                "and not used",
                name,
                "warning",
            )
            ctx = ctx.with_columns(pl.lit(None, dtype=pl.Float64).alias("gdp_trillion_usd"))
        state.note(
            "market_context_only",
            "monthly per-model figures in this augmented table "
            "are not sales; only climate zone and GDP are used",
            name,
        )
        state.market_context.append(ctx)
        return ctx.height, empty_rej
    if fmt == "model_production":
        out = frame.select(
            pl.col("차량모델").str.strip_chars().alias("model_label"),
            pl.col("총생산량")
            .cast(pl.Float64, strict=False)
            .cast(pl.Int64)
            .alias("total_production"),
            pl.col("총판매량").cast(pl.Float64, strict=False).cast(pl.Int64).alias("total_sales"),
        )
        out = (
            catalogue.with_model_columns(
                out.with_columns(pl.lit(brand).alias("brand")), "model_label"
            )
            .collect()
            .drop("in_catalogue")
            .with_columns(pl.lit(name).alias("source_file"))
        )
        state.model_production.append(out)
        return out.height, empty_rej
    raise FileRefused(table.path, f"format {fmt} has no loader")  # pragma: no cover


# --- the warehouse file ------------------------------------------------------------------


@contextlib.contextmanager
def writer_lock(db_path: Path) -> Iterator[None]:
    """One writer at a time; readers never take this lock."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    lock_path = db_path.with_name(db_path.name + ".lock")
    with open(lock_path, "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise FileRefused(
                db_path,
                "another build or ingest is writing this warehouse",
                hint="Wait for it to finish, then run the command again.",
            ) from exc
        try:
            remove_leftovers(db_path)
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, owned by another user
        return True
    return True


def remove_leftovers(db_path: Path, *, say: Callable[[str], None] | None = None) -> list[Path]:
    """Delete temporary and WAL files of writers that are no longer running, and say so.

    A writer killed hard (kill -9, power loss) leaves `.<name>.tmp-<pid>`, its
    `.wal` and its `.spill` folder beside the warehouse; the warehouse itself is
    intact (the swap is an atomic rename). Called by every writer while it holds
    `writer_lock`, so no other writer can be using them; the pid check also
    spares a live process's files. Returns the removed paths.
    """
    pattern = re.compile(rf"^\.{re.escape(db_path.name)}\.tmp-(\d+)(\.wal|\.spill)?$")
    removed: list[Path] = []
    for path in sorted(db_path.parent.iterdir()):
        match = pattern.match(path.name)
        if match is None or _alive(int(match.group(1))):
            continue
        if path.is_dir():  # DuckDB's spill folder
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
        removed.append(path)
    if removed:
        message = (
            f"removed {len(removed)} leftover file(s) of writers that are no longer running: "
            + ", ".join(p.name for p in removed)
        )
        (say or _say)(message)
    return removed


def _say(message: str) -> None:
    print(f"note: {message}", file=sys.stderr)


def _concat(frames: list[pl.DataFrame], schema: Mapping[str, Any] | None = None) -> pl.DataFrame:
    if not frames:
        return pl.DataFrame(schema=schema) if schema else pl.DataFrame()
    return pl.concat(frames, how="diagonal_relaxed")


def connect_new(path: Path, storage_version: str = STORAGE_VERSION) -> duckdb.DuckDBPyConnection:
    """A connection that creates the warehouse file `path` in DuckDB storage format
    `storage_version` (DuckDB's STORAGE_VERSION option of ATTACH): the format decides
    which DuckDB clients can open the file, not the library version writing it."""
    if not STORAGE_VERSION_RE.fullmatch(storage_version):
        raise ValueError(
            f"storage version {storage_version!r} is not like v1.0.0 (or 'latest'); "
            "set storage_version in carsight.toml or CARSIGHT_STORAGE_VERSION"
        )
    con = duckdb.connect()
    # the option takes a literal; the value matched the pattern above
    con.execute(f"attach ? as wh (storage_version '{storage_version}')", [str(path)])
    con.execute("use wh")
    return con


# DuckDB's share of the 2 GB a build may use; beyond it DuckDB spills to disk. While files
# are read, the parsed file (Polars) needs the rest, so DuckDB gets less until the tables
# are written (benchmarks/build_bench.py measures the ceiling).
LOAD_MEMORY_LIMIT = "512MB"
BUILD_MEMORY_LIMIT = "1GB"


@contextlib.contextmanager
def new_warehouse(
    db_path: Path, storage_version: str = STORAGE_VERSION
) -> Iterator[tuple[duckdb.DuckDBPyConnection, Path]]:
    """A new warehouse file beside `db_path` (a temp name, in `storage_version`, see
    `connect_new`) with the load tables created.

    Yields (connection, temp path); the caller swaps the file in after closing.
    On any error the temp file, its WAL and its spill folder are removed.
    """
    tmp = db_path.with_name(f".{db_path.name}.tmp-{os.getpid()}")
    spill = tmp.with_name(tmp.name + ".spill")
    _remove_temp(tmp)
    con = connect_new(tmp, storage_version)
    try:
        con.execute(f"set memory_limit = '{LOAD_MEMORY_LIMIT}'")
        con.execute("set temp_directory = ?", [str(spill)])
        con.execute("set enable_progress_bar = false")
        for table_name in ("source_rows", "customers", "customers_loaded"):
            con.execute(sql.load(f"build/{table_name}"))
        yield con, tmp
    except BaseException:
        con.close()
        _remove_temp(tmp)
        raise
    finally:
        shutil.rmtree(spill, ignore_errors=True)


def _remove_temp(tmp: Path) -> None:
    for leftover in (tmp, tmp.with_name(tmp.name + ".wal")):
        leftover.unlink(missing_ok=True)
    shutil.rmtree(tmp.with_name(tmp.name + ".spill"), ignore_errors=True)


def write_warehouse(
    state: LoadState,
    con: duckdb.DuckDBPyConnection,
    tmp: Path,
    db_path: Path,
    *,
    ops_db: Path | None = None,
    progress: Progress | None = None,
) -> Path:
    """Finish the new warehouse `tmp` (open as `con`) from `state` and swap it in atomically."""
    steps = ["tables", "resolve overlaps", "fact_sales", "views", "swap"]
    _step(progress, steps, 0)
    con.execute(f"set memory_limit = '{BUILD_MEMORY_LIMIT}'")
    _write_tables(con, state, ops_db)
    _carry_trained(con, state)
    forecasts.carry_over(con, state.forecasts)
    _step(progress, steps, 1)
    con.execute(sql.load("build/resolve_overlaps"))
    _step(progress, steps, 2)
    con.execute(sql.load("build/fact_sales"))
    _write_dimensions(con)
    con.register("catalogue_frame", catalogue.families().to_arrow())
    con.execute(sql.load("build/dim_model"))
    con.unregister("catalogue_frame")
    con.execute(sql.load("build/data_quality"))
    meta.stamp(
        con,
        fingerprint=meta.fingerprint(state.load_log),
        command=state.command,
        previous=state.previous_meta,
    )
    _step(progress, steps, 3)
    for view in sql.view_names():
        con.execute(sql.load(view))
    con.execute("checkpoint")
    con.close()
    _step(progress, steps, 4)
    os.replace(tmp, db_path)
    return db_path


def _carry_trained(con: duckdb.DuckDBPyConnection, state: LoadState) -> None:
    """Trained tables always exist; rows of customers still present are carried over."""
    for table_name, (kept, dropped) in trained.carry_over(con, state.trained).items():
        if dropped:
            con.execute(
                "insert into data_quality_load values (?, ?, ?, ?)",
                [
                    "trained_rows_dropped",
                    "warning",
                    None,
                    f"{table_name}: {dropped} of {kept + dropped} row(s) dropped because their "
                    "customers are no longer in the warehouse; run `carsight train` to refresh",
                ],
            )


def write_trained(
    db_path: Path, tables: dict[str, pl.DataFrame], *, data_version: str | None = None
) -> dict[str, int]:
    """Replace trained tables (customer_segments, customer_clusters) in the warehouse.

    Only rows whose customer_id is in `customers` are written; see
    `_rewrite_copy` for how. `data_version` is the version training read: when
    the warehouse holds another by now, nothing is written (meta.DataChanged).
    Returns rows written per table.
    """
    _known_tables(tables, trained.TRAINED_TABLES, "trained")
    return _rewrite_copy(
        db_path,
        "train",
        lambda con: trained.replace_tables(con, tables),
        data_version=data_version,
    )


def write_forecasts(
    db_path: Path, tables: dict[str, pl.DataFrame], *, data_version: str | None = None
) -> dict[str, int]:
    """Replace every forecast table (warehouse.forecasts) by `tables`; see `_rewrite_copy`.

    The previous run's rows are dropped. `data_version` as in `write_trained`.
    Returns rows written per table.
    """
    _known_tables(tables, forecasts.FORECAST_TABLES, "forecast")
    return _rewrite_copy(
        db_path,
        "forecast",
        lambda con: forecasts.replace_tables(con, tables),
        data_version=data_version,
    )


def _known_tables(tables: Mapping[str, object], allowed: tuple[str, ...], kind: str) -> None:
    for table_name in tables:
        if table_name not in allowed:
            raise ValueError(f"{table_name!r} is not a {kind} table; valid: {', '.join(allowed)}")


def _rewrite_copy(
    db_path: Path,
    command: str,
    apply: Callable[[duckdb.DuckDBPyConnection], dict[str, int]],
    *,
    data_version: str | None = None,
) -> dict[str, int]:
    """Run `apply` on a copy of the warehouse and swap the copy in atomically.

    Under `writer_lock`, the current file is copied to a temp file beside it,
    `apply` changes the copy, which is checkpointed and renamed over the
    warehouse, so an open read-only session keeps working and a failure
    changes nothing. `command` (train | forecast) names the writer; the copy's
    data version must be `data_version` (when given), and is recorded as the
    one the results came from.
    """
    what = {"train": "trained results", "forecast": "forecasts"}[command]
    if not db_path.is_file():
        raise FileRefused(
            db_path, f"no warehouse to write {what} into", hint="Run `carsight build` first."
        )
    tmp = db_path.with_name(f".{db_path.name}.tmp-{os.getpid()}")
    wal = db_path.with_name(db_path.name + ".wal")
    with writer_lock(db_path):
        for leftover in (tmp, tmp.with_name(tmp.name + ".wal")):
            leftover.unlink(missing_ok=True)
        try:
            shutil.copyfile(db_path, tmp)
            if wal.is_file():
                shutil.copyfile(wal, tmp.with_name(tmp.name + ".wal"))
            con = duckdb.connect(str(tmp))
            try:
                meta.check_unchanged(con, db_path, data_version, command)
                counts = apply(con)
                kind = "trained" if command == "train" else "forecast"
                meta.mark_derived(con, kind, data_version or meta.version_of(con))
                con.execute("checkpoint")
            finally:
                con.close()
            os.replace(tmp, db_path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            tmp.with_name(tmp.name + ".wal").unlink(missing_ok=True)
            raise
    return counts


def _step(progress: Progress | None, steps: list[str], i: int) -> None:
    if progress:
        progress(f"writing warehouse: {steps[i]}", i, len(steps))


def _write_tables(con: duckdb.DuckDBPyConnection, state: LoadState, ops_db: Path | None) -> None:
    tables: dict[str, pl.DataFrame] = {
        "load_log": pl.DataFrame(state.load_log, schema=dict(LOG_SCHEMA)),
        "rejected_rows": _concat(state.rejected, {**REJECT_SCHEMA, "source_file": pl.Utf8})
        .select("source_file", "line", "column", "reason", "raw")
        .sort("source_file", "line", maintain_order=True),
        "reported_totals": _concat(state.totals, TOTALS_SCHEMA),
        "competitor_sales": _checked_competitors(state),
        "market_context_raw": _concat(state.market_context),
        "model_production": _concat(state.model_production),
        "email_log": _operational_table(ops_db, "email_log"),
        "app_users": _operational_table(ops_db, "users"),
    }
    prospects = _operational_prospects(ops_db, state)
    tables["prospects"] = prospects
    tables["customer_predictions"] = _prospect_predictions(prospects)
    _write_customers(con, state)
    dq = pl.DataFrame(state.dq, schema=DQ_SCHEMA)
    tables["data_quality_load"] = dq
    for table_name, frame in tables.items():
        con.execute(sql.load(f"build/{table_name}"))
        if frame.height == 0:
            continue
        columns = query_frame(con, f"describe {table_name}").get_column("column_name").to_list()
        con.register("frame", frame.select([c for c in columns if c in frame.columns]).to_arrow())
        con.execute(f"insert into {table_name} by name select * from frame")  # names: allow-list
        con.unregister("frame")


def _write_customers(con: duckdb.DuckDBPyConnection, state: LoadState) -> None:
    """customers: the row loaded last (file order, ingests after the build) of each id."""
    loaded, distinct = con.execute(
        "select count(*), count(distinct customer_id) from customers_loaded"
    ).fetchone() or (0, 0)
    if loaded > distinct:
        state.note(
            "duplicate_customers",
            f"{loaded - distinct} customer ids "
            "appeared in more than one file; the last loaded updates the earlier",
        )
    con.execute(sql.load("build/customers_latest"))
    con.execute("drop table customers_loaded")


def _recatalogue(con: duckdb.DuckDBPyConnection, table_name: str) -> None:
    """Model columns of `table_name` from the current model catalogue (rows carried over).

    A catalogue change applies to every row at the next build or ingest.
    """
    pairs = query_frame(
        con,
        f"select distinct brand, model_label as label from {table_name}",  # allow-list
    )
    if pairs.is_empty():
        return
    resolved = catalogue.resolve(pairs)
    columns = [c for c in ("model", "category", "powertrain") if c in resolved.columns]
    present = set(query_frame(con, f"describe {table_name}").get_column("column_name"))
    columns = [c for c in columns if c in present]
    con.register("resolved_labels", resolved.select("brand", "label", *columns).to_arrow())
    assignments = ", ".join(f"{c} = r.{c}" for c in columns)
    con.execute(
        f"update {table_name} as t set {assignments} from resolved_labels as r "  # allow-list
        "where t.brand is not distinct from r.brand and t.model_label is not distinct from r.label"
    )
    con.unregister("resolved_labels")


def _catalogued(frame: pl.DataFrame) -> pl.DataFrame:
    """`frame` with model, category and powertrain from the current model catalogue.

    Rows carried over from an existing warehouse (ingest) get the catalogue's
    current answer too, so a catalogue change applies at the next build or ingest.
    """
    if frame.is_empty() or "model_label" not in frame.columns:
        return frame
    derived = [c for c in ("model", "category", "powertrain") if c in frame.columns]
    resolved = catalogue.with_model_columns(frame.drop(derived), "model_label").collect()
    return resolved.select(frame.columns)


def _checked_competitors(state: LoadState) -> pl.DataFrame:
    """The competitor rows with repeated market blocks and partial years flagged
    (warehouse.competitors); their notes replace any from an earlier load."""
    frame, notes = competitors.check_blocks(_concat(state.competitor))
    state.dq = [e for e in state.dq if e["check_name"] not in competitors.CHECKS]
    files = sorted(set(frame.get_column("source_file").to_list())) if frame.height else []
    for check, severity, detail in notes:
        state.note(check, detail, ", ".join(files) or None, severity)
    return frame


def _operational_prospects(ops_db: Path | None, state: LoadState) -> pl.DataFrame:
    """Prospects registered in the app (operational store): never purchases, so they go
    to `prospects`, not `customers`."""
    from warehouse import opstore

    if ops_db is None:
        return pl.DataFrame(schema=opstore.PROSPECT_SCHEMA)
    prospects = opstore.read_prospects(ops_db)
    if prospects.height:
        state.note(
            "operational_prospects",
            f"{prospects.height} prospect(s) registered in the app merged from {ops_db} into "
            "prospects; they are not purchases",
        )
    return _catalogued(prospects).with_columns(pl.lit(str(ops_db)).alias("source_file"))


def _prospect_predictions(prospects: pl.DataFrame) -> pl.DataFrame:
    """customer_predictions rows: the counter predictions of the prospects."""
    return prospects.filter(
        pl.col("predicted_segment").is_not_null()
        | pl.col("predicted_cluster").is_not_null()
        | pl.col("predicted_tier").is_not_null()
    ).select(
        pl.col("prospect_id").alias("customer_id"),
        "brand",
        "predicted_segment",
        "segment_probability",
        "predicted_cluster",
        "cluster_probability",
        "predicted_tier",
        "tier_probability",
        "model_version",
        "predicted_at",
    )


def _operational_table(ops_db: Path | None, table: str) -> pl.DataFrame:
    from warehouse import opstore

    if ops_db is None:
        return pl.DataFrame()
    names, rows = opstore.read_table(ops_db, table)
    if not rows:
        return pl.DataFrame()
    return pl.DataFrame(rows, schema=names, orient="row")


def _write_dimensions(con: duckdb.DuckDBPyConnection) -> None:
    markets = pl.DataFrame(
        {
            "market": list(canonical.MARKETS),
            "market_ko": [v[0] for v in canonical.MARKETS.values()],
            "region": [v[1] for v in canonical.MARKETS.values()],
            "is_customer_market": [m in canonical.CUSTOMER_MARKETS for m in canonical.MARKETS],
        }
    )
    con.register("markets_frame", markets.to_arrow())
    plants = pl.DataFrame(
        {
            "plant": list(canonical.PLANTS),
            "brand": [v[0] for v in canonical.PLANTS.values()],
            "plant_name": [v[1] for v in canonical.PLANTS.values()],
            "market": [v[2] for v in canonical.PLANTS.values()],
        },
        schema={"plant": pl.Utf8, "brand": pl.Utf8, "plant_name": pl.Utf8, "market": pl.Utf8},
    )
    con.register("plants_frame", plants.to_arrow())
    con.execute(sql.load("build/dimensions"))
    con.unregister("markets_frame")
    con.unregister("plants_frame")


# --- public commands -----------------------------------------------------------------------


def build(
    paths: Sequence[Path],
    db_path: Path,
    *,
    ops_db: Path | None = None,
    brand: str | None = None,
    year: int | None = None,
    flags: Flags | None = None,
    progress: Progress | None = None,
    storage_version: str = STORAGE_VERSION,
) -> LoadReport:
    """Rebuild the warehouse from every data file under `paths`.

    `flags` (or `brand`/`year`) fill in what files do not tell; see warehouse.claims.
    `storage_version`: the DuckDB storage format of the file (see `connect_new`).
    """
    flags = flags or Flags(brand=brand, year=year)
    started = time.perf_counter()
    files = discover(paths)
    if not files:
        raise FileRefused(
            paths[0] if paths else Path("."),
            "no .csv or .xlsx files found",
            hint="Point build at the folder that holds the IR downloads.",
        )
    state = LoadState()
    with writer_lock(db_path):
        state.previous_meta = meta.read_meta(db_path)
        state.trained = trained.read_trained(db_path)
        state.forecasts = forecasts.read_forecasts(db_path)
        with new_warehouse(db_path, storage_version) as (con, tmp):
            state.stage = con
            skipped = _load_all(state, files, flags=flags, progress=progress)
            write_warehouse(state, con, tmp, db_path, ops_db=ops_db, progress=progress)
    return _report(db_path, state, skipped, started)


def ingest(
    files: Sequence[Path],
    db_path: Path,
    *,
    ops_db: Path | None = None,
    brand: str | None = None,
    year: int | None = None,
    flags: Flags | None = None,
    progress: Progress | None = None,
    storage_version: str = STORAGE_VERSION,
) -> LoadReport:
    """Add files to an existing warehouse (a new file, in `storage_version`, is written
    and swapped in)."""
    flags = flags or Flags(brand=brand, year=year)
    started = time.perf_counter()
    if not db_path.is_file():
        raise FileRefused(
            db_path, "no warehouse to ingest into", hint="Run `carsight build` first."
        )
    paths = discover(files)
    with writer_lock(db_path), new_warehouse(db_path, storage_version) as (con, tmp):
        state = read_state(db_path, con, ops_db)
        state.command = "ingest"
        state.previous_meta = meta.read_meta(db_path)
        state.trained = trained.read_trained(db_path)
        state.forecasts = forecasts.read_forecasts(db_path)
        skipped = _load_all(state, paths, flags=flags, progress=progress)
        write_warehouse(state, con, tmp, db_path, ops_db=ops_db, progress=progress)
    return _report(db_path, state, skipped, started)


def _load_all(
    state: LoadState,
    files: list[Path],
    *,
    flags: Flags,
    progress: Progress | None,
) -> list[str]:
    skipped: list[str] = []
    for i, path in enumerate(files):
        if progress:
            progress(f"reading {path.name}", i, len(files))
        status = load_file(state, path, flags=flags)
        if status != "loaded":
            skipped.append(f"{path}: {status}")
    if progress:
        progress("files read", len(files), len(files))
    return skipped


def read_state(
    db_path: Path, con: duckdb.DuckDBPyConnection, ops_db: Path | None = None
) -> LoadState:
    """What an existing warehouse was built from, so ingest can add to it.

    Fact rows and customers are copied inside DuckDB into the new warehouse
    open as `con` (never through Python memory); the small tables are read.
    """
    state = LoadState(stage=con)
    con.execute("attach ? as previous (read_only)", [str(db_path)])
    try:

        def frame(query: str) -> pl.DataFrame:
            return query_frame(con, query)

        con.execute("insert into source_rows by name select * from previous.source_rows")
        state.load_log = frame("select * from previous.load_log").to_dicts()
        state.rejected.append(
            frame('select line, "column", reason, raw, source_file from previous.rejected_rows')
        )
        state.dq = frame(
            "select check_name, severity, source_file, detail from previous.data_quality_load"
        ).to_dicts()
        state.totals.append(frame("select * from previous.reported_totals"))
        # app-registered customers are merged again from the operational store
        con.execute(
            "insert into customers_loaded by name select *, row_number() over () as load_order "
            "from previous.customers where source_file <> ?",
            [str(ops_db) if ops_db else ""],
        )
        state.competitor.append(frame("select * from previous.competitor_sales"))
        state.market_context.append(frame("select * from previous.market_context_raw"))
        state.model_production.append(frame("select * from previous.model_production"))
    finally:
        con.execute("detach previous")
    for table_name in ("source_rows", "customers_loaded"):
        _recatalogue(con, table_name)
    return state


def _report(db_path: Path, state: LoadState, skipped: list[str], started: float) -> LoadReport:
    con = open_read_only(db_path)
    try:
        counts = query_frame(
            con,
            "select (select count(*) from fact_sales) as f, "
            "(select count(*) from rejected_rows) as r",
        )
        fact_rows, rejected = counts.item(0, "f"), counts.item(0, "r")
        dq = query_frame(con, "select * from data_quality order by severity desc, check_name")
    finally:
        con.close()
    loaded = sum(1 for e in state.load_log if e["status"] == "loaded")
    return LoadReport(
        db_path, loaded, skipped, int(fact_rows), int(rejected), dq, time.perf_counter() - started
    )
