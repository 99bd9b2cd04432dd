"""Parse one fact file (a detected FactFormat) into tidy monthly rows, in named phases.

A file is parsed chunk by chunk (`FactParser.add`), each chunk of lines going
through four phases:

1. **read** (`read_phase`): the chunk's text cells with their file line, and
   each role column (model, vehicle type, ...) with its whitespace normalised;
2. **unpivot** (`unpivot_phase`): every number cell becomes one cell row
   (line, month, market column, text);
3. **parse/reject** (`parse_phase`): units, years and months parsed; a line
   with any bad cell is quarantined whole, with its reason;
4. **tag flows** (`tag_flows_phase`): sales type, flow and the `is_total` mark
   per line; a line of an unknown flow is quarantined.

What needs the whole file runs once, in `FactParser.finish`: repeated rows,
the years the rows claim, realigned Kia retail rows, and phase 5, **split
subtotals** (`split_subtotals_phase`): subtotal cells are moved out of the
facts and checked against their detail rows, a market column holding row
totals is moved out the same way, and months after the last reported one are
dropped (not reported is missing, never 0).

A parsed file is two compact frames, so a large file never exists as fact rows
in memory: `lines` (one row per line kept: its labels, flow and year) and
`cells` (one row per number: line, month, market column, units). A fact row is
a cell joined to its line (`ParsedFacts.facts`; the build joins them in DuckDB).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import polars as pl

from warehouse import canonical, claims
from warehouse.claims import Flags
from warehouse.errors import FileRefused
from warehouse.formats import (
    REJECT_SCHEMA,
    Detected,
    FactFormat,
    header_key,
    resolve_brand,
    resolve_year,
    value_key,
)
from warehouse.numbers import month_number, normalise_header, units_expr, units_problem_expr
from warehouse.textio import RawTable

FACT_COLUMNS = [
    "brand", "model_label", "vehicle_type", "market_label", "plant_label", "flow",
    "sales_type", "year", "month", "units", "line",
]  # fmt: skip
LABEL_ROLES = ("model_label", "vehicle_type", "market_label", "plant_label")
CELL_SCHEMA: dict[str, Any] = {
    "line": pl.Int64,
    "month": pl.Int8,
    "market_col": pl.Int16,  # position among the market columns (market-wide files), else null
    "units": pl.Int64,
}
_NOT_LABELS = frozenset({"year", "month", "units", "ds"})
_SALES_TYPES = {
    "domestic": "domestic", "내수용": "domestic", "국내": "domestic",
    "export": "export", "수출용": "export", "수출": "export",
    "export(exclckd)": "export", "수출(ckd제외)": "export",
    "ckd": "ckd", "total": "total", "합계": "total", "총합": "total",
}  # fmt: skip


@dataclass
class ParsedFacts:
    """One parsed file: kept lines, their number cells, subtotals, rejections, notes."""

    lines: pl.DataFrame  # line, year, LABEL_ROLES, flow, sales_type (+ group roles)
    cells: pl.DataFrame  # CELL_SCHEMA: detail cells only
    markets: pl.DataFrame  # market_col -> market_label (market-wide files)
    totals: pl.DataFrame  # FACT_COLUMNS + group_key: subtotal cells, kept for checks only
    rejected: pl.DataFrame  # REJECT_SCHEMA
    notes: list[tuple[str, str]]  # (check, detail) for the data-quality report
    brand: str = ""
    relabel: list[str] = field(default_factory=list)  # --force-brand/--force-year notes
    lines_read: int = 0  # data lines in the file, ragged ones included

    @property
    def facts(self) -> pl.DataFrame:
        """The fact rows (FACT_COLUMNS): every cell joined to its line. Small files only."""
        return facts_of(self.lines, self.cells, self.markets, self.brand)


def facts_of(
    lines: pl.DataFrame, cells: pl.DataFrame, markets: pl.DataFrame, brand: str
) -> pl.DataFrame:
    """Fact rows (FACT_COLUMNS) of `cells` joined to their `lines` and market columns.

    Columns of `cells` beyond CELL_SCHEMA (e.g. group_key) are kept at the end.
    """
    extra = [c for c in cells.columns if c not in CELL_SCHEMA]
    joined = cells.join(lines.select(_LINE_FACT_COLUMNS), on="line", how="inner").join(
        markets.rename({"market_label": "_column_market"}), on="market_col", how="left"
    )
    return joined.sort("line", "month", "market_col", maintain_order=True).select(
        pl.lit(brand).alias("brand"),
        "model_label",
        "vehicle_type",
        pl.coalesce("_column_market", "market_label").alias("market_label"),
        "plant_label",
        "flow",
        "sales_type",
        pl.col("year").cast(pl.Int64),
        pl.col("month").cast(pl.Int64),
        "units",
        "line",
        *extra,
    )


_LINE_FACT_COLUMNS = ["line", *LABEL_ROLES, "flow", "sales_type", "year"]


def parse_facts(
    table: RawTable,
    detected: Detected,
    *,
    brand: str | None = None,
    year: int | None = None,
    flags: Flags | None = None,
) -> ParsedFacts:
    """Parse a whole table (every phase, one chunk); see the module doc."""
    parser = FactParser(table.path, table.header, detected, flags or Flags(brand=brand, year=year))
    for chunk in table.chunks():
        parser.add(chunk)
    return parser.finish()


# --- phases 1-4: one chunk of lines ----------------------------------------------------------


def read_phase(chunk: RawTable, detected: Detected) -> pl.DataFrame:
    """Phase 1: `line`, the text cells `c0..cn`, and each role with whitespace normalised."""
    columns = {f"c{i}": [row[i] for row in chunk.rows] for i in range(chunk.n_columns)}
    frame = pl.DataFrame(columns, schema={k: pl.Utf8 for k in columns}).with_columns(
        pl.Series("line", chunk.lines, dtype=pl.Int64)
    )
    return frame.with_columns(
        pl.col(f"c{idx}").str.replace_all(r"\s+", " ").str.strip_chars().alias(role)
        for role, idx in detected.role_columns.items()
    )


def unpivot_phase(frame: pl.DataFrame, detected: Detected, header: list[str]) -> pl.DataFrame:
    """Phase 2: one row per number cell: line, month, market_col, column (its header), text.

    Wide files have a column per month; market-wide files a column per market
    (the month is a column of the line); long files one units column.
    """
    fmt = detected.fact
    assert fmt is not None
    if fmt.layout == "long":
        return frame.select(
            "line",
            pl.col("month").cast(pl.Int64, strict=False).alias("month"),
            pl.lit(None, dtype=pl.Int16).alias("market_col"),
            pl.lit(header[detected.role_columns["units"]]).alias("column"),
            pl.col("units").alias("units_text"),
        )
    if fmt.layout == "market_wide":
        month_map = {v: month_number(v) for v in frame.get_column("month_label").unique()}
        month = pl.col("month_label").replace_strict(month_map, default=None, return_dtype=pl.Int64)
        position = {f"c{i}": p for p, i in enumerate(_market_order(detected))}
        label = {f"c{i}": m for m, i in detected.market_columns.items()}
        long = frame.with_columns(month.alias("month")).unpivot(
            index=["line", "month"], on=list(position), variable_name="col", value_name="units_text"
        )
        return long.select(
            "line",
            "month",
            pl.col("col").replace_strict(position, return_dtype=pl.Int16).alias("market_col"),
            pl.col("col").replace_strict(label, return_dtype=pl.Utf8).alias("column"),
            "units_text",
        )
    months = {f"c{i}": m for m, i in detected.month_columns.items()}
    headers = {f"c{i}": normalise_header(header[i]) for i in detected.month_columns.values()}
    long = frame.unpivot(
        index=["line"], on=list(months), variable_name="col", value_name="units_text"
    )
    return long.select(
        "line",
        pl.col("col").replace_strict(months, return_dtype=pl.Int64).alias("month"),
        pl.lit(None, dtype=pl.Int16).alias("market_col"),
        pl.col("col").replace_strict(headers, return_dtype=pl.Utf8).alias("column"),
        "units_text",
    )


def parse_phase(
    frame: pl.DataFrame,
    cells: pl.DataFrame,
    header: list[str],
    file_year: int | None,
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """Phase 3: (line years, cells with units, rejected) for one chunk.

    A units cell that is not a non-negative whole number, a year that is not a
    year (or after next year) and a month that is not a month are rejected,
    once per line and column.
    """
    latest = claims.latest_year()
    if file_year is not None:
        years = frame.select("line", pl.lit(file_year, dtype=pl.Int64).alias("year"))
    else:
        years = frame.select(
            "line",
            pl.col("year").str.replace(r"\.0+$", "").cast(pl.Int64, strict=False).alias("year"),
            pl.col("year").alias("year_text"),
        )
    # Cells repeat a lot (0, '-', common counts): parse each distinct text once.
    parsed_units = cells.select(pl.col("units_text").unique()).with_columns(
        units_expr("units_text").alias("units"),
        units_problem_expr("units_text").alias("units_problem"),
    )
    cells = cells.join(parsed_units, on="units_text", how="left", nulls_equal=True)
    year_header = next((h for h in header if header_key(h) == "연도"), "연도")
    month_header = next((h for h in header if header_key(h) in {"월", "month"}), "month")
    year_text = pl.col("year_text") if "year_text" in years.columns else pl.col("year")
    bad_year = years.filter(pl.col("year").is_null() | ~pl.col("year").is_between(1990, latest))
    problems = pl.concat(
        [
            cells.filter(pl.col("units_problem").is_not_null()).select(
                "line", "column", pl.col("units_problem").alias("reason")
            ),
            bad_year.select(
                "line",
                pl.lit(year_header).alias("column"),
                (
                    pl.when(pl.col("year") > latest)
                    .then(pl.lit(f"year is after next year ({latest}): '"))
                    .otherwise(pl.lit("year is not a valid year: '"))
                    + year_text.cast(pl.Utf8).fill_null("")
                    + pl.lit("'")
                ).alias("reason"),
            ),
            cells.filter(pl.col("month").is_null() | ~pl.col("month").is_between(1, 12))
            .select("line", pl.lit(month_header).alias("column"))
            .unique(maintain_order=True)
            .with_columns(pl.lit("month not recognised").alias("reason")),
        ],
        how="vertical_relaxed",
    )
    rejected = (
        problems.sort("line", maintain_order=True)
        .unique(subset=["line", "column"], keep="first", maintain_order=True)
        .with_columns(pl.lit(None, dtype=pl.Utf8).alias("raw"))
        .select(list(REJECT_SCHEMA))
    )
    cells = cells.select(
        "line",
        pl.col("month").cast(pl.Int8, strict=False),
        "market_col",
        "units",
    )
    return years.select("line", "year"), cells, rejected.cast(REJECT_SCHEMA)  # type: ignore[arg-type]


def tag_flows_phase(
    frame: pl.DataFrame, fmt: FactFormat, role_header: dict[str, str]
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Phase 4: (line, sales_type, flow, is_total) per line, and the lines of unknown flow."""
    if fmt.sales_type_role:
        sales_type = value_key(pl.col(fmt.sales_type_role)).replace_strict(
            _SALES_TYPES, default=None
        )
    else:
        sales_type = pl.lit(fmt.sales_type, dtype=pl.Utf8)
    is_total = (
        value_key(pl.col(fmt.total_role)).is_in(list(canonical.TOTAL_TOKENS))
        if fmt.total_role
        else pl.lit(False)
    )
    if fmt.flow is not None:
        flow: pl.Expr = pl.lit(fmt.flow, dtype=pl.Utf8)
    else:
        assert fmt.flow_role is not None  # a format has a constant flow or a flow column
        key = value_key(pl.col(fmt.flow_role))
        flow = pl.lit(fmt.flow_default, dtype=pl.Utf8)
        for pattern, target in reversed(list(fmt.flow_map.items())):
            cond = key.str.starts_with(pattern[:-1]) if pattern.endswith("*") else key == pattern
            flow = pl.when(cond).then(pl.lit(target)).otherwise(flow)
    tagged = frame.with_columns(
        sales_type.alias("_sales_type"), flow.alias("_flow"), is_total.alias("is_total")
    )
    unknown = tagged.filter(pl.col("_flow").is_null() & ~pl.col("is_total"))
    rejected = (
        unknown.select(
            "line",
            pl.lit(role_header.get(fmt.flow_role or "", "")).alias("column"),
            (
                pl.lit("unknown value '")
                + pl.col(fmt.flow_role or "line").cast(pl.Utf8)
                + pl.lit("'; expected one of " + ", ".join(sorted(fmt.flow_map)))
            ).alias("reason"),
            pl.lit(None, dtype=pl.Utf8).alias("raw"),
        )
        .unique(subset=["line"], maintain_order=True)
        .cast(REJECT_SCHEMA)  # type: ignore[arg-type]
    )
    tags = tagged.select(
        "line", pl.col("_sales_type").alias("sales_type"), pl.col("_flow").alias("flow"), "is_total"
    )
    return tags, rejected


