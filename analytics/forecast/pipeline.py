"""`carsight forecast` end to end: series, backtests, ensemble, selection and metrics.

For every series (analytics.forecast.series):

1. seasonal naive and Prophet are backtested per series (rolling origin:
   cutoffs every 3 months over the last 12 months, 1-6 months ahead) and refitted
   on the whole history for the final forecast; series run in parallel processes;
2. one global LightGBM model (analytics.forecast.lgbm) is fitted per cutoff on
   every series' months up to that cutoff, and once on everything;
3. the ensemble at origin o (a backtest cutoff, or the last month for the final
   forecast) weights the three by 1 / MAE of their backtest forecasts from
   cutoffs before o for months up to o: it never sees what it forecasts. Its
   80% interval is split-conformal (:func:`conformal`) from the ensemble's own
   earlier relative errors, pooled over every series per horizon;
4. the selection at origin o is the candidate (seasonal_naive, ensemble,
   lightgbm, prophet; ties in that order) with the lowest MAE on the same
   earlier rows. The series' chosen model is the selection at the latest cutoff,
   so its `latest_cutoff` score is out of sample; the final `selected`
   forecast is that model's point forecast. Its 80% interval is split-conformal
   like the ensemble's, from the earlier errors of `selected` itself (the base
   models' own intervals, too narrow for Prophet and seasonal naive, are kept
   as they are under their own names).

Metrics (MASE primary) are per series, model, horizon and scope; MASE divides
by the seasonal-naive MAE over the series' whole reported history
(analytics.forecast.metrics.naive_scale), one scale for every cutoff.
"""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from typing import Any, cast

import polars as pl

from analytics.forecast import lgbm
from analytics.forecast.backtest import BACKTEST_SCHEMA, cutoffs, rolling_origin
from analytics.forecast.metrics import naive_scale
from analytics.forecast.naive import FORECAST_SCHEMA, month_index, monthly_grid, seasonal_naive
from analytics.forecast.series import extract_series

Progress = Callable[[str, int, int], None]
BASE_MODELS = ("seasonal_naive", "prophet", "lightgbm")
CANDIDATES = ("seasonal_naive", "ensemble", "lightgbm", "prophet")  # tie order
MODEL_NAMES = ("seasonal_naive", "prophet", "lightgbm", "ensemble", "selected")
SCOPES = ("all_cutoffs", "latest_cutoff")

ROWS_SCHEMA = {"series_id": pl.Utf8, "model_name": pl.Utf8, **BACKTEST_SCHEMA}
FINAL_SCHEMA = {"series_id": pl.Utf8, "model_name": pl.Utf8, **FORECAST_SCHEMA}
METRICS_SCHEMA = {
    "series_id": pl.Utf8, "model_name": pl.Utf8, "horizon": pl.Int16, "mase": pl.Float64,
    "smape": pl.Float64, "mape": pl.Float64, "coverage80": pl.Float64, "scope": pl.Utf8,
}  # fmt: skip


@dataclass(frozen=True)
class ForecastConfig:
    """horizon: months forecast; backtest_horizon: months ahead scored per cutoff."""

    horizon: int = 12
    backtest_horizon: int = 6
    cutoffs_every: int = 3
    window_months: int = 12
    min_months: int = 24
    level: float = 0.8
    workers: int = 1


@dataclass
class ForecastResult:
    """Frames of one run (without run_id); seconds per stage."""

    series: pl.DataFrame
    history: pl.DataFrame
    forecasts: pl.DataFrame
    backtest: pl.DataFrame
    metrics: pl.DataFrame
    stage_seconds: dict[str, float] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


# --- per-series models (run in worker processes) ------------------------------------------


