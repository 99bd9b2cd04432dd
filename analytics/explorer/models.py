"""Models: domestic sales and exports from Korea by model family.

Input (`MODELS_SCHEMA`, warehouse/sql/marts/explorer_models.sql): brand, flow
(domestic_sales or export_sales), model (catalogue family; null for category rows),
category (LCV, CKD, ...; null for models), powertrain (ICE, HEV, PHEV, EV, FCEV; null
when the published row may mix powertrains), body_type and body_type_en (from the model
catalogue via dim_model), year, month, units (vehicles). A month not reported has no row.

Mix charts never drop units: a model row without a stated powertrain is counted as
UNSTATED, and category rows (no model, no body type) as CATEGORY in both mixes.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from analytics.explorer.common import (
    Options,
    View,
    in_period,
    month_grid,
    months_of,
    peak_month,
    ranked,
    seasonality,
    select_brand,
    shares,
    view_of,
)

MODELS_SCHEMA = {
    "brand": pl.Utf8, "flow": pl.Utf8, "model": pl.Utf8, "category": pl.Utf8,
    "powertrain": pl.Utf8, "body_type": pl.Utf8, "body_type_en": pl.Utf8,
    "year": pl.Int32, "month": pl.Int32, "units": pl.Int64,
}  # fmt: skip
FLOWS: dict[str, tuple[str, ...]] = {
    "both": ("domestic_sales", "export_sales"),
    "domestic": ("domestic_sales",),
    "export": ("export_sales",),
}
UNSTATED = "unstated"  # a model row whose powertrain the source does not state
CATEGORY = "category"  # rows that name no model (LCV, CKD, Military, ...)
UNKNOWN = "unknown"  # a model the catalogue does not know (no body type)
ELECTRIC = ("EV", "FCEV")
HYBRID = ("HEV", "PHEV")


def model_rows(
    models: pl.DataFrame,
    *,
    brand: str,
    flow: str,
    period_from: str | None,
    period_to: str | None,
) -> pl.DataFrame:
    """The rows of the brand ("all": both, in months both report the flow), the flow
    choice (a key of FLOWS) and the period, with `group_body` (body type, or CATEGORY /
    UNKNOWN) and `group_powertrain` (powertrain, or UNSTATED / CATEGORY) added."""
    flows = FLOWS.get(flow, FLOWS["both"])
    chosen = select_brand(
        in_period(
            models.filter(pl.col("flow").is_in(list(flows))),
            period_from=period_from,
            period_to=period_to,
        ),
        brand=brand,
        keys=("flow",),
    )
    return chosen.with_columns(
        pl.when(pl.col("model").is_null())
        .then(pl.lit(CATEGORY))
        .otherwise(pl.col("body_type").fill_null(UNKNOWN))
        .alias("group_body"),
        pl.when(pl.col("model").is_null())
        .then(pl.lit(CATEGORY))
        .otherwise(pl.col("powertrain").fill_null(UNSTATED))
        .alias("group_powertrain"),
    )


def flow_months(rows: pl.DataFrame, *, model: str | None = None) -> pl.DataFrame:
    """Domestic vs export over time: flow, year, month, units (vehicles) of `model` (or
    of every model and category)."""
    scope = rows.filter(pl.col("model") == model) if model else rows
    return (
        scope.group_by("flow", "year", "month")
        .agg(pl.col("units").sum().cast(pl.Int64))
        .sort("flow", "year", "month")
    )


def model_totals(rows: pl.DataFrame) -> pl.DataFrame:
    """Per model over the period: model, brand, body_type, body_type_en, domestic and
    export (vehicles; null when the flow has no row for the model), units, share of all
    model units (fraction). Category rows are left out. Largest first."""
    models = rows.filter(pl.col("model").is_not_null())
    if models.is_empty():
        return pl.DataFrame(
            schema={
                "model": pl.Utf8, "brand": pl.Utf8, "body_type": pl.Utf8,
                "body_type_en": pl.Utf8, "domestic": pl.Int64, "export": pl.Int64,
                "units": pl.Int64, "share": pl.Float64,
            }
        )  # fmt: skip
    by_flow = models.group_by("model", "brand", "body_type", "body_type_en").agg(
        pl.col("units").filter(pl.col("flow") == "domestic_sales").sum().alias("domestic"),
        pl.col("units").filter(pl.col("flow") == "export_sales").sum().alias("export"),
        (pl.col("flow") == "domestic_sales").any().alias("_dom"),
        (pl.col("flow") == "export_sales").any().alias("_exp"),
        pl.col("units").sum().alias("units"),
    )
    return (
        by_flow.with_columns(
            pl.when(pl.col("_dom")).then(pl.col("domestic")).cast(pl.Int64).alias("domestic"),
            pl.when(pl.col("_exp")).then(pl.col("export")).cast(pl.Int64).alias("export"),
            pl.col("units").cast(pl.Int64),
            (pl.col("units") / pl.col("units").sum()).alias("share"),
        )
        .drop("_dom", "_exp")
        .sort(["units", "model"], descending=[True, False])
    )


def top_per_year(rows: pl.DataFrame, *, n: int) -> pl.DataFrame:
    """The top `n` models of each year: year, rank (1 = most units), model, brand, units
    (vehicles in the year's reported months), share (fraction of the year's model
    units), months (months the year has data for). Category rows are left out."""
    models = rows.filter(pl.col("model").is_not_null())
    months = models.group_by("year").agg(pl.col("month").n_unique().cast(pl.Int32).alias("months"))
    # ties in units go to the alphabetically first model
    ranked = (
        shares(models, by="model", within=["year"])
        .join(models.group_by("model").agg(pl.col("brand").min()), on="model", how="left")
        .sort("year", "units", "model", descending=[False, True, False])
        .with_columns(pl.int_range(1, pl.len() + 1).over("year").cast(pl.Int32).alias("rank"))
    )
    return (
        ranked.filter(pl.col("rank") <= n)
        .join(months, on="year", how="left")
        .select("year", "rank", "model", "brand", "units", "share", "months")
        .sort("year", "rank")
    )


def mix(rows: pl.DataFrame, *, by: str) -> pl.DataFrame:
    """Units per year and body type (`by="body"`) or powertrain (`by="powertrain"`):
    year, group (body type in Korean as in the catalogue, a powertrain, or UNSTATED /
    CATEGORY / UNKNOWN), group_en (body type in English; else the same code), units
    (vehicles), share (fraction of the year's units). Every unit is in one group."""
    column = "group_body" if by == "body" else "group_powertrain"
    grouped = shares(rows.rename({column: "group"}), by="group", within=["year"])
    if by == "body":
        english = (
            rows.filter(pl.col("body_type").is_not_null())
            .select(pl.col("body_type").alias("group"), pl.col("body_type_en").alias("group_en"))
            .unique()
        )
        grouped = grouped.join(english, on="group", how="left")
    else:
        grouped = grouped.with_columns(pl.lit(None, pl.Utf8).alias("group_en"))
    return grouped.with_columns(pl.col("group_en").fill_null(pl.col("group"))).select(
        "year", "group", "group_en", "units", "share"
    )


def electrified_share(rows: pl.DataFrame) -> pl.DataFrame:
    """Per reported month: year, month, units (all, vehicles), electric (EV + FCEV),
    hybrid (HEV + PHEV), unstated (model rows without a stated powertrain) in vehicles,
    and electric_share, hybrid_share, unstated_share (fractions of all units). Category
    rows count in units only. A share is therefore a lower bound when unstated > 0."""
    power = pl.col("group_powertrain")
    return (
        rows.group_by("year", "month")
        .agg(
            pl.col("units").sum().alias("units"),
            pl.col("units").filter(power.is_in(list(ELECTRIC))).sum().alias("electric"),
            pl.col("units").filter(power.is_in(list(HYBRID))).sum().alias("hybrid"),
            pl.col("units").filter(power == UNSTATED).sum().alias("unstated"),
        )
        .with_columns(pl.col("units", "electric", "hybrid", "unstated").cast(pl.Int64))
        .with_columns(
            [
                pl.when(pl.col("units") > 0)
                .then(pl.col(c) / pl.col("units"))
                .otherwise(None)
                .alias(f"{c}_share")
                for c in ("electric", "hybrid", "unstated")
            ]
        )
        .sort("year", "month")
    )


def model_seasonality(rows: pl.DataFrame) -> pl.DataFrame:
    """Per model: model, brand, months (reported), mean_units (vehicles per month), cv
    and cv_class (common.seasonality: year_round < 0.3, seasonal >= 0.5). Flows are
    added per month first. Most units first."""
    models = rows.filter(pl.col("model").is_not_null())
    totals = models.group_by("model").agg(pl.col("units").sum().alias("_units"))
    return (
        seasonality(models, by=["model", "brand"])
        .join(totals, on="model", how="left")
        .sort(["_units", "model"], descending=[True, False])
        .drop("_units")
    )


def latest_year(top: pl.DataFrame) -> pl.DataFrame:
    """The rows of `top_per_year` of its last year (empty frame stays empty)."""
    if top.is_empty():
        return top
    return top.filter(pl.col("year") == pl.col("year").max())


def year_of(frame: pl.DataFrame) -> int | None:
    """The (last) year of a frame with a year column; None when empty."""
    return int(frame.get_column("year").max()) if frame.height else None  # type: ignore[arg-type]


def mix_table(body: pl.DataFrame, power: pl.DataFrame) -> pl.DataFrame:
    """Both mixes in one table: mix ('body' or 'powertrain'), year, group, units
    (vehicles), share (fraction of the year's units)."""
    columns = ["year", "group", "units", "share"]
    return pl.concat(
        [
            body.select(pl.lit("body").alias("mix"), *columns),
            power.select(pl.lit("powertrain").alias("mix"), *columns),
        ]
    )


def pair(rows: pl.DataFrame, *, a: str | None, b: str | None) -> tuple[str | None, str | None]:
    """The two models to compare: `a` (else the model with most units) and `b` (else the
    next one); None where the rows hold too few models."""
    ranked = (
        rows.filter(pl.col("model").is_not_null())
        .group_by("model")
        .agg(pl.col("units").sum())
        .sort(["units", "model"], descending=[True, False])
        .get_column("model")
        .to_list()
    )
    first = a if a in ranked else (ranked[0] if ranked else None)
    second = b if b in ranked and b != first else next((m for m in ranked if m != first), None)
    return first, second


@dataclass(frozen=True)
class Comparison:
    """Two models month by month: `months` has year, month, period, units_a, units_b
    (vehicles; null = not reported) and gap (units_a - units_b where both are
    reported); the totals (vehicles) and each model's peak month."""

    a: str
    b: str
    months: pl.DataFrame
    total_a: int
    total_b: int
    peak_a: tuple[str, int] | None
    peak_b: tuple[str, int] | None

    def values(self) -> dict[str, object]:
        """The numbers the comparison sentence is made of."""
        return {
            "a": self.a, "b": self.b, "total_a": self.total_a, "total_b": self.total_b,
            "peak_a": self.peak_a, "peak_b": self.peak_b,
        }  # fmt: skip


def compare(
    rows: pl.DataFrame, *, a: str, b: str, period_from: str | None, period_to: str | None
) -> Comparison:
    """Model `a` against model `b` over the period's months (see Comparison)."""

    def units(model: str) -> pl.DataFrame:
        return (
            rows.filter(pl.col("model") == model)
            .group_by("year", "month")
            .agg(pl.col("units").sum().cast(pl.Int64))
        )

    ua, ub = units(a), units(b)
    grid = month_grid(pl.concat([ua, ub]), period_from=period_from, period_to=period_to)
    months = (
        grid.join(ua.rename({"units": "units_a"}), on=["year", "month"], how="left")
        .join(ub.rename({"units": "units_b"}), on=["year", "month"], how="left")
        .with_columns((pl.col("units_a") - pl.col("units_b")).alias("gap"))
        .sort("year", "month")
    )

    def peak(frame: pl.DataFrame) -> tuple[str, int] | None:
        if frame.is_empty():
            return None
        row = peak_month(frame).row(0)
        return str(row[0]), int(row[1])

    return Comparison(
        a=a,
        b=b,
        months=months,
        total_a=int(ua.get_column("units").sum()),
        total_b=int(ub.get_column("units").sum()),
        peak_a=peak(ua),
        peak_b=peak(ub),
    )


def options(models: pl.DataFrame, *, brand: str, flow: str) -> Options:
    """The months and model families (most units first) of the brand and flow."""
    rows = model_rows(models, brand=brand, flow=flow, period_from=None, period_to=None)
    return Options(months=months_of(rows), focus=ranked(rows, "model"))


@dataclass(frozen=True)
class ModelInsights:
    """The numbers the models page's sentences come from (units: vehicles; shares:
    fractions). `focus` is the model the split is about (None = every row)."""

    year: int | None = None
    year_months: int | None = None
    top_model: str | None = None
    top_units: int | None = None
    top_share: float | None = None
    focus: str | None = None
    domestic: int | None = None
    export: int | None = None
    first: str | None = None
    last: str | None = None
    electric_share: float | None = None
    hybrid_share: float | None = None
    unstated_share: float | None = None
    classes: dict[str, int] | None = None


def insights(rows: pl.DataFrame, *, focus: str | None = None) -> ModelInsights:
    """The top model of the period's last year, the domestic/export split (of the focus
    model or of everything), the EV, hybrid and unstated shares over the period, and
    how many models fall in each seasonality class."""
    if rows.is_empty():
        return ModelInsights(focus=focus)
    top = top_per_year(rows, n=1)
    latest = top.row(-1, named=True) if top.height else None
    scope = rows.filter(pl.col("model") == focus) if focus else rows
    flows = scope.group_by("flow").agg(pl.col("units").sum())
    by_flow = dict(flows.iter_rows())
    power = pl.col("group_powertrain")
    total = int(scope.get_column("units").sum())
    shares_of = {
        name: (int(scope.filter(cond).get_column("units").sum()) / total if total else None)
        for name, cond in (
            ("electric", power.is_in(list(ELECTRIC))),
            ("hybrid", power.is_in(list(HYBRID))),
            ("unstated", power == UNSTATED),
        )
    }
    classes = (
        model_seasonality(rows).group_by("cv_class").agg(pl.len()).iter_rows()
    )  # (class, count)
    months = scope.select("year", "month").unique().sort("year", "month")
    first, last = (months.row(0), months.row(-1)) if months.height else (None, None)
    return ModelInsights(
        year=latest["year"] if latest else None,
        year_months=latest["months"] if latest else None,
        top_model=latest["model"] if latest else None,
        top_units=latest["units"] if latest else None,
        top_share=latest["share"] if latest else None,
        focus=focus,
        domestic=by_flow.get("domestic_sales"),
        export=by_flow.get("export_sales"),
        first=f"{first[0]}-{first[1]:02d}" if first else None,
        last=f"{last[0]}-{last[1]:02d}" if last else None,
        electric_share=shares_of["electric"],
        hybrid_share=shares_of["hybrid"],
        unstated_share=shares_of["unstated"],
        classes={str(k): int(v) for k, v in classes},
    )


def view(
    models: pl.DataFrame,
    *,
    brand: str,
    flow: str,
    period_from: str | None,
    period_to: str | None,
    focus: str | None = None,
) -> View:
    """The page's View: rows = `model_rows`, scope = the focus model's rows."""
    rows = model_rows(models, brand=brand, flow=flow, period_from=period_from, period_to=period_to)
    return view_of(
        rows, focus_column="model", focus=focus, period_from=period_from, period_to=period_to
    )
