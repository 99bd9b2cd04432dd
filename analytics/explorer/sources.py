"""Source data: every loaded file, its rows as loaded, its load-log entry and its
data-quality notes.

A file's rows are read a page at a time (the grid asks for rows `start` to `end` with
its sort and filter model), so a multi-million-row file never travels whole. Columns
come from an allow-list per file kind (`KINDS`): a sort or filter on any other column
is refused; values always go in as bound parameters. Customer files are shown without
their personal columns (warehouse/sql/marts/explorer_rows_customers.sql).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import polars as pl

from analytics.explorer.common import Options
from warehouse import sql
from warehouse.connection import Warehouse

# file kind -> (SQL file of its rows, column -> "text" | "number" | "date" | "bool")
KINDS: dict[str, tuple[str, dict[str, str]]] = {
    "facts": (
        "marts/explorer_rows_facts",
        {
            "line": "number", "model_label": "text", "model": "text", "category": "text",
            "powertrain": "text", "vehicle_type": "text", "market_label": "text",
            "market": "text", "plant": "text", "flow": "text", "sales_type": "text",
            "year": "number", "month": "number", "units": "number",
        },
    ),
    "customers": (
        "marts/explorer_rows_customers",
        {
            "line": "number", "brand": "text", "age": "number", "gender": "text",
            "vehicle_class": "text", "body_type": "text", "size_class": "text",
            "model_label": "text", "model": "text", "powertrain": "text",
            "eco_friendly": "bool", "purchase_date": "date", "amount_krw": "number",
            "payment_method": "text", "purchase_count": "number", "channel": "text",
            "launch_month": "text", "market_label": "text", "market": "text",
            "signup_date": "date",
        },
    ),
    "competitors": (
        "marts/explorer_rows_competitors",
        {
            "year": "number", "market_label": "text", "market": "text", "model_name": "text",
            "brand": "text", "segment": "text", "powertrain": "text", "units": "number",
            "months": "number", "repeated_of": "text",
        },
    ),
    "context": (
        "marts/explorer_rows_context",
        {
            "market_label": "text", "market": "text", "brand": "text", "climate_zone": "text",
            "gdp_trillion_usd": "number",
        },
    ),
    "production": (
        "marts/explorer_rows_production",
        {
            "model_label": "text", "model": "text", "powertrain": "text", "brand": "text",
            "total_production": "number", "total_sales": "number",
        },
    ),
}  # fmt: skip
FORMAT_KINDS = {
    "customers": "customers", "competitor_sales": "competitors", "market_context": "context",
    "model_production": "production",
}  # fmt: skip
FILES_SCHEMA = {
    "source_file": pl.Utf8, "format": pl.Utf8, "brand": pl.Utf8, "status": pl.Utf8,
    "encoding": pl.Utf8, "rows_read": pl.Int64, "rows_loaded": pl.Int64,
    "rows_rejected": pl.Int64, "fact_rows": pl.Int64, "loaded_at": pl.Datetime,
    "seconds": pl.Float64, "year": pl.Int32, "warnings": pl.Int64, "notes": pl.Int64,
    "kind": pl.Utf8,
}  # fmt: skip
PAGE_MAX = 1_000  # rows per grid request at most
DOWNLOAD_MAX = 200_000  # rows per CSV download at most

_TEXT_OPS = {
    "contains": ("contains(lower({c}::varchar), lower({p}))", True),
    "notContains": ("not contains(lower(coalesce({c}::varchar, '')), lower({p}))", True),
    "equals": ("lower({c}::varchar) = lower({p})", True),
    "notEqual": ("lower(coalesce({c}::varchar, '')) <> lower({p})", True),
    "startsWith": ("starts_with(lower({c}::varchar), lower({p}))", True),
    "endsWith": ("ends_with(lower({c}::varchar), lower({p}))", True),
    "blank": ("({c} is null or {c}::varchar = '')", False),
    "notBlank": ("({c} is not null and {c}::varchar <> '')", False),
}
_NUMBER_OPS = {
    "equals": "{c} = {p}",
    "notEqual": "{c} <> {p}",
    "greaterThan": "{c} > {p}",
    "greaterThanOrEqual": "{c} >= {p}",
    "lessThan": "{c} < {p}",
    "lessThanOrEqual": "{c} <= {p}",
    "inRange": "{c} between {p} and {q}",
    "blank": "{c} is null",
    "notBlank": "{c} is not null",
}


class GridRequestRefused(ValueError):
    """A sort or filter the grid cannot apply; the message names the column or operator."""


def kind_of(format_name: str | None) -> str:
    """The row kind of a load_log format (sales formats read from source_rows)."""
    return FORMAT_KINDS.get(format_name or "", "facts")


def load_files(warehouse: Warehouse) -> pl.DataFrame:
    """Every loaded file (FILES_SCHEMA): the load-log entry, warnings and notes (counts of
    data-quality findings) and kind (see KINDS)."""
    files = warehouse.frame(sql.load("marts/explorer_files"))
    return (
        files.with_columns(
            pl.col("format")
            .replace_strict(FORMAT_KINDS, default="facts", return_dtype=pl.Utf8)
            .alias("kind")
        )
        .select(list(FILES_SCHEMA))
        .cast(FILES_SCHEMA)  # type: ignore[arg-type]
    )


def load_quality(warehouse: Warehouse, *, file: str) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(data-quality findings: check_name, severity, detail; rejected rows: line, column,
    reason, raw) of one file."""
    return (
        warehouse.frame(sql.load("marts/explorer_file_quality"), {"file": file}),
        warehouse.frame(sql.load("marts/explorer_file_rejects"), {"file": file}),
    )


