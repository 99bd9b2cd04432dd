"""Properties of the IR parsers: units cells, month headers and header detection.

Units: any non-negative whole number, however an IR download spells it
(thousands separators, padding spaces, CSV quotes, a `.0` suffix), parses back
to itself; negative or non-numeric text is invalid (None); a dash or an empty
cell is 0. Months: every spelling of a month gives its number and other header
words give None. Detection: the column order never matters, and an unknown
column is refused by name.
"""

from __future__ import annotations

import string
import sys
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from warehouse import canonical  # noqa: E402
from warehouse.customers import CUSTOMER_HEADER_VARIANTS  # noqa: E402
from warehouse.errors import FileRefused  # noqa: E402
from warehouse.facts import parse_facts  # noqa: E402
from warehouse.formats import (  # noqa: E402
    FACT_FORMATS,
    OTHER_FORMATS,
    detect,
    header_key,
)
from warehouse.numbers import (  # noqa: E402
    month_number,
    normalise_header,
    parse_units,
    units_expr,
    units_problem_expr,
    year_from_text,
)
from warehouse.textio import RawTable, read_table  # noqa: E402

FAST = settings(max_examples=200, deadline=None)  # pure Python: cheap examples
POLARS = settings(max_examples=100, deadline=None)  # one Polars frame per example
FEWER = settings(max_examples=40, deadline=None)  # examples that parse a whole table

MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
H_MONTHS = [
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "May",
    "Jun.",
    "Jul.",
    "Aug.",
    "Sep.",
    "Oct.",
    "Nov.",
    "Dec.",
]
K_MONTHS = [m[:3] for m in MONTH_NAMES]
KO_MONTHS = [f"{m}월" for m in range(1, 13)]

# Identity columns as each format publishes them, and where its months go.
PUBLISHED: dict[str, tuple[list[str], list[str], list[str]]] = {
    # name: (identity columns before the months, month columns, identity columns after)
    "hmc_sales_by_model": (["Model", "Vehicle Type", "Sales Type"], H_MONTHS, []),
    "hmc_plant_sales": (["Overseas Plants", "Model", "Sales Type"], H_MONTHS, []),
    "hmc_export_by_region": (["Region", "Continent"], H_MONTHS, []),
    "hmc_eu_retail": (["Models", "Vehicle Type"], H_MONTHS, []),
    "kia_plant_sales": (["Plant", "Plant Code", "Model"], K_MONTHS, []),
    "kia_overseas_retail": (
        [
            "Model",
            "Plant",
            "Month",
            "U.S.A",
            "Canada",
            "Mexico",
            "Europe",
            "Eastern Europe",
            "Latin America",
            "Middle East",
            "Africa",
            "Asia Pacific",
            "India",
            "China",
        ],
        [],
        [],
    ),
    "kia_sales_by_model": (["Model", "Vehicle Type", "Trade"], K_MONTHS, []),
    "kia_export_by_region": (["Car", "Region"], K_MONTHS, []),
    "processed_hmc_sales_by_model": (["차량 모델", "차량 유형", "판매 구분"], KO_MONTHS, ["연도"]),
    "processed_hmc_plant_sales": (["공장명(국가)", "차량 모델", "판매 구분"], KO_MONTHS, ["연도"]),
    "processed_hmc_export_by_region": (["국가", "연도"], KO_MONTHS, []),
    "processed_export_by_market_long": (["국가", "연도", "월", "y", "ds"], [], []),
    "processed_kia_sales_by_model": (["차종", "차량 구분", "거래 유형"], KO_MONTHS, ["연도"]),
    "processed_kia_export_by_region": (["차량 구분", "국가명", "연도"], KO_MONTHS, []),
    "processed_kia_plant_sales": (["공장명(국가)", "공장 코드", "차종"], KO_MONTHS, ["연도"]),
    "processed_kia_overseas_retail": (["국가명", "공장명(국가)", "차종"], KO_MONTHS, ["연도"]),
}
FORMAT_NAMES = sorted(PUBLISHED)

# Every header key any format (fact, other or customer) knows.
KNOWN_KEYS = (
    {k for f in FACT_FORMATS for k in f.columns}
    | {k for f in OTHER_FORMATS for k in f.required}
    | {header_key(c) for cols in CUSTOMER_HEADER_VARIANTS.values() for c in cols}
)


def published_header(name: str) -> list[str]:
    before, months, after = PUBLISHED[name]
    return [*before, *months, *after]


def raw_table(
    header: list[str], rows: list[list[str]] | None = None, name: str = "ir-download-y2023.csv"
) -> RawTable:
    rows = rows or []
    return RawTable(Path(name), "0" * 64, "utf-8", header, rows, list(range(2, len(rows) + 2)))


# --- units --------------------------------------------------------------------------------

padding = st.text(alphabet=" \t\u00a0", max_size=3)