def local_models(
    series_id: str, history: pl.DataFrame, config: ForecastConfig
) -> tuple[pl.DataFrame, pl.DataFrame, list[str]]:
    """Backtest rows and final forecasts of seasonal naive and Prophet for one series.

    Returns (backtest rows in ROWS_SCHEMA, final rows in FINAL_SCHEMA, errors).
    A model that fails on this series is reported in errors and left out, so
    one odd series cannot stop a run.
    """
    from analytics.forecast.prophet_model import prophet_forecast

    models: dict[str, Callable[[pl.DataFrame, int], pl.DataFrame]] = {
        "seasonal_naive": lambda train, h: seasonal_naive(train, horizon=h, level=config.level),
        "prophet": lambda train, h: prophet_forecast(train, horizon=h, level=config.level),
    }
    backtests, finals, errors = [], [], []
    for name, model in models.items():
        try:
            backtest = rolling_origin(
                history,
                model=model,
                cutoffs_every=config.cutoffs_every,
                window_months=config.window_months,
                horizon=config.backtest_horizon,
            )
            final = model(history, config.horizon)
        except Exception as exc:  # noqa: BLE001 - any fitting failure is reported, not fatal
            errors.append(f"{series_id}: {name} failed: {exc}")
            continue
        tag = [pl.lit(series_id).alias("series_id"), pl.lit(name).alias("model_name")]
        backtests.append(backtest.with_columns(tag).select(list(ROWS_SCHEMA)))
        finals.append(final.with_columns(tag).select(list(FINAL_SCHEMA)))
    return (_concat(backtests, ROWS_SCHEMA), _concat(finals, FINAL_SCHEMA), errors)


def _concat(frames: list[pl.DataFrame], schema: dict[str, Any]) -> pl.DataFrame:
    if not frames:
        return pl.DataFrame(schema=schema)
    return pl.concat(frames).cast(schema)  # type: ignore[arg-type]


def _timed(fn: Callable[..., object], *args: object, **kwargs: object) -> tuple[object, float]:
    started = time.perf_counter()
    return fn(*args, **kwargs), time.perf_counter() - started


def lgbm_task(
    features: pl.DataFrame, *, cutoff: int, origins: pl.DataFrame, horizon: int
) -> pl.DataFrame:
    """One global LightGBM fit and forecast, single-threaded: tasks run side by side
    (LightGBM's own threads stall badly on a busy machine)."""
    return lgbm.fit_predict(features, cutoff=cutoff, origins=origins, horizon=horizon, threads=1)


def _lgbm_jobs(
    history: pl.DataFrame, catalog: pl.DataFrame, origins: pl.DataFrame, config: ForecastConfig
) -> list[tuple[str, dict[str, object]]]:
    """(kind, lgbm_task kwargs) per backtest cutoff, and one for the final forecast.

    Each job gets only the feature rows it needs, to keep what is sent to a
    worker process small.
    """
    grid = lgbm.panel(history)
    features = lgbm.origin_features(
        grid, catalog, horizons=range(1, max(config.horizon, config.backtest_horizon) + 1)
    )
    jobs = []
    for (cutoff,), group in origins.group_by("cutoff_m"):
        starts = group.select("series_id", origin="cutoff_m")
        jobs.append(
            (
                "lgbm_backtest",
                {
                    "features": _job_rows(features, int(cutoff), starts, config.backtest_horizon),
                    "cutoff": int(cutoff),
                    "origins": starts,
                    "horizon": config.backtest_horizon,
                },
            )
        )
    last = grid.group_by("series_id").agg(pl.col("m").max().alias("origin"))
    top: int = grid.select(pl.col("m").max()).item()
    jobs.append(
        (
            "lgbm_final",
            {
                "features": _job_rows(features, top, last, config.horizon),
                "cutoff": top,
                "origins": last,
                "horizon": config.horizon,
            },
        )
    )
    return jobs


def _job_rows(
    features: pl.DataFrame, cutoff: int, starts: pl.DataFrame, horizon: int
) -> pl.DataFrame:
    wanted = features.filter(pl.col("h") <= horizon)
    return pl.concat(
        [
            lgbm.training_rows(wanted, cutoff=cutoff),
            wanted.join(starts, on=["series_id", "origin"], how="semi"),
        ]
    ).unique(maintain_order=True)


