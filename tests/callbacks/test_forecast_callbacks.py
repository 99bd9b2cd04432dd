"""Forecast-page callbacks called as plain functions against a real `carsight forecast` run.

The run covers Kia's exports by region (tests/forecast_support.py). Expected values
come straight from the warehouse tables with DuckDB, not from the page's own code.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import duckdb
import pytest
from dash import no_update
from dash.exceptions import PreventUpdate

from analytics.forecast import view as fv
from app import figures
from app.i18n.forecast import model_label
from tests.callbacks.dash_text import text_of as _text
from tests.forecast_support import forecast_copy

pytestmark = pytest.mark.slow

SELECTS = {"brand": None, "flow": None, "market": fv.TOTAL, "item": fv.TOTAL}


@pytest.fixture(scope="module")
def forecast_db(reference_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return forecast_copy(reference_db, tmp_path_factory)


@pytest.fixture(scope="module")
def cb(forecast_db: Path):
    """The callback module with the app's warehouse getter pointed at the forecast run."""
    from app.services import install as use_settings
    from app.settings import load_settings

    use_settings(load_settings(db=forecast_db))
    import callbacks.forecast as module

    return module


@pytest.fixture(scope="module")
def sql(forecast_db: Path):
    con = duckdb.connect(str(forecast_db), read_only=True)
    yield lambda query, params=None: con.execute(query, params or []).fetchall()
    con.close()


def _choose(
    cb,
    lang: str = "ko",
    scope: str = "latest_cutoff",
    band: str = "selected",
    backtest: bool = False,
    problems: list | None = None,
    **controls,
) -> dict:
    return cb.choose_series({**SELECTS, **controls}, scope, band, backtest, lang, problems or [])


# --- picker -------------------------------------------------------------------------------


def test_the_page_opens_on_the_region_export_total_of_the_stored_run(cb, sql):
    out = _choose(cb, brand="Kia")
    (run_id,) = sql("select run_id from forecast_runs")[0]
    (series_id,) = sql(
        "select series_id from forecast_series where flow = 'region_export' "
        "and brand = 'Kia' and level = 'total'"
    )[0]
    assert out["spec"] == {
        "run_id": run_id,
        "series_id": series_id,
        "names": {"brand": "Kia", "flow": "region_export"},
    }
    assert len(json.dumps(out["spec"])) < 500  # a filter spec, never data
    assert out["values"] == {
        "brand": "Kia",
        "flow": "region_export",
        "market": fv.TOTAL,
        "item": fv.TOTAL,
    }
    markets = [o["value"] for o in out["options"]["market"]]
    stored = sql(
        "select market from forecast_series where market is not null and brand = "
        "'Kia' and flow = 'region_export' order by 1"
    )
    assert markets == [fv.TOTAL] + [m for (m,) in stored]
    assert out["search"] is no_update  # the first call never rewrites the opened link


def test_a_link_to_a_market_the_run_lacks_falls_back_and_names_the_parameter(cb):
    out = _choose(
        cb,
        brand="Kia",
        market="Atlantis",
        problems=[{"param": "foo", "value": "", "kind": "unknown", "fallback": None}],
    )
    assert out["values"]["market"] == fv.TOTAL
    assert [p["param"] for p in out["url_problems"]] == ["foo", "market"]
    alert = _text(cb.show_url_problems(out["url_problems"], "ko"))
    assert "'market'" in alert and "Atlantis" in alert and "'foo'" in alert
    assert "not in the stored forecast" in _text(cb.show_url_problems(out["url_problems"], "en"))


def test_choosing_a_market_updates_the_spec_and_the_url(cb, monkeypatch):
    monkeypatch.setattr(cb, "trigger_kind", lambda: "user")
    out = _choose(cb, brand="Kia", market="USA", backtest=True, scope="all_cutoffs")
    assert out["spec"]["names"] == {"brand": "Kia", "flow": "region_export", "market": "USA"}
    assert out["search"] == (
        "?brand=Kia&flow=region_export&market=USA&scope=all_cutoffs&backtest=1"
    )
    assert out["url_problems"] is no_update  # later fallbacks are not link problems


def test_view_controls_only_rewrite_the_url(cb, usa):
    assert cb.view_url("latest_cutoff", "prophet", False, usa) == (
        "?brand=Kia&flow=region_export&market=USA&band=prophet"
    )
    with pytest.raises(PreventUpdate):
        cb.view_url("latest_cutoff", "prophet", False, {"run_id": None})


