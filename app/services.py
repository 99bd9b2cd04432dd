"""What callbacks use from the running app: settings, warehouse reads, trained models and the
operational store.

A leaf: it imports no callback, layout or `app.factory`, so callbacks can import it and
the factory can install it without a cycle. `app.create_app` calls `install(settings)`;
tests that call callbacks as plain functions do the same. Callbacks never import
`warehouse/` themselves: every read they need is a function here, so one place holds the
caches (cachetools, keyed by file identity) and the data scope of the signed-in user:
a dealer reads only their brand (and market), asking for another brand raises
ScopeRefused (HTTP 403 via callbacks.registry); customer and prospect ids are
pseudonyms; contacts are masked for everyone but an administrator and a dealer (who
only ever sees their own brand).
"""

from __future__ import annotations

import contextlib
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb
from cachetools import LRUCache, cached

from app.actor import Actor, ScopeRefused
from warehouse import meta, opstore
from warehouse.connection import Warehouse
from warehouse.errors import FileRefused

if TYPE_CHECKING:
    from collections.abc import Mapping

    import polars as pl

    from analytics.artifacts import LoadedSegmentation
    from analytics.explorer.common import View
    from analytics.predict import Predictor
    from analytics.sales import SalesAggregate, SalesFilter
    from app.settings import Settings

# What a read can raise when the warehouse, a table of it or an artifact is not there
# (yet): callbacks show the empty state or a banner for these, never a 500.
Unavailable: tuple[type[Exception], ...] = (FileRefused, FileNotFoundError, duckdb.Error)
WarehouseMissing = FileRefused
DuplicateProspect = opstore.DuplicateProspect
BRANDS: tuple[str, ...] = ("Hyundai", "Kia")
# who sees phone, e-mail and address unmasked (a dealer only ever reads their own brand)
SEES_CONTACTS = frozenset({"admin", "dealer"})


@dataclass(frozen=True)
class Services:
    """The running app's settings and its one read-only warehouse handle."""

    settings: Settings
    warehouse: Warehouse


_current: Services | None = None
_install_lock = threading.Lock()


def install(app_settings: Settings) -> Services:
    """Make `app_settings` (and a warehouse handle on its `db`) what callbacks use."""
    global _current
    with _install_lock:
        if _current is not None and _current.settings == app_settings:
            return _current
        old, _current = _current, Services(app_settings, open_warehouse(app_settings))
    if old is not None:
        old.warehouse.close()
    return _current


def open_warehouse(app_settings: Settings) -> Warehouse:
    """The warehouse file `db`, or the Parquet lake `lake` when one is set."""
    if app_settings.lake:
        from warehouse.lake import Lake, S3Options

        s3 = S3Options(app_settings.s3_endpoint_url, app_settings.s3_region)
        return Lake(app_settings.lake, s3)
    return Warehouse(app_settings.db)


def current() -> Services:
    if _current is None:
        raise RuntimeError("no app services installed: call app.services.install(settings)")
    return _current


def settings() -> Settings:
    return current().settings


def warehouse() -> Warehouse:
    return current().warehouse


def file_identity() -> tuple[str, int]:
    """The warehouse file requests are served from (cache keys include it)."""
    return warehouse().identity()


def models_identity() -> tuple[tuple[str, int, int], ...]:
    """Each brand's trained-model pointer (`<artifacts>/segmentation/<brand>/latest`) as
    (brand, inode, mtime in ns), (brand, -1, -1) when absent: `carsight train` moves it,
    so cache keys that include it never serve views of the models trained before."""
    from analytics.artifacts import LATEST, brand_dir

    found = []
    for brand in BRANDS:
        try:
            stat = (brand_dir(settings().artifacts_dir, brand) / LATEST).stat()
            found.append((brand, stat.st_ino, stat.st_mtime_ns))
        except OSError:
            found.append((brand, -1, -1))
    return tuple(found)


_META_CACHE: LRUCache = LRUCache(maxsize=4)


@cached(_META_CACHE, key=lambda identity: identity, lock=threading.Lock())
def _meta(identity: tuple[str, int]) -> dict[str, str | None]:
    return meta.current_meta(warehouse())


