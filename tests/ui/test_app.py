"""Start-up, the bug handler, and the File menu's import and export."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from ashore.app.errors import DataError, InputError
from ashore.app.paths import APP_ID
from ashore.app.resources import resource_path
from ashore.exchange import read_book
from ashore.services import Ledger
from ashore.ui import app as app_module
from ashore.ui import dialogs
from ashore.ui.main_window import LAST_LOAN_KEY, MainWindow


def test_a_data_error_is_a_message_and_exit_1(qtbot, ctx, monkeypatch) -> None:
    shown: list[tuple[str, Path]] = []

    def refuse(data):
        raise DataError("the database was written by a newer Ashore (revision zz)")

    monkeypatch.setattr(Ledger, "open", classmethod(lambda cls, data, clock=None: refuse(data)))
    monkeypatch.setattr(
        dialogs, "fatal_data_error", lambda p, text, folder: shown.append((text, folder))
    )
    assert app_module.run_app(ctx) == 1
    assert shown == [("the database was written by a newer Ashore (revision zz)", ctx.data.root)]


def test_run_app_shows_then_fills_the_window_and_keeps_settings_in_the_data_dir(
    qtbot, ctx, monkeypatch
) -> None:
    seen: dict[str, object] = {}
    app = QApplication.instance()

    def look_then_quit() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        if not windows or any(w.pages.currentWidget() is w.loading for w in windows):
            return  # not filled yet: the frame shows first, the data follows
        seen["visible"] = [w.isVisible() for w in windows]
        seen["showing"] = [w.showing for w in windows]
        for window in windows:
            window.close()
        app.quit()

    poll = QTimer()
    poll.timeout.connect(look_then_quit)
    poll.start(50)
    assert app_module.run_app(ctx) == 0
    poll.stop()
    assert seen == {"visible": [True], "showing": [("welcome", "")]}
    assert app.applicationName() == "Ashore"
    assert app.organizationName() == "Ashore"
    assert app.desktopFileName() == APP_ID
    assert not app.windowIcon().isNull()  # the icon from resources/icons
    settings = QSettings(str(ctx.data.settings), QSettings.Format.IniFormat)
    assert settings.value(LAST_LOAN_KEY) == ""
    assert settings.contains("window/geometry")


def test_start_up_imports_no_heavy_modules(tmp_path) -> None:
    code = (
        "import sys\n"
        "from ashore.ui import app, main_window\n"
        "names = ('matplotlib', 'reportlab', 'PySide6.QtMultimedia', 'sqlalchemy', 'alembic')\n"
        "heavy = [m for m in names if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.strip() == ""


def test_the_window_shows_before_the_data_is_opened(qtbot, ctx, monkeypatch) -> None:
    """The first frame (Qt only) is on screen when the Ledger opens; the data parts follow."""
    seen: list[tuple[bool, bool]] = []
    real_open = Ledger.open.__func__  # type: ignore[attr-defined]

    def opening(cls, data, clock=None):
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        seen.extend((w.isVisible(), w.attached) for w in windows)
        return real_open(cls, data, clock)

    monkeypatch.setattr(Ledger, "open", classmethod(opening))
    app = QApplication.instance()

    after: list[bool] = []

    def quit_once_attached() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        if not windows or not all(w.attached for w in windows):
            return
        after.extend(w.menuBar().isEnabled() for w in windows)
        for window in windows:
            window.close()
        app.quit()

    poll = QTimer()
    poll.timeout.connect(quit_once_attached)
    poll.start(50)
    assert app_module.run_app(ctx) == 0
    poll.stop()
    assert seen == [(True, False)]
    assert after == [True]


def test_bug_handler_logs_and_shows_one_line(qtbot, ctx, monkeypatch) -> None:
    shown: list[tuple[str, Path | None]] = []
    monkeypatch.setattr(dialogs, "bug", lambda parent, summary, log: shown.append((summary, log)))
    handler = app_module.BugHandler(ctx.data, lambda: None, ctx.clock)
    try:
        raise ZeroDivisionError("division by zero")
    except ZeroDivisionError as error:
        handler(type(error), error, error.__traceback__)
    log = ctx.data.logs / "errors.log"
    assert shown == [("ZeroDivisionError: division by zero", log)]
    text = log.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in text
    assert "ZeroDivisionError: division by zero" in text
    # stamped by the context's clock
    assert text.startswith(f"--- {ctx.clock.now():%Y-%m-%dT%H:}")

    errors: list[str] = []
    monkeypatch.setattr(dialogs, "error", lambda parent, text, title="": errors.append(text))
    problem = InputError("loan.principal: must be more than zero")
    handler(InputError, problem, None)
    assert errors == ["loan.principal: must be more than zero"]

    previous = sys.excepthook
    handler.install()
    assert sys.excepthook is handler
    handler.uninstall()
    assert sys.excepthook is previous


def test_import_adds_a_file_and_export_writes_it_back(
    qtbot, ledger, make_window, monkeypatch, tmp_path
) -> None:
    window = make_window(ledger)
    sample = resource_path("sample", "sample.json")
    infos: list[str] = []
    monkeypatch.setattr(dialogs, "get_open_path", lambda *args, **kw: sample)
    monkeypatch.setattr(dialogs, "info", lambda parent, text, title="": infos.append(text))
    window.file_actions.import_action.trigger()
    book = read_book(sample)
    assert sorted(loan.id for loan in ledger.loans()) == sorted(loan.id for loan in book.loans)
    assert window.model.loan_count() == len(book.loans)
    assert infos == [
        f"Imported {len(book.lenders)} lenders and {len(book.loans)} loans from sample.json."
    ]

    out = tmp_path / "out" / "everything.json"
    out.parent.mkdir()
    monkeypatch.setattr(dialogs, "get_save_path", lambda *args, **kw: out)
    window.file_actions.export_json_action.trigger()
    written = read_book(out)
    kept = ledger.export_book()
    assert written.loans == kept.loans
    assert written.lenders == kept.lenders
    assert len(written.loans) == len(book.loans)


def test_a_bad_import_names_the_field_and_changes_nothing(
    qtbot, ledger, make_window, monkeypatch, tmp_path
) -> None:
    ledger.load_sample()
    before = ledger.export_book()
    window = make_window(ledger)
    data = json.loads(resource_path("sample", "sample.json").read_text(encoding="utf-8"))
    for loan in data["loans"]:
        loan["id"] = loan["id"] + "-copy"
    data["loans"][1]["principal"] = "12,000"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    errors: list[str] = []
    monkeypatch.setattr(dialogs, "get_open_path", lambda *args, **kw: bad)
    monkeypatch.setattr(dialogs, "error", lambda parent, text, title="": errors.append(text))
    window.file_actions.import_action.trigger()
    assert len(errors) == 1
    assert "loans[1].principal" in errors[0]
    assert errors[0].startswith("Nothing was imported from bad.json")
    assert ledger.export_book() == before


def test_backup_writes_a_zip_of_everything(
    qtbot, ledger, make_window, monkeypatch, tmp_path
) -> None:
    ledger.load_sample()
    window = make_window(ledger)
    out = tmp_path / "safe" / "backup"
    infos: list[str] = []
    monkeypatch.setattr(dialogs, "get_save_path", lambda *args, **kw: out)
    monkeypatch.setattr(dialogs, "info", lambda parent, text, title="": infos.append(text))
    assert window.file_actions.backup() == out.with_suffix(".zip")
    with zipfile.ZipFile(out.with_suffix(".zip")) as archive:
        names = set(archive.namelist())
    assert {"ashore.sqlite3", "MANIFEST.json"} <= names
    assert len(infos) == 1
    assert str(out.with_suffix(".zip")) in infos[0]
    menu_texts = [action.text() for action in window.menuBar().actions()[0].menu().actions()]
    assert "&Backup…" in menu_texts
    assert "&Import…" in menu_texts


FIRST_PAINT = """
import os, sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv[:1])
HEAVY = ("sqlalchemy", "alembic", "matplotlib", "reportlab", "PySide6.QtMultimedia",
         "ashore.services", "ashore.store", "ashore.ui.loan.form", "ashore.ui.dialogs",
         "ctypes", "ashore.ui.messages", "ashore.domain.money", "decimal")

