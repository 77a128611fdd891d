"""``install_guide`` adds the Guide tab and the Call card / Hardship letter actions to the main
window; ``GuideController`` keeps them in step with the open loan and opens the call card, the
after-call dialog and the letter editor.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from ashore.app.errors import DataError, InputError
from ashore.services.guide import call_card as guide_card
from ashore.services.guide import calls as guide_calls
from ashore.services.guide import storage as guide_storage
from ashore.ui import dialogs
from ashore.ui.guide.names import sidebar_stages
from ashore.ui.guide.tab import GuideTab
from ashore.ui.widgets.fields import user_message

if TYPE_CHECKING:
    from ashore.app.context import Context
    from ashore.ui.guide.card import CallCardWindow
    from ashore.ui.window_services import WindowServices


class GuideController(QObject):
    """Joins the Guide tab, the call card, the after-call dialog and the letter editor to the
    main window: which loan is open, and refreshing the window after a change."""

    def __init__(self, window: WindowServices, ctx: Context) -> None:
        super().__init__(window.widget())
        self.window = window
        self.parent_widget = window.widget()
        self.ctx = ctx
        self.tab = GuideTab(window.ledger, ctx.today, window.money_locale)
        self.tab_index = window.add_loan_tab(self.tab, self.tr("Guide"))
        self.cards: dict[str, CallCardWindow] = {}
        self.started: dict[str, str] = {}  # loan id -> the note the call card started
        self._stale = True
        self.tab.on_call_card = self.open_call_card
        self.tab.on_after_call = lambda: self.after_call(self.loan_id(), "")
        self.tab.on_letter = self.open_letter
        self.tab.on_changed = self._after_change

        self.call_card_action = QAction(self.tr("&Call Card"), self.parent_widget)
        self.call_card_action.setShortcut(QKeySequence("Ctrl+K"))
        self.call_card_action.setStatusTip(self.tr("The numbers and words for a call, on top"))
        self.call_card_action.triggered.connect(self.open_call_card)
        self.after_call_action = QAction(self.tr("&After the Call…"), self.parent_widget)
        self.after_call_action.triggered.connect(lambda: self.after_call(self.loan_id(), ""))
        self.letter_action = QAction(self.tr("&Hardship letter…"), self.parent_widget)
        self.letter_action.triggered.connect(self.open_letter)
        for action in (self.call_card_action, self.after_call_action, self.letter_action):
            self.parent_widget.addAction(action)  # shortcuts work whatever has the focus

        window.on_loan_tab_changed(self._on_tab)
        window.on_selection_changed(self._on_loan_changed)
        window.on_loans_reloaded(self._on_loan_changed)
        window.on_loans_reloaded(self._on_stages)

    def add_menus(self) -> None:
        """A Negotiate menu before Help, and Export ▸ Hardship letter…"""
        menu = QMenu(self.tr("&Negotiate"), self.parent_widget)
        menu.addAction(self.call_card_action)
        menu.addAction(self.after_call_action)
        menu.addAction(self.letter_action)
        self.window.add_menu(menu)
        self.menu = menu
        self.window.export_menu().addAction(self.letter_action)

    # ----- which loan ------------------------------------------------------------------------
    def loan_id(self) -> str:
        kind, item = self.window.showing
        return item if kind == "loan" else ""

    def _on_tab(self, index: int) -> None:
        if index == self.tab_index and self._stale:
            self.refresh()

    def _on_stages(self) -> None:
        """The sidebar's rows name each loan's stage and next step."""
        stages = sidebar_stages(self.window.ledger, self.ctx.today)
        if stages is not None:
            self.window.set_loan_stages(stages)

    def _on_loan_changed(self, *_args: object) -> None:
        self._stale = True
        # after the window has opened the loan the selection points at
        QTimer.singleShot(0, self._refresh_if_shown)

    def _refresh_if_shown(self) -> None:
        if self.window.loan_tab_index() == self.tab_index:
            self.refresh()

    def refresh(self) -> None:
        loan_id = self.loan_id()
        if not loan_id:
            return
        try:
            self.tab.set_loan(loan_id)
        except InputError:
            return
        self._stale = False

    def _after_change(self) -> None:
        """A change that moves the stage or the proposals: the sidebar and the form see it."""
        loan_id = self.loan_id()
        self.window.reload()
        if loan_id and not self.window.has_unsaved_edits():
            # the form holds the loan's proposals too: give it the new statuses
            tab = self.window.loan_tab_index()
            self.window.open_loan(loan_id)
            self.window.set_loan_tab_index(tab)
        self.refresh()

    # ----- the call card ---------------------------------------------------------------------
    def open_call_card(self) -> CallCardWindow | None:
        from ashore.ui.guide.card import CallCardWindow

        loan_id = self.loan_id()
        if not loan_id:
            self.window.show_status(self.tr("Open a loan first."), 4000)
            return None
        try:
            card = guide_card.call_card(self.window.ledger, loan_id, self.ctx.today)
        except (InputError, DataError) as problem:
            dialogs.error(self.parent_widget, user_message(problem))
            return None
        old = self.cards.pop(loan_id, None)
        if old is not None:
            old.close()
            old.deleteLater()
        window = CallCardWindow(
            card, self.window.money_locale, self.start_note, self.after_call, self.parent_widget
        )
        self.cards[loan_id] = window
        window.show()
        window.raise_()
        return window

    def start_note(self, loan_id: str) -> str | None:
        try:
            note_id = guide_calls.start_call_note(
                self.window.ledger, loan_id, self.window.ctx.clock.now().replace(microsecond=0)
            )
        except (InputError, DataError) as problem:
            dialogs.error(self.parent_widget, user_message(problem))
            return None
        self.started[loan_id] = note_id
        self.window.show_status(
            self.tr("Call note started at %1.").replace(
                "%1", self.window.ctx.clock.now().strftime("%H:%M")
            ),
            6000,
        )
        self._after_change()
        return note_id

    # ----- after the call --------------------------------------------------------------------
    def after_call(self, loan_id: str, note_id: str) -> bool:
        from ashore.ui.guide.after import AfterCallDialog

        if not loan_id:
            self.window.show_status(self.tr("Open a loan first."), 4000)
            return False
        loan = self.window.ledger.loan(loan_id)
        note_id = note_id or self.started.get(loan_id, "")
        note = next((n for n in loan.notes if n.id == note_id), None)
        ask = guide_storage.load_guide(self.window.ledger, loan_id).ask
        dialog = AfterCallDialog(self.window.ledger, loan, note, ask, self.parent_widget)
        if not dialogs.run_dialog(dialog):
            return False
        self.started.pop(loan_id, None)
        self._after_change()
        self.window.show_status(self.tr("The call is written down."), 6000)
        return True

    # ----- the letter ------------------------------------------------------------------------
    def open_letter(self) -> None:
        from ashore.ui.guide.letter import LetterEditor

        loan_id = self.loan_id()
        if not loan_id:
            self.window.show_status(self.tr("Open a loan first."), 4000)
            return
        loan = self.window.ledger.loan(loan_id)
        if not loan.proposals:
            dialogs.error(
                self.parent_widget,
                self.tr("Add a proposal first: the letter asks the lender for one."),
            )
            return
        editor = LetterEditor(
            self.window.ledger,
            loan,
            self.ctx.today,
            self.ctx.lang,
            parent=self.parent_widget,
            show_status=self.window.show_status,
        )
        dialogs.run_dialog(editor)
        if editor.profile_asked:
            self.window.set_loan_tab_index(self.tab_index)
            self.refresh()
            self.tab.show_profile()


def install_guide(window: WindowServices) -> GuideController:
    """Add the Guide tab, the Negotiate menu (Call card Ctrl+K, After the call, Hardship letter)
    and Export ▸ Hardship letter… to ``window``."""
    controller = GuideController(window, window.ctx)
    controller.add_menus()
    return controller
