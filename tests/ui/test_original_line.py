"""The Overview chart's original schedule (walk 7's 15 and 24): it starts from what is owed
today, pays all the overdue at once and then each installment on its day, and its name says so
(it read as "If nothing is paid", the same figure today)."""

from __future__ import annotations

from datetime import timedelta

from ashore import finance
from ashore.services import plans
from ashore.ui.loan.overview import OverviewTab

from .test_overview import JB, TODAY
from .test_overview import tab as tab  # the Overview of the sample on TODAY


def test_the_original_line_pays_the_overdue_now_then_each_installment(
    qtbot, tab: OverviewTab
) -> None:
    loan = tab.ledger.loan(JB)
    fig = plans.figures(loan, TODAY)
    points = next(line for line in tab.chart_data.lines if line.key == "original").points
    assert fig.overdue > 0
    assert points[0] == (TODAY, fig.owed_today)  # what is owed today: 9,348.71
    assert points[1] == (TODAY + timedelta(days=1), fig.not_yet_due)  # all the overdue paid
    state = finance.loan_state(plans.loan_terms(loan), plans.loan_payments(loan), TODAY)
    coming = sorted((s for s in state.installments if s.due > TODAY), key=lambda s: s.due)
    assert points[2] == (coming[0].due, fig.not_yet_due - coming[0].unpaid_principal)
    assert points[-1][1] == 0
    qtbot.waitUntil(lambda: tab.chart.plot.owed_axes.get_legend() is not None)
    legend = [
        t.get_text().replace("\n", " ")  # long names wrap beside the plot
        for t in tab.chart.plot.owed_axes.get_legend().get_texts()
    ]
    assert legend[:2] == [
        "If nothing is paid · 9,348.71 today",
        "Original schedule, paying all overdue now · 9,348.71 today",
    ]
