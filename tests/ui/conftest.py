"""Fixtures for the window tests: a Ledger on the test's own data dir, and a window over it."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QEventLoop, QTimer

from ashore.app.context import Context
from ashore.services import Ledger


@pytest.fixture(scope="session", autouse=True)
def _english_plurals(qapp) -> Iterator[None]:
    """English as the app speaks it (run_app installs it at start): the plural forms of counted
    texts ("%n day(s)": "1 day", "2 days"), ashore_en.qm."""
    from ashore.ui.app import install_translations

    installed = install_translations(qapp, "en")
    assert installed, "resources/translations/ashore_en.qm is missing: run make translations"
    yield
    for translator in installed:
        qapp.removeTranslator(translator)


@pytest.fixture(autouse=True)
def _theme(qapp) -> Iterator[None]:
    """Every window test sees the window as the user does, in the app's theme (Fusion, the
    palette and the stylesheet ``run_app`` applies at start), and the theme is taken off after
    it: a test that ran the whole app used to leave it on for every later test, so a layout that
    fitted only unthemed passed alone and failed in a full run."""
    from PySide6.QtGui import QPalette

    from ashore.ui.widgets.theme import apply_theme

    sheet, palette = qapp.styleSheet(), QPalette(qapp.palette())
    apply_theme(qapp)
    yield
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)


@pytest.fixture(autouse=True)
def _nested_event_loops_run(qapp) -> None:
    """Undo a quit that landed outside the application's exec().

    A test that runs QApplication.exec() and quits while a window is closing (tests/ui/test_app.py
    runs the whole app) leaves the last-window Quit event in the queue; handled after exec() has
    returned, it sets Qt's "quit now" flag for good, and every nested QEventLoop - each
    qtbot.waitSignal - then returns at once. One short exec() clears the flag.
    """
    probe = QEventLoop()
    QTimer.singleShot(0, lambda: probe.quit())
    if probe.exec() == -1:
        QTimer.singleShot(0, qapp.quit)
        qapp.exec()


@pytest.fixture
def ledger(ctx: Context) -> Iterator[Ledger]:
    opened = Ledger.open(ctx.data, ctx.clock)
    yield opened
    opened.close()


@pytest.fixture(params=["en", "zh_CN"])
def lang(request, qapp) -> Iterator[str]:
    """The test runs once in English and once in Chinese, the window's words in that language."""
    from PySide6.QtCore import QLocale

    from ashore.ui.app import install_translations

    before = QLocale()
    installed = install_translations(qapp, request.param)
    yield request.param
    for translator in installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(before)


@pytest.fixture
def sample(ledger: Ledger) -> Ledger:
    """The ledger with the three-loan sample book loaded (resources/sample)."""
    ledger.load_sample()
    return ledger


@pytest.fixture
def board(qtbot, sample: Ledger, ctx: Context) -> object:
    """The dashboard over the sample book, shown at 1000x720 and filled."""
    from ashore.ui.loan.dashboard import Dashboard

    widget = Dashboard(sample, ctx, "en")
    qtbot.addWidget(widget)
    widget.resize(1000, 720)
    widget.show()
    widget.refresh()
    return widget


@pytest.fixture
def dialog_log(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, tuple[object, ...]]]:
    """Every function of ashore.ui.dialogs answers without a real dialog and is recorded here:
    confirm says yes, questions are cancelled; a test patches one again to answer otherwise."""
    from ashore.ui import dialogs

    log: list[tuple[str, tuple[object, ...]]] = []
    answers: dict[str, object] = {
        "confirm": True,
        "error": None,
        "info": None,
        "bug": None,
        "fatal_data_error": None,
        "get_open_path": None,
        "get_save_path": None,
        "ask_lender": None,
        "ask_calendar": None,
        "ask_unsaved_note": "discard",
        "about": None,
        "open_folder": True,
    }

    def recorder(name: str, answer: object) -> Callable[..., object]:
        def record(*args: object, **kwargs: object) -> object:
            log.append((name, args[1:]))
            return answer

        return record

    for name, answer in answers.items():
        monkeypatch.setattr(dialogs, name, recorder(name, answer))
    return log


@pytest.fixture
def make_window(
    qtbot, ctx: Context, dialog_log, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[[Ledger], object]]:
    """Build (and at the end close) main windows over a Ledger, as the app does at start.

    The windows are closed here, while ``dialogs`` is still patched: a window left with unsaved
    edits asks before closing, and that question must never reach a real dialog.
    """
    from ashore.ui import dialogs
    from ashore.ui.app import open_settings
    from ashore.ui.main_window import MainWindow

    built: list[MainWindow] = []

    def make(ledger: Ledger) -> MainWindow:
        window = MainWindow(ledger, ctx, open_settings(ctx.data))
        window.show()
        window.load()
        built.append(window)
        return window

    yield make
    monkeypatch.setattr(dialogs, "confirm", lambda *args, **kwargs: True)
    monkeypatch.setattr(dialogs, "ask_unsaved_note", lambda *args, **kwargs: "discard")
    for window in built:
        window.close()
        window.deleteLater()
    qtbot.wait(1)  # let the deferred deletes run before the Ledger closes


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The offscreen platform warns that it cannot resize a shown top-level window to its size
    # hints; that says nothing about our code, every other Qt warning still fails a test.
    here = __file__.rsplit("/", 1)[0]
    for item in items:
        if str(item.path).startswith(here):
            item.add_marker(pytest.mark.qt_log_ignore("does not support propagateSizeHints"))


@pytest.fixture
def proposals_tab(qtbot, ctx: Context, dialog_log) -> Callable[..., object]:
    """Build a Proposals tab over a Ledger, showing one of its loans: ``proposals_tab(ledger,
    loan_id, locale="en", size=(900, 720))`` (``size`` None: not shown)."""
    from ashore.services.proposals import Proposals
    from ashore.ui.proposals.tab import ProposalsTab

    def make(
        ledger: Ledger, loan_id: str, locale: str = "en", size: tuple[int, int] | None = (900, 720)
    ) -> ProposalsTab:
        widget = ProposalsTab(Proposals(ledger), ctx, locale)
        qtbot.addWidget(widget)
        if size is not None:
            widget.resize(*size)
            widget.show()
        widget.set_loan(ledger.loan(loan_id))
        return widget

    return make