def columns(kind: str) -> dict[str, str]:
    """The columns of a kind's rows and their filter type (text, number, date, bool)."""
    return dict(KINDS[kind][1])


def _where(kind: str, filters: Mapping[str, Any], params: dict[str, Any]) -> list[str]:
    allowed = columns(kind)
    clauses: list[str] = []
    for column, model in filters.items():
        if column not in allowed:
            raise GridRequestRefused(f"cannot filter on column {column!r}")
        if not isinstance(model, Mapping):
            raise GridRequestRefused(f"filter of {column!r} is not an object")
        parts = model.get("conditions") if "operator" in model else [model]
        if not isinstance(parts, list) or not parts:
            raise GridRequestRefused(f"filter of {column!r} has no conditions")
        built = [_condition(column, allowed[column], part, params) for part in parts]
        joiner = " or " if str(model.get("operator", "AND")).upper() == "OR" else " and "
        clauses.append("(" + joiner.join(built) + ")")
    return clauses


def _condition(column: str, kind: str, model: Any, params: dict[str, Any]) -> str:
    if not isinstance(model, Mapping):
        raise GridRequestRefused(f"filter of {column!r} is not an object")
    op = model.get("type")
    name = f"p{len(params)}"
    quoted = f'"{column}"'  # from the allow-list only
    if kind == "number":
        if op not in _NUMBER_OPS:
            raise GridRequestRefused(f"filter {op!r} does not apply to number column {column!r}")
        if op not in ("blank", "notBlank"):
            params[name] = _number(model.get("filter"), column)
        other = f"p{len(params)}"
        if op == "inRange":
            params[other] = _number(model.get("filterTo"), column)
        return _NUMBER_OPS[op].format(c=quoted, p=f"${name}", q=f"${other}")
    if op not in _TEXT_OPS:
        raise GridRequestRefused(f"filter {op!r} does not apply to column {column!r}")
    template, needs_value = _TEXT_OPS[op]
    if needs_value:
        value = model.get("filter")
        if not isinstance(value, str | int | float) or len(str(value)) > 200:
            raise GridRequestRefused(f"filter of {column!r} needs a text value")
        params[name] = str(value)
    return template.format(c=quoted, p=f"${name}")