def formula_like_labels(frame: pl.DataFrame, detected: Detected, header: list[str]) -> pl.DataFrame:
    """Rows whose label cell starts with =, +, - or @ (REJECT_SCHEMA): labels are never formulas."""
    parts = []
    for role in detected.role_columns:
        if role in _NOT_LABELS:
            continue
        name = normalise_header(header[detected.role_columns[role]])
        parts.append(
            frame.filter(pl.col(role).str.contains(r"^[=+\-@]")).select(
                "line",
                pl.lit(name).alias("column"),
                (
                    pl.lit("label starts with '")
                    + pl.col(role).str.slice(0, 1)
                    + pl.lit("': a formula or formula-like text is never a label: '")
                    + pl.col(role)
                    + pl.lit("'")
                ).alias("reason"),
                pl.lit(None, dtype=pl.Utf8).alias("raw"),
            )
        )
    if not parts:
        return pl.DataFrame(schema=REJECT_SCHEMA)
    return pl.concat(parts).cast(REJECT_SCHEMA)  # type: ignore[arg-type]


def _market_order(detected: Detected) -> list[int]:
    return sorted(detected.market_columns.values())


# --- the whole file ----------------------------------------------------------------------------


class FactParser:
    """Parse a fact file chunk by chunk (`add`), then run the whole-file checks (`finish`)."""

    def __init__(self, path: Any, header: list[str], detected: Detected, flags: Flags) -> None:
        assert detected.fact is not None
        self.path, self.header, self.detected, self.fmt = path, header, detected, detected.fact
        self.flags = flags
        self.relabel: list[str] = []
        self.brand = resolve_brand(self.fmt, path, flags, self.relabel)
        self.file_year = resolve_year(path, flags, self.fmt, self.relabel)
        self.role_header = {
            role: normalise_header(header[i]) for role, i in detected.role_columns.items()
        }
        self.key_roles = [r for r in detected.role_columns if r not in {"units", "ds"}]
        # total-group roles beyond the labels (e.g. continent); sales_type comes from phase 4
        self.group_roles = [
            r
            for r in self.fmt.total_group
            if r not in {*LABEL_ROLES, "sales_type", "year"} and r in detected.role_columns
        ]
        self.line_schema: dict[str, Any] = {
            "line": pl.Int64,
            **{r: pl.Utf8 for r in (*LABEL_ROLES, *self.group_roles)},
            "year": pl.Int64,
            "sales_type": pl.Utf8,
            "flow": pl.Utf8,
            "is_total": pl.Boolean,
        }
        self._lines: list[pl.DataFrame] = []
        self._cells: list[pl.DataFrame] = []
        self._rejected: list[pl.DataFrame] = []
        self._keys: list[pl.DataFrame] = []
        self._row_sums: list[pl.DataFrame] = []  # market-wide: first market vs the rest
        self._years: set[int] = set()
        self.lines_read = 0

    def add(self, chunk: RawTable) -> None:
        """Phases 1-4 for one chunk of lines; keeps only compact frames."""
        self.lines_read += len(chunk.rows) + len(chunk.ragged)
        rejected = [ragged_rows(chunk)]
        if not chunk.rows:
            self._rejected.append(rejected[0])
            return
        frame = read_phase(chunk, self.detected)
        if self.key_roles:
            self._keys.append(frame.select("line", *self.key_roles))
        rejected.append(formula_like_labels(frame, self.detected, self.header))
        if self.fmt.layout == "market_wide" and self.fmt.market_total_column:
            self._row_sums.append(_first_market_sums(frame, self.detected))
        cells = unpivot_phase(frame, self.detected, self.header)
        years, cells, problems = parse_phase(frame, cells, self.header, self.file_year)
        rejected.append(problems)
        if self.file_year is None:
            found = years.get_column("year").drop_nulls().unique()
            self._years.update(found.filter(found.is_between(1990, claims.latest_year())))
        tags, unknown_flow = tag_flows_phase(frame, self.fmt, self.role_header)
        rejected.append(unknown_flow)
        bad = pl.concat(rejected).get_column("line").unique().implode()
        lines = self._labels(frame).join(years, on="line").join(tags, on="line")
        self._lines.append(lines.filter(~pl.col("line").is_in(bad)))
        self._cells.append(cells.filter(~pl.col("line").is_in(bad)))
        raw = frame.filter(pl.col("line").is_in(bad)).select(
            "line",
            pl.concat_str(
                [pl.col(f"c{i}").fill_null("") for i in range(chunk.n_columns)], separator=","
            ).alias("_raw"),
        )
        self._rejected.append(
            pl.concat(rejected)
            .join(raw, on="line", how="left")
            .select("line", "column", "reason", pl.coalesce("raw", "_raw").alias("raw"))
        )

    def _labels(self, frame: pl.DataFrame) -> pl.DataFrame:
        fmt = self.fmt
        labels = []
        for role in LABEL_ROLES:
            if role in frame.columns:
                labels.append(pl.col(role))
            else:
                const = fmt.market_label if role == "market_label" else None
                labels.append(pl.lit(const, dtype=pl.Utf8).alias(role))
        out = frame.select("line", *labels, *self.group_roles)
        return out.with_columns(
            pl.col("plant_label").str.replace_all(r"[\r\n]+", "").str.strip_chars()
        )

    def finish(self) -> ParsedFacts:
        """The whole-file checks and phase 5; returns the parsed file."""
        if self._keys:
            keys, self._keys = pl.concat(self._keys), []
            refuse_repeated_rows(self.path, self.header, keys, self.detected)
            del keys
        if self.file_year is None:
            claims.check_content_years(self.path, sorted(self._years), self.flags)
        lines = _concat(self._lines, self.line_schema)
        cells = _concat(self._cells, CELL_SCHEMA)
        self._lines, self._cells = [], []
        notes: list[tuple[str, str]] = []
        if self._row_sums:
            sums, self._row_sums = pl.concat(self._row_sums), []
            cells, notes = realign_total_rows(cells, sums, len(self.detected.market_columns))
        markets = pl.DataFrame(
            {
                "market_col": list(range(len(self.detected.market_columns))),
                "market_label": [
                    label
                    for label, _ in sorted(
                        self.detected.market_columns.items(), key=lambda kv: kv[1]
                    )
                ],
            },
            schema={"market_col": pl.Int16, "market_label": pl.Utf8},
        )
        cells, totals, split_notes = split_subtotals_phase(lines, cells, markets, self.fmt)
        notes = split_notes + notes
        if self.fmt.market_total_column and self.fmt.layout != "market_wide":
            cells, column_totals, column_notes = split_total_market_column(
                lines, cells, self.fmt.market_total_column
            )
            totals = pl.concat([totals, column_totals], how="vertical_relaxed")
            notes += column_notes
        cells, month_notes = drop_unreported_months(lines, cells)
        notes += month_notes
        totals = totals.with_columns(pl.lit(self.brand).alias("brand")).select(
            [*FACT_COLUMNS, "group_key"]
        )
        rejected = (
            _concat(self._rejected, REJECT_SCHEMA)
            .sort("line", maintain_order=True)
            .cast(REJECT_SCHEMA)  # type: ignore[arg-type]
        )
        self._rejected = []
        return ParsedFacts(
            lines.drop("is_total", strict=False),
            cells,
            markets,
            totals,
            rejected,
            notes,
            self.brand,
            self.relabel,
            self.lines_read,
        )


