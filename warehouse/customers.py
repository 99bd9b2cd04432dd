"""Parse the two customer-profile files (현대_고객데이터.csv, 기아_고객데이터.csv).

The files hold PII (names, phones, e-mails, addresses): they are parsed in
memory and never copied into the repository.

Both brands publish the same columns with different spellings (`구매한 제품` vs
`구매한제품`); Hyundai has an extra `이름` column. Columns are matched by name
after removing all whitespace and the BOM, so their order does not matter.

Duplicate user ids: the synthetic ids collide (`wi`, `xgim`, `user206051` each
name two or three different people, with different e-mails and birth dates).
A later row is a duplicate, and is rejected, only when it repeats both the user
id and the e-mail of an earlier row. Different people sharing an id are all
kept; the second and later get `customer_id` `H-wi~2`, `H-wi~3`, in file order.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable
from typing import Any

import polars as pl

from warehouse import claims
from warehouse.canonical import market_of
from warehouse.catalogue import with_model_columns
from warehouse.errors import FileRefused
from warehouse.numbers import normalise_header
from warehouse.textio import RawTable, TableSource

# Internal (English) name of each column, keyed by the header with all whitespace removed.
_FIELD_OF_KEY: dict[str, str] = {
    "이름": "name",
    "생년월일": "birth_date",
    "연령": "age",
    "성별": "gender",
    "휴대폰번호": "phone",
    "이메일": "email",
    "주소": "address",
    "아이디": "user_id",
    "가입일": "signup_date",
    "차량구분": "vehicle_class",
    "구매한제품": "model_label",
    "친환경차": "eco_friendly",
    "제품구매날짜": "purchase_date",
    "거래금액": "amount_krw",
    "거래방식": "payment_method",
    "제품구매빈도": "purchase_count",
    "제품구매경로": "channel",
    "제품출시년월": "launch_month",
    "국가": "market_label",
    "고객세그먼트": "orig_segment",
    "Cluster": "orig_cluster",
}

_KIA_HEADER = [
    "생년월일", "연령", "성별", "휴대폰번호", "이메일", "주소", "아이디", "가입일", "차량구분",
    "구매한제품", "친환경차", "제품구매날짜", "거래금액", "거래방식", "제품구매빈도",
    "제품구매경로", "제품출시년월", "국가", "고객세그먼트", "Cluster",
]  # fmt: skip
_HYUNDAI_HEADER = [
    "이름", "생년월일", "연령", "성별", "휴대폰번호", "이메일", "주소", "아이디", "가입일",
    "차량구분", "구매한 제품", "친환경차", "제품 구매 날짜", "거래 금액", "거래방식",
    "제품구매빈도", "제품구매경로", "제품출시년월", "국가", "고객 세그먼트", "Cluster",
]  # fmt: skip

#: variant name -> the header exactly as the published file spells it. The variant is
#: named after the file it was first seen in; it tells the layout, never the brand.
CUSTOMER_HEADER_VARIANTS: dict[str, list[str]] = {
    "hyundai": _HYUNDAI_HEADER,
    "kia": _KIA_HEADER,
}
_LAYOUT_TITLE = {"hyundai": "the layout with 이름", "kia": "the layout without 이름"}
# The brand of a customer file is the brand of at least this share of its purchased models.
BRAND_SHARE = 0.75

#: the warehouse table `customers` (public contract): column -> dtype
CUSTOMER_SCHEMA: dict[str, pl.DataType] = {
    "customer_id": pl.Utf8(),
    "brand": pl.Utf8(),
    "user_id": pl.Utf8(),
    "name": pl.Utf8(),
    "birth_date": pl.Date(),
    "age": pl.Int16(),  # years
    "gender": pl.Utf8(),  # M / F
    "phone": pl.Utf8(),
    "email": pl.Utf8(),
    "address": pl.Utf8(),
    "signup_date": pl.Date(),
    "vehicle_class": pl.Utf8(),  # e.g. 중형 SUV
    "body_type": pl.Utf8(),  # e.g. SUV, 세단, 해치백, 픽업트럭
    "size_class": pl.Utf8(),  # e.g. 중형, 준대형 (null for 픽업트럭)
    "model_label": pl.Utf8(),
    "model": pl.Utf8(),
    "powertrain": pl.Utf8(),
    "eco_friendly": pl.Boolean(),
    "purchase_date": pl.Date(),
    "amount_krw": pl.Int64(),  # KRW
    "payment_method": pl.Utf8(),  # 현금 / 계좌이체 / 신용카드
    "purchase_count": pl.Int32(),  # purchases
    "channel": pl.Utf8(),  # 온라인 / 오프라인
    "launch_month": pl.Utf8(),  # YYYY-MM
    "market_label": pl.Utf8(),
    "market": pl.Utf8(),
    "orig_segment": pl.Int8(),
    "orig_cluster": pl.Int8(),
    "source_line": pl.Int32(),
}
REJECTED_SCHEMA: dict[str, pl.DataType] = {
    "line": pl.Int64(),
    "column": pl.Utf8(),
    "reason": pl.Utf8(),
    "raw": pl.Utf8(),
}

PAYMENT_METHODS = ("현금", "계좌이체", "신용카드")
CHANNELS = ("온라인", "오프라인")
SIZE_CLASSES = ("경형", "소형", "준중형", "중형", "준대형", "대형")
_PAYMENT_ALIASES = {"카드": "신용카드"}
_GENDERS = {"남": "M", "여": "F", "M": "M", "F": "F"}
_MAX_AGE = 120  # years
_MAX_AMOUNT_KRW = 10**15  # KRW; far above any car, keeps the value exact in Float64
_MAX_PURCHASES = 2**31 - 1  # Int32
# A header sharing at least this share of a variant's columns is a customer file
# with missing or extra columns: refused with a precise message, not "unknown format".
_NEAR_MATCH_SHARE = 0.75


def _key(cell: str) -> str:
    return re.sub(r"\s+", "", cell.replace("\ufeff", ""))


_VARIANT_KEYS: dict[str, Counter[str]] = {
    name: Counter(_key(c) for c in header) for name, header in CUSTOMER_HEADER_VARIANTS.items()
}


def _nearest_variant(header: list[str]) -> tuple[str, list[str], list[str]]:
    """(variant, missing columns as the variant spells them, unexpected header cells)."""
    keys = Counter(_key(c) for c in header)
    best: tuple[int, str, list[str], list[str]] | None = None
    for name, wanted in _VARIANT_KEYS.items():
        missing_keys = wanted - keys
        extra_keys = keys - wanted
        missing = [c for c in CUSTOMER_HEADER_VARIANTS[name] if missing_keys[_key(c)] > 0]
        extra: list[str] = []
        for cell in header:
            if extra_keys[_key(cell)] > 0:
                extra_keys[_key(cell)] -= 1
                extra.append(normalise_header(cell))
        score = len(missing) + len(extra)
        if best is None or score < best[0]:
            best = (score, name, missing, extra)
    assert best is not None
    return best[1], best[2], best[3]


def is_customer_header(header: list[str]) -> bool:
    """True for either customer-file header, compared without whitespace and BOM.

    Near misses (a variant with a few columns missing or added) also count, so
    that the caller routes them to `parse_customers`, which refuses them naming
    the missing or unexpected column.
    """
    name, missing, _extra = _nearest_variant(header)
    wanted = len(CUSTOMER_HEADER_VARIANTS[name])
    return (wanted - len(missing)) / wanted >= _NEAR_MATCH_SHARE


def _check_header(table: RawTable) -> dict[str, int]:
    """Map internal field -> column index, or refuse the file."""
    name, missing, extra = _nearest_variant(table.header)
    if missing or extra:
        expected = ", ".join(CUSTOMER_HEADER_VARIANTS[name])
        if missing and extra:
            reason = f"the header lacks {_quoted(missing)} and has unexpected {_quoted(extra)}"
            hint = f"Rename {_quoted(extra)} to {_quoted(missing)}"
        elif missing:
            reason = f"the header lacks the column{'s' * (len(missing) > 1)} {_quoted(missing)}"
            hint = f"Add {_quoted(missing)} to the file"
        else:
            reason = f"the header has unexpected column{'s' * (len(extra) > 1)} {_quoted(extra)}"
            hint = f"Remove {_quoted(extra)} (a repeated column also counts)"
        raise FileRefused(
            table.path,
            reason,
            line=1,
            column=(missing or extra)[0],
            hint=f"{hint}; a customer file in {_LAYOUT_TITLE[name]} has the columns: {expected}.",
        )
    return {_FIELD_OF_KEY[_key(cell)]: i for i, cell in enumerate(table.header)}


def _quoted(cells: list[str]) -> str:
    return ", ".join(f"'{c}'" for c in cells)


@functools.cache
def model_brands() -> dict[str, str]:
    """Model family -> the brand that reports it (warehouse.catalogue, models only)."""
    from warehouse import catalogue

    models = catalogue.families().filter(~pl.col("is_category"))
    return dict(zip(models.get_column("family"), models.get_column("brand"), strict=True))


def brand_of_label(label: str) -> tuple[str, str]:
    """(brand or 'unknown', family or label) of a purchased-model label, by the catalogue.

    The label is read as either brand would spell it; it names a brand when both
    readings that find a model agree on that model's brand.
    """
    from warehouse import catalogue

    found = {
        (model_brands().get(family, "unknown"), family)
        for family in (catalogue.family_of(b, label) for b in ("Hyundai", "Kia"))
        if family is not None
    }
    brands = {b for b, _ in found if b != "unknown"}
    if len(brands) == 1:
        brand = brands.pop()
        return brand, next(f for b, f in sorted(found) if b == brand)
    return "unknown", label


def resolve_brand(
    table: RawTable | TableSource, flags: claims.Flags, relabel: list[str]
) -> tuple[str, str | None]:
    """(brand, warning) of a customer file: from its purchased models and its name.

    The header's layout is no evidence. The models' brand is the brand of at
    least three quarters of the rows with a model; rows of the other brand are
    kept and counted in the warning. When no brand reaches three quarters, or
    the file name names the other brand, the file is refused with the counts.
    A pass over the rows; the build counts them while parsing (`CustomerParser`)
    and calls `brand_of_labels`.
    """
    column = label_column(table.header)
    labels: Counter[str] = Counter()
    for chunk in table.chunks():
        count_labels(labels, chunk, column)
    return brand_of_labels(table.path, table.header, labels, flags, relabel)


def label_column(header: list[str]) -> int:
    """The purchased-model column (구매한 제품) of a customer header."""
    return next(i for i, h in enumerate(header) if _key(h) == "구매한제품")


def count_labels(labels: Counter[str], chunk: RawTable, column: int) -> None:
    """Count the non-empty purchased-model labels (stripped) of `chunk` into `labels`."""
    labels.update(label for label in (row[column].strip() for row in chunk.rows) if label)


def brand_of_labels(
    path: Any, header: list[str], labels: Counter[str], flags: claims.Flags, relabel: list[str]
) -> tuple[str, str | None]:
    """`resolve_brand` on the counted purchased-model labels of the file at `path`."""
    column = label_column(header)
    per_brand: dict[str, Counter[str]] = {}
    for label, n in labels.items():
        brand, family = brand_of_label(label)
        per_brand.setdefault(brand, Counter())[family] += n
    counts = {b: sum(c.values()) for b, c in per_brand.items()}
    rows = sum(labels.values())
    found = next((b for b, n in counts.items() if b != "unknown" and n >= BRAND_SHARE * rows), None)
    summary = ", ".join(f"{b} {counts[b]:,}" for b in sorted(counts)) + f" of {rows:,} rows"
    named = claims.brand_of_name(path)
    column_name = normalise_header(header[column])
    if found is None and flags.force_brand is None:
        raise FileRefused(
            path,
            f"no brand sells at least three quarters of the purchased models ({summary})",
            column=column_name,
            hint="Split the file by brand, or pass --force-brand to label it on purpose",
        )
    if found is not None and named is not None and named != found:
        raise FileRefused(
            path,
            f"the file name says {named}, but the purchased models say {found} ({summary})",
            column=column_name,
            hint="Rename the file after its brand, or check that it is the file you meant",
        )
    resolved = claims.resolve_brand(path, found, "the purchase history", flags, relabel)
    assert resolved is not None
    brand = resolved
    others = {b: c for b, c in per_brand.items() if b not in {brand, "unknown"}}
    warning = None
    if others:
        n_other = sum(counts[b] for b in others)
        top = ", ".join(f"{m} {n}" for c in others.values() for m, n in c.most_common(6))
        warning = (
            f"{n_other:,} of {rows:,} rows purchased models of {', '.join(sorted(others))} "
            f"({top}); kept as {brand} customers"
        )
    return brand, warning


# --- cell parsers -------------------------------------------------------------
# Pass 1 parses each text column `<field>` into a typed value column `<field>__v`
# (null when invalid). Pass 2 explains each invalid cell: a problem is null for a
# valid cell, else "<header>: <what>: '<cell as found>'".


def _v(field: str) -> pl.Expr:
    return pl.col(f"{field}__v")


def _problem(condition: pl.Expr, header: str, what: str, field: str) -> pl.Expr:
    return pl.when(condition).then(pl.lit(f"{header}: {what}: '") + pl.col(field) + pl.lit("'"))


def _date_value(field: str) -> pl.Expr:
    text = pl.col(field).str.replace_all(r"[./]", "-")
    return text.str.to_date("%Y-%m-%d", strict=False)


def _number(field: str) -> pl.Expr:
    return pl.col(field).str.replace_all(",", "", literal=True).cast(pl.Float64, strict=False)


def _whole_value(field: str, *, maximum: int) -> pl.Expr:
    """Whole number in 0..maximum; thousands separators and a `.0` tail are allowed."""
    text = pl.col(field).str.replace_all(",", "", literal=True)
    number = _number(field)
    valid = text.str.contains(r"^\+?[0-9]+(?:\.0*)?$") & (number <= maximum)
    return pl.when(valid).then(number.cast(pl.Int64))


def _whole_problem(field: str, header: str, what: str, *, maximum: int) -> pl.Expr:
    number = _number(field)
    found = pl.lit("'") + pl.col(field) + pl.lit("'")
    return (
        pl.when(_v(field).is_not_null())
        .then(pl.lit(None, dtype=pl.Utf8))
        .when(number < 0)
        .then(pl.lit(f"{header}: negative {what}: ") + found)
        .when(number.is_null())
        .then(pl.lit(f"{header}: not a number: ") + found)
        .when(number > maximum)
        .then(pl.lit(f"{header}: {what} outside 0-{maximum}: ") + found)
        .otherwise(pl.lit(f"{header}: not a whole number: ") + found)
    )


def _label_lookup(
    frame: pl.DataFrame, field: str, mapper: Callable[[str], str | None]
) -> dict[str, str | None]:
    """Apply a scalar canonicaliser to the distinct labels only (hundreds, not rows)."""
    labels = frame.get_column(field).unique().drop_nulls().to_list()
    return {label: mapper(label) for label in labels}


def _vehicle_classes(labels: pl.Series) -> pl.DataFrame:
    """Canonical `vehicle_class`, `size_class`, `body_type` per distinct published label."""
    size_pattern = "^(" + "|".join(SIZE_CLASSES) + r")\s*(.*)$"
    canonical = (
        pl.col("vehicle_label").str.replace_all(r"\s+", " ").str.replace_all(r"(?i)suv", "SUV")
    )
    return (
        labels.unique()
        .alias("vehicle_label")
        .to_frame()
        .with_columns(canonical.alias("canonical"))
        .with_columns(
            size_class=pl.col("canonical").str.extract(size_pattern, 1),
            body_type=pl.coalesce(
                pl.col("canonical").str.extract(size_pattern, 2), pl.col("canonical")
            ).replace("", None),
        )
        .with_columns(
            vehicle_class=pl.concat_str(
                "size_class", "body_type", separator=" ", ignore_nulls=True
            ).replace("", None)
        )
        .drop("canonical")
    )


def parse_customers(table: RawTable, *, brand: str) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Return (customers, rejected) for one brand's customer file.

    `customers` has the columns of `CUSTOMER_SCHEMA`, in file order; `amount_krw`
    is in KRW, `age` in years, `purchase_count` in purchases, `source_line` is the
    1-based file line. `rejected` has one row per problem found (`line`, `column`
    as the header spells it, `reason`, `raw` = the row joined by ","); a row with
    any problem is left out of `customers`. Ragged rows (`table.ragged`) never
    reach this function's output: the caller quarantines them.

    The whole table in one go; the build streams a file through `CustomerParser`.
    Raises FileRefused when the header is not a customer header.
    """
    parser = CustomerParser(table.path, table.header, brand=brand)
    rows = pl.concat([parser.add(chunk) for chunk in table.chunks()], how="vertical_relaxed")

    def raw_of(lines: pl.Series) -> pl.DataFrame:
        return rows.filter(pl.col("line").is_in(lines.implode())).select("line", "raw")

    ids, rejected = parser.finish(raw_of)
    return customers_of(rows, ids), rejected