def _number(value: Any, column: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise GridRequestRefused(f"filter of number column {column!r} needs a number")
    if value != value or value in (float("inf"), float("-inf")):
        raise GridRequestRefused(f"filter of number column {column!r} needs a finite number")
    return float(value)


def _order(kind: str, sort: Sequence[Mapping[str, Any]]) -> str:
    allowed = columns(kind)
    terms = []
    for item in sort:
        column, direction = item.get("colId"), item.get("sort")
        if column not in allowed or direction not in ("asc", "desc"):
            raise GridRequestRefused(f"cannot sort on {column!r} {direction!r}")
        terms.append(f'"{column}" {direction} nulls last')
    # then the file's own order (its columns in allow-list order: line, year, ...)
    return ", ".join([*terms, *(f'"{c}"' for c in allowed)])


def _period(kind: str, period: tuple[str | None, str | None], params: dict[str, Any]) -> list[str]:
    """The period as a condition on rows with a year (and month): facts and competitors."""
    start, end = period
    if not (start or end):
        return []
    allowed = columns(kind)
    params["from_ym"] = int(start.replace("-", "")) if start else 0
    params["to_ym"] = int(end.replace("-", "")) if end else 999_999
    if "year" in allowed and "month" in allowed:
        return ['("year" * 100 + "month") between $from_ym and $to_ym']
    if "year" in allowed:
        return ['"year" between $from_ym // 100 and $to_ym // 100']
    return []


def _query(
    kind: str,
    *,
    sort: Sequence[Mapping[str, Any]],
    filters: Mapping[str, Any],
    period: tuple[str | None, str | None] = (None, None),
) -> tuple[str, dict[str, Any]]:
    if kind not in KINDS:
        raise GridRequestRefused(f"unknown file kind {kind!r}")
    params: dict[str, Any] = {}
    where = _where(kind, filters, params) + _period(kind, period, params)
    text = f"select * from ({sql.load(KINDS[kind][0])}) as file_rows"
    if where:
        text += " where " + " and ".join(where)
    return text + " order by " + _order(kind, sort), params


def _read(
    warehouse: Warehouse,
    *,
    file: str,
    kind: str,
    sort: Sequence[Mapping[str, Any]],
    filters: Mapping[str, Any] | None,
    offset: int,
    limit: int,
    period: tuple[str | None, str | None],
) -> tuple[pl.DataFrame, int]:
    query, params = _query(kind, sort=sort, filters=filters or {}, period=period)
    params["file"] = file
    rows = warehouse.frame(
        f"{query} limit $limit offset $offset", {**params, "limit": limit, "offset": offset}
    )
    count = warehouse.frame(f"select count(*) as n from ({query})", params).item(0, "n")
    return rows, int(count)


def rows_page(
    warehouse: Warehouse,
    *,
    file: str,
    kind: str,
    start: int,
    end: int,
    sort: Sequence[Mapping[str, Any]] = (),
    filters: Mapping[str, Any] | None = None,
    period: tuple[str | None, str | None] = (None, None),
) -> tuple[pl.DataFrame, int]:
    """Rows `start` to `end` (exclusive, at most PAGE_MAX) of one file under the grid's
    sort and filter model and the period ('YYYY-MM' bounds, for rows with a year), and
    the number of rows they keep. Raises GridRequestRefused for a column or operator
    outside the allow-list."""
    start = max(0, start)
    limit = max(0, min(end - start, PAGE_MAX))
    return _read(
        warehouse, file=file, kind=kind, sort=sort, filters=filters, offset=start,
        limit=limit, period=period,
    )  # fmt: skip


def rows_for_download(
    warehouse: Warehouse,
    *,
    file: str,
    kind: str,
    sort: Sequence[Mapping[str, Any]] = (),
    filters: Mapping[str, Any] | None = None,
    period: tuple[str | None, str | None] = (None, None),
) -> tuple[pl.DataFrame, int]:
    """The file's rows under the grid's sort, filter and period, at most DOWNLOAD_MAX, and
    how many rows they keep (more than returned when the download is capped)."""
    return _read(
        warehouse, file=file, kind=kind, sort=sort, filters=filters, offset=0,
        limit=DOWNLOAD_MAX, period=period,
    )  # fmt: skip


def options(files: pl.DataFrame, months: list[str], *, brand: str) -> Options:
    """The files of the brand ("all": every file; files without a brand always), the first
    one the default, and the months the sales files report (to filter rows by period)."""
    # sales files first (the IR data), then customers, competitors and context files
    shown = files_of(files, brand=brand).sort(
        pl.col("kind") != "facts", "source_file", maintain_order=True
    )
    names = shown.get_column("source_file").to_list()
    return Options(months=months, focus=names, default_focus=names[0] if names else None)


def files_of(files: pl.DataFrame, *, brand: str) -> pl.DataFrame:
    """The files of the brand ("all": every file; files without a brand always) as the
    file table shows them: source_file, kind, format, brand, status, rows_read,
    rows_loaded, rows_rejected, fact_rows, warnings, notes."""
    scope = (
        files
        if brand == "all"
        else files.filter((pl.col("brand") == brand) | pl.col("brand").is_null())
    )
    return scope.select(
        "source_file", "kind", "format", "brand", "status", "rows_read", "rows_loaded",
        "rows_rejected", "fact_rows", "warnings", "notes",
    )  # fmt: skip
