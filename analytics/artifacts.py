"""Segmentation artifacts on disk: skops model files plus a manifest, verified on load.

Layout, one folder per brand and training run:

    <artifacts>/segmentation/<brand>/<version>/rfm_kmeans.skops
    <artifacts>/segmentation/<brand>/<version>/customer_types.skops
    <artifacts>/segmentation/<brand>/<version>/predict_segment.skops   (counter classifiers,
    <artifacts>/segmentation/<brand>/<version>/predict_cluster.skops    analytics.predict)
    <artifacts>/segmentation/<brand>/<version>/predict_stats.json       (vocab, recommendation
                                                                         statistics)
    <artifacts>/segmentation/<brand>/<version>/manifest.json
    <artifacts>/segmentation/<brand>/latest          {"version": ..., "manifest_sha256": ...}

Models are stored with skops, which rebuilds objects from a declared type
list instead of executing pickled code. Loading (`load_manifest`,
`load_models`) refuses with an `ArtifactError` naming the file when:

- the manifest is missing, not JSON, or (via `latest`) its SHA-256 differs;
- an artifact file is missing or its SHA-256 differs from the manifest;
- the scikit-learn or skops version differs from the one that trained it
  (their stored state is version-specific; numpy and polars are recorded only);
- a model file declares a type skops does not trust that is not in TRUSTED_TYPES
  (the classes the project saves; never `builtins.*`);
- the loaded model's feature list differs from the manifest's.

The fix is always the same: run `carsight train` again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import os
import platform
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MANIFEST = "manifest.json"
LATEST = "latest"
RFM_MODEL = "rfm_kmeans.skops"
CLUSTER_MODEL = "customer_types.skops"
PREDICT_TIER_MODEL = "predict_tier.skops"  # the counter customer's value tier
PREDICT_STATS = "predict_stats.json"
FORMAT = "carsight.segmentation/1"
STRICT_LIBRARIES = ("scikit-learn", "skops")
RETRAIN = "run `carsight train` to write fresh artifacts"
_SAFE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


class ArtifactError(RuntimeError):
    """A model artifact that cannot be trusted or used; the message names the file."""


def library_versions() -> dict[str, str]:
    """Versions of the libraries that make and read the artifacts."""
    from importlib.metadata import version

    import numpy
    import polars

    return {
        "python": platform.python_version(),
        "scikit-learn": version("scikit-learn"),
        "skops": version("skops"),
        "numpy": numpy.__version__,
        "polars": polars.__version__,
    }


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def brand_dir(root: Path, brand: str) -> Path:
    """`<root>/segmentation/<brand>`; `brand` must be a plain name (no path parts)."""
    if not _SAFE.match(brand):
        raise ArtifactError(f"brand {brand!r} is not a plain name; expected e.g. Hyundai or Kia")
    return Path(root) / "segmentation" / brand


def new_version(created_at: dt.datetime, fingerprint: str, root: Path, brand: str) -> str:
    """A version name that sorts by time and names the data: 20250101T120000Z-1a2b3c4d."""
    base = f"{created_at:%Y%m%dT%H%M%SZ}-{fingerprint[:8]}"
    version, n = base, 1
    while (brand_dir(root, brand) / version).exists():
        n += 1
        version = f"{base}.{n}"
    return version


def _atomic_write(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def save_model(model: Any, path: Path) -> str:
    """Write `model` with skops to `path`; returns the file's SHA-256."""
    import skops.io as sio

    path.parent.mkdir(parents=True, exist_ok=True)
    _atomic_write(path, sio.dumps(model))
    return sha256_file(path)


def write_manifest(folder: Path, manifest: dict[str, Any]) -> str:
    """Write `manifest.json` (with sha256 and size of every file in manifest['artifacts'])."""
    for name, entry in manifest["artifacts"].items():
        path = folder / name
        entry.update(sha256=sha256_file(path), bytes=path.stat().st_size)
    data = json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=False).encode("utf-8")
    _atomic_write(folder / MANIFEST, data)
    return hashlib.sha256(data).hexdigest()


