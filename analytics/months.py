"""Month labels: 'YYYY-MM' from integer year and month columns (one expression for every
analytics module)."""

from __future__ import annotations

import polars as pl


def ym_label(year: pl.Expr, month: pl.Expr) -> pl.Expr:
    """'YYYY-MM' of integer year and month (1-12) expressions.

    Built through a date, not `pl.format(...)` with `str.zfill`: Polars 2.1's string
    concatenation kernels panic now and then ('assertion failed: i < self.len()' in
    binview), seen in the momentum view under serving load and in the lake test.
    """
    return pl.date(year, month, 1).dt.strftime("%Y-%m")


def mi_label(mi: pl.Expr) -> pl.Expr:
    """'YYYY-MM' of a month index (year * 12 + month - 1)."""
    return ym_label(mi // 12, mi % 12 + 1)