def ragged_rows(chunk: RawTable) -> pl.DataFrame:
    """The chunk's rows with another number of fields than the header (REJECT_SCHEMA)."""
    return pl.DataFrame(
        {
            "line": [ln for ln, _ in chunk.ragged],
            "column": [None] * len(chunk.ragged),
            "reason": [
                f"row has {n} fields, the header has {chunk.n_columns}" for _, n in chunk.ragged
            ],
            "raw": [None] * len(chunk.ragged),
        },
        schema=REJECT_SCHEMA,
    )


def _concat(frames: list[pl.DataFrame], schema: dict[str, Any]) -> pl.DataFrame:
    if not frames:
        return pl.DataFrame(schema=schema)
    return pl.concat(frames, how="vertical_relaxed", rechunk=False)


def refuse_repeated_rows(
    path: Any, header: list[str], frame: pl.DataFrame, detected: Detected
) -> None:
    """Refuse a file in which two rows have the same identifying columns.

    `frame` has a `line` column and one column per role (whitespace-normalised).
    The identifying columns are every role but the numbers; a repeated row would
    be counted twice.
    """
    key = [role for role in detected.role_columns if role not in {"units", "ds"}]
    if not key or frame.height < 2:
        return
    repeats = frame.select(key).is_duplicated()
    if not repeats.any():
        return
    repeated = (
        frame.filter(repeats)
        .select("line", *key)
        .with_columns(pl.col("line").min().over(key).alias("first_line"))
        .filter(pl.col("line") != pl.col("first_line"))
        .sort("line")
    )
    if repeated.height == 0:
        return
    row = repeated.row(0, named=True)
    headers = [normalise_header(header[detected.role_columns[k]]) for k in key]
    values = ", ".join(f"{h}={row[k]!r}" for h, k in zip(headers, key, strict=True))
    raise FileRefused(
        path,
        f"lines {row['first_line']} and {row['line']} repeat the same row ({values}); "
        f"{repeated.height} repeated row(s) in all, which would be counted twice",
        line=row["line"],
        hint="Remove the repeated rows (or correct their labels) and load the file again",
    )


