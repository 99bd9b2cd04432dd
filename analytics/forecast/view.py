"""What the forecast page shows, as pure functions of the stored `carsight forecast` frames.

Inputs are the frames of `warehouse.forecasts` (one run):

    series:    series_id, brand, flow, market, model, plant, level, n_months, first_ds,
               last_ds, chosen_model, selection_rule, backtest_horizon (months ahead the
               backtest scored; null market/model/plant = summed over that column)
    forecasts: model_name, ds (Date, first of month), yhat, yhat_lower, yhat_upper
               (vehicles per month; the bounds are the 80% interval), optionally
               bottom_up_yhat (total series: the sum of the parts' yhat, else null)
    backtest:  model_name, cutoff, ds, y, yhat, yhat_lower, yhat_upper (vehicles per month)
    metrics:   series_id, brand, flow, level, model_name, horizon (months ahead, null =
               pooled), scope, mase (unitless), smape and mape (percent), coverage80 (0-1),
               width80 (interval width / actual), median_abs_error (vehicles per month),
               scored_months, interval_months
    history:   ds, y (vehicles per month; unreported months are absent, never 0)

Nothing here reads the warehouse or knows about Dash.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode

import polars as pl

from analytics.forecast.naive import monthly_grid

# Display order of the stored model names; 'selected' is the per-series choice made on
# earlier cutoffs only, so it is a copy of one of the others, never a competitor.
MODELS: tuple[str, ...] = ("selected", "ensemble", "lightgbm", "prophet", "seasonal_naive")
# In tie order: a series two models score equally on goes to the first, as in the
# leaderboard `carsight forecast` prints (analytics.forecast.pipeline.CANDIDATES).
COMPETITORS: tuple[str, ...] = ("seasonal_naive", "ensemble", "lightgbm", "prophet")
BASELINE = "seasonal_naive"
SCOPES: tuple[str, ...] = ("latest_cutoff", "all_cutoffs")
FLOW_ORDER: tuple[str, ...] = (
    "region_export", "export_sales", "domestic_sales", "overseas_retail",
    "overseas_plant_sales", "eu_retail", "ckd_export",
)  # fmt: skip
DEFAULT_FLOW = "region_export"
TOTAL = "*"  # picker value of "every market" / "the market's total"
SUMMARY_MONTHS = 6
METRIC_COLUMNS: tuple[str, ...] = ("mase", "smape", "mape", "coverage80", "width80")


# --- series picker -----------------------------------------------------------------------


def item_value(model: str | None, plant: str | None) -> str:
    """Picker value of a series within its market: TOTAL, or 'model=…' / 'plant=…'."""
    pairs = [(k, v) for k, v in (("model", model), ("plant", plant)) if v]
    return urlencode(pairs) if pairs else TOTAL


def parse_item(value: str | None) -> tuple[str | None, str | None]:
    """(model, plant) of an `item_value`; TOTAL, empty or unknown keys give (None, None)."""
    if not value or value == TOTAL:
        return None, None
    found = dict(parse_qsl(value))
    return found.get("model") or None, found.get("plant") or None


@dataclass(frozen=True)
class Pick:
    """The resolved series and the choices offered at each level of the picker.

    `problems` lists (parameter, value) pairs that the run does not have and were
    replaced by the default ("brand", "flow", "market", "model" or "plant").
    """

    series_id: str | None = None
    brand: str | None = None
    flow: str | None = None
    market: str | None = None
    model: str | None = None
    plant: str | None = None
    brands: tuple[str, ...] = ()
    flows: tuple[str, ...] = ()
    markets: tuple[str | None, ...] = ()
    items: tuple[tuple[str | None, str | None], ...] = ()  # (model, plant)
    problems: tuple[tuple[str, str], ...] = field(default_factory=tuple)

    def query(self) -> dict[str, str]:
        """URL parameters naming this series (absent ones mean the total)."""
        values = {
            "brand": self.brand,
            "flow": self.flow,
            "market": self.market,
            "model": self.model,
            "plant": self.plant,
        }
        return {k: v for k, v in values.items() if v}


def _flow_rank(flow: str) -> int:
    return FLOW_ORDER.index(flow) if flow in FLOW_ORDER else len(FLOW_ORDER)


def pick_series(
    series: pl.DataFrame,
    *,
    brand: str | None = None,
    flow: str | None = None,
    market: str | None = None,
    model: str | None = None,
    plant: str | None = None,
) -> Pick:
    """The series named by brand, flow, market and model/plant (None = total / default).

    Each level falls back to its default when the run lacks the value asked for:
    the first brand, region_export (else the first flow), the total over markets
    (else the first market), the market's total (else its first model or plant).
    """
    if series.is_empty():
        return Pick()
    problems: list[tuple[str, str]] = []
    brands = tuple(sorted(series.get_column("brand").unique().to_list()))
    if brand not in brands:
        if brand:
            problems.append(("brand", brand))
        brand = brands[0]
    in_brand = series.filter(pl.col("brand") == brand)
    flows = tuple(sorted(in_brand.get_column("flow").unique().to_list(), key=_flow_rank))
    if flow not in flows:
        if flow:
            problems.append(("flow", flow))
        flow = DEFAULT_FLOW if DEFAULT_FLOW in flows else flows[0]
    in_flow = in_brand.filter(pl.col("flow") == flow)
    present = in_flow.get_column("market").unique().to_list()
    markets = tuple([None] if None in present else []) + tuple(
        sorted(m for m in present if m is not None)
    )
    if market not in markets:
        if market:
            problems.append(("market", market))
        market = markets[0]
    in_market = in_flow.filter(
        pl.col("market").is_null() if market is None else pl.col("market") == market
    )
    pairs = in_market.select("model", "plant").unique().rows()
    items = tuple(sorted(pairs, key=lambda p: (p != (None, None), p[0] or "", p[1] or "")))
    if (model, plant) not in items:
        if model:
            problems.append(("model", model))
        if plant:
            problems.append(("plant", plant))
        model, plant = items[0]
    row = in_market.filter(
        (pl.col("model").is_null() if model is None else pl.col("model") == model)
        & (pl.col("plant").is_null() if plant is None else pl.col("plant") == plant)
    )
    return Pick(
        series_id=row.item(0, "series_id"),
        brand=brand,
        flow=flow,
        market=market,
        model=model,
        plant=plant,
        brands=brands,
        flows=flows,
        markets=markets,
        items=items,
        problems=tuple(problems),
    )


def series_row(series: pl.DataFrame, series_id: str | None) -> dict | None:
    """The series' row as a dict (None when the run has no such series)."""
    if not series_id:
        return None
    rows = series.filter(pl.col("series_id") == series_id).to_dicts()
    return rows[0] if rows else None


