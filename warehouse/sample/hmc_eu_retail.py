"""raw/hyundai/hmc-eu-retail-sales-december-y{YEAR}.csv."""

from __future__ import annotations

from pathlib import Path

from warehouse.sample import catalogue
from warehouse.sample.common import (
    H_MONTHS,
    REPORTED_MONTHS,
    SEASON,
    M,
    _active_in,
    _csv_field,
    _Ctx,
    _fmt,
    _model_block,
    _Writer,
)


def write(ctx: _Ctx, year: int) -> Path:
    path = ctx.out / "raw" / "hyundai" / f"hmc-eu-retail-sales-december-y{year}.csv"
    step = ctx.rel(path)
    rep = REPORTED_MONTHS[year]
    fmt = _fmt("hyundai")
    models = [m for m in catalogue.H_EU_RETAIL if _active_in(year, m.launch, m.end)]
    ctx.tick(step, 0, len(models))
    with _Writer(path, trailing_newline=False) as w:
        w.lines(["Models,Vehicle Type," + ",".join(H_MONTHS)])
        for i, m0 in enumerate(models):
            m = (
                m0
                if m0.vtype != "Light CV"
                else M(m0.label, m0.level, m0.launch, m0.end, m0.vtype, vary=False)
            )
            labels, mat = _model_block(ctx, ("h-eu", year, m.label), m, year, SEASON["eu"], rep)
            w.lines(
                [
                    f"{_csv_field(lab)},{m.vtype}," + ",".join(r)
                    for lab, r in zip(labels, fmt.rows(mat), strict=True)
                ]
            )
            ctx.tick(step, i + 1, len(models))
    return path