# --- phase 5: split subtotals, and the other whole-file splits ---------------------------------


def split_subtotals_phase(
    lines: pl.DataFrame, cells: pl.DataFrame, markets: pl.DataFrame, fmt: FactFormat
) -> tuple[pl.DataFrame, pl.DataFrame, list[tuple[str, str]]]:
    """Phase 5: (detail cells, subtotal rows, notes).

    A "total" cell is a subtotal when its group (year, month and the format's
    `total_group`) has detail cells; it is kept in the totals, checked against
    the detail sum, and never counted. A total with no detail beside it is the
    only figure (e.g. CKD, reported only as Total): it stays a fact.
    """
    empty_totals = pl.DataFrame(schema=_TOTALS_SCHEMA)
    if not fmt.total_role or lines.height == 0 or not lines.get_column("is_total").any():
        return cells, empty_totals, []
    cell_market = "market_label" in fmt.total_group and fmt.layout == "market_wide"
    line_group = [r for r in fmt.total_group if not (cell_market and r == "market_label")]
    groups = lines.select("year", *line_group).unique(maintain_order=True).with_row_index("gid")
    tagged = lines.join(groups, on=["year", *line_group], how="left", nulls_equal=True)
    key = ["gid", "month", *(["market_col"] if cell_market else [])]
    total_lines = tagged.filter(pl.col("is_total")).select("line", "gid")
    total_cells = cells.join(total_lines, on="line")
    detail_lines = tagged.filter(
        ~pl.col("is_total") & pl.col("gid").is_in(total_lines.get_column("gid").implode())
    ).select("line", "gid")
    detail_cells = cells.join(detail_lines, on="line")
    detail_keys = detail_cells.select(key).unique()
    subtotal_cells = total_cells.join(detail_keys, on=key, how="semi", nulls_equal=True)
    if subtotal_cells.height == 0:
        return cells, empty_totals, []
    cells = cells.join(
        subtotal_cells.select("line", "month", "market_col"),
        on=["line", "month", "market_col"],
        how="anti",
        nulls_equal=True,
    )
    group_key = (
        pl.concat_str(
            [pl.col(c).cast(pl.Utf8).fill_null("") for c in fmt.total_group], separator="|"
        )
        if fmt.total_group
        else pl.lit("")
    )
    line_keys = tagged.select("line", "year", *line_group)

    def keyed(part: pl.DataFrame) -> pl.DataFrame:
        """`part` (cells) with year and group_key."""
        out = part.select(list(CELL_SCHEMA)).join(line_keys, on="line")
        if cell_market:
            out = out.join(markets, on="market_col", how="left")
        return out.with_columns(group_key.alias("group_key"))

    reported = keyed(subtotal_cells)
    notes = check_totals(reported, keyed(detail_cells))
    totals = facts_of(lines, reported.select(*CELL_SCHEMA, "group_key"), markets, "")
    return cells, totals.select(list(_TOTALS_SCHEMA)).cast(_TOTALS_SCHEMA), notes  # type: ignore[arg-type]