def models_of(forecasts: pl.DataFrame) -> list[str]:
    """Model names with forecasts for the series, in display order (unknown ones last)."""
    present = set(forecasts.get_column("model_name").unique().to_list())
    return [m for m in MODELS if m in present] + sorted(present - set(MODELS))


# --- chart ---------------------------------------------------------------------------------


def history_with_gaps(history: pl.DataFrame) -> pl.DataFrame:
    """`history` (ds, y) on a regular monthly grid; unreported months get y = null, so a
    chart breaks the line there instead of drawing (or counting) a zero."""
    return monthly_grid(history).select("ds", "y")


def has_bottom_up(forecasts: pl.DataFrame) -> bool:
    """Whether the series is a total with the sum of its parts stored beside it."""
    return (
        "bottom_up_yhat" in forecasts.columns
        and forecasts.get_column("bottom_up_yhat").is_not_null().any()
    )


def chart_table(history: pl.DataFrame, forecasts: pl.DataFrame, *, band_model: str) -> pl.DataFrame:
    """The chart as a table: month ('YYYY-MM'), actual y, each model's yhat, the band
    model's 80% bounds and, for a total, its bottom_up sum of the parts (all vehicles
    per month)."""
    models = models_of(forecasts)
    wide = (
        forecasts.lazy()
        .pivot(on="model_name", index="ds", values="yhat", on_columns=models)
        .collect()
        if not forecasts.is_empty()
        else pl.DataFrame(schema={"ds": pl.Date})
    )
    band = forecasts.filter(pl.col("model_name") == band_model).select(
        "ds",
        pl.col("yhat_lower").alias("lower"),
        pl.col("yhat_upper").alias("upper"),
        *([pl.col("bottom_up_yhat").alias("bottom_up")] if has_bottom_up(forecasts) else []),
    )
    return (
        history_with_gaps(history)
        .join(wide, on="ds", how="full", coalesce=True)
        .join(band, on="ds", how="left")
        .sort("ds")
        .with_columns(pl.col("ds").dt.strftime("%Y-%m").alias("month"))
        .select("month", "y", *models, pl.exclude("ds", "month", "y", *models))
        .with_columns(pl.exclude("month").round(0).cast(pl.Int64))
    )