@st.composite
def unit_cells(draw: st.DrawFn) -> tuple[int, str]:
    """(units, the cell as an IR download may spell it)."""
    # numbers.units_expr treats 10^12 vehicles and more as invalid, by design.
    n = draw(st.integers(min_value=0, max_value=10**12 - 1))
    digits = f"{n:,}" if draw(st.booleans()) else str(n)
    suffix = draw(st.sampled_from(["", ".0", ".00"]))
    return n, draw(padding) + digits + suffix + draw(padding)


@st.composite
def negative_cells(draw: st.DrawFn) -> str:
    n = draw(st.integers(min_value=1, max_value=10**9))
    digits = f"{n:,}" if draw(st.booleans()) else str(n)
    spelled = draw(st.sampled_from([f"-{digits}", f"({digits})"]))
    return draw(padding) + spelled + draw(padding)


non_numeric_cells = st.builds(
    lambda head, word, tail: head + word + tail,
    st.text(alphabet="0123456789,", max_size=3),
    st.text(alphabet=string.ascii_letters + "가나다라#/?*", min_size=1, max_size=8),
    st.text(alphabet="0123456789.", max_size=3),
)
zero_cells = st.builds(
    lambda a, t, b: a + t + b, padding, st.sampled_from(["", "-", "–", "—"]), padding
)


@POLARS
@given(unit_cells())
def test_any_spelling_of_a_whole_number_parses_back(case: tuple[int, str]) -> None:
    n, cell = case
    assert parse_units(cell) == n


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cells")


@POLARS
@given(case=unit_cells(), quote=st.booleans())
def test_units_survive_a_csv_round_trip(scratch: Path, case: tuple[int, str], quote: bool) -> None:
    """The cell as written in a CSV file (quoted as `" 4,120 "` where needed) reads back."""
    n, cell = case
    written = f'"{cell}"' if quote or "," in cell else cell
    path = scratch / "cell.csv"
    path.write_text(f"Model,Jan.\nAvante,{written}\n", encoding="utf-8")
    assert parse_units(read_table(path).rows[0][1]) == n


@POLARS
@given(negative_cells())
def test_negative_units_are_invalid(cell: str) -> None:
    units, problem = parse_with_problem(cell)
    assert units is None
    assert problem is not None and problem.startswith("negative units")


@POLARS
@given(non_numeric_cells)
def test_non_numeric_units_are_invalid(cell: str) -> None:
    units, problem = parse_with_problem(cell)
    assert units is None
    assert problem is not None and problem.startswith("units not ")


@POLARS
@given(zero_cells)
def test_dash_and_empty_cells_are_zero(cell: str) -> None:
    assert parse_with_problem(cell) == (0, None)


def test_missing_cell_is_zero() -> None:
    assert parse_units(None) == 0


@POLARS
@given(
    st.lists(
        st.one_of(
            unit_cells().map(lambda c: (c[1], c[0])),
            negative_cells().map(lambda c: (c, None)),
            non_numeric_cells.map(lambda c: (c, None)),
            zero_cells.map(lambda c: (c, 0)),
        ),
        max_size=30,
    )
)
def test_units_expr_parses_a_column_cell_by_cell(cases: list[tuple[str, int | None]]) -> None:
    frame = pl.DataFrame({"cell": [c for c, _ in cases]}, schema={"cell": pl.Utf8})
    parsed = frame.select(units_expr("cell").alias("units")).get_column("units").to_list()
    assert parsed == [expected for _, expected in cases]


def parse_with_problem(cell: str) -> tuple[int | None, str | None]:
    """`units_expr` and the reason `units_problem_expr` gives, for one cell."""
    frame = pl.DataFrame({"v": [cell]}, schema={"v": pl.Utf8})
    units, problem = frame.select(units_expr("v"), units_problem_expr("v").alias("p")).row(0)
    return units, problem


# --- months -------------------------------------------------------------------------------


@st.composite
def month_headers(draw: st.DrawFn) -> tuple[int, str]:
    m = draw(st.integers(min_value=1, max_value=12))
    name = MONTH_NAMES[m - 1]
    spellings = [name, name + ".", name[:3], name[:3] + ".", f"{m}월", f"{m} 월"]
    if m == 9:
        spellings += ["Sept", "Sept."]
    word = draw(st.sampled_from(spellings))
    word = draw(st.sampled_from([word, word.lower(), word.upper(), word.title()]))
    return m, draw(padding) + word + draw(padding)


@FAST
@given(month_headers())
def test_every_month_spelling_gives_its_number(case: tuple[int, str]) -> None:
    m, header = case
    assert month_number(header) == m


OTHER_HEADER_WORDS = sorted(
    {c for before, _, after in PUBLISHED.values() for c in before + after}
    | {
        "Model",
        "Market",
        "Total",
        "Region",
        "Month",
        "Year",
        "Units",
        "Sales",
        "월",
        "연도",
        "13월",
        "0월",
        "합계",
        "Marketing",
        "Junior",
        "Mayor",
        "",
    }
)
MONTH_PREFIXES = {n[:3].lower() for n in MONTH_NAMES}


@pytest.mark.parametrize("word", OTHER_HEADER_WORDS)
def test_identity_header_words_are_not_months(word: str) -> None:
    assert month_number(word) is None


