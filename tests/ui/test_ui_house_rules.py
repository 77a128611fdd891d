"""The house rules of the ui package, read from its source: modal dialogs only in ui/dialogs.py,
no widget hiding QWidget.locale(), and no module over about 500 lines without saying why."""

from __future__ import annotations

import ast
import re
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "src" / "ashore" / "ui"
LIMIT = 520  # "about 500"


def _modules() -> list[Path]:
    return sorted(UI.rglob("*.py"))


def test_the_ui_package_is_where_the_rules_look() -> None:
    names = {path.relative_to(UI).as_posix() for path in _modules()}
    assert {"dialogs.py", "main_window.py", "notes/pane.py", "loan/form.py"} <= names


def test_modal_dialogs_are_opened_only_in_ui_dialogs() -> None:
    boxes = re.compile(r"\b(QMessageBox|QFileDialog|QInputDialog)\b")
    runs = re.compile(r"\.exec\(\)")
    # app.exec() runs the application; the calendar export and the data check wait on an event
    # loop, not a dialog
    loops = {
        "app.py": "app.exec()",
        "files/calendar.py": "loop.exec()",
        "files/check.py": "loop.exec()",
    }
    found = []
    for path in _modules():
        name = path.relative_to(UI).as_posix()
        if name == "dialogs.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if boxes.search(line) or (runs.search(line) and loops.get(name, "?") not in line):
                found.append(f"{name}:{number}: {line.strip()}")
    assert found == []


def test_no_widget_assigns_self_locale() -> None:
    found = []
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Assign | ast.AnnAssign):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for target in targets:
                    if (
                        isinstance(target, ast.Attribute)
                        and target.attr == "locale"
                        and isinstance(target.value, ast.Name)
                        and target.value.id == "self"
                    ):
                        found.append(f"{path.relative_to(UI)}:{node.lineno}")
    assert found == []


def test_a_long_module_says_why_in_its_docstring() -> None:
    unexplained = []
    for path in _modules():
        text = path.read_text(encoding="utf-8")
        if len(text.splitlines()) <= LIMIT:
            continue
        doc = ast.get_docstring(ast.parse(text)) or ""
        if "500 lines" not in doc:
            unexplained.append(path.relative_to(UI).as_posix())
    assert unexplained == []