def customers_of(rows: pl.DataFrame, ids: pl.DataFrame) -> pl.DataFrame:
    """The `customers` rows (CUSTOMER_SCHEMA): parsed rows with a customer id, in file order."""
    return (
        rows.join(ids, on="line")
        .sort("source_line")
        .select(pl.col(c).cast(t) for c, t in CUSTOMER_SCHEMA.items())
    )


class CustomerParser:
    """Parse a customer file chunk by chunk (`add`), then the whole-file checks (`finish`).

    Phases: the header (`_check_header`), then per chunk **read** (`read_phase`),
    **parse/reject** (`parse_phase`: typed values, one problem per bad cell) and
    **type** (`typed_phase`: canonical vehicle class and model); once per file
    **duplicates** (`duplicates_phase`: a row repeating an earlier row's user id
    and e-mail) and **ids** (`ids_phase`: `customer_id`, numbered where an id is shared).
    """

    def __init__(self, path: Any, header: list[str], *, brand: str | None) -> None:
        if brand is not None and not brand.strip():
            raise ValueError("brand must be a brand name such as 'Hyundai' or 'Kia'")
        self.path, self.header = path, header
        # None: the brand is decided after the file is read (`brand_of_labels` on `labels`);
        # the rows then come without brand and model columns (`BRAND_COLUMNS`) and the brand
        # is given to `finish`
        self.brand = brand.strip() if brand is not None else None
        self.labels: Counter[str] = Counter()  # purchased-model labels, when brand is None
        self.index = _check_header(RawTable(path, "", "", header, [], []))
        self.fields = list(self.index)  # in header order, so the rows need no reordering
        self.header_of = {f: normalise_header(header[i]) for f, i in self.index.items()}
        self._keys: list[pl.DataFrame] = []
        self._rejected: list[pl.DataFrame] = []

    def add(self, chunk: RawTable) -> pl.DataFrame:
        """Parse one chunk; returns its valid rows (CUSTOMER_SCHEMA but customer_id, + raw)."""
        cells = read_phase(chunk, self.fields)
        checked = parse_phase(cells, self.header_of)
        self._keys.append(
            checked.select(
                "line", "user_id", pl.col("email").str.to_lowercase().alias("email"), "has_problem"
            )
        )
        self._rejected.append(problems_of(checked, self.header_of))
        if self.brand is None:
            count_labels(self.labels, chunk, self.index["model_label"])
        return typed_phase(checked.filter(~pl.col("has_problem")), self.brand)

    def finish(
        self, raw_of: Callable[[pl.Series], pl.DataFrame], brand: str | None = None
    ) -> tuple[pl.DataFrame, pl.DataFrame]:
        """(ids: line -> customer_id of every kept row, rejected rows).

        `raw_of(lines)` gives the raw text (line, raw) of rows rejected as duplicates;
        `brand` is the file's brand when the parser was made without one.
        """
        brand = brand or self.brand
        if brand is None:
            raise ValueError("finish needs the brand of a parser made without one")
        keys = pl.concat(self._keys) if self._keys else pl.DataFrame(schema=_KEY_SCHEMA)
        duplicates = duplicates_phase(keys, self.header_of.get("user_id", ""))
        if duplicates.height:
            raw = raw_of(duplicates.get_column("line"))
            duplicates = duplicates.drop("raw").join(raw, on="line", how="left")
        rejected = (
            pl.concat(
                [*self._rejected, duplicates.select(list(REJECTED_SCHEMA))],
                how="vertical_relaxed",
            )
            .sort("line", maintain_order=True)
            .select(pl.col(c).cast(t) for c, t in REJECTED_SCHEMA.items())
        )
        kept = keys.filter(~pl.col("has_problem")).join(duplicates, on="line", how="anti")
        return ids_phase(kept, brand), rejected


