"""Deterministic synthetic sample-data generator for CarSight.

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
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

__all__ = [
    "generate",
    "customers_per_brand",
    "variants_per_model",
    "YEARS",
    "REPORTED_MONTHS",
]

ProgressFn = Callable[[str, int, int], None]

YEARS: tuple[int, ...] = (2023, 2024, 2025)
#: months with data per year (2025 is published through October)
REPORTED_MONTHS: dict[int, int] = {2023: 12, 2024: 12, 2025: 10}
BASE_YEAR = 2023

H_MONTHS = (
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "May",
    "Jun.",
    "Jul.",
    "Aug.",
    "Sep.",
    "Oct.",
    "Nov.",
    "Dec.",
)
K_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# the published Kia file spells February "Febuary"
K_MONTH_WORDS = (
    "January",
    "Febuary",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

CUSTOMERS_PER_BRAND_BASE = 1900
CUSTOMER_GROWTH = 2.7
VARIANT_GROWTH = 2.8
CUSTOMER_CHUNK = 50_000


def variants_per_model(scale: float) -> int:
    """Number of trim variants each IR model row is split into at ``scale``."""
    return 1 + int(round(max(0.0, float(scale) - 1.0) * VARIANT_GROWTH))


def customers_per_brand(scale: float) -> int:
    """Customers written per brand: 1,900 at scale 1, ~510k at scale 100."""
    s = float(scale)
    if s <= 1.0:
        return max(1, int(round(CUSTOMERS_PER_BRAND_BASE * s)))
    return int(round(CUSTOMERS_PER_BRAND_BASE * (1.0 + CUSTOMER_GROWTH * (s - 1.0))))


# ---------------------------------------------------------------------------
# random streams
# ---------------------------------------------------------------------------


def _key(text: str) -> int:
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "little")


def _rng(seed: int, *parts: object) -> np.random.Generator:
    return np.random.default_rng([int(seed) & 0xFFFFFFFF, _key("|".join(map(str, parts)))])


# ---------------------------------------------------------------------------
# seasonality, trend, lifecycle
# ---------------------------------------------------------------------------


def _norm(a: Sequence[float]) -> np.ndarray:
    arr = np.asarray(a, dtype=float)
    return arr / arr.mean()


SEASON = {
    "kr": _norm([0.84, 0.90, 1.08, 1.03, 1.06, 1.05, 0.93, 0.88, 0.95, 1.00, 1.09, 1.13]),
    "export": _norm([0.88, 0.96, 1.08, 1.03, 1.04, 1.05, 0.95, 0.90, 0.96, 1.02, 1.04, 1.01]),
    "us": _norm([0.80, 0.92, 1.12, 1.05, 1.12, 1.04, 0.98, 1.06, 0.97, 0.97, 0.96, 1.01]),
    "eu": _norm([0.85, 0.88, 1.40, 0.98, 1.02, 1.10, 0.96, 0.70, 1.18, 0.98, 0.96, 0.99]),
    "in": _norm([1.02, 1.00, 1.04, 0.96, 0.95, 0.93, 0.92, 0.98, 1.05, 1.16, 1.06, 0.93]),
    "cn": _norm([0.95, 0.70, 0.98, 0.92, 0.96, 1.04, 0.94, 0.98, 1.06, 1.06, 1.15, 1.26]),
    "flat": np.ones(12),
}

# per-year multiplier by powertrain (relative to 2023): EV / HEV share grows
POWERTRAIN_TREND = {
    "ICE": {2021: 1.10, 2022: 1.06, 2023: 1.00, 2024: 0.93, 2025: 0.86},
    "HEV": {2021: 0.65, 2022: 0.80, 2023: 1.00, 2024: 1.24, 2025: 1.50},
    "PHEV": {2021: 0.85, 2022: 0.92, 2023: 1.00, 2024: 1.08, 2025: 1.15},
    "EV": {2021: 0.60, 2022: 0.80, 2023: 1.00, 2024: 1.12, 2025: 1.32},
    "FCEV": {2021: 1.10, 2022: 1.05, 2023: 1.00, 2024: 0.80, 2025: 1.10},
    "CV": {2021: 1.00, 2022: 1.00, 2023: 1.00, 2024: 0.97, 2025: 0.95},
}


def _powertrain(label: str) -> str:
    up = " " + label.upper().replace("(", " ").replace(")", " ").replace("_", " ") + " "
    if "PHEV" in up:
        return "PHEV"
    if "HEV" in up:
        return "HEV"
    if "NEXO" in up or "FCEV" in up:
        return "FCEV"
    for tok in (
        " EV ",
        " EV",
        "IONIQ5",
        "IONIQ 5",
        "IONIQ 6",
        "IONIQ6",
        "IONIQ 9",
        " EV2",
        " EV3",
        " EV4",
        " EV5",
        " EV6",
        " EV9",
        "PV5",
        "-EV",
    ):
        if tok in up:
            return "EV"
    return "ICE"


def _ym(y: int, m: int) -> int:
    return y * 12 + (m - 1)


def _lifecycle(
    year: int, launch: tuple[int, int] | None, end: tuple[int, int] | None
) -> np.ndarray:
    """Per-month factor: 0 outside the production window, ramp-up after launch,
    run-out before the end."""
    f = np.ones(12)
    for m in range(12):
        t = _ym(year, m + 1)
        if launch is not None:
            d = t - _ym(*launch)
            if d < 0:
                f[m] = 0.0
                continue
            if d == 0:
                f[m] *= 0.35
            elif d == 1:
                f[m] *= 0.75
        if end is not None:
            d = _ym(*end) - t
            if d < 0:
                f[m] = 0.0
            elif d == 0:
                f[m] *= 0.3
            elif d == 1:
                f[m] *= 0.6
    return f


def _active_in(
    year: int, launch: tuple[int, int] | None, end: tuple[int, int] | None, grace_years: int = 1
) -> bool:
    """Row appears in the file of ``year``: launched by the end of the year and
    ended at most ``grace_years`` before it (discontinued models keep an
    all-zero row for a while, like the published files)."""
    if launch is not None and launch[0] > year:
        return False
    return not (end is not None and end[0] < year - grace_years)


@dataclass(frozen=True)
class M:
    """One IR model row: label, monthly level (units, 2023 basis), life cycle."""

    label: str
    level: float
    launch: tuple[int, int] | None = None
    end: tuple[int, int] | None = None
    vtype: str = ""
    vary: bool = True

    @property
    def pt(self) -> str:
        if self.vtype in ("CV", "Light CV"):
            return "CV"
        return _powertrain(self.label)


def _variant_label(label: str, k: int) -> str:
    if k == 0:
        return label
    if label.endswith(")"):
        return f"{label[:-1]} #{k + 1})"
    return f"{label} #{k + 1}"


def _volumes(
    rng: np.random.Generator,
    level: float,
    year: int,
    model: M,
    season: np.ndarray,
    n_variants: int,
    reported: int,
    noise: float = 0.13,
    trend: float = 1.0,
) -> np.ndarray:
    """(n_variants, 12) non-negative integer matrix of monthly units."""
    base = (
        level
        * trend
        * POWERTRAIN_TREND[model.pt][year]
        * _lifecycle(year, model.launch, model.end)
        * season
    )
    year_shock = math.exp(rng.normal(0.0, 0.06))
    w = rng.dirichlet(np.full(n_variants, 1.5)) if n_variants > 1 else np.ones(1)
    eps = rng.normal(0.0, noise, size=(n_variants, 12))
    vals = (base[None, :] * year_shock * w[:, None]) * np.exp(eps)
    out = np.floor(vals + rng.random(size=vals.shape)).astype(np.int64)
    out[:, reported:] = 0
    np.maximum(out, 0, out=out)
    return out


# ---------------------------------------------------------------------------
# cell formatting
# ---------------------------------------------------------------------------

_TABLE_SIZE = 100_000


def _fmt_hyundai(v: int) -> str:
    if v == 0:
        return " - "
    if v < 1000:
        return f" {v} "
    return f'" {v:,} "'


def _fmt_kia_sales(v: int) -> str:
    if v == 0:
        return ""
    if v < 1000:
        return str(v)
    return f'"{v:,}"'


def _fmt_kia_region(v: int) -> str:
    if v == 0:
        return "-"
    if v < 1000:
        return str(v)
    return f'"{v:,}"'


class _Fmt:
    """Vectorised int -> cell-string formatting through a lookup table."""

    def __init__(self, fn: Callable[[int], str]):
        self.fn = fn
        self.table = np.array([fn(i) for i in range(_TABLE_SIZE)], dtype=object)

    def rows(self, mat: np.ndarray) -> list[list[str]]:
        big = mat >= _TABLE_SIZE
        cells = self.table[np.minimum(mat, _TABLE_SIZE - 1)]
        if big.any():
            for idx in zip(*np.nonzero(big), strict=True):
                cells[idx] = self.fn(int(mat[idx]))
        return cells.tolist()


_FMT_CACHE: dict[str, _Fmt] = {}


def _fmt(name: str) -> _Fmt:
    if name not in _FMT_CACHE:
        formatters: dict[str, Callable[[int], str]] = {
            "hyundai": _fmt_hyundai,
            "kia_sales": _fmt_kia_sales,
            "kia_region": _fmt_kia_region,
            "int": str,
        }
        fn = formatters[name]
        _FMT_CACHE[name] = _Fmt(fn)
    return _FMT_CACHE[name]


def _csv_field(text: str) -> str:
    if any(c in text for c in ',"\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


class _Writer:
    """Streams lines to a file with fixed ``\\n`` endings and explicit encoding."""

    def __init__(
        self, path: Path, encoding: str = "utf-8", bom: bool = False, trailing_newline: bool = True
    ):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._fh = open(path, "w", encoding=encoding, newline="")  # noqa: SIM115
        if bom:
            self._fh.write("\ufeff")
        self._trailing = trailing_newline
        self._first = True

    def lines(self, lines: Iterable[str]) -> None:
        lines = list(lines)
        if not lines:
            return
        if self._trailing:
            self._fh.write("\n".join(lines))
            self._fh.write("\n")
        else:
            if not self._first:
                self._fh.write("\n")
            self._fh.write("\n".join(lines))
        self._first = False

    def close(self) -> None:
        self._fh.close()

    def __enter__(self) -> _Writer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# ---------------------------------------------------------------------------
# Hyundai catalogs (public model names / platform codes; levels are invented)
# ---------------------------------------------------------------------------

_E22 = (2022, 8)  # discontinued before the data window: all-zero rows

H_DOMESTIC: tuple[M, ...] = (
    M("Avante (CN7)", 4800, vtype="PC"),
    M("Avante (CN7 HEV)", 820, vtype="PC"),
    M("Avante (CN7 N)", 110, vtype="PC"),
    M("IONIQ (AE HEV)", 0, end=_E22, vtype="PC"),
    M("IONIQ (AE PHEV)", 0, end=_E22, vtype="PC"),
    M("IONIQ (AE EV)", 0, end=_E22, vtype="PC"),
    M("Veloster (JS N)", 0, end=_E22, vtype="PC"),
    M("Sonata (LF)", 800, end=(2023, 12), vtype="PC"),
    M("Sonata (DN8)", 2300, vtype="PC"),
    M("Sonata (DN8 HEV)", 700, vtype="PC"),
    M("Grandeur (IG)", 40, end=(2023, 2), vtype="PC"),
    M("Grandeur (IG HEV)", 10, end=(2023, 1), vtype="PC"),
    M("Grandeur (GN7)", 4300, vtype="PC"),
    M("Grandeur (GN7 HEV)", 5000, vtype="PC"),
    M("IONIQ 6 (CE)", 900, vtype="PC"),
    M("G70 (IK)", 330, vtype="PC"),
    M("G70 S/B (IK S/B)", 30, vtype="PC"),
    M("G80 (RG3)", 3700, vtype="PC"),
    M("G80 (RG3 EV)", 90, vtype="PC"),
    M("G90 (HI)", 0, end=_E22, vtype="PC"),
    M("G90 (RS4)", 1050, vtype="PC"),
    M("Casper (AX)", 3700, vtype="RV"),
    M("Casper (AX EV)", 1300, launch=(2024, 8), vtype="RV"),
    M("Venue (QX)", 700, vtype="RV"),
    M("Kona (OS)", 40, end=(2023, 3), vtype="RV"),
    M("Kona (OS HEV)", 150, end=(2023, 6), vtype="RV"),
    M("Kona (OS EV)", 0, end=_E22, vtype="RV"),
    M("Kona (OS N)", 2, end=(2023, 1), vtype="RV"),
    M("Kona (SX2)", 1500, launch=(2023, 1), vtype="RV"),
    M("Kona (SX2 HEV)", 1150, launch=(2023, 3), vtype="RV"),
    M("Kona (SX2 EV)", 320, launch=(2023, 5), vtype="RV"),
    M("Tucson (TL)", 0, end=_E22, vtype="RV"),
    M("Tucson (NX4)", 2050, vtype="RV"),
    M("Tucson (NX4 HEV)", 1600, vtype="RV"),
    M("NEXO (FE)", 380, end=(2025, 6), vtype="RV"),
    M("NEXO (NH2)", 900, launch=(2025, 6), vtype="RV"),
    M("IONIQ 5 (NE)", 1350, vtype="RV"),
    M("IONIQ 5 N (NE N)", 65, launch=(2023, 9), vtype="RV"),
    M("IONIQ 9 (ME)", 550, launch=(2025, 2), vtype="RV"),
    M("Santa-Fe (TM)", 1000, end=(2023, 12), vtype="RV"),
    M("Santa-Fe (TM HEV)", 1400, end=(2023, 12), vtype="RV"),
    M("Santa-Fe (MX5)", 2600, launch=(2023, 8), vtype="RV"),
    M("Santa-Fe (MX5 HEV)", 5200, launch=(2023, 10), vtype="RV"),
    M("Palisade (LX2)", 3500, end=(2025, 4), vtype="RV"),
    M("Palisade (LX3)", 2400, launch=(2025, 5), vtype="RV"),
    M("Palisade (LX3 HEV)", 3600, launch=(2025, 5), vtype="RV"),
    M("GV60 (JW)", 260, vtype="RV"),
    M("GV70 (JK)", 2750, vtype="RV"),
    M("GV70 (JK EV)", 190, vtype="RV"),
    M("GV80 (JX)", 2400, vtype="RV"),
    M("GV80 Coupe (JX Coupe)", 420, launch=(2024, 3), vtype="RV"),
    M("LCV", 11500, vtype="CV"),
    M("HCV", 2100, vtype="CV"),
)

H_EXPORT: tuple[M, ...] = (
    M("Avante (CN7)", 14200, vtype="PC"),
    M("Avante (CN7 HEV)", 2850, vtype="PC"),
    M("Avante (CN7 N)", 420, vtype="PC"),
    M("IONIQ (AE HEV)", 0, end=_E22, vtype="PC"),
    M("IONIQ (AE PHEV)", 0, end=_E22, vtype="PC"),
    M("IONIQ (AE EV)", 0, end=_E22, vtype="PC"),
    M("i30 (PD)", 1250, end=(2025, 6), vtype="PC"),
    M("Veloster (JS N)", 0, end=_E22, vtype="PC"),
    M("Sonata (DN8)", 4100, vtype="PC"),
    M("Sonata (DN8 HEV)", 1420, vtype="PC"),
    M("Grandeur (IG)", 1, end=(2023, 1), vtype="PC"),
    M("Grandeur (IG HEV)", 0, end=_E22, vtype="PC"),
    M("Grandeur (GN7)", 320, launch=(2023, 2), vtype="PC"),
    M("Grandeur (GN7 HEV)", 40, launch=(2023, 8), vtype="PC"),
    M("IONIQ 6 (CE)", 3600, vtype="PC"),
    M("G70 (IK)", 1350, vtype="PC"),
    M("G70 S/B (IK S/B)", 16, vtype="PC"),
    M("G80 (RG3)", 700, vtype="PC"),
    M("G80 (RG3 EV)", 100, vtype="PC"),
    M("G90 (HI)", 0, end=_E22, vtype="PC"),
    M("G90 (RS4)", 170, vtype="PC"),
    M("Casper (AX EV)", 2600, launch=(2024, 9), vtype="RV"),
    M("Venue (QX)", 5600, vtype="RV"),
    M("Kona (OS)", 8000, end=(2023, 8), vtype="RV"),
    M("Kona (OS HEV)", 2100, end=(2023, 6), vtype="RV"),
    M("Kona (OS EV)", 2700, end=(2023, 10), vtype="RV"),
    M("Kona N (OS N)", 650, end=(2023, 6), vtype="RV"),
    M("Kona (SX2)", 13500, launch=(2023, 4), vtype="RV"),
    M("Kona (SX2 HEV)", 3600, launch=(2023, 4), vtype="RV"),
    M("Kona (SX2 EV)", 1800, launch=(2023, 9), vtype="RV"),
    M("Tucson (TL)", 0, end=_E22, vtype="RV"),
    M("Tucson (NX4)", 7100, vtype="RV"),
    M("Tucson (NX4 HEV)", 4200, vtype="RV"),
    M("Tucson (NX4 PHEV)", 950, vtype="RV"),
    M("NEXO (FE)", 25, end=(2025, 6), vtype="RV"),
    M("IONIQ 5 (NE)", 7200, vtype="RV"),
    M("IONIQ 5 N (NE N)", 320, launch=(2023, 11), vtype="RV"),
    M("IONIQ 9 (ME)", 2600, launch=(2025, 4), vtype="RV"),
    M("Santa-Fe (TM)", 2900, end=(2023, 10), vtype="RV"),
    M("Santa-Fe (TM HEV)", 1050, end=(2023, 10), vtype="RV"),
    M("Santa-Fe (TM PHEV)", 1200, end=(2023, 10), vtype="RV"),
    M("Santa-Fe (MX5)", 3600, launch=(2023, 12), vtype="RV"),
    M("Santa-Fe (MX5 HEV)", 4100, launch=(2024, 1), vtype="RV"),
    M("Santa-Fe (MX5 PHEV)", 600, launch=(2024, 3), vtype="RV"),
    M("Palisade (LX2)", 10200, end=(2025, 5), vtype="RV"),
    M("Palisade (LX3)", 6000, launch=(2025, 6), vtype="RV"),
    M("Palisade (LX3 HEV)", 4100, launch=(2025, 7), vtype="RV"),
    M("GV60 (JW)", 620, vtype="RV"),
    M("GV70 (JK)", 1750, vtype="RV"),
    M("GV70 EV (JK EV)", 120, vtype="RV"),
    M("GV80 (JX)", 2350, vtype="RV"),
    M("GV80 Coupe (JX Coupe)", 520, launch=(2024, 4), vtype="RV"),
    M("LCV", 3900, vtype="CV"),
    M("HCV", 700, vtype="CV"),
)

# (plant, season key, [(label, sales type, level, launch, end, vary)])
# Labels keep the published quirks: leading spaces, "Xcent(BA 4DR)" spellings.
_P = tuple[str, float, tuple[int, int] | None, tuple[int, int] | None]

H_PLANTS: tuple[
    tuple[
        str, str, tuple[tuple[str, str, float, tuple[int, int] | None, tuple[int, int] | None], ...]
    ],
    ...,
] = (
    (
        "HMI",
        "in",
        (
            (" Santro (AH2)", "Domestic", 0, None, _E22),
            (" Xcent (BA 4DR)", "Domestic", 0, None, _E22),
            (" Aura (AI3 4DR)", "Domestic", 4500, None, None),
            (" NIOS (AI3 5DR)", "Domestic", 6800, None, None),
            (" i20 (BI3 5DR)", "Domestic", 6200, None, None),
            (" Verna (Hci)", "Domestic", 900, None, (2023, 2)),
            (" Verna (BN7i)", "Domestic", 2900, (2023, 3), None),
            ("Exter (AI3 SUV)", "Domestic", 7600, (2023, 7), None),
            (" Venue (QXi)", "Domestic", 10600, None, None),
            (" Creta (SU2i)", "Domestic", 13500, None, None),
            (" Creta (SU2i LWB)", "Domestic", 1900, None, None),
            (" Creta EV (SU2i EV)", "Domestic", 900, (2025, 1), None),
            (" Kona EV (OSi EV)", "Domestic", 55, None, (2024, 6)),
            ("IONIQ5 (NEi)", "Domestic", 120, None, None),
            (" Tucson (TLi)", "Domestic", 0, None, _E22),
            (" Tucson (NX4i)", "Domestic", 300, None, None),
            (" Santro (AH2)", "Export", 0, None, _E22),
            ("Xcent(BA 4DR)", "Export", 0, None, _E22),
            ("Xcent(BA 5DR)", "Export", 0, None, _E22),
            (" Aura (AI3 4DR)", "Export", 2400, None, None),
            (" NIOS (AI3 5DR)", "Export", 3100, None, None),
            (" i20 (BI3 5DR)", "Export", 650, None, None),
            (" Verna (Hci)", "Export", 3500, None, (2023, 6)),
            (" Verna (BN7i)", "Export", 5000, (2023, 5), None),
            (" Exter(AI3 SUV)", "Export", 40, (2023, 8), None),
            (" Venue(QXi)", "Export", 1100, None, None),
            (" Creta(SU2i)", "Export", 800, None, None),
            (" Creta(SU2i LWB)", "Export", 1000, None, None),
        ),
    ),
    (
        "HAOS",
        "eu",
        (
            ("i10 (AC3)", "Domestic", 130, None, None),
            ("i20 (BC3)", "Domestic", 1800, None, None),
            ("Bayon (BC3 CUV)", "Domestic", 1450, None, None),
            ("i20 N (BC3 N)", "Domestic", 30, None, (2024, 12)),
            ("i10 (AC3)", "Export", 5700, None, None),
            ("i20 (BC3)", "Export", 6600, None, None),
            ("Bayon (BC3 CUV)", "Export", 4200, None, None),
            ("i20 N (BC3 N)", "Export", 680, None, (2024, 12)),
        ),
    ),
    (
        "BHMC",
        "cn",
        (
            (" Reina (CB)", "Domestic", 0, None, _E22),
            (" Verna (YC)", "Domestic", 0, None, _E22),
            (" Celesta (ID)", "Domestic", 900, None, (2023, 4)),
            (" Elantra (CN7c)", "Domestic", 9300, None, None),
            (" La festa (SQ)", "Domestic", 200, None, (2024, 6)),
            (" La festa EV (SQ EV)", "Domestic", 0, None, _E22),
            (" Mistra (DU2)", "Domestic", 4, None, (2023, 12)),
            (" Mistra EV (DU2 EV)", "Domestic", 0, None, _E22),
            (" Sonata (DN8c)", "Domestic", 200, None, None),
            (" Custo (KU)", "Domestic", 1050, None, None),
            (" ix25 (SU2)", "Domestic", 0, None, _E22),
            (" Tucson (NX4c)", "Domestic", 4900, None, None),
            (" Tucson HEV (NX4c HEV)", "Domestic", 9, None, (2024, 3)),
            (" ix35 (NU)", "Domestic", 2500, None, (2023, 6)),
            (" ix35 (NU2)", "Domestic", 3600, (2023, 5), None),
            (" Santa Fe (TMc)", "Domestic", 180, None, (2024, 12)),
            (" Custo (KU)", "Export", 60, (2023, 4), None),
        ),
    ),
    (
        "HMMA",
        "us",
        (
            ("Elantra (CN7a)", "Domestic", 2500, None, (2023, 7)),
            ("Sonata (DN8a)", "Domestic", 0, None, _E22),
            ("Tucson (NX4a)", "Domestic", 12600, None, None),
            ("Tucson OB (NX4a OB)", "Domestic", 3300, None, None),
            ("Santa-Fe (TMa)", "Domestic", 9000, None, (2024, 2)),
            ("Santa-Fe HEV (TMa HEV)", "Domestic", 1700, None, (2024, 2)),
            ("Santa-Fe (MX5a)", "Domestic", 8500, (2024, 2), None),
            ("Santa-Fe HEV (MX5a HEV)", "Domestic", 2600, (2024, 9), None),
            ("GV70 (JKa)", "Domestic", 1800, (2023, 7), None),
            ("GV70 EV (Jka EV)", "Domestic", 250, (2023, 2), None),
            ("Elantra(CN7a)", "Export", 130, None, (2023, 7)),
            ("Sonata (DN8a)", "Export", 0, None, _E22),
            ("Tucson (NX4a)", "Export", 0, None, _E22),
            ("Tucson OB (NX4a OB)", "Export", 410, None, None),
            ("Santa-Fe (TMa)", "Export", 880, None, (2024, 2)),
            ("Santa-Fe (MX5a)", "Export", 800, (2024, 3), None),
            ("GV70 (JKa)", "Export", 15, (2023, 7), None),
            ("GV70 EV (Jka EV)", "Export", 3, (2023, 3), None),
        ),
    ),
    (
        "HMMC",
        "eu",
        (
            (" i30 (PDe)", "Export", 3700, None, None),
            (" i30 (Pde N)", "Export", 590, None, (2025, 3)),
            (" Kona EV (OSe EV)", "Export", 3600, None, (2023, 8)),
            (" Kona EV (SX2e EV)", "Export", 4300, (2023, 8), None),
            (" Tucson (TLe)", "Export", 0, None, _E22),
            (" Tucson (NX4e)", "Export", 12500, None, None),
            (" Tucson HEV (NX4e HEV)", "Export", 5700, None, None),
            (" Tucson PHEV (NX4e PHEV)", "Export", 2350, None, None),
        ),
    ),
    (
        "HMMR",
        "flat",
        (
            ("Solaris (HCr)", "Domestic", 0, None, (2022, 3)),
            ("Creta (SU2r)", "Domestic", 0, None, (2022, 3)),
            ("Kia Rio(FB)", "Domestic", 0, None, (2022, 3)),
            ("Solaris (HCr)", "Export", 0, None, (2022, 3)),
            ("Creta (SU2r)", "Export", 0, None, (2022, 3)),
            ("Kia Rio(FB)", "Export", 0, None, (2022, 3)),
        ),
    ),
    (
        "HMB",
        "export",
        (
            ("HB20 (BR2)", "Domestic", 10800, None, None),
            ("Creta (GSb)", "Domestic", 1000, None, (2024, 6)),
            ("Creta (SU2b)", "Domestic", 4400, None, None),
            ("HB20 (BR2)", "Export", 1550, None, None),
            ("Creta (GSb)", "Export", 30, None, (2024, 6)),
            ("Creta (SU2b)", "Export", 110, None, None),
        ),
    ),
    (
        "HMMI",
        "export",
        (
            ("Stargazer (KS)", "Domestic", 1200, None, None),
            ("IONIQ5 (NE)", "Domestic", 600, None, None),
            ("Santa-Fe (TMid)", "Domestic", 75, None, (2024, 3)),
            ("Creta (SU2id)", "Domestic", 530, None, None),
            ("Stargazer (KS)", "Export", 750, (2023, 2), None),
            ("IONIQ5 (NE)", "Export", 0, None, _E22),
            ("Santa-Fe (TMid)", "Export", 0, None, _E22),
            ("Creta (SU2id)", "Export", 3800, None, None),
        ),
    ),
)

# Rows after the plant blocks; "Others" / "CKD" are reported only as Total.
H_PLANT_TAIL: tuple[tuple[str, str, str, float, str], ...] = (
    ("HTBC", "HTBC", "Domestic", 60, "export"),
    ("HTBC", "HTBC", "Export", 110, "export"),
    ("Others", "Others", "Total", 0, "flat"),
    ("Russia", "CV", "Domestic", 0, "flat"),
)

H_VIETNAM: tuple[tuple[str, float, tuple[int, int] | None, tuple[int, int] | None], ...] = (
    ("i10(AI3v 4DR)", 100, None, None),
    ("i10(AI3v 5DR)", 470, None, None),
    ("Accent (HCv)", 1250, None, (2024, 5)),
    ("Accent (BN7v)", 1500, (2024, 5), None),
    ("Elantra (ADv)", 0, None, _E22),
    ("Elantra (CN7v)", 190, None, None),
    ("Kona (OSv)", 250, (2023, 12), None),
    ("Creta (SU2v)", 650, (2023, 5), None),
    ("Tucson (TLv)", 0, None, _E22),
    ("Tucson (NX4v)", 450, None, None),
    ("Santa Fe (TMv)", 400, None, (2024, 6)),
    ("Santa Fe HEV (TMv HEV)", 20, (2023, 8), (2024, 6)),
    ("Santa Fe (MX5v)", 600, (2024, 7), None),
    ("Palisade (LX2v)", 170, (2023, 9), None),
    ("Kusto (KUv)", 480, (2023, 9), None),
    ("IONIQ5 (NEv)", 15, (2023, 8), None),
    ("Porter (HRv)", 260, None, None),
    ("Mighty (LTv)", 95, None, None),
    ("Mighty (VTv)", 140, None, None),
    ("Mighty (QTv)", 15, None, None),
    ("Mighty (QTc)", 10, None, (2023, 3)),
    ("Truck", 200, None, None),
)

H_SINGAPORE: tuple[tuple[str, str, float, tuple[int, int] | None], ...] = (
    ("IONIQ5 (NE)", "Domestic", 70, (2023, 6)),
    ("IONIQ5 (NE)", "Export", 5, (2023, 8)),
)

H_CKD: tuple[tuple[str, float], ...] = (("PV", 4000), ("CV", 65))

# Exports from Korea by region: (region, continent, share of export volume)
H_REGIONS: tuple[tuple[str, str, float], ...] = (
    ("U.S.A", "North America", 0.505),
    ("Canada", "North America", 0.105),
    ("Mexico", "North America", 0.0012),
    ("Europe Subsidiaries", "Europe", 0.105),
    ("Europe Distributors", "Europe", 0.033),
    ("Turkey", "Europe", 0.010),
    ("Latin America", "Others", 0.052),
    ("Russia/CIS", "Others", 0.025),
    ("Middle East/Africa", "Others", 0.095),
    ("Asia/Pacific", "Others", 0.0688),
)

H_EU_RETAIL: tuple[M, ...] = (
    M("i10 (AC3)", 4900, vtype="PC"),
    M("i20 (GB)", 0, end=_E22, vtype="PC"),
    M("i20 (BC3)", 4400, vtype="PC"),
    M("i20 N (BC3 N)", 420, end=(2024, 12), vtype="PC"),
    M("Elantra", 90, vtype="PC"),
    M("IONIQ (HEV)", 0, end=_E22, vtype="PC"),
    M("IONIQ (PHEV)", 0, end=_E22, vtype="PC"),
    M("IONIQ (EV)", 0, end=_E22, vtype="PC"),
    M("i30 (PD)", 3000, vtype="PC"),
    M("i30 (PD N)", 300, end=(2025, 3), vtype="PC"),
    M("i40 (VF)", 0, end=_E22, vtype="PC"),
    M("Ioniq6 EV (CE_EV)", 560, vtype="PC"),
    M("G80 (DH)", 0, end=_E22, vtype="PC"),
    M("ix20 (JC)", 0, end=_E22, vtype="RV"),
    M("Bayon (BC3 CUV)", 2350, vtype="RV"),
    M("Casper (AX EV)", 1400, launch=(2024, 12), vtype="RV"),
    M("Kona (OS)", 4, end=(2024, 2), vtype="RV"),
    M("Kona (EV)", 25, end=(2024, 6), vtype="RV"),
    M("Kona (Ose- EV)", 150, end=(2024, 9), vtype="RV"),
    M("Kona (HEV)", 3, end=(2024, 3), vtype="RV"),
    M("Kona N", 8, end=(2024, 3), vtype="RV"),
    M("Kona (SX2)", 1400, vtype="RV"),
    M("Kona (SX2 HEV)", 2850, vtype="RV"),
    M("Kona (SXe_EV)", 2350, vtype="RV"),
    M("Tucson (TLe)", 0, end=_E22, vtype="RV"),
    M("Tucson (NX4e)", 4500, vtype="RV"),
    M("Tucson (NX4e HEV)", 4650, vtype="RV"),
    M("Tucson (NX4e PHEV)", 1300, vtype="RV"),
    M("NEXO (FE)", 2, vtype="RV"),
    M("IONIQ 5 (NE)", 1200, vtype="RV"),
    M("IONIQ 5 (NE N)", 190, launch=(2024, 1), vtype="RV"),
    M("Santa-Fe (DM)", 0, end=_E22, vtype="RV"),
    M("Santa-Fe (TM)", 25, end=(2024, 9), vtype="RV"),
    M("Santa Fe HEV (TM HEV)", 55, end=(2024, 10), vtype="RV"),
    M("Santa Fe PHEV (TM PHEV)", 75, end=(2024, 10), vtype="RV"),
    M("Santa Fe HEV (MX5 HEV)", 480, launch=(2024, 6), vtype="RV"),
    M("Santa Fe PHEV (MX5 PHEV)", 330, launch=(2024, 5), vtype="RV"),
    M("Light CV", 280, vtype="Light CV"),
)


# ---------------------------------------------------------------------------
# Kia catalogs
# ---------------------------------------------------------------------------

# Overseas plants: (plant, code, season, [(model, level, launch, end)])
K_PLANTS: tuple[
    tuple[
        str, str, str, tuple[tuple[str, float, tuple[int, int] | None, tuple[int, int] | None], ...]
    ],
    ...,
] = (
    (
        "US Plant",
        "KaGA",
        "us",
        (
            ("Optima / K5", 5800, None, (2025, 2)),
            ("Sportage", 7400, None, None),
            ("Sorento", 6300, None, None),
            ("Telluride", 10400, None, None),
            ("EV9", 1400, (2024, 5), None),
        ),
    ),
    (
        "China Plant",
        "DYK",
        "cn",
        (
            ("Pegas", 4300, None, None),
            ("K2", 0, None, _E22),
            ("Cerato", 0, None, _E22),
            ("Forte", 2200, None, None),
            ("K3", 650, None, None),
            ("K4", 0, None, _E22),
            ("K5", 200, None, (2024, 12)),
            ("KX1", 780, None, None),
            ("KX3", 4000, None, None),
            ("Zhipao", 700, None, None),
            ("EV5", 1600, (2023, 10), None),
            ("KX5", 1100, None, None),
            ("KX7", 0, None, _E22),
            ("Carnival", 180, None, None),
            ("Sonet", 900, (2024, 3), None),
        ),
    ),
    (
        "Slovakia Plant",
        "KaSK",
        "eu",
        (
            ("C'eed", 7800, None, None),
            ("C'eed CUV", 3900, None, None),
            ("Sportage", 17700, None, None),
            ("EV4", 2200, (2025, 6), None),
        ),
    ),
    (
        "Mexico Plant",
        "KMX",
        "us",
        (
            ("Rio(pride)", 8200, None, (2025, 6)),
            ("K3", 12800, None, (2024, 8)),
            ("K4", 13500, (2024, 7), None),
            ("Accent (HC)", 0, None, _E22),
        ),
    ),
    (
        "India Plant",
        "KIN",
        "in",
        (
            ("Sonet", 10300, None, None),
            ("Seltos", 10300, None, None),
            ("Carens MPV", 6200, None, None),
            ("Carnival (CKD)", 560, None, (2023, 3)),
            ("Carnival", 450, (2024, 10), None),
            ("Syros", 5200, (2025, 2), None),
        ),
    ),
)

K_MARKETS = (
    "U.S.A",
    "Canada",
    "Mexico",
    "Europe",
    "Eastern Europe",
    "Latin America",
    "Middle East",
    "Africa",
    "Asia Pacific",
    "India",
    "China",
)

# Overseas-retail plant groups; names drift between years as in the publications.
K_GROUP_NAMES: dict[str, dict[int, str | None]] = {
    "korea": {2023: "Korean Plant", 2024: "Korea Plants", 2025: "Korea Plants"},
    "slovakia": {2023: "Slovakia Plant", 2024: "Slovakia Plant", 2025: "Slovakia Plant"},
    "mexico": {2023: "Mexico Plant", 2024: "Mexico Plant", 2025: "Mexico Plant"},
    # 2024 is written in CP949: its footnote mark is the Korean "※" (A1D8 in CP949), so the
    # file is not valid UTF-8 and really exercises the loader's encoding fallback
    "russia": {2023: "Russia Plant(incl. CKD Sales)", 2024: "※Russia Plant(HMMR)", 2025: None},
    "us": {2023: "US Plant", 2024: "US Plant", 2025: "US Plant"},
    "china": {2023: "China Plants", 2024: "China Plants", 2025: "China Plants"},
    "india": {2023: "India Plants", 2024: "India Plant", 2025: "India Plant"},
    "hmgics": {2023: None, 2024: None, 2025: "HMGICs Plant"},
    "ckd": {2023: "CKD (excl. Russia)", 2024: "CKD", 2025: "CKD"},
    "special": {2023: "Special Vehicle", 2024: "Special Vehicle", 2025: "Special Vehicle"},
}
# groups whose first market column holds the total of the row (published layout)
K_TOTAL_FIRST_GROUPS = ("ckd", "special")
# groups that leave the Mexico column empty when it is zero
K_MEXICO_BLANK_GROUPS = ("slovakia", "russia", "us", "china", "india", "hmgics")

# market weights (U.S.A .. China) by profile
_KW = {
    "kr_small": (0, 0, 0, 45, 3, 10, 9, 8, 6, 0, 0),
    "kr_sedan": (0, 4, 2, 0, 6, 2, 9, 1, 6, 0, 0),
    "kr_us": (50, 8, 3, 2, 2, 3, 3, 0.5, 3, 0, 0),
    "kr_global": (35, 7, 1, 25, 3, 4, 9, 1, 12, 0.4, 0),
    "kr_eu": (18, 1, 1, 60, 2, 1, 2, 0.5, 3, 0, 0),
    "kr_me": (0, 0, 0, 0, 2, 20, 45, 15, 18, 0, 0),
    "eu": (0, 0, 0, 90, 5, 1, 3, 0.8, 0, 0, 0),
    "mx": (60, 10, 25, 0, 0, 5, 0.5, 0, 0, 0, 0),
    "ru": (0, 0, 0, 0, 100, 0, 0, 0, 0, 0, 0),
    "us": (93, 5, 0.4, 0, 0, 0.5, 1, 0, 0.1, 0, 0),
    "cn": (0, 0, 0, 0, 0, 4, 3, 1, 2, 0, 90),
    "in": (0, 0, 0.5, 0, 0, 7, 5, 3, 2, 83, 0),
    "sg": (0, 0, 0, 0, 0, 0, 0, 0, 100, 0, 0),
    "ckd": (0, 0, 0, 0, 0, 8, 15, 30, 20, 27, 0),
}

# (group, model, level, profile, launch, end)
K_RETAIL: tuple[
    tuple[str, str, float, str, tuple[int, int] | None, tuple[int, int] | None], ...
] = (
    ("korea", "Morning / Picanto", 9000, "kr_small", None, None),
    ("korea", "Pride / Rio", 5200, "kr_small", None, (2025, 6)),
    ("korea", "K3", 950, "kr_sedan", None, (2025, 3)),
    ("korea", "K4", 900, "kr_sedan", (2025, 2), None),
    ("korea", "K5 / Optima", 2200, "kr_sedan", None, None),
    ("korea", "Stinger", 800, "kr_us", None, (2023, 6)),
    ("korea", "K7,8 / Cadenza", 110, "kr_me", None, None),
    ("korea", "K9", 20, "kr_me", None, None),
    ("korea", "Stonic", 5600, "kr_small", None, None),
    ("korea", "Seltos", 6800, "kr_us", None, None),
    ("korea", "Soul", 5700, "kr_us", None, (2025, 2)),
    ("korea", "Soul EV", 230, "kr_eu", None, (2023, 9)),
    ("korea", "Niro", 7000, "kr_eu", None, None),
    ("korea", "Niro EV", 4300, "kr_eu", None, None),
    ("korea", "Niro Plus", 1100, "kr_me", None, (2024, 6)),
    ("korea", "Niro Plus EV", 250, "kr_me", None, (2024, 6)),
    ("korea", "EV3", 4200, "kr_eu", (2024, 9), None),
    ("korea", "EV4", 1800, "kr_eu", (2025, 5), None),
    ("korea", "EV6", 4000, "kr_global", None, None),
    ("korea", "EV9", 3200, "kr_global", (2023, 5), None),
    ("korea", "PV5", 600, "kr_eu", (2025, 8), None),
    ("korea", "Sportage", 6800, "kr_global", None, None),
    ("korea", "Sorento", 7200, "kr_global", None, None),
    ("korea", "Mohave / Borrego", 20, "kr_me", None, None),
    ("korea", "Carnival / Sedona", 6200, "kr_us", None, None),
    ("korea", "Tasman", 700, "kr_me", (2025, 4), None),
    ("korea", "Bongo / Frontier", 2500, "kr_me", None, None),
    ("korea", "Bus", 0, "kr_me", None, _E22),
    ("slovakia", "Cee'd", 7600, "eu", None, None),
    ("slovakia", "Cee'd CUV", 3800, "eu", None, None),
    ("slovakia", "Sportage", 15400, "eu", None, None),
    ("slovakia", "EV4", 1500, "eu", (2025, 6), None),
    ("mexico", "Pride / Rio (SC)", 7800, "mx", None, (2025, 6)),
    ("mexico", "K3", 11500, "mx", None, (2024, 8)),
    ("mexico", "K4", 12000, "mx", (2024, 7), None),
    ("russia", "Pride / Rio (FB)", 90, "ru", None, (2024, 12)),
    ("russia", "K3 (CKD)", 110, "ru", None, (2024, 12)),
    ("russia", "Soul (CKD)", 40, "ru", None, (2024, 12)),
    ("russia", "Seltos (CKD)", 150, "ru", None, (2024, 12)),
    ("russia", "Sorento (CKD)", 5, "ru", None, (2024, 12)),
    ("us", "Optima / K5", 5200, "us", None, (2025, 2)),
    ("us", "Sportage", 7000, "us", None, None),
    ("us", "Sorento", 6100, "us", None, None),
    ("us", "Telluride", 9600, "us", None, None),
    ("us", "EV9", 1300, "us", (2024, 6), None),
    ("china", "Pegas", 3600, "cn", None, None),
    ("china", "Forte", 2000, "cn", None, None),
    ("china", "K3", 800, "cn", None, None),
    ("china", "K5 / Optima", 200, "cn", None, (2024, 12)),
    ("china", "KX1", 800, "cn", None, None),
    ("china", "KX3", 3600, "cn", None, None),
    ("china", "Zhipao", 1000, "cn", None, None),
    ("china", "Sportage(KX5)", 900, "cn", None, None),
    ("china", "KX7", 0, "cn", None, _E22),
    ("china", "Carnival", 150, "cn", None, None),
    ("china", "Sonet", 700, "cn", (2024, 3), None),
    ("china", "Seltos", 300, "cn", None, None),
    ("china", "EV5", 1400, "cn", (2023, 11), None),
    ("india", "Sonet", 9800, "in", None, None),
    ("india", "Seltos", 9700, "in", None, None),
    ("india", "Carens MPV", 6000, "in", None, None),
    ("india", "Carnival (CKD)", 520, "in", None, (2023, 3)),
    ("india", "Syros", 5000, "in", (2025, 2), None),
    ("hmgics", "Niro EV", 15, "sg", (2025, 1), None),
    ("ckd", "Morning / Picanto", 110, "ckd", None, None),
    ("ckd", "Pegas", 30, "ckd", None, None),
    ("ckd", "K3", 60, "ckd", None, None),
    ("ckd", "K5 / Optima", 20, "ckd", None, None),
    ("ckd", "K7, K8 / Cadenza", 0, "ckd", None, _E22),
    ("ckd", "Sonet", 1500, "ckd", None, None),
    ("ckd", "Stonic", 130, "ckd", None, None),
    ("ckd", "Seltos", 420, "ckd", None, None),
    ("ckd", "Niro", 0, "ckd", None, _E22),
    ("ckd", "EV6", 10, "ckd", (2024, 4), None),
    ("ckd", "Sportage", 560, "ckd", None, None),
    ("ckd", "Sorento", 140, "ckd", None, None),
    ("ckd", "New Carens", 0, "ckd", None, _E22),
    ("ckd", "Carens MPV", 170, "ckd", None, None),
    ("ckd", "Carnival / Sedona", 360, "ckd", None, None),
    ("ckd", "Tasman (CKD)", 80, "ckd", (2025, 7), None),
    ("ckd", "Bongo / Frontier", 560, "ckd", None, None),
    ("special", "Bongo", 9, "ckd", None, None),
    ("special", "Millitary", 2, "ckd", None, None),
    ("special", "Bongo (CKD)", 80, "ckd", None, None),
    ("special", "Millitary (CKD)", 1, "ckd", None, None),
    ("special", "Bus (CKD)", 12, "ckd", None, None),
)

# Kia sales by model (Korean production): (model, vehicle type, trade, level,
# launch, end, car category for the region table)
_OV, _SV = "Ordinary Vehicle", "Special Vehicle"
_DOM, _EXP, _CKD = "Domestic", "Export(excl CKD)", "CKD"
K_SALES: tuple[
    tuple[str, str, str, float, tuple[int, int] | None, tuple[int, int] | None, str], ...
] = (
    ("Morning", _OV, _DOM, 2100, None, None, "PC"),
    ("Ray", _OV, _DOM, 4200, None, None, "PC"),
    ("K3", _OV, _DOM, 1050, None, (2024, 12), "PC"),
    ("K5", _OV, _DOM, 3000, None, None, "PC"),
    ("K7 / K8", _OV, _DOM, 3700, None, None, "PC"),
    ("K9", _OV, _DOM, 280, None, None, "PC"),
    ("Stinger", _OV, _DOM, 250, None, (2023, 4), "PC"),
    ("Niro", _OV, _DOM, 1900, None, None, "RV"),
    ("Niro Plus", _OV, _DOM, 120, None, (2024, 6), "RV"),
    ("EV3", _OV, _DOM, 1800, (2024, 7), None, "RV"),
    ("EV4", _OV, _DOM, 700, (2025, 3), None, "PC"),
    ("EV6", _OV, _DOM, 1000, None, None, "RV"),
    ("EV9", _OV, _DOM, 650, (2023, 6), None, "RV"),
    ("Seltos", _OV, _DOM, 3900, None, None, "RV"),
    ("Sportage", _OV, _DOM, 6400, None, None, "RV"),
    ("Sorento", _OV, _DOM, 7400, None, None, "RV"),
    ("Mohave", _OV, _DOM, 500, None, (2024, 12), "RV"),
    ("Carnival", _OV, _DOM, 6900, None, None, "RV"),
    ("Tasman", _OV, _DOM, 900, (2025, 2), None, "CV"),
    ("PV5", _OV, _DOM, 700, (2025, 7), None, "CV"),
    ("Bongo", _OV, _DOM, 5600, None, None, "CV"),
    ("Bus", _OV, _DOM, 80, None, None, "CV"),
    ("Bongo", _SV, _DOM, 900, None, None, "SV"),
    ("Bus", _SV, _DOM, 25, None, None, "SV"),
    ("Military", _SV, _DOM, 280, None, None, "SV"),
    ("Tasman", _SV, _DOM, 60, (2025, 4), None, "SV"),
    ("Morning / Picanto", _OV, _EXP, 6800, None, None, "PC"),
    ("Pride / Rio", _OV, _EXP, 4700, None, (2025, 6), "PC"),
    ("K3", _OV, _EXP, 1100, None, (2025, 3), "PC"),
    ("K5 / Optima", _OV, _EXP, 2400, None, None, "PC"),
    ("K7 / K8 / Cadenza", _OV, _EXP, 180, None, None, "PC"),
    ("K9", _OV, _EXP, 25, None, None, "PC"),
    ("Stinger", _OV, _EXP, 900, None, (2023, 6), "PC"),
    ("Niro", _OV, _EXP, 9800, None, None, "RV"),
    ("Niro Plus", _OV, _EXP, 1100, None, (2024, 6), "RV"),
    ("EV3", _OV, _EXP, 4300, (2024, 8), None, "RV"),
    ("EV4", _OV, _EXP, 1900, (2025, 4), None, "PC"),
    ("EV5", _OV, _EXP, 300, (2025, 7), None, "RV"),
    ("EV6", _OV, _EXP, 4300, None, None, "RV"),
    ("EV9", _OV, _EXP, 3300, (2023, 5), None, "RV"),
    ("Seltos", _OV, _EXP, 7200, None, None, "RV"),
    ("Soul", _OV, _EXP, 5700, None, (2025, 2), "RV"),
    ("Stonic", _OV, _EXP, 5800, None, None, "RV"),
    ("Sportage", _OV, _EXP, 7300, None, None, "RV"),
    ("Sorento", _OV, _EXP, 7600, None, None, "RV"),
    ("Mohave / Borrego", _OV, _EXP, 25, None, None, "RV"),
    ("Carnival / Sedona", _OV, _EXP, 6400, None, None, "RV"),
    ("New Carens", _OV, _EXP, 0, None, _E22, "RV"),
    ("Tasman", _OV, _EXP, 900, (2025, 4), None, "CV"),
    ("PV5", _OV, _EXP, 500, (2025, 8), None, "CV"),
    ("Bongo", _OV, _EXP, 2600, None, None, "CV"),
    ("Bus", _OV, _EXP, 5, None, None, "CV"),
    ("Bongo", _SV, _EXP, 10, None, None, "SV"),
    ("Military", _SV, _EXP, 40, None, None, "SV"),
    ("Morning / Picanto", _OV, _CKD, 110, None, None, "CKD"),
    ("K3", _OV, _CKD, 60, None, None, "CKD"),
    ("K5 / Optima", _OV, _CKD, 20, None, None, "CKD"),
    ("Seltos", _OV, _CKD, 420, None, None, "CKD"),
    ("Stonic", _OV, _CKD, 130, None, None, "CKD"),
    ("Sportage", _OV, _CKD, 560, None, None, "CKD"),
    ("Sorento", _OV, _CKD, 140, None, None, "CKD"),
    ("Carnival / Sedona", _OV, _CKD, 360, None, None, "CKD"),
    ("Bongo", _OV, _CKD, 560, None, None, "CKD"),
    ("Bongo", _SV, _CKD, 80, None, None, "CKDSV"),
    ("Military", _SV, _CKD, 1, None, None, "CKDSV"),
    ("Bus", _SV, _CKD, 12, None, None, "CKDSV"),
)

K_REGION_CARS: tuple[tuple[str, str], ...] = (
    ("PC", "Passenger Car"),
    ("RV", "Recreational Vehicle"),
    ("CV", "Commercial Vehicle"),
    ("SV", "Special Vehicle"),
    ("CKD", "CKD(excl, Special Vehicle)"),
    ("CKDSV", "CKD(Special Vehicle)"),
)
K_REGIONS = (
    "US",
    "Canada",
    "Mexico",
    "EU+EFTA",
    "E.Europe/CIS",
    "Latin America",
    "Middle East/Africa",
    "Asia / Pacific",
    "India",
    "China",
)
# region shares per car category (same order as K_REGIONS)
K_REGION_WEIGHTS: dict[str, tuple[float, ...]] = {
    "PC": (30, 5, 3, 28, 6, 6, 12, 9, 0.3, 0.7),
    "RV": (45, 9, 1.5, 20, 5, 4, 9, 6, 0.2, 0.3),
    "CV": (0, 0, 0, 1, 6, 25, 40, 28, 0, 0),
    "SV": (0, 0, 0, 0, 5, 20, 50, 25, 0, 0),
    "CKD": (0, 0, 0, 0, 18, 8, 22, 20, 32, 0),
    "CKDSV": (0, 0, 0, 0, 10, 40, 30, 20, 0, 0),
}


# ---------------------------------------------------------------------------
# generation context
# ---------------------------------------------------------------------------


@dataclass
class _Ctx:
    out: Path
    seed: int
    scale: float
    variants: int
    progress: ProgressFn | None

    def tick(self, step: str, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress(step, done, total)

    def rel(self, path: Path) -> str:
        return path.relative_to(self.out).as_posix()


def _variant_labels(label: str, n: int, vary: bool) -> list[str]:
    if not vary:
        return [label]
    return [_variant_label(label, k) for k in range(n)]


def _model_block(
    ctx: _Ctx,
    key: tuple[object, ...],
    model: M,
    year: int,
    season: np.ndarray,
    reported: int,
    trend: float = 1.0,
) -> tuple[list[str], np.ndarray]:
    n = ctx.variants if model.vary else 1
    rng = _rng(ctx.seed, *key)
    mat = _volumes(rng, model.level, year, model, season, n, reported, trend=trend)
    return _variant_labels(model.label, n, model.vary), mat


# --- Hyundai ----------------------------------------------------------------

_H_YEAR_TREND = {2023: 1.0, 2024: 0.985, 2025: 0.995}


def _h_sales_by_model(ctx: _Ctx, year: int) -> tuple[Path, np.ndarray]:
    """Returns the path and the monthly export total (for the region file)."""
    path = ctx.out / "raw" / "hyundai" / f"hmc-sales-by-model-december-y{year}.csv"
    step = ctx.rel(path)
    rep = REPORTED_MONTHS[year]
    fmt = _fmt("hyundai")
    blocks = [
        ("Domestic", m, SEASON["kr"]) for m in H_DOMESTIC if _active_in(year, m.launch, m.end)
    ]
    blocks += [
        ("Export", m, SEASON["export"]) for m in H_EXPORT if _active_in(year, m.launch, m.end)
    ]
    export_total = np.zeros(12, dtype=np.int64)
    ctx.tick(step, 0, len(blocks))
    with _Writer(path, trailing_newline=False) as w:
        w.lines(["Model,Vehicle Type,Sales Type," + ",".join(H_MONTHS)])
        for i, (trade, m, season) in enumerate(blocks):
            labels, mat = _model_block(
                ctx, ("h-model", year, trade, m.label), m, year, season, rep, _H_YEAR_TREND[year]
            )
            if trade == "Export":
                export_total += mat.sum(axis=0)
            rows = fmt.rows(mat)
            prefix = f",{m.vtype},{trade},"
            w.lines(
                [
                    _csv_field(lab) + prefix + ",".join(r)
                    for lab, r in zip(labels, rows, strict=True)
                ]
            )
            ctx.tick(step, i + 1, len(blocks))
    return path, export_total


_BHMC_PAD = (21, 21, 20, 21, 22, 22, 22, 22, 22, 22, 22, 20)


def _h_plant_sales(ctx: _Ctx, year: int) -> Path:
    path = ctx.out / "raw" / "hyundai" / f"hmc-global-plant-sales-december-y{year}.csv"
    step = ctx.rel(path)
    rep = REPORTED_MONTHS[year]
    fmt = _fmt("hyundai")
    # (plant, label, sales type, model, season)
    rows: list[tuple[str, str, M, np.ndarray]] = []
    for plant, skey, models in H_PLANTS:
        for label, trade, level, launch, end in models:
            if _active_in(year, launch, end):
                rows.append((plant, trade, M(label, level, launch, end), SEASON[skey]))
    for plant, label, trade, level, skey in H_PLANT_TAIL:
        rows.append((plant, trade, M(label, level, vary=False), SEASON[skey]))
    for label, level, launch, end in H_VIETNAM:
        if _active_in(year, launch, end):
            rows.append(
                (
                    "Vietnam",
                    "Domestic",
                    M(
                        label,
                        level,
                        launch,
                        end,
                        vtype="CV" if "Truck" in label else "",
                        vary=label != "Truck",
                    ),
                    SEASON["export"],
                )
            )
    for label, trade, level, launch in H_SINGAPORE:
        rows.append(("Singapore", trade, M(label, level, launch), SEASON["flat"]))
    for label, level in H_CKD:
        rows.append(("CKD", "Total", M(label, level, vtype="CV", vary=False), SEASON["export"]))
    pads = [" " * p + "- " for p in _BHMC_PAD]
    ctx.tick(step, 0, len(rows))
    with _Writer(path, trailing_newline=False) as w:
        w.lines(["Overseas Plants,Model,Sales Type," + ",".join(H_MONTHS)])
        for i, (plant, trade, m, season) in enumerate(rows):
            labels, mat = _model_block(
                ctx,
                ("h-plant", year, plant, trade, m.label),
                m,
                year,
                season,
                rep,
                _H_YEAR_TREND[year],
            )
            cells = fmt.rows(mat)
            if plant == "BHMC":
                cells = [[pads[j] if c == " - " else c for j, c in enumerate(r)] for r in cells]
            w.lines(
                [
                    f"{plant},{_csv_field(lab)},{trade}," + ",".join(r)
                    for lab, r in zip(labels, cells, strict=True)
                ]
            )
            ctx.tick(step, i + 1, len(rows))
    return path


def _h_export_by_region(ctx: _Ctx, year: int, export_total: np.ndarray) -> Path:
    """Splits the monthly export total of the model file across regions, so the
    region file sums to the same monthly totals as the model file's Export rows."""
    path = ctx.out / "raw" / "hyundai" / f"hmc-export-by-region-december-y{year}.csv"
    step = ctx.rel(path)
    rng = _rng(ctx.seed, "h-region", year)
    base = np.array([s for _, _, s in H_REGIONS])
    p_year = rng.dirichlet(base / base.sum() * 800)
    mat = np.zeros((len(H_REGIONS), 12), dtype=np.int64)
    for mth in range(12):
        p = rng.dirichlet(p_year * 3000)
        mat[:, mth] = rng.multinomial(int(export_total[mth]), p)
    fmt = _fmt("hyundai")
    ctx.tick(step, 0, 1)
    with _Writer(path, trailing_newline=False) as w:
        w.lines(["Region,Continent," + ",".join(H_MONTHS)])
        w.lines(
            [
                f"{reg},{cont}," + ",".join(r)
                for (reg, cont, _), r in zip(H_REGIONS, fmt.rows(mat), strict=True)
            ]
        )
    ctx.tick(step, 1, 1)
    return path