_TOTALS_SCHEMA: dict[str, Any] = {
    "brand": pl.Utf8, "model_label": pl.Utf8, "vehicle_type": pl.Utf8,
    "market_label": pl.Utf8, "plant_label": pl.Utf8, "flow": pl.Utf8, "sales_type": pl.Utf8,
    "year": pl.Int64, "month": pl.Int64, "units": pl.Int64, "line": pl.Int64,
    "group_key": pl.Utf8,
}  # fmt: skip


def check_totals(reported: pl.DataFrame, details: pl.DataFrame) -> list[tuple[str, str]]:
    """Notes comparing subtotal cells with the sum of their detail cells.

    Both frames have year, month, group_key and units (vehicles).
    """
    if reported.height == 0:
        return []
    keys = ["year", "month", "group_key"]
    totals = reported.group_by(keys).agg(pl.col("units").sum().alias("reported"))
    summed = details.group_by(keys).agg(pl.col("units").sum().alias("detail_sum"))
    joined = totals.join(summed, on=keys, how="left", nulls_equal=True).with_columns(
        pl.col("detail_sum").fill_null(0)
    )
    bad = joined.filter(pl.col("reported") != pl.col("detail_sum")).sort(keys)
    notes = [
        (
            "totals_checked",
            f"{joined.height} subtotal cells checked against detail rows, {bad.height} mismatched",
        )
    ]
    for row in bad.head(50).iter_rows(named=True):
        group = row["group_key"] or "all rows"
        notes.append(
            (
                "total_mismatch",
                f"{row['year']}-{row['month']:02d} [{group}]: reported total {row['reported']:,} "
                f"vs detail sum {row['detail_sum']:,} "
                f"(diff {row['reported'] - row['detail_sum']:+,})",
            )
        )
    return notes


