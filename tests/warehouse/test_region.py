"""Customer region from the address: the parser on a table of cases, then the reference files.

The reference customer files hold (synthetic) PII: the tests read them in place and
assert counts only.
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import polars as pl
import pytest

from warehouse.region import KOREAN_REGIONS, parse_regions

CUSTOMERS_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "customers"
KIA_FILE = CUSTOMERS_DIR / "기아_고객데이터.csv"
HYUNDAI_FILE = CUSTOMERS_DIR / "현대_고객데이터.csv"

# Every 시·도: (official long form, old or alternative form or None, short form).
SIDO = [
    ("서울특별시", "서울시", "서울"),
    ("부산광역시", "부산시", "부산"),
    ("대구광역시", "대구시", "대구"),
    ("인천광역시", "인천시", "인천"),
    ("광주광역시", None, "광주"),
    ("대전광역시", "대전시", "대전"),
    ("울산광역시", "울산시", "울산"),
    ("세종특별자치시", "세종시", "세종"),
    ("경기도", None, "경기"),
    ("강원특별자치도", "강원도", "강원"),
    ("충청북도", None, "충북"),
    ("충청남도", None, "충남"),
    ("전북특별자치도", "전라북도", "전북"),
    ("전라남도", None, "전남"),
    ("경상북도", None, "경북"),
    ("경상남도", None, "경남"),
    ("제주특별자치도", "제주도", "제주"),
]

# (address, region, district); None = unknown.
CASES: list[tuple[str | None, str | None, str | None]] = [
    # Korean, with 구 / 군 / 시 and with none
    ("서울특별시 종로구 종로1길 36", "서울", "종로구"),
    ("서울 강남구 테헤란로 123", "서울", "강남구"),
    ("부산광역시 기장군 기장읍 차성로 1", "부산", "기장군"),
    ("울산광역시 남구 삼산로 198", "울산", "남구"),
    ("경상남도 진주시 진주대로 500", "경남", "진주시"),
    ("경기도 성남시 분당구 정자동 202", "경기", "성남시"),
    ("경기도 양평군 양평읍 양근리 1", "경기", "양평군"),
    ("전라북도 전주시 완산구 덕진동 33-7", "전북", "전주시"),
    ("전북특별자치도 군산시 백릉로 300", "전북", "군산시"),
    ("강원특별자치도 춘천시 중앙로 123", "강원", "춘천시"),
    ("제주특별자치도 제주시 중앙로 230", "제주", "제주시"),
    ("세종특별자치시 나성북로 21", "세종", None),
    ("  서울특별시   종로구  종로1길 36 ", "서울", "종로구"),
    ("(06236) 서울특별시 강남구 테헤란로 152", "서울", "강남구"),
    ("대한민국 부산광역시 해운대구 우동 456", "부산", "해운대구"),
    # a 시·도 followed by a street, a 동 or a level that cannot follow it: no district
    ("충청남도 불당로 48", "충남", None),
    ("서울특별시 역삼동 123-45", "서울", None),
    ("경기도 분당구 정자동", "경기", None),
    ("서울특별시 수원시 영통구", "서울", None),
    ("경상남도", "경남", None),
    # ambiguous: 광주시 is also a city in 경기도
    ("광주시 오포읍 신현리 1", None, None),
    # US-style, with apartments, suites, units and ZIP+4
    ("402 Peterson Drives Apt. 511, Davisstad, KS 06196", "KS", None),
    ("08069 Tran Grove Suite 717, Shanechester, GA 38251", "GA", None),
    ("283 Steven Groves, Lake Mark, WI 07832", "WI", None),
    ("1600 Pennsylvania Ave NW, Apt 2, Washington, DC 20500-0003", "DC", None),
    ("12 Main St, Unit 4, Springfield, IL 62704", "IL", None),
    ("Calle Luna 5, San Juan, PR 00901", "PR", None),
    # military mail: unknown, never guessed
    ("USNV Allen, FPO AE 74865", None, None),
    ("USS Peterson, FPO AA 21591", None, None),
    ("PSC 8059, Box 8262, APO AE 40905", None, None),
    ("Unit 2807 Box 3741, DPO AA 88709", None, None),
    ("Unit 1745 Box 9615, DPO AP 70443", None, None),
    ("PSC 1234, APO, AE 09012", None, None),
    # other countries' formats
    ("7649 Schaefer Mission Apt. 534, West Daniel, BC E9S8G5", None, None),
    ("Andador Uzbekistán 792 990, Vieja Bolivia, BC 22798", None, None),
    ("Pasaje Zimbabwe 993 067, San Sonia los bajos, DF 11731", None, None),
    ("Avenida Saavedra 863 Interior 693, Vieja Portugal, MOR 07043-5175", None, None),
    ("ul. Stolarska 939, 97-933 Polkowice", None, None),
    ("25, rue Mahe, 46549 Leroy", None, None),
    ("167 Smith stream, East Glen, DL5W 9WP", None, None),
    # US pattern but not a state, lower case, no ZIP, no city
    ("1 Main St, Springfield, XX 12345", None, None),
    ("1 Main St, Springfield, ks 12345", None, None),
    ("1 Main St, Springfield, KS", None, None),
    ("1 Main St, KS 12345", None, None),
    # empty and garbage
    ("", None, None),
    ("   ", None, None),
    (None, None, None),
    ("!!@#$%", None, None),
    ("서울에서 왔어요", None, None),
    ("Seoul, South Korea", None, None),
    ("12345", None, None),
    (",,,", None, None),
]


def _parsed(addresses: list[str | None]) -> list[tuple[str | None, str | None]]:
    frame = parse_regions(pl.Series("address", addresses, dtype=pl.Utf8))
    return list(zip(frame.get_column("region"), frame.get_column("district"), strict=True))


@pytest.mark.parametrize(("address", "region", "district"), CASES)
def test_address_gives_region_and_district(
    address: str | None, region: str | None, district: str | None
) -> None:
    assert _parsed([address]) == [(region, district)]


@pytest.mark.parametrize(("long", "alternative", "short"), SIDO)
def test_every_sido_spelling_gives_its_short_name(
    long: str, alternative: str | None, short: str
) -> None:
    # a metropolitan city has 구/군 under it, a province 시/군, 세종 nothing
    district = {"서울": "중구", "부산": "중구", "대구": "중구", "인천": "중구", "광주": "동구"}
    district |= {"대전": "중구", "울산": "중구", "세종": None}
    expected = district.get(short, "가상시")
    words = [w for w in (long, alternative, short) if w]
    addresses = [f"{w} {expected or '한누리대로'} 1" for w in words]
    assert _parsed(addresses) == [(short, expected)] * len(words)


def test_the_sido_table_covers_all_17_in_official_order() -> None:
    assert list(KOREAN_REGIONS) == [short for _long, _alt, short in SIDO]


def test_parsing_is_row_aligned_and_keeps_the_address() -> None:
    addresses = [c[0] for c in CASES]
    frame = parse_regions(pl.Series(addresses, dtype=pl.Utf8))
    assert frame.columns == ["address", "region", "district"]
    assert frame.get_column("address").to_list() == addresses
    assert _parsed(addresses) == [(r, d) for _a, r, d in CASES]


# --- the reference files, through a real build -------------------------------------


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.skipif(not KIA_FILE.exists(), reason=f"{KIA_FILE} not found")
def test_every_kia_reference_address_resolves_to_a_sido(ref) -> None:
    rows = ref(
        "select count(*), count(region), count(*) filter (where region in "
        f"({', '.join('?' for _ in KOREAN_REGIONS)})) from customers where brand = 'Kia'",
        list(KOREAN_REGIONS),
    )
    assert rows == [(1_900, 1_900, 1_900)]


@pytest.mark.skipif(not KIA_FILE.exists(), reason=f"{KIA_FILE} not found")
@pytest.mark.parametrize(
    ("long", "short"), [("서울특별시", "서울"), ("경상남도", "경남"), ("세종특별자치시", "세종")]
)
def test_kia_customers_per_sido_match_the_raw_file(ref, long: str, short: str) -> None:
    first_words = Counter(row["주소"].split()[0] for row in _rows(KIA_FILE))
    expected = first_words[long]
    assert expected > 0
    got = ref("select count(*) from customer_profiles where brand = 'Kia' and region = ?", [short])
    assert got == [(expected,)]


@pytest.mark.skipif(not KIA_FILE.exists(), reason=f"{KIA_FILE} not found")
def test_kia_districts_match_the_raw_file(ref) -> None:
    expected = sum(row["주소"].startswith("경상남도 진주시 ") for row in _rows(KIA_FILE))
    got = ref("select count(*) from customer_profiles where brand = 'Kia' and district = '진주시'")
    assert got == [(expected,)]


@pytest.mark.skipif(not HYUNDAI_FILE.exists(), reason=f"{HYUNDAI_FILE} not found")
def test_hyundai_us_addresses_give_states_and_military_mail_stays_unknown(ref) -> None:
    rows = _rows(HYUNDAI_FILE)
    us = [r["주소"] for r in rows if r["국가"] == "미국"]
    military = [a for a in us if any(f"{po} " in a for po in ("APO", "FPO", "DPO"))]
    korean = sum(r["주소"].split()[0].endswith(("시", "도")) for r in rows)
    assert military and korean
    got = ref(
        "select count(*) filter (where regexp_matches(region, '^[A-Z]{2}$')), "
        "count(*) filter (where regexp_matches(region, '^[가-힣]+$')), count(*) - count(region) "
        "from customers where brand = 'Hyundai'"
    )
    assert got == [(len(us) - len(military), korean, len(rows) - korean - len(us) + len(military))]


def test_data_quality_counts_resolved_and_unknown_addresses_per_brand(ref) -> None:
    expected = ref(
        "select brand, count(region), count(*), count(*) - count(region) from customers "
        "group by brand order by brand"
    )
    details = dict(
        ref(
            "select split_part(detail, ' ', 1), detail from data_quality "
            "where check_name = 'address_region'"
        )
    )
    assert sorted(details) == [brand for brand, *_ in expected]
    for brand, resolved, total, unknown in expected:
        assert f"{resolved:,} of {total:,} addresses resolved" in details[brand]
        assert f"{unknown:,} unknown" in details[brand]
