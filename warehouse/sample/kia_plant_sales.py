"""raw/kia/기아_{YEAR}년_해외공장판매실적.csv (plain integers)."""

from __future__ import annotations

from pathlib import Path

from warehouse.sample import catalogue
from warehouse.sample.common import (
    _K_YEAR_TREND,
    K_MONTHS,
    REPORTED_MONTHS,
    SEASON,
    M,
    _active_in,
    _csv_field,
    _Ctx,
    _k_encoding,
    _model_block,
    _Writer,
)


def write(ctx: _Ctx, year: int) -> Path:
    path = ctx.out / "raw" / "kia" / f"기아_{year}년_해외공장판매실적.csv"
    step = ctx.rel(path)
    rep = REPORTED_MONTHS[year]
    enc, bom = _k_encoding("plant", year)
    rows = [
        (plant, code, skey, M(label, level, launch, end))
        for plant, code, skey, models in catalogue.K_PLANTS
        for label, level, launch, end in models
        if _active_in(year, launch, end)
    ]
    ctx.tick(step, 0, len(rows))
    with _Writer(path, encoding=enc, bom=bom) as w:
        w.lines(["Plant,Plant Code,Model," + ",".join(K_MONTHS)])
        for i, (plant, code, skey, m) in enumerate(rows):
            labels, mat = _model_block(
                ctx,
                ("k-plant", year, code, m.label),
                m,
                year,
                SEASON[skey],
                rep,
                _K_YEAR_TREND[year],
            )
            # months not reported yet, and months after the end of production, are blank
            blank_from = rep
            if m.end is not None and m.end[0] == year:
                blank_from = min(rep, m.end[1])
            lines = []
            for lab, r in zip(labels, mat.tolist(), strict=True):
                cells = [str(v) for v in r[:blank_from]] + [""] * (12 - blank_from)
                lines.append(f"{plant},{code},{_csv_field(lab)}," + ",".join(cells))
            w.lines(lines)
            ctx.tick(step, i + 1, len(rows))
    return path
