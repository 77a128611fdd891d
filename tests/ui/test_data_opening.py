"""The window's start: the data opened and migrated on a worker thread while the window keeps
painting, a clear message when it cannot be opened, and Fusion without ``setStyle``."""

from __future__ import annotations

import gc
import os
import sqlite3
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from ashore.store import database, lock
from ashore.ui import app as app_module
from ashore.ui import dialogs
from ashore.ui.audio.common import QTMULTIMEDIA_ENVIRONMENT_WARNINGS
from ashore.ui.main_window import MainWindow

TICKS = 3  # turns of the main thread's event loop the slow open waits for


def _windows() -> list[MainWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]


def _run_looking(ctx, look) -> int:
    """``run_app`` with ``look`` called every 5 ms meanwhile (it closes the window)."""
    poll = QTimer()
    poll.timeout.connect(look)
    poll.start(5)
    try:
        return app_module.run_app(ctx)
    finally:
        poll.stop()


def _quit_once_filled(app: QApplication) -> QTimer:
    def look() -> None:
        windows = _windows()
        if not windows or any(w.pages.currentWidget() is w.loading for w in windows):
            return
        for window in windows:
            window.close()
        app.quit()

    poll = QTimer()
    poll.timeout.connect(look)
    poll.start(20)
    return poll


def test_the_event_loop_turns_while_the_data_opens(qtbot, ctx, monkeypatch) -> None:
    """The open (made slow: it waits until the main thread's event loop has turned TICKS times)
    runs on a worker thread; the window says "Opening your data…" meanwhile, then fills."""
    app = QApplication.instance()
    turned = threading.Event()
    seen: dict[str, object] = {}
    ticks: list[int] = []
    real_ready = database.ready

    def tick() -> None:
        ticks.append(1)
        if len(ticks) >= TICKS:
            turned.set()

    ticker = QTimer()
    ticker.timeout.connect(tick)

    def slow_ready(data, clock=None):
        seen["worker"] = threading.get_ident() != threading.main_thread().ident
        windows = _windows()
        seen["opening"] = [w.pages.currentWidget() is w.loading for w in windows]
        seen["menus"] = [w.menuBar().isEnabled() for w in windows]
        # Were this the main thread, the ticker could never fire: the wait would time out.
        seen["turned"] = turned.wait(timeout=20)
        real_ready(data, clock)

    monkeypatch.setattr(database, "ready", slow_ready)
    QTimer.singleShot(0, lambda: ticker.start(5))
    poll = _quit_once_filled(app)
    assert app_module.run_app(ctx) == 0
    poll.stop()
    ticker.stop()
    assert seen == {"worker": True, "opening": [True], "menus": [False], "turned": True}
    assert ctx.data.database.is_file()  # the worker created and migrated it


def test_the_window_opens_the_ledger_on_the_main_thread(qtbot, ctx, monkeypatch) -> None:
    """SQLite connections stay on the thread that made them: the Ledger (its sessions) is opened
    on the main thread, after the worker's engine is closed; the lock is held once at the end."""
    from ashore.services import Ledger

    app = QApplication.instance()
    threads: list[bool] = []
    holds: list[int] = []
    real_open = Ledger.open.__func__  # type: ignore[attr-defined]

    def opening(cls, data, clock=None):
        threads.append(threading.get_ident() == threading.main_thread().ident)
        ledger = real_open(cls, data, clock)
        holds.append(lock._HELD[Path(os.path.abspath(data.root))][1])
        return ledger

    monkeypatch.setattr(Ledger, "open", classmethod(opening))
    poll = _quit_once_filled(app)
    assert app_module.run_app(ctx) == 0
    poll.stop()
    assert threads == [True]
    assert holds == [2]  # the worker's hold and the Ledger's, until the worker's is given back
    assert Path(os.path.abspath(ctx.data.root)) not in lock._HELD  # all given back at the end