def data_meta() -> dict[str, str | None]:
    """warehouse_meta of the file served now: its data version and the versions the
    trained and forecast results came from ({} for a warehouse without one)."""
    return _meta(file_identity())


def results_current(kind: str) -> bool:
    """Whether the warehouse's stored `kind` results (trained | forecast) come from the data
    it holds now (warehouse.meta.is_current); pages show stale results never, but a note."""
    try:
        return meta.derived_current(data_meta())[kind]
    except Unavailable:
        return True


def model_current(brand: str) -> bool:
    """Whether the brand's trained models (the manifest's data version) match the data now."""
    manifest = segmentation_manifest(brand)
    if manifest is None:
        return True
    try:
        return meta.is_current((manifest.get("data") or {}).get("data_version"), data_meta())
    except Unavailable:
        return True


def csv_text(frame: pl.DataFrame) -> str:
    """`frame` as CSV for a download, formula-like text escaped (warehouse.export)."""
    from warehouse.export import csv_text as escaped

    return escaped(frame)


# --- who is asking ---------------------------------------------------------------------------


def actor() -> Actor:
    """The signed-in user of this request (the system outside a request)."""
    from app.security.signin import current_actor

    return current_actor()


def brands() -> tuple[str, ...]:
    """The brands the current user may see: a dealer's own, else both."""
    who = actor()
    return (who.brand,) if who.brand else BRANDS


def brand_or_own(brand: str | None) -> str:
    """`brand` when the user may see it, else their first allowed brand (for controls and
    links: a Kia dealer opening ?brand=Hyundai sees Kia)."""
    allowed = brands()
    return brand if brand in allowed else allowed[0]


def require_brand(brand: str) -> str:
    """`brand`, or ScopeRefused when the user is a dealer of another brand."""
    who = actor()
    if who.brand and brand != who.brand:
        raise ScopeRefused(f"{who.name} ({who.role}) works for {who.brand}, not {brand}")
    return brand


def pseudonym_key() -> str:
    from app.security.keys import derived_key, session_key

    return derived_key("pseudonym", session_key(production=settings().production)).hex()


# --- warehouse reads ----------------------------------------------------------------------


def sales(flt: SalesFilter) -> SalesAggregate:
    from analytics.sales import cached_sales

    return cached_sales(warehouse(), flt)


def choices(flt: SalesFilter) -> pl.DataFrame:
    """What the source and brand of `flt` offer to filter by (analytics.sales)."""
    from analytics.sales import cached_choices

    return cached_choices(warehouse(), flt)


def trend(flt: SalesFilter, *, market: str, model: str) -> pl.DataFrame:
    """One model's months in one market under `flt` (analytics.sales)."""
    from analytics.sales import cached_trend

    return cached_trend(warehouse(), flt, market=market, model=model)


def competitor_context(flt: SalesFilter, *, market: str) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The market's competitor models and our units over their period (analytics.competitors)."""
    from analytics.competitors import load_competitor_context

    return load_competitor_context(warehouse(), flt, market=market)


# --- market explorer (analytics.explorer) -------------------------------------------------

_EXPLORER_CACHE: LRUCache = LRUCache(maxsize=32)
_EXPLORER_LOCK = threading.Lock()


@cached(_EXPLORER_CACHE, key=lambda name, version: (name, version), lock=_EXPLORER_LOCK)
def _explorer_frame(name: str, version: tuple[str, int]) -> pl.DataFrame:
    from analytics.explorer.load import load_frame
    from analytics.explorer.sources import load_files
    from warehouse.catalogue import read_dim_model

    if name == "files":
        return load_files(warehouse())
    if name == "dim_model":
        return read_dim_model(warehouse())
    return load_frame(warehouse(), name)


def explorer_frame(name: str) -> pl.DataFrame:
    """An explorer page's frame (analytics.explorer.load.FRAMES; also "files", the loaded
    files, and "dim_model", the model dimension), both brands and every month, cached per
    warehouse file: the pages pick brand and period in Polars."""
    return _explorer_frame(name, file_identity())


