"""Model artifacts: skops trusts only the classes the project saves, and the manifest is
HMAC-signed with $CARSIGHT_ARTIFACT_KEY, so a writer of the artifact folder can neither
smuggle code in nor re-hash changed files."""

from __future__ import annotations

import builtins
import json
import shutil
from pathlib import Path

import pytest
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import FunctionTransformer, StandardScaler

from analytics import artifacts
from analytics.artifacts import ARTIFACT_KEY_ENV, ArtifactError


def test_an_artifact_holding_builtins_exec_is_refused_before_anything_runs(tmp_path):
    import skops.io as sio

    file = tmp_path / "evil.skops"
    sio.dump(make_pipeline(FunctionTransformer(func=builtins.exec)), file)
    assert any(t.startswith("builtins.") for t in sio.get_untrusted_types(file=file))
    with pytest.raises(ArtifactError, match=r"builtins\.exec"):
        artifacts.load_model(file)


def test_a_model_made_of_trusted_classes_loads(tmp_path):
    import numpy as np

    file = tmp_path / "scaler.skops"
    artifacts.save_model(StandardScaler().fit(np.array([[1.0], [3.0]])), file)
    assert artifacts.load_model(file).mean_.tolist() == [2.0]


def test_trusted_types_are_an_explicit_list_without_builtins():
    assert artifacts.TRUSTED_TYPES
    assert not any(t.startswith("builtins.") for t in artifacts.TRUSTED_TYPES)


def _trained(trained_reference: tuple[Path, Path], tmp_path: Path) -> Path:
    _db, source = trained_reference
    root = tmp_path / "artifacts"
    shutil.copytree(source, root)
    return root


@pytest.mark.slow
def test_with_the_key_set_an_unsigned_or_re_hashed_manifest_is_refused(
    trained_reference, tmp_path, monkeypatch
):
    root = _trained(trained_reference, tmp_path)
    monkeypatch.setenv(ARTIFACT_KEY_ENV, "k3y-for-the-artifact-manifests-0123456789")
    # trained without the key: no signature, refused
    with pytest.raises(ArtifactError, match="not signed"):
        artifacts.load_manifest(root, "Kia")
    # signed: accepted
    version, digest = json.loads((root / "segmentation/Kia/latest").read_text()).values()
    artifacts.write_latest(root, "Kia", version, digest)
    assert artifacts.load_manifest(root, "Kia")["brand"] == "Kia"
    # an attacker edits the manifest and re-hashes it into `latest` without the key
    manifest = root / "segmentation/Kia" / version / "manifest.json"
    manifest.write_text(manifest.read_text().replace('"Kia"', '"Kia" '), encoding="utf-8")
    pointer = root / "segmentation/Kia/latest"
    payload = json.loads(pointer.read_text())
    payload["manifest_sha256"] = artifacts.sha256_file(manifest)
    pointer.write_text(json.dumps(payload))
    with pytest.raises(ArtifactError, match="not signed"):
        artifacts.load_manifest(root, "Kia")
    with pytest.raises(ArtifactError):  # named explicitly, the version is checked too
        artifacts.load_manifest(root, "Kia", version)


@pytest.mark.slow
def test_the_served_app_re_verifies_an_artifact_changed_after_it_was_read(
    trained_reference, tmp_path
):
    """The app keeps a manifest's verdict while the artifact files stay as they were; a
    changed artifact (same size, mtime set back) is hashed again and refused."""
    import os

    from app import services
    from app.settings import load_settings

    db, _source = trained_reference
    root = _trained(trained_reference, tmp_path)
    services.install(load_settings(db=db, artifacts_dir=root))
    assert services.segmentation_manifest("Kia")["brand"] == "Kia"
    assert services.segmentation_manifest("Kia") is services.segmentation_manifest("Kia")
    version = json.loads((root / "segmentation/Kia/latest").read_text())["version"]
    model = root / "segmentation/Kia" / version / "rfm_kmeans.skops"
    before = model.stat()
    data = bytearray(model.read_bytes())
    data[-1] ^= 0xFF
    model.write_bytes(bytes(data))
    os.utime(model, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert services.segmentation_manifest("Kia") is None
    assert "rfm_kmeans.skops" in services.segmentation_problem("Kia")
