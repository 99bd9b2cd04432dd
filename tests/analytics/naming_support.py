"""Checks, computed independently in SQL, that a trained warehouse's segment names and
personas are true: each of the four names meets its documented condition
(analytics.segments.rfm.NAME_CONDITIONS), and no two personas read the same."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb

from analytics import artifacts

FOUR = ("VIP", "일반", "신규", "이탈가능")


def segment_table(db: Path, brand: str) -> dict[str, dict[str, float]]:
    """Per stored segment name: mean recency (days), purchases, amount (KRW), value (mean
    amount x mean purchases), the share bought within the brand's median recency, and the
    brand's thresholds (median / 75th percentile, linear) alongside."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.sql(
            """
            with c as (select * from customer_segments where brand = $brand),
            th as (
                select median(recency_days) as r_med,
                       quantile_cont(recency_days, 0.75) as r_p75,
                       quantile_cont(frequency, 0.75) as f_p75,
                       quantile_cont(monetary_krw::double * frequency, 0.75) as v_p75
                from c
            )
            select segment, avg(recency_days), avg(frequency), avg(monetary_krw),
                   avg(monetary_krw) * avg(frequency),
                   avg(case when recency_days < th.r_med then 1 else 0 end),
                   any_value(th.r_med), any_value(th.r_p75), any_value(th.f_p75),
                   any_value(th.v_p75)
            from c, th group by segment
            """,
            params={"brand": brand},
        ).fetchall()
    finally:
        con.close()
    keys = ("r", "f", "m", "value", "recent", "r_med", "r_p75", "f_p75", "v_p75")
    return {r[0]: dict(zip(keys, map(float, r[1:]), strict=True)) for r in rows}


def condition_holds(name: str, row: dict[str, float], lowest_f: float) -> bool:
    """NAME_CONDITIONS, written out again."""
    if name == "이탈가능":
        return row["r"] > row["r_p75"]
    if name == "VIP":
        active = row["r"] <= row["r_p75"]
        return row["f"] >= row["f_p75"] and row["value"] >= row["v_p75"] and active
    if name == "신규":
        return row["recent"] >= 2 / 3 and row["f"] == lowest_f
    if name == "일반":
        return row["r"] <= row["r_p75"] and lowest_f < row["f"] < row["f_p75"]
    raise ValueError(name)


def check_names(db: Path, brand: str) -> dict[str, dict[str, float]]:
    """Assert every stored name of the four meets its condition and every other stored
    name (a descriptive one) belongs to a cluster meeting no free name's condition."""
    table = segment_table(db, brand)
    lowest_f = min(r["f"] for r in table.values())
    for name, row in table.items():
        if name in FOUR:
            assert condition_holds(name, row, lowest_f), (brand, name, row)
        else:
            free = [n for n in FOUR if n not in table]
            met = [n for n in free if condition_holds(n, row, lowest_f)]
            assert not met, (brand, name, met, row)
    return table


def check_personas(art: Path, brand: str) -> list[tuple[str, str]]:
    """Assert the brand's personas differ from each other in Korean and in English and
    that each names a trait that sets its cluster apart (d of the right sign)."""
    manifest = artifacts.load_manifest(art, brand)
    profiles = manifest["clusters"]["profiles"]
    names = [(p["persona_ko"], p["persona_en"]) for p in profiles]
    assert len({ko for ko, _ in names}) == len(names), names
    assert len({en for _, en in names}) == len(names), names
    traits = manifest["clusters"]["persona_traits"]
    for p in profiles:
        mine = [t for t in traits if t["cluster"] == p["cluster"] and t["code"]]
        strongest = max(mine, key=lambda t: abs(t["d"]))
        assert abs(strongest["d"]) > 0
        assert json.dumps(p["persona_ko"])  # text, not a placeholder
    # no word every persona starts with (the old "40대 · ..." for every Hyundai type)
    if len(names) > 1:
        assert len({ko.split(" · ")[0] for ko, _ in names}) > 1, names
    return names
