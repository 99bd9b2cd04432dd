"""Format detection (from the header row only) and readers for every input format.

Each fact format is parsed into tidy rows by `warehouse.facts`. Detection
compares the header's identity columns (everything that is not a month) with
each registered format; file names are never used
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
)
from warehouse.textio import RawTable, TableSource

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


def latin_columns(table: RawTable | TableSource, detected: Detected) -> list[int]:
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


def detect(table: RawTable | TableSource) -> Detected:
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


def _detected_market_wide(
    table: RawTable | TableSource, fmt: FactFormat, identity: dict[str, int]
) -> Detected:
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


# --- what a fact file claims -------------------------------------------------------


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