def test_labels_follow_the_language(cb):
    ko, en = _choose(cb, brand="Kia", lang="ko"), _choose(cb, brand="Kia", lang="en")

    def brand_labels(out: dict) -> dict[str, str]:
        return {o["value"]: o["label"] for o in out["options"]["brand"]}

    assert brand_labels(ko)["Kia"] == "기아" and brand_labels(en)["Kia"] == "Kia"
    assert ko["options"]["market"][0]["label"] == "전체 시장 (합계)"
    assert en["options"]["flow"][0]["label"] == "Exports by region"


# --- sections -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def usa(cb) -> dict:
    return _choose(cb, brand="Kia", market="USA")["spec"]


def test_status_names_the_run_and_the_series(cb, usa, sql):
    ((run_id, n_series),) = sql("select run_id, n_series from forecast_runs")
    text = _text(cb.render_status(usa, "ko"))
    assert run_id in text and f"{n_series}개 시리즈" in text
    (chosen,) = sql(
        "select chosen_model from forecast_series where series_id = ?", [usa["series_id"]]
    )[0]
    assert "선택 모델" in text and chosen is not None


def test_chart_draws_history_from_fact_sales_and_every_stored_model(cb, usa, sql):
    fig, summary, table = cb.render_chart(usa, ["selected"], "selected", True, "en")
    names = [trace.name for trace in fig.data]
    actual = next(trace for trace in fig.data if trace.name == "Actuals")
    history = sql(
        "select make_date(year, month, 1)::varchar, sum(units)::double from fact_sales"
        " where brand = 'Kia' and flow = 'region_export' and market = 'USA'"
        " group by all order by 1"
    )
    reported = {d: y for d, y in zip(actual.x, actual.y, strict=True) if y is not None}
    assert reported == dict(history)  # every reported month, no invented zeros
    models = [
        m
        for (m,) in sql(
            "select distinct model_name from forecasts where series_id = ?", [usa["series_id"]]
        )
    ]
    assert {"seasonal_naive", "prophet", "lightgbm", "ensemble", "selected"} <= set(models)
    for model in models:
        assert any(n and n.startswith(model_label(model, "en")) for n in names)
    hidden = {t.name for t in fig.data if t.visible == "legendonly"}
    assert "Prophet" in hidden and "Selected model" not in hidden
    assert any(n and n.startswith("Backtest forecasts") for n in names)
    assert "80% interval (Selected model)" in names
    assert "Next 6 months" in _text(summary)
    assert table.data and "selected" in table.data[-1]


def test_summary_numbers_are_computed_from_the_stored_forecast(cb, usa, sql):
    rows = sql(
        "select ds, yhat from forecasts where series_id = ? and model_name = 'selected'"
        " order by ds limit 6",
        [usa["series_id"]],
    )
    total = sum(y for _, y in rows)
    base = sql(
        "select sum(units)::double from fact_sales where brand = 'Kia' and flow = "
        "'region_export' and market = 'USA' and make_date(year, month, 1) in "
        f"({', '.join('?' * len(rows))})",
        [d.replace(year=d.year - 1) for d, _ in rows],
    )[0][0]
    _fig, summary, _table = cb.render_chart(usa, ["selected"], "selected", False, "ko")
    text = _text(summary)
    assert f"{total:,.0f}대" in text
    assert f"{100 * (total / base - 1):+.1f}%" in text


def test_metrics_table_shows_the_stored_pooled_metrics_per_model(cb, usa, sql):
    pooled_table, *_ = [
        c for c in cb.render_metrics(usa, "latest_cutoff", "ko") if hasattr(c, "data")
    ]
    stored = sql(
        "select model_name, mase from forecast_metrics where series_id = ? and "
        "scope = 'latest_cutoff' and horizon is null",
        [usa["series_id"]],
    )
    shown = {row["model_name"]: row["mase"] for row in pooled_table.data}
    labels = {m: model_label(m, "ko") for m, _ in stored}
    assert shown == pytest.approx({labels[m]: v for m, v in stored})


def test_other_scope_shows_other_numbers(cb, usa, sql):
    tables = [c for c in cb.render_metrics(usa, "all_cutoffs", "en") if hasattr(c, "data")]
    stored = dict(
        sql(
            "select model_name, mase from forecast_metrics where series_id = ? and "
            "scope = 'all_cutoffs' and horizon is null",
            [usa["series_id"]],
        )
    )
    assert {r["model_name"]: r["mase"] for r in tables[0].data}[
        model_label("prophet", "en")
    ] == pytest.approx(stored["prophet"])
    assert [c["id"] for c in tables[1].columns][:2] == ["model_name", "h1"]


