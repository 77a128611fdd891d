"""Fixtures for the window tests: a Ledger on the test's own data dir, and a window over it."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from ashore.context import Context
from ashore.services import Ledger


@pytest.fixture
def ledger(ctx: Context) -> Iterator[Ledger]:
    opened = Ledger.open(ctx.data)
    yield opened
    opened.close()


@pytest.fixture
def make_window(qtbot, ctx: Context) -> Iterator[Callable[[Ledger], object]]:
    """Build (and at the end close) main windows over a Ledger, as the app does at start."""
    from ashore.ui.app import open_settings
    from ashore.ui.main_window import MainWindow

    built: list[MainWindow] = []

    def make(ledger: Ledger) -> MainWindow:
        window = MainWindow(ledger, ctx, open_settings(ctx.data))
        qtbot.addWidget(window)
        window.show()
        window.load()
        built.append(window)
        return window

    yield make
    for window in built:
        window.close()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The offscreen platform warns that it cannot resize a shown top-level window to its size
    # hints; that says nothing about our code, every other Qt warning still fails a test.
    here = __file__.rsplit("/", 1)[0]
    for item in items:
        if str(item.path).startswith(here):
            item.add_marker(pytest.mark.qt_log_ignore("does not support propagateSizeHints"))