def _h_eu_retail(ctx: _Ctx, year: int) -> Path:
    path = ctx.out / "raw" / "hyundai" / f"hmc-eu-retail-sales-december-y{year}.csv"
    step = ctx.rel(path)
    rep = REPORTED_MONTHS[year]
    fmt = _fmt("hyundai")
    models = [m for m in H_EU_RETAIL if _active_in(year, m.launch, m.end)]
    ctx.tick(step, 0, len(models))
    with _Writer(path, trailing_newline=False) as w:
        w.lines(["Models,Vehicle Type," + ",".join(H_MONTHS)])
        for i, m0 in enumerate(models):
            m = (
                m0
                if m0.vtype != "Light CV"
                else M(m0.label, m0.level, m0.launch, m0.end, m0.vtype, vary=False)
            )
            labels, mat = _model_block(ctx, ("h-eu", year, m.label), m, year, SEASON["eu"], rep)
            w.lines(
                [
                    f"{_csv_field(lab)},{m.vtype}," + ",".join(r)
                    for lab, r in zip(labels, fmt.rows(mat), strict=True)
                ]
            )
            ctx.tick(step, i + 1, len(models))
    return path


# --- Kia --------------------------------------------------------------------

_K_YEAR_TREND = {2023: 1.0, 2024: 1.01, 2025: 1.03}