def test_quarter_table_and_csv_add_up_the_stored_monthly_forecast(cb, usa, sql):
    stored = sql(
        "select year(ds) || '-Q' || quarter(ds), sum(yhat) "
        "from forecasts where series_id = ? and model_name = 'prophet' "
        "group by all order by 1",
        [usa["series_id"]],
    )
    table = cb.render_quarters(usa, "prophet", "ko")
    assert [r["quarter"] for r in table.data] == [q for q, _ in stored]
    assert [r["yhat"] for r in table.data] == pytest.approx([y for _, y in stored], abs=0.5)
    csv = cb.download_quarters(1, usa, "prophet")
    assert csv["filename"].endswith(".csv") and "USA" in csv["filename"]
    lines = csv["content"].splitlines()
    assert lines[0] == (
        "quarter,months,validated_months,yhat,yhat_lower,yhat_upper,series_id,model_name"
    )
    assert len(lines) == len(stored) + 1
    with pytest.raises(PreventUpdate):
        cb.download_quarters(None, usa, "prophet")


def test_leaderboard_medians_match_the_metrics_table(cb, usa, sql):
    table, *_intervals = cb.render_leaderboard(usa, "latest_cutoff", "en")
    stored = dict(
        sql(
            "select model_name, median(mase) from forecast_metrics where horizon is "
            "null and scope = 'latest_cutoff' group by all"
        )
    )
    overall = {r["model_name"]: r["median_mase"] for r in table.data if r["flow"] == "All flows"}
    assert overall == pytest.approx({model_label(m, "en"): v for m, v in stored.items()})


def test_model_choices_are_the_stored_models_and_keep_a_valid_pick(cb, usa, sql):
    options, visible, band_options, band, scopes = cb.model_choices(
        usa, "en", "prophet", ["prophet", "lightgbm"]
    )
    assert [o["value"] for o in options][:2] == ["selected", "ensemble"]
    (chosen,) = sql(
        "select chosen_model from forecast_series where series_id = ?", [usa["series_id"]]
    )[0]
    assert options[0]["label"] == f"Selected model ({model_label(chosen, 'en')})"
    assert visible is no_update and band is no_update
    _o, visible, _b, band, _s = cb.model_choices(usa, "en", "theta", ["theta"])
    assert visible == ["selected", "seasonal_naive"] and band == "selected"
    _o, visible, _b, band, _s = cb.model_choices(usa, "en", "lightgbm", ["selected"])
    assert visible == ["selected", "lightgbm"] and band is no_update  # the band's line shows
    assert [s["label"] for s in scopes] == ["Latest cutoff", "All cutoffs"]


def test_a_series_without_data_says_so(cb, usa):
    spec = {
        **usa,
        "series_id": "Kia|no_such_flow|market=|model=|plant=",
        "names": {"brand": "Kia", "flow": "no_such_flow"},
    }
    fig, summary, table = cb.render_chart(spec, ["selected"], "selected", True, "en")
    assert figures.is_empty_figure(fig)
    assert "This series has no forecast or actuals" in _text(summary)
    assert "No data" in _text(cb.render_quarters(spec, "selected", "en"))
    assert "No data" in _text(cb.render_metrics(spec, "latest_cutoff", "en"))


def test_callbacks_wait_for_the_spec(cb):
    with pytest.raises(PreventUpdate):
        cb.render_chart(None, [], "selected", False, "ko")


# --- no run yet -----------------------------------------------------------------------------


@pytest.fixture()
def no_run(reference_db, cb):
    """The callbacks pointed at the reference warehouse, where nothing was forecast."""
    from app.services import install as use_settings
    from app.services import settings
    from app.settings import load_settings

    before = settings()
    use_settings(load_settings(db=reference_db))
    yield cb
    use_settings(before)


def test_without_a_run_the_page_says_which_command_to_run(no_run):
    out = _choose(no_run, brand="Kia")
    assert out["spec"] == {"run_id": None}
    assert out["options"]["brand"] == []
    assert "carsight forecast" in _text(no_run.render_status(out["spec"], "ko"))
    assert "Run `carsight forecast`" in _text(no_run.render_status(out["spec"], "en"))
    fig, summary, table = no_run.render_chart(out["spec"], [], "selected", False, "ko")
    assert figures.is_empty_figure(fig)
    assert "carsight forecast" in _text(summary)
    assert "데이터가 없습니다" in _text(
        no_run.render_leaderboard(out["spec"], "latest_cutoff", "ko")
    )


