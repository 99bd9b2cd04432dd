"""raw/kia/kia-sales-by-model-{YEAR}.csv."""

from __future__ import annotations

from pathlib import Path

import numpy as np

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
    _fmt,
    _model_block,
    _Writer,
)

_DOM = "Domestic"  # the trade of domestic sales (the rest are exports)


def write(ctx: _Ctx, year: int) -> tuple[Path, dict[str, np.ndarray]]:
    """Returns the path and monthly export/CKD totals per region-table category."""
    path = ctx.out / "raw" / "kia" / f"kia-sales-by-model-{year}.csv"
    step = ctx.rel(path)
    rep = REPORTED_MONTHS[year]
    fmt = _fmt("kia_sales")
    rows = [r for r in catalogue.K_SALES if _active_in(year, r[4], r[5])]
    cat_totals = {code: np.zeros(12, dtype=np.int64) for code, _ in catalogue.K_REGION_CARS}
    ctx.tick(step, 0, len(rows))
    with _Writer(path) as w:
        w.lines(["Model,Vehicle Type,Trade," + ",".join(K_MONTHS)])
        for i, (label, vtype, trade, level, launch, end, cat) in enumerate(rows):
            shown = "Millitary" if (label == "Military" and year == 2023) else label
            m = M(shown, level, launch, end, vtype="CV" if cat in ("CV", "SV", "CKDSV") else "")
            season = SEASON["kr"] if trade == _DOM else SEASON["export"]
            labels, mat = _model_block(
                ctx,
                ("k-sales", year, vtype, trade, label),
                m,
                year,
                season,
                rep,
                _K_YEAR_TREND[year],
            )
            if trade != _DOM:
                cat_totals[cat] += mat.sum(axis=0)
            prefix = f",{vtype},{trade},"
            w.lines(
                [
                    _csv_field(lab) + prefix + ",".join(r)
                    for lab, r in zip(labels, fmt.rows(mat), strict=True)
                ]
            )
            ctx.tick(step, i + 1, len(rows))
    return path, cat_totals
