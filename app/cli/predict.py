"""`carsight predict`: segment (by definition), value tier and three cars for counter customers.

One customer as JSON (`--json '{...}'`, printed as JSON) or a CSV file of
customers (`--csv in.csv --out scored.csv`). Keys and accepted values are
those of `analytics.predict.inputs`; unknown keys or columns are ignored and
name, e-mail and phone never influence the result.

Exit codes:

- 0: every customer was scored;
- 2: refused, nothing scored: no trained models (or a tampered artifact),
  invalid JSON, invalid input for --json (the message names each field), or
  an unreadable CSV;
- 3: --csv only: some rows were invalid (reported on stderr as
  `line N: field: message`); the valid rows were still scored and written.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from app.cli.common import cli_settings, refuse

if TYPE_CHECKING:
    import polars as pl

    from analytics.predict import Prediction, Predictor

EXIT_PARTIAL = 3
CSV_TOP = 3


def prediction_to_json(pred: Prediction, lang: str = "ko") -> dict[str, Any]:
    """The JSON form of a prediction, reasons rendered in `lang`."""
    from dataclasses import asdict

    from app.i18n.predict import render_reason

    return {
        "segment": pred.segment,
        "segment_rule": pred.segment_rule,
        "tier": pred.tier,
        "tier_probability": pred.tier_probability,
        "tier_probabilities": pred.tier_probabilities,
        "wishes": asdict(pred.wishes),
        "recommendations": [
            {
                "rank": r.rank,
                "model": r.model,
                "expected_price": r.expected_price,
                "body_type": r.body_type,
                "size_class": r.size_class,
                "powertrain": r.powertrain,
                "powertrains": list(r.powertrains),
                "eco": r.eco,
                "class_met": r.class_met,
                "budget_met": r.budget_met,
                "eco_met": r.eco_met,
                "score": r.score,
                "is_model_of_interest": r.is_model_of_interest,
                "reasons": [render_reason(x, lang) for x in r.reasons],
            }
            for r in pred.recommendations
        ],
        "model_version": pred.model_version,
    }


BRANDS = {"hyundai": "Hyundai", "현대": "Hyundai", "kia": "Kia", "기아": "Kia"}


def _brand(value: str) -> str:
    """Hyundai or Kia from --brand; refuses (exit 2) any other brand before looking for models."""
    brand = BRANDS.get(value.strip().lower())
    if brand is None:
        refuse(
            ValueError(
                f"--brand {value!r} is not a brand CarSight predicts for; use hyundai or kia"
            )
        )
    return str(brand)


def _load(artifacts_dir: Path, brand: str) -> Predictor:
    from analytics.artifacts import ArtifactError
    from analytics.predict import load_predictor

    try:
        return load_predictor(artifacts_dir, brand)
    except ArtifactError as exc:
        refuse(exc)
        raise  # unreachable: _refused exits


def _errors_text(errors: list[Any], lang: str) -> str:
    from app.i18n.predict import render_error

    return "; ".join(render_error(e, lang) for e in errors)


def _score_json(predictor: Predictor, text: str, lang: str, today: dt.date) -> None:
    from analytics.predict import InputError, parse_input

    try:
        raw = json.loads(text)
    except ValueError as exc:
        refuse(ValueError(f"--json is not valid JSON ({exc})"))
        return
    if not isinstance(raw, dict):
        refuse(ValueError('--json must be one JSON object, e.g. \'{"gender": "F", ...}\''))
        return
    try:
        inp = parse_input(raw, predictor.vocab, today=today)
    except InputError as exc:
        refuse(ValueError(f"invalid input: {_errors_text(exc.errors, lang)}"))
        return
    click.echo(
        json.dumps(
            {"brand": predictor.brand, **prediction_to_json(predictor.predict(inp), lang)},
            ensure_ascii=False,
            indent=2,
        )
    )


def _csv_reasons(
    predictor: Predictor, scored: pl.DataFrame, valid: pl.DataFrame, lang: str
) -> dict[str, list[str]]:
    """rec<i>_reasons text columns (joined with ' · ') from predict_frame's signal columns."""
    from analytics.predict.recommend_vehicles import reason_list, wishes
    from app.i18n.predict import render_reason

    inputs = valid.select("market", "vehicle_class", "eco_friendly", "budget_krw").rows()
    wished = [
        wishes(predictor.stats, vehicle_class=vclass, budget=budget, eco_pref=bool(eco))
        for _market, vclass, eco, budget in inputs
    ]
    out: dict[str, list[str]] = {}
    for i in range(1, CSV_TOP + 1):
        if f"rec{i}_model" not in scored.columns:
            break
        cols = scored.select(
            "tier",
            f"rec{i}_tier_share",
            f"rec{i}_market_rank",
            f"rec{i}_budget_ratio",
            f"rec{i}_class_share",
            f"rec{i}_eco",
            f"rec{i}_class",
        ).rows()
        out[f"rec{i}_reasons"] = [
            " · ".join(
                render_reason(r, lang)
                for r in reason_list(
                    tier=tier,
                    tier_share=share,
                    market=market,
                    market_rank=rank,
                    budget_ratio=ratio,
                    vehicle_class=vclass,
                    class_share=cshare,
                    eco_pref=bool(eco_pref),
                    model_eco=bool(model_eco),
                    model_class=model_class,
                    wishes=wish,
                )
            )
            for (tier, share, rank, ratio, cshare, model_eco, model_class), (
                market,
                vclass,
                eco_pref,
                _budget,
            ), wish in zip(cols, inputs, wished, strict=True)
        ]
    return out


