"""What needs the user's attention across all loans: a plan over the budget, a follow-up passed,
an agreed payment due soon, a credit report to check."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ashore.app.errors import InputError
from ashore.domain.guide import LoanGuide
from ashore.domain.money import ZERO
from ashore.domain.records import Loan, NoteFacts
from ashore.services import plans
from ashore.services.guide.figures import plan_summary
from ashore.services.guide.stage import accepted, facts_of
from ashore.services.guide.storage import load_guides
from ashore.services.ledger import Ledger
from ashore.services.snapshot import LoanFigures

DUE_SOON_DAYS = 3


@dataclass(frozen=True)
class Warning:
    """Something that needs the user's attention; ``level`` is "info", "warning" or "urgent"."""

    level: str
    loan_id: str
    text: str
    kind: str = ""  # "budget", "follow_up", "due_soon", "credit_check"
    on: date | None = None
    # ``text`` is English; ``message`` names its wording and ``args`` hold the values it was
    # built from (loan name, amounts, dates, days), so the window can say it in its language.
    message: str = ""
    args: tuple[object, ...] = ()
    currency: str = "CNY"


def warnings(ledger: Ledger, today: date) -> list[Warning]:
    """What needs attention on ``today`` across all loans, most urgent first."""
    # the shared read and figures of this refresh (the sidebar's and the dashboard's)
    figures = {found.loan.id: found for found in ledger.figures(today)}
    loans = [found.loan for found in figures.values()]
    guides = load_guides(ledger)
    facts = ledger.note_facts()
    return find_warnings(
        loans, guides, ledger.monthly_budget(), today, facts=facts, figures=figures
    )


def find_warnings(
    loans: list[Loan],
    guides: dict[str, LoanGuide],
    budget: Decimal | None,
    today: date,
    facts: Mapping[str, NoteFacts] | None = None,
    figures: Mapping[str, LoanFigures] | None = None,
) -> list[Warning]:
    """The warnings over ``loans``; ``facts`` stand for their notes (loans read without them,
    a loan not listed has no live notes) and ``figures`` are the loans worked out on ``today``
    when the caller has them (``Ledger.figures``)."""
    worked = _Worked(loans, today, figures or {})
    found: list[Warning] = []
    for loan in loans:
        guide = guides.get(loan.id) or LoanGuide(loan.id)
        noted = facts.get(loan.id, NoteFacts()) if facts is not None else facts_of(loan)
        found.extend(_budget_warnings(loan, worked, budget))
        found.extend(_follow_up_warnings(loan, noted, today))
        found.extend(_due_soon_warnings(loan, worked, today))
        found.extend(_credit_check_warnings(loan, worked, guide, today))
    order = {"urgent": 0, "warning": 1, "info": 2}
    return sorted(found, key=lambda w: (order.get(w.level, 3), w.on or today, w.loan_id))


class _Worked:
    """The loans' figures on one day, each worked out once (from ``figures`` where given), and
    what the agreement in force on each takes a month (``committed_monthly``'s terms)."""

    def __init__(self, loans: list[Loan], today: date, figures: Mapping[str, LoanFigures]) -> None:
        self.loans = loans
        self.today = today
        self._standings = {key: found.standing for key, found in figures.items()}
        self._statuses = {key: found.summary.status for key, found in figures.items()}
        self._monthly: dict[str, Decimal] = {}

    def standing(self, loan: Loan) -> plans.Standing:
        known = self._standings.get(loan.id)
        if known is None:
            known = self._standings[loan.id] = plans.standing(loan, self.today)
        return known

    def status(self, loan: Loan) -> str:
        known = self._statuses.get(loan.id)
        if known is None:
            st = self.standing(loan)
            known = self._statuses[loan.id] = plans.summarize(loan, None, self.today, st).status
        return known

    def committed(self, exclude: str) -> Decimal:
        """``committed_monthly(loans, today, exclude)``: each loan's share worked out once."""
        total = ZERO
        for loan in self.loans:
            if loan.id == exclude:
                continue
            found = accepted(loan)
            if found is None or self.status(loan) == "settled":
                continue
            share = self._monthly.get(loan.id)
            if share is None:
                share = self._monthly[loan.id] = plan_summary(loan, found).amount
            total += share
        return total