def _run_models(
    history: pl.DataFrame, catalog: pl.DataFrame, config: ForecastConfig, progress: Progress | None
) -> tuple[pl.DataFrame, pl.DataFrame, list[str], dict[str, float]]:
    """Every base model's backtest rows and final forecasts, in parallel processes.

    Returns (backtest rows, final rows, errors, task seconds summed per kind).
    """
    parts = {sid: frame.select("ds", "y") for (sid,), frame in history.group_by("series_id")}
    jobs: list[tuple[str, Callable[..., object], dict[str, object]]] = [
        (kind, lgbm_task, kwargs)
        for kind, kwargs in _lgbm_jobs(history, catalog, series_origins(history, config), config)
    ]
    jobs += [
        ("local", local_models, {"series_id": sid, "history": parts[sid], "config": config})
        for sid in catalog["series_id"].to_list()
    ]
    actuals = history.select("series_id", "ds", "y")
    tag = pl.lit("lightgbm").alias("model_name")
    backtests: list[pl.DataFrame] = []
    finals: list[pl.DataFrame] = []
    errors: list[str] = []
    busy: dict[str, float] = {}

    def collect(kind: str, result: object, seconds: float, done: int) -> None:
        busy[kind] = busy.get(kind, 0.0) + seconds
        if kind == "local":
            local = cast(tuple[pl.DataFrame, pl.DataFrame, list[str]], result)
            backtests.append(local[0])
            finals.append(local[1])
            errors.extend(local[2])
        elif kind == "lgbm_backtest":
            predicted: pl.DataFrame = result  # type: ignore[assignment]
            backtests.append(
                predicted.join(actuals, on=["series_id", "ds"], how="inner")
                .with_columns(tag)
                .select(list(ROWS_SCHEMA))
            )
        else:
            finals.append(result.with_columns(tag).select(list(FINAL_SCHEMA)))  # type: ignore[attr-defined]
        if progress:
            progress("forecast: fitting models", done, len(jobs))

    if config.workers <= 1:
        for done, (kind, fn, kwargs) in enumerate(jobs, 1):
            collect(kind, *_timed(fn, **kwargs), done)
    else:
        # spawn: Prophet/cmdstan and Polars' thread pool do not survive fork
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=config.workers, mp_context=context) as pool:
            futures = {pool.submit(_timed, fn, **kwargs): kind for kind, fn, kwargs in jobs}
            for done, future in enumerate(as_completed(futures), 1):
                collect(futures[future], *future.result(), done)
    return _concat(backtests, ROWS_SCHEMA), _concat(finals, FINAL_SCHEMA), errors, busy


# --- ensemble and selection ----------------------------------------------------------------


def earlier_mae(backtest: pl.DataFrame, origins: pl.DataFrame) -> pl.DataFrame:
    """MAE per series, origin and model over backtest rows the origin may know.

    ``origins`` has series_id and origin (Date). A row counts when its cutoff is
    before the origin and its month is at or before it. Returns series_id,
    origin, model_name, mae (vehicles) and n (rows).
    """
    return (
        backtest.join(origins, on="series_id", how="inner")
        .filter(
            pl.col("cutoff") < pl.col("origin"),
            pl.col("ds") <= pl.col("origin"),
            pl.col("yhat").is_not_null(),
        )
        .group_by("series_id", "origin", "model_name")
        .agg((pl.col("y") - pl.col("yhat")).abs().mean().alias("mae"), pl.len().alias("n"))
    )


def ensemble(rows: pl.DataFrame, mae: pl.DataFrame) -> pl.DataFrame:
    """Inverse-MAE weighted mean of the base models' rows, per series, origin and ds.

    ``rows`` has series_id, origin, ds, model_name, yhat, yhat_lower, yhat_upper
    (vehicles); ``mae`` comes from :func:`earlier_mae`. Models without an
    earlier MAE get weight 0, unless no model has one: then all weigh the same.
    Bounds are the same weighted mean of the bounds.
    """
    weighted = (
        rows.filter(pl.col("model_name").is_in(BASE_MODELS), pl.col("yhat").is_not_null())
        .join(
            mae.select("series_id", "origin", "model_name", "mae"),
            on=["series_id", "origin", "model_name"],
            how="left",
        )
        .with_columns((1.0 / pl.max_horizontal(pl.col("mae"), pl.lit(1e-9))).alias("w"))
        .with_columns(
            pl.when(pl.col("w").is_null().all().over("series_id", "origin"))
            .then(pl.lit(1.0))
            .otherwise(pl.col("w").fill_null(0.0))
            .alias("w")
        )
    )
    return weighted.group_by("series_id", "origin", "ds").agg(
        [
            ((pl.col(c) * pl.col("w")).sum() / pl.col("w").sum()).alias(c)
            for c in ("yhat", "yhat_lower", "yhat_upper")
        ]
    )