# --- metrics --------------------------------------------------------------------------------


def _model_order(column: str = "model_name") -> pl.Expr:
    order = {m: i for i, m in enumerate(MODELS)}
    return pl.col(column).replace_strict(order, default=len(order), return_dtype=pl.Int64)


def metrics_table(metrics: pl.DataFrame, *, series_id: str, scope: str) -> pl.DataFrame:
    """One series' metrics in `scope`: model_name, horizon (null = pooled over all
    horizons), mase, smape (%), mape (%), coverage80 (0-1); models in display order,
    pooled row first."""
    return (
        metrics.lazy()
        .filter((pl.col("series_id") == series_id) & (pl.col("scope") == scope))
        .sort(_model_order(), pl.col("horizon"), nulls_last=False)
        .select("model_name", "horizon", *METRIC_COLUMNS)
        .collect()
    )


def typical_error(
    metrics: pl.DataFrame, *, series_id: str, model_name: str
) -> tuple[float, int] | None:
    """(median absolute error in vehicles per month, months scored) of `model_name` on
    the series over every backtest cutoff; None when the run does not have it."""
    if "median_abs_error" not in metrics.columns:
        return None
    rows = metrics.filter(
        (pl.col("series_id") == series_id)
        & (pl.col("model_name") == model_name)
        & (pl.col("scope") == "all_cutoffs")
        & pl.col("horizon").is_null()
        & pl.col("median_abs_error").is_not_null()
    )
    if rows.is_empty():
        return None
    return float(rows.item(0, "median_abs_error")), int(rows.item(0, "scored_months") or 0)


def flow_interval_table(metrics: pl.DataFrame, *, flow: str, scope: str) -> pl.DataFrame:
    """The 80% intervals of every series of `flow` per model and horizon, in `scope`.

    coverage80: share (0-1) of the flow's backtest months with an interval whose actual
    fell inside (each series' coverage weighted by its interval_months, so exactly the
    pooled share); width80: median over the series of their median width / actual
    (unitless); series: how many series had an interval at that horizon. Rows by
    model (display order) and horizon; empty for a run without interval columns.
    """
    schema = {
        "model_name": pl.Utf8,
        "horizon": pl.Int64,
        "coverage80": pl.Float64,
        "width80": pl.Float64,
        "series": pl.UInt32,
    }
    if "interval_months" not in metrics.columns:
        return pl.DataFrame(schema=schema)
    rows = metrics.filter(
        (pl.col("flow") == flow)
        & (pl.col("scope") == scope)
        & pl.col("horizon").is_not_null()
        & (pl.col("interval_months") > 0)
        & pl.col("model_name").is_in(MODELS)
    )
    return (
        rows.group_by("model_name", "horizon")
        .agg(
            (
                (pl.col("coverage80") * pl.col("interval_months")).sum()
                / pl.col("interval_months").sum()
            ).alias("coverage80"),
            pl.col("width80").median(),
            pl.col("series_id").n_unique().alias("series"),
        )
        .sort(_model_order(), "horizon")
        .select(list(schema))
        .cast(schema)  # type: ignore[arg-type]
    )


