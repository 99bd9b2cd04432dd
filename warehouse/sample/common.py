"""What every sample writer shares: years, random streams, volumes, cell formats, the
CSV writer and the generation context."""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

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


def _key(text: str) -> int:
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "little")


def _rng(seed: int, *parts: object) -> np.random.Generator:
    return np.random.default_rng([int(seed) & 0xFFFFFFFF, _key("|".join(map(str, parts)))])


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


_H_YEAR_TREND = {2023: 1.0, 2024: 0.985, 2025: 0.995}


_K_YEAR_TREND = {2023: 1.0, 2024: 1.01, 2025: 1.03}


def _k_encoding(kind: str, year: int) -> tuple[str, bool]:
    """(encoding, bom) per Kia file: exercise encoding detection."""
    if kind == "retail" and year == 2024:
        return "cp949", False
    if kind == "plant" and year == 2024:
        return "utf-8", True
    return "utf-8", False