@FAST
@given(
    st.text(alphabet=string.ascii_letters, min_size=1, max_size=12).filter(
        lambda w: w[:3].lower() not in MONTH_PREFIXES
    )
)
def test_a_word_is_only_a_month_if_it_starts_like_one(word: str) -> None:
    assert month_number(word) is None


@FAST
@given(
    year=st.integers(min_value=2000, max_value=2099),
    stem=st.text(alphabet=string.ascii_lowercase + "-_", max_size=20),
    spelling=st.sampled_from(
        ["{stem}-y{year}.csv", "기아_{year}년_{stem}.csv", "{stem}_{year}.xlsx"]
    ),
)
def test_year_in_a_file_name_is_found(year: int, stem: str, spelling: str) -> None:
    assert year_from_text(spelling.format(stem=stem, year=year)) == year


@FAST
@given(st.text(alphabet=string.ascii_letters + "-_ .", max_size=30))
def test_file_name_without_digits_has_no_year(name: str) -> None:
    assert year_from_text(name) is None


# --- header detection ---------------------------------------------------------------------


def test_every_fact_format_has_a_published_header_here() -> None:
    assert set(PUBLISHED) == {f.name for f in FACT_FORMATS}


@pytest.mark.parametrize("name", FORMAT_NAMES)
def test_published_header_is_detected(name: str) -> None:
    assert detect(raw_table(published_header(name))).name == name


@FAST
@given(
    st.sampled_from(FORMAT_NAMES).flatmap(
        lambda name: st.tuples(st.just(name), st.permutations(published_header(name)))
    )
)
def test_column_order_does_not_change_the_detected_format(case: tuple[str, list[str]]) -> None:
    name, shuffled = case
    original = published_header(name)
    reference = detect(raw_table(original))
    detected = detect(raw_table(shuffled))
    assert detected.name == name
    # Every role, month and market still points at the same header cell.
    for attr in ("role_columns", "month_columns", "market_columns"):
        assert by_header(shuffled, getattr(detected, attr)) == by_header(
            original, getattr(reference, attr)
        )


def by_header(header: list[str], mapping: dict[object, int]) -> dict[object, str]:
    """A detected mapping (role, month or market -> column index) with header cells as values."""
    return {key: header[i] for key, i in mapping.items()}


HMC_ROWS = [
    ["Avante (CN7)", "PC", "Domestic", " 5,241 ", " - ", "", *[" 1,214 "] * 9],
    ["Tucson (NX4)", "RV", "Export", *[f"{m:,}" for m in range(100, 1300, 100)]],
    ["Total", "", "Domestic", " 5,241 ", " - ", "", *[" 1,214 "] * 9],
]


@pytest.fixture(scope="module")
def hmc_facts() -> pl.DataFrame:
    table = raw_table(published_header("hmc_sales_by_model"), HMC_ROWS)
    facts = parse_facts(table, detect(table)).facts.sort("line", "month")
    # The `Total` row is a subtotal: never a fact.
    assert facts.get_column("units").sum() == 5241 + 1214 * 9 + sum(range(100, 1300, 100))
    return facts


@FEWER
@given(st.permutations(list(range(15))))
def test_column_order_does_not_change_the_facts(hmc_facts: pl.DataFrame, order: list[int]) -> None:
    header = published_header("hmc_sales_by_model")
    shuffled = raw_table([header[i] for i in order], [[r[i] for i in order] for r in HMC_ROWS])
    assert parse_facts(shuffled, detect(shuffled)).facts.sort("line", "month").equals(hmc_facts)


def is_unknown_column(name: str) -> bool:
    key = header_key(name)
    return (
        bool(key)
        and key not in KNOWN_KEYS
        and month_number(name) is None
        and canonical.market_of(name) is None
        and not canonical.is_total(name)
    )


unknown_columns = st.text(
    alphabet=string.ascii_letters + string.digits + " _-#()", min_size=1, max_size=15
).filter(is_unknown_column)


@FAST
@given(name=st.sampled_from(FORMAT_NAMES), column=unknown_columns, data=st.data())
def test_an_unknown_column_is_refused_by_name(name: str, column: str, data: st.DataObject) -> None:
    header = published_header(name)
    at = data.draw(st.integers(min_value=0, max_value=len(header)), label="position")
    header.insert(at, column)
    with pytest.raises(FileRefused) as info:
        detect(raw_table(header))
    assert info.value.line == 1
    assert info.value.column == normalise_header(column)
    assert f"'{normalise_header(column)}'" in str(info.value)


@pytest.mark.parametrize(
    ("name", "column"),
    [
        ("hmc_sales_by_model", "Model"),
        ("kia_export_by_region", "Region"),
        ("processed_kia_sales_by_model", "차종"),
        ("kia_overseas_retail", "U.S.A"),
        ("kia_overseas_retail", "USA"),
    ],
)
def test_a_repeated_column_is_refused_by_name(name: str, column: str) -> None:
    header = published_header(name)
    header.append(column)
    with pytest.raises(FileRefused) as info:
        detect(raw_table(header))
    assert info.value.column == column
