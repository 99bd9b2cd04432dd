"""The README's set-up commands and analyst queries stay true."""

from __future__ import annotations

import re
from pathlib import Path

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_readme_starts_with_exactly_two_setup_commands():
    setup = README.split("## Set-up: two commands", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"```bash\n(.*?)\n```", setup, flags=re.S)
    assert commands == ['pip install -e . && carsight serve',
                        'pip install -e ".[test]" && python -m pytest']


def test_ci_runs_readme_command_two():
    ci = (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text(encoding="utf-8")
    assert 'pip install -e ".[test]" && python -m pytest' in ci


def test_analyst_queries_in_the_readme_run_on_the_reference_warehouse(ref):
    blocks = re.findall(r"```sql\n(.*?)\n```", README, flags=re.S)
    queries = [q.strip() for block in blocks for q in block.split(";") if q.strip()]
    assert len(queries) == 3
    results = [ref(q) for q in queries]
    assert all(results), "every README query returns rows on the reference data"
    top_model = results[0][0]
    assert top_model[0] and top_model[1] > 0