_KEY_SCHEMA: dict[str, pl.DataType] = {
    "line": pl.Int64(),
    "user_id": pl.Utf8(),
    "email": pl.Utf8(),
    "has_problem": pl.Boolean(),
}


def read_phase(chunk: RawTable, fields: list[str]) -> pl.DataFrame:
    """Text cells (stripped) per field, the file line and the raw row."""
    cells = (
        pl.DataFrame(chunk.rows, schema={f: pl.Utf8 for f in fields}, orient="row")
        .with_columns(
            pl.Series("line", chunk.lines, dtype=pl.Int64),
            pl.concat_str([pl.col(f) for f in fields], separator=",").alias("raw"),
        )
        .with_columns(pl.col(f).str.strip_chars() for f in fields)
    )
    if "name" not in fields:
        cells = cells.with_columns(name=pl.lit(None, dtype=pl.Utf8))
    return cells


def _values(cells: pl.DataFrame) -> dict[str, pl.Expr]:
    markets = _label_lookup(cells, "market_label", market_of)
    payments = {p: p for p in PAYMENT_METHODS} | _PAYMENT_ALIASES
    launch = (pl.col("launch_month").str.replace_all(r"[./]", "-") + pl.lit("-01")).str.to_date(
        "%Y-%m-%d", strict=False
    )
    values: dict[str, pl.Expr] = {
        "birth_date": _date_value("birth_date"),
        "signup_date": _date_value("signup_date"),
        "purchase_date": _date_value("purchase_date"),
        "age": _whole_value("age", maximum=_MAX_AGE),
        "amount_krw": _whole_value("amount_krw", maximum=_MAX_AMOUNT_KRW),
        "purchase_count": _whole_value("purchase_count", maximum=_MAX_PURCHASES),
        "gender": pl.col("gender").replace_strict(_GENDERS, default=None, return_dtype=pl.Utf8),
        "eco_friendly": pl.col("eco_friendly")
        .str.to_lowercase()
        .replace_strict({"true": True, "false": False}, default=None, return_dtype=pl.Boolean),
        "payment_method": pl.col("payment_method").replace_strict(
            payments, default=None, return_dtype=pl.Utf8
        ),
        "channel": pl.col("channel").replace_strict(
            {c: c for c in CHANNELS}, default=None, return_dtype=pl.Utf8
        ),
        "launch_month": launch.dt.strftime("%Y-%m"),
        "market_label": pl.col("market_label").replace_strict(
            markets, default=None, return_dtype=pl.Utf8
        ),
    }
    for field in ("orig_segment", "orig_cluster"):
        number = pl.col(field).cast(pl.Float64, strict=False)
        values[field] = pl.when(number == number.floor()).then(number.cast(pl.Int8, strict=False))
    return values


