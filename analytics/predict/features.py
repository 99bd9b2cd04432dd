"""The counter features of the value-tier classifier.

Every feature is something a dealer learns from a prospect at the counter before
any sale; none is derived from the target (the value tier, what the customer
became: amount x purchases):

| feature | counter input | training column (customer_profiles) |
|---|---|---|
| age | age / birth date | age |
| budget_krw | budget (KRW) | amount_krw (what the customer paid for the purchase) |
| gender=*, market=*, vehicle_class=*, payment_method=*, channel=* | same | same |
| eco_friendly | eco preference | eco_friendly |

Budget stands in for the amount of the first purchase, the one thing a prospect
can tell about money. Purchases are not a feature: a prospect has none, and a
customer's purchase count is half of the target (value = amount x purchases), so
using it would be leakage. Recency does not exist for someone who never bought.
The previous purchases told at the counter (`purchase_count`) are still parsed:
they decide only whether the prospect is 신규 by definition (none) or a returning
customer whose segment must come from the warehouse. The model of interest is
optional at the counter and so is not a feature; it only shapes the
recommendations.

Categoricals are one-hot encoded against the brand's vocabulary with numpy
(`design_matrix`), the same code for one customer and for a million, so a
stored classifier sees exactly the columns it was fitted on (`feature_names`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import polars as pl

NUMERIC: tuple[str, ...] = ("age", "budget_krw")
CATEGORICAL: tuple[str, ...] = ("gender", "market", "vehicle_class", "payment_method", "channel")
BOOLEAN: tuple[str, ...] = ("eco_friendly",)
MODEL_INPUTS: tuple[str, ...] = NUMERIC + CATEGORICAL + BOOLEAN
# Every parsed counter input: the model's, plus the previous purchases (not a feature).
INPUT_COLUMNS: tuple[str, ...] = (*MODEL_INPUTS, "purchase_count")
TARGET_COLUMNS: frozenset[str] = frozenset(
    {
        "tier",
        "value_krw",
        "frequency",
        "purchase_count",
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
    """float64 matrix (rows x `feature_names`) from MODEL_INPUTS arrays or lists.

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
    """MODEL_INPUTS of `frame` as numpy arrays (categoricals as object arrays)."""
    out: dict[str, np.ndarray] = {}
    for c in MODEL_INPUTS:
        series = frame.get_column(c)
        out[c] = (
            series.to_numpy().astype(object)
            if c in CATEGORICAL
            else series.cast(pl.Float64).to_numpy()
        )
    return out


def training_frame(customers: pl.DataFrame) -> pl.DataFrame:
    """Counter-input columns of customer profiles (rows with a missing value dropped).

    `customers` has customer_profiles columns (plus any targets, kept as they
    are); budget_krw is the amount paid and purchase_count the purchases before
    the recorded one (purchase_count - 1), as a dealer would have heard them.
    """
    return customers.with_columns(
        pl.col("amount_krw").alias("budget_krw"),
        (pl.col("purchase_count") - 1).clip(lower_bound=0).alias("purchase_count"),
    ).drop_nulls(list(INPUT_COLUMNS))
