"""The chart read at a glance (issue 13, the walk after "one truth"): at 1280x800, themed as the
user sees it, in English and Chinese, on the sample's Jiebei loan with three proposals, one
accepted and two of its installments paid.

- payments made are drawn on their days at their amounts (in the monthly panel, beside what each
  plan asks a month), not at the foot of the owed panel where they read as "0 owed";
- a tall chart (the Overview's, read scrolled) has dates under its upper panel too;
- the Proposals tab's chart keeps two readable panels, its legend whole, Save in sight;
- a long proposal name is not cut in the list (the method is named short there, whole in its
  tooltip).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from matplotlib import dates as mdates
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from ashore.app.clock import Clock
from ashore.domain.records import Payment

JB = "jb-2026-01"
LONG_NAME = "36 months at 3.6%, fees waived"
TODAY = date(2027, 3, 10)  # two agreed installments paid, the third due on the 15th


@pytest.fixture
def ctx(ctx):
    return ctx.replace(clock=Clock.on(TODAY), today=TODAY)


@pytest.fixture
def themed(qapp) -> Iterator[None]:
    """The app's theme (Fusion, its palette and stylesheet), as the window runs with; the test
    application's own put back after."""
    from ashore.ui.widgets.theme import apply_theme

    style, palette, sheet = qapp.style().name(), qapp.palette(), qapp.styleSheet()
    apply_theme(qapp)
    yield
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)
    qapp.setStyle(style)


@pytest.fixture
def agreed(sample):
    """The sample, the Jiebei loan with two more proposals, its first accepted and paid twice."""
    from ashore.services.payments import Payments
    from ashore.services.proposals import Proposals

    proposals = Proposals(sample)
    first = sample.loan(JB).proposals[0]
    proposals.duplicate_proposal(JB, first.id, LONG_NAME)
    lower = proposals.duplicate_proposal(JB, first.id, "Pay 600 a month")
    lower = replace(
        lower,
        method="reduced_installment",
        params={"amount": Decimal("600"), "annual_rate": Decimal("0")},
    )
    proposals.save_proposal(JB, lower)
    proposals.change_status(
        JB, first.id, "accepted", "by phone", at=datetime(2026, 12, 2, 3, 0, tzinfo=UTC)
    )
    agreement = next(p for p in sample.loan(JB).proposals if p.id == first.id).agreed
    assert agreement is not None
    for installment in agreement.installments[:2]:
        Payments(sample).add_payment(JB, Payment(installment.due, installment.amount, "agreed"))
    return sample


@pytest.fixture
def window(qtbot, lang, themed, agreed, make_window):
    shown = make_window(agreed)
    shown.resize(1280, 800)
    shown.open_loan(JB)
    qtbot.wait(30)
    return shown


def _show_tab(qtbot, window, widget: QWidget) -> None:
    tabs = window.loan_page.tabs
    tabs.setCurrentIndex(
        next(i for i in range(tabs.count()) if tabs.widget(i).isAncestorOf(widget))
    )
    qtbot.wait(50)


def _drawn(qtbot, chart) -> None:
    chart.plot.canvas.draw()
    qtbot.wait(20)


def _in_sight(widget: QWidget) -> bool:
    return bool(widget.visibleRegion().boundingRect().size() == widget.size())


def test_payments_are_drawn_on_their_days_at_their_amounts(qtbot, window, agreed) -> None:
    overview = window.overview_tab
    _show_tab(qtbot, window, overview)
    plot = overview.chart.plot
    _drawn(qtbot, overview.chart)
    payments = agreed.loan(JB).payments
    assert len(payments) == 6  # the sample's four, two under the agreement
    assert plot._payments.axes is plot.monthly_axes
    assert plot._payments.get_xydata().tolist() == [
        [float(mdates.date2num(p.date)), float(p.amount)] for p in payments
    ]
    # every one inside the panel, above its zero line (none sits on the axis)
    rows = plot._payments.get_transform().transform(plot._payments.get_xydata())[:, 1]
    zero = plot.monthly_axes.transData.transform((0, 0))[1]
    assert all(zero + 10 < row < plot.monthly_axes.bbox.y1 for row in rows)


def test_the_overview_chart_has_dates_under_both_panels(qtbot, window) -> None:
    overview = window.overview_tab
    _show_tab(qtbot, window, overview)
    plot = overview.chart.plot
    _drawn(qtbot, overview.chart)
    renderer = plot.figure._get_renderer()
    labels = [
        tick.label1
        for tick in plot.owed_axes.xaxis.get_major_ticks()
        if tick.label1.get_visible() and tick.label1.get_text()
    ]
    assert len(labels) >= 4
    for label in labels:
        box = label.get_window_extent(renderer)
        # under the upper panel, clear of the lower one
        assert plot.monthly_axes.bbox.y1 < box.y0 < box.y1 < plot.owed_axes.bbox.y0
    assert plot.owed_axes.bbox.height >= 250


def test_the_proposals_chart_keeps_two_readable_panels_with_save_in_sight(qtbot, window) -> None:
    tab = window.proposals_tab
    _show_tab(qtbot, window, tab)
    tab.views.setCurrentIndex(tab.chart_index)
    qtbot.wait(50)
    chart = tab.chart
    _drawn(qtbot, chart)
    plot = chart.plot
    assert chart.canvas.height() >= 180
    assert plot.owed_axes.bbox.height >= 60
    assert plot.monthly_axes.bbox.height >= 35  # the payments have room: no strip
    # the dates under the lower panel stand right under the upper one
    assert plot.owed_axes.bbox.y0 - plot.monthly_axes.bbox.y0 < 0.5 * chart.canvas.height()
    # the legend whole inside the canvas
    legend = plot.owed_axes.get_legend().get_window_extent(plot.figure._get_renderer())
    assert 0 <= legend.x0
    assert legend.x1 <= plot.figure.bbox.width
    assert 0 <= legend.y0
    assert legend.y1 <= plot.figure.bbox.height
    assert _in_sight(tab.form.save_button)
    assert _in_sight(tab.form.cancel_button)


def test_a_long_proposal_name_is_shown_whole_in_the_list(qtbot, window, lang) -> None:
    from ashore.ui.proposals.models import ProposalListModel

    tab = window.proposals_tab
    _show_tab(qtbot, window, tab)
    model, view = tab.list_model, tab.list_view
    name = ProposalListModel.Column.NAME
    row = next(r for r in range(model.rowCount()) if model.proposal_at(r).name == LONG_NAME)
    index = model.index(row, name)
    assert view.sizeHintForIndex(index).width() <= view.horizontalHeader().sectionSize(name)
    assert model.data(index, Qt.ItemDataRole.ToolTipRole).startswith(LONG_NAME)
    # the method short in the list, whole in its tooltip
    method = model.index(row, ProposalListModel.Column.METHOD)
    if lang == "en":
        assert model.data(method) == "More months"
        assert model.data(method, Qt.ItemDataRole.ToolTipRole) == "Spread over more months"
    assert view.sizeHintForIndex(method).width() <= view.horizontalHeader().sectionSize(1)
    assert QApplication.activeModalWidget() is None