def select_models(mae: pl.DataFrame, origins: pl.DataFrame) -> pl.DataFrame:
    """The candidate with the lowest earlier MAE per series and origin.

    Returns series_id, origin and chosen (model name); seasonal_naive where no
    candidate has an earlier MAE. Ties go to the first of CANDIDATES.
    """
    rank = pl.DataFrame({"model_name": list(CANDIDATES), "rank": range(len(CANDIDATES))})
    best = (
        mae.join(rank, on="model_name", how="inner")
        .sort("series_id", "origin", "mae", "rank")
        .group_by("series_id", "origin", maintain_order=True)
        .agg(pl.col("model_name").first().alias("chosen"))
    )
    return (
        origins.select("series_id", "origin")
        .join(best, on=["series_id", "origin"], how="left")
        .with_columns(pl.col("chosen").fill_null("seasonal_naive"))
    )


def conformal(rows: pl.DataFrame, earlier: pl.DataFrame, *, level: float) -> pl.DataFrame:
    """Split-conformal bounds for ``rows`` from the residuals of ``earlier`` forecasts.

    ``rows`` has series_id, origin (Date), ds, yhat, yhat_lower and yhat_upper;
    ``earlier`` has cutoff, ds, horizon, y and yhat (backtest rows of the same
    model, every series). For each origin and horizon h, q is the ``level``
    quantile of |y - yhat| / max(yhat, 1) over the rows of every series with
    cutoff < origin, ds <= origin and horizon h (the largest scored horizon
    below h when h has none); the bounds become yhat * (1 -/+ q), clipped at 0.
    Rows with no earlier residual keep their bounds. Returns ``rows`` with the
    same columns.
    """
    ratio = earlier.select(
        "cutoff",
        "ds",
        "horizon",
        (
            (pl.col("y") - pl.col("yhat")).abs()
            / pl.max_horizontal(pl.col("yhat").abs(), pl.lit(1.0))
        ).alias("r"),
    )
    quantiles = (
        rows.select("origin")
        .unique()
        .join(ratio, how="cross")
        .filter(pl.col("cutoff") < pl.col("origin"), pl.col("ds") <= pl.col("origin"))
        .group_by("origin", pl.col("horizon").alias("h"))
        .agg(pl.col("r").quantile(level, interpolation="higher").alias("q"))
    )
    stepped = rows.with_columns(
        (month_index(pl.col("ds")) - month_index(pl.col("origin"))).alias("h")
    )
    filled = (
        stepped.select("origin", "h")
        .unique()
        .join(quantiles, on=["origin", "h"], how="left")
        .sort("origin", "h")
        .with_columns(pl.col("q").forward_fill().over("origin"))
    )
    q = pl.col("q")
    return (
        stepped.join(filled, on=["origin", "h"], how="left")
        .with_columns(
            pl.when(q.is_null())
            .then(pl.col("yhat_lower"))
            .otherwise((pl.col("yhat") * (1 - q)).clip(lower_bound=0))
            .alias("yhat_lower"),
            pl.when(q.is_null())
            .then(pl.col("yhat_upper"))
            .otherwise(pl.col("yhat") * (1 + q))
            .alias("yhat_upper"),
        )
        .select(rows.columns)
    )


