"""Deterministic sample-data generator: determinism, file set, formats, consistency.

Reference headers are read in place from ../shared/data (never copied).
"""

from __future__ import annotations

import csv
import hashlib
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from warehouse.sample import (  # noqa: E402
    REPORTED_MONTHS,
    YEARS,
    customers_per_brand,
    generate,
    variants_per_model,
)

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"

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
K_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def expected_files() -> list[str]:
    out = []
    for y in YEARS:
        out += [
            f"raw/hyundai/hmc-sales-by-model-december-y{y}.csv",
            f"raw/hyundai/hmc-global-plant-sales-december-y{y}.csv",
            f"raw/hyundai/hmc-export-by-region-december-y{y}.csv",
            f"raw/hyundai/hmc-eu-retail-sales-december-y{y}.csv",
            f"raw/kia/기아_{y}년_해외공장판매실적.csv",
            f"raw/kia/기아_{y}년_해외현지판매.csv",
            f"raw/kia/kia-sales-by-model-{y}.csv",
            f"raw/kia/kia-export-by-region-{y}.csv",
        ]
    out += [
        "customers/현대_고객데이터.csv",
        "customers/기아_고객데이터.csv",
        "external/competitor_top_models_by_country.csv",
        "external/기아_국가별_수출_기후_GDP.csv",
        "external/현대_지역별_수출_기후_GDP.csv",
    ]
    return sorted(out)


