"""Everything a strategy report shows, gathered from the dashboard's own analytics.

`report_content` reads the warehouse through the same getters the pages use
(`analytics.sales.cached_sales`, `analytics.competitors.load_competitors`,
`warehouse.forecasts`, `warehouse.trained.load_dealer_customers`) and computes
every table with the same functions (top10, deviation, heatmap, recommend,
forecast_view, insights), so a report and the dashboard can never disagree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import duckdb
import polars as pl

from analytics import insights
from analytics.competitors import load_competitor_context
from analytics.deviation import deviation
from analytics.forecast import view as fv
from analytics.heatmap import heatmap
from analytics.momentum import market_model_units
from analytics.recommend import Recommendation, recommend
from analytics.report.kpi import kpis, load_kpi_rows
from analytics.sales import (
    SOURCES,
    InvalidFilter,
    SalesFilter,
    cached_sales,
    normalise_brand,
    normalise_market,
    parse_year_month,
)
from analytics.top10 import top10
from warehouse import forecasts as stored
from warehouse.connection import Warehouse
from warehouse.errors import FileRefused
from warehouse.trained import load_dealer_customers

TOP_MARKETS = 8  # markets in the top-models table and the heatmap (largest first)
TOP_MODELS = 5  # models per market in the top-models table
HEATMAP_MODELS = 10
FORECAST_SCOPE = "latest_cutoff"


@dataclass(frozen=True)
class ReportSpec:
    """What a report covers. brand: 'Hyundai', 'Kia' or 'all'; market: canonical
    name or None (then the brand's largest market is the focus); period 'YYYY-MM'
    bounds, inclusive (None = open); source: one of analytics.sales.SOURCES."""

    brand: str = "all"
    market: str | None = None
    period_from: str | None = None
    period_to: str | None = None
    source: str = "customers"

    def validated(self) -> ReportSpec:
        if self.source not in SOURCES:
            raise InvalidFilter(f"unknown source '{self.source}'; valid: {', '.join(SOURCES)}")
        brand = normalise_brand(self.brand)
        low = parse_year_month(self.period_from, "from") if self.period_from else None
        high = parse_year_month(self.period_to, "to") if self.period_to else None
        if low is not None and high is not None and low > high:
            raise InvalidFilter(
                f"period: {self.period_from} is after {self.period_to}; write FROM..TO"
            )
        market = normalise_market(self.market) if self.market else None
        return ReportSpec(brand, market, self.period_from, self.period_to, self.source)

    def slug(self) -> str:
        """A file-name-safe name: carsight-report-<brand>[-<market>][-<from>_<to>]."""
        parts = ["carsight-report", self.brand.lower()]
        if self.market:
            parts.append("".join(c if c.isalnum() else "_" for c in self.market))
        if self.period_from or self.period_to:
            parts.append(f"{self.period_from or 'start'}_{self.period_to or 'end'}")
        return "-".join(parts)


def parse_period(value: str | None) -> tuple[str | None, str | None]:
    """'YYYY-MM..YYYY-MM' (either side may be empty) -> (from, to); checked."""
    if not value:
        return None, None
    if ".." not in value:
        raise InvalidFilter(f"period: '{value}' is not like 2024-01..2024-12")
    low, high = (part.strip() or None for part in value.split("..", 1))
    for name, part in (("from", low), ("to", high)):
        if part:
            parse_year_month(part, f"period {name}")
    return low, high


@dataclass(frozen=True)
class ForecastPart:
    """The forecast section: one series of the newest `carsight forecast` run."""

    run_id: str | None = None
    series: dict | None = None  # the picked series' row (brand, flow, market, ...)
    model_name: str | None = None  # the series' chosen model
    history: pl.DataFrame = field(default_factory=pl.DataFrame)  # stored.load_history
    forecasts: pl.DataFrame = field(default_factory=pl.DataFrame)  # stored.load_forecasts
    backtest: pl.DataFrame = field(default_factory=pl.DataFrame)  # stored.load_backtest
    table: pl.DataFrame = field(default_factory=pl.DataFrame)  # fv.chart_table
    quarters: pl.DataFrame = field(default_factory=pl.DataFrame)  # fv.quarter_table
    accuracy: pl.DataFrame = field(default_factory=pl.DataFrame)  # fv.pooled_metrics
    leaderboard: pl.DataFrame = field(default_factory=pl.DataFrame)  # fv.leaderboard, brand


@dataclass(frozen=True)
class ReportContent:
    """Every table of the report (units: vehicles; shares 0-1; see each function)."""

    spec: ReportSpec
    focus_market: str | None
    generated_at: dt.datetime
    kpis: pl.DataFrame  # analytics.report.kpi.kpis
    market_units: pl.DataFrame  # market, units (largest first)
    top_models: pl.DataFrame  # market, rank, model, units, share (top10 per market)
    deviation: pl.DataFrame  # analytics.deviation.deviation for the focus market
    heatmap: pl.DataFrame  # analytics.heatmap.heatmap (units), model x market
    recommendations: list[Recommendation]
    forecast: ForecastPart
    segments: pl.DataFrame  # insights.segment_summary
    clusters: pl.DataFrame  # insights.cluster_summary


def _filter(spec: ReportSpec) -> SalesFilter:
    return SalesFilter(
        source=spec.source,
        brand=spec.brand,
        period_from=spec.period_from,
        period_to=spec.period_to,
    )


def _market_units(totals: pl.DataFrame) -> pl.DataFrame:
    return (
        totals.group_by("market")
        .agg(pl.col("units").sum().cast(pl.Int64))
        .filter(pl.col("market").is_not_null())
        .sort(["units", "market"], descending=[True, False])
    )


def _top_models(totals: pl.DataFrame, markets: list[str]) -> pl.DataFrame:
    frames = [
        top10(totals, market=m, n=TOP_MODELS).select(pl.lit(m).alias("market"), pl.all())
        for m in markets
    ]
    if not frames:
        return pl.DataFrame(
            schema={
                "market": pl.Utf8,
                "rank": pl.Int64,
                "model": pl.Utf8,
                "units": pl.Int64,
                "share": pl.Float64,
            }
        )
    return pl.concat(frames)


def _forecast(wh: Warehouse, spec: ReportSpec) -> ForecastPart:
    try:
        runs = stored.load_runs(wh)
    except (FileRefused, duckdb.Error):
        return ForecastPart()
    if runs.is_empty():
        return ForecastPart()
    run_id = runs.item(0, "run_id")
    series = stored.load_series(wh, run_id=run_id)
    brand = None if spec.brand == "all" else spec.brand
    if brand is not None:
        series = series.filter(pl.col("brand") == brand)
    if series.is_empty():
        return ForecastPart(run_id=run_id)
    pick = fv.pick_series(series, brand=brand, market=spec.market)
    row = fv.series_row(series, pick.series_id)
    if row is None:
        return ForecastPart(run_id=run_id)
    chosen = row.get("chosen_model") or "selected"
    forecasts = stored.load_forecasts(wh, run_id=run_id, series_id=pick.series_id)  # type: ignore[arg-type]
    history = stored.load_history(
        wh,
        brand=row["brand"],
        flow=row["flow"],
        market=row["market"],
        model=row["model"],
        plant=row["plant"],
    )
    metrics = stored.load_metrics(wh, run_id=run_id)
    in_brand = metrics if brand is None else metrics.filter(pl.col("brand") == brand)
    return ForecastPart(
        run_id=run_id,
        series=row,
        model_name=chosen,
        history=fv.history_with_gaps(history),
        forecasts=forecasts,
        backtest=fv.backtest_of(
            stored.load_backtest(wh, run_id=run_id, series_id=row["series_id"]),
            model_name=chosen,
        ),
        table=fv.chart_table(history, forecasts, band_model=chosen),
        quarters=fv.quarter_table(forecasts, model_name=chosen),
        accuracy=fv.pooled_metrics(
            fv.metrics_table(metrics, series_id=row["series_id"], scope=FORECAST_SCOPE)
        ),
        leaderboard=fv.leaderboard(in_brand, scope=FORECAST_SCOPE),
    )


def _customers(wh: Warehouse, spec: ReportSpec) -> pl.DataFrame:
    try:
        frame = load_dealer_customers(wh, brand=spec.brand)
    except duckdb.Error:
        return pl.DataFrame()
    if "segment" not in frame.columns:
        return pl.DataFrame()
    low = dt.date(*divmod(parse_year_month(spec.period_from), 100), 1) if spec.period_from else None
    high = None
    if spec.period_to:
        year, month = divmod(parse_year_month(spec.period_to), 100)
        high = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return insights.filter_customers(frame, market=spec.market, period_from=low, period_to=high)


def report_content(
    *, warehouse: Warehouse, spec: ReportSpec, threshold_pp: float = 5.0
) -> ReportContent:
    """Gather the report of `spec` (validated here; raises InvalidFilter on bad values,
    FileRefused when the warehouse file is missing)."""
    spec = spec.validated()
    sales = cached_sales(warehouse, _filter(spec))
    totals = market_model_units(sales)
    market_units = _market_units(totals)
    markets = market_units.get_column("market").to_list()
    focus = spec.market if spec.market in markets else (markets[0] if markets else None)
    shown = markets[:TOP_MARKETS]
    if focus is not None and focus not in shown:
        shown = [focus, *shown[: TOP_MARKETS - 1]]
    recs: list[Recommendation] = []
    if focus is not None:
        rivals, ours = load_competitor_context(warehouse, _filter(spec), market=focus)
        recs = recommend(
            sales,
            market=focus,
            threshold_pp=threshold_pp,
            competitors=rivals,
            our_units=ours,
        )
    customers = _customers(warehouse, spec)
    return ReportContent(
        spec=spec,
        focus_market=focus,
        generated_at=dt.datetime.now().replace(microsecond=0),
        kpis=kpis(
            load_kpi_rows(warehouse, _filter(spec)),
            period_from=spec.period_from,
            period_to=spec.period_to,
        ),
        market_units=market_units,
        top_models=_top_models(totals, shown),
        deviation=deviation(totals, market=focus or "", threshold_pp=threshold_pp),
        heatmap=heatmap(totals, markets=shown, top_n=HEATMAP_MODELS, measure="units"),
        recommendations=recs,
        forecast=_forecast(warehouse, spec),
        segments=insights.segment_summary(customers) if customers.height else pl.DataFrame(),
        clusters=insights.cluster_summary(customers) if customers.height else pl.DataFrame(),
    )
