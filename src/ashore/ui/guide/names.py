"""The Guide's words for its stages, the next step of each, hardship reasons, documents and
credit-report results, translated where they are shown.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ashore.app.errors import DataError, InputError
from ashore.ui.widgets.words import _tr

if TYPE_CHECKING:
    from ashore.services.ledger import Ledger


def stage_titles() -> dict[str, str]:
    return {
        "not_started": _tr("No negotiation yet"),
        "preparing": _tr("Preparing"),
        "in_contact": _tr("In contact"),
        "offer": _tr("Offer on the table"),
        "agreed": _tr("Agreed"),
        "repaying": _tr("Repaying"),
        "settled": _tr("Settled"),
        "credit_checked": _tr("Credit record checked"),
        # not a stage: an agreement with an installment missed (the badge's status)
        "missed": _tr("Agreement missed"),
    }


def next_steps() -> dict[str, str]:
    return {
        "not_started": _tr("Choose why you fell behind and what you can pay each month."),
        "preparing": _tr("Finish the checklist, then call the lender with the call card open."),
        "in_contact": _tr(
            "Put a concrete plan to the lender: choose a proposal and mark it proposed."
        ),
        "offer": _tr(
            "Wait for the answer; on the follow-up date call again and ask for it in writing."
        ),
        "agreed": _tr(
            "Make the first agreed payment on time; a second default can void the agreement."
        ),
        "repaying": _tr("Pay every agreed installment on its date, and keep the receipts."),
        "settled": _tr(
            "Check your credit report shows the overdue cleared, and record what it says."
        ),
        "credit_checked": _tr(
            "Done: keep the agreement, the receipts and the report in a safe place."
        ),
        "current": _tr("This loan is paid on time; keep it that way."),
        "missed": _tr(
            "An agreed payment was missed: pay it now and call the lender before they do."
        ),
    }


def reason_names() -> dict[str, str]:
    return {
        "": _tr("— choose —"),
        "job_loss": _tr("Job loss"),
        "illness": _tr("Illness"),
        "family_event": _tr("Family event"),
        "income_drop": _tr("Income drop"),
        "disaster": _tr("Disaster"),
        "other": _tr("Other"),
    }


def document_names() -> dict[str, str]:
    return {
        "unemployment_proof": _tr("Unemployment proof"),
        "medical_records": _tr("Medical records"),
        "income_statement": _tr("Income statement"),
        "other": _tr("Other document"),
    }


def credit_result_names() -> dict[str, str]:
    return {
        "cleared": _tr("Overdue cleared"),
        "still_overdue": _tr("Still shows overdue"),
        "not_updated": _tr("Not updated yet"),
        "other": _tr("Something else"),
    }


def sidebar_stages(ledger: Ledger, today: date) -> dict[str, tuple[str, str]] | None:
    """Each loan's negotiation stage and next step, by loan id, as the sidebar shows them under
    its name; None when a loan cannot be worked out (its page says why)."""
    from ashore.services.guide import stage as guide_stage

    try:
        found = guide_stage.stages(ledger, today)
    except (InputError, DataError):
        return None
    titles, steps = stage_titles(), next_steps()
    return {loan_id: (titles[st.title_key], steps[st.next_key]) for loan_id, st in found.items()}
