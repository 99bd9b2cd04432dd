"""raw/hyundai/hmc-export-by-region-december-y{YEAR}.csv."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from warehouse.sample import catalogue
from warehouse.sample.common import H_MONTHS, _Ctx, _fmt, _rng, _Writer


def write(ctx: _Ctx, year: int, export_total: np.ndarray) -> Path:
    """Splits the monthly export total of the model file across regions, so the
    region file sums to the same monthly totals as the model file's Export rows."""
    path = ctx.out / "raw" / "hyundai" / f"hmc-export-by-region-december-y{year}.csv"
    step = ctx.rel(path)
    rng = _rng(ctx.seed, "h-region", year)
    base = np.array([s for _, _, s in catalogue.H_REGIONS])
    p_year = rng.dirichlet(base / base.sum() * 800)
    mat = np.zeros((len(catalogue.H_REGIONS), 12), dtype=np.int64)
    for mth in range(12):
        p = rng.dirichlet(p_year * 3000)
        mat[:, mth] = rng.multinomial(int(export_total[mth]), p)
    fmt = _fmt("hyundai")
    ctx.tick(step, 0, 1)
    with _Writer(path, trailing_newline=False) as w:
        w.lines(["Region,Continent," + ",".join(H_MONTHS)])
        w.lines(
            [
                f"{reg},{cont}," + ",".join(r)
                for (reg, cont, _), r in zip(catalogue.H_REGIONS, fmt.rows(mat), strict=True)
            ]
        )
    ctx.tick(step, 1, 1)
    return path