def drop_unreported_months(
    lines: pl.DataFrame, cells: pl.DataFrame
) -> tuple[pl.DataFrame, list[tuple[str, str]]]:
    """Months after the last month with any non-zero figure in a year are missing, not 0."""
    if cells.height == 0:
        return cells, []
    years = lines.select("line", "year")
    after_last = pl.col("units") > 0
    # one year (most files): no year column beside 16M cells, only aggregates of them
    with_year: pl.DataFrame | None = None
    if years.get_column("year").n_unique() == 1:
        last = pl.DataFrame(
            {
                "year": [years.item(0, "year")],
                "last_month": [cells.select(pl.col("month").filter(after_last).max()).item()],
            },
            schema={"year": years.schema["year"], "last_month": cells.schema["month"]},
        )
    else:
        with_year = cells.join(years, on="line")
        last = with_year.group_by("year").agg(
            pl.col("month").filter(after_last).max().alias("last_month")
        )
    notes = []
    dropped_any = False
    for row in last.sort("year").iter_rows(named=True):
        if row["last_month"] is None:
            dropped_any = True
            notes.append(
                (
                    "months_not_reported",
                    f"{row['year']}: every figure is 0 or empty; "
                    "the whole year is treated as not reported",
                )
            )
            continue
        later = pl.col("month") > row["last_month"]
        if with_year is not None:
            later = later & (pl.col("year") == row["year"])
        first_dropped = (cells if with_year is None else with_year).select(
            pl.col("month").filter(later).min()
        )
        if first_dropped.item() is not None:
            dropped_any = True
            notes.append(
                (
                    "months_not_reported",
                    f"{row['year']}: months {first_dropped.item()!s}-12 have "
                    f"no figures after month {row['last_month']}; treated as not reported",
                )
            )
    if not dropped_any:
        return cells, []
    if with_year is None:
        last_month = last.item(0, "last_month")
        return (
            cells.clear() if last_month is None else cells.filter(pl.col("month") <= last_month)
        ), notes
    kept = with_year.join(last.select("year", "last_month"), on="year", how="left").filter(
        pl.col("month") <= pl.col("last_month")
    )
    return kept.select(cells.columns), notes


