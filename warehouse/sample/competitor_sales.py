"""external/competitor_top_models_by_country.csv: best sellers per market, all brands."""

from __future__ import annotations

import math
from pathlib import Path

from warehouse.sample import catalogue
from warehouse.sample.common import YEARS, _Ctx, _rng, _Writer

COMPETITOR_HEADER = "연도,국가명,모델명,판매량,차량 구분,브랜드,파워트레인"


_COMPETITOR_PT_TREND = {
    "내연기관": (1.0, 0.97, 0.94),
    "하이브리드": (1.0, 1.12, 1.25),
    "전기차": (1.0, 1.05, 1.12),
}


def write(ctx: _Ctx) -> Path:
    path = ctx.out / "external" / "competitor_top_models_by_country.csv"
    step = ctx.rel(path)
    rng = _rng(ctx.seed, "competitors")
    lines = []
    ctx.tick(step, 0, 1)
    for yi, year in enumerate(YEARS):
        for market, models in catalogue.COMPETITORS:
            vols = [
                int(round(b * _COMPETITOR_PT_TREND[pt][yi] * math.exp(rng.normal(0, 0.08))))
                for _, _, _, pt, b in models
            ]
            order = sorted(range(len(models)), key=lambda i: (-vols[i], i))[:5]
            for i in order:
                name, cls, brand, pt, _ = models[i]
                lines.append(f"{year},{market},{name},{vols[i]},{cls},{brand},{pt}")
    with _Writer(path) as w:
        w.lines([COMPETITOR_HEADER])
        w.lines(lines)
    ctx.tick(step, 1, 1)
    return path
