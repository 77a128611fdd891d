"""What needs the user's attention across all loans: a plan over the budget, a follow-up passed,
an agreed payment due soon, a credit report to check."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ashore.app.errors import InputError
from ashore.domain.guide import LoanGuide
from ashore.domain.records import Loan
from ashore.services import plans
from ashore.services.guide.figures import committed_monthly, plan_summary
from ashore.services.guide.stage import accepted, live_notes
from ashore.services.guide.storage import load_guides
from ashore.services.ledger import Ledger

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
    loans = list(ledger.snapshot())
    guides = load_guides(ledger)
    return find_warnings(loans, guides, ledger.monthly_budget(), today)


def find_warnings(
    loans: list[Loan], guides: dict[str, LoanGuide], budget: Decimal | None, today: date
) -> list[Warning]:
    found: list[Warning] = []
    for loan in loans:
        guide = guides.get(loan.id) or LoanGuide(loan.id)
        found.extend(_budget_warnings(loan, loans, budget, today))
        found.extend(_follow_up_warnings(loan, today))
        found.extend(_due_soon_warnings(loan, today))
        found.extend(_credit_check_warnings(loan, guide, today))
    order = {"urgent": 0, "warning": 1, "info": 2}
    return sorted(found, key=lambda w: (order.get(w.level, 3), w.on or today, w.loan_id))


def _budget_warnings(
    loan: Loan, loans: list[Loan], budget: Decimal | None, today: date
) -> list[Warning]:
    if budget is None:
        return []
    open_ones = [p for p in loan.proposals if p.status in ("draft", "proposed", "countered")]
    if not open_ones:
        return []
    committed = committed_monthly(loans, today, exclude=loan.id)
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


def _follow_up_warnings(loan: Loan, today: date) -> list[Warning]:
    notes = live_notes(loan)
    dated = [n for n in notes if n.follow_up is not None]
    if not dated:
        return []
    last = max(dated, key=lambda n: (n.occurred_at, n.logged_at))
    follow_up = last.follow_up
    assert follow_up is not None
    since = [n for n in notes if n.occurred_at.date() >= follow_up]
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


def _due_soon_warnings(loan: Loan, today: date) -> list[Warning]:
    if accepted(loan) is None:
        return []
    try:
        entries = plans.standing(loan, today).entries
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


def _credit_check_warnings(loan: Loan, guide: LoanGuide, today: date) -> list[Warning]:
    found = accepted(loan)
    if found is None or not loan.payments:
        return []
    summary = plans.summarize(loan, None, today)
    if summary.status != "settled":
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