def _k_encoding(kind: str, year: int) -> tuple[str, bool]:
    """(encoding, bom) per Kia file: exercise encoding detection."""
    if kind == "retail" and year == 2024:
        return "cp949", False
    if kind == "plant" and year == 2024:
        return "utf-8", True
    return "utf-8", False


def _k_plant_sales(ctx: _Ctx, year: int) -> Path:
    path = ctx.out / "raw" / "kia" / f"기아_{year}년_해외공장판매실적.csv"
    step = ctx.rel(path)
    rep = REPORTED_MONTHS[year]
    enc, bom = _k_encoding("plant", year)
    rows = [
        (plant, code, skey, M(label, level, launch, end))
        for plant, code, skey, models in K_PLANTS
        for label, level, launch, end in models
        if _active_in(year, launch, end)
    ]
    ctx.tick(step, 0, len(rows))
    with _Writer(path, encoding=enc, bom=bom) as w:
        w.lines(["Plant,Plant Code,Model," + ",".join(K_MONTHS)])
        for i, (plant, code, skey, m) in enumerate(rows):
            labels, mat = _model_block(
                ctx,
                ("k-plant", year, code, m.label),
                m,
                year,
                SEASON[skey],
                rep,
                _K_YEAR_TREND[year],
            )
            # months not reported yet, and months after the end of production, are blank
            blank_from = rep
            if m.end is not None and m.end[0] == year:
                blank_from = min(rep, m.end[1])
            lines = []
            for lab, r in zip(labels, mat.tolist(), strict=True):
                cells = [str(v) for v in r[:blank_from]] + [""] * (12 - blank_from)
                lines.append(f"{plant},{code},{_csv_field(lab)}," + ",".join(cells))
            w.lines(lines)
            ctx.tick(step, i + 1, len(rows))
    return path


