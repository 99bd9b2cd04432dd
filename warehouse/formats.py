"""Format detection (from the header row only) and readers for every input format.

Each fact format turns a `RawTable` into tidy rows with the columns of
`FACT_COLUMNS`. Detection compares the header's identity columns (everything
that is not a month) with each registered format; file names are never used
to pick a format. The brand comes from the format itself where the header
tells it, otherwise from the file or folder name (`현대`, `hyundai`, `hmc`,
`기아`, `kia`), otherwise from `--brand`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import polars as pl

from warehouse import canonical, claims
from warehouse.claims import Flags
from warehouse.errors import FileRefused
from warehouse.numbers import (
    month_number,
    normalise_header,
    units_expr,
    units_problem_expr,
)
from warehouse.textio import RawTable

FACT_COLUMNS = [
    "brand", "model_label", "vehicle_type", "market_label", "plant_label", "flow",
    "sales_type", "year", "month", "units", "line",
]  # fmt: skip
REJECT_SCHEMA: dict[str, Any] = {
    "line": pl.Int64,
    "column": pl.Utf8,
    "reason": pl.Utf8,
    "raw": pl.Utf8,
}
FLOWS = (
    "domestic_sales", "export_sales", "ckd_export", "region_export",
    "overseas_plant_sales", "overseas_retail", "eu_retail",
)  # fmt: skip

Layout = Literal["wide", "market_wide", "long"]


def header_key(value: str) -> str:
    """Comparison key of a header cell: no whitespace, no BOM, lower case."""
    return re.sub(r"\s+", "", normalise_header(value)).lower()


def value_key(expr: pl.Expr) -> pl.Expr:
    """Same normalisation for cell values used as lookup keys."""
    return expr.fill_null("").str.replace_all(r"\s+", "").str.to_lowercase()


@dataclass(frozen=True)
class FactFormat:
    """A wide or long monthly table of units."""

    name: str
    title: str
    layout: Layout
    columns: dict[str, str]  # header key -> role
    priority: int  # 1 = raw IR download (wins overlaps), 2 = processed wide, 3 = processed long
    brand: str | None = None
    flow: str | None = None
    flow_role: str | None = None
    flow_map: dict[str, str] = field(default_factory=dict)  # value key -> flow; 'ckd*' = prefix
    flow_default: str | None = None
    sales_type_role: str | None = None
    total_role: str | None = None
    total_group: tuple[str, ...] = ()
    market_label: str | None = None  # constant market for the whole file
    market_from_plant: bool = False
    sales_type: str | None = None  # constant sales type
    # Kia retail: in some plant groups the U.S.A column holds the row total of the
    # other markets. Detected per plant group from the numbers, never assumed.
    market_total_column: str | None = None

    @property
    def kind(self) -> str:
        return "raw" if self.priority == 1 else "processed"


_SALES_TYPES = {
    "domestic": "domestic", "내수용": "domestic", "국내": "domestic",
    "export": "export", "수출용": "export", "수출": "export",
    "export(exclckd)": "export", "수출(ckd제외)": "export",
    "ckd": "ckd", "total": "total", "합계": "total", "총합": "total",
}  # fmt: skip

FACT_FORMATS: list[FactFormat] = [
    FactFormat(
        "hmc_sales_by_model",
        "Hyundai sales by model (IR)",
        "wide",
        {"model": "model_label", "vehicletype": "vehicle_type", "salestype": "sales_type"},
        1,
        brand="Hyundai",
        flow_role="sales_type",
        flow_map={"domestic": "domestic_sales", "export": "export_sales"},
        sales_type_role="sales_type",
        total_role="model_label",
        total_group=("sales_type",),
    ),
    FactFormat(
        "hmc_plant_sales",
        "Hyundai overseas-plant sales (IR)",
        "wide",
        {"overseasplants": "plant_label", "model": "model_label", "salestype": "sales_type"},
        1,
        brand="Hyundai",
        flow="overseas_plant_sales",
        sales_type_role="sales_type",
        total_role="sales_type",
        total_group=("plant_label", "model_label"),
        market_from_plant=True,
    ),
    FactFormat(
        "hmc_export_by_region",
        "Hyundai exports by region (IR)",
        "wide",
        {"region": "market_label", "continent": "continent"},
        1,
        brand="Hyundai",
        flow="region_export",
        total_role="market_label",
        total_group=("continent",),
    ),
    FactFormat(
        "hmc_eu_retail",
        "Hyundai European retail sales (IR)",
        "wide",
        {"models": "model_label", "vehicletype": "vehicle_type"},
        1,
        brand="Hyundai",
        flow="eu_retail",
        market_label="Europe",
        total_role="model_label",
    ),
    FactFormat(
        "kia_plant_sales",
        "Kia overseas-plant sales (IR)",
        "wide",
        {"plant": "plant_name", "plantcode": "plant_label", "model": "model_label"},
        1,
        brand="Kia",
        flow="overseas_plant_sales",
        sales_type="total",
        total_role="model_label",
        total_group=("plant_label",),
        market_from_plant=True,
    ),
    FactFormat(
        "kia_overseas_retail",
        "Kia overseas retail sales by market (IR)",
        "market_wide",
        {"model": "model_label", "plant": "plant_label", "month": "month_label"},
        1,
        brand="Kia",
        flow="overseas_retail",
        total_role="model_label",
        total_group=("plant_label", "market_label"),
        market_total_column="U.S.A",
    ),
    FactFormat(
        "kia_sales_by_model",
        "Kia sales by model (IR)",
        "wide",
        {"model": "model_label", "vehicletype": "vehicle_type", "trade": "sales_type"},
        1,
        brand="Kia",
        flow_role="sales_type",
        flow_map={
            "domestic": "domestic_sales",
            "export(exclckd)": "export_sales",
            "export": "export_sales",
            "ckd": "ckd_export",
        },
        sales_type_role="sales_type",
        total_role="model_label",
        total_group=("sales_type",),
    ),
    FactFormat(
        "kia_export_by_region",
        "Kia exports by region (IR)",
        "wide",
        {"car": "vehicle_type", "region": "market_label"},
        1,
        brand="Kia",
        flow_role="vehicle_type",
        flow_map={"ckd*": "ckd_export"},
        flow_default="region_export",
        total_role="vehicle_type",
        total_group=("market_label",),
    ),
    # --- cleaned tables of the original project ------------------------------------
    FactFormat(
        "processed_hmc_sales_by_model",
        "Hyundai sales by model (processed)",
        "wide",
        {
            "차량모델": "model_label",
            "차량유형": "vehicle_type",
            "판매구분": "sales_type",
            "연도": "year",
        },
        2,
        brand="Hyundai",
        flow_role="sales_type",
        flow_map={"내수용": "domestic_sales", "수출용": "export_sales"},
        sales_type_role="sales_type",
        total_role="sales_type",
        total_group=("model_label",),
    ),
    FactFormat(
        "processed_hmc_plant_sales",
        "Hyundai overseas-plant sales (processed)",
        "wide",
        {
            "공장명(국가)": "plant_label",
            "차량모델": "model_label",
            "판매구분": "sales_type",
            "연도": "year",
        },
        2,
        brand="Hyundai",
        flow="overseas_plant_sales",
        sales_type_role="sales_type",
        total_role="sales_type",
        total_group=("plant_label", "model_label"),
        market_from_plant=True,
    ),
    FactFormat(
        "processed_hmc_export_by_region",
        "Hyundai exports by region (processed)",
        "wide",
        {"국가": "market_label", "연도": "year"},
        2,
        brand="Hyundai",
        flow="region_export",
        total_role="market_label",
    ),
    FactFormat(
        "processed_export_by_market_long",
        "Exports by market, long form (processed)",
        "long",
        {"국가": "market_label", "연도": "year", "월": "month", "y": "units", "ds": "ds"},
        3,
        flow="region_export",
        total_role="market_label",
    ),
    FactFormat(
        "processed_kia_sales_by_model",
        "Kia sales by model (processed)",
        "wide",
        {
            "차종": "model_label",
            "차량구분": "vehicle_type",
            "거래유형": "sales_type",
            "연도": "year",
        },
        2,
        brand="Kia",
        flow_role="sales_type",
        flow_map={
            "국내": "domestic_sales",
            "수출": "export_sales",
            "수출(ckd제외)": "export_sales",
            "ckd": "ckd_export",
        },
        sales_type_role="sales_type",
        total_role="sales_type",
        total_group=("model_label",),
    ),
    FactFormat(
        "processed_kia_export_by_region",
        "Kia exports by region and category (processed)",
        "wide",
        {"차량구분": "vehicle_type", "국가명": "market_label", "연도": "year"},
        2,
        brand="Kia",
        flow_role="vehicle_type",
        flow_map={"ckd*": "ckd_export"},
        flow_default="region_export",
        total_role="vehicle_type",
        total_group=("market_label",),
    ),
    FactFormat(
        "processed_kia_plant_sales",
        "Kia overseas-plant sales (processed)",
        "wide",
        {
            "공장명(국가)": "plant_name",
            "공장코드": "plant_label",
            "차종": "model_label",
            "연도": "year",
        },
        2,
        brand="Kia",
        flow="overseas_plant_sales",
        sales_type="total",
        total_role="model_label",
        total_group=("plant_label",),
        market_from_plant=True,
    ),
    FactFormat(
        "processed_kia_overseas_retail",
        "Kia overseas retail by market (processed)",
        "wide",
        {
            "국가명": "market_label",
            "공장명(국가)": "plant_label",
            "차종": "model_label",
            "연도": "year",
        },
        2,
        brand="Kia",
        flow="overseas_retail",
        total_role="model_label",
        total_group=("market_label", "plant_label"),
        market_total_column="U.S.A",
    ),
]


@dataclass(frozen=True)
class OtherFormat:
    """A non-fact table, recognised by a set of required header keys."""

    name: str
    title: str
    required: frozenset[str]


OTHER_FORMATS: list[OtherFormat] = [
    OtherFormat(
        "competitor_sales",
        "Best-selling models per market, all brands",
        frozenset({"연도", "국가명", "모델명", "판매량", "차량구분", "브랜드", "파워트레인"}),
    ),
    OtherFormat(
        "market_context",
        "Augmented export table: climate zone and GDP per market",
        frozenset({"국가명", "기후대", "gdp", "연도"}),
    ),
    OtherFormat(
        "model_production",
        "Total production vs sales per model (processed)",
        frozenset({"차량모델", "총생산량", "총판매량"}),
    ),
]


@dataclass
class Detected:
    """The result of header detection."""

    name: str
    title: str
    fact: FactFormat | None = None
    month_columns: dict[int, int] = field(default_factory=dict)  # month -> column index
    role_columns: dict[str, int] = field(default_factory=dict)  # role -> column index
    market_columns: dict[str, int] = field(default_factory=dict)  # market label -> index


# Roles whose cells are Latin text in every published IR format (codes, English words).
_LATIN_ROLES = frozenset({"sales_type", "vehicle_type", "continent", "month_label", "plant_label"})
# Customer columns that are Latin or digits in every customer file.
_LATIN_CUSTOMER_KEYS = frozenset({"이메일", "휴대폰번호"})


def latin_columns(table: RawTable, detected: Detected) -> list[int]:
    """Columns of `table` that hold Latin text in every known file of its format."""
    if detected.fact is not None:
        if detected.fact.kind != "raw":
            return []
        return [i for role, i in detected.role_columns.items() if role in _LATIN_ROLES]
    if detected.name == "customers":
        return [i for i, h in enumerate(table.header) if header_key(h) in _LATIN_CUSTOMER_KEYS]
    return []


def known_formats() -> list[str]:
    return (
        [f.name for f in FACT_FORMATS]
        + [f.name for f in OTHER_FORMATS]
        + ["customers_hyundai", "customers_kia"]
    )


def detect(table: RawTable) -> Detected:
    """Pick the format of `table` from its header row; raise FileRefused otherwise."""
    from warehouse import customers

    keys = [header_key(h) for h in table.header]
    key_set = set(keys)
    if customers.is_customer_header(table.header):
        return Detected("customers", "Customer profiles")
    for other in OTHER_FORMATS:
        if other.required <= key_set:
            return Detected(other.name, other.title)

    months: dict[int, int] = {}
    identity: dict[str, int] = {}
    for idx, (raw, key) in enumerate(zip(table.header, keys, strict=True)):
        m = month_number(raw)
        if m is not None and key not in {"월"}:
            if m in months:
                raise FileRefused(
                    table.path,
                    f"month {m} appears twice in the header",
                    line=1,
                    column=raw,
                    hint="Remove the duplicate month column.",
                )
            months[m] = idx
        elif key:
            if key in identity:
                raise FileRefused(
                    table.path,
                    f"column '{normalise_header(raw)}' appears twice in the header",
                    line=1,
                    column=normalise_header(raw),
                    hint="Remove or rename the duplicate column.",
                )
            identity[key] = idx
        else:
            raise FileRefused(
                table.path,
                f"header cell {idx + 1} is empty",
                line=1,
                hint="Every column needs a name in the first row.",
            )

    best: tuple[float, FactFormat] | None = None
    for fmt in FACT_FORMATS:
        wanted = set(fmt.columns)
        got = set(identity)
        if fmt.layout == "market_wide":
            got = {k for k in got if k in wanted}
            if wanted <= set(identity) and not months:
                return _detected_market_wide(table, fmt, identity)
        if wanted == got and (months or fmt.layout == "long"):
            if fmt.layout == "long" and months:
                continue
            return Detected(
                fmt.name,
                fmt.title,
                fmt,
                months,
                {fmt.columns[k]: i for k, i in identity.items()},
            )
        overlap = len(wanted & got) / len(wanted | got)
        if best is None or overlap > best[0]:
            best = (overlap, fmt)

    if best is not None and best[0] >= 0.5:
        fmt = best[1]
        wanted = set(fmt.columns)
        missing = sorted(wanted - set(identity))
        extra = sorted(set(identity) - wanted)
        original = {header_key(h): normalise_header(h) for h in table.header}
        parts = []
        if missing:
            parts.append("missing column(s) " + ", ".join(repr(_display(m)) for m in missing))
        if extra:
            parts.append("unexpected column(s) " + ", ".join(repr(original[e]) for e in extra))
        if not months and fmt.layout != "long":
            parts.append("no month columns (Jan., Jan, January or 1월)")
        raise FileRefused(
            table.path,
            f"header looks like '{fmt.title}' but has " + " and ".join(parts),
            line=1,
            column=(
                original.get(extra[0]) if extra else (_display(missing[0]) if missing else None)
            ),
            hint="Use the file as downloaded, with its original header row.",
        )
    raise FileRefused(
        table.path,
        "unknown format: the header row "
        + repr([normalise_header(h) for h in table.header][:8])
        + " matches none of the known formats",
        line=1,
        hint="Known formats: " + ", ".join(known_formats()) + ". See README 'Load your own files'.",
    )


_DISPLAY = {
    "vehicletype": "Vehicle Type", "salestype": "Sales Type", "overseasplants": "Overseas Plants",
    "plantcode": "Plant Code", "차량모델": "차량 모델", "차량유형": "차량 유형",
    "판매구분": "판매 구분", "거래유형": "거래 유형", "차량구분": "차량 구분",
    "공장코드": "공장 코드",
}  # fmt: skip


def _display(key: str) -> str:
    """The published spelling of a header key, for messages."""
    if key in _DISPLAY:
        return _DISPLAY[key]
    return key.capitalize() if key.isascii() else key


def _detected_market_wide(table: RawTable, fmt: FactFormat, identity: dict[str, int]) -> Detected:
    markets: dict[str, int] = {}
    roles: dict[str, int] = {}
    for key, idx in identity.items():
        if key in fmt.columns:
            roles[fmt.columns[key]] = idx
            continue
        label = normalise_header(table.header[idx])
        if canonical.market_of(label) is None and not canonical.is_total(label):
            raise FileRefused(
                table.path,
                f"unknown market column '{label}'",
                line=1,
                column=label,
                hint="Market columns must be markets such as U.S.A, Europe, China.",
            )
        spelling = re.sub(r"[^0-9a-z가-힣]", "", label.lower())
        twin = next(
            (m for m in markets if re.sub(r"[^0-9a-z가-힣]", "", m.lower()) == spelling), None
        )
        if twin is not None:
            raise FileRefused(
                table.path,
                f"market column '{label}' repeats '{twin}'",
                line=1,
                column=label,
                hint="Remove the duplicate market column.",
            )
        markets[label] = idx
    return Detected(fmt.name, fmt.title, fmt, {}, roles, markets)


# --- parsing ----------------------------------------------------------------------


@dataclass
class ParsedFacts:
    facts: pl.DataFrame  # FACT_COLUMNS, detail rows only
    totals: pl.DataFrame  # FACT_COLUMNS + group_key: subtotal rows, kept for checks only
    rejected: pl.DataFrame  # REJECT_SCHEMA
    notes: list[tuple[str, str]]  # (check, detail) for the data-quality report
    brand: str = ""
    relabel: list[str] = field(default_factory=list)  # --force-brand/--force-year notes


def resolve_brand(fmt: FactFormat, path: Path, flags: Flags, relabel: list[str]) -> str:
    """The header's brand, else the file or folder name's, else --brand (see claims)."""
    told, told_by = fmt.brand, f"the '{fmt.title}' header"
    if told is None:
        told, told_by = claims.brand_of_name(path), "the file name"
    found = claims.resolve_brand(path, told, told_by, flags, relabel)
    if found is None:
        raise FileRefused(
            path,
            f"cannot tell the brand of this '{fmt.title}' file from its header or name",
            line=1,
            hint="Name the file with 현대/hyundai or 기아/kia, or pass --brand.",
        )
    return found


def resolve_year(path: Path, flags: Flags, fmt: FactFormat, relabel: list[str]) -> int | None:
    """None when the rows carry their year (a 연도 column), else the file's year."""
    if "year" in fmt.columns.values():
        return None
    return claims.resolve_year(path, flags, relabel)


