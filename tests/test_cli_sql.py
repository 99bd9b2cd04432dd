"""Analysts open the warehouse: with the pip DuckDB CLI (a 1.x client) and `carsight sql`."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tests.cli_support import invoke_carsight


def _duckdb_cli() -> str:
    """The `duckdb` executable of the pip `duckdb-cli` package (a test extra)."""
    found = shutil.which("duckdb", path=str(Path(sys.executable).parent)) or shutil.which("duckdb")
    if found is None:
        pytest.fail('no `duckdb` CLI on PATH: install the test extras (pip install -e ".[test]")')
    return found


def test_the_pip_duckdb_cli_reads_the_built_warehouse(reference_db, ref):
    cli = _duckdb_cli()
    version = subprocess.run([cli, "--version"], capture_output=True, text=True, timeout=30)
    assert version.stdout.startswith("v1."), version.stdout  # the client analysts install
    out = subprocess.run(
        [cli, "-readonly", "-csv", str(reference_db), "-c", "select count(*) from fact_sales"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr  # was: "version number 69 ... only 64 and 68"
    assert int(out.stdout.split()[-1]) == ref("select count(*) from fact_sales")[0][0]


@pytest.mark.slow
def test_the_storage_version_is_a_setting(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    header = "Model,Vehicle Type,Sales Type," + ",".join(
        ["Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sep.", "Oct.", "Nov."]
        + ["Dec."]
    )
    (raw / "hmc-sales-by-model-december-y2023.csv").write_text(
        header + "\nAvante (CN7),PC,Domestic" + ",10" * 12 + "\n", encoding="utf-8"
    )
    (tmp_path / "carsight.toml").write_text('[carsight]\nstorage_version = "v1.0.0"\n')
    env_toml = {"CARSIGHT_CONFIG": str(tmp_path / "carsight.toml")}
    db = tmp_path / "wh.duckdb"
    out = _carsight_with(env_toml, "build", str(raw), "--db", str(db), "--quiet", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        tags = con.sql("select tags from duckdb_databases() where database_name = 'wh'").fetchall()
    assert tags == [({"storage_version": "v1.0.0+"},)]
    (tmp_path / "carsight.toml").write_text('[carsight]\nstorage_version = "newest"\n')
    bad = _carsight_with(env_toml, "build", str(raw), "--db", str(db), "--quiet", cwd=tmp_path)
    assert bad.returncode != 0 and "storage_version" in bad.stderr


def _carsight_with(env: dict[str, str], *args: str, cwd: Path) -> subprocess.CompletedProcess:
    import os

    from tests.cli_support import ROOT

    return subprocess.run(
        [sys.executable, "-c", "from app.cli import main; main()", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **env, "PYTHONPATH": str(ROOT)},
        cwd=cwd,
        timeout=120,
    )


# --- carsight sql -----------------------------------------------------------------------


def test_sql_runs_queries_and_prints_tables_or_csv(reference_db, tmp_path, ref):
    out = invoke_carsight(
        "sql", "--db", str(reference_db), "--csv", "-c",
        "select count(*) as n from fact_sales; select 1 as one",
        tmp_path=tmp_path,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == [
        "n",
        str(ref("select count(*) from fact_sales")[0][0]),
        "one",
        "1",
    ]
    table = invoke_carsight(
        "sql", "--db", str(reference_db), "-c", "describe dim_model", tmp_path=tmp_path
    )
    assert table.returncode == 0 and "is_category" in table.stdout and "│" in table.stdout


@pytest.mark.parametrize(
    ("statement", "kind"),
    [
        ("drop table fact_sales", "DROP"),
        ("create table x as select 1", "CREATE"),
        ("insert into dim_market select * from dim_market", "INSERT"),
        ("copy fact_sales to 'out.csv'", "COPY"),
        ("attach 'other.duckdb' as other", "ATTACH"),
    ],
)
def test_sql_refuses_writes_with_one_clear_line(reference_db, tmp_path, ref, statement, kind):
    out = invoke_carsight("sql", "--db", str(reference_db), "-c", statement, tmp_path=tmp_path)
    assert out.returncode == 2
    assert out.stderr.strip() == (
        f"error: `carsight sql` only reads: {kind} statements are refused (only `carsight "
        "build` and `carsight ingest` write the warehouse); use SELECT, DESCRIBE, SHOW, "
        "SUMMARIZE or EXPLAIN"
    )
    assert not (tmp_path / "out.csv").exists() and not (tmp_path / "other.duckdb").exists()
    assert ref("select count(*) from dim_market")[0][0] > 0


def test_sql_reports_a_bad_query_and_a_missing_warehouse(reference_db, tmp_path):
    bad = invoke_carsight(
        "sql", "--db", str(reference_db), "-c", "select * from nope", tmp_path=tmp_path
    )
    assert bad.returncode == 2 and bad.stderr.startswith("error: Catalog Error: Table with name")
    missing = invoke_carsight("sql", "--db", "none.duckdb", "-c", "select 1", tmp_path=tmp_path)
    assert missing.returncode == 2 and "Run `carsight build` first" in missing.stderr


@pytest.mark.slow
def test_the_interactive_shell_reads_statements_until_quit(reference_db, tmp_path):
    import os

    from tests.cli_support import ROOT

    script = ".tables\nselect 41 + 1\n  as answer;\ndrop table dim_model;\n.quit\n"
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            "from app.cli import main; main()",
            "sql",
            "--db",
            str(reference_db),
        ],
        input=script,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), "CARSIGHT_CONFIG": str(tmp_path / "x.toml")},
        cwd=tmp_path,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert "fact_sales" in out.stdout and "dim_model" in out.stdout  # .tables
    assert "answer" in out.stdout and "42" in out.stdout
    assert "DROP statements are refused" in out.stderr


def test_a_session_runs_queries_and_refuses_writes_and_file_access(reference_db, tmp_path):
    from warehouse.shell import WriteRefused, check_read_only, open_session

    con = open_session(reference_db)
    try:
        [query] = check_read_only(con, "summarize dim_model")
        assert con.sql(query).fetchall()
        with pytest.raises(WriteRefused, match="UPDATE statements are refused"):
            check_read_only(con, "select 1; update dim_model set model = 'x'")
        # a table function reading a file is a SELECT: file access itself is off
        with pytest.raises(duckdb.Error, match="disabled by configuration"):
            con.sql(f"select * from read_csv('{tmp_path / 'x.csv'}')").fetchall()
    finally:
        con.close()
