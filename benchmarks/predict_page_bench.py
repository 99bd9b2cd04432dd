"""Benchmark the server-side work of the customer-prediction page's predict click.

Builds a warehouse from ../shared/data into a temp dir, runs `carsight train`
on it (which also trains the prediction models), points the app's settings at
the result and calls the callbacks of `callbacks.predict` as plain functions
(as tests/callbacks does), N times, over varied counter customers drawn with a
fixed seed from the brands' vocabularies (Hyundai and Kia, every market and
vehicle class, budgets inside each brand's bounds, a model of interest in half
of them). Times include validation, prediction and building the components,
not their JSON serialisation or the network. The predictor cache is warmed
first; the first (cold) call, which verifies and loads the artifacts, is
reported separately. Target: `submit + render_result` p95 <= 50 ms.
Usage:

    python benchmarks/predict_page_bench.py [--db PATH --artifacts DIR] [--n 200]

Prints a Markdown table (p50 / p95 in milliseconds).
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from common import build_and_train, percentile  # noqa: E402  (benchmarks/ is on sys.path)

TARGET_MS = 50.0
BRANDS = ("Hyundai", "Kia")


def forms(cb: Any, n: int, seed: int = 7) -> list[tuple[str, dict[str, Any]]]:
    """`n` valid (brand, form) pairs, alternating brands, drawn from each brand's vocab."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        brand = BRANDS[i % 2]
        vocab = cb.predictor(brand).vocab
        low, high = max(vocab.budget_min, 15_000_000), min(vocab.budget_max, 120_000_000)
        out.append(
            (
                brand,
                {
                    "gender": rng.choice(vocab.genders),
                    "age": rng.randint(20, 75),
                    "birth_date": None,
                    "market": rng.choice(vocab.markets),
                    "vehicle_class": rng.choice(vocab.vehicle_classes),
                    "model_of_interest": rng.choice(vocab.models) if i % 4 < 2 else "",
                    "eco_friendly": rng.random() < 0.3,
                    "budget": f"{rng.randrange(low, high, 1_000_000):,}",
                    "payment_method": rng.choice(vocab.payment_methods),
                    "channel": rng.choice(vocab.channels),
                    "purchase_count": rng.randint(0, 5),
                },
            )
        )
    return out


def cases(cb: Any) -> list[tuple[str, Callable[[str, dict, str], Any]]]:
    """(name, call(brand, form, lang)) for the callbacks of a predict click."""

    def submit(brand: str, form: dict, lang: str) -> Any:
        return cb.submit(1, brand, *[form[f] for f in cb.FIELDS], lang)

    def spec_of(outputs: tuple) -> dict:  # PREDICT_INPUT follows messages, flags and alert
        return outputs[len(cb.FIELDS) + len(cb.INVALID_FIELDS) + 1]

    def click(brand: str, form: dict, lang: str) -> Any:
        return cb.render_result(spec_of(submit(brand, form, lang)), lang)

    specs: dict[int, dict] = {}

    def render(brand: str, form: dict, lang: str) -> Any:
        spec = specs.setdefault(id(form), spec_of(submit(brand, form, "ko")))
        return cb.render_result(spec, lang)

    def rejected(brand: str, form: dict, lang: str) -> Any:
        return submit(brand, {**form, "age": 15, "budget": "0", "market": None}, lang)

    return [
        ("submit + render_result (the predict click)", click),
        ("submit (validation only)", submit),
        ("render_result (predict + components)", render),
        ("submit, rejected form (3 wrong fields)", rejected),
        (
            "form_choices (brand or language change)",
            lambda brand, form, lang: cb.form_choices(
                brand,
                lang,
                form["market"],
                form["vehicle_class"],
                form["model_of_interest"],
                form["payment_method"],
                form["channel"],
                form["budget"],
            ),
        ),
        ("render_model_card", lambda brand, form, lang: cb.render_model_card(brand, lang)),
    ]


def run(db: Path, artifacts: Path, n: int) -> list[dict[str, Any]]:
    from app.services import install as use_settings
    from app.settings import load_settings

    use_settings(load_settings(db=db, artifacts_dir=artifacts))
    import callbacks.predict as cb

    start = time.perf_counter()
    cb.predictor(BRANDS[0])
    cold = time.perf_counter() - start
    samples = forms(cb, n)
    rows = []
    for name, call in cases(cb):
        for brand, form in samples[:4]:  # warm (both brands' predictors are cached)
            call(brand, form, "ko")
        times = []
        for i, (brand, form) in enumerate(samples):
            lang = ("ko", "en")[(i // 2) % 2]  # brands alternate with i, languages per pair
            start = time.perf_counter()
            call(brand, form, lang)
            times.append(time.perf_counter() - start)
        rows.append({"callback": name, "p50": percentile(times, 50), "p95": percentile(times, 95)})
    rows.insert(
        0,
        {
            "callback": "first predictor load (verify hashes, load skops models)",
            "p50": cold * 1000,
            "p95": cold * 1000,
        },
    )
    return rows


def markdown(rows: list[dict[str, Any]], n: int) -> str:
    lines = [
        f"| callback | p50 (ms) | p95 (ms) | p95 <= {TARGET_MS:.0f} ms |",
        "|---|---:|---:|:---:|",
    ]
    for r in rows:
        ok = "yes" if r["p95"] <= TARGET_MS else "**no**"
        if r["callback"].startswith("first"):
            ok = "(once)"
        lines.append(f"| {r['callback']} | {r['p50']:.1f} | {r['p95']:.1f} | {ok} |")
    lines.append(
        f"\nN = {n} warm calls per callback over varied customers "
        f"(Hyundai/Kia alternating, every market and class, ko/en)."
    )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="a trained warehouse (with --artifacts)")
    parser.add_argument("--artifacts", type=Path, help="the artifacts dir of --db's training")
    parser.add_argument("--n", type=int, default=200)
    args = parser.parse_args()
    if bool(args.db) != bool(args.artifacts):
        parser.error("--db and --artifacts go together (a trained warehouse and its models)")
    with tempfile.TemporaryDirectory(prefix="carsight-predictbench-") as tmp:
        db, artifacts = (args.db, args.artifacts) if args.db else build_and_train(Path(tmp))
        print(markdown(run(db, artifacts, args.n), args.n))


if __name__ == "__main__":
    main()