def _hold_lock(root: Path) -> subprocess.Popen[str]:
    """Another process (another window) holding the data dir's lock until its stdin closes."""
    root.mkdir(parents=True, exist_ok=True)
    code = (
        "import fcntl, os, sys\n"
        "fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o600)\n"
        "fcntl.flock(fd, fcntl.LOCK_EX)\n"
        "print('held', flush=True)\n"
        "sys.stdin.read()\n"
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", code, str(root / lock.LOCK_NAME)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "held"
    return holder


def _damaged(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"this is no database at all " * 200)


def _newer(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
    con.execute("INSERT INTO alembic_version VALUES ('9999')")
    con.commit()
    con.close()


@pytest.mark.parametrize(
    ("make", "said"),
    [
        (_damaged, "the database is damaged"),
        (_newer, "was written by a newer version of Ashore (schema 9999)"),
    ],
    ids=["damaged", "newer"],
)
def test_a_database_that_cannot_be_opened_is_said_and_left_as_it_was(
    qtbot, ctx, monkeypatch, make, said
) -> None:
    shown: list[tuple[str, Path]] = []
    bugs: list[str] = []
    monkeypatch.setattr(
        dialogs, "fatal_data_error", lambda p, text, folder: shown.append((text, folder))
    )
    monkeypatch.setattr(dialogs, "bug", lambda parent, summary, log: bugs.append(summary))
    make(ctx.data.database)
    before = ctx.data.database.read_bytes()
    assert app_module.run_app(ctx) == 1
    assert [folder for _text, folder in shown] == [ctx.data.root]
    assert said in shown[0][0]
    assert "Traceback" not in shown[0][0]
    assert bugs == []
    assert ctx.data.database.read_bytes() == before
    assert not list(ctx.data.backups.glob("*"))  # refused before any copy or migration
    assert Path(os.path.abspath(ctx.data.root)) not in lock._HELD


def test_a_data_dir_another_window_keeps_is_said(qtbot, ctx, monkeypatch) -> None:
    """Locked by another process: the worker waits its while (not the window), then says so."""
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "fatal_data_error", lambda p, text, folder: shown.append(text))
    monkeypatch.setattr(lock, "WAIT_SECONDS", 0.2)
    holder = _hold_lock(ctx.data.root)
    (ctx.data.root / lock.LOCK_NAME).write_text(str(holder.pid), "ascii")  # as Ashore writes it
    try:
        assert app_module.run_app(ctx) == 1
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)
    key = os.path.abspath(ctx.data.root)
    assert shown == [  # seventh walk's 3: said as a person would, not "open on this data dir"
        f"{key}: Ashore is already open with this data in another window (process "
        f"{holder.pid}). Close that window first, or open a different data folder."
    ]
    assert not ctx.data.database.exists()  # nothing was created under the other's lock


def test_a_bug_while_opening_goes_to_the_bug_handler(qtbot, ctx, monkeypatch) -> None:
    """Anything else the worker meets is a bug: logged under the data dir, one line shown."""
    bugs: list[tuple[str, Path | None]] = []
    monkeypatch.setattr(dialogs, "bug", lambda parent, summary, log: bugs.append((summary, log)))

    def broken(data, clock=None):
        raise ZeroDivisionError("the worker's bug")

    monkeypatch.setattr(database, "ready", broken)
    assert app_module.run_app(ctx) == 1
    assert bugs == [("ZeroDivisionError: the worker's bug", ctx.data.logs / "errors.log")]
    assert "ZeroDivisionError" in (ctx.data.logs / "errors.log").read_text("utf-8")
    assert Path(os.path.abspath(ctx.data.root)) not in lock._HELD


def test_the_window_gets_fusion_from_its_command_line_not_set_style(tmp_path) -> None:
    """``create_application`` names Fusion on the command line; the theme then needs no
    ``setStyle`` (whose QStyle would build a dozen Python enums before the first frame)."""
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from ashore.ui import app as app_module\n"
        "app = app_module.create_application()\n"
        "def refuse(*args):\n"
        "    raise SystemExit('setStyle was called')\n"
        "QApplication.setStyle = refuse\n"
        "app_module.configure_application(app, icon=False)\n"
        "print(app.property('ashoreStyle'), app.palette().window().color().name())\n"
        "app.setStyleSheet('')\n"
        "print(QApplication.style().name())\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_STYLE_OVERRIDE": "windows"},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    # Fusion even where the environment asks for another style; the theme's palette applied
    assert result.stdout.split() == ["fusion", "#f5f7f8", "fusion"]