def _problems(header_of: dict[str, str]) -> dict[str, pl.Expr]:
    def h(field: str) -> str:
        return header_of.get(field, "")

    def unknown(field: str, what: str, expected: str) -> pl.Expr:
        return _problem(
            _v(field).is_null(), h(field), f"unknown {what} (expected {expected})", field
        )

    def not_a_date(field: str) -> pl.Expr:
        return _problem(_v(field).is_null(), h(field), "not a date (YYYY-MM-DD)", field)

    problems: dict[str, pl.Expr] = {
        "birth_date": not_a_date("birth_date"),
        "age": _whole_problem("age", h("age"), "age", maximum=_MAX_AGE),
        "gender": unknown("gender", "gender", "남/여"),
        "user_id": pl.when(pl.col("user_id") == "").then(pl.lit(f"{h('user_id')}: empty user id")),
        "signup_date": not_a_date("signup_date"),
        "model_label": pl.when(pl.col("model_label") == "").then(
            pl.lit(f"{h('model_label')}: empty model")
        ),
        "eco_friendly": _problem(
            _v("eco_friendly").is_null(), h("eco_friendly"), "expected True/False", "eco_friendly"
        ),
        "purchase_date": not_a_date("purchase_date"),
        "amount_krw": _whole_problem(
            "amount_krw", h("amount_krw"), "amount", maximum=_MAX_AMOUNT_KRW
        ),
        "payment_method": unknown("payment_method", "payment method", "/".join(PAYMENT_METHODS)),
        "purchase_count": _whole_problem(
            "purchase_count", h("purchase_count"), "purchase count", maximum=_MAX_PURCHASES
        ),
        "channel": unknown("channel", "channel", "/".join(CHANNELS)),
        "launch_month": _problem(
            _v("launch_month").is_null(), h("launch_month"), "not a month (YYYY-MM)", "launch_month"
        ),
        "market_label": _problem(
            _v("market_label").is_null(), h("market_label"), "unknown market", "market_label"
        ),
    }
    for field in ("orig_segment", "orig_cluster"):
        problems[field] = _problem(
            (pl.col(field) != "") & _v(field).is_null(), h(field), "not a whole number", field
        )
    return problems


