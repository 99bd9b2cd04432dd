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

import re
from collections import Counter
from collections.abc import Callable

import polars as pl

from warehouse.canonical import market_of, with_model_columns
from warehouse.errors import FileRefused
from warehouse.numbers import normalise_header
from warehouse.textio import RawTable

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

#: variant name -> the header exactly as the published file spells it
CUSTOMER_HEADER_VARIANTS: dict[str, list[str]] = {
    "hyundai": _HYUNDAI_HEADER,
    "kia": _KIA_HEADER,
}

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
            hint=f"{hint}; a {name} customer file has the columns: {expected}.",
        )
    return {_FIELD_OF_KEY[_key(cell)]: i for i, cell in enumerate(table.header)}


def _quoted(cells: list[str]) -> str:
    return ", ".join(f"'{c}'" for c in cells)


# --- cell parsers: each returns (value expression, problem expression) ---------
# A problem expression is null for a valid cell, else "<header>: <what> '<found>'".


def _found(field: str) -> pl.Expr:
    return pl.lit(": '") + pl.col(field) + pl.lit("'")


def _problem(condition: pl.Expr, header: str, what: str, field: str) -> pl.Expr:
    return pl.when(condition).then(pl.lit(f"{header}: {what}") + _found(field))


def _date(field: str, header: str) -> tuple[pl.Expr, pl.Expr]:
    text = pl.col(field).str.replace_all(r"[./]", "-")
    value = text.str.to_date("%Y-%m-%d", strict=False)
    return value, _problem(value.is_null(), header, "not a date (YYYY-MM-DD)", field)


def _whole(field: str, header: str, what: str, *, maximum: int) -> tuple[pl.Expr, pl.Expr]:
    """Whole number in 0..maximum; thousands separators and a `.0` tail are allowed."""
    text = pl.col(field).str.replace_all(",", "", literal=True)
    number = text.cast(pl.Float64, strict=False)
    is_whole = text.str.contains(r"^[+-]?\d+(\.0*)?$") & (number.abs() < 1e15)
    value = pl.when(is_whole & (number >= 0) & (number <= maximum)).then(number.cast(pl.Int64))
    problem = (
        pl.when(is_whole & (number < 0))
        .then(pl.lit(f"{header}: negative {what}") + _found(field))
        .when(is_whole & (number > maximum))
        .then(pl.lit(f"{header}: {what} outside 0-{maximum}") + _found(field))
        .when(~is_whole.fill_null(False))
        .then(pl.lit(f"{header}: not a number") + _found(field))
    )
    return value, problem


def _in_set(field: str, header: str, mapping: dict[str, str], what: str) -> tuple[pl.Expr, pl.Expr]:
    value = pl.col(field).replace_strict(mapping, default=None, return_dtype=pl.Utf8)
    expected = "/".join(dict.fromkeys(mapping.values()))
    return value, _problem(value.is_null(), header, f"unknown {what} (expected {expected})", field)


def _label_lookup(
    frame: pl.DataFrame, field: str, mapper: Callable[[str], str | None]
) -> dict[str, str | None]:
    """Apply a scalar canonicaliser to the distinct labels only (hundreds, not rows)."""
    labels = frame.get_column(field).unique().drop_nulls().to_list()
    return {label: mapper(label) for label in labels}


def _empty_customers() -> pl.DataFrame:
    return pl.DataFrame(schema=CUSTOMER_SCHEMA)


