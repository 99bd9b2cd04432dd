"""The counter features of the segment and customer-type classifiers.

Every feature is something a dealer knows before the sale; none is derived
from a target (the RFM segment or the customer type):

| feature | counter input | training column (customer_profiles) |
|---|---|---|
| age | age / birth date | age |
| budget_krw | budget (KRW) | amount_krw (what the customer paid) |
| purchase_count | previous purchases | purchase_count - 1 (the recorded purchase excluded) |
| gender=*, market=*, vehicle_class=*, payment_method=*, channel=* | same | same |
| eco_friendly | eco preference | eco_friendly |

Budget stands in for the amount and previous purchases for the frequency: the
segment and type models were fitted on amount and frequency, and a dealer
learns both at the counter, so this is legitimate counter knowledge, not
leakage. Recency (days since the last purchase) is unknown for a prospect and
is not a feature; neither is the segment for the type model or the type for
the segment model. The model of interest is optional at the counter and so is
not a classifier feature; it only shapes the recommendations.

Categoricals are one-hot encoded against the brand's vocabulary with numpy
(`design_matrix`), the same code for one customer and for a million, so a
stored classifier sees exactly the columns it was fitted on (`feature_names`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import polars as pl

NUMERIC: tuple[str, ...] = ("age", "budget_krw", "purchase_count")
CATEGORICAL: tuple[str, ...] = ("gender", "market", "vehicle_class", "payment_method", "channel")
BOOLEAN: tuple[str, ...] = ("eco_friendly",)
INPUT_COLUMNS: tuple[str, ...] = NUMERIC + CATEGORICAL + BOOLEAN
TARGET_COLUMNS: frozenset[str] = frozenset(
    {
        "segment",
        "cluster",
        "rfm_cluster",
        "recency_days",
        "r_score",
        "f_score",
        "m_score",
        "persona",
        "persona_ko",
        "persona_en",
    }
)


def categories(vocab: Mapping[str, Sequence[str]]) -> dict[str, list[str]]:
    """The one-hot categories per categorical column, from a vocab dict."""
    return {
        "gender": list(vocab["genders"]),
        "market": list(vocab["markets"]),
        "vehicle_class": list(vocab["vehicle_classes"]),
        "payment_method": list(vocab["payment_methods"]),
        "channel": list(vocab["channels"]),
    }


def feature_names(cats: Mapping[str, Sequence[str]]) -> list[str]:
    """Column names of `design_matrix`: numerics, eco flag, then `column=value` one-hots."""
    return [*NUMERIC, *BOOLEAN, *(f"{c}={v}" for c in CATEGORICAL for v in cats[c])]


def design_matrix(columns: Mapping[str, Any], cats: Mapping[str, Sequence[str]]) -> np.ndarray:
    """float64 matrix (rows x `feature_names`) from INPUT_COLUMNS arrays or lists.

    `columns` maps each input column to a sequence (numpy array, Polars Series
    or list) of equal length. Unknown category values encode as all zeros.
    """
    parts = [np.asarray(columns[c], dtype=np.float64).reshape(-1, 1) for c in NUMERIC]
    parts.append(np.asarray(columns["eco_friendly"], dtype=np.float64).reshape(-1, 1))
    for c in CATEGORICAL:
        values = np.asarray(columns[c], dtype=object).reshape(-1, 1)
        parts.append(
            (values == np.asarray(cats[c], dtype=object).reshape(1, -1)).astype(np.float64)
        )
    return np.hstack(parts)


def frame_columns(frame: pl.DataFrame) -> dict[str, np.ndarray]:
    """INPUT_COLUMNS of `frame` as numpy arrays (categoricals as object arrays)."""
    out: dict[str, np.ndarray] = {}
    for c in INPUT_COLUMNS:
        series = frame.get_column(c)
        out[c] = (
            series.to_numpy().astype(object)
            if c in CATEGORICAL
            else series.cast(pl.Float64).to_numpy()
        )
    return out


def training_frame(customers: pl.DataFrame) -> pl.DataFrame:
    """Counter-feature columns of customer profiles (rows with a missing value dropped).

    `customers` has customer_profiles columns plus the targets; the targets
    are kept as they are, the features renamed to their counter meaning.
    """
    return customers.with_columns(
        pl.col("amount_krw").alias("budget_krw"),
        (pl.col("purchase_count") - 1).clip(lower_bound=0).alias("purchase_count"),
    ).drop_nulls(list(INPUT_COLUMNS))