def digests(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def decode(path: Path) -> str:
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp949")


def rows(path: Path) -> list[list[str]]:
    return list(csv.reader(decode(path).splitlines()))


def num(cell: str) -> int:
    s = cell.strip().replace(",", "")
    if s in ("", "-"):
        return 0
    return int(s)


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("gen_a")
    generate(out, seed=7, scale=1.0)
    return out


# --- determinism --------------------------------------------------------------


def test_same_seed_is_byte_identical(base: Path, tmp_path: Path) -> None:
    again = tmp_path / "b"
    paths = generate(again, seed=7, scale=1.0)
    assert paths == sorted(paths)
    assert digests(base) == digests(again)


def test_other_seed_differs(base: Path, tmp_path: Path) -> None:
    other = tmp_path / "c"
    generate(other, seed=8, scale=1.0)
    a, b = digests(base), digests(other)
    assert a.keys() == b.keys()
    differing = [k for k in a if a[k] != b[k]]
    # every numeric file changes with the seed
    assert len(differing) >= len(a) - 1


def test_all_expected_files_and_nothing_else(base: Path) -> None:
    written = sorted(p.relative_to(base).as_posix() for p in base.rglob("*") if p.is_file())
    assert written == expected_files()


def test_returned_paths(tmp_path: Path) -> None:
    calls: list[tuple[str, int, int]] = []
    paths = generate(tmp_path, seed=1, scale=0.05, progress=lambda s, d, t: calls.append((s, d, t)))
    assert [p.relative_to(tmp_path).as_posix() for p in paths] == expected_files()
    assert calls, "progress never called"
    steps = {s for s, _, _ in calls}
    assert steps == set(expected_files())
    for _, d, t in calls:
        assert 0 <= d <= t
    # each step ends complete
    last = {}
    for s, d, t in calls:
        last[s] = (d, t)
    assert all(d == t for d, t in last.values())
    # small scale: fewer customers
    n = len(rows(tmp_path / "customers" / "기아_고객데이터.csv")) - 1
    assert n == customers_per_brand(0.05) == 95


# --- formats ------------------------------------------------------------------

REFERENCE_PAIRS = [
    ("raw/hyundai/hmc-sales-by-model-december-y2023.csv",) * 2,
    ("raw/hyundai/hmc-global-plant-sales-december-y2023.csv",) * 2,
    ("raw/hyundai/hmc-export-by-region-december-y2023.csv",) * 2,
    ("raw/hyundai/hmc-eu-retail-sales-december-y2024.csv",) * 2,
    ("raw/kia/기아_2023년_해외공장판매실적.csv",) * 2,
    ("raw/kia/기아_2023년_해외현지판매.csv",) * 2,
    ("customers/현대_고객데이터.csv",) * 2,
    ("customers/기아_고객데이터.csv",) * 2,
    ("external/competitor_top_models_by_country.csv",) * 2,
    ("external/기아_국가별_수출_기후_GDP.csv",) * 2,
    ("external/현대_지역별_수출_기후_GDP.csv",) * 2,
]


@pytest.mark.parametrize(("ref", "gen"), REFERENCE_PAIRS)
def test_header_bytes_match_reference(base: Path, ref: str, gen: str) -> None:
    ref_path = DATA / ref
    if not ref_path.exists():
        pytest.skip("reference data folder missing")
    ref_header = ref_path.read_bytes().split(b"\n", 1)[0]
    gen_header = (base / gen).read_bytes().split(b"\n", 1)[0]
    # same header row, same BOM (or none), same encoding
    assert gen_header == ref_header


def test_headers_of_formats_without_reference(base: Path) -> None:
    for y in YEARS:
        h = rows(base / f"raw/kia/kia-sales-by-model-{y}.csv")[0]
        assert h == ["Model", "Vehicle Type", "Trade", *K_MONTHS]
        h = rows(base / f"raw/kia/kia-export-by-region-{y}.csv")[0]
        assert h == ["Car", "Region", *K_MONTHS]


def test_encodings(base: Path) -> None:
    cp949 = base / "raw/kia/기아_2024년_해외현지판매.csv"
    with pytest.raises(UnicodeDecodeError):
        cp949.read_bytes().decode("utf-8")
    assert ",※Russia Plant(HMMR),January," in cp949.read_bytes().decode("cp949")
    bom = base / "raw/kia/기아_2024년_해외공장판매실적.csv"
    assert bom.read_bytes().startswith(b"\xef\xbb\xbf")
    hyundai_ext = base / "external/현대_지역별_수출_기후_GDP.csv"
    assert hyundai_ext.read_bytes().startswith(b"\xef\xbb\xbf")
    for p in base.rglob("*.csv"):
        raw = p.read_bytes()
        assert b"\r" not in raw, p
        if p in (bom, base / "external/현대_지역별_수출_기후_GDP.csv"):
            continue
        assert not raw.startswith(b"\xef\xbb\xbf"), p
        if p != cp949:
            raw.decode("utf-8")


def test_hyundai_number_format_and_eof(base: Path) -> None:
    p = base / "raw/hyundai/hmc-sales-by-model-december-y2023.csv"
    text = p.read_text(encoding="utf-8")
    assert not text.endswith("\n")  # published Hyundai files have no final newline
    assert '," 4,' in text or '," 5,' in text  # quoted thousands with surrounding spaces
    assert ", - ," in text
    for r in rows(p)[1:]:
        assert r[1] in ("PC", "RV", "CV") and r[2] in ("Domestic", "Export")
        for c in r[3:]:
            assert c.startswith(" ") and c.endswith(" "), c
            assert num(c) >= 0
    plant = (base / "raw/hyundai/hmc-global-plant-sales-december-y2023.csv").read_text("utf-8")
    assert "HMI, Aura (AI3 4DR),Domestic," in plant
    assert "HMI,Xcent(BA 4DR),Export," in plant and "HMI, Xcent (BA 4DR),Domestic," in plant
    assert "\nCKD,PV,Total," in plant and "\nCKD,CV,Total," in plant
    assert "                    - " in plant  # BHMC padding quirk


def test_hyundai_2025_is_partial(base: Path) -> None:
    for name in (
        "hmc-sales-by-model",
        "hmc-global-plant-sales",
        "hmc-export-by-region",
        "hmc-eu-retail-sales",
    ):
        table = rows(base / f"raw/hyundai/{name}-december-y2025.csv")
        assert table[0][-12:] == H_MONTHS
        body = table[1:]
        assert all(num(r[-1]) == 0 and num(r[-2]) == 0 for r in body)
        assert sum(num(r[-3]) for r in body) > 0  # October is reported
    assert REPORTED_MONTHS[2025] == 10


def test_kia_retail_layout(base: Path) -> None:
    table = rows(base / "raw/kia/기아_2023년_해외현지판매.csv")
    months = {r[2] for r in table[1:]}
    assert "Febuary" in months and "January" in months and len(months) == 12
    groups = {r[1] for r in table[1:]}
    assert {"Korean Plant", "CKD (excl. Russia)", "Special Vehicle"} <= groups
    for r in table[1:]:
        assert len(r) == 14
        if r[1] in ("CKD (excl. Russia)", "Special Vehicle"):
            # first market column carries the row total; Europe is blank
            assert r[6] == ""
            assert num(r[3]) == sum(num(c) for c in r[4:])
    t25 = rows(base / "raw/kia/기아_2025년_해외현지판매.csv")
    assert {r[2] for r in t25[1:]} == {r[2] for r in table[1:]} - {"November", "December"}


def test_kia_region_total_rows_are_subtotals(base: Path) -> None:
    for y in YEARS:
        table = rows(base / f"raw/kia/kia-export-by-region-{y}.csv")[1:]
        cars = {r[0] for r in table}
        assert cars == {
            "Passenger Car",
            "Recreational Vehicle",
            "Commercial Vehicle",
            "Special Vehicle",
            "CKD(excl, Special Vehicle)",
            "CKD(Special Vehicle)",
            "Total",
        }
        detail: dict[tuple[str, int], int] = {}
        total: dict[tuple[str, int], int] = {}
        for r in table:
            for m, c in enumerate(r[2:]):
                target = total if r[0] == "Total" else detail
                target[(r[1], m)] = target.get((r[1], m), 0) + num(c)
        assert total == detail
        assert sum(total.values()) > 0


def test_kia_region_matches_sales_by_model_exports(base: Path) -> None:
    for y in YEARS:
        sales = rows(base / f"raw/kia/kia-sales-by-model-{y}.csv")
        assert sales[0][:3] == ["Model", "Vehicle Type", "Trade"]
        assert {r[2] for r in sales[1:]} == {"Domestic", "Export(excl CKD)", "CKD"}
        assert {r[1] for r in sales[1:]} == {"Ordinary Vehicle", "Special Vehicle"}
        exported = [sum(num(r[3 + m]) for r in sales[1:] if r[2] != "Domestic") for m in range(12)]
        region = rows(base / f"raw/kia/kia-export-by-region-{y}.csv")[1:]
        totals = [sum(num(r[2 + m]) for r in region if r[0] == "Total") for m in range(12)]
        assert exported == totals


def test_hyundai_region_matches_model_exports(base: Path) -> None:
    for y in YEARS:
        model = rows(base / f"raw/hyundai/hmc-sales-by-model-december-y{y}.csv")[1:]
        exported = [sum(num(r[3 + m]) for r in model if r[2] == "Export") for m in range(12)]
        region = rows(base / f"raw/hyundai/hmc-export-by-region-december-y{y}.csv")[1:]
        assert [sum(num(r[2 + m]) for r in region) for m in range(12)] == exported


def test_ev_share_grows(base: Path) -> None:
    def ev_share(y: int) -> float:
        table = rows(base / f"raw/hyundai/hmc-sales-by-model-december-y{y}.csv")[1:]
        n = REPORTED_MONTHS[y]
        tot = eco = 0
        for r in table:
            v = sum(num(c) for c in r[3 : 3 + n])
            tot += v
            if any(k in r[0] for k in ("HEV", "EV", "IONIQ", "NEXO")):
                eco += v
        return eco / tot

    assert ev_share(2023) < ev_share(2024) < ev_share(2025)


# --- customers ------------------------------------------------------------------


def test_customers(base: Path) -> None:
    h = rows(base / "customers/현대_고객데이터.csv")
    k = rows(base / "customers/기아_고객데이터.csv")
    assert len(h) - 1 == len(k) - 1 == customers_per_brand(1.0) == 1900
    assert all(len(r) == len(h[0]) for r in h)
    assert all(len(r) == len(k[0]) for r in k)
    hd = [dict(zip(h[0], r, strict=True)) for r in h[1:]]
    kd = [dict(zip(k[0], r, strict=True)) for r in k[1:]]
    classes = {r["차량구분"] for r in hd}
    assert {"중형 SUV", "중형 suv"} <= classes
    assert any(c.startswith(" ") for c in classes)
    assert {"카드", "신용카드"} <= {r["거래방식"] for r in hd}
    assert {"Santa-Fe ™", "G70 (IK)"} <= {r["구매한 제품"] for r in hd}
    markets = {
        "대한민국",
        "미국",
        "캐나다",
        "멕시코",
        "서유럽",
        "동유럽",
        "아시아",
        "중남미",
        "중동아프리카",
    }
    assert {r["국가"] for r in hd} == markets == {r["국가"] for r in kd}
    for r in hd:
        assert "2023-01-01" <= r["제품 구매 날짜"] <= "2025-12-31"
        assert r["가입일"] <= r["제품 구매 날짜"]
        assert 10_000_000 < int(r["거래 금액"]) < 200_000_000
    for r in kd:
        assert "2023-01-01" <= r["제품구매날짜"] <= "2025-12-31"
    assert len({r["아이디"] for r in hd}) == len(hd)
    assert len({r["아이디"] for r in kd}) == len(kd)


def test_customer_addresses_exercise_the_region_parser(base: Path) -> None:
    from warehouse.region import parse_regions

    h = rows(base / "customers/현대_고객데이터.csv")
    k = rows(base / "customers/기아_고객데이터.csv")
    h_addr = [r[h[0].index("주소")] for r in h[1:]]
    k_addr = [r[k[0].index("주소")] for r in k[1:]]
    # Hyundai: US with apartments and suites, military mail of all three kinds, Korean
    # addresses for Korea's customers, garbage; Kia: Korean with and without 구, short and
    # current official 시·도 names, a postal-code prefix, garbage.
    assert any(" Apt. " in a and a.endswith(tuple("0123456789")) for a in h_addr)
    assert all(any(f"{po} " in a for a in h_addr) for po in ("APO", "FPO", "DPO"))
    assert any(a.startswith("서울특별시 ") for a in h_addr)
    assert any(a.startswith(("서울 ", "경남 ")) for a in k_addr)
    assert any(a.startswith(("강원특별자치도 ", "전북특별자치도 ")) for a in k_addr)
    assert any(a.startswith("(") for a in k_addr)
    assert "" in h_addr and "" in k_addr
    for addresses, us in ((h_addr, True), (k_addr, False)):
        parsed = parse_regions(pl.Series(addresses))
        regions = parsed.get_column("region")
        districts = parsed.get_column("district")
        assert 0 < regions.null_count() < 0.1 * len(addresses)
        assert districts.str.ends_with("구").any() and districts.str.ends_with("시").any()
        assert (regions == "세종").any() and regions.str.contains("^[A-Z]{2}$").any() == us


# --- scaling --------------------------------------------------------------------


def test_scaling_formulas() -> None:
    assert variants_per_model(1) == 1 and variants_per_model(0.05) == 1
    assert customers_per_brand(1) == 1900
    assert 2 * customers_per_brand(100) >= 1_000_000
    # base model rows (scale 1) x variants(100) must exceed 10M fact cells
    assert variants_per_model(100) * 38_000 >= 10_000_000


def test_trim_variants_at_scale(tmp_path: Path) -> None:
    generate(tmp_path, seed=3, scale=1.4)  # 2 variants per model, ~3,950 customers per brand
    assert variants_per_model(1.4) == 2
    table = rows(tmp_path / "raw/hyundai/hmc-sales-by-model-december-y2024.csv")
    labels = [r[0] for r in table[1:]]
    assert "Tucson (NX4)" in labels and "Tucson (NX4 #2)" in labels
    retail = rows(tmp_path / "raw/kia/기아_2024년_해외현지판매.csv")
    assert "Sportage #2" in {r[0] for r in retail[1:]}
    # still consistent with subtotals
    region = rows(tmp_path / "raw/kia/kia-export-by-region-2024.csv")[1:]
    for m in range(12):
        tot = sum(num(r[2 + m]) for r in region if r[0] == "Total")
        det = sum(num(r[2 + m]) for r in region if r[0] != "Total")
        assert tot == det


def test_import_is_light() -> None:
    """Importing the generator builds no cell table and reads no catalogue file."""
    code = (
        "import warehouse.sample; from warehouse.sample import catalogue, common, customers; "
        "assert not common._FMT_CACHE and not customers._DATE_TABLE; "
        "assert catalogue.load.cache_info().currsize == 0"
    )
    subprocess.run([sys.executable, "-c", code], cwd=REPO, check=True)


def test_every_catalogue_file_loads_and_is_documented() -> None:
    from warehouse.sample import catalogue
    from warehouse.sample.common import M

    readme = (REPO / "warehouse" / "sample" / "catalogues" / "README.md").read_text()
    assert len(catalogue.names()) == 40
    for name in catalogue.names():
        assert f"`{name}.json`" in readme
        assert isinstance(catalogue.load(name), tuple | dict)
    assert all(isinstance(m, M) for m in catalogue.H_DOMESTIC)
    assert catalogue.K_GROUP_NAMES["korea"][2023] == "Korean Plant"  # int keys survive JSON
    with pytest.raises(AttributeError):
        catalogue.NOT_A_CATALOGUE  # noqa: B018
