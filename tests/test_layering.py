"""Imports flow one way: app -> layouts, callbacks -> analytics -> warehouse.

Every import statement counts, including ones inside functions (lazy imports
are still dependencies).
"""

from __future__ import annotations

import ast
import functools
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
    "layouts": {"callbacks", "warehouse"},
    "callbacks": {"layouts", "warehouse"},
}

# Modules of app/ that pages may use (the lower half of app/: ids, texts, figures, the
# input boundary, services, settings). The factory and the CLI sit on top: a callback or
# layout that imported them would close a cycle.
APP_TOP = ("app.factory", "app.cli")
PROJECT = ("app", "callbacks", "layouts", "analytics", "warehouse")


@functools.cache
def _tree(path: Path) -> ast.Module:
    """`path` parsed once per session (the project's modules are read by several tests)."""
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


@functools.cache
def _imports(path: Path) -> frozenset[str]:
    """Top-level names of every module `path` imports."""
    tree = _tree(path)
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return frozenset(found)


def _modules(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_packages_import_only_downstream(package):
    modules = _modules(package)
    assert modules, f"{package}/ has no modules"
    found = {path: _imports(path) & FORBIDDEN[package] for path in modules}
    wrong = {str(path.relative_to(ROOT)): sorted(names) for path, names in found.items() if names}
    assert wrong == {}, f"{package} imports what it must not: {wrong}"


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _project_modules() -> dict[str, Path]:
    return {_module_name(p): p for pkg in PROJECT for p in _modules(pkg)}


def _edges(path: Path, known: set[str]) -> set[str]:
    """Project modules `path` imports (`from a.b import c` counts a.b.c when that is a
    module, else a.b)."""
    tree = _tree(path)
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [f"{node.module}.{alias.name}" for alias in node.names]
            names = [n for n in names if n in known] or [node.module]
        else:
            continue
        found |= {n for n in names if n in known}
    return found


@functools.cache
def _graph() -> dict[str, set[str]]:
    modules = _project_modules()
    return {name: _edges(path, set(modules)) - {name} for name, path in modules.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_cycles_among_project_modules():
    assert _cycles(_graph()) == []


def test_the_cycle_finder_finds_a_cycle():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(graph) == [["a", "b", "c"]]


@pytest.mark.parametrize("package", ["callbacks", "layouts"])
def test_pages_never_import_the_factory_or_the_cli(package):
    graph = _graph()
    wrong = {
        name: sorted(n for n in deps if n.startswith(APP_TOP) or n == "app")
        for name, deps in graph.items()
        if name.startswith(package + ".") and any(n.startswith(APP_TOP) or n == "app" for n in deps)
    }
    assert wrong == {}, f"{package} imports the top of app/: {wrong}"


def test_the_checker_sees_lazy_imports_inside_functions(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from dash import html\n    import layouts.data\n")
    assert _imports(sample) == {"dash", "layouts"}
