"""raw/hyundai/hmc-sales-by-model-december-y{YEAR}.csv (Hyundai number format)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from warehouse.sample import catalogue
from warehouse.sample.common import (
    _H_YEAR_TREND,
    H_MONTHS,
    REPORTED_MONTHS,
    SEASON,
    _active_in,
    _csv_field,
    _Ctx,
    _fmt,
    _model_block,
    _Writer,
)


def write(ctx: _Ctx, year: int) -> tuple[Path, np.ndarray]:
    """Returns the path and the monthly export total (for the region file)."""
    path = ctx.out / "raw" / "hyundai" / f"hmc-sales-by-model-december-y{year}.csv"
    step = ctx.rel(path)
    rep = REPORTED_MONTHS[year]
    fmt = _fmt("hyundai")
    blocks = [
        ("Domestic", m, SEASON["kr"])
        for m in catalogue.H_DOMESTIC
        if _active_in(year, m.launch, m.end)
    ]
    blocks += [
        ("Export", m, SEASON["export"])
        for m in catalogue.H_EXPORT
        if _active_in(year, m.launch, m.end)
    ]
    export_total = np.zeros(12, dtype=np.int64)
    ctx.tick(step, 0, len(blocks))
    with _Writer(path, trailing_newline=False) as w:
        w.lines(["Model,Vehicle Type,Sales Type," + ",".join(H_MONTHS)])
        for i, (trade, m, season) in enumerate(blocks):
            labels, mat = _model_block(
                ctx, ("h-model", year, trade, m.label), m, year, season, rep, _H_YEAR_TREND[year]
            )
            if trade == "Export":
                export_total += mat.sum(axis=0)
            rows = fmt.rows(mat)
            prefix = f",{m.vtype},{trade},"
            w.lines(
                [
                    _csv_field(lab) + prefix + ",".join(r)
                    for lab, r in zip(labels, rows, strict=True)
                ]
            )
            ctx.tick(step, i + 1, len(blocks))
    return path, export_total