def split_total_market_column(
    lines: pl.DataFrame, cells: pl.DataFrame, column_market: str
) -> tuple[pl.DataFrame, pl.DataFrame, list[tuple[str, str]]]:
    """Find plant groups whose `column_market` cells equal the sum of the other markets.

    In such a group that market's column is a row total, not sales in that
    market: it moves to the totals (checked, never counted). A group qualifies
    only when every row with other-market sales matches exactly (at least 2 rows)
    and no row has a value there while the other markets are empty.
    """
    key = ["plant_label", "model_label", "year"]
    if lines.height == 0:
        return cells, pl.DataFrame(schema=_TOTALS_SCHEMA), []
    rows = lines.select("line", *key, (pl.col("market_label") == column_market).alias("is_col"))
    ids = rows.select(key).unique(maintain_order=True).with_row_index("pmid")
    rows = rows.join(ids, on=key, how="left", nulls_equal=True).select("line", "pmid", "is_col")
    keyed = cells.join(rows, on="line")
    per_cell = keyed.group_by("pmid", "month").agg(
        pl.col("units").filter(pl.col("is_col")).sum().alias("col_units"),
        pl.col("units").filter(~pl.col("is_col")).sum().alias("other_units"),
    )
    per_cell = per_cell.join(ids.select("pmid", "plant_label"), on="pmid")
    total_groups = _total_column_groups(per_cell).filter(pl.col("qualifies")).sort("plant_label")
    names = total_groups.get_column("plant_label").to_list()
    if not names:
        return cells, pl.DataFrame(schema=_TOTALS_SCHEMA), []
    flagged = per_cell.filter(pl.col("plant_label").is_in(names) & (pl.col("col_units") > 0))
    moving = keyed.filter(pl.col("is_col").fill_null(False)).join(
        flagged.select("pmid", "month"), on=["pmid", "month"], how="semi"
    )
    cells = cells.join(
        moving.select("line", "month", "market_col"),
        on=["line", "month", "market_col"],
        how="anti",
        nulls_equal=True,
    )
    no_markets = pl.DataFrame(schema={"market_col": pl.Int16, "market_label": pl.Utf8})
    totals = facts_of(lines, moving.select(list(CELL_SCHEMA)), no_markets, "").with_columns(
        (pl.col("plant_label") + pl.lit("|") + pl.col("model_label").fill_null("")).alias(
            "group_key"
        )
    )
    notes = [
        (
            "total_column",
            f"plant group '{row['plant_label']}': {row['matches']} {column_market} "
            "cell(s) hold the total of the other markets of their row (the group sells nothing "
            f"in {column_market} otherwise); kept as a check, not counted as sales. The market "
            "split of those rows may be shifted in this table",
        )
        for row in total_groups.iter_rows(named=True)
    ]
    return cells, totals.select(list(_TOTALS_SCHEMA)).cast(_TOTALS_SCHEMA), notes  # type: ignore[arg-type]