def parse_phase(cells: pl.DataFrame, header_of: dict[str, str]) -> pl.DataFrame:
    """Typed value `<field>__v` and problem `<field>__problem` per field, and `has_problem`."""
    values = _values(cells)
    problems = _problems(header_of)
    return (
        cells.with_columns(expr.alias(f"{field}__v") for field, expr in values.items())
        .with_columns(expr.alias(f"{field}__problem") for field, expr in problems.items())
        .with_columns(
            has_problem=pl.any_horizontal(pl.col(r"^.*__problem$").is_not_null()),
        )
    )


def _problem_columns(header_of: dict[str, str]) -> dict[str, str]:
    """Problem column -> the header it reports, in the order problems are listed per row."""
    fields = [f for f in header_of if f in _problems(header_of)]
    return {f"{field}__problem": header_of[field] for field in fields}


def problems_of(checked: pl.DataFrame, header_of: dict[str, str]) -> pl.DataFrame:
    """One rejected row (REJECTED_SCHEMA) per problem cell, by line then column order."""
    column_of = _problem_columns(header_of)
    order = {name: i for i, name in enumerate(column_of)}
    return (
        checked.filter(pl.col("has_problem"))
        .select("line", "raw", *column_of)
        .unpivot(index=["line", "raw"], variable_name="problem", value_name="reason")
        .drop_nulls("reason")
        .with_columns(
            column=pl.col("problem").replace_strict(column_of, return_dtype=pl.Utf8),
            order=pl.col("problem").replace_strict(order, return_dtype=pl.Int32),
        )
        .sort("line", "order")
        .select(pl.col(c).cast(t) for c, t in REJECTED_SCHEMA.items())
    )


