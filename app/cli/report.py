"""`carsight report`: the strategy report as HTML, PDF and XLSX files (app.report)."""

from __future__ import annotations

from pathlib import Path

import click

from app.cli.common import cli_settings, refuse, require_warehouse


def report_options(func):
    """Options shared by `carsight report` and `carsight email report`."""
    for option in reversed(
        [
            click.option("--brand", default="all", show_default=True, help="hyundai, kia or all."),
            click.option("--market", help="Focus market (e.g. 'United States' or 미국)."),
            click.option("--period", help="Months YYYY-MM..YYYY-MM (either side may be empty)."),
            click.option(
                "--source",
                default="customers",
                show_default=True,
                help="Sales source: customers, overseas_retail, eu_retail, domestic_sales, "
                "overseas_plant_sales.",
            ),
            click.option(
                "--lang", type=click.Choice(["ko", "en"]), default="ko", show_default=True
            ),
            click.option(
                "--db", type=click.Path(path_type=Path), help="Warehouse file [env CARSIGHT_DB]."
            ),
        ]
    ):
        func = option(func)
    return func


def report_spec(brand: str, market: str | None, period: str | None, source: str):
    """The ReportSpec of the CLI options; refuses (exit 2) bad values with the fix."""
    from analytics.report.content import ReportSpec, parse_period
    from analytics.sales import InvalidFilter

    try:
        low, high = parse_period(period)
        return ReportSpec(
            brand=brand, market=market, period_from=low, period_to=high, source=source
        ).validated()
    except InvalidFilter as exc:
        refuse(exc)
        raise AssertionError("unreachable") from exc


@click.command()
@report_options
@click.option(
    "--format",
    "formats",
    default="html,pdf,xlsx",
    show_default=True,
    help="Comma-separated: html, pdf, xlsx.",
)
@click.option(
    "--out", "out_dir", type=click.Path(path_type=Path), required=True, help="Output folder."
)
@click.pass_context
def report(
    ctx: click.Context,
    brand: str,
    market: str | None,
    period: str | None,
    source: str,
    lang: str,
    db: Path | None,
    formats: str,
    out_dir: Path,
) -> None:
    """Write the strategy report (KPIs, top models, deviations, heatmap, forecasts,
    segments and clusters, recommendations) as HTML, PDF and/or XLSX into OUT."""
    from app.report import build_report, parse_formats
    from app.report.charts import ChartError
    from app.report.pdf import PdfError
    from warehouse.connection import Warehouse
    from warehouse.errors import FileRefused

    settings = cli_settings(db=db)
    try:
        chosen = parse_formats(formats)
    except ValueError as exc:
        refuse(exc)
        return
    spec = report_spec(brand, market, period, source)
    require_warehouse(settings.db)
    if out_dir.exists() and not out_dir.is_dir():
        refuse(ValueError(f"--out {out_dir}: exists and is not a folder; name a folder"))
    try:
        files = build_report(
            warehouse=Warehouse(settings.db), spec=spec, formats=chosen, out_dir=out_dir, lang=lang
        )
    except (FileRefused, ChartError, PdfError) as exc:
        refuse(exc)
        return
    for fmt, path in files.paths.items():
        click.echo(f"{fmt}\t{path}")
    click.echo(f"report built in {files.seconds['total']:.1f}s", err=True)