def parse_customers(table: RawTable, *, brand: str) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Return (customers, rejected) for one brand's customer file.

    `customers` has the columns of `CUSTOMER_SCHEMA`, in file order; `amount_krw`
    is in KRW, `age` in years, `purchase_count` in purchases, `source_line` is the
    1-based file line. `rejected` has one row per problem found (`line`, `column`
    as the header spells it, `reason`, `raw` = the row joined by ","); a row with
    any problem is left out of `customers`. Ragged rows (`table.ragged`) never
    reach this function's output: the caller quarantines them.

    Raises FileRefused when the header is not a customer header.
    """
    if not brand.strip():
        raise ValueError("brand must be a brand name such as 'Hyundai' or 'Kia'")
    index = _check_header(table)
    fields = list(index)
    header_of = {field: normalise_header(table.header[i]) for field, i in index.items()}
    # `index` follows the header order, so the rows need no reordering.
    raw = pl.DataFrame(table.rows, schema={f: pl.Utf8 for f in fields}, orient="row").with_columns(
        pl.Series("line", table.lines, dtype=pl.Int64),
        pl.concat_str([pl.col(f) for f in fields], separator=",").alias("raw"),
    )

    def h(field: str) -> str:
        return header_of.get(field, field)

    cells = raw.with_columns(
        [pl.col(f).str.strip_chars() for f in fields]
        + ([] if "name" in fields else [pl.lit(None, dtype=pl.Utf8).alias("name")])
    )
    markets = _label_lookup(cells, "market_label", market_of)
    values: dict[str, pl.Expr] = {}
    problems: dict[str, pl.Expr] = {}
    for field in ("birth_date", "signup_date", "purchase_date"):
        values[field], problems[field] = _date(field, h(field))
    values["age"], problems["age"] = _whole("age", h("age"), "age", maximum=_MAX_AGE)
    values["amount_krw"], problems["amount_krw"] = _whole(
        "amount_krw", h("amount_krw"), "amount", maximum=_MAX_AMOUNT_KRW
    )
    values["purchase_count"], problems["purchase_count"] = _whole(
        "purchase_count", h("purchase_count"), "purchase count", maximum=_MAX_PURCHASES
    )
    for field in ("name", "phone", "email", "address"):
        values[field] = pl.when(pl.col(field) != "").then(pl.col(field))
    values["gender"], problems["gender"] = _in_set("gender", h("gender"), _GENDERS, "gender")
    values["eco_friendly"] = (
        pl.col("eco_friendly")
        .str.to_lowercase()
        .replace_strict({"true": True, "false": False}, default=None, return_dtype=pl.Boolean)
    )
    problems["eco_friendly"] = _problem(
        values["eco_friendly"].is_null(), h("eco_friendly"), "expected True/False", "eco_friendly"
    )
    payments = {p: p for p in PAYMENT_METHODS} | _PAYMENT_ALIASES
    values["payment_method"], problems["payment_method"] = _in_set(
        "payment_method", h("payment_method"), payments, "payment method"
    )
    values["channel"], problems["channel"] = _in_set(
        "channel", h("channel"), {c: c for c in CHANNELS}, "channel"
    )
    launch = (pl.col("launch_month").str.replace_all(r"[./]", "-") + pl.lit("-01")).str.to_date(
        "%Y-%m-%d", strict=False
    )
    values["launch_month"] = launch.dt.strftime("%Y-%m")
    problems["launch_month"] = _problem(
        launch.is_null(), h("launch_month"), "not a month (YYYY-MM)", "launch_month"
    )
    values["market"] = pl.col("market_label").replace_strict(
        markets, default=None, return_dtype=pl.Utf8
    )
    problems["market"] = _problem(
        values["market"].is_null(), h("market_label"), "unknown market", "market_label"
    )
    for field in ("orig_segment", "orig_cluster"):
        number = pl.col(field).cast(pl.Float64, strict=False)
        values[field] = pl.when(number == number.floor()).then(number.cast(pl.Int8, strict=False))
        problems[field] = _problem(
            (pl.col(field) != "") & values[field].is_null(), h(field), "not a whole number", field
        )
    problems["user_id"] = pl.when(pl.col("user_id") == "").then(
        pl.lit(f"{h('user_id')}: empty user id")
    )
    problems["model_label"] = pl.when(pl.col("model_label") == "").then(
        pl.lit(f"{h('model_label')}: empty model")
    )

    problem_cols = [expr.alias(f"problem__{field}") for field, expr in problems.items()]
    checked = cells.with_columns(*problem_cols).with_columns(
        pl.any_horizontal(pl.col(r"^problem__.*$").is_not_null()).alias("has_problem")
    )
    # Duplicates are judged among otherwise valid rows, so a bad first row does not
    # take a good second one with it.
    email_key = pl.col("email").str.to_lowercase()
    checked = checked.with_columns(
        pl.when(~pl.col("has_problem"))
        .then(pl.col("line").min().over(pl.col("has_problem"), "user_id", email_key))
        .alias("first_line")
    ).with_columns(
        pl.when(~pl.col("has_problem") & (pl.col("first_line") != pl.col("line")))
        .then(
            pl.lit(f"{h('user_id')}: duplicate of line ")
            + pl.col("first_line").cast(pl.Utf8)
            + pl.lit(" (same user id and e-mail)")
            + _found("user_id")
        )
        .alias("problem__duplicate")
    )

    column_of = {f"problem__{f}": h(f) for f in problems} | {
        "problem__market": h("market_label"),
        "problem__duplicate": h("user_id"),
    }
    order = {name: i for i, name in enumerate(column_of)}
    rejected = (
        checked.select("line", "raw", pl.col(r"^problem__.*$"))
        .unpivot(index=["line", "raw"], variable_name="problem", value_name="reason")
        .drop_nulls("reason")
        .with_columns(
            pl.col("problem").replace_strict(column_of, return_dtype=pl.Utf8).alias("column"),
            pl.col("problem").replace_strict(order, return_dtype=pl.Int32).alias("order"),
        )
        .sort("line", "order")
        .select(pl.col(c).cast(t) for c, t in REJECTED_SCHEMA.items())
    )

    good = checked.filter(~pl.col("has_problem") & pl.col("problem__duplicate").is_null())
    if good.is_empty():
        return _empty_customers(), rejected
    vehicle = (
        pl.col("vehicle_class").str.replace_all(r"\s+", " ").str.replace_all(r"(?i)suv", "SUV")
    )
    size_pattern = "^(" + "|".join(SIZE_CLASSES) + r")\s*(.*)$"
    size = vehicle.str.extract(size_pattern, 1)
    body = pl.coalesce(vehicle.str.extract(size_pattern, 2), vehicle)
    initial = brand.strip()[0].upper()
    ordinal = pl.int_range(1, pl.len() + 1).over("user_id")
    customers = (
        good.sort("line")
        .with_columns(
            **values,
            brand=pl.lit(brand.strip()),
            size_class=size,
            body_type=pl.when(body != "").then(body),
            customer_id=pl.lit(f"{initial}-")
            + pl.col("user_id")
            + pl.when(ordinal > 1).then(pl.lit("~") + ordinal.cast(pl.Utf8)).otherwise(pl.lit("")),
            source_line=pl.col("line"),
        )
        .with_columns(
            vehicle_class=pl.concat_str(
                "size_class", "body_type", separator=" ", ignore_nulls=True
            ).replace("", None),
        )
    )
    customers = (
        with_model_columns(customers, "model_label")
        .sort("source_line")
        .select(pl.col(c).cast(t) for c, t in CUSTOMER_SCHEMA.items())
        .collect()
    )
    return customers, rejected
