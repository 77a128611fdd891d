"""Start the desktop app: the QApplication, the Ledger on the data dir, the window, and a bug
handler that logs a traceback under the data dir and shows one short dialog instead.

The window's first frame comes before anything else: this module and the frame import only Qt
classes they paint with (no ``Qt`` namespace, whose first use builds a hundred enums), the theme
and the translations; the rest of the window, the dialogs, the money engine and the data
(SQLAlchemy, matplotlib, reportlab, QtMultimedia) follow on the first turns of the event loop."""

from __future__ import annotations

import gc
import os
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject, QSettings, QTimer, QTranslator, Signal
from PySide6.QtWidgets import QApplication, QWidget

from ashore import __version__
from ashore.app.clock import Clock
from ashore.app.context import Context
from ashore.app.errors import AshoreError, DataError
from ashore.app.paths import APP_ID, APP_NAME, DataDir
from ashore.app.resources import resource_path
from ashore.ui.widgets.theme import STYLE, STYLE_ARGUMENTS, STYLE_PROPERTY, apply_theme

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtGui import QIcon

    from ashore.services import Ledger
    from ashore.ui.main_window import MainWindow

# Where the platform never says the window is exposed, the data opens after this wait.
FIRST_FRAME_WAIT_MS = 250

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def app_icon() -> QIcon:
    """The app icon from resources/icons (every PNG size there); an empty icon when absent."""
    from PySide6.QtGui import QIcon

    icon = QIcon()
    folder = resource_path("icons", "hicolor")
    if folder.is_dir():
        for png in sorted(folder.glob(f"*/apps/{APP_ID}.png")):
            icon.addFile(str(png))
    return icon


def open_settings(data: DataDir) -> QSettings:
    """Window settings in an INI file inside the data dir, never the user's real config.

    Private from the first write: the file is made 0600 before Qt writes it, and Qt's atomic
    rewrite (a new file renamed over the old) keeps the permissions of the file it replaces."""
    private_file(data.settings)
    return QSettings(str(data.settings), QSettings.Format.IniFormat)


def private_file(path: Path) -> None:
    """Make ``path`` (created empty if missing) readable and writable by the user alone."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600))
        os.chmod(path, 0o600)
    except OSError:
        pass  # a read-only data dir: the window still opens; the settings are not kept


def configure_application(app: QApplication, icon: bool = True) -> None:
    """Names, id, version, icon and look; also used by the self-test. ``icon=False`` leaves the
    icon to ``set_app_icon`` (the start-up sets it after the first frame: QIcon is not cheap)."""
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    if icon:
        set_app_icon(app)
    apply_theme(app)


def set_app_icon(app: QApplication) -> None:
    """The icon from resources/icons on every window of ``app``, when there is one."""
    icon = app_icon()
    if not icon.isNull():
        app.setWindowIcon(icon)


def translation_files(lang: str) -> list[Path]:
    """The .qm files for ``lang``, in the order they are installed: Qt's (qtbase: standard buttons
    and dialogs; qtmultimedia: player and recorder errors), then Ashore's own last, because the
    translator installed last is asked first.

    Only files that exist are listed. English is the source language: it needs only Ashore's
    plural forms ("%n day(s)": "1 day", "2 days"; ashore_en.qm holds nothing else).
    """
    if lang == "en":
        english = resource_path("translations", "ashore_en.qm")
        return [english] if english.is_file() else []
    from PySide6.QtCore import QLibraryInfo  # not for English: the first frame does without

    found: list[Path] = []
    qt_folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    for module in ("qtbase", "qtmultimedia"):
        # A bundle may carry Qt's files beside Ashore's instead of in Qt's own folder.
        name = f"{module}_{lang}.qm"
        found.append(qt_folder / name)
        found.append(resource_path("translations", name))
    found.append(resource_path("translations", f"ashore_{lang}.qm"))
    files: list[Path] = []
    for path in found:
        # one file per module: Qt's own folder wins over a bundled copy
        if path.is_file() and not any(known.name == path.name for known in files):
            files.append(path)
    return files


def install_translations(app: QApplication, lang: str) -> list[QTranslator]:
    """Install the translators for ``lang`` (see translation_files) and make ``lang`` the default
    QLocale for Qt's own widgets; the translators installed, which the caller may remove again."""
    loaded: list[QTranslator] = []
    for path in translation_files(lang):
        translator = QTranslator(app)
        if translator.load(str(path)):
            app.installTranslator(translator)
            loaded.append(translator)
    if lang != "en":
        QLocale.setDefault(QLocale(lang))
    return loaded


def write_bug_log(
    logs: Path,
    kind: type[BaseException],
    error: BaseException,
    tb: TracebackType | None,
    clock: Clock,
) -> Path | None:
    """Append the traceback to ``logs/errors.log``; its path, or None if it cannot be written."""
    try:
        logs.mkdir(mode=0o700, parents=True, exist_ok=True)
        log = logs / "errors.log"
        fd = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "a", encoding="utf-8") as fh:
            fh.write(f"--- {clock.now().isoformat(timespec='seconds')} Ashore {__version__}\n")
            fh.write("".join(traceback.format_exception(kind, error, tb)))
        return log
    except OSError:
        return None