_VIEW_CACHE: LRUCache = LRUCache(maxsize=64)


@cached(_VIEW_CACHE, key=lambda *args: args, lock=_EXPLORER_LOCK)
def _explorer_view(
    page: str,
    brand: str,
    period_from: str | None,
    period_to: str | None,
    focus: str | None,
    flow: str,
    version: tuple[str, int],
) -> Any:
    from analytics.explorer import exports, models, plants, retail

    frame = _explorer_frame(page, version)
    if page == "models":
        return models.view(
            frame, brand=brand, flow=flow, period_from=period_from, period_to=period_to, focus=focus
        )
    module = {"exports": exports, "plants": plants, "retail": retail}[page]
    return module.view(
        frame, brand=brand, period_from=period_from, period_to=period_to, focus=focus
    )


def explorer_view(spec: Mapping[str, Any]) -> View:
    """The View (analytics.explorer.common.View) of an exports, models, plants or retail
    spec: its rows, the focus's rows, the month grid and the unreported months, cached
    per warehouse file and spec (several charts of a page share it)."""
    return _explorer_view(  # type: ignore[no-any-return]
        spec["page"],
        spec["brand"],
        spec.get("period_from"),
        spec.get("period_to"),
        spec.get("focus"),
        spec.get("flow") or "both",
        file_identity(),
    )


def explorer_file_quality(file: str) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(data-quality findings, rejected rows) of one loaded file."""
    from analytics.explorer.sources import load_quality

    return load_quality(warehouse(), file=file)


def explorer_rows(
    *, file: str, kind: str, start: int, end: int, sort: list, filters: dict, period: tuple
) -> tuple[pl.DataFrame, int]:
    """One page of a loaded file's rows under the grid's sort, filter and period, and the
    row count (analytics.explorer.sources.rows_page)."""
    from analytics.explorer.sources import rows_page

    return rows_page(
        warehouse(), file=file, kind=kind, start=start, end=end, sort=sort, filters=filters,
        period=period,
    )  # fmt: skip


def explorer_download(
    *, file: str, kind: str, sort: list, filters: dict, period: tuple
) -> tuple[pl.DataFrame, int]:
    """A loaded file's rows for a CSV download (capped; see rows_for_download)."""
    from analytics.explorer.sources import rows_for_download

    return rows_for_download(
        warehouse(), file=file, kind=kind, sort=sort, filters=filters, period=period
    )


def first_start_status() -> dict | None:
    """The background first start's step and percent (app.first_start); None when done."""
    from app.first_start import read_status

    return read_status(settings().db)


def warehouse_status():
    from analytics.warehouse_status import warehouse_status as status

    return status(warehouse=warehouse())


_DEALER_CACHE: LRUCache = LRUCache(maxsize=16)
_DEALER_LOCK = threading.Lock()


@cached(_DEALER_CACHE, key=lambda kind, version, brand: (kind, version, brand), lock=_DEALER_LOCK)
def _dealer_frame(kind: str, version: tuple[str, int], brand: str) -> pl.DataFrame:
    from warehouse.pii import pseudonymize
    from warehouse.trained import load_dealer_contacts, load_dealer_customers

    if kind == "customers":
        frame = load_dealer_customers(warehouse(), brand=brand)
    else:
        frame = load_dealer_contacts(warehouse(), brand=brand, masked=kind == "contacts")
    return pseudonymize(frame, column="customer_id", prefix="C-", key=pseudonym_key())


def _own_market(frame: pl.DataFrame) -> pl.DataFrame:
    """Only the user's market when they have one (a dealer limited to one market)."""
    import polars as pl

    market = actor().market
    if market and "market" in frame.columns:
        return frame.filter(pl.col("market") == market)
    return frame


def dealer_customers(brand: str) -> pl.DataFrame:
    """The brand's dealer frame (warehouse.trained), cached per warehouse file; customer ids
    are pseudonyms; a dealer gets only their brand (and market)."""
    frame = _dealer_frame("customers", file_identity(), require_brand(brand))
    return _own_market(frame)


