"""Customer-file parser: exact facts of the two reference files, then bad input.

The reference files hold (synthetic) PII: the tests read them in place and
assert counts only; no row is copied into the repository.
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warehouse import customers as customers_module
from warehouse.canonical import CUSTOMER_MARKETS
from warehouse.customers import (
    CUSTOMER_HEADER_VARIANTS,
    CUSTOMER_SCHEMA,
    REJECTED_SCHEMA,
    is_customer_header,
    parse_customers,
)
from warehouse.errors import FileRefused
from warehouse.textio import RawTable, read_table

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
CUSTOMERS_DIR = DATA / "customers"
HYUNDAI_FILE = CUSTOMERS_DIR / "현대_고객데이터.csv"
KIA_FILE = CUSTOMERS_DIR / "기아_고객데이터.csv"

needs_files = pytest.mark.skipif(
    not (HYUNDAI_FILE.exists() and KIA_FILE.exists()),
    reason=f"reference customer files not found under {CUSTOMERS_DIR}",
)


@pytest.fixture(scope="module")
def hyundai() -> tuple[pl.DataFrame, pl.DataFrame]:
    return parse_customers(read_table(HYUNDAI_FILE), brand="Hyundai")


@pytest.fixture(scope="module")
def kia() -> tuple[pl.DataFrame, pl.DataFrame]:
    return parse_customers(read_table(KIA_FILE), brand="Kia")


def _label_counts(path: Path, column: str) -> Counter[str]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return Counter(row[column] for row in csv.DictReader(handle))


# --- the reference files -------------------------------------------------------


@needs_files
def test_every_reference_row_loads_and_none_is_rejected(hyundai, kia):
    assert hyundai[0].height == 1_892
    assert kia[0].height == 1_900
    assert hyundai[1].height == 0
    assert kia[1].height == 0


@needs_files
def test_reference_frames_follow_the_customers_contract(hyundai, kia):
    for customers, rejected in (hyundai, kia):
        assert customers.schema == pl.Schema(CUSTOMER_SCHEMA)
        assert rejected.schema == pl.Schema(REJECTED_SCHEMA)
        assert customers.get_column("customer_id").is_unique().all()
        assert customers.get_column("source_line").is_sorted()
    assert hyundai[0].get_column("name").null_count() == 0
    assert kia[0].get_column("name").null_count() == kia[0].height


@needs_files
def test_vehicle_class_is_canonical(hyundai, kia):
    for customers, _ in (hyundai, kia):
        classes = customers.get_column("vehicle_class")
        assert not classes.str.contains("suv").any()
        assert not classes.str.contains(r"^\s|\s$|\s\s").any()
        assert set(customers.get_column("body_type")) == {"SUV", "세단", "해치백", "픽업트럭"}
    suv = hyundai[0].filter(pl.col("vehicle_class") == "중형 SUV")
    # 148 `중형 SUV` + 46 `중형 suv` + 6 ` 중형 suv` in the file
    assert suv.height == 200
    assert set(suv.get_column("size_class")) == {"중형"}


@needs_files
def test_payment_methods_are_the_three_canonical_ones(hyundai, kia):
    for customers, _ in (hyundai, kia):
        assert set(customers.get_column("payment_method")) == {"현금", "계좌이체", "신용카드"}
    # 522 `신용카드` + 115 `카드` in the Hyundai file
    assert hyundai[0].filter(pl.col("payment_method") == "신용카드").height == 637


@needs_files
def test_hyundai_g70_customers_are_all_in_korea(hyundai):
    customers = hyundai[0]
    korea = customers.filter(pl.col("market") == "Korea")
    assert customers.filter(pl.col("model") == "G70").height == 60
    assert korea.height == 292
    assert korea.filter(pl.col("model") == "G70").height == 60


@needs_files
def test_hyundai_santa_fe_spellings_form_one_family(hyundai):
    labels = _label_counts(HYUNDAI_FILE, "구매한 제품")
    expected = labels["Santa-Fe ™"] + labels["Santa Fe"] + labels["Santa-Fe (MX5 PHEV)"]
    assert expected > 0
    assert hyundai[0].filter(pl.col("model") == "Santa Fe").height == expected


@needs_files
def test_kia_k5_counts_both_spellings(kia):
    labels = _label_counts(KIA_FILE, "구매한제품")
    assert (labels["Optima / K5"], labels["K5"]) == (127, 26)
    assert kia[0].filter(pl.col("model") == "K5").height == 127 + 26


@needs_files
def test_every_market_is_canonical(hyundai, kia):
    for customers, _ in (hyundai, kia):
        markets = customers.get_column("market")
        assert markets.null_count() == 0
        assert set(markets) == set(CUSTOMER_MARKETS)
    assert kia[0].filter(pl.col("market") == "Korea").height == 300


@needs_files
def test_shared_user_ids_of_different_people_are_kept_apart(hyundai, kia):
    # The synthetic ids collide: 17 Hyundai rows and 1 Kia row reuse an earlier
    # row's id with a different e-mail, i.e. a different person.
    for (customers, _), repeats in ((hyundai, 17), (kia, 1)):
        assert customers.get_column("user_id").is_duplicated().sum() > 0
        assert customers.get_column("customer_id").str.contains("~").sum() == repeats


@needs_files
def test_plain_santa_fe_is_not_a_fuel_cell_car(hyundai):
    santa_fe = hyundai[0].filter(pl.col("model_label") == "Santa Fe")
    assert set(santa_fe.get_column("powertrain")) == {"ICE"}


# --- small in-memory tables ------------------------------------------------------

HYUNDAI_HEADER = CUSTOMER_HEADER_VARIANTS["hyundai"]
KIA_HEADER = CUSTOMER_HEADER_VARIANTS["kia"]

# Made-up values, not taken from the reference files.
_GOOD: dict[str, str] = {
    "이름": "Test Person",
    "생년월일": "1990-01-15",
    "연령": "35",
    "성별": "여",
    "휴대폰번호": "010-0000-0000",
    "이메일": "person@example.test",
    "주소": "1 Test Road, Testville",
    "아이디": "tester1",
    "가입일": "2023-02-01",
    "차량구분": "중형 SUV",
    "구매한제품": "Tucson",
    "친환경차": "False",
    "제품구매날짜": "2023-03-01",
    "거래금액": "35000000",
    "거래방식": "현금",
    "제품구매빈도": "2",
    "제품구매경로": "온라인",
    "제품출시년월": "2021-07",
    "국가": "미국",
    "고객세그먼트": "1",
    "Cluster": "4",
}


def _row(header: list[str], **overrides: str) -> list[str]:
    values = _GOOD | {key.replace(" ", ""): value for key, value in overrides.items()}
    return [values[cell.replace(" ", "")] for cell in header]


def _table(header: list[str], rows: list[list[str]]) -> RawTable:
    lines = list(range(2, len(rows) + 2))
    return RawTable(Path("memory.csv"), "0" * 64, "utf-8", header, rows, lines)


def test_both_header_variants_are_customer_headers():
    assert is_customer_header(HYUNDAI_HEADER)
    assert is_customer_header(KIA_HEADER)
    assert is_customer_header(
        ["\ufeff이름 ", *HYUNDAI_HEADER[1:10], "구매한  제품", *HYUNDAI_HEADER[11:]]
    )
    assert not is_customer_header(["Model", "Jan.", "Feb.", "Mar.", "Total"])


def test_a_row_with_amount_abc_is_rejected_with_line_and_column():
    rows = [_row(HYUNDAI_HEADER), _row(HYUNDAI_HEADER, 아이디="tester2", 거래금액="abc")]
    customers, rejected = parse_customers(_table(HYUNDAI_HEADER, rows), brand="Hyundai")
    assert customers.get_column("source_line").to_list() == [2]
    assert rejected.rows(named=True) == [
        {
            "line": 3,
            "column": "거래 금액",
            "reason": "거래 금액: not a number: 'abc'",
            "raw": ",".join(rows[1]),
        }
    ]


def test_a_header_missing_gender_is_refused_naming_it():
    header = [cell for cell in KIA_HEADER if cell != "성별"]
    with pytest.raises(FileRefused) as caught:
        parse_customers(_table(header, []), brand="Kia")
    assert "성별" in str(caught.value)
    assert caught.value.column == "성별"
    assert "Add" in caught.value.hint


def test_a_header_with_an_extra_column_is_refused_naming_it():
    header = [*KIA_HEADER, "메모"]
    assert is_customer_header(header)
    with pytest.raises(FileRefused) as caught:
        parse_customers(_table(header, [[*_row(KIA_HEADER), "x"]]), brand="Kia")
    assert caught.value.column == "메모"
    assert "unexpected" in caught.value.reason


@pytest.mark.parametrize(
    ("column", "value", "reason"),
    [
        ("거래금액", "-5", "거래금액: negative amount: '-5'"),
        ("제품구매빈도", "two", "제품구매빈도: not a number: 'two'"),
        ("연령", "150", "연령: age outside 0-120: '150'"),
        ("성별", "X", "성별: unknown gender (expected 남/여): 'X'"),
        ("국가", "화성", "국가: unknown market: '화성'"),
        ("가입일", "2023-13-45", "가입일: not a date (YYYY-MM-DD): '2023-13-45'"),
        ("아이디", " ", "아이디: empty user id"),
        (
            "거래방식",
            "외상",
            "거래방식: unknown payment method (expected 현금/계좌이체/신용카드): '외상'",
        ),
        ("친환경차", "maybe", "친환경차: expected True/False: 'maybe'"),
    ],
)
def test_row_level_problems_are_rejected(column: str, value: str, reason: str):
    rows = [_row(KIA_HEADER, **{column: value})]
    customers, rejected = parse_customers(_table(KIA_HEADER, rows), brand="Kia")
    assert customers.height == 0
    assert rejected.select("line", "column", "reason").rows() == [(2, column, reason)]


def test_messy_values_are_canonicalised():
    rows = [_row(KIA_HEADER, 차량구분=" 중형  suv", 거래방식="카드", 구매한제품=" Optima / K5 ")]
    customers, _ = parse_customers(_table(KIA_HEADER, rows), brand="Kia")
    row = customers.row(0, named=True)
    assert row["vehicle_class"] == "중형 SUV"
    assert (row["size_class"], row["body_type"]) == ("중형", "SUV")
    assert row["payment_method"] == "신용카드"
    assert (row["model_label"], row["model"]) == ("Optima / K5", "K5")
    assert (row["customer_id"], row["name"], row["gender"]) == ("K-tester1", None, "F")
    assert (row["market_label"], row["market"]) == ("미국", "USA")


def test_repeated_user_and_email_is_a_duplicate_and_the_first_is_kept():
    rows = [
        _row(KIA_HEADER),
        _row(KIA_HEADER, 이메일="someone.else@example.test"),
        _row(KIA_HEADER, 거래금액="1"),
    ]
    customers, rejected = parse_customers(_table(KIA_HEADER, rows), brand="Kia")
    assert customers.select("customer_id", "source_line").rows() == [
        ("K-tester1", 2),
        ("K-tester1~2", 3),
    ]
    assert rejected.select("line", "column", "reason").rows() == [
        (4, "아이디", "아이디: duplicate of line 2 (same user id and e-mail): 'tester1'")
    ]


def test_a_bad_first_row_does_not_make_its_repeat_a_duplicate():
    rows = [_row(KIA_HEADER, 성별="?"), _row(KIA_HEADER)]
    customers, rejected = parse_customers(_table(KIA_HEADER, rows), brand="Kia")
    assert customers.get_column("source_line").to_list() == [3]
    assert rejected.get_column("line").to_list() == [2]


def test_an_empty_file_gives_empty_frames_with_the_contract_schema():
    customers, rejected = parse_customers(_table(HYUNDAI_HEADER, []), brand="Hyundai")
    assert customers.schema == pl.Schema(CUSTOMER_SCHEMA)
    assert rejected.schema == pl.Schema(REJECTED_SCHEMA)
    assert customers.height == rejected.height == 0


_cells = st.sampled_from(
    ["", " ", "abc", "-1", "0", "150", "2023-01-01", "남", "여", "카드", "미국"]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(KIA_HEADER), _cells), min_size=1, max_size=6))
def test_every_row_ends_up_loaded_or_rejected_never_both(edits):
    rows = [
        _row(KIA_HEADER, **({"아이디": f"user{i}"} | {column: value}))
        for i, (column, value) in enumerate(edits)
    ]
    customers, rejected = parse_customers(_table(KIA_HEADER, rows), brand="Kia")
    loaded = set(customers.get_column("source_line").to_list())
    refused = set(rejected.get_column("line").to_list())
    assert loaded.isdisjoint(refused)
    assert loaded | refused == set(range(2, len(rows) + 2))


# --- the parser's phases (CustomerParser), one at a time ----------------------------------


def test_read_phase_strips_cells_and_keeps_the_raw_row():
    from warehouse.customers import read_phase

    rows = [_row(KIA_HEADER, 아이디=" kim ")]
    fields = list(customers_module._check_header(_table(KIA_HEADER, rows)))
    cells = read_phase(_table(KIA_HEADER, rows), fields)
    assert cells.item(0, "user_id") == "kim"
    assert ", kim ," in cells.item(0, "raw")
    assert cells.item(0, "name") is None  # the layout without 이름


def test_parse_phase_types_values_and_names_each_problem():
    from warehouse.customers import parse_phase, problems_of, read_phase

    rows = [_row(KIA_HEADER, 연령="-3", 성별="X")]
    raw = _table(KIA_HEADER, rows)
    header_of = {f: customers_module.normalise_header(raw.header[i]) for f, i in
                 customers_module._check_header(raw).items()}  # fmt: skip
    checked = parse_phase(read_phase(raw, list(header_of)), header_of)
    assert checked.item(0, "has_problem")
    assert checked.item(0, "amount_krw__v") == int(_GOOD["거래금액"].replace(",", ""))
    assert problems_of(checked, header_of).select("column", "reason").rows() == [
        ("연령", "연령: negative age: '-3'"),
        ("성별", "성별: unknown gender (expected 남/여): 'X'"),
    ]


def test_duplicates_phase_rejects_a_later_row_with_the_same_id_and_email():
    from warehouse.customers import duplicates_phase

    keys = pl.DataFrame(
        {
            "line": [2, 3, 4, 5],
            "user_id": ["wi", "wi", "wi", "kim"],
            "email": ["a@x", "b@x", "a@x", "a@x"],
            "has_problem": [False, False, False, False],
        }
    )
    found = duplicates_phase(keys, "아이디")
    assert found.select("line", "reason").rows() == [
        (4, "아이디: duplicate of line 2 (same user id and e-mail): 'wi'")
    ]


def test_ids_phase_numbers_ids_shared_by_different_people_in_file_order():
    from warehouse.customers import ids_phase

    kept = pl.DataFrame({"line": [2, 3, 7], "user_id": ["wi", "kim", "wi"]})
    assert ids_phase(kept, "Kia").sort("line").rows() == [
        (2, "K-wi"),
        (3, "K-kim"),
        (7, "K-wi~2"),
    ]


def test_chunked_parsing_gives_the_same_customers_as_the_whole_file():
    from warehouse.customers import CustomerParser, customers_of

    rows = [_row(KIA_HEADER, 아이디=f"u{i % 3}", 이메일=f"{i}@x") for i in range(7)]
    rows.append(_row(KIA_HEADER, 아이디="u0", 이메일="0@x"))  # repeats line 2
    raw = _table(KIA_HEADER, rows)
    whole, whole_rejected = parse_customers(raw, brand="Kia")
    parser = CustomerParser(raw.path, raw.header, brand="Kia")
    parts = [parser.add(chunk) for chunk in raw.chunks(size=3)]
    staged = pl.concat(parts)
    ids, rejected = parser.finish(
        lambda lines: staged.filter(pl.col("line").is_in(lines.implode())).select("line", "raw")
    )
    assert customers_of(staged, ids).equals(whole)
    assert rejected.equals(whole_rejected)
    assert whole_rejected.get_column("line").to_list() == [9]
