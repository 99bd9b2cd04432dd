"""The score-based segments of the R `rfm` package, reimplemented, to compare with ours.

R is not available here, so the package's published rules are reimplemented
(rsquaredacademy/rfm: `rfm_table_customer` for the scores, `rfm_segment` with the
segment table of its introduction vignette). Per brand, on the same customers and
the same recency_days, frequency and monetary_krw that our segments use:

Scores (`package_scores`), as `rfm_table_customer` computes them with 5 bins:
the breaks are R's default (type 7, linear) quantiles at 20, 40, 60 and 80 %,
each plus 1; the bins are [min, b1), [b1, b2), ... [b4, max + 1); a value's score
is its bin's number (1-5), reversed for recency (the most recent bin scores 5).
Tied quantiles leave a bin empty, as in the package.

Segments (`package_segments`): the first rule in PACKAGE_RULES whose recency,
frequency and monetary score ranges (inclusive) all hold; "Others" when none does.

`agreement` compares with our names through PACKAGE_TO_OURS (Champions and
Potential Loyalist are VIP; Loyal Customers and Need Attention 일반; New Customers
and Promising 신규; About To Sleep, At Risk, Can't Lose Them and Lost 이탈가능;
Others has no counterpart).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import polars as pl

OTHERS = "Others"
# name -> ((recency low, high), (frequency low, high), (monetary low, high)), in rule order
PACKAGE_RULES: dict[str, tuple[tuple[int, int], tuple[int, int], tuple[int, int]]] = {
    "Champions": ((5, 5), (5, 5), (5, 5)),
    "Potential Loyalist": ((3, 5), (3, 5), (2, 5)),
    "Loyal Customers": ((2, 4), (2, 4), (2, 4)),
    "Promising": ((3, 4), (1, 3), (3, 5)),
    "New Customers": ((4, 5), (1, 3), (1, 5)),
    "Can't Lose Them": ((1, 2), (3, 4), (4, 5)),
    "At Risk": ((1, 2), (2, 5), (4, 5)),
    "Need Attention": ((1, 3), (3, 5), (3, 5)),
    "About To Sleep": ((2, 3), (1, 3), (1, 4)),
    "Lost": ((1, 1), (1, 5), (1, 5)),
}
PACKAGE_SEGMENTS: tuple[str, ...] = (*PACKAGE_RULES, OTHERS)
# Read from the rules' score ranges (and the vignette's descriptions), not the names:
# Potential Loyalist is recent (R 3-5) and frequent (F 3-5), what our VIP condition asks;
# Loyal Customers is middling on all three (2-4); Promising is recent with few purchases.
PACKAGE_TO_OURS: dict[str, str] = {
    "Champions": "VIP",
    "Potential Loyalist": "VIP",
    "Loyal Customers": "일반",
    "Need Attention": "일반",
    "New Customers": "신규",
    "Promising": "신규",
    "About To Sleep": "이탈가능",
    "At Risk": "이탈가능",
    "Can't Lose Them": "이탈가능",
    "Lost": "이탈가능",
}
SOURCE = (
    "R package rfm (rsquaredacademy/rfm): rfm_table_customer scores with 5 bins and the "
    "rfm_segment table of its introduction vignette, reimplemented in Python"
)


def _bin_scores(values: np.ndarray, *, reverse: bool) -> np.ndarray:
    """1-5 scores of `values` by the package's quantile bins (see the module doc)."""
    breaks = np.quantile(values, [0.2, 0.4, 0.6, 0.8]) + 1
    lower = np.concatenate([[values.min()], breaks])
    upper = np.concatenate([breaks, [values.max() + 1]])
    scores = np.zeros(values.shape[0], dtype=np.int8)
    for i in range(5):  # as the package: later bins overwrite, empty bins match nothing
        inside = (values >= lower[i]) & (values < upper[i])
        scores[inside] = 5 - i if reverse else i + 1
    return scores


