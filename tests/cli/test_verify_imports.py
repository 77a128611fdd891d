"""``ashore verify`` on a database at the newest schema reads it without SQLAlchemy, and never
loads what the window or the PDFs need (Qt, matplotlib, reportlab): run as a user runs it, in a
fresh process, and asked afterwards what that process had imported."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from ashore.app.paths import DataDir
from ashore.commands.cli import main
from store.books import book_folder

HEAVY = ("sqlalchemy", "alembic", "matplotlib", "reportlab", "PySide6", "shiboken6")

_VERIFY = """
import json, sys
from ashore.commands.cli import main
code = main(["--data-dir", sys.argv[1], "--today", "2026-11-28", "verify"])
loaded = sorted({name.split(".")[0] for name in sys.modules} & set(json.loads(sys.argv[2])))
print(json.dumps({"code": code, "loaded": loaded}))
"""


def _import_sample(data: DataDir, tmp_path: Path) -> None:
    """The sample book with its audio file, imported (through SQLAlchemy, in this process)."""
    assert main(["--data-dir", str(data.root), "import", str(book_folder(tmp_path / "in"))]) == 0


def _verify_in_a_fresh_process(data: DataDir) -> dict[str, object]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", _VERIFY, str(data.root), json.dumps(HEAVY)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    lines = done.stdout.strip().splitlines()
    result: dict[str, object] = json.loads(lines[-1])
    result["out"] = "\n".join(lines[:-1])
    return result


def test_verify_imports_neither_sqlalchemy_nor_qt_matplotlib_or_reportlab(
    data_dir: DataDir, tmp_path: Path
) -> None:
    assert (
        main(["--data-dir", str(data_dir.root), "import", str(book_folder(tmp_path / "in"))]) == 0
    )
    result = _verify_in_a_fresh_process(data_dir)
    assert result["code"] == 0
    assert result["loaded"] == []
    assert "all good: database intact, 1 file(s) match their hashes" in str(result["out"])


def test_verify_without_sqlalchemy_still_names_a_changed_note(
    data_dir: DataDir, tmp_path: Path
) -> None:
    assert (
        main(["--data-dir", str(data_dir.root), "import", str(book_folder(tmp_path / "in"))]) == 0
    )
    con = sqlite3.connect(data_dir.database)
    note = con.execute("SELECT loan_id, id FROM call_notes ORDER BY pk LIMIT 1").fetchone()
    con.execute("UPDATE call_notes SET text = 'rewritten' WHERE id = ?", (note[1],))
    con.commit()
    con.close()
    result = _verify_in_a_fresh_process(data_dir)
    assert result["code"] == 1
    assert result["loaded"] == []
    assert f"loan {note[0]}: note {note[1]}: its content was changed outside Ashore" in str(
        result["out"]
    )