def _signature(key: str, brand: str, version: str, manifest_sha256: str) -> str:
    message = f"{brand}:{version}:{manifest_sha256}".encode()
    return hmac.new(key.encode(), message, hashlib.sha256).hexdigest()


def write_latest(root: Path, brand: str, version: str, manifest_sha256: str) -> Path:
    """Point `latest` at `version` (atomic), recording the manifest hash, HMAC-signed with
    $CARSIGHT_ARTIFACT_KEY when it is set (so a writer of the artifact folder cannot
    simply re-hash changed files)."""
    path = brand_dir(root, brand) / LATEST
    payload = {"version": version, "manifest_sha256": manifest_sha256}
    key = os.environ.get(ARTIFACT_KEY_ENV)
    if key:
        payload["manifest_hmac"] = _signature(key, brand, version, manifest_sha256)
    _atomic_write(path, (json.dumps(payload) + "\n").encode("utf-8"))
    return path


def latest_version(root: Path, brand: str) -> tuple[str, str | None]:
    """(version, manifest sha256) that `latest` points at; ArtifactError when absent."""
    path = brand_dir(root, brand) / LATEST
    if not path.is_file():
        raise ArtifactError(f"{path}: no trained segmentation for {brand}; {RETRAIN}")
    try:
        payload = json.loads(path.read_text(encoding="utf-8"))
        version, digest = str(payload["version"]), payload.get("manifest_sha256")
        signature = payload.get("manifest_hmac")
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ArtifactError(f"{path}: not a valid latest pointer ({exc}); {RETRAIN}") from None
    if not _SAFE.match(version):
        raise ArtifactError(f"{path}: version {version!r} is not a plain folder name; {RETRAIN}")
    key = os.environ.get(ARTIFACT_KEY_ENV)
    if key and not (
        isinstance(signature, str)
        and isinstance(digest, str)
        and hmac.compare_digest(signature, _signature(key, brand, version, digest))
    ):
        raise ArtifactError(
            f"{path}: the manifest is not signed with {ARTIFACT_KEY_ENV} (missing or wrong "
            f"signature): it was not written by `carsight train` with that key; {RETRAIN} "
            f"with {ARTIFACT_KEY_ENV} set"
        )
    return version, digest


def load_manifest(
    root: Path, brand: str, version: str | None = None, *, check_versions: bool = True
) -> dict[str, Any]:
    """The verified manifest of `version` (default: latest) for `brand`.

    Verifies the manifest hash (when reached through `latest`), every artifact
    file's SHA-256 and, unless `check_versions` is False, the scikit-learn and
    skops versions. Raises ArtifactError naming the offending file.
    """
    expected_digest = None
    if version is None:
        version, expected_digest = latest_version(root, brand)
    elif not _SAFE.match(version):
        raise ArtifactError(f"version {version!r} is not a plain folder name")
    elif (brand_dir(root, brand) / LATEST).is_file():
        # the latest version named explicitly is checked against its (signed) pointer too
        latest, digest = latest_version(root, brand)
        expected_digest = digest if latest == version else None
    folder = brand_dir(root, brand) / version
    path = folder / MANIFEST
    if not path.is_file():
        raise ArtifactError(f"{path}: manifest missing; {RETRAIN}")
    raw = path.read_bytes()
    if expected_digest and hashlib.sha256(raw).hexdigest() != expected_digest:
        raise ArtifactError(
            f"{path}: SHA-256 differs from the one recorded in "
            f"{brand_dir(root, brand) / LATEST}; the manifest was changed "
            f"after training; {RETRAIN}"
        )
    try:
        manifest: dict[str, Any] = json.loads(raw)
    except ValueError as exc:
        raise ArtifactError(f"{path}: not valid JSON ({exc}); {RETRAIN}") from None
    if manifest.get("format") != FORMAT or manifest.get("brand") != brand:
        raise ArtifactError(
            f"{path}: not a {FORMAT} manifest for {brand} "
            f"(format {manifest.get('format')!r}, brand "
            f"{manifest.get('brand')!r}); {RETRAIN}"
        )
    for name, entry in (manifest.get("artifacts") or {}).items():
        file = folder / name
        if not _SAFE.match(name) or not file.is_file():
            raise ArtifactError(f"{file}: artifact listed in {path} is missing; {RETRAIN}")
        actual = sha256_file(file)
        if actual != entry.get("sha256"):
            raise ArtifactError(
                f"{file}: SHA-256 {actual[:16]}... differs from "
                f"{str(entry.get('sha256'))[:16]}... in {path}; the file was "
                f"changed or corrupted after training; {RETRAIN}"
            )
    if check_versions:
        now = library_versions()
        trained = manifest.get("libraries") or {}
        wrong = {
            lib: (trained.get(lib), now[lib])
            for lib in STRICT_LIBRARIES
            if trained.get(lib) != now[lib]
        }
        if wrong:
            detail = ", ".join(
                f"{lib} trained with {a}, installed {b}" for lib, (a, b) in wrong.items()
            )
            raise ArtifactError(f"{path}: {detail}; {RETRAIN} with the installed versions")
    return manifest


