"""raw/kia/기아_{YEAR}년_해외현지판매.csv (wide: one column per market)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from warehouse.sample import catalogue
from warehouse.sample.common import (
    _K_YEAR_TREND,
    K_MONTH_WORDS,
    REPORTED_MONTHS,
    SEASON,
    M,
    _active_in,
    _csv_field,
    _Ctx,
    _k_encoding,
    _model_block,
    _rng,
    _Writer,
)

# groups whose first market column holds the total of the row (published layout)
K_TOTAL_FIRST_GROUPS = ("ckd", "special")


# groups that leave the Mexico column empty when it is zero
K_MEXICO_BLANK_GROUPS = ("slovakia", "russia", "us", "china", "india", "hmgics")


def write(ctx: _Ctx, year: int) -> Path:
    path = ctx.out / "raw" / "kia" / f"기아_{year}년_해외현지판매.csv"
    step = ctx.rel(path)
    rep = REPORTED_MONTHS[year]
    enc, bom = _k_encoding("retail", year)
    season_of = {
        "korea": "export",
        "slovakia": "eu",
        "mexico": "us",
        "russia": "flat",
        "us": "us",
        "china": "cn",
        "india": "in",
        "hmgics": "flat",
        "ckd": "flat",
        "special": "flat",
    }
    # generate the whole year first (month is the outer loop of the file)
    blocks: list[tuple[str, str, list[str], np.ndarray]] = []
    for group, label, level, profile, launch, end in catalogue.K_RETAIL:
        gname = catalogue.K_GROUP_NAMES[group][year]
        if gname is None or not _active_in(year, launch, end):
            continue
        m = M(label, level, launch, end)
        key = ("k-retail", year, group, label)
        labels, tot = _model_block(
            ctx, key, m, year, SEASON[season_of[group]], rep, _K_YEAR_TREND[year]
        )
        rng = _rng(ctx.seed, *key, "markets")
        w0 = np.asarray(catalogue.KW[profile], dtype=float)
        p = np.zeros_like(w0)
        nz = w0 > 0
        p[nz] = rng.dirichlet(w0[nz] / w0[nz].sum() * 60)
        mk = rng.multinomial(tot, p)  # (variants, 12, 11)
        if group in K_TOTAL_FIRST_GROUPS:
            mk[..., 0] = mk[..., 1:].sum(axis=-1)
        blocks.append((group, gname, labels, mk))
    ctx.tick(step, 0, rep)
    with _Writer(path, encoding=enc, bom=bom) as w:
        w.lines(["Model,Plant,Month," + ",".join(catalogue.K_MARKETS)])
        for mth in range(rep):
            word = K_MONTH_WORDS[mth]
            lines: list[str] = []
            for group, gname, labels, mk in blocks:
                vals = mk[:, mth, :].tolist()
                blank_europe = group in K_TOTAL_FIRST_GROUPS
                blank_mexico = group in K_MEXICO_BLANK_GROUPS
                for lab, r in zip(labels, vals, strict=True):
                    cells = [str(v) for v in r]
                    if blank_europe:
                        cells[3] = ""
                    if blank_mexico and r[2] == 0:
                        cells[2] = ""
                    lines.append(f"{_csv_field(lab)},{_csv_field(gname)},{word}," + ",".join(cells))
            w.lines(lines)
            ctx.tick(step, mth + 1, rep)
    return path
