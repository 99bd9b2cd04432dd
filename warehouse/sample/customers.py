"""The two customer-profile files (customers/현대_고객데이터.csv, 기아_고객데이터.csv)."""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import numpy as np

from warehouse.sample import catalogue
from warehouse.sample.common import (
    CUSTOMER_CHUNK,
    _csv_field,
    _Ctx,
    _rng,
    _Writer,
    customers_per_brand,
)

H_CUSTOMER_HEADER = ",".join(
    (
        "이름",
        "생년월일",
        "연령",
        "성별",
        "휴대폰번호",
        "이메일",
        "주소",
        "아이디",
        "가입일",
        "차량구분",
        "구매한 제품",
        "친환경차",
        "제품 구매 날짜",
        "거래 금액",
        "거래방식",
        "제품구매빈도",
        "제품구매경로",
        "제품출시년월",
        "국가",
        "고객 세그먼트",
        "Cluster",
    )
)


K_CUSTOMER_HEADER = ",".join(
    (
        "생년월일",
        "연령",
        "성별",
        "휴대폰번호",
        "이메일",
        "주소",
        "아이디",
        "가입일",
        "차량구분",
        "구매한제품",
        "친환경차",
        "제품구매날짜",
        "거래금액",
        "거래방식",
        "제품구매빈도",
        "제품구매경로",
        "제품출시년월",
        "국가",
        "고객세그먼트",
        "Cluster",
    )
)


_MARKET_P = np.array([1.5, 1, 1, 1, 1, 1, 1, 1, 1]) / 9.5


@cache
def _kr_addresses() -> tuple[str, ...]:
    """Every Korean street address stem: province, city and road (catalogues kr_*)."""
    return tuple(
        f"{p} {c} {r}".replace("  ", " ")
        for p, cities in catalogue.KR_REGIONS
        for c in cities
        for r in catalogue.KR_ROADS
    )


# Address spellings that exercise the region parser (warehouse/region.py): short and
# current official 시·도 names, a postal-code prefix, APO/DPO military mail and garbage.
_KR_SIDO_VARIANTS = {
    "서울특별시": "서울",
    "부산광역시": "부산",
    "경상남도": "경남",
    "강원도": "강원특별자치도",
    "전라북도": "전북특별자치도",
    "세종특별자치시": "세종시",
}
_GARBAGE_ADDRESSES = ("", "주소 미상", "N/A", "-", "해외 거주", "12345", "???")


def _address_variant(
    brand: str, address: str, market: str, u: float, numbers: list[int], korean: str
) -> str:
    """A few customers' addresses respelled or replaced (`u` uniform in 0-1)."""
    a, b, zipc = numbers
    if u < 0.01:
        return _GARBAGE_ADDRESSES[a % len(_GARBAGE_ADDRESSES)]
    if brand == "hyundai":
        if market == "대한민국":
            return korean
        if u < 0.02:
            return f"PSC {a}, Box {b}, APO AE {zipc:05d}"
        if u < 0.03:
            return f"Unit {a} Box {b}, DPO AP {zipc:05d}"
        return address
    sido, _, rest = address.partition(" ")
    if u < 0.05 and sido in _KR_SIDO_VARIANTS:
        return f"{_KR_SIDO_VARIANTS[sido]} {rest}"
    if u < 0.06:
        return f"({zipc:05d}) {address}"
    return address


_DATE_ORIGIN = _dt.date(1950, 1, 1)


_DATE_TABLE: list[str] = []


def _date_strings() -> list[str]:
    if not _DATE_TABLE:
        n = (_dt.date(2027, 1, 1) - _DATE_ORIGIN).days
        _DATE_TABLE.extend((_DATE_ORIGIN + _dt.timedelta(days=i)).isoformat() for i in range(n))
    return _DATE_TABLE


def _day(y: int, m: int, d: int) -> int:
    return (_dt.date(y, m, d) - _DATE_ORIGIN).days


def _pick(rng: np.random.Generator, seq: Sequence[str], n: int) -> list[str]:
    idx = rng.integers(0, len(seq), size=n)
    return [seq[i] for i in idx.tolist()]


def _us_phones(rng: np.random.Generator, n: int) -> list[str]:
    kind = rng.integers(0, 6, size=n).tolist()
    a = rng.integers(201, 990, size=n).tolist()
    b = rng.integers(200, 999, size=n).tolist()
    c = rng.integers(0, 10000, size=n).tolist()
    x = rng.integers(100, 99999, size=n).tolist()
    out = []
    for k, aa, bb, cc, xx in zip(kind, a, b, c, x, strict=True):
        if k == 0:
            out.append(f"{aa}{bb}{cc:04d}")
        elif k == 1:
            out.append(f"+1-{aa}-{bb}-{cc:04d}x{xx}")
        elif k == 2:
            out.append(f"{aa}.{bb}.{cc:04d}")
        elif k == 3:
            out.append(f"001-{aa}-{bb}-{cc:04d}x{xx}")
        elif k == 4:
            out.append(f"({aa}){bb}-{cc:04d}")
        else:
            out.append(f"{aa}-{bb}-{cc:04d}")
    return out


