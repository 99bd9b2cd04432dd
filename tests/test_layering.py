"""Imports flow one way: app -> layouts, callbacks -> analytics -> warehouse.

Every import statement counts, including ones inside functions (lazy imports
are still dependencies).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# package -> top-level modules it must never import
FORBIDDEN = {
    "analytics": {"dash", "dash_bootstrap_components", "plotly", "app", "layouts", "callbacks"},
    "warehouse": {
        "dash",
        "dash_bootstrap_components",
        "plotly",
        "analytics",
        "app",
        "layouts",
        "callbacks",
    },
    "layouts": {"callbacks"},
    "callbacks": {"layouts"},
}


def _imports(path: Path) -> set[str]:
    """Top-level names of every module `path` imports."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found


def _modules(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_packages_import_only_downstream(package):
    modules = _modules(package)
    assert modules, f"{package}/ has no modules"
    wrong = {
        str(path.relative_to(ROOT)): sorted(_imports(path) & FORBIDDEN[package])
        for path in modules
        if _imports(path) & FORBIDDEN[package]
    }
    assert wrong == {}, f"{package} imports what it must not: {wrong}"


def test_the_checker_sees_lazy_imports_inside_functions(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from dash import html\n    import layouts.data\n")
    assert _imports(sample) == {"dash", "layouts"}