def parse_facts(
    table: RawTable,
    detected: Detected,
    *,
    brand: str | None = None,
    year: int | None = None,
    flags: Flags | None = None,
) -> ParsedFacts:
    fmt = detected.fact
    assert fmt is not None
    flags = flags or Flags(brand=brand, year=year)
    relabel: list[str] = []
    brand_value = resolve_brand(fmt, table.path, flags, relabel)
    file_year = resolve_year(table.path, flags, fmt, relabel)

    columns = {f"c{i}": [row[i] for row in table.rows] for i in range(table.n_columns)}
    frame = pl.DataFrame(columns, schema={k: pl.Utf8 for k in columns}).with_columns(
        pl.Series("line", table.lines, dtype=pl.Int64)
    )
    raw_text = pl.concat_str(
        [pl.col(f"c{i}").fill_null("") for i in range(table.n_columns)], separator=","
    )
    raw_lines = frame.select("line", raw_text.alias("raw"))
    rejected: list[pl.DataFrame] = [
        pl.DataFrame(
            {
                "line": [ln for ln, _ in table.ragged],
                "column": [None] * len(table.ragged),
                "reason": [
                    f"row has {n} fields, the header has {table.n_columns}" for _, n in table.ragged
                ],
                "raw": [None] * len(table.ragged),
            },
            schema=REJECT_SCHEMA,
        )
    ]
    roles = {
        role: pl.col(f"c{idx}").str.replace_all(r"\s+", " ").str.strip_chars()
        for role, idx in detected.role_columns.items()
    }
    frame = frame.with_columns([expr.alias(role) for role, expr in roles.items()])
    refuse_repeated_rows(table, frame, detected)
    rejected.append(formula_like_labels(table, frame, detected))

    if fmt.layout == "long":
        long = frame.with_columns(
            pl.col("month").cast(pl.Int64, strict=False).alias("month_num"),
            pl.lit(table.header[detected.role_columns["units"]]).alias("month_header"),
            pl.col("units").alias("units_text"),
        )
    elif fmt.layout == "market_wide":
        ordered = [f"c{i}" for i in sorted(detected.market_columns.values())]
        shift_notes: list[tuple[str, str]] = []
        if fmt.market_total_column and "plant_label" in roles:
            frame, shift_notes = _realign_total_rows(frame, ordered, "plant_label")
        long = frame.unpivot(
            index=["line", *roles],
            on=[f"c{i}" for i in detected.market_columns.values()],
            variable_name="market_col",
            value_name="units_text",
        )
        col_to_market = {f"c{i}": label for label, i in detected.market_columns.items()}
        month_map = {v: month_number(v) for v in frame.get_column("month_label").unique()}
        long = long.with_columns(
            pl.col("market_col").replace_strict(col_to_market).alias("market_label"),
            pl.col("market_col").replace_strict(col_to_market).alias("month_header"),
            pl.col("month_label")
            .replace_strict(month_map, default=None, return_dtype=pl.Int64)
            .alias("month_num"),
        )
    else:
        long = frame.unpivot(
            index=["line", *roles],
            on=[f"c{i}" for i in detected.month_columns.values()],
            variable_name="month_col",
            value_name="units_text",
        )
        col_to_month = {f"c{i}": m for m, i in detected.month_columns.items()}
        col_to_header = {
            f"c{i}": normalise_header(table.header[i]) for i in detected.month_columns.values()
        }
        long = long.with_columns(
            pl.col("month_col")
            .replace_strict(col_to_month, return_dtype=pl.Int64)
            .alias("month_num"),
            pl.col("month_col").replace_strict(col_to_header).alias("month_header"),
        )

    if file_year is not None:
        long = long.with_columns(pl.lit(file_year, dtype=pl.Int64).alias("year_num"))
    else:
        long = long.with_columns(
            pl.col("year").str.replace(r"\.0+$", "").cast(pl.Int64, strict=False).alias("year_num")
        )

    latest = claims.latest_year()
    if file_year is None:
        years = long.get_column("year_num").drop_nulls().unique()
        claims.check_content_years(
            table.path, years.filter(years.is_between(1990, latest)).to_list(), flags
        )

    # Cells repeat a lot (0, '-', common counts): parse each distinct text once.
    parsed_units = long.select(pl.col("units_text").unique()).with_columns(
        units_expr("units_text").alias("units"),
        units_problem_expr("units_text").alias("units_problem"),
    )
    long = long.drop("units", strict=False).join(
        parsed_units, on="units_text", how="left", nulls_equal=True
    )
    year_header = next((h for h in table.header if header_key(h) == "연도"), "연도")
    month_header_name = next((h for h in table.header if header_key(h) in {"월", "month"}), "month")
    problems = pl.concat(
        [
            long.filter(pl.col("units_problem").is_not_null()).select(
                "line",
                pl.col("month_header").alias("column"),
                pl.col("units_problem").alias("reason"),
                pl.lit(None, dtype=pl.Utf8).alias("raw"),
            ),
            long.filter(
                pl.col("year_num").is_null() | ~pl.col("year_num").is_between(1990, latest)
            ).select(
                "line",
                pl.lit(year_header).alias("column"),
                (
                    pl.when(pl.col("year_num") > latest)
                    .then(pl.lit(f"year is after next year ({latest}): '"))
                    .otherwise(pl.lit("year is not a valid year: '"))
                    + (pl.col("year") if "year" in long.columns else pl.col("year_num"))
                    .cast(pl.Utf8)
                    .fill_null("")
                    + pl.lit("'")
                ).alias("reason"),
                pl.lit(None, dtype=pl.Utf8).alias("raw"),
            ),
            long.filter(
                pl.col("month_num").is_null() | ~pl.col("month_num").is_between(1, 12)
            ).select(
                "line",
                pl.lit(month_header_name).alias("column"),
                pl.lit("month not recognised").alias("reason"),
                pl.lit(None, dtype=pl.Utf8).alias("raw"),
            ),
        ],
        how="vertical_relaxed",
    ).unique(subset=["line", "column"], keep="first", maintain_order=True)
    rejected.append(problems.cast(REJECT_SCHEMA))  # type: ignore[arg-type]

    # Sales type, flow, totals.
    if fmt.sales_type_role:
        long = long.with_columns(
            value_key(pl.col(fmt.sales_type_role))
            .replace_strict(_SALES_TYPES, default=None)
            .alias("sales_type_norm")
        )
    else:
        long = long.with_columns(pl.lit(fmt.sales_type).alias("sales_type_norm"))
    total_expr = (
        value_key(pl.col(fmt.total_role)).is_in(list(canonical.TOTAL_TOKENS))
        if fmt.total_role
        else pl.lit(False)
    )
    long = long.with_columns(total_expr.alias("is_total"))
    if fmt.flow is not None:
        long = long.with_columns(pl.lit(fmt.flow).alias("flow"))
    else:
        assert fmt.flow_role is not None  # a format has a constant flow or a flow column
        key = value_key(pl.col(fmt.flow_role))
        flow: pl.Expr = pl.lit(fmt.flow_default, dtype=pl.Utf8)
        for pattern, target in reversed(list(fmt.flow_map.items())):
            cond = key.str.starts_with(pattern[:-1]) if pattern.endswith("*") else key == pattern
            flow = pl.when(cond).then(pl.lit(target)).otherwise(flow)
        long = long.with_columns(flow.alias("flow"))
    unknown_flow = long.filter(pl.col("flow").is_null() & ~pl.col("is_total"))
    role_header = {
        role: normalise_header(table.header[i]) for role, i in detected.role_columns.items()
    }
    if unknown_flow.height:
        rejected.append(
            unknown_flow.select(
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

    bad_lines = pl.concat(rejected).get_column("line").unique()
    good = long.filter(~pl.col("line").is_in(bad_lines.implode()))

    for role in ("model_label", "vehicle_type", "market_label", "plant_label"):
        if role not in good.columns:
            const = fmt.market_label if role == "market_label" else None
            good = good.with_columns(pl.lit(const, dtype=pl.Utf8).alias(role))
    good = good.with_columns(
        pl.lit(brand_value).alias("brand"),
        pl.col("year_num").alias("year"),
        pl.col("month_num").alias("month"),
        pl.col("sales_type_norm").alias("sales_type"),
        pl.col("plant_label").str.replace_all(r"[\r\n]+", "").str.strip_chars(),
    )
    # A "total" row with no detail rows beside it is the only figure (e.g. CKD,
    # reported only as Total): it is data, not a subtotal.
    group = ["year", "month", *fmt.total_group]
    has_detail = (~pl.col("is_total")).any().over(group) if fmt.total_role else pl.lit(False)
    good = good.with_columns((pl.col("is_total") & has_detail).alias("is_subtotal"))
    group_key = (
        pl.concat_str(
            [pl.col(c).cast(pl.Utf8).fill_null("") for c in fmt.total_group], separator="|"
        )
        if fmt.total_group
        else pl.lit("")
    )
    good = good.with_columns(group_key.alias("group_key"))
    facts = good.filter(~pl.col("is_subtotal")).select(FACT_COLUMNS)
    totals = good.filter(pl.col("is_subtotal")).select([*FACT_COLUMNS, "group_key"])
    details_for_check = good.filter(~pl.col("is_subtotal") & ~pl.col("is_total"))
    notes = _check_totals(totals, details_for_check)
    if fmt.layout == "market_wide":
        notes += shift_notes
    if fmt.market_total_column and fmt.layout != "market_wide":
        facts, column_totals, column_notes = _split_total_market_column(
            facts, fmt.market_total_column
        )
        totals = pl.concat([totals, column_totals], how="vertical_relaxed")
        notes += column_notes
    facts, month_notes = _drop_unreported_months(facts)
    notes += month_notes
    all_rejected = (
        pl.concat(rejected)
        .join(raw_lines.rename({"raw": "_raw"}), on="line", how="left")
        .select("line", "column", "reason", pl.coalesce("raw", "_raw").alias("raw"))
    )
    return ParsedFacts(facts, totals, all_rejected.sort("line"), notes, brand_value, relabel)


_NOT_LABELS = frozenset({"year", "month", "units", "ds"})


def _label_roles(detected: Detected) -> list[str]:
    return [role for role in detected.role_columns if role not in _NOT_LABELS]


def refuse_repeated_rows(table: RawTable, frame: pl.DataFrame, detected: Detected) -> None:
    """Refuse a file in which two rows have the same identifying columns.

    `frame` has a `line` column and one column per role (whitespace-normalised).
    The identifying columns are every role but the numbers; a repeated row would
    be counted twice.
    """
    key = [role for role in detected.role_columns if role not in {"units", "ds"}]
    if not key or frame.height < 2:
        return
    repeated = (
        frame.select("line", *key)
        .with_columns(pl.col("line").min().over(key).alias("first_line"))
        .filter(pl.col("line") != pl.col("first_line"))
        .sort("line")
    )
    if repeated.height == 0:
        return
    row = repeated.row(0, named=True)
    headers = [normalise_header(table.header[detected.role_columns[k]]) for k in key]
    values = ", ".join(f"{h}={row[k]!r}" for h, k in zip(headers, key, strict=True))
    raise FileRefused(
        table.path,
        f"lines {row['first_line']} and {row['line']} repeat the same row ({values}); "
        f"{repeated.height} repeated row(s) in all, which would be counted twice",
        line=row["line"],
        hint="Remove the repeated rows (or correct their labels) and load the file again",
    )


def formula_like_labels(table: RawTable, frame: pl.DataFrame, detected: Detected) -> pl.DataFrame:
    """Rows whose label cell starts with =, +, - or @ (REJECT_SCHEMA): labels are never formulas."""
    parts = []
    for role in _label_roles(detected):
        header = normalise_header(table.header[detected.role_columns[role]])
        parts.append(
            frame.filter(pl.col(role).str.contains(r"^[=+\-@]")).select(
                "line",
                pl.lit(header).alias("column"),
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


def _check_totals(totals: pl.DataFrame, details: pl.DataFrame) -> list[tuple[str, str]]:
    if totals.height == 0:
        return []
    keys = ["year", "month", "group_key"]
    reported = totals.group_by(keys).agg(pl.col("units").sum().alias("reported"))
    summed = details.group_by(keys).agg(pl.col("units").sum().alias("detail_sum"))
    joined = reported.join(summed, on=keys, how="left").with_columns(
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


def _drop_unreported_months(facts: pl.DataFrame) -> tuple[pl.DataFrame, list[tuple[str, str]]]:
    """Months after the last month with any non-zero figure in a year are missing, not 0."""
    if facts.height == 0:
        return facts, []
    last = facts.group_by("year").agg(
        pl.col("month").filter(pl.col("units") > 0).max().alias("last_month")
    )
    marked = facts.join(last, on="year", how="left")
    dropped = marked.filter(
        pl.col("last_month").is_null() | (pl.col("month") > pl.col("last_month"))
    )
    notes = []
    for row in (
        dropped.group_by("year")
        .agg(pl.col("month").min().alias("first"), pl.col("last_month").first())
        .sort("year")
        .iter_rows(named=True)
    ):
        if row["last_month"] is None:
            notes.append(
                (
                    "months_not_reported",
                    f"{row['year']}: every figure is 0 or empty; "
                    "the whole year is treated as not reported",
                )
            )
        else:
            notes.append(
                (
                    "months_not_reported",
                    f"{row['year']}: months {row['first']}-12 have "
                    f"no figures after month {row['last_month']}; treated as not reported",
                )
            )
    kept = marked.filter(pl.col("month") <= pl.col("last_month")).select(facts.columns)
    return kept, notes


def _split_total_market_column(
    facts: pl.DataFrame, column_market: str
) -> tuple[pl.DataFrame, pl.DataFrame, list[tuple[str, str]]]:
    """Find plant groups whose `column_market` cells equal the sum of the other markets.

    In such a group that market's column is a row total, not sales in that
    market: it moves to the totals (checked, never counted). A group qualifies
    only when every row with other-market sales matches exactly (at least 3 rows)
    and no row has a value there while the other markets are empty.
    """
    key = ["plant_label", "model_label", "year", "month"]
    is_col = pl.col("market_label") == column_market
    cells = facts.group_by(key).agg(
        pl.col("units").filter(is_col).sum().alias("col_units"),
        pl.col("units").filter(~is_col).sum().alias("other_units"),
        is_col.any().alias("has_col"),
    )
    groups = _total_column_groups(cells)
    total_groups = groups.filter(pl.col("qualifies")).sort("plant_label")
    names = total_groups.get_column("plant_label").to_list()
    if not names:
        return facts, pl.DataFrame(schema={**facts.schema, "group_key": pl.Utf8}), []
    flagged = cells.filter(pl.col("plant_label").is_in(names) & (pl.col("col_units") > 0)).select(
        "plant_label", "model_label", "year", "month"
    )
    facts = facts.join(
        flagged.with_columns(pl.lit(True).alias("_flag")),
        on=["plant_label", "model_label", "year", "month"],
        how="left",
        nulls_equal=True,
    )
    moving = is_col & pl.col("_flag").fill_null(False)
    totals = facts.filter(moving).with_columns(
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
    totals = totals.drop("_flag")
    return facts.filter(~moving).drop("_flag"), totals, notes


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


def _realign_total_rows(
    frame: pl.DataFrame, market_cols: list[str], plant_col: str
) -> tuple[pl.DataFrame, list[tuple[str, str]]]:
    """Kia retail rows where a row total was inserted before the first market.

    Such a row reads `T, v1, ..., v10` under `U.S.A, Canada, ..., China`: T equals
    the sum of the rest and every market value sits one column to the right. When
    a plant group's first-market cells are all of this kind (the group sells
    nothing there otherwise), those rows are shifted back; the last market gets
    T minus the rest, which is 0 when the row is consistent.
    """
    values = frame.select(
        "line", plant_col, *[units_expr(c).alias(f"v{i}") for i, c in enumerate(market_cols)]
    )
    rest = pl.sum_horizontal([pl.col(f"v{i}") for i in range(1, len(market_cols))])
    cells = values.select(
        "line",
        pl.col(plant_col).alias("plant_label"),
        pl.col("v0").alias("col_units"),
        rest.alias("other_units"),
    )
    groups = _total_column_groups(cells).filter(pl.col("qualifies"))
    if groups.height == 0:
        return frame, []
    shifted = (
        cells.join(groups.select("plant_label"), on="plant_label")
        .filter((pl.col("col_units") > 0) & (pl.col("col_units") == pl.col("other_units")))
        .get_column("line")
    )
    is_shifted = pl.col("line").is_in(shifted.implode())
    last = market_cols[-1]
    realigned = frame.with_columns(
        [
            pl.when(is_shifted).then(pl.col(market_cols[i + 1])).otherwise(pl.col(c)).alias(c)
            for i, c in enumerate(market_cols[:-1])
        ]
        + [pl.when(is_shifted).then(pl.lit("0")).otherwise(pl.col(last)).alias(last)]
    )
    notes = [
        (
            "shifted_rows",
            f"{shifted.len()} row(s) of plant group(s) {', '.join(sorted(groups['plant_label']))} "
            "carry a row total in the first market column with the markets shifted one column "
            f"right (lines {', '.join(str(x) for x in shifted.head(8).to_list())}"
            f"{', ...' if shifted.len() > 8 else ''}); realigned, the total is not counted",
        )
    ]
    return realigned, notes