def _k_retail(ctx: _Ctx, year: int) -> Path:
    path = ctx.out / "raw" / "kia" / f"기아_{year}년_해외현지판매.csv"
    step = ctx.rel(path)
    rep = REPORTED_MONTHS[year]
    enc, bom = _k_encoding("retail", year)
    season_of = {
        "korea": "export",
        "slovakia": "eu",
        "mexico": "us",
        "russia": "flat",
        "us": "us",
        "china": "cn",
        "india": "in",
        "hmgics": "flat",
        "ckd": "flat",
        "special": "flat",
    }
    # generate the whole year first (month is the outer loop of the file)
    blocks: list[tuple[str, str, list[str], np.ndarray]] = []
    for group, label, level, profile, launch, end in K_RETAIL:
        gname = K_GROUP_NAMES[group][year]
        if gname is None or not _active_in(year, launch, end):
            continue
        m = M(label, level, launch, end)
        key = ("k-retail", year, group, label)
        labels, tot = _model_block(
            ctx, key, m, year, SEASON[season_of[group]], rep, _K_YEAR_TREND[year]
        )
        rng = _rng(ctx.seed, *key, "markets")
        w0 = np.asarray(_KW[profile], dtype=float)
        p = np.zeros_like(w0)
        nz = w0 > 0
        p[nz] = rng.dirichlet(w0[nz] / w0[nz].sum() * 60)
        mk = rng.multinomial(tot, p)  # (variants, 12, 11)
        if group in K_TOTAL_FIRST_GROUPS:
            mk[..., 0] = mk[..., 1:].sum(axis=-1)
        blocks.append((group, gname, labels, mk))
    ctx.tick(step, 0, rep)
    with _Writer(path, encoding=enc, bom=bom) as w:
        w.lines(["Model,Plant,Month," + ",".join(K_MARKETS)])
        for mth in range(rep):
            word = K_MONTH_WORDS[mth]
            lines: list[str] = []
            for group, gname, labels, mk in blocks:
                vals = mk[:, mth, :].tolist()
                blank_europe = group in K_TOTAL_FIRST_GROUPS
                blank_mexico = group in K_MEXICO_BLANK_GROUPS
                for lab, r in zip(labels, vals, strict=True):
                    cells = [str(v) for v in r]
                    if blank_europe:
                        cells[3] = ""
                    if blank_mexico and r[2] == 0:
                        cells[2] = ""
                    lines.append(f"{_csv_field(lab)},{_csv_field(gname)},{word}," + ",".join(cells))
            w.lines(lines)
            ctx.tick(step, mth + 1, rep)
    return path


