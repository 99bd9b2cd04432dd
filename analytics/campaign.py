"""Personal recommendations for campaign recipients, from the prediction engine.

`personalise` scores every recipient with the brand's verified predictor
(`analytics.predict.model.Predictor.predict_frame`, the same engine as the
prediction page and `carsight predict`), from the same counter features it was
trained on (`analytics.predict.features.training_frame`).
"""

from __future__ import annotations

import polars as pl

from analytics.predict import features
from analytics.predict.model import Predictor

TOP = 3
REC_COLUMNS = tuple(
    f"rec{i}_{part}" for i in range(1, TOP + 1) for part in ("model", "expected_price", "eco")
)


def language_of(market: str | None) -> str:
    """The language a customer is written to: Korean in Korea, else English."""
    return "ko" if market == "Korea" else "en"


def personalise(
    audience: pl.DataFrame, *, predictor: Predictor | None, counter: bool = False
) -> pl.DataFrame:
    """`audience` plus language and rec<i>_model, rec<i>_expected_price (KRW) and
    rec<i>_eco for i in 1..3 (null when the predictor is missing or a counter
    feature of the customer is unknown).

    `audience` has customer_id and either purchase columns (customer profiles:
    amount_krw, purchase_count including the purchase; `counter=False`) or the
    counter features themselves (prospects: budget_krw, purchase_count before;
    `counter=True`)."""
    out = audience.with_columns(
        pl.when(pl.col("market") == "Korea")
        .then(pl.lit("ko"))
        .otherwise(pl.lit("en"))
        .alias("language")
    )
    empty = [pl.lit(None, dtype=_dtype(c)).alias(c) for c in REC_COLUMNS]
    if predictor is None or out.is_empty():
        return out.with_columns(empty)
    usable = (
        out.drop_nulls(list(features.INPUT_COLUMNS)) if counter else features.training_frame(out)
    )
    if usable.is_empty():
        return out.with_columns(empty)
    scored = predictor.predict_frame(usable.select(features.INPUT_COLUMNS))
    recs = pl.concat(
        [
            usable.select("customer_id"),
            scored.select([c for c in REC_COLUMNS if c in scored.columns]),
        ],
        how="horizontal",
    )
    return out.join(recs, on="customer_id", how="left").with_columns(
        [pl.lit(None, dtype=_dtype(c)).alias(c) for c in REC_COLUMNS if c not in recs.columns]
    )


def _dtype(column: str) -> type[pl.DataType]:
    if column.endswith("_model"):
        return pl.Utf8
    if column.endswith("_eco"):
        return pl.Boolean
    return pl.Int64