def test_the_worker_loads_the_ledger_and_sqlalchemy_off_the_main_thread(tmp_path: Path) -> None:
    """What the data's opening imports on its thread is what the main thread's ``Ledger.open``
    would otherwise import there (``services`` itself loads the Ledger only when asked)."""
    code = (
        "import sys, threading\n"
        "from datetime import date\n"
        "from pathlib import Path\n"
        "from ashore.app.clock import Clock\n"
        "from ashore.app.context import Context\n"
        "from ashore.app.paths import DataDir\n"
        "from ashore.ui import app\n"
        "ctx = Context(DataDir(Path(sys.argv[1])), clock=Clock.on(date(2026, 11, 28)))\n"
        "assert 'sqlalchemy.orm' not in sys.modules\n"
        "worker = threading.Thread(target=app.ready_data, args=(ctx,))\n"
        "worker.start(); worker.join(); app.release_data(ctx)\n"
        "wanted = ('sqlalchemy.orm', 'ashore.services.ledger')\n"
        "print(sorted(m for m in wanted if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "data")],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[-2] == "['ashore.services.ledger', 'sqlalchemy.orm']"


def test_a_loose_data_dir_is_made_private_after_the_first_frame_not_before(
    qtbot, ctx, monkeypatch
) -> None:
    """The window's start walks the data dir to make it private on the worker thread, once the
    first frame has painted (not before it, on the main thread: a walk of a big evidence store
    would hold the frame back); when the window has filled, nothing under the data dir is
    readable by others."""
    from ashore.app.paths import DataDir
    from ashore.app.resources import resource_path
    from ashore.commands.cli import main

    root = ctx.data.root
    sample = resource_path("sample", "sample.json")
    assert main(["--data-dir", str(root), "import", str(sample)]) == 0
    assert main(["--data-dir", str(root), "verify"]) == 0
    for path in (root, *root.rglob("*")):
        path.chmod(0o755 if path.is_dir() else 0o644)
    painted: list[bool] = []
    real_first_frame = app_module.FirstFrame.__init__

    def watch_first_frame(self, window, signal, then) -> None:  # type: ignore[no-untyped-def]
        real_first_frame(self, window, signal, lambda: (painted.append(True), then()))

    walks: list[tuple[bool, bool]] = []
    real_tighten = DataDir.tighten

    def tighten(data: DataDir) -> list[Path]:
        walks.append((threading.get_ident() == threading.main_thread().ident, bool(painted)))
        return real_tighten(data)

    monkeypatch.setattr(app_module.FirstFrame, "__init__", watch_first_frame)
    monkeypatch.setattr(DataDir, "tighten", tighten)
    poll = _quit_once_filled(QApplication.instance())
    assert main(["--data-dir", str(root), "--today", "2026-11-28"]) == 0
    poll.stop()
    assert walks[0] == (False, True)  # first off the main thread, after the first frame
    assert all(after for _main, after in walks)  # (the Ledger's open finds nothing left)
    loose = [p for p in (root, *root.rglob("*")) if stat.S_IMODE(p.lstat().st_mode) & 0o077]
    assert loose == []


def test_the_chinese_window_says_the_data_dir_is_kept_in_chinese(
    qtbot, ctx, monkeypatch, qapp
) -> None:
    """Sixth walk's 1: the Chinese window said "Ashore is open on this data dir (process …):
    close it first…" in English; it says it in Chinese, naming the folder and the process."""
    from PySide6.QtCore import QLocale

    shown: list[str] = []
    monkeypatch.setattr(dialogs, "fatal_data_error", lambda p, text, folder: shown.append(text))
    monkeypatch.setattr(lock, "WAIT_SECONDS", 0.2)
    before = QLocale()
    installed = app_module.install_translations(qapp, "zh_CN")
    holder = _hold_lock(ctx.data.root)
    (ctx.data.root / lock.LOCK_NAME).write_text(str(holder.pid), "ascii")  # as Ashore writes it
    try:
        assert app_module.run_app(ctx) == 1
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
        QLocale.setDefault(before)
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)
    key = os.path.abspath(ctx.data.root)
    assert shown == [
        f"{key}：Ashore 已经在另一个窗口中打开了这份数据（进程 {holder.pid}）。"
        "请先关闭那个窗口，或打开另一个数据文件夹。"
    ]


