"""The Payments tab: recording a payment changes the installments' status, a near due date and a
missed agreed installment raise the banner, and a claim shows its difference from our figure."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from ashore import finance
from ashore.app.context import Context
from ashore.domain.dates import date_text
from ashore.domain.records import Proposal
from ashore.services import Ledger, plans
from ashore.services.payments import Payments
from ashore.services.proposals import Proposals
from ashore.ui import dialogs
from ashore.ui.payments.models import ClaimsModel, PaymentsModel, PlanEntriesModel
from ashore.ui.payments.tab import PaymentsTab
from ashore.ui.widgets.style import table_height

from .helpers import click, type_into

JB = "jb-2026-01"
TODAY = date(2026, 11, 28)


def make_tab(qtbot, ledger: Ledger, ctx: Context) -> PaymentsTab:
    tab = PaymentsTab(Payments(ledger), ctx, "en")
    qtbot.addWidget(tab)
    tab.resize(900, 700)
    tab.show()
    return tab


def agree(ledger: Ledger, start: date = date(2026, 11, 20)) -> Proposal:
    """Accept a 12-month plan for the worked-example loan starting on ``start``."""
    space = Proposals(ledger)
    proposal = Proposal(
        "p9", "12 months", "reamortize", start, {"months": 12, "annual_rate": Decimal(0)}
    )
    space.save_proposal(JB, proposal)
    space.change_status(JB, "p9", "proposed")
    space.change_status(JB, "p9", "accepted")
    return next(p for p in ledger.loan(JB).proposals if p.id == "p9")


def statuses(tab: PaymentsTab) -> list[tuple[str, str, str]]:
    model = tab.entries_model
    return [
        (
            str(model.index(r, PlanEntriesModel.Column.DUE).data()),
            str(model.index(r, PlanEntriesModel.Column.SOURCE).data()),
            str(model.index(r, PlanEntriesModel.Column.STATUS).data()),
        )
        for r in range(model.rowCount())
    ]


def test_installments_show_their_status_and_an_overdue_banner(qtbot, sample, ctx) -> None:
    tab = make_tab(qtbot, sample, ctx)
    tab.set_loan(sample.loan(JB))
    rows = statuses(tab)
    assert rows[:4] == [(f"{m} 15, 2026", "original", "Paid") for m in ("Feb", "Mar", "Apr", "May")]
    assert [s for _, _, s in rows[4:10]] == ["Overdue"] * 6
    # not yet due: "Coming", not the word of money due now (issue 13)
    assert [s for _, _, s in rows[10:]] == ["Coming", "Coming"]
    # The still-owed column carries the penalty and late fee (June: 1,100.16 + 91.31 + 50).
    assert tab.entries_model.index(4, PlanEntriesModel.Column.REMAINING).data() == "1,241.47"
    assert tab.banner.isVisible()
    assert tab.banner_text().startswith("⚠ 6 installments are overdue, the oldest 1,241.47")


def test_recording_a_payment_pays_the_oldest_installment(qtbot, sample, ctx) -> None:
    tab = make_tab(qtbot, sample, ctx)
    tab.set_loan(sample.loan(JB))
    changed: list[str] = []
    tab.loanChanged.connect(changed.append)
    assert not tab.record_button.isEnabled()
    type_into(qtbot, tab.amount, "abc")
    assert tab.amount.error_label.text() != ""
    assert not tab.record_button.isEnabled()
    type_into(qtbot, tab.amount, "1,241.47")
    type_into(qtbot, tab.method, "Alipay")
    type_into(qtbot, tab.reference, "2026112800123")
    click(qtbot, tab.record_button)
    loan = sample.loan(JB)
    assert loan.payments[-1].amount == Decimal("1241.47")
    assert (loan.payments[-1].method, loan.payments[-1].reference) == ("Alipay", "2026112800123")
    assert loan.payments[-1].date == TODAY
    assert changed == [JB]
    assert statuses(tab)[4] == ("Jun 15, 2026", "original", "Paid")
    assert statuses(tab)[5][2] == "Overdue"
    assert tab.payments_model.index(0, PaymentsModel.Column.AMOUNT).data() == "1,241.47"
    state = finance.loan_state(plans.loan_terms(loan), plans.loan_payments(loan), TODAY)
    assert state.installments[4].status == "paid"


def test_deleting_a_payment_asks_and_removes_it(qtbot, sample, ctx, dialog_log) -> None:
    tab = make_tab(qtbot, sample, ctx)
    tab.set_loan(sample.loan(JB))
    tab.payments_view.selectRow(0)  # newest first: 2026-05-15
    click(qtbot, tab.delete_button)
    assert [name for name, _ in dialog_log] == ["confirm"]
    assert [p.date for p in sample.loan(JB).payments] == [
        date(2026, 2, 15),
        date(2026, 3, 15),
        date(2026, 4, 15),
    ]
    assert statuses(tab)[3] == ("May 15, 2026", "original", "Overdue")


def test_a_due_date_within_three_days_warns(qtbot, sample, data_dir) -> None:
    proposal = agree(sample)
    first = plans.work_out(sample.loan(JB), proposal).installments[0]
    assert first.due == date(2026, 12, 20)
    ctx = Context(data=data_dir, today=date(2026, 12, 17))
    tab = make_tab(qtbot, sample, ctx)
    tab.set_loan(sample.loan(JB))
    assert tab.banner.isVisible()
    assert tab.banner_text() == (
        f"◷ {first.payment:,} is due on Dec 20, 2026, in 3 days. Pay on time to keep the plan."
    )
    assert [s for _, src, s in statuses(tab) if src == "agreement"][:2] == ["Coming", "Coming"]
    early = make_tab(qtbot, sample, Context(data=data_dir, today=date(2026, 12, 16)))
    early.set_loan(sample.loan(JB))
    assert not early.banner.isVisible()


def test_a_missed_agreed_installment_shouts(qtbot, sample, data_dir) -> None:
    proposal = agree(sample)
    loan = sample.loan(JB)
    plan = plans.work_out(loan, proposal)
    ctx = Context(data=data_dir, today=date(2026, 12, 22))
    tab = make_tab(qtbot, sample, ctx)
    tab.set_loan(loan)
    first = plan.installments[0]
    assert tab.banner.isVisible()
    assert tab.banner_text().startswith(
        f"⚠ You missed the agreed installment of {first.payment:,} due Dec 20, 2026 (2 days ago)."
    )
    assert "A second default usually voids the agreement" in tab.banner_text()
    assert ("Dec 20, 2026", "agreement", "Overdue") in statuses(tab)
    assert plans.summarize(loan, None, ctx.today).status == "agreement_missed"
    # Paying it clears the shout.
    type_into(qtbot, tab.amount, str(first.payment))
    click(qtbot, tab.record_button)
    assert not tab.banner.isVisible() or not tab.banner_text().startswith("⚠")
    assert ("Dec 20, 2026", "agreement", "Paid 2 days late") in statuses(tab)


def test_a_claim_shows_the_difference_from_our_figure(qtbot, sample, ctx) -> None:
    tab = make_tab(qtbot, sample, ctx)
    tab.set_loan(sample.loan(JB))
    panel = tab.claims
    model = panel.model
    loan = sample.loan(JB)
    check = finance.check_claim(
        plans.loan_terms(loan), plans.loan_payments(loan), date(2026, 11, 20), Decimal("9830.55")
    )
    assert model.index(0, ClaimsModel.Column.OURS).data() == f"{check.ours:,}"
    assert model.index(0, ClaimsModel.Column.DIFFERENCE).data() == f"+{check.difference:,}"
    type_into(qtbot, panel.day, "2026-11-28")
    type_into(qtbot, panel.amount, "9000")
    type_into(qtbot, panel.source, "app screen")
    click(qtbot, panel.add_button)
    assert sample.loan(JB).claims[-1].amount == Decimal("9000.00")
    assert model.rowCount() == 2
    assert model.index(0, ClaimsModel.Column.DATE).data() == "Nov 28, 2026"
    assert model.index(0, ClaimsModel.Column.OURS).data() == "9,348.71"
    assert model.index(0, ClaimsModel.Column.DIFFERENCE).data() == "-348.71"
    assert model.index(0, ClaimsModel.Column.SOURCE).data() == "app screen"
    tip = model.index(1, ClaimsModel.Column.DIFFERENCE).data(Qt.ItemDataRole.ToolTipRole)
    assert "asks for more" in tip


def test_models_pass_the_model_tester(qtmodeltester, qtbot, sample, ctx) -> None:
    agree(sample)
    tab = make_tab(qtbot, sample, ctx)
    tab.set_loan(sample.loan(JB))
    for model in (tab.entries_model, tab.payments_model, tab.claims.model):
        assert model.rowCount() > 0
        qtmodeltester.check(model, force_py=True)
    empty = PlanEntriesModel("CNY", "en")
    qtmodeltester.check(empty, force_py=True)


@pytest.mark.parametrize(
    ("day", "amount", "doubt"),
    [
        ("2027-04-28", "100.00", "It is dated Apr 28, 2027, 151 days from today."),
        ("2026-11-28", "100000.00", "It is more than the 9,362.70 owed to settle the loan."),
    ],
)
def test_a_payment_ahead_of_today_or_above_what_is_owed_asks_first(
    qtbot, sample, ctx, dialog_log, monkeypatch, day, amount, doubt
) -> None:
    tab = make_tab(qtbot, sample, ctx)
    tab.set_loan(sample.loan(JB))
    before = list(sample.loan(JB).payments)
    monkeypatch.setattr(
        dialogs,
        "confirm",
        lambda *args, **kwargs: dialog_log.append(("confirm", args[1:])) or False,
    )
    type_into(qtbot, tab.day, day)
    type_into(qtbot, tab.amount, amount)
    click(qtbot, tab.record_button)
    assert [name for name, _ in dialog_log] == ["confirm"]
    assert doubt in str(dialog_log[0][1][1])
    assert sample.loan(JB).payments == before  # answered no: nothing recorded
    # an ordinary payment today asks nothing
    dialog_log.clear()
    type_into(qtbot, tab.day, TODAY.isoformat())
    type_into(qtbot, tab.amount, "100.00")
    click(qtbot, tab.record_button)
    assert dialog_log == []
    assert len(sample.loan(JB).payments) == len(before) + 1


def test_the_box_shows_only_the_agreements_installments(qtbot, sample, data_dir) -> None:
    """Issue 13: under an agreement in force, the box "Installments of the plan in force" lists
    the agreement's installments only (not the original ones it replaced, nor those paid before
    it), and its first says "Due now" on its day, the next "Coming" (English and Chinese)."""
    proposal = agree(sample)
    plan = plans.plan_in_force(sample.loan(JB), proposal)
    first = plan.installments[0]
    tab = make_tab(qtbot, sample, Context(data=data_dir, today=first.due))
    tab.set_loan(sample.loan(JB))
    rows = statuses(tab)
    assert [due for due, _, _ in rows] == [date_text(r.due, "en") for r in plan.installments]
    assert {src for _, src, _ in rows} == {"agreement"}
    assert [s for _, _, s in rows[:2]] == ["Due now", "Coming"]
    zh = PaymentsTab(Payments(sample), Context(data=data_dir, today=first.due), "zh_CN")
    qtbot.addWidget(zh)
    zh.set_loan(sample.loan(JB))
    words = [zh.entries_model.status_text(e) for e in zh.entries_model._rows[:2]]
    assert words == [zh.entries_model.tr("Due now"), zh.entries_model.tr("Coming")]


@pytest.mark.parametrize(
    ("today", "kind"),
    [
        (date(2026, 12, 17), "in 3 days"),
        (date(2026, 12, 19), "tomorrow"),
        (date(2026, 12, 20), "today"),
        (date(2026, 12, 22), "missed"),
        (date(2027, 6, 30), "overdue"),
    ],
)
def test_every_banner_symbol_is_drawable_by_its_font(
    qtbot, sample, data_dir, lang, today, kind
) -> None:
    """The banner's leading symbol is in the label's own font: an alarm clock (U+23F0) had no
    glyph in the fonts the window has and showed as a box (seventh walk, both languages)."""
    import unicodedata

    from PySide6.QtGui import QFontMetrics

    agree(sample)
    tab = make_tab(qtbot, sample, Context(data=data_dir, today=today, lang=lang))
    tab.set_loan(sample.loan(JB))
    text = tab.banner_text()
    assert text, kind
    metrics = QFontMetrics(tab.banner.font())
    symbols = [c for c in text if ord(c) > 127 and unicodedata.category(c).startswith("S")]
    assert symbols, text  # every banner opens with its sign
    assert [c for c in symbols if not metrics.inFontUcs4(ord(c))] == [], text


def test_payments_made_open_with_the_newest_in_sight(qtbot, sample, data_dir) -> None:
    """The newest payment is the first row and is in sight whenever a loan is shown, even when
    the list had been scrolled down (seventh walk: it opened hidden above, under the header)."""
    agree(sample, date(2027, 1, 2))
    tab = make_tab(qtbot, sample, Context(data=data_dir, today=date(2027, 1, 2)))
    tab.set_loan(sample.loan(JB))
    view = tab.payments_view
    view.setFixedHeight(table_height(view, 3))
    view.scrollToBottom()
    assert view.verticalScrollBar().value() > 0
    type_into(qtbot, tab.amount, "364.70")
    click(qtbot, tab.record_button)  # the tab is filled again after the write
    newest = view.model().index(0, PaymentsModel.Column.DATE)
    assert newest.data() == "Jan 2, 2027"
    assert view.verticalScrollBar().value() == 0
    assert view.viewport().rect().contains(view.visualRect(newest))


@pytest.mark.parametrize(
    ("today", "count", "days", "dates_en"),
    [
        (date(2027, 1, 22), 2, 33, "Dec 20, 2026 and Jan 20, 2027"),
        (date(2027, 2, 22), 3, 64, "Dec 20, 2026 to Feb 20, 2027"),
    ],
)
def test_every_missed_agreed_installment_is_counted(
    qtbot, sample, data_dir, lang, today, count, days, dates_en
) -> None:
    """Ninth walk's 4: with Oct 15 and Nov 15 both missed, the banner named Oct 15 alone. It
    now says how many, what they come to together and when they fell due, and so does the
    Overview's next step."""
    from ashore.ui.loan.overview import OverviewTab

    proposal = agree(sample)
    loan = sample.loan(JB)
    plan = plans.work_out(loan, proposal)
    missed = plan.installments[:count]
    total = sum((i.payment for i in missed), Decimal(0))
    assert total == missed[0].payment * count  # each unpaid in full
    ctx = Context(data=data_dir, today=today)
    tab = PaymentsTab(Payments(sample), ctx, lang)
    qtbot.addWidget(tab)
    tab.show()
    tab.set_loan(loan)
    overview = OverviewTab(sample, ctx, lang)
    qtbot.addWidget(overview)
    overview.show()
    overview.set_loan(loan, None)
    first, last = date_text(missed[0].due, lang), date_text(missed[-1].due, lang)
    if lang == "en":
        assert first in dates_en
        banner = (
            f"⚠ You missed {count} agreed installments: {total:,} ({dates_en}), "
            f"the first {days} days ago. A second default usually voids the agreement: "
            "pay them now and tell the lender."
        )
        step = (
            f"<b>Pay the {count} missed installments first: {total:,}</b>, due on "
            f"<b>{dates_en}</b> (the first {days} days late)."
        )
    else:
        dates = f"{first}和{last}" if count == 2 else f"{first} 至 {last}"
        banner = (
            f"⚠ 你错过了 {count} 期约定还款，共 {total:,}（{dates} 到期），最早一期已过 {days} 天。"
            "再次违约通常会导致协议作废：请立即还款并告知出借方。"
        )
        step = (
            f"<b>请先还上逾期未还的 {count} 期：共 {total:,}</b>，应还日 <b>{dates}</b>"
            f"（最早一期已逾期 {days} 天）。"
        )
    assert tab.banner_text().startswith(banner), tab.banner_text()
    assert overview.next_text.text().startswith(step), overview.next_text.text()