def _k_sales_by_model(ctx: _Ctx, year: int) -> tuple[Path, dict[str, np.ndarray]]:
    """Returns the path and monthly export/CKD totals per region-table category."""
    path = ctx.out / "raw" / "kia" / f"kia-sales-by-model-{year}.csv"
    step = ctx.rel(path)
    rep = REPORTED_MONTHS[year]
    fmt = _fmt("kia_sales")
    rows = [r for r in K_SALES if _active_in(year, r[4], r[5])]
    cat_totals = {code: np.zeros(12, dtype=np.int64) for code, _ in K_REGION_CARS}
    ctx.tick(step, 0, len(rows))
    with _Writer(path) as w:
        w.lines(["Model,Vehicle Type,Trade," + ",".join(K_MONTHS)])
        for i, (label, vtype, trade, level, launch, end, cat) in enumerate(rows):
            shown = "Millitary" if (label == "Military" and year == 2023) else label
            m = M(shown, level, launch, end, vtype="CV" if cat in ("CV", "SV", "CKDSV") else "")
            season = SEASON["kr"] if trade == _DOM else SEASON["export"]
            labels, mat = _model_block(
                ctx,
                ("k-sales", year, vtype, trade, label),
                m,
                year,
                season,
                rep,
                _K_YEAR_TREND[year],
            )
            if trade != _DOM:
                cat_totals[cat] += mat.sum(axis=0)
            prefix = f",{vtype},{trade},"
            w.lines(
                [
                    _csv_field(lab) + prefix + ",".join(r)
                    for lab, r in zip(labels, fmt.rows(mat), strict=True)
                ]
            )
            ctx.tick(step, i + 1, len(rows))
    return path, cat_totals


def _k_export_by_region(ctx: _Ctx, year: int, cat_totals: dict[str, np.ndarray]) -> Path:
    """Exports by car category and region; ``Total`` rows are exact subtotals."""
    path = ctx.out / "raw" / "kia" / f"kia-export-by-region-{year}.csv"
    step = ctx.rel(path)
    rep = REPORTED_MONTHS[year]
    rng = _rng(ctx.seed, "k-region", year)
    fmt = _fmt("kia_region")
    details: list[tuple[str, str, list[int]]] = []
    total = np.zeros((len(K_REGIONS), 12), dtype=np.int64)
    for code, car in K_REGION_CARS:
        w0 = np.asarray(K_REGION_WEIGHTS[code], dtype=float)
        nz = w0 > 0
        p = np.zeros_like(w0)
        p[nz] = rng.dirichlet(w0[nz] / w0[nz].sum() * 400)
        mat = np.zeros((len(K_REGIONS), 12), dtype=np.int64)
        for mth in range(12):
            mat[:, mth] = rng.multinomial(int(cat_totals[code][mth]), p)
        total += mat
        for reg, row in zip(K_REGIONS, mat, strict=True):
            details.append((car, reg, row.tolist()))
    for reg, row in zip(K_REGIONS, total, strict=True):
        details.append(("Total", reg, row.tolist()))
    ctx.tick(step, 0, 1)
    with _Writer(path) as w:
        w.lines(["Car,Region," + ",".join(K_MONTHS)])
        lines = []
        for car, reg, vals in details:
            cells = [fmt.fn(v) for v in vals[:rep]] + [""] * (12 - rep)
            lines.append(f"{_csv_field(car)},{reg}," + ",".join(cells))
        w.lines(lines)
    ctx.tick(step, 1, 1)
    return path


# ---------------------------------------------------------------------------
# customers
# ---------------------------------------------------------------------------

H_CUSTOMER_HEADER = ",".join(
    (
        "이름",
        "생년월일",
        "연령",
        "성별",
        "휴대폰번호",
        "이메일",
        "주소",
        "아이디",
        "가입일",
        "차량구분",
        "구매한 제품",
        "친환경차",
        "제품 구매 날짜",
        "거래 금액",
        "거래방식",
        "제품구매빈도",
        "제품구매경로",
        "제품출시년월",
        "국가",
        "고객 세그먼트",
        "Cluster",
    )
)
K_CUSTOMER_HEADER = ",".join(
    (
        "생년월일",
        "연령",
        "성별",
        "휴대폰번호",
        "이메일",
        "주소",
        "아이디",
        "가입일",
        "차량구분",
        "구매한제품",
        "친환경차",
        "제품구매날짜",
        "거래금액",
        "거래방식",
        "제품구매빈도",
        "제품구매경로",
        "제품출시년월",
        "국가",
        "고객세그먼트",
        "Cluster",
    )
)

CUSTOMER_MARKETS = (
    "대한민국",
    "미국",
    "캐나다",
    "멕시코",
    "서유럽",
    "동유럽",
    "아시아",
    "중남미",
    "중동아프리카",
)
_MARKET_P = np.array([1.5, 1, 1, 1, 1, 1, 1, 1, 1]) / 9.5

