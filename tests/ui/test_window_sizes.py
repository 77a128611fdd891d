"""The window at the sizes people use: at 1280x800 no tab pushes the sidebar narrower; in a small
window (800x600) the sidebar gives way down to its three columns, and the dashboard and the
Overview stack their cards instead of cutting them off (sample data, English and Chinese)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QBoxLayout, QScrollArea

from ashore.ui.audio.common import QTMULTIMEDIA_ENVIRONMENT_WARNINGS
from ashore.ui.loan.sidebar import SidebarColumn

JB = "jb-2026-01"
# the Notes tab loads QtMultimedia, whose words about this machine say nothing of our code (on
# each test: tests/ui/conftest.py adds its own mark, and pytest-qt reads only the closest)
noise = pytest.mark.qt_log_ignore(
    *QTMULTIMEDIA_ENVIRONMENT_WARNINGS, "does not support propagateSizeHints"
)


def _window(qtbot, ctx, sample, size: tuple[int, int]):
    from ashore.ui.app import open_settings
    from ashore.ui.main_window import MainWindow

    window = MainWindow(sample, ctx, open_settings(ctx.data))
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    window.load()
    qtbot.wait(20)
    return window


def _cut_sideways(window) -> list[str]:
    """The scroll areas on the open page that show a horizontal scroll bar: content cut off."""
    page = window.pages.currentWidget()
    return [
        f"{type(area.widget()).__name__}: {area.widget().width()} > {area.viewport().width()}"
        f" max {area.horizontalScrollBar().maximum()} vbar {area.verticalScrollBar().isVisible()}"
        for area in page.findChildren(QScrollArea)
        if area.isVisible() and area.horizontalScrollBar().isVisible()
    ]


@noise
def test_no_tab_narrows_the_sidebar_at_1280_by_800(qtbot, ctx, sample, lang) -> None:
    """The notes pane's "Record intact · 3 notes · 5 chained entries · last …" line was one long
    label: on the Notes and Guide tabs it took 67 px from the sidebar and cut the loan names."""
    from ashore.services.notes import Notes

    notes = Notes(sample)
    for number in range(12):  # "… · 13 notes · 25 chained entries · last …": a long line
        note = notes.add(JB, text=f"call {number}", counterpart="collections")
        notes.revise(JB, note.id, text=f"call {number}, as said")
    window = _window(qtbot, ctx, sample, (1280, 800))
    window.open_loan(JB)
    tabs = window.loan_page.tabs
    widths = []
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        qtbot.wait(10)
        widths.append(window.splitter.sizes()[0])
    assert widths == [400] * tabs.count()
    assert not window.sidebar.isColumnHidden(SidebarColumn.STATUS)


@noise
def test_a_small_window_gives_the_page_room_and_keeps_names(qtbot, ctx, sample, lang) -> None:
    window = _window(qtbot, ctx, sample, (800, 600))
    sidebar = window.splitter.sizes()[0]
    assert sidebar < 400
    # the sidebar gives way down to its three columns (the walk's lost its badges): all shown
    assert not window.sidebar.isColumnHidden(SidebarColumn.STATUS)
    header = window.sidebar.header()
    assert window.sidebar.columnWidth(SidebarColumn.NAME) >= header.sectionSizeHint(
        SidebarColumn.NAME
    )
    assert window.sidebar.horizontalScrollBar().isVisible() is False
    # the dashboard: its cards stacked, nothing cut off sideways
    window.show_dashboard()
    qtbot.wait(20)
    assert window.dashboard._figures.direction() == QBoxLayout.Direction.TopToBottom
    assert _cut_sideways(window) == []
    total = window.dashboard.total
    assert total.width() >= total.sizeHint().width()  # the big figure whole, currency included
    # the Overview: the lender's side below the figures
    window.open_loan(JB)
    qtbot.wait(20)
    assert window.overview_tab._row.direction() == QBoxLayout.Direction.TopToBottom
    assert _cut_sideways(window) == []


@noise
def test_a_wide_window_keeps_cards_side_by_side(qtbot, ctx, sample, lang) -> None:
    window = _window(qtbot, ctx, sample, (1280, 800))
    window.show_dashboard()
    qtbot.wait(20)
    assert window.dashboard._figures.direction() == QBoxLayout.Direction.LeftToRight
    assert window.dashboard._middle.direction() == QBoxLayout.Direction.LeftToRight
    window.open_loan(JB)
    qtbot.wait(20)
    assert window.overview_tab._row.direction() == QBoxLayout.Direction.LeftToRight
    assert _cut_sideways(window) == []


@noise
def test_the_proposal_form_is_whole_and_three_proposals_in_sight(qtbot, ctx, sample, lang) -> None:
    """At 1280x800 the list showed two proposals and the form scrolled its Name and Months out of
    sight while they were typed in."""
    window = _window(qtbot, ctx, sample, (1280, 800))
    window.open_loan(JB)
    tabs = window.loan_page.tabs
    proposals = window.proposals_tab
    tabs.setCurrentIndex(
        next(i for i in range(tabs.count()) if tabs.widget(i).isAncestorOf(proposals))
    )
    qtbot.wait(50)
    tab = window.proposals_tab
    form_scroll = next(
        area for area in tab.findChildren(QScrollArea) if area.widget().isAncestorOf(tab.form)
    )
    assert form_scroll.verticalScrollBar().maximum() == 0  # nothing of the form scrolled away
    view = tab.list_view
    row = view.verticalHeader().defaultSectionSize()
    assert view.viewport().height() >= 3 * row
    assert tab.views.height() >= 250  # the installments keep room below


@noise
def test_every_line_of_the_dashboard_chart_is_named(qtbot, ctx, sample, lang) -> None:
    """The per-month panel drew a green dash-dot line (what falls due each month) that no legend
    entry named."""
    window = _window(qtbot, ctx, sample, (1280, 800))
    window.show_dashboard()
    qtbot.wait(50)
    plot = window.dashboard.chart.plot
    legend = [text.get_text() for text in plot.owed_axes.get_legend().get_texts()]
    drawn = [line for line in plot.monthly_axes.get_lines() if line.get_gid()]
    assert drawn  # the sample has installments falling due
    due = {"en": "Due each month", "zh_CN": "每月应还"}[lang]
    assert due in legend


@noise
def test_beside_an_agreement_the_contracts_line_is_if_it_fails(qtbot, ctx, sample, lang) -> None:
    """Under an agreement the Overview said "owed today 8,352.77" while its chart's legend said
    "If nothing is paid · 8,961.91 today": the contract's line is what is owed if it fails."""
    from ashore.services.proposals import Proposals

    loan = sample.loan(JB)
    Proposals(sample).change_status(JB, loan.proposals[0].id, "accepted")
    window = _window(qtbot, ctx, sample, (1280, 800))
    window.open_loan(JB)
    qtbot.wait(50)
    plot = window.overview_tab.chart.plot
    legend = [text.get_text() for text in plot.owed_axes.get_legend().get_texts()]
    fails = {"en": "If the agreement fails", "zh_CN": "协议失效时应还"}[lang]
    nothing = {"en": "If nothing is paid", "zh_CN": "如果一直不还"}[lang]
    assert any(text.startswith(fails) for text in legend), legend
    assert not any(text.startswith(nothing) for text in legend), legend


@noise
def test_the_comparisons_row_names_read_whole(qtbot, ctx, sample, lang) -> None:
    """Every column shared the width equally: "Saving against doin…", "Largest monthly pa…"."""
    from ashore.services.proposals import Proposals

    first = sample.loan(JB).proposals[0].id
    for name in ("24 months, penalty and late fees waived", "400 a month, from January"):
        Proposals(sample).duplicate_proposal(JB, first, name)  # five columns, as in the walk
    window = _window(qtbot, ctx, sample, (1280, 800))
    window.open_loan(JB)
    tabs = window.loan_page.tabs
    tab = window.proposals_tab
    tabs.setCurrentIndex(next(i for i in range(tabs.count()) if tabs.widget(i).isAncestorOf(tab)))
    tab.views.setCurrentIndex(1)
    qtbot.wait(50)
    view = tab.comparison_view
    model = view.model()
    names = [str(model.index(row, 0).data()) for row in range(model.rowCount())]
    assert len(names) >= 6
    metrics = view.fontMetrics()
    widths = [metrics.horizontalAdvance(name) for name in names]
    assert all(view.columnWidth(0) >= width for width in widths), (view.columnWidth(0), widths)