def find_customers(brand: str, *, kind: str, value: str) -> pl.DataFrame:
    """A returning customer at the counter (warehouse.trained.find_customers): only the
    brand the user may see (a dealer: their own; another brand is ScopeRefused), only
    their market when they have one; customer ids are pseudonyms; no contact details."""
    from analytics.predict.lookup import PHONE_SUFFIX_MIN
    from warehouse.pii import pseudonymize
    from warehouse.trained import find_customers as find

    found = find(
        warehouse(),
        brand=require_brand(brand),
        kind=kind,
        value=value,
        suffix_min=PHONE_SUFFIX_MIN,
    )
    found = pseudonymize(found, column="customer_id", prefix="C-", key=pseudonym_key())
    return _own_market(found)


def dealer_contacts(brand: str) -> pl.DataFrame:
    """Pseudonymous customer ids with phone, e-mail and address: unmasked for an
    administrator and a dealer (their own brand), masked in DuckDB for everyone else."""
    kind = "contacts_full" if actor().role in SEES_CONTACTS else "contacts"
    return _dealer_frame(kind, file_identity(), require_brand(brand))


def forecast_runs() -> pl.DataFrame:
    """Every stored forecast run, newest first (`warehouse.forecasts.load_runs`)."""
    from warehouse import forecasts

    return forecasts.load_runs(warehouse())


def forecast_series(*, run_id: str) -> pl.DataFrame:
    from warehouse import forecasts

    return forecasts.load_series(warehouse(), run_id=run_id)


