"""What a feature package (notes, guide, reminders) may ask of the main window.

Each feature takes a ``WindowServices`` in its constructor and uses only what it names here: the
data and context, which loan is open, pages and tabs to add its widgets to, the menus to add its
actions to, and hooks for "the view changed" and "the loans were read again". It never reaches
into the window's widgets, so the window can change its insides, and a feature can be built in a
test with any object that has these methods. ``MainWindow`` is the one real implementation.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMenu, QWidget

    from ashore.app.context import Context
    from ashore.services import Ledger


class WindowServices(Protocol):
    """The main window as its feature packages see it."""

    ledger: Ledger
    ctx: Context
    money_locale: str  # the babel locale amounts are written in ("zh_CN" or "en")
    # what the right side shows: ("welcome"|"none"|"new"|"loan"|"lender", id)
    showing: tuple[str, str]

    # ----- the window itself -------------------------------------------------------------------
    def widget(self) -> QWidget:
        """The window, as the parent of a feature's actions, dialogs and helper objects."""
        ...

    def bring_to_front(self) -> None:
        """Show the window (also from minimised or hidden) and give it the focus."""
        ...

    def show_status(self, text: str, ms: int) -> None:
        """A message in the status bar for ``ms`` milliseconds."""
        ...

    # ----- the open loan -----------------------------------------------------------------------
    def open_loan(self, loan_id: str) -> None: ...

    def reload(self) -> None:
        """Read lenders and loans again: the sidebar and the form follow a change."""
        ...

    def may_leave_page(self) -> bool:
        """True when the open loan has no unsaved edits, or the user lets them go."""
        ...

    def has_unsaved_edits(self) -> bool:
        """True when the loan form holds edits not saved yet (nothing is asked)."""
        ...

    # ----- places for a feature's widgets -----------------------------------------------------
    def add_loan_tab(self, widget: QWidget, title: str) -> int:
        """Add a tab to the loan page; returns its index."""
        ...

    def loan_tab_index(self) -> int:
        """The index of the loan page's tab in front."""
        ...

    def set_loan_tab_index(self, index: int) -> None: ...

    def add_to_lender_page(self, widget: QWidget) -> None:
        """Put ``widget`` on the lender's page, between its details and its Save bar."""
        ...

    def lender_page_shown(self) -> bool:
        """True when the lender's page is the one in front."""
        ...

    def set_loan_stages(self, stages: dict[str, tuple[str, str]]) -> None:
        """Each loan's stage and next step (by loan id), for the sidebar's tooltips."""
        ...

    # ----- places for a feature's actions -----------------------------------------------------
    def export_menu(self) -> QMenu:
        """File ▸ Export."""
        ...

    def add_to_file_menu(self, action: QAction) -> None:
        """An action in the File menu, just before Quit."""
        ...

    def add_menu(self, menu: QMenu) -> None:
        """A menu in the menu bar, before Help."""
        ...

    # ----- hooks ------------------------------------------------------------------------------
    def on_loan_tab_changed(self, callback: Callable[[int], None]) -> None:
        """``callback(index)`` each time another tab of the loan page comes to the front."""
        ...

    def on_page_changed(self, callback: Callable[[], None]) -> None:
        """``callback()`` each time another page (welcome, loan, lender, …) comes to the front."""
        ...

    def on_selection_changed(self, callback: Callable[[], None]) -> None:
        """``callback()`` each time another loan or lender is picked in the sidebar."""
        ...

    def on_loans_reloaded(self, callback: Callable[[], None]) -> None:
        """``callback()`` each time the sidebar has read the loans again."""
        ...