class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            for window in QApplication.topLevelWidgets():
                if isinstance(window, QMainWindow) and window.isVisible():
                    heavy = [name for name in HEAVY if name in sys.modules]
                    opening = window.pages.currentWidget() is window.loading
                    print("first paint:", ",".join(heavy), opening, flush=True)
                    os._exit(0)
        return False

watch = Watch()
app.installEventFilter(watch)
from ashore.commands.cli import main
main(sys.argv[1:])
"""


def test_the_first_paint_comes_before_any_heavy_module(tmp_path) -> None:
    """At the window's first paint, `ashore` has loaded none of SQLAlchemy, matplotlib,
    reportlab, QtMultimedia, the services or the store, and it says "Opening your data…". Nor
    ctypes (only an X server's window-manager check needs it) or the error messages' module
    (with money and decimal): a tenth of the first frame's own imports, offscreen."""
    result = subprocess.run(
        [sys.executable, "-c", FIRST_PAINT, "--data-dir", str(tmp_path / "data")],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.stdout.strip() == "first paint:  True", result.stderr[-2000:]


def test_opening_your_data_shows_until_the_data_is_open(qtbot, ctx, monkeypatch) -> None:
    """While the Ledger opens (creates, migrates), the right side says so and nothing that needs
    the data can be clicked; then the welcome page."""
    seen: list[tuple[str, bool, bool, bool]] = []
    real_open = Ledger.open.__func__  # type: ignore[attr-defined]

    def opening(cls, data, clock=None):
        for w in QApplication.topLevelWidgets():
            if isinstance(w, MainWindow):
                page = w.pages.currentWidget()
                seen.append(
                    (
                        page.label.text() if page is w.loading else "",
                        page.isVisible(),
                        w.menuBar().isEnabled(),
                        w.new_loan_button.isEnabled(),
                    )
                )
        return real_open(cls, data, clock)

    monkeypatch.setattr(Ledger, "open", classmethod(opening))
    app = QApplication.instance()
    after: list[object] = []

    def quit_once_filled() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        if not windows or any(w.pages.currentWidget() is w.loading for w in windows):
            return
        after.extend(w.pages.currentWidget() is w.welcome for w in windows)
        for window in windows:
            window.close()
        app.quit()

    poll = QTimer()
    poll.timeout.connect(quit_once_filled)
    poll.start(50)
    assert app_module.run_app(ctx) == 0
    poll.stop()
    assert seen == [("Opening your data…", True, False, False)]
    assert after == [True]
