"""Puts the notes into the main window: a Notes tab on each loan, every note of a lender on its
page, and File ▸ Export ▸ Evidence bundle… for the open loan.

One call (``install_notes(window)``) wires it all; the notes ask the window only what
``ui.window_services.WindowServices`` offers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from ashore.app.errors import AshoreError
from ashore.ui import dialogs
from ashore.ui.files.common import loan_file
from ashore.ui.notes.pane import NotesPane
from ashore.ui.widgets.fields import user_message

if TYPE_CHECKING:
    from ashore.domain.records import Loan
    from ashore.ui.window_services import WindowServices


class NotesHookup(QObject):
    """Keeps the loan's Notes tab and the lender's notes on whatever the window shows."""

    def __init__(self, window: WindowServices) -> None:
        super().__init__(window.widget())
        self.window = window
        self.parent_widget = window.widget()
        recordings = window.ctx.data.root / "recordings"
        self.pane = NotesPane(window.ledger, window.ctx.today, recordings=recordings)
        self.tab_index = window.add_loan_tab(self.pane, self.tr("Notes"))
        self.lender_pane = NotesPane(window.ledger, window.ctx.today)
        window.add_to_lender_page(self.lender_pane)
        self._shown: tuple[str, str] | None = None

        for pane in (self.pane, self.lender_pane):
            pane.noteSaved.connect(self._say_saved)
            pane.filesAttached.connect(self._say_attached)
        window.on_loan_tab_changed(lambda _index: self.sync())
        window.on_page_changed(self.sync)
        window.on_selection_changed(self.sync)

        self.export_action = QAction(self.tr("&Evidence bundle…"), self.parent_widget)
        self.export_action.setToolTip(
            self.tr("The open loan's call log (PDF), its original files and SHA256SUMS, as a zip")
        )
        self.export_action.triggered.connect(self.export_bundle)
        self.complaint_action = QAction(self.tr("&Complaint…"), self.parent_widget)
        self.complaint_action.setToolTip(
            self.tr(
                "A complaint to the regulator (12378) or the central bank (12363) about the open "
                "loan's collection: every contact, the rule it broke, the recordings' hashes"
            )
        )
        self.complaint_action.triggered.connect(self.export_complaint)
        menu = window.export_menu()
        menu.addAction(self.export_action)
        menu.addAction(self.complaint_action)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    def sync(self) -> None:
        """Show the open loan's notes when its Notes tab is up, the open lender's on its page.

        Only the pane in sight is filled, so switching loans does not load every recording.
        """
        kind, ident = self.window.showing
        self.export_action.setEnabled(kind == "loan")
        self.complaint_action.setEnabled(kind == "loan")
        want: tuple[str, str] | None = None
        on_tab = self.window.loan_tab_index() == self.tab_index
        if kind == "loan" and on_tab:
            want = ("loan", ident)
        elif kind == "new" and on_tab:
            want = ("new", "")
        elif kind == "lender" and self.window.lender_page_shown():
            want = ("lender", ident)
        if want is None:
            # Out of sight: forget what was shown, so coming back reads the data again (it may
            # have changed meanwhile: a restore, an import, a loan deleted and brought back).
            self._shown = None
            return
        if want == self._shown:
            return
        self._shown = want
        if want[0] == "loan":
            self.pane.set_loan(want[1])
        elif want[0] == "new":
            self.pane.clear()
        else:
            self.lender_pane.set_lender(want[1])

    def _say_saved(self, _note: object) -> None:
        now = self.window.ctx.clock.now().astimezone()
        self.window.show_status(
            self.tr("Note saved at {time}.").format(time=f"{now:%H:%M}"), 10_000
        )

    def _say_attached(self, count: int, note: str) -> None:
        self.window.show_status(
            self.tr("%n file(s) attached to {note}.", "", count).format(note=note), 10_000
        )

    def may_close(self) -> bool:
        """True when no call note is being written, or the user saved (all went through) or
        discarded them; asked before the window closes."""
        count = self.pane.unsaved_drafts() + self.lender_pane.unsaved_drafts()
        if not count:
            return True
        answer = dialogs.ask_unsaved_note(self.parent_widget, count)
        if answer == "discard":
            self.pane.discard_drafts()
            self.lender_pane.discard_drafts()
            return True
        if answer == "save":
            return self.pane.save_drafts() and self.lender_pane.save_drafts()
        return False

    def _shown_loan(self) -> Loan | None:
        """The loan the window shows, for an export; None (after saying why) when there is none
        or it cannot be read."""
        kind, loan_id = self.window.showing
        if kind != "loan":
            return None
        try:
            return self.window.ledger.loan(loan_id)
        except AshoreError as error:
            dialogs.error(self.parent_widget, user_message(error))
            return None

    def export_bundle(self) -> None:
        from ashore.reports.call_log import write_evidence_bundle

        loan = self._shown_loan()
        if loan is None:
            return
        ledger = self.window.ledger
        lender = ledger.lender(loan.lender).name
        today = self.window.ctx.today
        path = dialogs.get_bundle_path(
            self.parent_widget, loan_file(lender, loan, "evidence", today, ".zip")
        )
        if path is None:
            return
        lang = "zh_CN" if self.window.ctx.lang == "zh_CN" else "en"
        try:
            summary = write_evidence_bundle(
                loan,
                ledger.lender(loan.lender),
                self.pane.notes.chain(loan.id),
                ledger.db.evidence,
                path,
                lang,
                made=self.window.ctx.clock.now(),
            )
        except AshoreError as error:
            dialogs.error(self.parent_widget, user_message(error), self.tr("Export failed"))
            return
        self.window.show_status(
            self.tr("Evidence bundle written to {path}: {notes}, {files}.").format(
                path=summary.path,
                notes=self.tr("%n note(s)", "", summary.notes),
                files=self.tr("%n file(s)", "", summary.files),
            ),
            10_000,
        )

    def export_complaint(self) -> None:
        from ashore.reports.complaint import write_complaint_pdf
        from ashore.services.complaint import complaint_data, complaint_lang, loan_breaches

        loan = self._shown_loan()
        if loan is None:
            return
        ledger = self.window.ledger
        if loan_breaches(ledger, loan.id) == 0:
            # A complaint of no broken rule would read as one with "0 breaches": say what to
            # record first, and write nothing.
            dialogs.info(
                self.parent_widget,
                self.tr(
                    "No collector's contact on this loan breaks a rule yet, so there is nothing "
                    "to complain of and no complaint is written.\n\nRecord first each "
                    "collector's call: Notes ▸ Collector calling, with its time, the number, "
                    "what was said, and the rules it broke (a call between 22:00 and 08:00, "
                    "more than three calls in a day, someone else contacted, threats or "
                    "insults). Then export the complaint."
                ),
                self.tr("Nothing to complain of"),
            )
            return
        lender = ledger.lender(loan.lender).name
        # Chinese first for a CNY loan (the regulator reads Chinese), else the interface's
        # language; the dialog says so, and the user may choose the other.
        offered = complaint_lang(loan.currency, None, self.window.ctx.lang)
        answer = dialogs.ask_complaint(
            self.parent_widget,
            loan_file(lender, loan, "complaint", self.window.ctx.today, ".pdf"),
            offered,
        )
        if answer is None:
            return
        to, lang, path = answer
        try:
            data = complaint_data(ledger, loan.id, self.window.ctx.today, to, lang)
            write_complaint_pdf(data, path, lang)
        except AshoreError as error:
            dialogs.error(self.parent_widget, user_message(error), self.tr("Export failed"))
            return
        except OSError as error:
            dialogs.error(
                self.parent_widget, f"{path}: {error.strerror or error}", self.tr("Export failed")
            )
            return
        self.window.show_status(
            self.tr(
                "Complaint to {to} written in {language} to {path}: {contacts}, {breaches}."
            ).format(
                to=to,
                language=self.tr("Chinese") if lang == "zh_CN" else self.tr("English"),
                path=path,
                contacts=self.tr("%n contact(s)", "", len(data.contacts)),
                breaches=self.tr("%n breach(es)", "", len(data.breaches)),
            ),
            10_000,
        )

    def shutdown(self) -> None:
        self.pane.shutdown()
        self.lender_pane.shutdown()


def install_notes(window: WindowServices) -> NotesHookup:
    """Add the notes to ``window`` (after its pages and menus are built)."""
    return NotesHookup(window)
