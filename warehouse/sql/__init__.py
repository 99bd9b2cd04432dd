"""SQL lives in .sql files beside this module and is loaded by name."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_ROOT = Path(__file__).resolve().parent

# Analyst views, created in this order (later views may use earlier ones).
VIEWS = [
    "views/monthly_sales",
    "views/model_market_share",
    "views/customer_profiles",
    "views/market_month_coverage",
]


@cache
def load(name: str) -> str:
    """Text of `warehouse/sql/<name>.sql`. Names come from code, never from users."""
    path = (_ROOT / f"{name}.sql").resolve()
    if _ROOT not in path.parents:
        raise ValueError(f"SQL name {name!r} escapes the sql folder")
    return path.read_text(encoding="utf-8")


def view_names() -> list[str]:
    return list(VIEWS)


def over(name: str, **relations: str) -> str:
    """`warehouse/sql/<name>.sql` reading each relation from another SQL file.

    `over("marts/sales_totals", sales_rows="marts/sales_rows_flow")` binds the mart's
    `sales_rows` to that file's query (a CTE), so one mart serves every source. Names
    come from code, never from users.
    """
    ctes = ",\n".join(f"{alias} as (\n{load(file)}\n)" for alias, file in relations.items())
    return f"with {ctes}\nselect * from (\n{load(name)}\n)"