def test_the_loans_and_dashboard_show_before_the_rooms_nobody_opened_yet(
    qtbot, ctx, monkeypatch
) -> None:
    """At a start on the dashboard the loan's Notes, Guide and Details tabs are built once the
    dashboard's chart has painted (not before it, where they held the first fill back); then
    the tabs stand in their order and the sidebar's tooltips name each loan's stage. The cycle
    collector is held off until then, and after the window closes it is as it was."""
    from ashore.services import Ledger
    from ashore.ui.loan.sidebar import SidebarRole

    ledger = Ledger.open(ctx.data, ctx.clock)
    ledger.load_sample()
    ledger.close()
    app = QApplication.instance()
    seen: list[dict[str, object]] = []
    build = MainWindow.build_rooms

    def building(window: MainWindow) -> None:
        if not window.rooms_built:
            seen.append(
                {
                    "page": window.pages.currentWidget() is window.nothing,
                    "drawn": window.dashboard.chart.plot.full_draws > 0,
                    "rows": window.model.rowCount() > 0,
                    "collecting": gc.isenabled(),  # held off for the start
                    # each loan's stage under its name from the first fill (rows that grew a
                    # second line once the guide came moved the whole list)
                    "stages": all(
                        window.model.loan_index(loan_id).data(SidebarRole.STAGE)
                        for loan_id in window._summaries
                    ),
                }
            )
        build(window)

    monkeypatch.setattr(MainWindow, "build_rooms", building)
    result: dict[str, object] = {}

    def look() -> None:
        windows = _windows()
        if not windows or not windows[0].rooms_built:
            return
        window = windows[0]
        tabs = window.loan_page.tabs
        result["tabs"] = [tabs.tabText(i).replace("&", "") for i in range(tabs.count())]
        loans = [window.model.loan_index(summary.loan_id) for summary in window._summaries.values()]
        result["stages"] = all(index.data(SidebarRole.STAGE) for index in loans)
        result["collecting"] = gc.isenabled()  # back once the start is over
        result["frozen"] = gc.get_freeze_count() > 0  # what the start left, never gone over
        window.close()
        app.quit()

    assert _run_looking(ctx, look) == 0
    assert seen == [
        {"page": True, "drawn": True, "rows": True, "collecting": False, "stages": True}
    ]
    assert result["collecting"] is True
    assert result["frozen"] is True
    assert gc.isenabled()  # as before the start
    assert gc.get_freeze_count() == 0
    assert result["tabs"] == ["Overview", "Proposals", "Payments", "Notes", "Guide", "Details"]
    assert result["stages"] is True


@pytest.mark.qt_log_ignore(*QTMULTIMEDIA_ENVIRONMENT_WARNINGS)  # its recording, in the pane
def test_a_loan_opened_before_the_rooms_are_built_builds_them_first(
    qtbot, ctx, sample, dialog_log, monkeypatch
) -> None:
    """Opening a loan (or a lender, or a new loan) before the rooms are built builds them at
    once: the loan's tabs are whole and its Notes tab shows its notes."""
    from ashore.ui.app import open_settings

    monkeypatch.setattr(dialogs, "confirm", lambda *args, **kwargs: True)
    monkeypatch.setattr(dialogs, "ask_unsaved_note", lambda *args, **kwargs: "discard")
    window = MainWindow(None, ctx, open_settings(ctx.data))
    qtbot.addWidget(window)
    window.show()
    window.complete()
    window.attach(sample, rooms_later=True)
    window.load()
    assert not window.rooms_built
    window.open_loan("jb-2026-01")
    assert window.rooms_built
    tabs = window.loan_page.tabs
    assert [tabs.tabText(i).replace("&", "") for i in range(tabs.count())] == [
        "Overview",
        "Proposals",
        "Payments",
        "Notes",
        "Guide",
        "Details",
    ]
    window.set_loan_tab_index(window.notes_hookup.tab_index)
    qtbot.wait(5)
    assert window.notes_hookup.pane.loan_id == "jb-2026-01"
    window.close()
