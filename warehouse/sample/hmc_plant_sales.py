"""raw/hyundai/hmc-global-plant-sales-december-y{YEAR}.csv."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from warehouse.sample import catalogue
from warehouse.sample.common import (
    _H_YEAR_TREND,
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

_BHMC_PAD = (21, 21, 20, 21, 22, 22, 22, 22, 22, 22, 22, 20)


def write(ctx: _Ctx, year: int) -> Path:
    path = ctx.out / "raw" / "hyundai" / f"hmc-global-plant-sales-december-y{year}.csv"
    step = ctx.rel(path)
    rep = REPORTED_MONTHS[year]
    fmt = _fmt("hyundai")
    # (plant, label, sales type, model, season)
    rows: list[tuple[str, str, M, np.ndarray]] = []
    for plant, skey, models in catalogue.H_PLANTS:
        for label, trade, level, launch, end in models:
            if _active_in(year, launch, end):
                rows.append((plant, trade, M(label, level, launch, end), SEASON[skey]))
    for plant, label, trade, level, skey in catalogue.H_PLANT_TAIL:
        rows.append((plant, trade, M(label, level, vary=False), SEASON[skey]))
    for label, level, launch, end in catalogue.H_VIETNAM:
        if _active_in(year, launch, end):
            rows.append(
                (
                    "Vietnam",
                    "Domestic",
                    M(
                        label,
                        level,
                        launch,
                        end,
                        vtype="CV" if "Truck" in label else "",
                        vary=label != "Truck",
                    ),
                    SEASON["export"],
                )
            )
    for label, trade, level, launch in catalogue.H_SINGAPORE:
        rows.append(("Singapore", trade, M(label, level, launch), SEASON["flat"]))
    for label, level in catalogue.H_CKD:
        rows.append(("CKD", "Total", M(label, level, vtype="CV", vary=False), SEASON["export"]))
    pads = [" " * p + "- " for p in _BHMC_PAD]
    ctx.tick(step, 0, len(rows))
    with _Writer(path, trailing_newline=False) as w:
        w.lines(["Overseas Plants,Model,Sales Type," + ",".join(H_MONTHS)])
        for i, (plant, trade, m, season) in enumerate(rows):
            labels, mat = _model_block(
                ctx,
                ("h-plant", year, plant, trade, m.label),
                m,
                year,
                season,
                rep,
                _H_YEAR_TREND[year],
            )
            cells = fmt.rows(mat)
            if plant == "BHMC":
                cells = [[pads[j] if c == " - " else c for j, c in enumerate(r)] for r in cells]
            w.lines(
                [
                    f"{plant},{_csv_field(lab)},{trade}," + ",".join(r)
                    for lab, r in zip(labels, cells, strict=True)
                ]
            )
            ctx.tick(step, i + 1, len(rows))
    return path