def _score_csv(predictor: Predictor, src: Path, out: Path, lang: str, today: dt.date) -> int:
    import polars as pl

    from analytics.predict import InputError, parse_input
    from analytics.predict.features import INPUT_COLUMNS

    try:
        frame = pl.read_csv(src, infer_schema=False)
    except (OSError, pl.exceptions.PolarsError) as exc:
        refuse(ValueError(f"{src}: cannot read the CSV ({exc})"))
        return 2
    rows, lines, bad = [], [], 0
    for n, raw in enumerate(frame.iter_rows(named=True), start=2):  # line 1 is the header
        try:
            inp = parse_input(raw, predictor.vocab, today=today)
        except InputError as exc:
            bad += 1
            for e in exc.errors:
                click.echo(f"{src}: line {n}: {_errors_text([e], lang)}", err=True)
            continue
        rows.append({c: getattr(inp, c) for c in INPUT_COLUMNS})
        lines.append(n)
    schema = {
        "age": pl.Int64,
        "budget_krw": pl.Int64,
        "purchase_count": pl.Int64,
        "gender": pl.Utf8,
        "market": pl.Utf8,
        "vehicle_class": pl.Utf8,
        "payment_method": pl.Utf8,
        "channel": pl.Utf8,
        "eco_friendly": pl.Boolean,
    }
    valid = pl.DataFrame(rows, schema=schema, orient="row")
    if valid.height:
        scored = predictor.predict_frame(valid)
        keep = [
            "segment",
            "tier",
            "tier_probability",
            *[c for c in scored.columns if c.startswith("p_tier_")],
        ]
        fields = ("model", "expected_price", "body_type", "powertrain", "eco")
        result = scored.select(
            pl.Series("line", lines),
            *keep,
            *[
                pl.col(f"rec{i}_{f}")
                for i in range(1, CSV_TOP + 1)
                if f"rec{i}_model" in scored.columns
                for f in fields
            ],
            "model_version",
        ).with_columns(pl.DataFrame(_csv_reasons(predictor, scored, valid, lang)))
        order = ["line", *keep]
        for i in range(1, CSV_TOP + 1):
            if f"rec{i}_model" in result.columns:
                order += [*(f"rec{i}_{f}" for f in fields), f"rec{i}_reasons"]
        result = result.select(*order, "model_version")
    else:
        result = pl.DataFrame({"line": []}, schema={"line": pl.Int64})
    out.parent.mkdir(parents=True, exist_ok=True)
    from warehouse.export import escape_formulas

    escape_formulas(result).write_csv(out)
    click.echo(
        f"scored {valid.height:,} customer(s) into {out}; {bad:,} invalid row(s)"
        + (" reported above" if bad else ""),
        err=True,
    )
    return EXIT_PARTIAL if bad else 0


@click.command()
@click.option(
    "--brand",
    required=True,
    metavar="kia|hyundai",
    help="Brand whose models score the customers (Kia, kia, Hyundai, hyundai).",
)
@click.option("--json", "json_text", metavar="'{...}'", help="One customer as a JSON object.")
@click.option(
    "--csv",
    "csv_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="A CSV file of customers, one per row, with the same keys as columns.",
)
@click.option(
    "--out",
    "out_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Where --csv writes the scored rows.",
)
@click.option(
    "--artifacts",
    "artifacts_dir",
    type=click.Path(path_type=Path),
    help="Artifacts folder [env CARSIGHT_ARTIFACTS_DIR, default data/artifacts].",
)
@click.option(
    "--lang",
    type=click.Choice(["ko", "en"]),
    default="ko",
    show_default=True,
    help="Language of messages, personas and reasons.",
)
@click.pass_context
def predict(
    ctx: click.Context,
    brand: str,
    json_text: str | None,
    csv_path: Path | None,
    out_path: Path | None,
    artifacts_dir: Path | None,
    lang: str,
) -> None:
    """Value tier and three cars for counter customers (segment: 신규 with no purchases).

    \b
    carsight predict --brand kia --json '{"gender": "여", "age": 34, "market": "대한민국",
      "vehicle_class": "중형 SUV", "eco_friendly": true, "budget": 45000000,
      "payment_method": "신용카드", "channel": "온라인", "purchase_count": 0}'
    carsight predict --brand kia --csv new_customers.csv --out scored.csv

    Exit codes: 0 all scored; 2 refused (no or tampered models, invalid JSON
    or input, unreadable CSV); 3 some CSV rows invalid (reported on stderr by
    line and field), the valid rows still scored.
    """

    brand = _brand(brand)
    if (json_text is None) == (csv_path is None):
        raise click.UsageError("give exactly one of --json or --csv")
    if csv_path is not None and out_path is None:
        raise click.UsageError("--csv needs --out for the scored rows")
    settings = cli_settings(artifacts_dir=artifacts_dir)
    predictor = _load(settings.artifacts_dir, brand)
    today = dt.date.today()
    if json_text is not None:
        _score_json(predictor, json_text, lang, today)
        return
    assert csv_path is not None and out_path is not None
    code = _score_csv(predictor, csv_path, out_path, lang, today)
    if code:
        sys.exit(code)