def _with_ensemble_and_selected(
    base: pl.DataFrame, *, level: float
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Backtest rows of every model, and the selection per series and cutoff."""
    origins = base.select("series_id", pl.col("cutoff").alias("origin")).unique()
    weights = earlier_mae(base, origins)
    combined = ensemble(base.with_columns(pl.col("cutoff").alias("origin")), weights)
    actuals = base.select("series_id", "cutoff", "ds", "horizon", "y").unique()
    ensemble_rows = (
        combined.rename({"origin": "cutoff"})
        .join(actuals, on=["series_id", "cutoff", "ds"], how="inner")
        .with_columns(pl.lit("ensemble").alias("model_name"))
        .select(list(ROWS_SCHEMA))
        .cast(ROWS_SCHEMA)  # type: ignore[arg-type]
    )
    ensemble_rows = conformal(
        ensemble_rows.with_columns(pl.col("cutoff").alias("origin")), ensemble_rows, level=level
    ).drop("origin")
    candidates = pl.concat([base, ensemble_rows])
    chosen = select_models(earlier_mae(candidates, origins), origins)
    selected = (
        candidates.join(chosen.rename({"origin": "cutoff"}), on=["series_id", "cutoff"])
        .filter(pl.col("model_name") == pl.col("chosen"))
        .with_columns(pl.lit("selected").alias("model_name"))
        .select(list(ROWS_SCHEMA))
    )
    selected = conformal(
        selected.with_columns(pl.col("cutoff").alias("origin")), selected, level=level
    ).drop("origin")
    return pl.concat([candidates, selected]).sort("series_id", "model_name", "cutoff", "ds"), chosen


# --- metrics -----------------------------------------------------------------------------


def series_scales(history: pl.DataFrame, *, season: int = 12) -> pl.DataFrame:
    """series_id and scale: in-sample seasonal-naive MAE (vehicles) of the whole history."""
    rows = [
        {
            "series_id": sid,
            "scale": naive_scale(
                monthly_grid(frame)["y"].fill_null(float("nan")).to_numpy(), season=season
            ),
        }
        for (sid,), frame in history.group_by("series_id")
    ]
    return pl.DataFrame(rows, schema={"series_id": pl.Utf8, "scale": pl.Float64})


def _metric_exprs() -> list[pl.Expr]:
    err = (pl.col("y") - pl.col("yhat")).abs()
    denominator = pl.col("y").abs() + pl.col("yhat").abs()
    nonzero = pl.col("y") != 0
    has_bounds = pl.col("yhat_lower").is_not_null() & pl.col("yhat_upper").is_not_null()
    inside = (pl.col("yhat_lower") <= pl.col("y")) & (pl.col("y") <= pl.col("yhat_upper"))
    scale = pl.col("scale").first()
    return [
        pl.when(scale > 0).then(err.mean() / scale).alias("mase"),
        (200.0 * pl.when(denominator == 0).then(0.0).otherwise(err / denominator).mean()).alias(
            "smape"
        ),
        (100.0 * (err / pl.col("y").abs()).filter(nonzero).mean()).alias("mape"),
        inside.filter(has_bounds).cast(pl.Float64).mean().alias("coverage80"),
    ]


def score_backtest(backtest: pl.DataFrame, scales: pl.DataFrame, *, horizon: int) -> pl.DataFrame:
    """forecast_metrics rows (METRICS_SCHEMA) from backtest rows with a horizon column.

    Per series, model and scope (all_cutoffs; latest_cutoff = the series' last
    cutoff only), one row per horizon 1..``horizon`` (null metrics where none
    was scored) and one pooled row with horizon null.
    """
    rows = backtest.filter(pl.col("yhat").is_not_null()).join(scales, on="series_id", how="left")
    latest = rows.filter(pl.col("cutoff") == pl.col("cutoff").max().over("series_id"))
    scoped = pl.concat(
        [
            rows.with_columns(pl.lit("all_cutoffs").alias("scope")),
            latest.with_columns(pl.lit("latest_cutoff").alias("scope")),
        ]
    )
    keys = ["series_id", "model_name", "scope"]
    per_horizon = scoped.group_by(*keys, "horizon").agg(_metric_exprs())
    pooled = (
        scoped.group_by(keys)
        .agg(_metric_exprs())
        .with_columns(pl.lit(None, dtype=pl.Int64).alias("horizon"))
    )
    grid = (
        scoped.select(keys)
        .unique()
        .join(
            pl.DataFrame({"horizon": range(1, horizon + 1)}, schema={"horizon": pl.Int64}),
            how="cross",
        )
    )
    return (
        pl.concat(
            [
                grid.join(per_horizon, on=[*keys, "horizon"], how="left"),
                pooled.select(grid.columns + per_horizon.columns[len(grid.columns) :]),
            ],
            how="diagonal_relaxed",
        )
        .select(list(METRICS_SCHEMA))
        .cast(METRICS_SCHEMA)  # type: ignore[arg-type]
        .sort("series_id", "model_name", "scope", "horizon", nulls_last=False)
    )


# --- the run -----------------------------------------------------------------------------


def _finals(
    base: pl.DataFrame,
    backtest: pl.DataFrame,
    chosen: pl.DataFrame,
    catalog: pl.DataFrame,
    *,
    level: float,
) -> pl.DataFrame:
    origins = catalog.select("series_id", pl.col("last_ds").alias("origin"))
    base_bt = backtest.filter(pl.col("model_name").is_in(BASE_MODELS))
    combined = conformal(
        ensemble(base.join(origins, on="series_id"), earlier_mae(base_bt, origins)),
        backtest.filter(pl.col("model_name") == "ensemble"),
        level=level,
    )
    ensemble_rows = combined.with_columns(pl.lit("ensemble").alias("model_name")).select(
        list(FINAL_SCHEMA)
    )
    everything = pl.concat([base, ensemble_rows.cast(FINAL_SCHEMA)])  # type: ignore[arg-type]
    selected = (
        everything.join(chosen, on="series_id")
        .filter(pl.col("model_name") == pl.col("chosen"))
        .with_columns(pl.lit("selected").alias("model_name"))
        .select(list(FINAL_SCHEMA))
    )
    selected = conformal(
        selected.join(origins, on="series_id"),
        backtest.filter(pl.col("model_name") == "selected"),
        level=level,
    )
    return _with_bottom_up(pl.concat([everything, selected.select(list(FINAL_SCHEMA))]), catalog)


def _with_bottom_up(finals: pl.DataFrame, catalog: pl.DataFrame) -> pl.DataFrame:
    """forecasts rows with brand, flow, market, model and bottom_up_yhat for totals."""
    described = finals.join(
        catalog.select("series_id", "brand", "flow", "market", "model", "level"), on="series_id"
    )
    parts = (
        described.filter(pl.col("level") != "total")
        .group_by("brand", "flow", "model_name", "ds")
        .agg(pl.col("yhat").sum().alias("bottom_up_yhat"))
        .with_columns(pl.lit("total").alias("level"))
    )
    return (
        described.join(parts, on=["brand", "flow", "model_name", "ds", "level"], how="left")
        .select(
            "series_id",
            "brand",
            "flow",
            "market",
            "model",
            "ds",
            "model_name",
            "yhat",
            "yhat_lower",
            "yhat_upper",
            "bottom_up_yhat",
        )
        .sort("series_id", "model_name", "ds")
    )


def series_origins(history: pl.DataFrame, config: ForecastConfig) -> pl.DataFrame:
    """series_id and cutoff_m (month index) of every backtest cutoff of every series."""
    rows = [
        {"series_id": sid, "cutoff_m": c}
        for (sid,), frame in history.group_by("series_id")
        for c in cutoffs(
            frame, cutoffs_every=config.cutoffs_every, window_months=config.window_months
        )
    ]
    return pl.DataFrame(rows, schema={"series_id": pl.Utf8, "cutoff_m": pl.Int64})


def run_forecast(
    facts: pl.DataFrame,
    *,
    markets: pl.DataFrame,
    config: ForecastConfig | None = None,
    series_filter: str | None = None,
    progress: Progress | None = None,
) -> ForecastResult:
    """Backtest and forecast every series of ``facts`` (see the module docstring).

    Raises ValueError when no series qualifies (or matches ``series_filter``).
    """
    config = config or ForecastConfig()
    if config.horizon < 1 or config.backtest_horizon < 1:
        raise ValueError("horizons must be at least 1 month.")
    seconds: dict[str, float] = {}
    started = time.perf_counter()
    catalog, history = extract_series(
        facts, markets=markets, min_months=config.min_months, series_filter=series_filter
    )
    if catalog.is_empty():
        which = f" matching '{series_filter}'" if series_filter else ""
        raise ValueError(
            f"no series{which} has {config.min_months} or more reported months with sales; "
            "check --series-filter against the series ids (brand|flow|market=..|model=..|"
            "plant=..) or load more history."
        )
    seconds["series"] = time.perf_counter() - started

    mark = time.perf_counter()
    base_bt, base_final, errors, busy = _run_models(history, catalog, config, progress)
    seconds["models (wall)"] = time.perf_counter() - mark
    seconds["lightgbm (task seconds)"] = busy.get("lgbm_backtest", 0.0) + busy.get(
        "lgbm_final", 0.0
    )
    seconds["naive+prophet (task seconds)"] = busy.get("local", 0.0)

    mark = time.perf_counter()
    backtest, chosen_by_cutoff = _with_ensemble_and_selected(base_bt, level=config.level)
    latest = chosen_by_cutoff.sort("origin").group_by("series_id").agg(pl.col("chosen").last())
    chosen = (
        catalog.select("series_id")
        .join(latest, on="series_id", how="left")
        .with_columns(pl.col("chosen").fill_null("seasonal_naive"))
    )
    forecasts = _finals(base_final, backtest, chosen, catalog, level=config.level)
    metrics = score_backtest(backtest, series_scales(history), horizon=config.backtest_horizon)
    series = catalog.join(chosen, on="series_id", how="left").rename({"chosen": "chosen_model"})
    seconds["ensemble+metrics"] = time.perf_counter() - mark
    return ForecastResult(
        series=series,
        history=history,
        forecasts=forecasts,
        backtest=backtest.select(
            "series_id",
            "model_name",
            "cutoff",
            "ds",
            "y",
            "yhat",
            "yhat_lower",
            "yhat_upper",
            "horizon",
        ),
        metrics=metrics,
        stage_seconds=seconds,
        errors=errors,
    )


def leaderboard(
    metrics: pl.DataFrame, series: pl.DataFrame, *, scope: str = "latest_cutoff"
) -> pl.DataFrame:
    """Per flow and model: median pooled MASE, series scored, series won.

    A series is won by the candidate (not 'selected') with the lowest pooled
    MASE in ``scope``; ties go to the first of CANDIDATES. Returns flow,
    model_name, median_mase (unitless), n_series and wins.
    """
    pooled = metrics.filter(pl.col("horizon").is_null(), pl.col("scope") == scope).join(
        series.select("series_id", "flow"), on="series_id"
    )
    rank = pl.DataFrame({"model_name": list(CANDIDATES), "rank": range(len(CANDIDATES))})
    wins = (
        pooled.filter(pl.col("mase").is_not_null())
        .join(rank, on="model_name")
        .sort("series_id", "mase", "rank")
        .group_by("series_id", maintain_order=True)
        .agg(pl.col("model_name").first(), pl.col("flow").first())
        .group_by("flow", "model_name")
        .agg(pl.len().cast(pl.Int64).alias("wins"))
    )
    order = pl.DataFrame({"model_name": list(MODEL_NAMES), "order": range(len(MODEL_NAMES))})
    return (
        pooled.group_by("flow", "model_name")
        .agg(
            pl.col("mase").median().alias("median_mase"),
            pl.col("mase").is_not_null().sum().cast(pl.Int64).alias("n_series"),
        )
        .join(wins, on=["flow", "model_name"], how="left")
        .with_columns(pl.col("wins").fill_null(0))
        .join(order, on="model_name")
        .sort("flow", "order")
        .drop("order")
    )