# (product label, weight, vehicle class, eco-friendly, min price, max price (KRW), launch)
H_PRODUCTS: tuple[tuple[str, float, str, bool, int, int, str], ...] = (
    ("Avante", 105, "준중형 세단", False, 19_600_000, 28_700_000, "2020-04"),
    ("Avante (CN7 HEV)", 12, "준중형 세단", True, 25_000_000, 31_500_000, "2020-07"),
    ("Avante (CN7 N)", 30, "준중형 세단", False, 33_000_000, 38_500_000, "2021-07"),
    ("Elantra", 85, "준중형 세단", False, 22_000_000, 30_500_000, "2020-10"),
    ("Accent", 90, "소형 해치백", False, 18_000_000, 24_500_000, "2018-01"),
    ("i20", 85, "소형 해치백", False, 19_000_000, 26_000_000, "2020-09"),
    ("i30 (PD)", 10, "준중형 해치백", False, 25_000_000, 32_000_000, "2017-03"),
    ("IONIQ (AE EV)", 5, "준중형 해치백", True, 41_000_000, 46_000_000, "2016-01"),
    ("Sonata (DN8)", 40, "중형 세단", False, 28_000_000, 37_500_000, "2019-03"),
    ("Grandeur", 90, "준대형 세단", False, 37_000_000, 55_000_000, "2022-11"),
    ("Grandeur (GN7 HEV)", 15, "준대형 세단", True, 42_000_000, 56_000_000, "2022-11"),
    ("Ioniq 6", 100, "중형 세단", True, 50_000_000, 65_000_000, "2022-09"),
    ("IONIQ 6 (CE)", 8, "중형 세단", True, 50_000_000, 65_000_000, "2022-09"),
    ("G70 (IK)", 55, "중형 세단", False, 43_000_000, 56_000_000, "2017-09"),
    ("G80", 90, "준대형 세단", False, 56_000_000, 80_000_000, "2020-03"),
    ("G80 (RG3)", 40, "준대형 세단", False, 56_000_000, 80_000_000, "2020-03"),
    ("G90 (RS4)", 6, "대형 세단", False, 95_000_000, 160_000_000, "2021-12"),
    ("Venue", 95, "준중형 SUV", False, 19_000_000, 26_000_000, "2019-07"),
    ("Kona", 80, "준중형 SUV", True, 26_000_000, 47_000_000, "2023-01"),
    ("Tucson", 95, "준중형 SUV", False, 28_000_000, 40_000_000, "2020-09"),
    ("Tucson (NX4 PHEV)", 8, "준중형 SUV", True, 39_000_000, 46_000_000, "2021-05"),
    ("Santa Fe", 75, "중형 SUV", False, 35_000_000, 48_000_000, "2023-08"),
    ("Santa-Fe ™", 50, "중형 SUV", False, 35_000_000, 48_000_000, "2023-08"),
    ("Santa-Fe (MX5 PHEV)", 6, "중형 SUV", True, 46_000_000, 55_000_000, "2024-03"),
    ("Palisade (LX2)", 25, "대형 SUV", False, 40_000_000, 60_000_000, "2018-12"),
    ("GV70", 95, "중형 SUV", False, 50_000_000, 75_000_000, "2020-12"),
    ("GV80", 40, "준대형 SUV", False, 66_000_000, 95_000_000, "2020-01"),
    ("NEXO", 60, "중형 SUV", True, 69_000_000, 73_000_000, "2018-03"),
    ("NEXO (FE)", 30, "중형 SUV", True, 69_000_000, 73_000_000, "2018-03"),
    ("Porter", 30, "픽업트럭", False, 19_000_000, 25_500_000, "2004-01"),
    ("Santa Cruz", 25, "픽업트럭", False, 38_000_000, 52_000_000, "2021-07"),
    # Kia models that show up in the Hyundai file (as in the original data)
    ("K5", 12, "중형 세단", False, 27_000_000, 36_000_000, "2019-12"),
    ("EV6", 12, "중형 SUV", True, 48_000_000, 65_000_000, "2021-08"),
    ("Sorento", 10, "중형 SUV", False, 35_000_000, 48_000_000, "2020-03"),
    ("Sportage", 10, "준중형 SUV", False, 27_000_000, 38_000_000, "2021-07"),
)

K_PRODUCTS: tuple[tuple[str, float, str, bool, int, int, str], ...] = (
    ("K4", 150, "준중형 세단", False, 22_000_000, 30_000_000, "2024-07"),
    ("Optima / K5", 125, "중형 세단", False, 27_000_000, 36_000_000, "2019-12"),
    ("K5", 25, "중형 세단", False, 27_000_000, 36_000_000, "2023-11"),
    ("Rio(pride)", 115, "소형 해치백", False, 17_000_000, 23_000_000, "2017-03"),
    ("Carnival", 110, "대형 SUV", False, 35_000_000, 55_000_000, "2020-08"),
    ("Seltos", 75, "준중형 SUV", False, 21_000_000, 30_000_000, "2019-07"),
    ("C'eed", 70, "준중형 해치백", False, 25_000_000, 33_000_000, "2018-06"),
    ("C'eed CUV", 58, "준중형 SUV", False, 29_000_000, 38_000_000, "2021-09"),
    ("K3", 68, "준중형 세단", False, 18_500_000, 27_000_000, "2018-03"),
    ("KX3", 68, "준중형 SUV", False, 16_000_000, 24_000_000, "2019-10"),
    ("EV5", 68, "중형 SUV", True, 40_000_000, 55_000_000, "2023-11"),
    ("Pegas", 66, "소형 해치백", False, 11_000_000, 16_000_000, "2017-08"),
    ("Syros", 66, "준중형 SUV", False, 15_000_000, 23_000_000, "2025-02"),
    ("Forte", 62, "준중형 세단", False, 17_000_000, 25_000_000, "2018-10"),
    ("Carens MPV", 62, "중형 SUV", False, 18_000_000, 27_000_000, "2022-02"),
    ("Telluride", 60, "대형 SUV", False, 48_000_000, 68_000_000, "2019-01"),
    ("K2", 60, "소형 해치백", False, 11_000_000, 15_000_000, "2017-03"),
    ("KX1", 60, "준중형 SUV", False, 13_000_000, 18_000_000, "2018-05"),
    ("EV6", 58, "중형 SUV", True, 48_000_000, 65_000_000, "2021-08"),
    ("KX7", 58, "준대형 SUV", False, 33_000_000, 45_000_000, "2017-09"),
    ("Cerato", 58, "준중형 세단", False, 16_000_000, 22_000_000, "2012-06"),
    ("Sonet", 58, "준중형 SUV", False, 15_000_000, 24_000_000, "2020-09"),
    ("Sorento", 57, "중형 SUV", False, 35_000_000, 48_000_000, "2020-03"),
    ("EV9", 57, "대형 SUV", True, 73_000_000, 88_000_000, "2023-06"),
    ("Zhipao", 56, "중형 SUV", False, 25_000_000, 35_000_000, "2014-04"),
    ("KX5", 54, "중형 SUV", False, 26_000_000, 36_000_000, "2016-07"),
    ("Sportage", 53, "준중형 SUV", False, 27_000_000, 38_000_000, "2021-07"),
    ("EV3", 40, "준중형 SUV", True, 39_000_000, 48_000_000, "2024-07"),
    ("Tasman", 30, "픽업트럭", False, 37_000_000, 55_000_000, "2025-02"),
)

_FIRST_A = (
    "Ja",
    "Ma",
    "Ro",
    "Da",
    "Ke",
    "Li",
    "Be",
    "Sa",
    "Ca",
    "Jo",
    "Ni",
    "El",
    "An",
    "Ar",
    "Ty",
    "Le",
    "Mi",
    "Ra",
    "Al",
    "Bri",
    "Ev",
    "Ha",
    "Lu",
    "Te",
)
_FIRST_B = (
    "son",
    "ra",
    "den",
    "lyn",
    "ron",
    "na",
    "vin",
    "ley",
    "mes",
    "nie",
    "la",
    "rick",
    "ton",
    "dra",
    "cy",
    "ren",
    "lie",
    "mond",
    "ry",
    "nor",
    "die",
    "an",
    "sa",
    "ton",
)
_LAST_A = (
    "Har",
    "Whit",
    "Cal",
    "Mor",
    "Bran",
    "Ash",
    "Fen",
    "Hol",
    "Kel",
    "Mar",
    "Pen",
    "Ros",
    "Stan",
    "Thorn",
    "Wel",
    "Dal",
    "Gar",
    "Lin",
    "Nor",
    "Bar",
    "Cor",
    "Ed",
    "Fair",
    "Gil",
)
_LAST_B = (
    "ley",
    "ton",
    "ford",
    "wick",
    "son",
    "man",
    "den",
    "field",
    "by",
    "well",
    "ing",
    "ridge",
    "wood",
    "er",
    "dale",
    "ham",
    "more",
    "lock",
    "stead",
    "ell",
    "ston",
    "worth",
)
_KR_SYL = (
    "min",
    "seo",
    "jun",
    "ji",
    "hye",
    "woo",
    "yeon",
    "su",
    "ha",
    "eun",
    "jae",
    "hyun",
    "sol",
    "na",
    "young",
    "dong",
    "gyu",
    "in",
    "ho",
    "bin",
)
_KR_SURNAME = (
    "kim",
    "lee",
    "park",
    "choi",
    "jung",
    "kang",
    "cho",
    "yoon",
    "jang",
    "lim",
    "han",
    "oh",
    "seo",
    "shin",
    "kwon",
)
_EMAIL_DOMAINS = ("example.com", "example.net", "example.org", "mail.example.com", "example.co.kr")
_STREET_SUFFIX = (
    "Street",
    "Avenue",
    "Road",
    "Lane",
    "Drive",
    "Court",
    "Way",
    "Terrace",
    "Place",
    "Parkway",
    "Groves",
    "Estate",
    "Drives",
    "Crossing",
)
_CITY_SUFFIX = (
    "ville",
    "ton",
    "port",
    "field",
    "burg",
    "haven",
    "stad",
    "mouth",
    "side",
    "furt",
    "land",
    "view",
)
_CITY_PREFIX = (
    "",
    "",
    "",
    "",
    "East ",
    "West ",
    "North ",
    "South ",
    "Lake ",
    "Port ",
    "New ",
    "Fort ",
)
_US_STATES = (
    "AL",
    "AK",
    "AZ",
    "AR",
    "CA",
    "CO",
    "CT",
    "DE",
    "FL",
    "GA",
    "HI",
    "ID",
    "IL",
    "IN",
    "IA",
    "KS",
    "KY",
    "LA",
    "ME",
    "MD",
    "MA",
    "MI",
    "MN",
    "MS",
    "MO",
    "MT",
    "NE",
    "NV",
    "NH",
    "NJ",
    "NM",
    "NY",
    "NC",
    "ND",
    "OH",
    "OK",
    "OR",
    "PA",
    "RI",
    "SC",
    "SD",
    "TN",
    "TX",
    "UT",
    "VT",
    "VA",
    "WA",
    "WV",
    "WI",
    "WY",
)
_KR_REGIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("서울특별시", ("강남구", "종로구", "마포구", "송파구", "서초구", "영등포구")),
    ("부산광역시", ("해운대구", "동래구", "부산진구", "수영구")),
    ("대구광역시", ("수성구", "달서구", "중구")),
    ("인천광역시", ("연수구", "부평구", "남동구")),
    ("광주광역시", ("서구", "북구", "광산구")),
    ("대전광역시", ("서구", "유성구", "중구")),
    ("울산광역시", ("남구", "중구", "북구")),
    ("세종특별자치시", ("",)),
    ("경기도", ("성남시 분당구", "고양시 일산동구", "수원시 영통구", "용인시 수지구", "화성시")),
    ("강원도", ("춘천시", "원주시", "강릉시")),
    ("충청북도", ("청주시 상당구", "충주시")),
    ("충청남도", ("천안시 서북구", "아산시")),
    ("전라북도", ("전주시 완산구", "군산시")),
    ("전라남도", ("목포시", "여수시", "순천시")),
    ("경상북도", ("포항시 남구", "구미시", "경주시")),
    ("경상남도", ("창원시 성산구", "진주시", "김해시")),
    ("제주특별자치도", ("제주시", "서귀포시")),
)
_KR_ROADS = (
    "중앙로",
    "대학로",
    "시청로",
    "역전로",
    "문화로",
    "번영로",
    "평화로",
    "희망로",
    "산업로",
    "공원로",
    "테헤란로",
    "월드컵로",
    "충렬대로",
    "상무중앙로",
    "둔산대로",
    "나성북로",
)
_KR_ADDR = tuple(
    f"{p} {c} {r}".replace("  ", " ")
    for p, cities in _KR_REGIONS
    for c in cities
    for r in _KR_ROADS
)

# Address spellings that exercise the region parser (warehouse/region.py): short and
# current official 시·도 names, a postal-code prefix, APO/DPO military mail and garbage.
_KR_SIDO_VARIANTS = {
    "서울특별시": "서울",
    "부산광역시": "부산",
    "경상남도": "경남",
    "강원도": "강원특별자치도",
    "전라북도": "전북특별자치도",
    "세종특별자치시": "세종시",
}
_GARBAGE_ADDRESSES = ("", "주소 미상", "N/A", "-", "해외 거주", "12345", "???")


def _address_variant(
    brand: str, address: str, market: str, u: float, numbers: list[int], korean: str
) -> str:
    """A few customers' addresses respelled or replaced (`u` uniform in 0-1)."""
    a, b, zipc = numbers
    if u < 0.01:
        return _GARBAGE_ADDRESSES[a % len(_GARBAGE_ADDRESSES)]
    if brand == "hyundai":
        if market == "대한민국":
            return korean
        if u < 0.02:
            return f"PSC {a}, Box {b}, APO AE {zipc:05d}"
        if u < 0.03:
            return f"Unit {a} Box {b}, DPO AP {zipc:05d}"
        return address
    sido, _, rest = address.partition(" ")
    if u < 0.05 and sido in _KR_SIDO_VARIANTS:
        return f"{_KR_SIDO_VARIANTS[sido]} {rest}"
    if u < 0.06:
        return f"({zipc:05d}) {address}"
    return address


_DATE_ORIGIN = _dt.date(1950, 1, 1)
_DATE_TABLE: list[str] = []


def _date_strings() -> list[str]:
    if not _DATE_TABLE:
        n = (_dt.date(2027, 1, 1) - _DATE_ORIGIN).days
        _DATE_TABLE.extend((_DATE_ORIGIN + _dt.timedelta(days=i)).isoformat() for i in range(n))
    return _DATE_TABLE


def _day(y: int, m: int, d: int) -> int:
    return (_dt.date(y, m, d) - _DATE_ORIGIN).days


def _pick(rng: np.random.Generator, seq: Sequence[str], n: int) -> list[str]:
    idx = rng.integers(0, len(seq), size=n)
    return [seq[i] for i in idx.tolist()]