# the columns of a customer row that depend on the file's brand (see `typed_phase`)
BRAND_COLUMNS = ("brand", "model", "powertrain")


def typed_phase(good: pl.DataFrame, brand: str | None) -> pl.DataFrame:
    """Valid rows as CUSTOMER_SCHEMA (but customer_id), with `line` and `raw`.

    Without a brand (None), the rows lack BRAND_COLUMNS: the model catalogue reads a
    label by brand, so they are added once the file's brand is known."""
    values = [f.removesuffix("__v") for f in good.columns if f.endswith("__v")]
    rows = (
        good.join(
            _vehicle_classes(good.get_column("vehicle_class")),
            left_on="vehicle_class",
            right_on="vehicle_label",
            how="left",
        )
        .with_columns(
            market=_v("market_label"),
            source_line=pl.col("line"),
            **{field: _v(field) for field in values if field != "market_label"},
            **{
                field: pl.col(field).replace("", None)
                for field in ("name", "phone", "email", "address")
            },
        )
        .drop("vehicle_class")
        .rename({"vehicle_class_right": "vehicle_class"})
    )
    if brand is None:
        columns = [c for c in CUSTOMER_SCHEMA if c != "customer_id" and c not in BRAND_COLUMNS]
        return rows.select("line", "raw", *(pl.col(c).cast(CUSTOMER_SCHEMA[c]) for c in columns))
    columns = [c for c in CUSTOMER_SCHEMA if c != "customer_id"]
    return (
        with_model_columns(rows.with_columns(brand=pl.lit(brand)), "model_label")
        .select("line", "raw", *(pl.col(c).cast(CUSTOMER_SCHEMA[c]) for c in columns))
        .collect()
    )


