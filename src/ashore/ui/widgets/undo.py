"""Undoable changes to the Ledger: create, edit and delete of a loan or a lender, and a payment
recorded.

Each command is pushed after its first change already succeeded (so a refused save never reaches
the stack); ``redo`` on the first push does nothing, later redos repeat the change. ``changed`` is
called after every undo and redo with the id to show, so the window can refresh itself.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from ashore.domain.records import Lender, Loan, Payment

if TYPE_CHECKING:
    from ashore.services import Ledger
    from ashore.services.payments import Payments

# (kind, id): ("loan", "loan-3") / ("lender", "jb") / ("none", "")
Changed = Callable[[str, str], None]


class _LedgerCommand(QUndoCommand):
    def __init__(self, ledger: Ledger, changed: Changed, text: str) -> None:
        super().__init__(text)
        self.ledger = ledger
        self.changed = changed
        self._first = True

    def redo(self) -> None:
        if self._first:  # the change was made before the push
            self._first = False
            return
        self.apply()

    def apply(self) -> None:
        raise NotImplementedError

    def undo(self) -> None:
        raise NotImplementedError


class SaveLoanCommand(_LedgerCommand):
    """A loan created (``before`` is None) or edited."""

    def __init__(
        self, ledger: Ledger, changed: Changed, before: Loan | None, after: Loan, text: str
    ) -> None:
        super().__init__(ledger, changed, text)
        self.before = copy.deepcopy(before)
        self.after = copy.deepcopy(after)

    def apply(self) -> None:
        self.ledger.save_loan(copy.deepcopy(self.after))
        self.changed("loan", self.after.id)

    def undo(self) -> None:
        if self.before is None:
            self.ledger.delete_loan(self.after.id)
            self.changed("lender", self.after.lender)
        else:
            self.ledger.save_loan(copy.deepcopy(self.before))
            self.changed("loan", self.before.id)


class DeleteLoanCommand(_LedgerCommand):
    """A loan deleted; undo puts the full record back with the same ids."""

    def __init__(self, ledger: Ledger, changed: Changed, removed: Loan, text: str) -> None:
        super().__init__(ledger, changed, text)
        self.removed = copy.deepcopy(removed)

    def apply(self) -> None:
        self.ledger.delete_loan(self.removed.id)
        self.changed("lender", self.removed.lender)

    def undo(self) -> None:
        self.ledger.restore_loan(copy.deepcopy(self.removed))
        self.changed("loan", self.removed.id)


class SaveLenderCommand(_LedgerCommand):
    """A lender created (``before`` is None) or edited."""

    def __init__(
        self, ledger: Ledger, changed: Changed, before: Lender | None, after: Lender, text: str
    ) -> None:
        super().__init__(ledger, changed, text)
        self.before = copy.deepcopy(before)
        self.after = copy.deepcopy(after)

    def apply(self) -> None:
        self.ledger.save_lender(copy.deepcopy(self.after))
        self.changed("lender", self.after.id)

    def undo(self) -> None:
        if self.before is None:
            self.ledger.delete_lender(self.after.id)
            self.changed("none", "")
        else:
            self.ledger.save_lender(copy.deepcopy(self.before))
            self.changed("lender", self.before.id)


class DeleteLenderCommand(_LedgerCommand):
    """A lender without loans deleted; undo puts it back."""

    def __init__(self, ledger: Ledger, changed: Changed, removed: Lender, text: str) -> None:
        super().__init__(ledger, changed, text)
        self.removed = copy.deepcopy(removed)

    def apply(self) -> None:
        self.ledger.delete_lender(self.removed.id)
        self.changed("none", "")

    def undo(self) -> None:
        self.ledger.save_lender(copy.deepcopy(self.removed))
        self.changed("lender", self.removed.id)


class RecordPaymentCommand(_LedgerCommand):
    """A payment recorded on a loan; undo deletes it again, redo records it again.

    Payments keep the order they were recorded in and a later one is added after them, so the
    payment is found as the last one equal to it (a "Delete payment…" of another one meanwhile,
    which is not on the stack, moves its index)."""

    def __init__(
        self, payments: Payments, changed: Changed, loan_id: str, payment: Payment, text: str
    ) -> None:
        super().__init__(payments.ledger, changed, text)
        self.payments = payments
        self.loan_id = loan_id
        self.payment = copy.deepcopy(payment)

    def apply(self) -> None:
        self.payments.add_payment(self.loan_id, copy.deepcopy(self.payment))
        self.changed("loan", self.loan_id)

    def undo(self) -> None:
        kept = self.ledger.loan(self.loan_id).payments
        index = next((i for i in range(len(kept) - 1, -1, -1) if kept[i] == self.payment), None)
        if index is not None:
            self.payments.delete_payment(self.loan_id, index)
        self.changed("loan", self.loan_id)
