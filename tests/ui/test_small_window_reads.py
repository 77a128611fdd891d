"""At the window's smallest size (800x600) nothing is cut (eighth walk's 1): the Overview's cards
were wider than the page, "If the agreement fa…" and "18 % a yea…" cut at the right with no
scroll bar, and the sidebar hid its Status column. Every label's text is measured against the
room its widget has and the room the page shows; the sidebar keeps its three columns whole. In
English and Chinese, with and without an agreement, and at 1024x768 and 1280x800 as well."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QLabel, QWidget

from ashore.services.proposals import Proposals
from ashore.ui.audio.common import QTMULTIMEDIA_ENVIRONMENT_WARNINGS
from ashore.ui.loan.sidebar import SidebarColumn

JB = "jb-2026-01"
noise = pytest.mark.qt_log_ignore(
    *QTMULTIMEDIA_ENVIRONMENT_WARNINGS, "does not support propagateSizeHints"
)
SIZES = [(800, 600), (1024, 768), (1280, 800)]


def _window(qtbot, ctx, ledger, size: tuple[int, int]):
    from ashore.ui.app import open_settings
    from ashore.ui.main_window import MainWindow

    window = MainWindow(ledger, ctx, open_settings(ctx.data))
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    window.load()
    qtbot.wait(20)
    return window


def cut_labels(page: QWidget, viewport: QWidget) -> list[str]:
    """The labels on ``page`` whose text does not fit: wider than the label (a line that does not
    wrap), taller than it (one that does), or running past the right of ``viewport``, the room
    the page shows (it scrolls only down)."""
    cut = []
    for label in page.findChildren(QLabel):
        if not label.isVisibleTo(page) or not label.text():
            continue
        text = label.text()[:40]
        right = label.mapTo(viewport, QPoint(label.width(), 0)).x()
        if right > viewport.width():
            cut.append(f"{text!r}: right edge {right} > {viewport.width()}")
        if label.wordWrap():
            if label.heightForWidth(label.width()) > label.height():
                cut.append(f"{text!r}: {label.heightForWidth(label.width())} > {label.height()}")
        elif label.sizeHint().width() > label.width():
            cut.append(f"{text!r}: {label.sizeHint().width()} > {label.width()} wide")
    return cut


def sidebar_cut(window) -> list[str]:
    """What of the sidebar's three columns is hidden or narrower than its heading or cells."""
    view = window.sidebar
    header = view.header()
    cut = []
    for column in SidebarColumn:
        if view.isColumnHidden(column):
            cut.append(f"{column.name} hidden")
            continue
        needed = header.sectionSizeHint(column)
        if column != SidebarColumn.NAME:
            needed = max(needed, view.sizeHintForColumn(column))
        if view.columnWidth(column) < needed:
            cut.append(f"{column.name}: {view.columnWidth(column)} < {needed}")
    if view.horizontalScrollBar().isVisible():
        cut.append("scrolls sideways")
    return cut


@noise
@pytest.mark.parametrize("size", SIZES, ids=lambda size: "x".join(map(str, size)))
@pytest.mark.parametrize("agreed", [False, True], ids=["contract", "agreement"])
def test_the_overview_and_sidebar_read_whole(qtbot, ctx, sample, lang, size, agreed) -> None:
    if agreed:
        loan = sample.loan(JB)
        Proposals(sample).change_status(JB, loan.proposals[0].id, "accepted")
    window = _window(qtbot, ctx, sample, size)
    window.open_loan(JB)
    qtbot.wait(30)
    overview = window.overview_tab
    assert overview.isVisible()
    assert cut_labels(overview, overview.scroll.viewport()) == []
    assert sidebar_cut(window) == []
    bar = window.loan_page.tabs.tabBar()
    assert bar.sizeHint().width() <= bar.width()  # every tab in sight, none behind an arrow
    # the sidebar widened as far as the splitter lets it: the page at its narrowest still cuts
    # nothing (the walk's window had a 345-pixel sidebar)
    window.splitter.setSizes([size[0], 0])
    qtbot.wait(30)
    assert window.splitter.sizes()[1] > 0
    assert cut_labels(overview, overview.scroll.viewport()) == []


def test_the_window_allows_800_by_600_and_no_smaller(qtbot, ctx, sample) -> None:
    window = _window(qtbot, ctx, sample, (640, 480))
    assert (window.minimumWidth(), window.minimumHeight()) == (800, 600)
    assert (window.width(), window.height()) == (800, 600)


@noise
def test_a_window_made_small_keeps_every_tab_and_badge(qtbot, ctx, sample, lang) -> None:
    """The walk made the window small after it had been wide: the sidebar kept its 400 px, the
    page gave way and the sidebar hid its badges. Now the sidebar gives way down to its three
    columns, and the page keeps every tab in sight."""
    window = _window(qtbot, ctx, sample, (1280, 800))
    window.open_loan(JB)
    qtbot.wait(20)
    assert window.splitter.sizes()[0] == 400
    window.resize(800, 600)
    qtbot.wait(30)
    assert sidebar_cut(window) == []
    bar = window.loan_page.tabs.tabBar()
    assert bar.sizeHint().width() <= bar.width()
    overview = window.overview_tab
    assert cut_labels(overview, overview.scroll.viewport()) == []


@noise
def test_every_page_has_its_room_at_800_by_600(qtbot, ctx, sample, lang) -> None:
    """The lender's page (its three buttons in a row) and the loan's page at the window's
    smallest: each as wide as it needs beside the sidebar's three columns."""
    window = _window(qtbot, ctx, sample, (800, 600))
    window.open_lender(sample.loan(JB).lender)
    qtbot.wait(20)
    page = window.pages.currentWidget()
    assert type(page).__name__ == "LenderPage"
    assert page.width() >= page.minimumSizeHint().width()
    assert sidebar_cut(window) == []
    window.open_loan(JB)
    qtbot.wait(20)
    page = window.pages.currentWidget()
    assert page.width() >= page.minimumSizeHint().width()
