"""The forecast fanned out on Dask distributed (a LocalCluster of worker processes) gives
exactly the results of the local run: same series, forecasts, backtests and metrics."""

from __future__ import annotations

import pytest
from polars.testing import assert_frame_equal

from analytics.forecast.pipeline import ForecastConfig, run_forecast
from tests.cli_support import invoke_carsight, run_carsight
from warehouse.forecasts import load_forecast_input

# Kia's region exports to Mexico and Middle East/Africa: two series, seconds per model.
SERIES = "Kia|region_export|market=M"


@pytest.mark.slow
def test_dask_local_cluster_gives_the_local_results(reference_db):
    pytest.importorskip("distributed", reason="the scale extra: pip install -e '.[scale]'")
    facts, markets = load_forecast_input(reference_db)

    def run(executor: str):
        config = ForecastConfig(workers=2, executor=executor)
        return run_forecast(facts, markets=markets, config=config, series_filter=SERIES)

    local, dask = run("local"), run("dask")
    assert local.series.height >= 2
    for name in ("series", "history", "forecasts", "backtest", "metrics"):
        ours, theirs = getattr(local, name), getattr(dask, name)
        keys = [c for c in ("series_id", "model_name", "cutoff", "ds", "horizon", "scope")
                if c in ours.columns]  # fmt: skip
        assert_frame_equal(ours.sort(keys), theirs.sort(keys), check_exact=True)
    assert local.errors == dask.errors


def test_a_scheduler_without_the_dask_executor_is_refused(tmp_path, reference_db):
    done = invoke_carsight(
        "forecast", "--db", str(reference_db), "--scheduler", "tcp://127.0.0.1:1",
        tmp_path=tmp_path,
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.strip() == "error: --scheduler needs --executor dask"


@pytest.mark.slow
def test_an_unreachable_scheduler_is_refused_in_one_line(tmp_path, reference_db, monkeypatch):
    pytest.importorskip("distributed", reason="the scale extra: pip install -e '.[scale]'")
    monkeypatch.setenv("DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT", "2s")  # not the 30 s default
    import socket

    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    done = run_carsight(
        "forecast", "--db", str(reference_db), "--series-filter", SERIES, "--quiet",
        "--executor", "dask", "--scheduler", f"tcp://127.0.0.1:{port}",
        tmp_path=tmp_path, timeout=180,
    )  # fmt: skip
    assert done.returncode == 2, done.stderr[-2000:]
    assert (
        done.stderr.strip()
        .splitlines()[-1]
        .startswith(f"error: the Dask scheduler tcp://127.0.0.1:{port} did not answer")
    )
