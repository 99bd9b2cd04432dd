"""raw/kia/kia-export-by-region-{YEAR}.csv."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from warehouse.sample import catalogue
from warehouse.sample.common import K_MONTHS, REPORTED_MONTHS, _csv_field, _Ctx, _fmt, _rng, _Writer


def write(ctx: _Ctx, year: int, cat_totals: dict[str, np.ndarray]) -> Path:
    """Exports by car category and region; ``Total`` rows are exact subtotals."""
    path = ctx.out / "raw" / "kia" / f"kia-export-by-region-{year}.csv"
    step = ctx.rel(path)
    rep = REPORTED_MONTHS[year]
    rng = _rng(ctx.seed, "k-region", year)
    fmt = _fmt("kia_region")
    details: list[tuple[str, str, list[int]]] = []
    total = np.zeros((len(catalogue.K_REGIONS), 12), dtype=np.int64)
    for code, car in catalogue.K_REGION_CARS:
        w0 = np.asarray(catalogue.K_REGION_WEIGHTS[code], dtype=float)
        nz = w0 > 0
        p = np.zeros_like(w0)
        p[nz] = rng.dirichlet(w0[nz] / w0[nz].sum() * 400)
        mat = np.zeros((len(catalogue.K_REGIONS), 12), dtype=np.int64)
        for mth in range(12):
            mat[:, mth] = rng.multinomial(int(cat_totals[code][mth]), p)
        total += mat
        for reg, row in zip(catalogue.K_REGIONS, mat, strict=True):
            details.append((car, reg, row.tolist()))
    for reg, row in zip(catalogue.K_REGIONS, total, strict=True):
        details.append(("Total", reg, row.tolist()))
    ctx.tick(step, 0, 1)
    with _Writer(path) as w:
        w.lines(["Car,Region," + ",".join(K_MONTHS)])
        lines = []
        for car, reg, vals in details:
            cells = [fmt.fn(v) for v in vals[:rep]] + [""] * (12 - rep)
            lines.append(f"{_csv_field(car)},{reg}," + ",".join(cells))
        w.lines(lines)
    ctx.tick(step, 1, 1)
    return path