def _customer_rows(rng: np.random.Generator, brand: str, n: int, uid: np.ndarray) -> list[str]:
    products = catalogue.H_PRODUCTS if brand == "hyundai" else catalogue.K_PRODUCTS
    dates = _date_strings()
    pw = np.array([p[1] for p in products], dtype=float)
    prod = rng.choice(len(products), size=n, p=pw / pw.sum())
    gender = rng.integers(0, 2, size=n)
    age = np.clip(np.rint(rng.normal(43, 11, size=n)), 20, 71).astype(int)
    birth = np.array([_day(2025 - a, 1, 1) for a in range(0, 80)])[age] + rng.integers(0, 365, n)
    # purchase date: 2023-01-01 .. 2025-12-31, not before the model launch
    lo_all = _day(2023, 1, 1)
    hi = _day(2025, 12, 31)
    lo = np.array([max(lo_all, _day(int(p[6][:4]), int(p[6][5:]), 1)) for p in products])[prod]
    purchase = lo + np.floor(rng.random(n) * (hi - lo + 1)).astype(int)
    signup = purchase - rng.integers(0, 420, size=n)
    pmin = np.array([p[4] for p in products], dtype=float)[prod]
    pmax = np.array([p[5] for p in products], dtype=float)[prod]
    amount = pmin + rng.random(n) * (pmax - pmin)
    if brand == "hyundai":
        amount = np.rint(amount / 10_000) * 10_000
    else:
        rounded = rng.random(n) < 0.4
        amount = np.where(rounded, np.rint(amount / 10_000) * 10_000, np.rint(amount))
    amount = amount.astype(np.int64).tolist()
    if brand == "hyundai":
        pay = ["현금", "계좌이체", "신용카드", "카드"]
        pay_p = [0.38, 0.28, 0.28, 0.06]
    else:
        pay = ["계좌이체", "신용카드", "현금"]
        pay_p = [0.35, 0.33, 0.32]
    pays = rng.choice(len(pay), size=n, p=pay_p).tolist()
    freq = (rng.choice(6, size=n, p=[0.46, 0.21, 0.15, 0.10, 0.055, 0.025]) + 1).tolist()
    online = rng.integers(0, 2, size=n).tolist()
    market = rng.choice(len(catalogue.CUSTOMER_MARKETS), size=n, p=_MARKET_P).tolist()
    seg = rng.choice(4, size=n, p=[0.2, 0.34, 0.25, 0.21]).tolist()
    cluster = rng.choice(6, size=n, p=[0.15, 0.18, 0.17, 0.15, 0.14, 0.21]).tolist()
    cls_u = rng.random(n).tolist()
    email_dom = _pick(rng, catalogue.EMAIL_DOMAINS, n)
    uid_l = uid.tolist()
    prod_l = prod.tolist()
    birth_l = birth.tolist()
    purchase_l = purchase.tolist()
    signup_l = signup.tolist()
    age_l = age.tolist()
    gender_l = gender.tolist()

    if brand == "hyundai":
        fa, fb = _pick(rng, catalogue.FIRST_A, n), _pick(rng, catalogue.FIRST_B, n)
        la, lb = _pick(rng, catalogue.LAST_A, n), _pick(rng, catalogue.LAST_B, n)
        phones = _us_phones(rng, n)
        st_a, st_b = _pick(rng, catalogue.LAST_A, n), _pick(rng, catalogue.LAST_B, n)
        st_sfx = _pick(rng, catalogue.STREET_SUFFIX, n)
        c_pre, c_a, c_sfx = (
            _pick(rng, catalogue.CITY_PREFIX, n),
            _pick(rng, catalogue.FIRST_A, n),
            _pick(rng, catalogue.CITY_SUFFIX, n),
        )
        state = _pick(rng, catalogue.US_STATES, n)
        num = rng.integers(1, 99999, size=n).tolist()
        apt = rng.integers(-300, 999, size=n).tolist()
        zipc = rng.integers(501, 99950, size=n).tolist()
        mil = (rng.random(n) < 0.03).tolist()
        email_kind = rng.integers(0, 4, size=n).tolist()
    else:
        s1, s2 = _pick(rng, catalogue.KR_SYL, n), _pick(rng, catalogue.KR_SYL, n)
        sur = _pick(rng, catalogue.KR_SURNAME, n)
        kr_phone = (rng.random(n) < 0.35).tolist()
        us_ph = _us_phones(rng, n)
        mid = rng.integers(1000, 10000, size=n).tolist()
        end = rng.integers(0, 10000, size=n).tolist()
        addr = _pick(rng, _kr_addresses(), n)
        addr_no = rng.integers(1, 1200, size=n).tolist()
        yy = rng.integers(60, 100, size=n).tolist()
    # drawn last, so every other column keeps its values
    geo_u = rng.random(n).tolist()
    geo_numbers = rng.integers(1000, 10000, size=(n, 3)).tolist()
    geo_korean = _pick(rng, _kr_addresses(), n)

    lines: list[str] = []
    for i in range(n):
        p = products[prod_l[i]]
        cls = p[2]
        if brand == "hyundai" and "SUV" in cls:
            u = cls_u[i]
            if u < 0.004:
                cls = " " + cls.replace("SUV", "suv")
            elif u < 0.15:
                cls = cls.replace("SUV", "suv")
        elif brand == "hyundai" and cls == "중형 세단" and cls_u[i] < 0.003:
            cls = " 중형 세단"
        common = f"{dates[birth_l[i]]},{age_l[i]},{'남' if gender_l[i] == 0 else '여'},"
        tail = (
            f"{dates[signup_l[i]]},{cls},{_csv_field(p[0])},{p[3]},{dates[purchase_l[i]]},"
            f"{amount[i]},{pay[pays[i]]},{freq[i]},{'온라인' if online[i] else '오프라인'},"
            f"{p[6]},{catalogue.CUSTOMER_MARKETS[market[i]]},{seg[i]},{cluster[i]}"
        )
        if brand == "hyundai":
            first = fa[i] + fb[i]
            last = la[i] + lb[i]
            ek = email_kind[i]
            if ek == 0:
                local = f"{first.lower()}{last.lower()}"
            elif ek == 1:
                local = f"{first[0].lower()}{last.lower()}"
            elif ek == 2:
                local = f"{last.lower()}{first.lower()}"
            else:
                local = f"{first.lower()}{uid_l[i] % 100}"
            email = f"{local}{uid_l[i]}@{email_dom[i]}"
            if mil[i]:
                address = f"USNS {last}, FPO AE {zipc[i]:05d}"
            else:
                apt_s = (
                    f" Apt. {apt[i]:03d}"
                    if apt[i] > 600
                    else (f" Suite {apt[i]}" if apt[i] > 450 else "")
                )
                address = (
                    f"{num[i]} {st_a[i]}{st_b[i]} {st_sfx[i]}{apt_s}, "
                    f"{c_pre[i]}{c_a[i]}{c_sfx[i]}, {state[i]} {zipc[i]:05d}"
                )
            address = _address_variant(
                brand,
                address,
                catalogue.CUSTOMER_MARKETS[market[i]],
                geo_u[i],
                geo_numbers[i],
                f"{geo_korean[i]} {num[i] % 300 + 1}",
            )
            user = f"{first[0].lower()}{last.lower()}{uid_l[i]}"
            lines.append(f'{first} {last},{common}{phones[i]},{email},"{address}",{user},{tail}')
        else:
            phone = f"010-{mid[i]}-{end[i]:04d}" if kr_phone[i] else us_ph[i]
            email = f"{s1[i]}{s2[i]}.{sur[i]}{yy[i]}{uid_l[i]}@{email_dom[i]}"
            address = _address_variant(
                brand, f"{addr[i]} {addr_no[i]}", "", geo_u[i], geo_numbers[i], ""
            )
            lines.append(f"{common}{phone},{email},{address},user{uid_l[i]},{tail}")
    return lines


def write(ctx: _Ctx, brand: str) -> Path:
    name = "현대_고객데이터.csv" if brand == "hyundai" else "기아_고객데이터.csv"
    path = ctx.out / "customers" / name
    step = ctx.rel(path)
    n = customers_per_brand(ctx.scale)
    # unique, shuffled customer numbers (user ids, e-mail suffixes)
    uid = _rng(ctx.seed, "customers-uid", brand).permutation(n) + 100_000
    chunks = max(1, math.ceil(n / CUSTOMER_CHUNK))
    ctx.tick(step, 0, chunks)
    with _Writer(path) as w:
        w.lines([H_CUSTOMER_HEADER if brand == "hyundai" else K_CUSTOMER_HEADER])
        for c in range(chunks):
            lo, hi = c * CUSTOMER_CHUNK, min(n, (c + 1) * CUSTOMER_CHUNK)
            rng = _rng(ctx.seed, "customers", brand, c)
            w.lines(_customer_rows(rng, brand, hi - lo, uid[lo:hi]))
            ctx.tick(step, c + 1, chunks)
    return path
