"""Batch jobs and prediction: build, train, forecast (split by model), single and
batch prediction, and Prophet fitted per series sequentially (the original's way).

Build and train run as the real commands in child processes (wall time from
process start, imports included; peak RSS is the child's own).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from app.bench.core import Baseline, Report, load_average, timed
from app.bench.prepare import Prepared, carsight_measured, forecast_filter

BUILD_TARGET_S = 60.0  # 10M fact rows
TRAIN_TARGET_S = 60.0  # 1M customers
PREDICT_TARGET_MS = 50.0


def bench_build(report: Report, data: Prepared, runs: int) -> None:
    """`carsight build` of the scale's raw files into a scratch file, `runs` times (the
    build `prepare` just made counts as the first)."""
    made = [data.made["build"]] if "build" in data.made else []
    with tempfile.TemporaryDirectory(prefix="carsight-bench-build-") as tmp:
        for i in range(runs - len(made)):
            made.append(
                carsight_measured("build", str(data.raw), "--db", str(Path(tmp) / f"w{i}.duckdb"))
            )
    median = _median([m.seconds for m in made])
    report.add(
        "build",
        [m.seconds for m in made],
        group="jobs",
        target_ms=BUILD_TARGET_S * 1000 if data.facts >= 10_000_000 else None,
        fact_rows=data.facts,
        rows_per_s=round(data.facts / median),
        peak_rss_mb=round(max(m.peak_mb for m in made)),
        cpu_s=round(_median([m.cpu_s for m in made]), 1),
    )


def _median(values: list[float]) -> float:
    return sorted(values)[len(values) // 2]


def _cpu_seconds() -> float:
    """User + system CPU seconds of this process and its reaped children (the forecast's
    worker processes)."""
    import resource

    own, children = (
        resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def bench_train(report: Report, data: Prepared, runs: int) -> None:
    """`carsight train` on a copy of the warehouse (the prepared one stays as it is); the
    training `prepare` just ran counts as the first."""
    made = [data.made["train"]] if "train" in data.made else []
    with tempfile.TemporaryDirectory(prefix="carsight-bench-train-") as tmp:
        db = Path(tmp) / "warehouse.duckdb"
        shutil.copyfile(data.db, db)
        for i in range(runs - len(made)):
            args = ("train", "--db", str(db), "--artifacts", str(Path(tmp) / f"a{i}"), "--quiet")
            made.append(carsight_measured(*args))
    report.add(
        "train",
        [m.seconds for m in made],
        group="jobs",
        target_ms=TRAIN_TARGET_S * 1000 if data.customers >= 1_000_000 else None,
        customers=data.customers,
        peak_rss_mb=round(max(m.peak_mb for m in made)),
        cpu_s=round(_median([m.cpu_s for m in made]), 1),
    )


def run_forecast(db: Path, scale: str, workers: int):
    from app.cli.forecast import run_forecast_command

    return run_forecast_command(
        db,
        horizon=12,
        series_filter=forecast_filter(scale),
        workers=workers,
        progress=lambda *_: None,
    )


def bench_forecast(report: Report, data: Prepared, runs: int) -> Any:
    """`carsight forecast` of the region-export series on a copy; stage seconds by model."""
    times: list[float] = []
    cpus: list[float] = []
    result = None
    workers = os.cpu_count() or 1
    with tempfile.TemporaryDirectory(prefix="carsight-bench-forecast-") as tmp:
        db = Path(tmp) / "warehouse.duckdb"
        shutil.copyfile(data.db, db)
        for _ in range(runs):
            start, cpu = time.perf_counter(), _cpu_seconds()
            result = run_forecast(db, data.scale, workers)
            times.append(time.perf_counter() - start)
            cpus.append(_cpu_seconds() - cpu)
    assert result is not None
    stages = {
        k.split(" (")[0].replace("+", "_"): round(v, 1) for k, v in result.stage_seconds.items()
    }
    report.add(
        "forecast",
        times,
        group="jobs",
        series=result.series.height,
        workers=workers,
        cpu_s=round(_median(cpus), 1),
        **{f"{k}_s": v for k, v in stages.items()},
    )
    return result


def bench_prophet_baseline(report: Report, data: Prepared, forecast_ms: float) -> None:
    """Prophet fitted per series, sequentially, on the same series as our forecast run."""
    import logging

    import pandas as pd
    from prophet import Prophet

    from analytics.forecast.series import extract_series
    from warehouse.forecasts import load_forecast_input

    logging.getLogger("cmdstanpy").setLevel(logging.WARNING)
    facts, markets = load_forecast_input(data.db)
    catalog, history = extract_series(
        facts, markets=markets, series_filter=forecast_filter(data.scale)
    )
    start = time.perf_counter()
    for (_sid,), frame in history.group_by("series_id"):
        model = Prophet(yearly_seasonality=True, weekly_seasonality=False, daily_seasonality=False)
        model.fit(pd.DataFrame({"ds": frame["ds"].to_list(), "y": frame["y"].to_list()}))
        model.predict(model.make_future_dataframe(periods=12, freq="MS"))
    theirs = (time.perf_counter() - start) * 1000
    report.add("prophet_sequential", [theirs / 1000], group="jobs", series=catalog.height)
    report.baselines.append(
        Baseline(
            "forecast",
            ours_ms=forecast_ms,
            theirs_ms=theirs,
            ours="carsight forecast: 4-cutoff backtests of naive, Prophet, LightGBM, ensemble "
            "and selection, every core",
            theirs="one Prophet fit + 12-month forecast per series, sequential, no backtest",
        )
    )


def bench_predict(report: Report, data: Prepared, n: int, rows: int = 10_000) -> None:
    """Single prediction (the page's path: parse + predict) and batch scoring."""
    import datetime as dt

    import polars as pl

    from analytics.predict import load_predictor, parse_input
    from analytics.predict.features import INPUT_COLUMNS
    from app.bench.predict_forms import raw_customers

    today = dt.date.today()
    singles: list[float] = []
    batches: list[float] = []
    for k, brand in enumerate(("Hyundai", "Kia")):
        predictor = load_predictor(data.artifacts, brand)
        forms = raw_customers(predictor.vocab, n + 1, seed=k)
        singles += timed(
            lambda i, p=predictor, f=forms: p.predict(parse_input(f[i], p.vocab, today=today)),
            n,
        )
        inputs = [
            parse_input(f, predictor.vocab, today=today)
            for f in raw_customers(predictor.vocab, rows, seed=9)
        ]
        frame = pl.DataFrame([{c: getattr(i, c) for c in INPUT_COLUMNS} for i in inputs])
        batches += timed(
            lambda i, p=predictor, fr=frame: p.predict_frame(fr), max(1, report.repeats // 2)
        )
    report.add("predict_single", singles, group="predict", target_ms=PREDICT_TARGET_MS)
    median = sorted(batches)[len(batches) // 2]
    report.add(
        "predict_batch", batches, group="predict", rows=rows, customers_per_s=round(rows / median)
    )
    report.loads["predict"] = load_average()


def bench_dask(report: Report, data: Prepared, workers: tuple[int, ...] = (1, 2, 4)) -> None:
    """`carsight forecast --executor dask` on a LocalCluster of 1, 2 and 4 workers: series
    per second, and the hours 10,000 series would take at that rate."""
    from analytics.forecast.pipeline import ForecastConfig
    from analytics.forecast.pipeline import run_forecast as pipeline_forecast
    from warehouse.forecasts import load_forecast_input

    facts, markets = load_forecast_input(data.db)
    for n in workers:
        config = ForecastConfig(workers=n, executor="dask")
        start = time.perf_counter()
        result = pipeline_forecast(
            facts, markets=markets, config=config, series_filter=forecast_filter(data.scale)
        )
        seconds = time.perf_counter() - start
        rate = result.series.height / seconds
        report.add(
            f"forecast_dask_{n}w",
            [seconds],
            group="dask",
            series=result.series.height,
            series_per_s=round(rate, 3),
            hours_for_10k_series=round(10_000 / rate / 3600, 1),
        )
    report.loads["dask"] = load_average()