def pooled_metrics(table: pl.DataFrame) -> pl.DataFrame:
    """The pooled rows (horizon null) of `metrics_table`, without the horizon column."""
    return table.filter(pl.col("horizon").is_null()).drop("horizon")


def horizon_table(table: pl.DataFrame, *, metric: str = "mase") -> pl.DataFrame:
    """`metric` per model (rows) and horizon (columns h1, h2, ...) from `metrics_table`."""
    per = table.filter(pl.col("horizon").is_not_null())
    if per.get_column(metric).is_null().all():
        return pl.DataFrame(schema={"model_name": pl.Utf8})
    # a horizon nothing was scored at (e.g. 4-6 months after the latest cutoff) is left out
    horizons = sorted(
        per.filter(pl.col(metric).is_not_null()).get_column("horizon").unique().to_list()
    )
    return (
        per.with_columns(pl.format("h{}", pl.col("horizon")).alias("h"))
        .pivot(on="h", index="model_name", values=metric, on_columns=[f"h{h}" for h in horizons])
        .sort(_model_order())
    )


def leaderboard(metrics: pl.DataFrame, *, scope: str) -> pl.DataFrame:
    """Every model's pooled backtest accuracy across series, per flow and overall.

    Columns: flow ('all' = every flow), model_name, series (count), median_mase,
    median_smape (%), coverage80 (mean, 0-1), beats_naive (share of series whose MASE
    is below seasonal naive's, 0-1), wins (series where the model has the lowest MASE
    among COMPETITORS, a tie going to the first of them, as `carsight forecast` prints
    it; null for 'selected', which is a copy of one of them).
    """
    pooled = metrics.filter(
        pl.col("horizon").is_null() & (pl.col("scope") == scope) & pl.col("mase").is_not_null()
    )
    if pooled.is_empty():
        return pl.DataFrame(
            schema={
                "flow": pl.Utf8,
                "model_name": pl.Utf8,
                "series": pl.UInt32,
                "median_mase": pl.Float64,
                "median_smape": pl.Float64,
                "coverage80": pl.Float64,
                "beats_naive": pl.Float64,
                "wins": pl.UInt32,
            }
        )
    rank = pl.col("model_name").replace_strict(
        {m: i for i, m in enumerate(COMPETITORS)}, default=None, return_dtype=pl.Int64
    )
    scored = (
        pooled.lazy()
        .with_columns(rank.alias("_rank"))
        .with_columns(
            pl.col("mase")
            .filter(pl.col("_rank").is_not_null())
            .min()
            .over("series_id")
            .alias("_best"),
            pl.col("mase")
            .filter(pl.col("model_name") == BASELINE)
            .first()
            .over("series_id")
            .alias("_naive"),
        )
        .with_columns(
            pl.col("_rank")
            .filter(pl.col("mase") == pl.col("_best"))
            .min()
            .over("series_id")
            .alias("_winner"),
        )
        .with_columns(
            (pl.col("_rank") == pl.col("_winner")).fill_null(False).alias("_won"),
            (pl.col("mase") < pl.col("_naive")).alias("_beats"),
        )
    )
    both = pl.concat([scored, scored.with_columns(pl.lit("all").alias("flow"))])
    return (
        both.group_by("flow", "model_name")
        .agg(
            pl.col("series_id").n_unique().alias("series"),
            pl.col("mase").median().alias("median_mase"),
            pl.col("smape").median().alias("median_smape"),
            pl.col("coverage80").mean().alias("coverage80"),
            pl.col("_beats").mean().alias("beats_naive"),
            pl.when(pl.col("model_name").first().is_in(COMPETITORS))
            .then(pl.col("_won").sum())
            .alias("wins"),
        )
        .with_columns(
            pl.col("flow")
            .replace_strict(
                {f: i for i, f in enumerate(("all", *FLOW_ORDER))},
                default=len(FLOW_ORDER) + 1,
                return_dtype=pl.Int64,
            )
            .alias("_flow")
        )
        .sort("_flow", "flow", _model_order())
        .drop("_flow")
        .collect()
    )