def package_scores(rfm: pl.DataFrame) -> pl.DataFrame:
    """`rfm` (customer_id, recency_days, frequency, monetary_krw of ONE brand) with the
    package's recency_score, frequency_score and monetary_score (1-5, Int8)."""
    if rfm.is_empty():
        return rfm.with_columns(
            pl.lit(None, dtype=pl.Int8).alias(c)
            for c in ("recency_score", "frequency_score", "monetary_score")
        )
    return rfm.with_columns(
        pl.Series(
            "recency_score",
            _bin_scores(rfm.get_column("recency_days").to_numpy().astype(float), reverse=True),
        ),
        pl.Series(
            "frequency_score",
            _bin_scores(rfm.get_column("frequency").to_numpy().astype(float), reverse=False),
        ),
        pl.Series(
            "monetary_score",
            _bin_scores(rfm.get_column("monetary_krw").to_numpy().astype(float), reverse=False),
        ),
    )


def package_segments(scored: pl.DataFrame) -> pl.DataFrame:
    """`package_scores` output with `package_segment`: the first matching PACKAGE_RULES
    name, or OTHERS."""
    segment = pl.lit(OTHERS)
    for name, ((rl, ru), (fl, fu), (ml, mu)) in reversed(PACKAGE_RULES.items()):
        segment = (
            pl.when(
                pl.col("recency_score").is_between(rl, ru)
                & pl.col("frequency_score").is_between(fl, fu)
                & pl.col("monetary_score").is_between(ml, mu)
            )
            .then(pl.lit(name))
            .otherwise(segment)
        )
    return scored.with_columns(segment.alias("package_segment"))


def agreement(segments: pl.DataFrame) -> dict[str, Any]:
    """How our segment names agree with the package's on the same customers.

    `segments`: customer_id, segment (ours), recency_days, frequency,
    monetary_krw of one brand. Returns crosstab (rows: our segment, package
    segment, customers), package_sizes, agreement (share 0-1 of the customers
    whose package segment maps to our name, over those with a counterpart on
    both sides: one of our four names and a package segment other than
    OTHERS), compared (that number of customers), and per_segment (for each of
    our segments: customers, the share that agrees (null for a descriptive name:
    no package segment stands for it), the most common package segment and its
    share).
    """
    ours = package_segments(package_scores(segments))
    crosstab = (
        ours.group_by("segment", "package_segment")
        .len("customers")
        .sort(["segment", "customers", "package_segment"], descending=[False, True, False])
    )
    mapped = ours.with_columns(
        pl.col("package_segment")
        .replace_strict(PACKAGE_TO_OURS, default=None, return_dtype=pl.Utf8)
        .alias("_mapped")
    )
    comparable = mapped.filter(
        pl.col("_mapped").is_not_null()
        & pl.col("segment").is_in(list(set(PACKAGE_TO_OURS.values())))
    )
    agree = comparable.select((pl.col("_mapped") == pl.col("segment")).mean()).item()
    per_segment = (
        mapped.group_by("segment")
        .agg(
            pl.len().alias("customers"),
            pl.when(pl.col("segment").is_in(list(set(PACKAGE_TO_OURS.values()))))
            .then((pl.col("_mapped") == pl.col("segment")).fill_null(False))
            .mean()
            .alias("agree_share"),
            pl.col("package_segment").mode().sort().first().alias("top_package_segment"),
        )
        .join(
            crosstab.rename({"package_segment": "top_package_segment", "customers": "_n"}),
            on=["segment", "top_package_segment"],
            how="left",
        )
        .with_columns((pl.col("_n") / pl.col("customers")).alias("top_package_share"))
        .drop("_n")
        .sort("segment")
    )
    sizes = ours.group_by("package_segment").len("customers")
    return {
        "source": SOURCE,
        "rules": {n: [list(r) for r in rule] for n, rule in PACKAGE_RULES.items()},
        "mapping": PACKAGE_TO_OURS,
        "agreement": None if agree is None else round(float(agree), 4),
        "compared": comparable.height,
        "customers": ours.height,
        "crosstab": crosstab.to_dicts(),
        "package_sizes": {
            name: int(n) for name, n in sizes.select("package_segment", "customers").iter_rows()
        },
        "per_segment": per_segment.to_dicts(),
    }