@pytest.fixture(scope="module")
def mexico(cb) -> dict:
    """Kia's exports to Mexico: 25 reported months, so backtested 6 months ahead only."""
    return _choose(cb, brand="Kia", market="Mexico")["spec"]


def test_months_past_the_backtest_are_marked_on_the_chart_and_in_the_quarters(cb, mexico, sql):
    ((last, horizon),) = sql(
        "select last_ds, backtest_horizon from forecast_series where series_id = ?",
        [mexico["series_id"]],
    )
    assert horizon == 6
    fig, summary, _table = cb.render_chart(mexico, ["selected"], "selected", False, "en")
    shade = [s for s in fig.layout.shapes if s.type == "rect"]
    assert len(shade) == 1
    first = last.replace(year=last.year + (last.month + 6) // 12, month=(last.month + 6) % 12 + 1)
    # from half a month before the first month past the backtest
    start = dt.datetime.combine(first, dt.time()) - dt.timedelta(days=15)
    assert shade[0].x0 == start.isoformat()
    assert any(a.text == "Not validated (beyond 6 months ahead)" for a in fig.layout.annotations)
    assert f"Months from {first:%Y-%m} on (beyond 6 months ahead)" in _text(summary)
    table = cb.render_quarters(mexico, "selected", "en")
    months = sql(
        "select year(ds) || '-Q' || quarter(ds), count(*), count(*) filter (where ds < ?) "
        "from forecasts where series_id = ? and model_name = 'selected' group by all order by 1",
        [first, mexico["series_id"]],
    )
    assert [(r["quarter"], r["months"], r["validated_months"]) for r in table.data] == months


def test_a_long_series_is_validated_a_year_ahead_and_not_marked(cb, usa, sql):
    ((horizon,),) = sql(
        "select backtest_horizon from forecast_series where series_id = ?", [usa["series_id"]]
    )
    assert horizon == 12
    fig, summary, _table = cb.render_chart(usa, ["selected"], "selected", False, "ko")
    assert not [s for s in fig.layout.shapes if s.type == "rect"]
    assert "검증되지 않은" not in _text(summary)
    table = cb.render_quarters(usa, "selected", "ko")
    assert all(r["validated_months"] == r["months"] for r in table.data)


def test_the_summary_states_the_typical_error_in_cars(cb, usa, sql):
    ((error, months),) = sql(
        "select median(abs(y - yhat)), count(*) from forecast_backtest "
        "where series_id = ? and model_name = 'selected'",
        [usa["series_id"]],
    )
    _fig, summary, _table = cb.render_chart(usa, ["selected"], "selected", False, "ko")
    assert f"보통 ±{error:,.0f}대/월 빗나갔습니다 (검증 {months}개월의 오차 중앙값)" in _text(
        summary
    )


def test_coverage_and_width_per_horizon_are_shown_and_recomputed_from_the_backtest(cb, usa, sql):
    tables = [c for c in cb.render_metrics(usa, "all_cutoffs", "en") if hasattr(c, "data")]
    coverage, width = tables[2], tables[3]
    ((inside, w),) = sql(
        "select avg((y between yhat_lower and yhat_upper)::int), "
        "median((yhat_upper - yhat_lower) / y) from forecast_backtest "
        "where series_id = ? and model_name = 'selected' and date_diff('month', cutoff, ds) = 1 "
        "and yhat_lower is not null",
        [usa["series_id"]],
    )
    label = model_label("selected", "en")
    assert {r["model_name"]: r["h1"] for r in coverage.data}[label] == pytest.approx(inside)
    assert {r["model_name"]: r["h1"] for r in width.data}[label] == pytest.approx(w)
    assert "h12" in {c["id"] for c in coverage.columns}  # validated a year ahead
    _board, _heading, _coverage_title, intervals, _width_title, _width = cb.render_leaderboard(
        usa, "all_cutoffs", "en"
    )
    ((pooled,),) = sql(
        "select avg((b.y between b.yhat_lower and b.yhat_upper)::int) from forecast_backtest b "
        "join forecast_series s using (series_id) where s.flow = 'region_export' "
        "and b.model_name = 'selected' and date_diff('month', b.cutoff, b.ds) = 1 "
        "and b.yhat_lower is not null"
    )
    row = next(r for r in intervals.data if r["model_name"] == label)
    assert row["h1"] == pytest.approx(pooled)
