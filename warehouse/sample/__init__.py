"""Deterministic synthetic sample data for CarSight: `carsight generate` writes it.

``generate(out_dir, seed=42, scale=1.0)`` writes a complete raw data set in the
exact formats of the Hyundai / Kia investor-relations (IR) downloads, the two
customer-profile files and the three external context tables::

    raw/hyundai/hmc-sales-by-model-december-y{YEAR}.csv      (Hyundai number format)
    raw/hyundai/hmc-global-plant-sales-december-y{YEAR}.csv
    raw/hyundai/hmc-export-by-region-december-y{YEAR}.csv
    raw/hyundai/hmc-eu-retail-sales-december-y{YEAR}.csv
    raw/kia/기아_{YEAR}년_해외공장판매실적.csv                 (plain integers)
    raw/kia/기아_{YEAR}년_해외현지판매.csv                     (wide: one column per market)
    raw/kia/kia-sales-by-model-{YEAR}.csv
    raw/kia/kia-export-by-region-{YEAR}.csv
    customers/현대_고객데이터.csv, customers/기아_고객데이터.csv
    external/competitor_top_models_by_country.csv
    external/기아_국가별_수출_기후_GDP.csv, external/현대_지역별_수출_기후_GDP.csv (UTF-8 BOM)

Model names, plant codes and market names are public facts; every number is
generated here.  Years are 2023, 2024 and 2025; 2025 is a partial year (data
through October, as an IR file published in November would be).

Quirks reproduced on purpose (the loader must cope with them):

* Hyundai cells look like ``" 4,120 "`` / `` 777 `` and zero is `` - ``; BHMC
  zero cells are padded with ~20 leading spaces; Hyundai files have no newline
  after the last row.
* Hyundai plant file: leading spaces in model names, spelling variants
  (``Xcent (BA 4DR)`` vs ``Xcent(BA 4DR)``), ``CKD,PV,Total`` / ``CKD,CV,Total``
  and ``Others,Others,Total`` rows that are *not* subtotals.
* Kia overseas retail: month names in words with the ``Febuary`` misspelling,
  plant-group names drift by year (``Korean Plant`` -> ``Korea Plants``,
  ``CKD (excl. Russia)`` -> ``CKD``), empty ``Mexico`` cells, and in the
  ``CKD*`` and ``Special Vehicle`` groups the first market column (``U.S.A``)
  holds the row total of the other markets while ``Europe`` is empty, exactly as
  in the published file.
* Kia exports by region: ``Total`` rows are exact subtotals of the six car rows
  of the same region and month; zero is ``-`` (months not yet reported: empty).
* Encodings: ``raw/kia/기아_2024년_해외현지판매.csv`` is CP949 (and not valid UTF-8:
  its Russia plant group is labelled ``※Russia Plant(HMMR)``),
  ``raw/kia/기아_2024년_해외공장판매실적.csv`` is UTF-8 with BOM,
  ``external/현대_지역별_수출_기후_GDP.csv`` is UTF-8 with BOM (as the reference);
  everything else is UTF-8 without BOM.  Line endings are always ``\\n``.

Scaling (``scale``):

* IR model files: every model row is split into ``variants_per_model(scale)``
  trim variants (``Tucson (NX4 #17)``); the volume of the base model is split
  between its variants, so brand totals stay realistic at any scale.
  ``variants_per_model(s) = 1 + round(max(0, s - 1) * 2.8)`` (1 at s <= 1).
* Customers: ``customers_per_brand(s) = round(1900 * s)`` for s <= 1 and
  ``round(1900 * (1 + 2.7 * (s - 1)))`` above, i.e. 1,900 per brand at scale 1
  and 509,770 per brand (1.02 M in total) at scale 100.

Determinism: every file (and every chunk of a large file) draws from its own
``numpy.random.default_rng([seed, sha256(key)])`` stream, so the same seed and
scale give byte-identical files.  Nothing heavy runs at import time.

Layout: one writer module per published format, named like the format in
`warehouse.formats` (`hmc_sales_by_model`, ..., `kia_export_by_region`, plus
`customers`, `competitor_sales` and `market_context`); `common` holds what they
share; the catalogues (model rows, plants, markets, names, addresses) are data
files under `catalogues/`, read on first use by `catalogue`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from warehouse.sample import (
    competitor_sales,
    customers,
    hmc_eu_retail,
    hmc_export_by_region,
    hmc_plant_sales,
    hmc_sales_by_model,
    kia_export_by_region,
    kia_overseas_retail,
    kia_plant_sales,
    kia_sales_by_model,
    market_context,
)
from warehouse.sample.common import (
    REPORTED_MONTHS,
    YEARS,
    _Ctx,
    customers_per_brand,
    variants_per_model,
)

__all__ = [
    "generate",
    "customers_per_brand",
    "variants_per_model",
    "YEARS",
    "REPORTED_MONTHS",
]


def generate(
    out_dir: Path,
    *,
    seed: int = 42,
    scale: float = 1.0,
    progress: Callable[[str, int, int], None] | None = None,
) -> list[Path]:
    """Write the synthetic raw data set under out_dir; return written paths (sorted).

    ``progress(step_name, done, total)`` is called as each file (``step_name`` is
    its path relative to ``out_dir``) advances by one chunk.
    """
    if scale <= 0:
        raise ValueError("scale must be > 0")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    ctx = _Ctx(
        out=out,
        seed=int(seed),
        scale=float(scale),
        variants=variants_per_model(scale),
        progress=progress,
    )
    written: list[Path] = []
    for year in YEARS:
        path, export_total = hmc_sales_by_model.write(ctx, year)
        written.append(path)
        written.append(hmc_plant_sales.write(ctx, year))
        written.append(hmc_export_by_region.write(ctx, year, export_total))
        written.append(hmc_eu_retail.write(ctx, year))
        written.append(kia_plant_sales.write(ctx, year))
        written.append(kia_overseas_retail.write(ctx, year))
        path, cat_totals = kia_sales_by_model.write(ctx, year)
        written.append(path)
        written.append(kia_export_by_region.write(ctx, year, cat_totals))
    written.append(customers.write(ctx, "hyundai"))
    written.append(customers.write(ctx, "kia"))
    written.append(competitor_sales.write(ctx))
    written.append(market_context.write_kia(ctx))
    written.append(market_context.write_hyundai(ctx))
    return sorted(written)
