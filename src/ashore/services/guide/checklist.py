"""The five things to have ready before the call, each ticked or not."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ashore.domain.guide import LoanGuide
from ashore.domain.records import Lender, Loan


@dataclass(frozen=True)
class ChecklistItem:
    key: str  # "reason", "budget", "ask", "documents", "contact"
    done: bool
    detail: str


def checklist(
    loan: Loan, lender: Lender | None, guide: LoanGuide, budget: Decimal | None
) -> list[ChecklistItem]:
    """The five things to have ready before the call, each ticked or not, with what was found."""
    ask = next((p for p in loan.proposals if p.id == guide.ask), None)
    kinds = sorted({d.kind for d in guide.documents})
    contact_parts = [part for part in (lender.phone, lender.hours) if part] if lender else []
    return [
        ChecklistItem(
            "reason",
            bool(guide.reason and guide.reason_text.strip()),
            guide.reason_text.strip(),
        ),
        ChecklistItem("budget", budget is not None and budget > 0, f"{budget:f}" if budget else ""),
        ChecklistItem("ask", ask is not None, ask.name if ask else ""),
        ChecklistItem("documents", bool(guide.documents), ", ".join(kinds)),
        ChecklistItem(
            "contact",
            bool(lender and lender.phone and lender.hours),
            " · ".join(contact_parts),
        ),
    ]
