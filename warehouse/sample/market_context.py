"""The external climate/GDP tables (external/기아_국가별_수출_기후_GDP.csv,
external/현대_지역별_수출_기후_GDP.csv)."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np

from warehouse.sample import catalogue
from warehouse.sample.common import (
    POWERTRAIN_TREND,
    REPORTED_MONTHS,
    SEASON,
    YEARS,
    _csv_field,
    _Ctx,
    _norm,
    _rng,
    _Writer,
)

KIA_EXT_HEADER = ",".join(
    (
        "국가명",
        *(f"{m}월" for m in range(1, 13)),
        "연도",
        "기후대",
        "차량 구분 분류",
        "총수출량",
        "차종",
        "GDP",
        "대표 차량 구분",
        "차량 구분",
        "차종 구분",
    )
)


HYUNDAI_EXT_HEADER = ",".join(
    (
        "국가명",
        *(f"{m}월" for m in range(1, 13)),
        "연도",
        "기후대",
        "차량 구분",
        "분류",
        "총수출량",
        "차종",
        "GDP",
        "대표 차량 구분",
        "차량 구분.1",
        "차종 구분",
    )
)


_HYUNDAI_EXT_SEASON = _norm([0.55, 0.68, 0.79, 0.9, 0.86, 0.96, 0.78, 0.69, 0.73, 0.76, 0.85, 1.33])


def write_kia(ctx: _Ctx) -> Path:
    path = ctx.out / "external" / "기아_국가별_수출_기후_GDP.csv"
    step = ctx.rel(path)
    lines = []
    ctx.tick(step, 0, 1)
    for market, climate, gdp in catalogue.KIA_MARKET_CLIMATE:
        size = catalogue.KIA_EXT_MARKET_SIZE[market]
        for year in YEARS:
            rep = REPORTED_MONTHS[year]
            rng = _rng(ctx.seed, "kia-ext", market, year)
            for model, rep_cat, cls, level in catalogue.KIA_EXT_MODELS:
                pt = "EV" if cls.startswith("전기") else "ICE"
                mult = POWERTRAIN_TREND[pt][year] * size
                vals = np.rint(
                    level * mult * SEASON["export"] * np.exp(rng.normal(0, 0.15, 12))
                ).astype(np.int64)
                vals[rep:] = 0
                kind = "특수 차량" if rep_cat in ("특수 차량", "CKD(특수 차량)") else "일반 차량"
                months = ",".join(f"{v}.0" for v in vals.tolist())
                lines.append(
                    f"{market},{months},{year},{climate},{kind},{int(vals.sum())}.0,"
                    f"{_csv_field(model)},{gdp},{rep_cat},{cls},{cls}"
                )
    with _Writer(path) as w:
        w.lines([KIA_EXT_HEADER])
        w.lines(lines)
    ctx.tick(step, 1, 1)
    return path


def write_hyundai(ctx: _Ctx) -> Path:
    path = ctx.out / "external" / "현대_지역별_수출_기후_GDP.csv"
    step = ctx.rel(path)
    lines = []
    ctx.tick(step, 0, 1)
    for market, climate, gdp in catalogue.HYUNDAI_MARKET_CLIMATE:
        for year in (2021, 2022, *YEARS):
            rep = REPORTED_MONTHS.get(year, 12)
            rng = _rng(ctx.seed, "hyundai-ext", market, year)
            pick = np.sort(rng.choice(len(catalogue.HYUNDAI_EXT_MODELS), size=10, replace=False))
            for j in pick.tolist():
                model, cls, level = catalogue.HYUNDAI_EXT_MODELS[j]
                pt = "EV" if cls == "전기차" else "ICE"
                vals = np.rint(
                    level
                    * POWERTRAIN_TREND[pt][year]
                    * _HYUNDAI_EXT_SEASON
                    * math.exp(rng.normal(0, 0.5))
                    * np.exp(rng.normal(0, 0.05, 12))
                ).astype(np.int64)
                vals[rep:] = 0
                months = ",".join(str(v) for v in vals.tolist())
                lines.append(
                    f"{market},{months},{year},{climate},{cls},일반 차량,"
                    f"{int(vals.sum())},{model},{gdp},{cls},{cls},{cls}"
                )
    with _Writer(path, bom=True) as w:
        w.lines([HYUNDAI_EXT_HEADER])
        w.lines(lines)
    ctx.tick(step, 1, 1)
    return path