# --- quarters and the summary -------------------------------------------------------------


def validated_until(row: dict | None) -> dt.date | None:
    """The last forecast month the backtest validated for a `series_row` (its last
    reported month + backtest_horizon months); None when the run does not say."""
    if not row or row.get("backtest_horizon") is None or row.get("last_ds") is None:
        return None
    last: dt.date = row["last_ds"]
    index = last.year * 12 + last.month - 1 + int(row["backtest_horizon"])
    return dt.date(index // 12, index % 12 + 1, 1)


def unvalidated_from(row: dict | None) -> tuple[dt.date, int] | None:
    """(first forecast month past what the backtest validated, backtest horizon) of a
    `series_row`; None when the run does not say."""
    last = validated_until(row)
    if last is None or row is None:
        return None
    index = last.year * 12 + last.month  # the month after `last`
    return dt.date(index // 12, index % 12 + 1, 1), int(row["backtest_horizon"])


def quarter_table(
    forecasts: pl.DataFrame, *, model_name: str, validated: dt.date | None = None
) -> pl.DataFrame:
    """`model_name`'s forecast per calendar quarter: quarter ('2025-Q3'), months (forecast
    months in it; < 3 for a partial quarter), validated_months (of them, months no later
    than `validated`, the last month the backtest validated; every month when None),
    yhat, yhat_lower, yhat_upper (vehicles, sums of the monthly values rounded to whole
    vehicles; a bound is null when a month lacks it). The bounds are sums of the monthly
    80% bounds, so the quarter band is at least as wide as an 80% interval."""
    checked = pl.col("ds").is_not_null() if validated is None else pl.col("ds") <= pl.lit(validated)
    return (
        forecasts.lazy()
        .filter(pl.col("model_name") == model_name)
        .group_by(pl.col("ds").dt.year().alias("_y"), pl.col("ds").dt.quarter().alias("_q"))
        .agg(
            pl.len().cast(pl.Int64).alias("months"),
            checked.sum().cast(pl.Int64).alias("validated_months"),
            *[
                pl.when(pl.col(c).null_count() == 0)
                .then(pl.col(c).sum().round(0))
                .cast(pl.Int64)
                .alias(c)
                for c in ("yhat", "yhat_lower", "yhat_upper")
            ],
        )
        .sort("_y", "_q")
        .select(
            pl.format("{}-Q{}", "_y", "_q").alias("quarter"),
            "months",
            "validated_months",
            "yhat",
            "yhat_lower",
            "yhat_upper",
        )
        .collect()
    )


def _banded(backtest: pl.DataFrame, models: tuple[str, ...]) -> pl.DataFrame:
    """Backtest rows of `models` with an interval and an actual, with their horizon (months
    from cutoff to ds) and inside (the actual within the interval)."""
    return backtest.filter(
        pl.col("model_name").is_in(models),
        pl.col("yhat_lower").is_not_null(),
        pl.col("yhat_upper").is_not_null(),
        pl.col("y").is_not_null(),
    ).with_columns(
        (
            (pl.col("ds").dt.year().cast(pl.Int64) - pl.col("cutoff").dt.year().cast(pl.Int64)) * 12
            + pl.col("ds").dt.month().cast(pl.Int64)
            - pl.col("cutoff").dt.month().cast(pl.Int64)
        ).alias("horizon"),
        ((pl.col("yhat_lower") <= pl.col("y")) & (pl.col("y") <= pl.col("yhat_upper"))).alias(
            "inside"
        ),
    )


def interval_table(backtest: pl.DataFrame, *, models: tuple[str, ...] = MODELS) -> pl.DataFrame:
    """How the 80% intervals of `backtest` rows (any series) did, per model and horizon.

    `backtest` has model_name, cutoff, ds, y, yhat_lower and yhat_upper. Months with
    an interval count: coverage80 is the share (0-1) of actuals inside it, width80
    the median (upper - lower) / actual over those with a non-zero actual (unitless),
    months how many there were. Rows: model_name (in `models` order), horizon (months
    from cutoff to ds).
    """
    width = (pl.col("yhat_upper") - pl.col("yhat_lower")) / pl.col("y").abs()
    order = {m: i for i, m in enumerate(models)}
    return (
        _banded(backtest, models)
        .group_by("model_name", "horizon")
        .agg(
            pl.col("inside").cast(pl.Float64).mean().alias("coverage80"),
            width.filter(pl.col("y") != 0).median().alias("width80"),
            pl.len().cast(pl.Int64).alias("months"),
        )
        .sort(pl.col("model_name").replace_strict(order, return_dtype=pl.Int64), "horizon")
    )


# Issue 14's goal for the 80% intervals of 'selected' and 'ensemble' at every horizon.
COVERAGE_GOAL = (0.75, 0.85)
WIDTH_GOAL = 1.0
Z95 = 1.959963984540054


def wilson_interval(
    covered: pl.Expr, months: pl.Expr, *, z: float = Z95
) -> tuple[pl.Expr, pl.Expr]:
    """Wilson score interval (95% with the default z) of a share covered / months, as
    (low, high) expressions in 0-1; months must be positive."""
    n = months.cast(pl.Float64)
    p = covered.cast(pl.Float64) / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * (p * (1 - p) / n + z * z / (4 * n * n)).sqrt() / (1 + z * z / n)
    return centre - half, centre + half


def interval_goal_table(
    backtest: pl.DataFrame, *, models: tuple[str, ...] = ("selected", "ensemble")
) -> pl.DataFrame:
    """Issue 14's interval goal per model and horizon, with how sure each coverage is.

    `backtest` as for :func:`interval_table` (plus series_id when it has one: the stored
    forecast_backtest). Columns: model_name, horizon, coverage80, width80, months,
    covered (months inside), coverage_low and coverage_high (Wilson 95% interval of
    coverage80 over `months` independent months; the months of one cutoff move
    together, so the true uncertainty is larger), cutoffs and series (distinct ones
    behind the months; series null without series_id), meets (coverage80 within
    COVERAGE_GOAL and width80 <= WIDTH_GOAL) and coverage_goal_in_reach (the Wilson
    interval overlaps COVERAGE_GOAL: a miss of coverage that the months cannot tell
    from sampling noise).
    """
    banded = _banded(backtest, models)
    counts = banded.group_by("model_name", "horizon").agg(
        pl.col("inside").sum().cast(pl.Int64).alias("covered"),
        pl.col("cutoff").n_unique().cast(pl.Int64).alias("cutoffs"),
        (
            pl.col("series_id").n_unique().cast(pl.Int64)
            if "series_id" in banded.columns
            else pl.lit(None, dtype=pl.Int64)
        ).alias("series"),
    )
    low, high = wilson_interval(pl.col("covered"), pl.col("months"))
    lo, hi = COVERAGE_GOAL
    return (
        interval_table(backtest, models=models)
        .join(counts, on=["model_name", "horizon"], how="left", maintain_order="left")
        .with_columns(low.alias("coverage_low"), high.alias("coverage_high"))
        .with_columns(
            (pl.col("coverage80").is_between(lo, hi) & (pl.col("width80") <= WIDTH_GOAL)).alias(
                "meets"
            ),
            ((pl.col("coverage_low") <= hi) & (pl.col("coverage_high") >= lo)).alias(
                "coverage_goal_in_reach"
            ),
        )
        .select(
            "model_name",
            "horizon",
            "coverage80",
            "width80",
            "months",
            "covered",
            "coverage_low",
            "coverage_high",
            "cutoffs",
            "series",
            "meets",
            "coverage_goal_in_reach",
        )
    )


@dataclass(frozen=True)
class Summary:
    """Numbers of the generated summary sentence (vehicles; changes in percent)."""

    model_name: str
    months: int  # forecast months summed (at most SUMMARY_MONTHS)
    start: dt.date
    end: dt.date
    total: float  # forecast sum over those months
    lower: float  # sum of the monthly 80% lower bounds
    upper: float
    base_total: float | None  # actuals of the same calendar months one year earlier
    change_pct: float | None  # total vs base_total
    change_lower_pct: float | None
    change_upper_pct: float | None
    recent_months: int  # reported months among the 12 before the forecast
    recent_mean: float | None  # mean monthly actual over those months
    vs_recent_pct: float | None  # forecast monthly mean vs recent_mean
    bottom_up_total: float | None = None  # total series: sum of the parts, same months
    bottom_up_diff_pct: float | None = None  # total vs bottom_up_total


def _pct(value: float, base: float | None) -> float | None:
    if base is None or base == 0:
        return None
    return 100.0 * (value / base - 1.0)


def forecast_summary(
    history: pl.DataFrame, forecasts: pl.DataFrame, *, model_name: str, months: int = SUMMARY_MONTHS
) -> Summary | None:
    """The next `months` of `model_name`'s forecast against last year's same months and
    against the mean of the last 12 months (None when the model has no forecast).

    The year-on-year base needs every one of those months reported a year earlier;
    otherwise it is None rather than a total with silent gaps.
    """
    ahead = forecasts.filter(pl.col("model_name") == model_name).sort("ds").head(months)
    if ahead.is_empty():
        return None
    sums = ahead.select(pl.col("yhat", "yhat_lower", "yhat_upper").sum()).row(0)
    total, lower, upper = (float(v) for v in sums)
    bottom_up = (
        float(ahead.get_column("bottom_up_yhat").sum())
        if has_bottom_up(ahead) and ahead.get_column("bottom_up_yhat").null_count() == 0
        else None
    )
    start, end = ahead.select(pl.col("ds").min().alias("a"), pl.col("ds").max().alias("b")).row(0)
    base = (
        ahead.select(pl.col("ds").dt.offset_by("-1y").alias("ds"))
        .join(history.select("ds", "y"), on="ds", how="left")
        .get_column("y")
    )
    base_total = float(base.sum()) if base.null_count() == 0 else None
    recent = history.filter(
        (pl.col("ds") < start) & (pl.col("ds") >= pl.lit(start).dt.offset_by("-12mo"))
    )
    recent_mean = float(recent.get_column("y").mean()) if recent.height else None  # type: ignore[arg-type]
    n = ahead.height
    return Summary(
        model_name=model_name,
        months=n,
        start=start,
        end=end,
        total=total,
        lower=lower,
        upper=upper,
        base_total=base_total,
        change_pct=_pct(total, base_total),
        change_lower_pct=_pct(lower, base_total),
        change_upper_pct=_pct(upper, base_total),
        recent_months=recent.height,
        recent_mean=recent_mean,
        vs_recent_pct=_pct(total / n, recent_mean),
        bottom_up_total=bottom_up,
        bottom_up_diff_pct=_pct(total, bottom_up),
    )


def backtest_of(backtest: pl.DataFrame, *, model_name: str) -> pl.DataFrame:
    """`model_name`'s backtest rows (cutoff, ds, y, yhat, bounds), by cutoff and month."""
    return (
        backtest.filter(pl.col("model_name") == model_name).sort("cutoff", "ds").drop("model_name")
    )
