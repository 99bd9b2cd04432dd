"""Customer region from the postal address: Korean 시·도 / 시·군·구, or the US state.

- **Korean addresses** start with the 시·도 in its official long form
  (`서울특별시`, `경상남도`, `강원특별자치도`), an older official form (`강원도`,
  `전라북도`) or the usual short form (`서울`, `경남`). `region` is the short
  form (서울, 경남, 세종, ...). `district` is the 시·군·구 right after it
  (`진주시`, `종로구`, `기장군`); for a city with 일반구 (`성남시 분당구`) it is the
  city (`성남시`). 세종 has no 시·군·구, so its district is null.
- **US-style addresses** end in `…, City, ST 12345` (ZIP or ZIP+4): `region`
  is the USPS state code (`KS`, `CA`, `DC`, `PR`); `district` stays null.
- **Everything else is unknown** (null), never guessed: military mail
  (`USNV Allen, FPO AE 74865`, APO/DPO and the AA/AE/AP codes), Canadian,
  Mexican, European and British formats, empty and garbage text.

The parser is a set of Polars expressions, so it runs column-wise over the whole
customer table in one pass.
"""

from __future__ import annotations

from typing import TypeVar

import polars as pl

#: short 시·도 names in the official order (서울 first, 제주 last)
KOREAN_REGIONS: tuple[str, ...] = (
    "서울", "부산", "대구", "인천", "광주", "대전", "울산", "세종",
    "경기", "강원", "충북", "충남", "전북", "전남", "경북", "경남", "제주",
)  # fmt: skip

# 시·도 whose next level is 구 or 군 (metropolitan cities); the provinces have 시 and 군.
_METROPOLITAN = ("서울", "부산", "대구", "인천", "광주", "대전", "울산")

#: every accepted spelling of a 시·도 (first word of the address) -> its short name.
#: `광주시` is left out on purpose: it is also a city in 경기도, so it stays unknown.
KOREAN_REGION_SPELLINGS: dict[str, str] = {
    "서울특별시": "서울", "서울시": "서울", "서울": "서울",
    "부산광역시": "부산", "부산시": "부산", "부산": "부산",
    "대구광역시": "대구", "대구시": "대구", "대구": "대구",
    "인천광역시": "인천", "인천시": "인천", "인천": "인천",
    "광주광역시": "광주", "광주": "광주",
    "대전광역시": "대전", "대전시": "대전", "대전": "대전",
    "울산광역시": "울산", "울산시": "울산", "울산": "울산",
    "세종특별자치시": "세종", "세종시": "세종", "세종": "세종",
    "경기도": "경기", "경기": "경기",
    "강원특별자치도": "강원", "강원도": "강원", "강원": "강원",
    "충청북도": "충북", "충북": "충북",
    "충청남도": "충남", "충남": "충남",
    "전북특별자치도": "전북", "전라북도": "전북", "전북": "전북",
    "전라남도": "전남", "전남": "전남",
    "경상북도": "경북", "경북": "경북",
    "경상남도": "경남", "경남": "경남",
    "제주특별자치도": "제주", "제주도": "제주", "제주": "제주",
}  # fmt: skip

#: USPS codes of the states, DC and the inhabited territories. The military
#: codes AA, AE and AP are not places: they stay unknown.
US_STATES: tuple[str, ...] = (
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN",
    "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV",
    "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN",
    "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC", "PR", "GU", "VI", "AS", "MP",
)  # fmt: skip

_MILITARY_POST_OFFICES = ("APO", "FPO", "DPO")

# The first two words of a Korean address, after an optional postal code and country name.
_KOREAN_WORDS = r"^\s*(?:\(?\d{5}\)?\s*)?(?:(?:대한민국|한국)\s+)?(\S+)(?:\s+(\S+))?"
# `…, City, ST 12345` or `…, City, ST 12345-6789` at the very end.
_US_TAIL = r",\s*([^,]+?)\s*,\s*([A-Z]{2})\s+\d{5}(?:-\d{4})?\s*$"

Frame = TypeVar("Frame", pl.DataFrame, pl.LazyFrame)


def region_expressions(address: pl.Expr) -> dict[str, pl.Expr]:
    """`region` and `district` of each address in `address` (Utf8), null when unknown.

    `region`: short 시·도 name (서울, 경남) or USPS state code (KS). `district`:
    the 시·군·구 of a Korean address (진주시, 종로구), else null.
    """
    # one regex pass per address format: whitespace needs no normalising first
    words = address.str.extract_groups(_KOREAN_WORDS)
    first_word, second_word = words.struct.field("1"), words.struct.field("2")
    sido = first_word.replace_strict(KOREAN_REGION_SPELLINGS, default=None, return_dtype=pl.Utf8)
    district = (
        pl.when(sido.is_in(_METROPOLITAN) & second_word.str.contains(r"^\S+[구군]$"))
        .then(second_word)
        .when(
            sido.is_not_null()
            & ~sido.is_in([*_METROPOLITAN, "세종"])
            & second_word.str.contains(r"^\S+[시군]$")
        )
        .then(second_word)
    )
    us = address.str.extract_groups(_US_TAIL)
    city, state = us.struct.field("1"), us.struct.field("2")
    us_state = pl.when(
        state.is_in(US_STATES) & ~city.str.to_uppercase().is_in(_MILITARY_POST_OFFICES)
    ).then(state)
    return {"region": pl.coalesce(sido, us_state), "district": district}


def with_regions(frame: Frame, *, address: str = "address") -> Frame:
    """`frame` with `region` and `district` (Utf8, see `region_expressions`) from `address`.

    Existing `region`/`district` columns are replaced, so the step can run again.
    """
    exprs = region_expressions(pl.col(address).cast(pl.Utf8))
    return frame.with_columns(**exprs)


def parse_regions(addresses: pl.Series) -> pl.DataFrame:
    """`address`, `region`, `district` for each address, in order (null = unknown)."""
    return with_regions(addresses.cast(pl.Utf8).alias("address").to_frame())