@dataclass(frozen=True)
class LoadedSegmentation:
    """A verified training run: its manifest and both fitted scikit-learn pipelines."""

    manifest: dict[str, Any]
    folder: Path
    rfm_model: Any
    cluster_model: Any

    @property
    def version(self) -> str:
        return str(self.manifest["version"])


ARTIFACT_KEY_ENV = "CARSIGHT_ARTIFACT_KEY"

# The classes our models hold that skops does not trust by itself: exactly these and
# nothing else (no `builtins.*`: a FunctionTransformer(func=builtins.exec) would run code).
TRUSTED_TYPES: frozenset[str] = frozenset(
    {
        "sklearn.tree._tree.Tree",  # GradientBoosting / random-forest trees
        "sklearn.ensemble._hist_gradient_boosting.predictor.TreePredictor",
        # CalibratedClassifierCV's fitted parts (the value-tier model, sigmoid calibration)
        "sklearn.calibration._CalibratedClassifier",
        "sklearn.calibration._SigmoidCalibration",
    }
)


def load_model(file: Path) -> Any:
    """Load one skops file, refusing any type skops does not trust that is not in
    TRUSTED_TYPES (ArtifactError).

    Only call it on a file `load_manifest` has just verified.
    """
    import skops.io as sio

    untrusted = sio.get_untrusted_types(file=file)
    foreign = [t for t in untrusted if t not in TRUSTED_TYPES]
    if foreign:
        raise ArtifactError(
            f"{file}: declares types the project never saves {foreign}; "
            f"refusing to load it; {RETRAIN}"
        )
    try:
        return sio.load(file, trusted=untrusted)
    except Exception as exc:  # skops raises many kinds on a damaged file
        raise ArtifactError(f"{file}: cannot be read by skops ({exc}); {RETRAIN}") from None


def load_models(root: Path, brand: str, version: str | None = None) -> LoadedSegmentation:
    """Verify the manifest (see `load_manifest`) and load both models."""
    manifest = load_manifest(root, brand, version)
    folder = brand_dir(root, brand) / str(manifest["version"])
    rfm = load_model(folder / RFM_MODEL)
    clusters = load_model(folder / CLUSTER_MODEL)
    want = list(manifest["features"]["clusters"])
    got = [str(c) for c in getattr(clusters, "feature_names_in_", [])]
    if got != want:
        raise ArtifactError(
            f"{folder / CLUSTER_MODEL}: model features {got} differ from "
            f"{want} in {folder / MANIFEST}; {RETRAIN}"
        )
    return LoadedSegmentation(manifest, folder, rfm, clusters)
