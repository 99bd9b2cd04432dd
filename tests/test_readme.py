"""The README's set-up commands and analyst queries stay true."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_readme_starts_with_exactly_two_setup_commands():
    setup = README.split("## Set-up: two commands", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"```bash\n(.*?)\n```", setup, flags=re.S)
    assert commands == [
        "python3 -m venv .venv && .venv/bin/pip install -r requirements.lock -e . "
        "&& .venv/bin/carsight serve",
        'python3 -m venv .venv && .venv/bin/pip install -r requirements.lock -e ".[test]" '
        "&& .venv/bin/python -m pytest",
    ]


def test_ci_runs_readme_command_two():
    ci = (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text(encoding="utf-8")
    assert (
        'python3 -m venv .venv && .venv/bin/pip install -r requirements.lock -e ".[test]" '
        "&& .venv/bin/python -m pytest"
    ) in ci


def test_the_korean_summary_runs_the_same_test_command():
    assert (
        '`python3 -m venv .venv && .venv/bin/pip install -r requirements.lock -e ".[test]" '
        "&& .venv/bin/python -m pytest`"
    ) in README


def _analyst_queries() -> list[str]:
    blocks = re.findall(r"```sql\n(.*?)\n```", README, flags=re.S)
    return [q.strip() for block in blocks for q in block.split(";") if q.strip()]


def test_analyst_queries_in_the_readme_run_on_the_reference_warehouse(ref):
    queries = _analyst_queries()
    assert len(queries) == 7
    results = [ref(q) for q in [*queries[:4], queries[6]]]
    assert all(results), "every README query returns rows on the reference data"
    top_model = results[0][0]
    assert top_model[0] and top_model[1] > 0
    # categories such as LCV are not models (they used to top Hyundai's domestic list)
    models = [row[0] for row in results[0]]
    assert "LCV" not in models and None not in models
    assert ref("select is_category from dim_model where model = ?", [top_model[0]]) == [(False,)]
    assert results[2][0][0] and results[2][0][2] > 0  # a segment, e.g. 준중형 SUV
    assert results[4][0][:3] == ("Kia", "서울", 175)  # customers per region, most first
    assert all(0 < suv <= customers for _brand, _region, customers, suv in results[4])


@pytest.mark.slow
def test_forecast_leaderboard_query_reads_a_real_forecast_run(reference_db, tmp_path_factory):
    import duckdb

    from tests.forecast_support import forecast_copy

    db = forecast_copy(reference_db, tmp_path_factory)
    query = _analyst_queries()[4]
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.sql(query).fetchall()
        stored = con.sql(
            "select count(distinct model_name) from forecast_metrics "
            "where horizon is null and scope = 'latest_cutoff'"
        ).fetchall()
    assert {r[0] for r in rows} == {"region_export"}
    assert len(rows) == stored[0][0] >= 4
    assert all(r[2] is not None and r[2] > 0 and r[3] > 0 for r in rows)


@pytest.mark.slow
def test_interval_query_matches_the_page_on_a_real_forecast_run(reference_db, tmp_path_factory):
    import duckdb
    import polars as pl

    from analytics.forecast.view import interval_table
    from tests.forecast_support import forecast_copy

    db = forecast_copy(reference_db, tmp_path_factory)
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.sql(_analyst_queries()[5]).fetchall()
        backtest = pl.from_arrow(con.sql("select * from forecast_backtest").to_arrow_table())
    table = interval_table(backtest)  # type: ignore[arg-type]
    expected = {
        (r["model_name"], r["horizon"]): (round(r["coverage80"], 2), round(r["width80"], 2))
        for r in table.iter_rows(named=True)
    }
    assert {(m, h): (c, w) for m, h, c, w in rows} == pytest.approx(expected, abs=0.0051)
    assert max(h for _, h, _, _ in rows) == 12  # Kia's region exports: a year ahead


def test_readme_says_which_korean_font_headless_screenshots_and_pdfs_need():
    assert "fonts-noto-cjk" in README and "fonts-nanum" in README
    assert "Headless screenshots and PDFs" in README
