"""Changes to loans and lenders asked for in the window — save, delete, add a lender, load the
sample — each made through the Ledger and pushed on the undo stack (``widgets.undo``), with the
window shown again on what changed."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from ashore.app.errors import DataError, InputError
from ashore.domain.money import AmountError
from ashore.domain.records import Lender, Loan
from ashore.domain.validation import check_lender
from ashore.ui import dialogs
from ashore.ui.messages import error_detail
from ashore.ui.widgets.undo import (
    DeleteLenderCommand,
    DeleteLoanCommand,
    SaveLenderCommand,
    SaveLoanCommand,
)

if TYPE_CHECKING:
    from ashore.services import Ledger
    from ashore.ui.loan.form import LoanForm
    from ashore.ui.pages import LenderPage


class EditsHost(Protocol):
    """What the edits ask of the window after a change: read the data again, show a page."""

    def reload(self) -> None: ...
    def open_loan(self, loan_id: str) -> None: ...
    def open_lender(self, lender_id: str) -> None: ...
    def show_default(self) -> None: ...
    def show_status(self, text: str, ms: int) -> None: ...
    def lenders(self) -> list[Lender]: ...
    def lender_listed(self, lender_id: str) -> bool: ...
    def lender_added(self, lender_id: str) -> None: ...
    def set_loan_tab_index(self, index: int) -> None: ...


class LoanEdits(QObject):
    """The window's undoable changes; ``window`` is the parent of its questions and messages."""

    def __init__(
        self,
        window: QWidget,
        ledger: Ledger,
        undo_stack: QUndoStack,
        form: LoanForm,
        lender_page: LenderPage,
        host: EditsHost,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.ledger = ledger
        self.undo_stack = undo_stack
        self.form = form
        self.lender_page = lender_page
        self.host = host

    def after_undo(self, kind: str, item: str) -> None:
        """Called by undo commands after they changed the Ledger."""
        self.host.reload()
        if kind == "loan":
            self.host.open_loan(item)
        elif kind == "lender" and self.host.lender_listed(item):
            self.host.open_lender(item)
        else:
            self.host.show_default()

    def save_loan(self, loan: Loan) -> None:
        before = self.form.original
        if not loan.id:
            loan.id = self.ledger.new_id("loan")
        lender = self.form.pending_lender
        if lender is not None and lender.id != loan.lender:
            lender = None  # typed in, then another lender chosen: not saved
        try:
            if lender is not None:
                self.ledger.save_lender(lender)
            try:
                self.ledger.save_loan(loan)
            except (InputError, AmountError, DataError):
                if lender is not None:
                    self.ledger.delete_lender(lender.id)  # all or nothing
                raise
        except (InputError, AmountError) as problem:
            self.form.show_save_error(problem)
            return
        except DataError as problem:
            dialogs.error(self.window, error_detail(problem))
            return
        text = (self.tr("Add loan “%1”") if before is None else self.tr("Edit loan “%1”")).replace(
            "%1", loan.name
        )
        self.undo_stack.beginMacro(text)  # one Undo takes back the loan and its new lender
        if lender is not None:
            added = self.tr("Add lender “%1”").replace("%1", lender.name)
            self.undo_stack.push(
                SaveLenderCommand(self.ledger, self.after_undo, None, lender, added)
            )
        self.undo_stack.push(SaveLoanCommand(self.ledger, self.after_undo, before, loan, text))
        self.undo_stack.endMacro()
        self.form.pending_lender = None
        self.host.reload()
        self.host.open_loan(loan.id)
        if before is None:
            # a new loan opens on its Overview (its figures), whichever tab was open before
            self.host.set_loan_tab_index(0)
        self.host.show_status(self.tr("Saved “%1”.").replace("%1", loan.name), 4000)

    def delete_loan(self, loan_id: str) -> None:
        name = self.form.original.name if self.form.original is not None else loan_id
        if not dialogs.confirm(
            self.window,
            self.tr("Delete loan"),
            self.tr(
                "Delete “%1” with its payments, proposals and notes? "
                "You can undo this with Edit ▸ Undo until you close Ashore."
            ).replace("%1", name),
            self.tr("Delete"),
        ):
            return
        try:
            removed = self.ledger.delete_loan(loan_id)
        except (InputError, DataError) as problem:
            dialogs.error(self.window, error_detail(problem))
            return
        text = self.tr("Delete loan “%1”").replace("%1", removed.name)
        self.undo_stack.push(DeleteLoanCommand(self.ledger, self.after_undo, removed, text))
        self.host.reload()
        self.host.show_default()
        self.host.show_status(
            self.tr("Deleted “%1”. Ctrl+Z brings it back.").replace("%1", removed.name), 6000
        )

    def add_lender(self, name: str = "") -> None:
        """ "New lender…" in the form, or a new name typed in its Lender box: ask (the name
        filled in), and choose the new lender in the form (saved with the loan)."""
        details = dialogs.ask_lender(self.window, name)
        if details is None:
            return
        lender = Lender(
            id=self.ledger.new_id("lender"),
            name=details.name,
            phone=details.phone,
            hours=details.hours,
        )
        try:
            check_lender(lender)
        except InputError as problem:
            dialogs.error(self.window, error_detail(problem))
            return
        # Saved with the loan (save_loan), so a form abandoned leaves no lender behind.
        self.form.add_new_lender(lender)

    def save_lender(self, lender: Lender) -> None:
        before = next((item for item in self.host.lenders() if item.id == lender.id), None)
        try:
            self.ledger.save_lender(lender)
        except (InputError, AmountError) as problem:
            self.lender_page.show_save_error(error_detail(problem))
            return
        except DataError as problem:
            dialogs.error(self.window, error_detail(problem))
            return
        text = self.tr("Edit lender “%1”").replace("%1", lender.name)
        self.undo_stack.push(SaveLenderCommand(self.ledger, self.after_undo, before, lender, text))
        self.host.reload()
        self.host.open_lender(lender.id)
        self.host.show_status(self.tr("Saved “%1”.").replace("%1", lender.name), 4000)

    def delete_lender(self, lender_id: str) -> None:
        lender = next((item for item in self.host.lenders() if item.id == lender_id), None)
        if lender is None:
            return
        if not dialogs.confirm(
            self.window,
            self.tr("Delete lender"),
            self.tr("Delete the lender “%1”?").replace("%1", lender.name),
            self.tr("Delete"),
        ):
            return
        try:
            self.ledger.delete_lender(lender_id)
        except (InputError, DataError) as problem:
            dialogs.error(self.window, error_detail(problem))
            return
        text = self.tr("Delete lender “%1”").replace("%1", lender.name)
        self.undo_stack.push(DeleteLenderCommand(self.ledger, self.after_undo, lender, text))
        self.host.reload()
        self.host.show_default()

    def load_sample(self) -> None:
        try:
            self.ledger.load_sample()
        except (InputError, DataError, AmountError) as problem:
            dialogs.error(self.window, error_detail(problem))
            return
        self.undo_stack.clear()  # the data changed outside the undo history
        self.host.reload()
        self.host.show_default()
        self.host.show_status(self.tr("The sample is loaded: pick a loan on the left."), 6000)