def _us_phones(rng: np.random.Generator, n: int) -> list[str]:
    kind = rng.integers(0, 6, size=n).tolist()
    a = rng.integers(201, 990, size=n).tolist()
    b = rng.integers(200, 999, size=n).tolist()
    c = rng.integers(0, 10000, size=n).tolist()
    x = rng.integers(100, 99999, size=n).tolist()
    out = []
    for k, aa, bb, cc, xx in zip(kind, a, b, c, x, strict=True):
        if k == 0:
            out.append(f"{aa}{bb}{cc:04d}")
        elif k == 1:
            out.append(f"+1-{aa}-{bb}-{cc:04d}x{xx}")
        elif k == 2:
            out.append(f"{aa}.{bb}.{cc:04d}")
        elif k == 3:
            out.append(f"001-{aa}-{bb}-{cc:04d}x{xx}")
        elif k == 4:
            out.append(f"({aa}){bb}-{cc:04d}")
        else:
            out.append(f"{aa}-{bb}-{cc:04d}")
    return out


def _customer_rows(rng: np.random.Generator, brand: str, n: int, uid: np.ndarray) -> list[str]:
    products = H_PRODUCTS if brand == "hyundai" else K_PRODUCTS
    dates = _date_strings()
    pw = np.array([p[1] for p in products], dtype=float)
    prod = rng.choice(len(products), size=n, p=pw / pw.sum())
    gender = rng.integers(0, 2, size=n)
    age = np.clip(np.rint(rng.normal(43, 11, size=n)), 20, 71).astype(int)
    birth = np.array([_day(2025 - a, 1, 1) for a in range(0, 80)])[age] + rng.integers(0, 365, n)
    # purchase date: 2023-01-01 .. 2025-12-31, not before the model launch
    lo_all = _day(2023, 1, 1)
    hi = _day(2025, 12, 31)
    lo = np.array([max(lo_all, _day(int(p[6][:4]), int(p[6][5:]), 1)) for p in products])[prod]
    purchase = lo + np.floor(rng.random(n) * (hi - lo + 1)).astype(int)
    signup = purchase - rng.integers(0, 420, size=n)
    pmin = np.array([p[4] for p in products], dtype=float)[prod]
    pmax = np.array([p[5] for p in products], dtype=float)[prod]
    amount = pmin + rng.random(n) * (pmax - pmin)
    if brand == "hyundai":
        amount = np.rint(amount / 10_000) * 10_000
    else:
        rounded = rng.random(n) < 0.4
        amount = np.where(rounded, np.rint(amount / 10_000) * 10_000, np.rint(amount))
    amount = amount.astype(np.int64).tolist()
    if brand == "hyundai":
        pay = ["현금", "계좌이체", "신용카드", "카드"]
        pay_p = [0.38, 0.28, 0.28, 0.06]
    else:
        pay = ["계좌이체", "신용카드", "현금"]
        pay_p = [0.35, 0.33, 0.32]
    pays = rng.choice(len(pay), size=n, p=pay_p).tolist()
    freq = (rng.choice(6, size=n, p=[0.46, 0.21, 0.15, 0.10, 0.055, 0.025]) + 1).tolist()
    online = rng.integers(0, 2, size=n).tolist()
    market = rng.choice(len(CUSTOMER_MARKETS), size=n, p=_MARKET_P).tolist()
    seg = rng.choice(4, size=n, p=[0.2, 0.34, 0.25, 0.21]).tolist()
    cluster = rng.choice(6, size=n, p=[0.15, 0.18, 0.17, 0.15, 0.14, 0.21]).tolist()
    cls_u = rng.random(n).tolist()
    email_dom = _pick(rng, _EMAIL_DOMAINS, n)
    uid_l = uid.tolist()
    prod_l = prod.tolist()
    birth_l = birth.tolist()
    purchase_l = purchase.tolist()
    signup_l = signup.tolist()
    age_l = age.tolist()
    gender_l = gender.tolist()

    if brand == "hyundai":
        fa, fb = _pick(rng, _FIRST_A, n), _pick(rng, _FIRST_B, n)
        la, lb = _pick(rng, _LAST_A, n), _pick(rng, _LAST_B, n)
        phones = _us_phones(rng, n)
        st_a, st_b = _pick(rng, _LAST_A, n), _pick(rng, _LAST_B, n)
        st_sfx = _pick(rng, _STREET_SUFFIX, n)
        c_pre, c_a, c_sfx = (
            _pick(rng, _CITY_PREFIX, n),
            _pick(rng, _FIRST_A, n),
            _pick(rng, _CITY_SUFFIX, n),
        )
        state = _pick(rng, _US_STATES, n)
        num = rng.integers(1, 99999, size=n).tolist()
        apt = rng.integers(-300, 999, size=n).tolist()
        zipc = rng.integers(501, 99950, size=n).tolist()
        mil = (rng.random(n) < 0.03).tolist()
        email_kind = rng.integers(0, 4, size=n).tolist()
    else:
        s1, s2 = _pick(rng, _KR_SYL, n), _pick(rng, _KR_SYL, n)
        sur = _pick(rng, _KR_SURNAME, n)
        kr_phone = (rng.random(n) < 0.35).tolist()
        us_ph = _us_phones(rng, n)
        mid = rng.integers(1000, 10000, size=n).tolist()
        end = rng.integers(0, 10000, size=n).tolist()
        addr = _pick(rng, _KR_ADDR, n)
        addr_no = rng.integers(1, 1200, size=n).tolist()
        yy = rng.integers(60, 100, size=n).tolist()
    # drawn last, so every other column keeps its values
    geo_u = rng.random(n).tolist()
    geo_numbers = rng.integers(1000, 10000, size=(n, 3)).tolist()
    geo_korean = _pick(rng, _KR_ADDR, n)

    lines: list[str] = []
    for i in range(n):
        p = products[prod_l[i]]
        cls = p[2]
        if brand == "hyundai" and "SUV" in cls:
            u = cls_u[i]
            if u < 0.004:
                cls = " " + cls.replace("SUV", "suv")
            elif u < 0.15:
                cls = cls.replace("SUV", "suv")
        elif brand == "hyundai" and cls == "중형 세단" and cls_u[i] < 0.003:
            cls = " 중형 세단"
        common = f"{dates[birth_l[i]]},{age_l[i]},{'남' if gender_l[i] == 0 else '여'},"
        tail = (
            f"{dates[signup_l[i]]},{cls},{_csv_field(p[0])},{p[3]},{dates[purchase_l[i]]},"
            f"{amount[i]},{pay[pays[i]]},{freq[i]},{'온라인' if online[i] else '오프라인'},"
            f"{p[6]},{CUSTOMER_MARKETS[market[i]]},{seg[i]},{cluster[i]}"
        )
        if brand == "hyundai":
            first = fa[i] + fb[i]
            last = la[i] + lb[i]
            ek = email_kind[i]
            if ek == 0:
                local = f"{first.lower()}{last.lower()}"
            elif ek == 1:
                local = f"{first[0].lower()}{last.lower()}"
            elif ek == 2:
                local = f"{last.lower()}{first.lower()}"
            else:
                local = f"{first.lower()}{uid_l[i] % 100}"
            email = f"{local}{uid_l[i]}@{email_dom[i]}"
            if mil[i]:
                address = f"USNS {last}, FPO AE {zipc[i]:05d}"
            else:
                apt_s = (
                    f" Apt. {apt[i]:03d}"
                    if apt[i] > 600
                    else (f" Suite {apt[i]}" if apt[i] > 450 else "")
                )
                address = (
                    f"{num[i]} {st_a[i]}{st_b[i]} {st_sfx[i]}{apt_s}, "
                    f"{c_pre[i]}{c_a[i]}{c_sfx[i]}, {state[i]} {zipc[i]:05d}"
                )
            address = _address_variant(
                brand,
                address,
                CUSTOMER_MARKETS[market[i]],
                geo_u[i],
                geo_numbers[i],
                f"{geo_korean[i]} {num[i] % 300 + 1}",
            )
            user = f"{first[0].lower()}{last.lower()}{uid_l[i]}"
            lines.append(f'{first} {last},{common}{phones[i]},{email},"{address}",{user},{tail}')
        else:
            phone = f"010-{mid[i]}-{end[i]:04d}" if kr_phone[i] else us_ph[i]
            email = f"{s1[i]}{s2[i]}.{sur[i]}{yy[i]}{uid_l[i]}@{email_dom[i]}"
            address = _address_variant(
                brand, f"{addr[i]} {addr_no[i]}", "", geo_u[i], geo_numbers[i], ""
            )
            lines.append(f"{common}{phone},{email},{address},user{uid_l[i]},{tail}")
    return lines


def _customers(ctx: _Ctx, brand: str) -> Path:
    name = "현대_고객데이터.csv" if brand == "hyundai" else "기아_고객데이터.csv"
    path = ctx.out / "customers" / name
    step = ctx.rel(path)
    n = customers_per_brand(ctx.scale)
    # unique, shuffled customer numbers (user ids, e-mail suffixes)
    uid = _rng(ctx.seed, "customers-uid", brand).permutation(n) + 100_000
    chunks = max(1, math.ceil(n / CUSTOMER_CHUNK))
    ctx.tick(step, 0, chunks)
    with _Writer(path) as w:
        w.lines([H_CUSTOMER_HEADER if brand == "hyundai" else K_CUSTOMER_HEADER])
        for c in range(chunks):
            lo, hi = c * CUSTOMER_CHUNK, min(n, (c + 1) * CUSTOMER_CHUNK)
            rng = _rng(ctx.seed, "customers", brand, c)
            w.lines(_customer_rows(rng, brand, hi - lo, uid[lo:hi]))
            ctx.tick(step, c + 1, chunks)
    return path


# ---------------------------------------------------------------------------
# external context tables
# ---------------------------------------------------------------------------

COMPETITOR_HEADER = "연도,국가명,모델명,판매량,차량 구분,브랜드,파워트레인"
# market -> (model, class, brand, powertrain, base annual volume)
_COMPETITORS: tuple[tuple[str, tuple[tuple[str, str, str, str, int], ...]], ...] = (
    (
        "Africa",
        (
            ("Toyota Hilux", "픽업", "Toyota", "내연기관", 36000),
            ("Ford Ranger", "픽업", "Ford", "내연기관", 26000),
            ("Volkswagen Polo Vivo", "컴팩트", "Volkswagen", "내연기관", 24000),
            ("Toyota Corolla Cross", "SUV", "Toyota", "하이브리드", 21000),
            ("Isuzu D-Max", "픽업", "Isuzu", "내연기관", 18000),
            ("Suzuki Swift", "해치백", "Suzuki", "내연기관", 15000),
        ),
    ),
    (
        "Asia Pacific",
        (
            ("Toyota Hilux", "픽업", "Toyota", "내연기관", 52000),
            ("Toyota RAV4", "SUV", "Toyota", "하이브리드", 44000),
            ("Ford Ranger", "픽업", "Ford", "내연기관", 47000),
            ("Perodua Myvi", "해치백", "Perodua", "내연기관", 60000),
            ("Perodua Bezza", "세단", "Perodua", "내연기관", 50000),
            ("Tesla Model Y", "SUV", "Tesla", "전기차", 30000),
        ),
    ),
    (
        "Canada",
        (
            ("Ford F-Series", "픽업", "Ford", "내연기관", 135000),
            ("Ram 1500", "픽업", "Ram", "내연기관", 85000),
            ("Toyota RAV4", "SUV", "Toyota", "하이브리드", 70000),
            ("Honda CR-V", "SUV", "Honda", "하이브리드", 55000),
            ("GMC Sierra", "픽업", "GMC", "내연기관", 60000),
            ("Chevrolet Silverado", "픽업", "Chevrolet", "내연기관", 58000),
        ),
    ),
    (
        "China",
        (
            ("BYD Song", "SUV", "BYD", "하이브리드", 600000),
            ("BYD Qin Plus", "세단", "BYD", "하이브리드", 450000),
            ("Tesla Model Y", "SUV", "Tesla", "전기차", 480000),
            ("Nissan Sylphy", "세단", "Nissan", "내연기관", 400000),
            ("Geely Xingyue L", "SUV", "Geely", "내연기관", 250000),
            ("Changan CS75", "SUV", "Changan", "내연기관", 240000),
        ),
    ),
    (
        "Europe",
        (
            ("Dacia Sandero", "해치백", "Dacia", "내연기관", 270000),
            ("Renault Clio", "해치백", "Renault", "내연기관", 230000),
            ("Volkswagen T-Roc", "SUV", "Volkswagen", "내연기관", 220000),
            ("Tesla Model Y", "SUV", "Tesla", "전기차", 230000),
            ("Peugeot 208", "해치백", "Peugeot", "내연기관", 210000),
            ("Toyota Yaris Cross", "SUV", "Toyota", "하이브리드", 200000),
            ("Kia Sportage", "SUV", "Kia", "하이브리드", 150000),
        ),
    ),
    (
        "Eastern Europe",
        (
            ("Dacia Duster", "SUV", "Dacia", "내연기관", 60000),
            ("Toyota Corolla", "세단", "Toyota", "하이브리드", 45000),
            ("Dacia Sandero", "해치백", "Dacia", "내연기관", 50000),
            ("Renault Clio", "해치백", "Renault", "내연기관", 30000),
            ("Hyundai Tucson", "SUV", "Hyundai", "하이브리드", 32000),
            ("Opel Corsa", "해치백", "Opel", "내연기관", 28000),
        ),
    ),
    (
        "India",
        (
            ("Maruti Suzuki Swift", "해치백", "Maruti Suzuki", "내연기관", 195000),
            ("Maruti Suzuki Wagon R", "해치백", "Maruti Suzuki", "내연기관", 200000),
            ("Tata Punch", "SUV", "Tata", "내연기관", 190000),
            ("Maruti Suzuki Baleno", "해치백", "Maruti Suzuki", "내연기관", 180000),
            ("Hyundai Creta", "SUV", "Hyundai", "내연기관", 175000),
            ("Tata Nexon", "SUV", "Tata", "내연기관", 165000),
        ),
    ),
    (
        "Latin America",
        (
            ("Fiat Strada", "픽업", "Fiat", "내연기관", 120000),
            ("Volkswagen Polo", "해치백", "Volkswagen", "내연기관", 110000),
            ("Chevrolet Onix", "해치백", "Chevrolet", "내연기관", 100000),
            ("Toyota Hilux", "픽업", "Toyota", "내연기관", 90000),
            ("Fiat Argo", "해치백", "Fiat", "내연기관", 80000),
            ("Jeep Compass", "SUV", "Jeep", "내연기관", 70000),
        ),
    ),
    (
        "Mexico",
        (
            ("Nissan Versa", "세단", "Nissan", "내연기관", 95000),
            ("Nissan March", "해치백", "Nissan", "내연기관", 60000),
            ("Chevrolet Aveo", "세단", "Chevrolet", "내연기관", 55000),
            ("Nissan NP300", "픽업", "Nissan", "내연기관", 50000),
            ("MG5", "세단", "MG", "내연기관", 40000),
            ("Kia K3", "세단", "Kia", "내연기관", 38000),
        ),
    ),
    (
        "Middle East",
        (
            ("Toyota Land Cruiser", "SUV", "Toyota", "내연기관", 12500),
            ("Toyota Hilux", "픽업", "Toyota", "내연기관", 11000),
            ("Nissan Patrol", "SUV", "Nissan", "내연기관", 10000),
            ("Toyota Camry", "세단", "Toyota", "하이브리드", 9000),
            ("Nissan Sunny", "세단", "Nissan", "내연기관", 8500),
            ("Tesla Model 3", "세단", "Tesla", "전기차", 6500),
        ),
    ),
    (
        "U.S.A",
        (
            ("Ford F-Series", "픽업", "Ford", "내연기관", 750000),
            ("Chevrolet Silverado", "픽업", "Chevrolet", "내연기관", 550000),
            ("Toyota RAV4", "SUV", "Toyota", "하이브리드", 450000),
            ("Ram 1500", "픽업", "Ram", "내연기관", 440000),
            ("Honda CR-V", "SUV", "Honda", "하이브리드", 400000),
            ("Tesla Model Y", "SUV", "Tesla", "전기차", 390000),
            ("Toyota Camry", "세단", "Toyota", "하이브리드", 310000),
        ),
    ),
)
_COMPETITOR_PT_TREND = {
    "내연기관": (1.0, 0.97, 0.94),
    "하이브리드": (1.0, 1.12, 1.25),
    "전기차": (1.0, 1.05, 1.12),
}


