"""`carsight train`: RFM segments and customer types per brand (analytics.segments.train).

Writes versioned artifacts with a manifest under `<artifacts>/segmentation/`
and the per-customer tables `customer_segments` and `customer_clusters` into
the warehouse (same atomic swap as the build). Prints the chosen K, the
silhouette and the stability (adjusted Rand index) per brand, and the
cross-validated metrics of the value-tier model against its baselines
(analytics.predict.train).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from app.cli.common import cli_settings, progress_bar, refuse, require_warehouse


def _as_of(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            f"'{value}' is not a date like 2025-12-31", param_hint="--as-of"
        ) from None


@click.command()
@click.option("--db", type=click.Path(path_type=Path), help="Warehouse file [env CARSIGHT_DB].")
@click.option(
    "--as-of",
    "as_of",
    metavar="YYYY-MM-DD",
    help="Date recency is measured to [default: each brand's latest purchase].",
)
@click.option(
    "--k",
    type=click.IntRange(2, 30),
    help="Number of customer types, overriding the elbow + silhouette rule.",
)
@click.option(
    "--artifacts",
    "artifacts_dir",
    type=click.Path(path_type=Path),
    help="Artifacts folder [env CARSIGHT_ARTIFACTS_DIR, default data/artifacts].",
)
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.pass_context
def train(
    ctx: click.Context,
    db: Path | None,
    as_of: str | None,
    k: int | None,
    artifacts_dir: Path | None,
    quiet: bool,
) -> None:
    """Train RFM segments, customer types and the value-tier model per brand; write artifacts
    and both tables."""
    from analytics.artifacts import ArtifactError
    from analytics.segments.train import TrainConfig
    from analytics.segments.train import train as run
    from app.i18n.dealer import render_persona
    from warehouse.errors import FileRefused

    date = _as_of(as_of)
    settings = cli_settings(db=db, artifacts_dir=artifacts_dir)
    require_warehouse(settings.db)
    with progress_bar(not quiet) as progress:
        try:
            report = run(
                settings.db,
                artifacts_dir=settings.artifacts_dir,
                persona_text=render_persona,
                as_of=date,
                config=TrainConfig(k=k),
                progress=progress,
            )
        except (FileRefused, ArtifactError, ValueError) as exc:
            refuse(exc)
            return
    for r in report.runs:
        click.echo(
            f"{r.brand}: {r.customers:,} customers as of {r.as_of}; K={r.choice.k} "
            f"({'--k' if r.choice.overridden else f'elbow {r.choice.elbow_k}'}), "
            f"silhouette {r.silhouette:.3f}, ARI mean {r.stability.mean:.3f} "
            f"(min {r.stability.min:.3f}); version {r.version}"
        )
        tier = r.predict.get("targets", {}).get("tier")
        if tier:
            base = tier["baseline"]
            click.echo(
                f"{r.brand} value tier (stratified 5-fold CV, calibrated): {tier['chosen']} "
                f"accuracy {tier['accuracy']:.3f} macro-F1 {tier['macro_f1']:.3f} "
                f"log loss {tier['log_loss']:.3f} Brier {tier['brier']:.3f} "
                f"ECE {tier['ece']:.3f} (majority baseline accuracy {base['accuracy']:.3f} "
                f"macro-F1 {base['macro_f1']:.3f}; class-prior log loss "
                f"{base['log_loss']:.3f} Brier {base['brier']:.3f})"
            )
    click.echo(
        f"warehouse {report.db_path}: "
        + ", ".join(f"{name} {n:,} rows" for name, n in report.rows_written.items())
    )
