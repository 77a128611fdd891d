"""The negotiation chart updated as the window updates it: the service's curves of a loan of the
sample book drawn, a proposal edited, added or removed; only what changed is redrawn."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import numpy as np
import pytest

from ashore.domain.records import Loan, Proposal
from ashore.services import Ledger, plans
from ashore.services.views import chart as chart_view
from ashore.services.views.chart import ChartData
from ashore.ui.chart.view import MonthlyBar, NegotiationChart, Series
from ashore.ui.widgets.workspace import show_on_chart

TODAY = date(2026, 11, 28)
OWED = Decimal("9348.71")


@pytest.fixture
def loan(ledger: Ledger) -> Loan:
    """借呗 of the sample book with two proposals: its own 24 months at 0 %, and 36 months."""
    ledger.load_sample()
    loan = ledger.loan("jb-2026-01")
    (own,) = loan.proposals
    longer = replace(own, id="p9", name="36 months", params={**own.params, "months": 36})
    return replace(loan, proposals=[own, longer])


@pytest.fixture
def chart(qtbot) -> NegotiationChart:  # type: ignore[no-untyped-def]
    widget = NegotiationChart(currency="CNY", locale="en")
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.wait(20)  # shown at its size: the resize's own redraw is done
    return widget


def drawn(qtbot, chart: NegotiationChart, data: ChartData) -> None:  # type: ignore[no-untyped-def]
    """Give the chart the figures as the window does, and wait until they are on the canvas."""
    frames = chart.plot.full_draws + chart.plot.blits
    show_on_chart(chart, data)
    qtbot.waitUntil(lambda: chart.plot.full_draws + chart.plot.blits > frames)


def edited(loan: Loan, key: str, months: int) -> tuple[Proposal, ChartData]:
    """The chart while proposal ``key`` is being edited to ``months`` months (as the proposal
    form shows it before saving: the plan drawn instead of the saved one)."""
    proposal = next(p for p in loan.proposals if p.id == key)
    proposal = replace(proposal, params={**proposal.params, "months": months})
    plan = plans.plan_in_force(loan, proposal)
    return proposal, chart_view.loan_chart(loan, TODAY, None, [(proposal, plan)])


def service_line(data: ChartData, key: str) -> chart_view.Line:
    return next(line for line in data.lines if line.key == key)


def given_data(line: object) -> tuple[object, object]:
    """The x and y the line was last given (set_data keeps copies: new objects each time)."""
    return line.get_xdata(orig=True), line.get_ydata(orig=True)  # type: ignore[attr-defined]


def same_objects(one: tuple[object, ...], other: tuple[object, ...]) -> bool:
    return all(a is b for a, b in zip(one, other, strict=True))


def legend_texts(chart: NegotiationChart) -> list[str]:
    return [text.get_text() for text in chart.plot.owed_axes.get_legend().get_texts()]


def test_the_same_figures_again_keep_every_line_and_its_data_as_given_before(
    qtbot,  # type: ignore[no-untyped-def]
    chart: NegotiationChart,
    loan: Loan,
) -> None:
    data = chart_view.loan_chart(loan, TODAY, None)
    drawn(qtbot, chart, data)
    keys = [line.key for line in data.lines]
    assert keys == ["status_quo", "original", "p1", "p9"]
    lines = {key: chart.plot.line(key) for key in keys}
    given = {key: given_data(line) for key, line in lines.items()}
    points = {key: chart.line_data(key).copy() for key in keys}
    monthly = {key: chart.plot.monthly_line(key) for key in ("p1", "p9")}

    drawn(qtbot, chart, chart_view.loan_chart(loan, TODAY, None))  # worked out again, equal
    for key in keys:
        assert chart.plot.line(key) is lines[key]
        # Not given its data again (set_data copies what it is given): nothing to work out anew.
        assert same_objects(given_data(chart.plot.line(key)), given[key])
        assert np.array_equal(chart.line_data(key), points[key])
    assert all(chart.plot.monthly_line(key) is monthly[key] for key in monthly)
    assert len(chart.plot.owed_axes.lines) == len(keys) + 3  # today, claims, cursor


def test_editing_one_proposal_changes_only_its_line_to_the_services_curve(
    qtbot,  # type: ignore[no-untyped-def]
    chart: NegotiationChart,
    loan: Loan,
) -> None:
    from matplotlib.dates import date2num

    drawn(qtbot, chart, chart_view.loan_chart(loan, TODAY, None))
    others = {key: chart.plot.line(key) for key in ("status_quo", "original", "p9")}
    given = {key: given_data(line) for key, line in others.items()}
    line = chart.plot.line("p1")
    before = chart.line_data("p1").copy()

    _, data = edited(loan, "p1", 12)
    drawn(qtbot, chart, data)
    curve = service_line(data, "p1")
    # 12 months at 0 % on what is owed: a point on the start day and after each installment.
    assert len(curve.points) == 13
    assert curve.points[-1][1] == Decimal("0")
    assert chart.plot.line("p1") is line
    after = chart.line_data("p1")
    assert list(after[:, 0]) == [date2num(day) for day, _ in curve.points]
    assert list(after[:, 1]) == [float(amount) for _, amount in curve.points]
    assert after.shape != before.shape  # 24 months became 12
    for key, other in others.items():
        assert chart.plot.line(key) is other
        assert same_objects(given_data(other), given[key])  # untouched
    # The monthly payment follows: the same total in half the months.
    months = next(bar for bar in data.monthly if bar.key == "p1").months
    assert len(months) == 12
    assert sum(amount for _, amount in months) == sum(
        amount for _, amount in service_line(data, "p1").points[:1]
    )


def test_a_proposal_removed_takes_its_line_and_its_legend_entry_with_it(
    qtbot,  # type: ignore[no-untyped-def]
    chart: NegotiationChart,
    loan: Loan,
) -> None:
    drawn(qtbot, chart, chart_view.loan_chart(loan, TODAY, None))
    gone = chart.plot.line("p9")
    assert any(text.startswith("36 months") for text in legend_texts(chart))

    fewer = replace(loan, proposals=[p for p in loan.proposals if p.id != "p9"])
    drawn(qtbot, chart, chart_view.loan_chart(fewer, TODAY, None))
    assert gone.axes is None
    assert gone not in chart.plot.owed_axes.lines
    with pytest.raises(KeyError):
        chart.plot.line("p9")
    with pytest.raises(KeyError):
        chart.plot.monthly_line("p9")
    texts = legend_texts(chart)
    assert not any(text.startswith("36 months") for text in texts)
    assert any(text.startswith("24 months, penalty waived") for text in texts)
    # If nothing is paid, the original schedule, the one proposal left; then the markers.
    assert len(texts) == 5
    assert texts[3:] == ["payments made", "lender claims"]


def test_a_settled_plan_still_ends_at_zero_after_its_amount_changes(
    qtbot,  # type: ignore[no-untyped-def]
    chart: NegotiationChart,
    ledger: Ledger,
) -> None:
    ledger.load_sample()
    loan = ledger.loan("jt360-bullet-0901")
    (settle,) = loan.proposals
    assert settle.method == "lump_sum"
    drawn(qtbot, chart, chart_view.loan_chart(loan, TODAY, None))
    assert chart.line_data("p2")[-1, 1] == 0.0  # what the lender forgives is not owed
    line = chart.plot.line("p2")

    cheaper = replace(settle, params={**settle.params, "amount": Decimal("2500.00")})
    plan = plans.plan_in_force(loan, cheaper)
    data = chart_view.loan_chart(loan, TODAY, None, [(cheaper, plan)])
    drawn(qtbot, chart, data)
    assert chart.plot.line("p2") is line
    points = chart.line_data("p2")
    assert points[-1, 1] == 0.0
    assert points[-1, 0] == pytest.approx(float(np.asarray(line.get_xdata())[-1]))
    assert [float(a) for _, a in service_line(data, "p2").points] == list(points[:, 1])
    monthly = chart.plot.monthly_line("p2").get_ydata()
    assert 2500.0 in list(monthly)  # the one payment, now 2,500.00


def test_each_proposal_keeps_its_colour_through_edits_removals_and_new_ones(
    qtbot,  # type: ignore[no-untyped-def]
    chart: NegotiationChart,
    loan: Loan,
) -> None:
    drawn(qtbot, chart, chart_view.loan_chart(loan, TODAY, None))
    colours = {key: chart.plot.colour(key) for key in ("p1", "p9")}
    assert colours["p1"] != colours["p9"]
    _, data = edited(loan, "p9", 30)
    drawn(qtbot, chart, data)
    assert {key: chart.plot.colour(key) for key in colours} == colours
    # Shown alone, then with a third proposal beside it: p1 keeps its colour all along.
    alone = replace(loan, proposals=[loan.proposals[0]])
    drawn(qtbot, chart, chart_view.loan_chart(alone, TODAY, None))
    assert chart.plot.colour("p1") == colours["p1"]
    third = replace(loan.proposals[0], id="p7", name="18 months", params={"months": 18})
    third = replace(third, params={**loan.proposals[0].params, "months": 18})
    more = replace(loan, proposals=[third, *loan.proposals])
    drawn(qtbot, chart, chart_view.loan_chart(more, TODAY, None))
    assert chart.plot.colour("p1") == colours["p1"]
    assert chart.plot.colour("p9") == colours["p9"]
    assert chart.plot.colour("p7") not in (colours["p1"], colours["p9"])
    assert chart.plot.monthly_line("p1").get_color() == colours["p1"]


# ----- panels: when only one panel's axes move, only that panel is drawn again ------------------


def plan(first: Decimal, january: Decimal) -> tuple[Series, MonthlyBar]:
    december, end = date(2026, 12, 15), date(2027, 1, 15)
    points = [(TODAY, OWED), (december, OWED - first), (end, Decimal("0"))]
    months = [(december, first), (end, january)]
    return Series("ream", "Plan ream", points, "proposal"), MonthlyBar("ream", "Plan ream", months)


def status_quo(days: int, daily: Decimal = Decimal("3.30")) -> Series:
    points = [(date.fromordinal(TODAY.toordinal() + n), OWED + daily * n) for n in range(days)]
    return Series("status_quo", "If nothing is paid", points, "status_quo")


def show(chart: NegotiationChart, quo: Series, first: Decimal, january: Decimal) -> None:
    line, bar = plan(first, january)
    chart.set_data(lines=[quo, line], today=TODAY, monthly=[bar], budget=Decimal("1500.00"))


def canvas_pixels(chart: NegotiationChart) -> np.ndarray:
    return np.asarray(chart.canvas.buffer_rgba()).copy()  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("change", "moved"),
    [
        # January's payment drops from 8,936.34 to 7,600.00: the monthly axis shrinks, its labels
        # keep their shapes (0 to 8,000 by 2,000) and the plan's total in the legend its shape.
        ({"january": Decimal("7600.00")}, "monthly"),
        # The status quo climbs faster (to 9,493.70, still under the 10,000 a tick would show):
        # the owed axis grows; the monthly panel stays as it was.
        ({"daily": Decimal("5.00")}, "owed"),
    ],
)
def test_when_one_panels_axes_move_only_that_panel_is_drawn_again_as_a_full_draw_would(
    qtbot,  # type: ignore[no-untyped-def]
    chart: NegotiationChart,
    change: dict[str, Decimal],
    moved: str,
) -> None:
    first, january = Decimal("412.37"), Decimal("8936.34")
    show(chart, status_quo(30), first, january)
    chart.canvas.draw()  # type: ignore[attr-defined]
    chart.canvas.draw()  # type: ignore[attr-defined]  # the first draw's antialiasing differs
    owed, monthly = chart.plot.owed_axes.get_ylim(), chart.plot.monthly_axes.get_ylim()
    full_draws, blits, panels = chart.plot.full_draws, chart.plot.blits, chart.plot.panel_draws

    quo = status_quo(30, change.get("daily", Decimal("3.30")))
    show(chart, quo, first, change.get("january", january))
    qtbot.waitUntil(lambda: chart.plot.blits + chart.plot.full_draws > blits + full_draws)
    assert (chart.plot.full_draws, chart.plot.panel_draws) == (full_draws, panels + 1)
    assert (chart.plot.owed_axes.get_ylim() != owed) == (moved == "owed")
    assert (chart.plot.monthly_axes.get_ylim() != monthly) == (moved == "monthly")
    repainted = canvas_pixels(chart)
    chart.canvas.draw()  # type: ignore[attr-defined]
    assert chart.plot.full_draws == full_draws + 1
    assert np.array_equal(repainted, canvas_pixels(chart))


def test_several_changes_in_one_go_make_one_repaint(
    qtbot,  # type: ignore[no-untyped-def]
    chart: NegotiationChart,
) -> None:
    show(chart, status_quo(30), Decimal("412.37"), Decimal("8936.34"))
    chart.canvas.draw()  # type: ignore[attr-defined]
    frames = chart.plot.full_draws + chart.plot.blits
    show(chart, status_quo(30), Decimal("412.37"), Decimal("7600.00"))
    chart.set_visible("ream", False)
    chart.set_visible("ream", True)
    qtbot.waitUntil(lambda: chart.plot.full_draws + chart.plot.blits > frames)
    qtbot.wait(50)
    assert chart.plot.full_draws + chart.plot.blits == frames + 1


def test_a_plan_a_month_longer_moves_the_dates_and_both_panels_are_drawn_as_a_full_draw_would(
    qtbot,  # type: ignore[no-untyped-def]
    chart: NegotiationChart,
    loan: Loan,
) -> None:
    loan = replace(loan, proposals=[loan.proposals[0]])  # its own plan decides how far it looks
    _, data = edited(loan, "p1", 24)
    drawn(qtbot, chart, data)
    chart.canvas.draw()  # type: ignore[attr-defined]
    dates = chart.plot.owed_axes.get_xlim()
    full_draws, panels = chart.plot.full_draws, chart.plot.panel_draws

    _, data = edited(loan, "p1", 25)  # the chart looks a month further ahead
    drawn(qtbot, chart, data)
    assert chart.plot.owed_axes.get_xlim()[1] > dates[1]
    assert (chart.plot.full_draws, chart.plot.panel_draws) == (full_draws, panels + 1)
    repainted = canvas_pixels(chart)
    chart.canvas.draw()  # type: ignore[attr-defined]
    assert np.array_equal(repainted, canvas_pixels(chart))