class BugHandler:
    """``sys.excepthook`` for the window: log the traceback, show a short dialog, keep running.

    An error the user can act on (AshoreError, AmountError) that escaped a handler is shown as its
    message; anything else is a bug and points at the log.
    """

    def __init__(self, data: DataDir, parent: Callable[[], QWidget | None], clock: Clock) -> None:
        self.data = data
        self.clock = clock
        self.parent = parent
        self.previous: ExceptHook | None = None
        self._showing = False

    def __call__(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        log = write_bug_log(self.data.logs, kind, error, tb, self.clock)
        if self._showing:  # an error while the dialog is up: logged, not stacked
            return
        self._showing = True
        from ashore.domain.money import AmountError
        from ashore.ui import dialogs
        from ashore.ui.messages import error_text

        try:
            if isinstance(error, AshoreError | AmountError):
                dialogs.error(self.parent(), error_text(error))
            else:
                dialogs.bug(self.parent(), f"{kind.__name__}: {error}", log)
        finally:
            self._showing = False

    def install(self) -> None:
        self.previous = sys.excepthook
        sys.excepthook = self

    def uninstall(self) -> None:
        if sys.excepthook is self and self.previous is not None:
            sys.excepthook = self.previous


class FirstFrame(QObject):
    """Runs ``then`` from the event loop once ``window`` is on screen: after ``painted`` (a widget
    of the first frame painted: the frame is being drawn, and a turn of the event loop later it is
    on screen), or after a short wait where nothing paints (a window the platform keeps hidden).

    A paint is waited for rather than the window system's expose: an event filter on the window
    would turn every event it sees into a Python object, and the first frame pays for each."""

    def __init__(self, window: QWidget, painted: SignalInstance, then: Callable[[], None]) -> None:
        super().__init__(window)
        self.then = then
        self.done = False
        painted.connect(self._painted)
        window.show()
        QTimer.singleShot(FIRST_FRAME_WAIT_MS, self._go)

    def _painted(self) -> None:
        QTimer.singleShot(0, self._go)  # after the paint: the frame is flushed to the screen first

    def _go(self) -> None:
        if not self.done:
            self.done = True
            self.then()


def _said(problem: DataError) -> str:
    """The data's problem in the window's language (imported here: not before the first frame)."""
    from ashore.ui.messages import error_detail

    return error_detail(problem)


def ready_data(ctx: Context) -> None:
    """What opening the data does before anything reads it, on the worker thread: the store and
    the services imported (SQLAlchemy and the rest), the database created, or checked, backed up
    and migrated (``store.database.ready``). The data dir's lock is taken here and kept for the
    main thread's ``Ledger.open``; the caller gives this hold back with ``release_data``."""
    import ashore.services.ledger  # noqa: F401  (the Ledger and SQLAlchemy, off the main thread)
    from ashore.store import database, lock

    lock.acquire(ctx.data.root)
    try:
        database.ready(ctx.data, ctx.clock)
    except BaseException:
        lock.release(ctx.data.root)
        raise


def release_data(ctx: Context) -> None:
    """Give back the hold on the data dir's lock that ``ready_data`` took."""
    from ashore.store import lock

    lock.release(ctx.data.root)


class DataWorker(QObject):
    """Runs ``ready_data`` on a thread of its own, so that the window keeps painting (and
    "Opening your data…" stays on screen) while a big database is checked or migrated. SQLite
    connections stay on the thread that made them: the worker's engine is closed before it ends,
    and the Ledger's sessions are opened on the main thread afterwards. ``failed`` holds what went
    wrong (None: the data is ready); ``done`` is emitted from the thread as its last act, and
    arrives queued on the main thread, where this object lives."""

    done = Signal()

    def __init__(self, ctx: Context, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.failed: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="ashore-open-data")

    def start(self) -> None:
        self.thread.start()

    def running(self) -> bool:
        return self.thread.is_alive()

    def wait(self) -> None:
        if self.thread.ident is not None:
            self.thread.join()

    def _run(self) -> None:
        try:
            ready_data(self.ctx)
        # Everything is handed to the main thread, which tells the user (a DataError) or treats
        # it as the bug it is; nothing may end the worker with a traceback on stderr.
        except BaseException as error:  # noqa: BLE001
            self.failed = error
        self.done.emit()


class DataOpening(QObject):
    """Opens the data for the window: ``DataWorker`` first, then, on the main thread, the Ledger
    and the window filled (``opened``), or the reason shown and the app ended with exit code 1.

    Lives on the main thread: the worker's ``done`` arrives here queued, in the event loop."""

    def __init__(
        self,
        window: MainWindow,
        ctx: Context,
        tray: bool,
        started: Callable[[], None] = lambda: None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = ctx
        self.tray = tray
        self.started = started  # called once the window is filled and its rooms built
        self.ledger: Ledger | None = None
        self.failed = False
        self.worker = DataWorker(ctx)
        self.worker.done.connect(self._ready)

    def start(self) -> None:
        self.worker.start()

    def _ready(self) -> None:
        self.worker.wait()  # it emitted ``done`` as its last act
        problem = self.worker.failed
        if problem is None:
            try:
                self._attach()
            finally:
                release_data(self.ctx)
        elif isinstance(problem, DataError):
            self._fail(_said(problem))
        else:
            self.failed = True
            QApplication.exit(1)
            raise problem  # a bug: the bug handler logs it and says so

    def _attach(self) -> None:
        from ashore.services import Ledger

        try:
            ledger = Ledger.open(self.ctx.data, self.ctx.clock)
        except DataError as problem:
            self._fail(_said(problem))
            return
        self.ledger = ledger
        window = self.window
        window.attach(ledger, rooms_later=True)
        if self.tray and window.reminders.tray is None:
            window.show()  # no tray on this platform: a window hidden there could not be found
        window.load()  # the sidebar and the page fill the frame already shown
        # the loan's other tabs once that page is on screen; then the start is over
        window.build_rooms_after_paint(self.started)

    def _fail(self, text: str) -> None:
        from ashore.ui import dialogs

        self.window.hide()
        dialogs.fatal_data_error(None, text, self.ctx.data.root)
        self.failed = True
        QApplication.exit(1)

    def finish(self) -> None:
        """At the end of the run: wait for a worker still at work (a migration is never cut off
        half way), give back its hold if it was not handed over, close the Ledger."""
        if self.worker.running():
            self.worker.wait()
            if self.worker.failed is None and self.ledger is None:
                release_data(self.ctx)
        if self.ledger is not None:
            self.ledger.close()


class StartCollector:
    """Python's cycle collector held off while the window starts, and back once it has.

    A start makes a few million objects (the imports of Qt, SQLAlchemy and matplotlib, every
    loan's figures), nearly all kept: the collector went over all of them again and again (its
    full passes cost a tenth of a heavy start) to find next to nothing. Once the window is
    filled one collection frees what the start left, and what is left is frozen (``gc.freeze``:
    never gone over again, as it lives as long as the window), so that later passes, during
    an edit, go over only what came after. ``LIMIT_MS`` after the start it comes back whatever
    happened (a window started hidden in the tray is never painted)."""

    LIMIT_MS = 20_000

    def __init__(self) -> None:
        self.held = gc.isenabled()
        gc.disable()

    def resume(self) -> None:
        """The start is over: collect once, freeze what is left, collect as usual again."""
        if not self.held:
            return
        self.held = False
        gc.collect()
        gc.freeze()
        gc.enable()

    def end(self) -> None:
        """The window has closed: the collector as it was before the start."""
        if self.held:
            self.held = False
            gc.enable()
        gc.unfreeze()


def create_application() -> QApplication:
    """The QApplication as the window starts it: Fusion named on its command line (see
    ``theme.STYLE_ARGUMENTS``), so that the theme need not set it."""
    app = QApplication([*sys.argv[:1], *STYLE_ARGUMENTS])
    app.setProperty(STYLE_PROPERTY, STYLE)
    return app


def run_app(ctx: Context, tray: bool = False) -> int:
    """Open the window on ``ctx.data`` and run until it closes; the exit code. ``tray``: start
    minimised to the tray (at login) when the platform has one.

    The frame shows first (Qt only: title, menu bar, the sidebar's place and "Opening your
    data…"); once it is on screen the rest of the window is built, and then the data opens on a
    worker thread (``DataWorker``: SQLAlchemy imported, the database created or migrated) while
    the window keeps painting; back on the main thread the Ledger opens and the window fills.
    """
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = create_application()
    configure_application(app, icon=False)
    install_translations(app, ctx.lang)

    from ashore.ui.main_window import MainWindow

    collector = StartCollector()
    QTimer.singleShot(StartCollector.LIMIT_MS, collector.resume)
    try:
        window = MainWindow(None, ctx, open_settings(ctx.data))
        opening = DataOpening(window, ctx, tray, collector.resume)
    except BaseException:
        collector.end()
        raise

    def after_first_frame() -> None:
        from ashore.ui import warmup

        warmup.start()  # the chart's libraries load while the data opens and the page is read
        set_app_icon(app)
        window.complete()  # the sidebar, the pages and the menus' actions
        # A turn of the event loop between: the completed window paints before the data opens.
        QTimer.singleShot(0, opening.start)

    handler = BugHandler(ctx.data, lambda: window, ctx.clock)
    handler.install()
    try:
        if tray:
            QTimer.singleShot(0, after_first_frame)
        else:
            FirstFrame(window, window.loading.painted, after_first_frame)
        code = int(app.exec())
        return 1 if opening.failed else code
    finally:
        handler.uninstall()
        from ashore.ui import warmup

        warmup.settle()  # a load still under way ends before the interpreter does
        opening.finish()
        window.deleteLater()
        collector.end()
