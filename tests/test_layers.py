"""The house's walls beyond the import-linter contracts: no import cycle below the ui, imports at
the top of a module below it (a function-level import hid the ledger ⇄ guide cycle), and modules
in services/ and store/ short enough to read in one sitting."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "ashore"
BELOW_UI = ("app", "domain", "finance", "store", "exchange", "services")


def _modules(*packages: str) -> list[Path]:
    return sorted(
        path
        for package in packages
        for path in (SRC / package).rglob("*.py")
        if "migrations" not in path.parts
    )


def test_no_import_cycle_below_the_ui() -> None:
    grimp = pytest.importorskip("grimp")  # installed with import-linter ([dev])
    graph = grimp.build_graph("ashore")
    below = [m for m in graph.modules if m.split(".")[1:2] and m.split(".")[1] in BELOW_UI]
    cycles = sorted(
        (module, imported)
        for module in below
        for imported in graph.find_modules_directly_imported_by(module)
        if imported in below and graph.chain_exists(imported, module)
    )
    assert cycles == []


def test_below_the_ui_ashore_is_imported_at_the_top_of_a_module() -> None:
    inside: list[str] = []
    for path in _modules(*BELOW_UI):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            if path.name == "__init__.py" and node.name == "__getattr__":
                continue  # a package's lazy attribute (PEP 562): a name of its own modules
            for inner in ast.walk(node):
                if isinstance(inner, ast.ImportFrom) and (inner.module or "").startswith("ashore"):
                    inside.append(f"{path.relative_to(SRC)}:{inner.lineno} {inner.module}")
                elif isinstance(inner, ast.Import) and any(
                    alias.name.startswith("ashore") for alias in inner.names
                ):
                    inside.append(f"{path.relative_to(SRC)}:{inner.lineno}")
    assert inside == []


def test_services_and_store_modules_stay_under_500_lines() -> None:
    long = {
        str(path.relative_to(SRC)): n
        for path in _modules("services", "store")
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > 500
    }
    assert long == {}
