"""An analyst's read-only session in another process survives a rebuild."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from warehouse.build import build
from warehouse.connection import open_read_only

HEADER = "Model,Vehicle Type,Sales Type," + ",".join(
    ["Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sep.", "Oct.", "Nov.", "Dec."]
)
READER = """
import sys, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
q = "select count(*), sum(units) from fact_sales"
print(con.sql(q).fetchall()[0], flush=True)
sys.stdin.readline()              # the test rebuilds the warehouse meanwhile
print(con.sql(q).fetchall()[0], flush=True)
"""


def _write(raw: Path, units: int) -> None:
    raw.mkdir(exist_ok=True)
    (raw / "hmc-sales-by-model-december-y2023.csv").write_text(
        HEADER + "\nAvante (CN7),PC,Domestic" + f",{units}" * 12 + "\n", encoding="utf-8"
    )


def test_reader_in_another_process_keeps_working_during_a_rebuild(tmp_path):
    db = tmp_path / "warehouse.duckdb"
    raw = tmp_path / "raw"
    _write(raw, 10)
    build([raw], db)
    reader = subprocess.Popen(
        [sys.executable, "-c", READER, str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert reader.stdout.readline().strip() == "(12, 120)"
        _write(raw, 20)
        build([raw], db)  # writes a new file and renames it over the one being read
        out, err = reader.communicate("go\n", timeout=30)
    finally:
        reader.kill()
    assert out.strip() == "(12, 120)", err  # the open session still reads its snapshot
    con = open_read_only(db)
    try:
        assert con.sql("select sum(units) from fact_sales").fetchall() == [(240,)]
    finally:
        con.close()