def duplicates_phase(keys: pl.DataFrame, user_id_header: str) -> pl.DataFrame:
    """Rows repeating both the user id and the e-mail of an earlier valid row (REJECTED_SCHEMA).

    Only otherwise valid rows count, so a bad first row does not take a good second
    one with it. `raw` is left empty for the caller to fill.
    """
    first_line = pl.col("line").min().over("user_id", "email")
    return (
        keys.filter(~pl.col("has_problem"))
        .with_columns(first_line.alias("first_line"))
        .filter(pl.col("first_line") != pl.col("line"))
        .select(
            "line",
            pl.lit(user_id_header).alias("column"),
            (
                pl.lit(f"{user_id_header}: duplicate of line ")
                + pl.col("first_line").cast(pl.Utf8)
                + pl.lit(" (same user id and e-mail): '")
                + pl.col("user_id")
                + pl.lit("'")
            ).alias("reason"),
            pl.lit(None, dtype=pl.Utf8).alias("raw"),
        )
    )


def ids_phase(kept: pl.DataFrame, brand: str) -> pl.DataFrame:
    """(line, customer_id) of the kept rows: `<initial>-<user id>`, `~2`, `~3` for shared ids.

    Ids shared by different people are rare: they are numbered (1, 2, ... in file
    order) on that subset only, as a window over ~all-distinct ids is slow.
    """
    shared = kept.filter(pl.col("user_id").is_duplicated()).select(
        "line", ordinal=pl.col("line").rank("ordinal").over("user_id")
    )
    initial = brand.strip()[0].upper()
    return kept.join(shared, on="line", how="left").select(
        "line",
        customer_id=pl.lit(f"{initial}-")
        + pl.col("user_id")
        + pl.when(pl.col("ordinal") > 1)
        .then(pl.lit("~") + pl.col("ordinal").cast(pl.Utf8))
        .otherwise(pl.lit("")),
    )