def _budget_warnings(loan: Loan, worked: _Worked, budget: Decimal | None) -> list[Warning]:
    if budget is None:
        return []
    open_ones = [p for p in loan.proposals if p.status in ("draft", "proposed", "countered")]
    if not open_ones:
        return []
    committed = worked.committed(exclude=loan.id)
    out = []
    for proposal in open_ones:
        try:
            summary = plan_summary(loan, proposal)
        except InputError:
            continue  # a proposal that cannot be worked out is reported on its own tab
        need = committed + summary.amount
        if need > budget:
            out.append(
                Warning(
                    "warning",
                    loan.id,
                    f"{loan.name}: “{proposal.name}” needs {summary.amount:,.2f} "
                    + (
                        "a month"
                        if summary.count > 1
                        else f"at once by {summary.last_due.isoformat()}"
                    )
                    + "; with "
                    f"{committed:,.2f} agreed on other loans that is {need:,.2f}, "
                    f"{need - budget:,.2f} over your monthly budget of {budget:,.2f}.",
                    "budget",
                    message="budget_monthly" if summary.count > 1 else "budget_once",
                    args=(
                        loan.name,
                        proposal.name,
                        summary.amount,
                        summary.last_due,
                        committed,
                        need,
                        need - budget,
                        budget,
                    ),
                    currency=loan.currency,
                )
            )
    return out


def _follow_up_warnings(loan: Loan, facts: NoteFacts, today: date) -> list[Warning]:
    follow_up = facts.follow_up  # of the latest live note that has one
    if follow_up is None:
        return []
    since = facts.last_day is not None and facts.last_day >= follow_up  # a note since
    # a status the lender gave since (accepted, countered…) is an answer too
    answered = any(h.at.date() >= follow_up for p in loan.proposals for h in p.history)
    if since or answered:
        return []
    if follow_up < today:
        days = (today - follow_up).days
        return [
            Warning(
                "warning",
                loan.id,
                f"{loan.name}: the follow-up of {follow_up.isoformat()} passed {_days(days)} ago "
                "with no note since; call the lender again.",
                "follow_up",
                follow_up,
                message="follow_up_passed",
                args=(loan.name, follow_up, days),
            )
        ]
    if follow_up == today:
        return [
            Warning(
                "info",
                loan.id,
                f"{loan.name}: follow up with the lender today.",
                "follow_up",
                follow_up,
                message="follow_up_today",
                args=(loan.name,),
            )
        ]
    return []


def _days(count: int) -> str:
    """ "1 day", "2 days" (the English ``text``; the window says it through Qt's plural forms)."""
    return "1 day" if count == 1 else f"{count} days"


def _due_soon_warnings(loan: Loan, worked: _Worked, today: date) -> list[Warning]:
    if accepted(loan) is None:
        return []
    try:
        entries = worked.standing(loan).entries
    except InputError:
        return []
    out = []
    for entry in entries:
        if entry.source != "agreement" or entry.remaining <= 0:
            continue
        days = (entry.due - today).days
        if 0 <= days <= DUE_SOON_DAYS:
            when = "today" if days == 0 else f"in {_days(days)}, on {entry.due.isoformat()}"
            out.append(
                Warning(
                    "urgent",
                    loan.id,
                    f"{loan.name}: agreed payment of {entry.remaining:,.2f} is due {when}.",
                    "due_soon",
                    entry.due,
                    message="due_today" if days == 0 else "due_in",
                    args=(loan.name, entry.remaining, days, entry.due),
                    currency=loan.currency,
                )
            )
    return out


def _credit_check_warnings(
    loan: Loan, worked: _Worked, guide: LoanGuide, today: date
) -> list[Warning]:
    found = accepted(loan)
    if found is None or not loan.payments:
        return []
    if worked.status(loan) != "settled":
        return []
    if any(c.checked_on <= today for c in guide.credit_checks):
        return []
    last_paid = max(p.date for p in loan.payments)
    return [
        Warning(
            "info",
            loan.id,
            f"{loan.name}: the agreement is paid off (last payment {last_paid.isoformat()}). "
            "Check your credit report shows the overdue cleared, and record what it says.",
            "credit_check",
            last_paid,
            message="credit_check",
            args=(loan.name, last_paid),
        )
    ]