def forecast_frames(
    *, run_id: str | None, series_id: str | None, names: dict[str, str | None]
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """(history, forecasts, backtest) of one stored series; empty frames without one."""
    import polars as pl

    from warehouse import forecasts as fr

    if not run_id or not series_id:
        return (
            pl.DataFrame(schema=fr.HISTORY_SCHEMA),
            pl.DataFrame(schema=fr.FORECAST_SCHEMA),
            pl.DataFrame(schema=fr.BACKTEST_SCHEMA),
        )
    wh = warehouse()
    return (
        fr.load_history(
            wh,
            brand=names["brand"],  # type: ignore[arg-type]
            flow=names["flow"],  # type: ignore[arg-type]
            market=names.get("market"),
            model=names.get("model"),
            plant=names.get("plant"),
        ),
        fr.load_forecasts(wh, run_id=run_id, series_id=series_id),
        fr.load_backtest(wh, run_id=run_id, series_id=series_id),
    )


def forecast_metrics(*, run_id: str | None) -> pl.DataFrame:
    """Backtest metrics of a run; empty (with its columns) without one."""
    import polars as pl

    from warehouse import forecasts as fr

    if not run_id:
        return pl.DataFrame(schema=fr.METRICS_SCHEMA)
    return fr.load_metrics(warehouse(), run_id=run_id)


# --- trained models (the model registry) --------------------------------------------------

_MODEL_CACHE: LRUCache = LRUCache(maxsize=8)
_MODEL_LOCK = threading.Lock()


def import_model_libraries() -> None:
    """Import scikit-learn and skops under the model lock. Every request path to them
    loads a model first (under the same lock), so no request sees them half-imported
    while the warm-up thread imports them after the server has started."""
    with _MODEL_LOCK:
        import sklearn.pipeline  # noqa: F401
        import skops.io  # noqa: F401


_MANIFEST_CACHE: LRUCache = LRUCache(maxsize=8)
_MANIFEST_LOCK = threading.Lock()


def _artifact_files(root: Path, brand: str) -> tuple[tuple[str, int, int, int, int], ...]:
    """(path, inode, size, mtime, ctime) of the brand's `latest` pointer and of every file
    in the version it names (older versions are never read, and every `carsight train`
    adds one). Any write, rename or replacement changes it (user space cannot set ctime
    back)."""
    import json

    from analytics.artifacts import LATEST, brand_dir

    folder = brand_dir(root, brand)
    paths = [folder / LATEST]
    try:
        version = json.loads(paths[0].read_bytes()).get("version")
    except (OSError, ValueError, AttributeError):
        version = None
    if isinstance(version, str) and version and Path(version).name == version:
        with contextlib.suppress(OSError):
            paths += sorted((folder / version).iterdir())
    found = []
    for path in paths:
        try:
            st = path.stat()
        except OSError:
            continue
        found.append((str(path), st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns))
    return tuple(found)


def _verified_manifest(brand: str) -> dict | str:
    """The brand's manifest as `analytics.artifacts.load_manifest` verifies it (every
    artifact's SHA-256, the signed pointer), or why it cannot be used. The verdict is
    kept while none of those files changes: hashing ~30 MB of artifacts on every request
    took 30% of a serving worker's samples under the load test (py-spy)."""
    from analytics.artifacts import ArtifactError, load_manifest

    root = settings().artifacts_dir
    brand = require_brand(brand)
    key = (str(root), brand, _artifact_files(root, brand))
    with _MANIFEST_LOCK:
        if key in _MANIFEST_CACHE:
            return _MANIFEST_CACHE[key]
    try:
        verdict: dict | str = load_manifest(root, brand)
    except ArtifactError as exc:
        verdict = str(exc)
    with _MANIFEST_LOCK:
        _MANIFEST_CACHE[key] = verdict
    return verdict


def segmentation_manifest(brand: str) -> dict | None:
    """The brand's verified segmentation manifest (shared: read it, never change it);
    None when not trained or it fails verification."""
    verdict = _verified_manifest(brand)
    return verdict if isinstance(verdict, dict) else None


def segmentation_problem(brand: str) -> str | None:
    """Why the brand's segmentation artifacts cannot be used (the file and the fix), or
    None when its manifest reads."""
    verdict = _verified_manifest(brand)
    return verdict if isinstance(verdict, str) else None


@cached(_MODEL_CACHE, key=lambda kind, root, brand, version: (kind, root, brand, version))
def _model(kind: str, root: str, brand: str, version: str) -> Any:
    from analytics.artifacts import load_models
    from analytics.predict import load_predictor

    load = load_models if kind == "segmentation" else load_predictor
    return load(Path(root), brand, version)


def segmentation_models(brand: str) -> LoadedSegmentation | None:
    """The brand's verified segmentation models, cached per manifest version (None when
    not trained or the artifacts fail verification)."""
    from analytics.artifacts import ArtifactError

    manifest = segmentation_manifest(brand)
    if manifest is None:
        return None
    try:
        with _MODEL_LOCK:
            return _model("segmentation", str(settings().artifacts_dir), brand, manifest["version"])
    except ArtifactError:
        return None


def predictor(brand: str) -> Predictor:
    """The brand's verified predictor, cached per model version; raises ArtifactError
    naming the file when it is missing or tampered with."""
    from analytics.artifacts import latest_version

    root = settings().artifacts_dir
    version, _digest = latest_version(root, require_brand(brand))
    with _MODEL_LOCK:
        return _model("predictor", str(root), brand, version)  # type: ignore[no-any-return]


# --- the operational store ------------------------------------------------------------------


def register_prospect(record: dict[str, Any]) -> str:
    """Write a new prospect (registered at the counter, not a purchase) to the operational
    store; returns its pseudonymous id; raises DuplicateProspect, sqlite3.Error, or
    ScopeRefused for a dealer registering for another brand."""
    import polars as pl

    from warehouse.pii import pseudonymize

    require_brand(str(record.get("brand")))
    prospect_id = opstore.register_prospect(settings().ops_db, record)
    named = pseudonymize(
        pl.DataFrame({"prospect_id": [prospect_id]}),
        column="prospect_id",
        prefix="P-",
        key=pseudonym_key(),
    )
    return str(named.item(0, "prospect_id"))


def prospects(brand: str, *, market: str | None = None) -> pl.DataFrame:
    """The brand's prospects, live from the operational store (analytics.prospects), with
    pseudonymous ids; a dealer gets only their brand (and market)."""
    from analytics.prospects import load_prospects
    from warehouse.pii import pseudonymize

    found = load_prospects(
        settings().ops_db, brand=require_brand(brand), market=actor().market or market
    )
    return pseudonymize(found, column="prospect_id", prefix="P-", key=pseudonym_key())
