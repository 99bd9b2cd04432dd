"""Report build time (HTML + PDF + XLSX) on the reference data; target <= 30 s.

    python benchmarks/report_bench.py [--db PATH] [--runs 3]

Without --db, ../shared/data is built and trained into a temporary folder first
(pass a warehouse with a `carsight forecast` run to time the forecast section too).
Each run starts a new Chromium to draw the charts and another to print the PDF;
the first run per brand also reads its sales frame cold.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from common import build_and_train

TARGET_S = 30.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    from analytics.report.content import ReportSpec
    from app.report import build_report
    from warehouse.connection import Warehouse

    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or build_and_train(Path(tmp))[0]
        rows = []
        for brand in ("Hyundai", "Kia", "all"):
            totals = []
            for i in range(args.runs):
                start = time.perf_counter()
                files = build_report(
                    warehouse=Warehouse(db),
                    spec=ReportSpec(brand=brand),
                    out_dir=Path(tmp) / f"out-{brand}-{i}",
                )
                totals.append(time.perf_counter() - start)
            steps = ", ".join(f"{k} {v:.1f}" for k, v in files.seconds.items() if k != "total")
            rows.append((brand, statistics.median(totals), max(totals), steps))
    print(f"| brand | median (s) | max (s) | <= {TARGET_S:.0f} s | last run's steps (s) |")
    print("|---|---:|---:|:---:|---|")
    for brand, median, worst, steps in rows:
        ok = "yes" if worst <= TARGET_S else "**no**"
        print(f"| {brand} | {median:.1f} | {worst:.1f} | {ok} | {steps} |")


if __name__ == "__main__":
    main()
