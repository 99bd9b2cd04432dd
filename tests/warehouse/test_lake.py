"""The warehouse as a Parquet lake: exported Hive-partitioned, served from a folder and from
an S3-compatible endpoint on loopback (moto's server, real HTTP), with the same results."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.analytics.test_sales_pushdown import GOLDEN, _normalised, _same, outputs
from tests.cli_support import invoke_carsight
from warehouse.connection import Warehouse
from warehouse.errors import FileRefused
from warehouse.lake import MANIFEST, Lake, S3Options, export_parquet


@pytest.fixture(scope="module")
def lake(reference_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("lake") / "lake"
    export_parquet(reference_db, out)
    return out


def _specs() -> list[dict]:
    return [g["spec"] for g in json.loads(GOLDEN.read_text(encoding="utf-8"))]


def _tables(wh: Warehouse, names: list[str]) -> dict[str, list[str]]:
    with wh.read() as cur:
        return {t: sorted(map(repr, cur.sql(f'select * from "{t}"').fetchall())) for t in names}


def test_the_lake_is_partitioned_by_brand_year_and_flow(lake: Path):
    manifest = json.loads((lake / MANIFEST).read_text())
    assert manifest["tables"]["fact_sales"]["partition_by"] == ["brand", "year", "flow"]
    assert (lake / "fact_sales" / "brand=Kia" / "year=2024" / "flow=overseas_retail").is_dir()
    assert (lake / "customers" / "brand=Hyundai").is_dir()


@pytest.mark.slow  # every table and eight specs' outputs, read twice: ~3 s
def test_every_table_and_strategy_output_is_the_same_from_the_lake(reference_db, lake):
    db, parquet = Warehouse(reference_db), Lake(str(lake))
    names = list(json.loads((lake / MANIFEST).read_text())["tables"])
    assert len(names) > 20
    assert _tables(parquet, names) == _tables(db, names)
    # floats to 1e-12: Polars may divide by a constant via its reciprocal on one path only
    assert _same(_normalised(outputs(parquet, _specs())), _normalised(outputs(db, _specs())))


@pytest.mark.slow
def test_the_lake_serves_from_an_s3_endpoint_on_loopback(reference_db, lake, monkeypatch):
    s3fs = pytest.importorskip("s3fs", reason="the scale extra: pip install -e '.[scale]'")
    from moto.server import ThreadedMotoServer

    for name, value in {
        "AWS_ACCESS_KEY_ID": "carsight-test",
        "AWS_SECRET_ACCESS_KEY": "carsight-test",
        "AWS_DEFAULT_REGION": "us-east-1",
    }.items():
        monkeypatch.setenv(name, value)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    try:
        host, port = server.get_host_and_port()
        endpoint = f"http://{host}:{port}"
        fs = s3fs.S3FileSystem(endpoint_url=endpoint)
        fs.mkdir("carsight-lake")
        fs.put(str(lake), "carsight-lake/exports/v1", recursive=True)
        remote = Lake("s3://carsight-lake/exports/v1", S3Options(endpoint_url=endpoint))
        assert remote.identity()[0] == "s3://carsight-lake/exports/v1"
        db = Warehouse(reference_db)
        assert _same(_normalised(outputs(remote, _specs())), _normalised(outputs(db, _specs())))
        with pytest.raises(FileRefused, match="export-parquet"):
            Lake("s3://carsight-lake/nothing-here", S3Options(endpoint_url=endpoint)).manifest()
        remote.close()
    finally:
        server.stop()


def test_a_folder_that_is_no_lake_is_refused(tmp_path: Path, reference_db: Path):
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(FileRefused, match="holds no CarSight lake"):
        export_parquet(reference_db, tmp_path)
    assert (tmp_path / "notes.txt").read_text() == "mine"
    with pytest.raises(FileRefused, match="carsight export-parquet"):
        Lake(str(tmp_path)).manifest()


def test_export_parquet_replaces_an_earlier_lake_and_serve_refuses_a_missing_one(
    tmp_path: Path, reference_db: Path
):
    out = tmp_path / "lake"
    first = invoke_carsight(
        "export-parquet", str(out), "--db", str(reference_db), tmp_path=tmp_path
    )
    assert first.returncode == 0, first.stderr
    assert "fact_sales 29,494, partitioned by brand, year, flow" in first.stdout
    before = json.loads((out / MANIFEST).read_text())["export_id"]
    again = invoke_carsight(
        "export-parquet", str(out), "--db", str(reference_db), tmp_path=tmp_path
    )
    assert again.returncode == 0, again.stderr
    assert json.loads((out / MANIFEST).read_text())["export_id"] != before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    served = invoke_carsight("serve", "--lake", str(tmp_path / "absent"), tmp_path=tmp_path)
    assert served.returncode == 2
    assert served.stderr.startswith("error: ") and "export-parquet" in served.stderr