def _competitors(ctx: _Ctx) -> Path:
    path = ctx.out / "external" / "competitor_top_models_by_country.csv"
    step = ctx.rel(path)
    rng = _rng(ctx.seed, "competitors")
    lines = []
    ctx.tick(step, 0, 1)
    for yi, year in enumerate(YEARS):
        for market, models in _COMPETITORS:
            vols = [
                int(round(b * _COMPETITOR_PT_TREND[pt][yi] * math.exp(rng.normal(0, 0.08))))
                for _, _, _, pt, b in models
            ]
            order = sorted(range(len(models)), key=lambda i: (-vols[i], i))[:5]
            for i in order:
                name, cls, brand, pt, _ = models[i]
                lines.append(f"{year},{market},{name},{vols[i]},{cls},{brand},{pt}")
    with _Writer(path) as w:
        w.lines([COMPETITOR_HEADER])
        w.lines(lines)
    ctx.tick(step, 1, 1)
    return path


KIA_EXT_HEADER = ",".join(
    (
        "국가명",
        *(f"{m}월" for m in range(1, 13)),
        "연도",
        "기후대",
        "차량 구분 분류",
        "총수출량",
        "차종",
        "GDP",
        "대표 차량 구분",
        "차량 구분",
        "차종 구분",
    )
)

HYUNDAI_EXT_HEADER = ",".join(
    (
        "국가명",
        *(f"{m}월" for m in range(1, 13)),
        "연도",
        "기후대",
        "차량 구분",
        "분류",
        "총수출량",
        "차종",
        "GDP",
        "대표 차량 구분",
        "차량 구분.1",
        "차종 구분",
    )
)

# market -> (climate zone, GDP in trillion USD)
KIA_MARKET_CLIMATE: tuple[tuple[str, str, str], ...] = (
    ("US", "온대", "29.17"),
    ("Canada", "한랭", "2.14"),
    ("Mexico", "열대", "1.27"),
    ("EU+EFTA", "온대", "18.04"),
    ("E.Europe/CIS", "한랭", "4.36"),
    ("Latin America", "열대", "6.73"),
    ("Middle East/Africa", "건조", "4.98"),
    ("Asia / Pacific", "열대", "26.28"),
    ("India", "열대", "3.73"),
    ("China", "온대", "17.8"),
)
# (model, representative category, vehicle class, level)
_KIA_EXT_MODELS: tuple[tuple[str, str, str, float], ...] = (
    ("Morning / Picanto", "승용차", "소형차", 1800),
    ("Ray EV", "승용차", "전기차", 150),
    ("Pride / Rio", "승용차", "소형차", 1200),
    ("K3", "승용차", "세단", 1500),
    ("K4", "승용차", "세단", 1300),
    ("K5 / Optima", "승용차", "세단", 1400),
    ("K7, K8 / Cadenza", "승용차", "세단", 200),
    ("K9", "승용차", "세단", 40),
    ("Stonic", "승용차", "SUV", 1100),
    ("Seltos", "승용차", "SUV", 1700),
    ("Soul", "승용차", "SUV", 900),
    ("Niro", "승용차", "SUV", 1500),
    ("Niro EV", "승용차", "전기차", 800),
    ("EV3", "휴양용 차량", "전기차", 700),
    ("EV4", "휴양용 차량", "전기차", 300),
    ("EV5", "휴양용 차량", "전기차", 400),
    ("EV6", "휴양용 차량", "전기차", 900),
    ("EV9", "휴양용 차량", "전기차", 600),
    ("Syros", "휴양용 차량", "SUV", 500),
    ("Tasman", "휴양용 차량", "SUV", 250),
    ("Sportage", "승용차", "SUV", 3000),
    ("Sorento", "승용차", "SUV", 1800),
    ("Telluride", "승용차", "SUV", 1200),
    ("Mohave / Borrego", "승용차", "SUV", 60),
    ("Carnival / Sedona", "승용차", "미니밴", 1300),
    ("Carens MPV", "승용차", "미니밴", 900),
    ("Sonet", "승용차", "SUV", 1500),
    ("Cee'd", "CKD(특수 차량)", "세단", 900),
    ("Bongo / Frontier", "상업용 차량", "상업용차", 600),
    ("Bongo EV", "상업용 차량", "전기차", 90),
    ("PV5", "상업용 차량", "미니밴", 150),
    ("Bus", "상업용 차량", "상업용차", 20),
    ("Bongo (CKD)", "상업용 차량", "상업용차(CKD)", 100),
    ("Seltos (CKD)", "승용차", "SUV(CKD)", 200),
    ("Sorento (CKD)", "승용차", "SUV(CKD)", 60),
    ("Carnival (CKD)", "승용차", "미니밴(CKD)", 80),
    ("K3 (CKD)", "승용차", "세단(CKD)", 70),
    ("Millitary", "특수 차량", "특수차", 30),
    ("Millitary (CKD)", "특수 차량", "특수차(CKD)", 10),
)
_KIA_EXT_MARKET_SIZE = {
    "US": 3.0,
    "Canada": 0.8,
    "Mexico": 0.6,
    "EU+EFTA": 2.5,
    "E.Europe/CIS": 0.6,
    "Latin America": 0.7,
    "Middle East/Africa": 0.9,
    "Asia / Pacific": 1.0,
    "India": 1.2,
    "China": 0.5,
}

# The same GDP per market as Kia's table (the reference Hyundai table repeats a
# placeholder, which the loader warns about: the app's own sample should not).
HYUNDAI_MARKET_CLIMATE: tuple[tuple[str, str, str], ...] = (
    ("동유럽", "한랭", "4.36"),
    ("북미-멕시코", "건조", "1.27"),
    ("북미-미국", "온대", "29.17"),
    ("북미-캐나다", "한랭", "2.14"),
    ("서유럽", "온대", "18.04"),
    ("아시아", "온대", "26.28"),
    ("중남미", "열대", "6.73"),
    ("중동·아프리카", "건조", "4.98"),
)
_HYUNDAI_EXT_MODELS: tuple[tuple[str, str, float], ...] = (
    ("i10", "소형차", 900),
    ("i20", "소형차", 1300),
    ("i20 N", "소형차", 150),
    ("Accent", "소형차", 1500),
    ("Elantra", "소형차", 2500),
    ("Venue", "소형차", 1500),
    ("Creta", "소형차", 1700),
    ("Exter", "소형차", 900),
    ("HB20", "소형차", 1000),
    ("Stargazer", "소형차", 500),
    ("Bayon", "SUV", 900),
    ("Tucson", "SUV", 4000),
    ("Tucson OB", "SUV", 700),
    ("Santa Fe", "SUV", 2600),
    ("Palisade", "SUV", 2500),
    ("Kusto", "소형차", 400),
    ("GV70", "소형차", 900),
    ("GV70 EV", "전기차", 250),
    ("IONIQ5", "전기차", 1800),
    ("IONIQ6", "전기차", 900),
    ("Santa Fe HEV", "전기차", 1100),
    ("Porter", "상업용차", 700),
    ("Mighty", "상업용차", 400),
    ("Truck", "상업용차", 200),
)
_HYUNDAI_EXT_SEASON = _norm([0.55, 0.68, 0.79, 0.9, 0.86, 0.96, 0.78, 0.69, 0.73, 0.76, 0.85, 1.33])


def _kia_external(ctx: _Ctx) -> Path:
    path = ctx.out / "external" / "기아_국가별_수출_기후_GDP.csv"
    step = ctx.rel(path)
    lines = []
    ctx.tick(step, 0, 1)
    for market, climate, gdp in KIA_MARKET_CLIMATE:
        size = _KIA_EXT_MARKET_SIZE[market]
        for year in YEARS:
            rep = REPORTED_MONTHS[year]
            rng = _rng(ctx.seed, "kia-ext", market, year)
            for model, rep_cat, cls, level in _KIA_EXT_MODELS:
                pt = "EV" if cls.startswith("전기") else "ICE"
                mult = POWERTRAIN_TREND[pt][year] * size
                vals = np.rint(
                    level * mult * SEASON["export"] * np.exp(rng.normal(0, 0.15, 12))
                ).astype(np.int64)
                vals[rep:] = 0
                kind = "특수 차량" if rep_cat in ("특수 차량", "CKD(특수 차량)") else "일반 차량"
                months = ",".join(f"{v}.0" for v in vals.tolist())
                lines.append(
                    f"{market},{months},{year},{climate},{kind},{int(vals.sum())}.0,"
                    f"{_csv_field(model)},{gdp},{rep_cat},{cls},{cls}"
                )
    with _Writer(path) as w:
        w.lines([KIA_EXT_HEADER])
        w.lines(lines)
    ctx.tick(step, 1, 1)
    return path


def _hyundai_external(ctx: _Ctx) -> Path:
    path = ctx.out / "external" / "현대_지역별_수출_기후_GDP.csv"
    step = ctx.rel(path)
    lines = []
    ctx.tick(step, 0, 1)
    for market, climate, gdp in HYUNDAI_MARKET_CLIMATE:
        for year in (2021, 2022, *YEARS):
            rep = REPORTED_MONTHS.get(year, 12)
            rng = _rng(ctx.seed, "hyundai-ext", market, year)
            pick = np.sort(rng.choice(len(_HYUNDAI_EXT_MODELS), size=10, replace=False))
            for j in pick.tolist():
                model, cls, level = _HYUNDAI_EXT_MODELS[j]
                pt = "EV" if cls == "전기차" else "ICE"
                vals = np.rint(
                    level
                    * POWERTRAIN_TREND[pt][year]
                    * _HYUNDAI_EXT_SEASON
                    * math.exp(rng.normal(0, 0.5))
                    * np.exp(rng.normal(0, 0.05, 12))
                ).astype(np.int64)
                vals[rep:] = 0
                months = ",".join(str(v) for v in vals.tolist())
                lines.append(
                    f"{market},{months},{year},{climate},{cls},일반 차량,"
                    f"{int(vals.sum())},{model},{gdp},{cls},{cls},{cls}"
                )
    with _Writer(path, bom=True) as w:
        w.lines([HYUNDAI_EXT_HEADER])
        w.lines(lines)
    ctx.tick(step, 1, 1)
    return path


# ---------------------------------------------------------------------------
# entry point
# ---------------------------------------------------------------------------


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
        path, export_total = _h_sales_by_model(ctx, year)
        written.append(path)
        written.append(_h_plant_sales(ctx, year))
        written.append(_h_export_by_region(ctx, year, export_total))
        written.append(_h_eu_retail(ctx, year))
        written.append(_k_plant_sales(ctx, year))
        written.append(_k_retail(ctx, year))
        path, cat_totals = _k_sales_by_model(ctx, year)
        written.append(path)
        written.append(_k_export_by_region(ctx, year, cat_totals))
    written.append(_customers(ctx, "hyundai"))
    written.append(_customers(ctx, "kia"))
    written.append(_competitors(ctx))
    written.append(_kia_external(ctx))
    written.append(_hyundai_external(ctx))
    return sorted(written)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m warehouse.generate OUT_DIR [--seed N] [--scale X]``"""
    import argparse
    import time

    parser = argparse.ArgumentParser(description="Write the CarSight synthetic data set.")
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    paths = generate(args.out_dir, seed=args.seed, scale=args.scale)
    size = sum(p.stat().st_size for p in paths)
    print(f"wrote {len(paths)} files, {size / 1e6:.1f} MB in {time.perf_counter() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