def _total_column_groups(cells: pl.DataFrame) -> pl.DataFrame:
    """Plant groups where every non-zero total-column cell equals the rest of its row."""
    return (
        cells.group_by("plant_label")
        .agg(
            ((pl.col("col_units") > 0) & (pl.col("col_units") == pl.col("other_units")))
            .sum()
            .alias("matches"),
            (pl.col("col_units") > 0).sum().alias("col_rows"),
        )
        .with_columns(
            ((pl.col("col_rows") >= 2) & (pl.col("matches") == pl.col("col_rows"))).alias(
                "qualifies"
            )
        )
    )


def _first_market_sums(frame: pl.DataFrame, detected: Detected) -> pl.DataFrame:
    """Per line of a market-wide file: plant, first market's units, the other markets' sum."""
    ordered = [f"c{i}" for i in _market_order(detected)]
    rest = pl.sum_horizontal([units_expr(c) for c in ordered[1:]])
    return frame.select(
        "line",
        pl.col("plant_label"),
        units_expr(ordered[0]).alias("col_units"),
        rest.alias("other_units"),
    )


def realign_total_rows(
    cells: pl.DataFrame, sums: pl.DataFrame, n_markets: int
) -> tuple[pl.DataFrame, list[tuple[str, str]]]:
    """Kia retail rows where a row total was inserted before the first market.

    Such a row reads `T, v1, ..., v10` under `U.S.A, Canada, ..., China`: T equals
    the sum of the rest and every market value sits one column to the right. When
    a plant group's first-market cells are all of this kind (the group sells
    nothing there otherwise), those rows are shifted back; the last market gets
    0 (T minus the rest, as the row is consistent).
    """
    if "plant_label" not in sums.columns:
        return cells, []
    groups = _total_column_groups(sums).filter(pl.col("qualifies"))
    if groups.height == 0:
        return cells, []
    shifted = (
        sums.join(groups.select("plant_label"), on="plant_label")
        .filter((pl.col("col_units") > 0) & (pl.col("col_units") == pl.col("other_units")))
        .get_column("line")
        .sort()
    )
    is_shifted = pl.col("line").is_in(shifted.implode())
    moved = cells.filter(is_shifted & (pl.col("market_col") > 0)).with_columns(
        (pl.col("market_col") - 1).alias("market_col")
    )
    last = cells.filter(is_shifted & (pl.col("market_col") == 0)).with_columns(
        pl.lit(n_markets - 1, dtype=pl.Int16).alias("market_col"),
        pl.lit(0, dtype=pl.Int64).alias("units"),
    )
    realigned = pl.concat([cells.filter(~is_shifted), moved, last], how="vertical_relaxed")
    notes = [
        (
            "shifted_rows",
            f"{shifted.len()} row(s) of plant group(s) {', '.join(sorted(groups['plant_label']))} "
            "carry a row total in the first market column with the markets shifted one column "
            f"right (lines {', '.join(str(x) for x in shifted.head(8).to_list())}"
            f"{', ...' if shifted.len() > 8 else ''}); realigned, the total is not counted",
        )
    ]
    return realigned.select(list(CELL_SCHEMA)).cast(CELL_SCHEMA), notes  # type: ignore[arg-type]
