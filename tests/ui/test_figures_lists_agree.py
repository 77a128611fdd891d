"""Issue 13 (the fifth walk) in the Proposals tab: a lump sum is named as one payment, not as
"monthly", in the list and in the comparison (English and Chinese); the comparison's columns and
the chart's lines keep the proposals' own order whichever is being edited; and a proposal's
history shows at least four rows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from ashore.services import Ledger
from ashore.services.proposals import Proposals
from ashore.services.views.chart import ChartData
from ashore.ui.proposals.models import ComparisonModel, ProposalListModel
from ashore.ui.proposals.tab import ProposalsTab
from ashore.ui.widgets.style import table_height
from reports.walk_book import JB

ONCE = {"en": "6,544.10 once", "zh_CN": "一次付清 6,544.10"}
MONTHLY = {"en": "364.70", "zh_CN": "364.70"}  # the header says "Payment"
ONE_PAYMENT = {"en": "6,544.10 (one payment)", "zh_CN": "6,544.10（一次付清）"}


@pytest.fixture
def tab(book: Ledger, proposals_tab) -> ProposalsTab:
    widget: ProposalsTab = proposals_tab(book, JB, size=(860, 620))
    return widget


def names_in_order(model: ComparisonModel) -> list[str]:
    """The columns' whole names (their tooltips), left to right."""
    tip = Qt.ItemDataRole.ToolTipRole
    return [
        str(model.headerData(c, Qt.Orientation.Horizontal, tip))
        for c in range(1, model.columnCount())
    ]


def test_a_lump_sum_is_one_payment_in_the_list_and_the_comparison(
    book: Ledger, proposals_tab, lang: str
) -> None:
    widget: ProposalsTab = proposals_tab(book, JB, lang, size=None)
    rows = {widget.list_model.proposal_at(r).id: r for r in range(widget.list_model.rowCount())}
    payment = ProposalListModel.Column.MONTHLY

    def listed(pid: str) -> str:
        return str(widget.list_model.index(rows[pid], payment).data())

    assert listed("p-70") == ONCE[lang]  # "Settle at 70 %": 70 % of 9,348.71, by Dec 20
    assert listed("p-24") == MONTHLY[lang]  # 24 × 364.70 (8,752.77 at 0 %)
    model = widget.comparison_model
    column = 1 + names_in_order(model).index("Settle at 70 %")
    for row in (ComparisonModel.Column.LARGEST, ComparisonModel.Column.TYPICAL):
        assert model.text(row, column) == ONE_PAYMENT[lang]
    # a plan of installments keeps its plain amount
    plain = 1 + names_in_order(model).index("400 a month")
    assert model.text(ComparisonModel.Column.TYPICAL, plain) == "400.00"


def test_the_comparison_and_the_chart_keep_the_proposals_order(
    qtbot, tab: ProposalsTab, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ashore.ui.proposals.tab as module

    drawn: list[ChartData] = []
    monkeypatch.setattr(
        module, "show_on_chart", lambda _chart, data, _hidden=(): drawn.append(data)
    )
    made = ["24 months, penalty waived", "400 a month", "Settle at 70 %"]
    fixed = ["Doing nothing", "Original schedule"]
    # under the agreement (p-24) the chart draws doing nothing, the agreement and the draft
    # being edited (open drafts no longer compete with it), in the order they were made
    for row, drafts in ((2, ["p-70"]), (1, ["p-400"]), (0, []), (2, ["p-70"])):
        tab._select_row(row)  # editing one used to move its column (and line) to the end
        qtbot.waitUntil(lambda: not tab.form.pending(), timeout=2000)
        assert names_in_order(tab.comparison_model) == [*fixed, *made]
        assert [line.key for line in drawn[-1].lines] == ["status_quo", "p-24", *drafts]
        assert [bar.key for bar in drawn[-1].monthly] == ["p-24", *drafts]


def test_an_edited_draft_is_drawn_in_its_place_before_a_later_agreement(
    qtbot, book: Ledger, proposals_tab, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The agreement made last, the first draft edited: its line comes before the agreement's."""
    from datetime import datetime, timedelta, timezone

    import ashore.ui.proposals.tab as module

    proposals = Proposals(book)
    proposals.change_status(
        JB,
        "p-70",
        "accepted",
        "agent",
        datetime(2026, 11, 28, 11, tzinfo=timezone(timedelta(hours=8))),
    )
    drawn: list[ChartData] = []
    monkeypatch.setattr(
        module, "show_on_chart", lambda _chart, data, _hidden=(): drawn.append(data)
    )
    widget: ProposalsTab = proposals_tab(book, JB, size=None)
    widget._select_row(1)  # "400 a month"
    qtbot.waitUntil(lambda: not widget.form.pending(), timeout=2000)
    assert [line.key for line in drawn[-1].lines] == ["status_quo", "p-400", "p-70"]


def test_the_history_shows_at_least_four_rows(qtbot, tab: ProposalsTab) -> None:
    """Beside what is recorded, the history has four rows at least, and showing it takes no
    room from the form above (the splitter keeps its sizes)."""
    tab.resize(1280 - 400, 800 - 130)  # the loan page's share of a 1280×800 screen
    qtbot.wait(20)
    before = tab.splitter.sizes()
    tab.views.setCurrentIndex(3)  # Status and history
    qtbot.wait(20)
    view = tab.history_view
    assert view.minimumHeight() >= table_height(view, 4)
    assert view.isVisible()
    assert view.height() >= table_height(view, 4)
    assert tab.splitter.sizes() == before
