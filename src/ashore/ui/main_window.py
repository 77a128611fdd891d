"""The main window: the sidebar of lenders and loans on the left, the open page on the right,
menus, undo/redo, and the window state remembered between runs.

It is what the feature packages see as ``ui.window_services.WindowServices`` (about 60 lines of
one-line methods, which take it over 500 lines); the undoable edits live in ``ui.edits``.

It is built in three steps so that it shows before anything but Qt is loaded: the constructor
makes the frame (title, menu bar, the sidebar's place, "Opening your data…", the status bar),
with only the Qt classes it paints with (not even the ``Qt`` namespace: its first use builds a
hundred enums), so this module imports nothing heavy at its top; ``complete`` then builds the
sidebar, the pages and the menus' actions (the loan form, the sidebar's delegates); ``attach``
gives it the Ledger and adds what reads and writes the data (edits, files, notes, guide,
reminders), whose modules import SQLAlchemy. Given a Ledger, the constructor does all three."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, QSize, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ashore import __version__
from ashore.app.context import Context
from ashore.app.errors import DataError, InputError
from ashore.domain.dates import date_text
from ashore.ui.widgets.placement import (  # noqa: F401 (the keys, for tests)
    GEOMETRY_KEY,
    POS_KEY,
    SIZE_KEY,
    SMALLEST,
    restore_placement,
    save_placement,
    smallest,
)
from ashore.ui.widgets.theme import MARGIN

if TYPE_CHECKING:
    from PySide6.QtCore import QModelIndex
    from PySide6.QtGui import QAction, QCloseEvent, QPaintEvent, QResizeEvent

    from ashore.domain.records import Lender, Loan, LoanSummary
    from ashore.services import Ledger
    from ashore.ui.edits import LoanEdits
    from ashore.ui.files.actions import FileActions
    from ashore.ui.guide.controller import GuideController
    from ashore.ui.loan.dashboard import Dashboard
    from ashore.ui.loan.overview import OverviewTab
    from ashore.ui.notes.window import NotesHookup
    from ashore.ui.payments.tab import PaymentsTab
    from ashore.ui.proposals.tab import ProposalsTab

STATE_KEY = "window/state"
SPLITTER_KEY = "window/splitter"
SIDEBAR_WIDE = 400  # px: the sidebar on a first start in a wide window (its list sets its least)
SIDEBAR_SHARE = 0.32  # of the window's width: the sidebar's most in a small window
SMALL_WINDOW = 1024  # px: narrower than this, the sidebar gives way to the page's tables
LAST_LOAN_KEY = "window/last_loan"


class _AfterPaint(QObject):
    """Calls ``then`` at the turn of the event loop after the dashboard's chart first paints
    (``MainWindow.build_rooms_after_paint``), once."""

    def __init__(self, window: MainWindow, then: Callable[[], None]) -> None:
        super().__init__(window)
        self.window = window
        self.then = then
        self.watched: QWidget | None = None
        QTimer.singleShot(0, self, self._watch)  # the dashboard is built at the next turn

    def _watch(self) -> None:
        window = self.window
        if not getattr(window, "dashboard_built", False) or window.pages.currentWidget() is not (
            window.nothing
        ):
            self._done()  # another page was shown meanwhile: no chart to wait for
            return
        if window.dashboard.chart.plot.full_draws:
            self._done()
            return
        self.watched = window.dashboard.chart.plot.canvas
        self.watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.watched and event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            self.watched = None
            QTimer.singleShot(0, self, self._done)  # after this paint
        return False

    def _done(self) -> None:
        self.then()
        self.deleteLater()


class PageStack(QStackedWidget):
    """The right side's pages, as wide as the page shown needs: a page not shown (the welcome
    page's two buttons side by side) does not take room from the sidebar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(self.updateGeometry)

    def minimumSizeHint(self) -> QSize:
        page = self.currentWidget()
        if page is None:
            return super().minimumSizeHint()
        return page.minimumSizeHint().expandedTo(page.minimumSize())

    def sizeHint(self) -> QSize:
        page = self.currentWidget()
        return super().sizeHint() if page is None else page.sizeHint()


class OpeningPage(QWidget):
    """ "Opening your data…", in the middle of the right side while the data dir is opened,
    created or migrated (seconds on a new or a big database). ``painted`` once it has painted:
    the first frame is on its way to the screen (``ui.app.FirstFrame``)."""

    painted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.was_painted = False
        self.setObjectName("page")
        self.label = QLabel(self.tr("Opening your data…"))
        self.label.setObjectName("hint")
        row = QHBoxLayout()  # centred by stretches: no ``Qt`` alignment flags in the first frame
        row.addStretch(1)
        row.addWidget(self.label)
        row.addStretch(1)
        column = QVBoxLayout(self)
        column.addStretch(1)
        column.addLayout(row)
        column.addStretch(2)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.was_painted:
            self.was_painted = True
            self.painted.emit()


def babel_locale(lang: str) -> str:
    """The babel locale for the interface language ("zh_CN" or "en")."""
    return "zh_CN" if lang.startswith("zh") else "en"


class MainWindow(QMainWindow):
    """Everything the user sees. Takes the Ledger (or None: the frame only, ``complete`` and
    ``attach`` follow once it shows), the context and the settings it uses."""

    def __init__(
        self,
        ledger: Ledger | None,
        ctx: Context,
        settings: QSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.settings = settings
        self.money_locale = babel_locale(ctx.lang)
        self.undo_stack = QUndoStack(self)
        self._lenders: list[Lender] = []
        self._summaries: dict[str, LoanSummary] = {}
        self._selecting = False
        # what the right side shows: ("welcome"|"none"|"new"|"loan"|"lender", id)
        self.showing: tuple[str, str] = ("none", "")

        self.setWindowTitle(self.tr("Ashore"))
        self.setObjectName("mainWindow")
        self.setAnimated(False)  # no docks or tool bars: nothing of the layout slides into place
        self.setMinimumSize(smallest(self, SMALLEST))
        self.completed = False
        self.attached = False
        self.rooms_built = False  # the Notes, Guide and Details tabs (``build_rooms``)
        self._build_frame()
        self._restore_window()
        if ledger is not None:
            self.attach(ledger)

    def complete(self) -> None:
        """Build what the first frame left out: the sidebar, the pages, the menus' actions.
        Still nothing of the data: the window waits on "Opening your data…" for ``attach``."""
        if self.completed:
            return
        self._build()
        self._build_menus()
        self.completed = True

    def attach(self, ledger: Ledger, *, rooms_later: bool = False) -> None:
        """Give the window its data: the edits, file actions, notes, guide and reminders, which
        import the store (SQLAlchemy) and so come after the first frame. Then ``load`` fills it.

        ``rooms_later``: the loan's Notes, Guide and Details tabs (with the lender's notes, the
        Negotiate menu's actions and Export ▸ Evidence) are built once the first page is on
        screen (``build_rooms_after_paint``), or when a loan or lender is opened before that:
        a start shows the loans and the dashboard without waiting for rooms nobody opened yet."""
        from ashore.ui.edits import LoanEdits
        from ashore.ui.files.actions import FileActions
        from ashore.ui.tray import install_reminders
        from ashore.ui.widgets.fields import guard_wheel

        self.complete()
        self.ledger = ledger
        self.edits: LoanEdits = LoanEdits(
            self, ledger, self.undo_stack, self.form, self.lender_page, host=self
        )
        self.welcome.sampleRequested.connect(self.edits.load_sample)
        self.form.saveRequested.connect(self.edits.save_loan)
        self.form.deleteRequested.connect(self.edits.delete_loan)
        self.form.newLenderRequested.connect(self.edits.add_lender)
        self.lender_page.saveRequested.connect(self.edits.save_lender)
        self.lender_page.deleteRequested.connect(self.edits.delete_lender)
        self.file_actions: FileActions = FileActions(
            self,
            ledger,
            self.ctx,
            self._after_import,
            may_leave=self.may_leave_page,
            show_status=self.show_status,
        )
        # Import, Export ▸, Backup… go between Save and Quit, where the frame keeps their place.
        holder = QMenu(self)
        self.file_actions.add_to(holder)
        self.file_menu.insertActions(self._file_actions_end, holder.actions())
        self.reminders = install_reminders(self)  # tray, notifications, start at login
        guard_wheel(self)  # no value changes under a wheel scrolling past a field
        self.menuBar().setEnabled(True)
        self.new_loan_button.setEnabled(True)
        self.attached = True
        if rooms_later:
            # the sidebar's second lines (each loan's stage) with its first fill, not once the
            # guide has come: rows that grew a line later moved the whole list
            self.model.refreshed.connect(self._stages_until_rooms)
        else:
            self.build_rooms()

    def _stages_until_rooms(self) -> None:
        """Each loan's stage in the sidebar while the guide (which keeps them after) is not
        built yet."""
        if self.rooms_built:
            return
        from ashore.ui.guide.names import sidebar_stages

        stages = sidebar_stages(self.ledger, self.ctx.today)
        if stages is not None:
            self.set_loan_stages(stages)

    def build_rooms(self) -> None:
        """The loan's Notes, Guide and Details tabs, the lender's notes, the Negotiate menu's
        actions (Ctrl+K) and Export ▸ Evidence, Complaint, Hardship letter (once)."""
        if self.rooms_built or not self.attached:
            return
        from ashore.ui.guide.controller import install_guide
        from ashore.ui.notes.window import install_notes
        from ashore.ui.widgets.fields import guard_wheel

        self.rooms_built = True
        self.notes_hookup: NotesHookup = install_notes(self)  # Notes tab, lender notes, Evidence
        self.guide: GuideController = install_guide(self)  # Guide tab, Negotiate menu, Ctrl+K
        self.loan_page.add_details()  # the form's tab comes last, after Notes and Guide
        guard_wheel(self)  # the rooms' fields too

    def build_rooms_after_paint(self, then: Callable[[], None] | None = None) -> None:
        """``build_rooms`` once the page ``load`` chose is on screen: after the dashboard's
        chart has first painted when it is the page, else at the next turn of the event loop;
        ``then`` after it (the start is over)."""

        def build() -> None:
            self.build_rooms()
            if then is not None:
                then()

        dashboard = self.pages.currentWidget() is self.nothing and bool(self._summaries)
        if dashboard and not (
            getattr(self, "dashboard_built", False) and self.dashboard.chart.plot.full_draws
        ):
            _AfterPaint(self, build)
        else:
            QTimer.singleShot(0, self, build)

    # ----- building --------------------------------------------------------------------------
    def _build_frame(self) -> None:
        """The first frame: the menu bar's titles, the sidebar panel with its title and button,
        "Opening your data…" on the right and the status bar; nothing to act on yet."""
        self.splitter = QSplitter()  # horizontal, as a splitter is unless told otherwise
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)

        panel = QWidget()
        panel.setObjectName("sidebarPanel")
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, MARGIN, 0, 0)
        column.setSpacing(8)
        title = QLabel(self.tr("Your loans"))
        title.setObjectName("sidebarTitle")
        title.setContentsMargins(MARGIN, 0, MARGIN, 0)
        # where ``complete`` puts the "All loans" row and the list
        self.sidebar_place = QWidget()
        self.sidebar_column = QVBoxLayout(self.sidebar_place)
        self.sidebar_column.setContentsMargins(0, 0, 0, 0)
        self.sidebar_column.setSpacing(8)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(MARGIN, 0, MARGIN, MARGIN)
        self.new_loan_button = QPushButton(self.tr("New loan"))
        self.new_loan_button.setObjectName("primary")
        self.new_loan_button.setEnabled(False)  # nothing to act on until the data is open
        self.new_loan_button.clicked.connect(self.ask_new_loan)
        buttons.addWidget(self.new_loan_button)
        buttons.addStretch(1)
        column.addWidget(title)
        column.addWidget(self.sidebar_place, 1)
        column.addLayout(buttons)
        # no fixed least width: the sidebar's list sets it, as wide as its three columns need

        self.pages = PageStack()
        # What the right side shows until the data is open (not the welcome page, which would
        # flash for a moment on a data dir that has loans).
        self.loading = OpeningPage()
        self.pages.addWidget(self.loading)
        self.splitter.addWidget(panel)
        self.splitter.addWidget(self.pages)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        # the sidebar as wide as its three columns need; the pages get the rest
        self.splitter.setSizes([SIDEBAR_WIDE, 880])
        self.setCentralWidget(self.splitter)

        self.today_label = QLabel(
            self.tr("Today: %1").replace("%1", date_text(self.ctx.today, self.money_locale))
        )
        self.today_label.setObjectName("hint")
        self.statusBar().addPermanentWidget(self.today_label)

        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("&File"))
        self.edit_menu = bar.addMenu(self.tr("&Edit"))
        self.view_menu = bar.addMenu(self.tr("&View"))
        self.help_menu = bar.addMenu(self.tr("&Help"))
        bar.setEnabled(False)  # the actions come with ``complete``, their data with ``attach``

    def _build(self) -> None:
        from ashore.ui.loan.form import LoanForm
        from ashore.ui.loan.sidebar import AllLoansRow, SidebarModel
        from ashore.ui.loan.sidebar_view import SidebarView
        from ashore.ui.pages import LenderPage, LoanPage, NothingSelectedPage, WelcomePage

        self.model = SidebarModel(self.money_locale, self)
        self.sidebar = SidebarView()
        self.sidebar.setModel(self.model)
        self.sidebar.selectionModel().currentRowChanged.connect(self._on_sidebar_current)
        self.all_loans = AllLoansRow(self.money_locale)
        self.all_loans.clicked.connect(self._on_all_loans)
        self.sidebar_column.addWidget(self.all_loans)
        self.sidebar_column.addWidget(self.sidebar, 1)

        self.welcome = WelcomePage()
        self.nothing = NothingSelectedPage()
        self.form = LoanForm(today=self.ctx.today, locale=self.money_locale)
        self.loan_page = LoanPage(self.form)
        self.lender_page = LenderPage()
        for page in (self.welcome, self.nothing, self.loan_page, self.lender_page):
            self.pages.addWidget(page)
        self.welcome.addLoanRequested.connect(lambda: self.new_loan(guided=True))
        self.lender_page.newLoanRequested.connect(lambda lender_id: self.new_loan(lender_id))

    def _build_menus(self) -> None:
        from PySide6.QtGui import QAction, QKeySequence

        from ashore.ui import dialogs

        file_menu = self.file_menu
        self.new_loan_action = QAction(self.tr("&New Loan"), self)
        self.new_loan_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_loan_action.triggered.connect(self.ask_new_loan)
        file_menu.addAction(self.new_loan_action)
        self.save_action = QAction(self.tr("&Save Loan"), self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.triggered.connect(self._save_shortcut)
        file_menu.addAction(self.save_action)
        file_menu.addSeparator()
        self._file_actions_end = file_menu.addSeparator()  # attach puts the file actions here
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)

        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)

        self.dashboard_action = QAction(self.tr("&Dashboard"), self)
        self.dashboard_action.setShortcut(QKeySequence("Ctrl+D"))
        self.dashboard_action.triggered.connect(self.show_dashboard)
        self.view_menu.addAction(self.dashboard_action)

        self.about_action = QAction(self.tr("&About Ashore"), self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(
            lambda: dialogs.about(self, __version__, self.ctx.data.root)
        )
        self.help_menu.addAction(self.about_action)

    # ----- window state ----------------------------------------------------------------------
    def _restore_window(self) -> None:
        # Imported here, not at the top: an empty data dir's first frame does without it.
        from PySide6.QtCore import QByteArray

        # the size and place left, when saved on this kind of display; else one fitting the screen
        restore_placement(self, self.settings)
        state = self.settings.value(STATE_KEY)
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)

    def save_window_state(self) -> None:
        save_placement(self, self.settings)
        self.settings.setValue(STATE_KEY, self.saveState())
        self.settings.setValue(SPLITTER_KEY, self.splitter.saveState())
        kind, item = self.showing
        self.settings.setValue(LAST_LOAN_KEY, item if kind == "loan" else "")
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        # The loan form's edits, then any call note being written (on any loan).
        if not self.may_leave_page() or (self.rooms_built and not self.notes_hookup.may_close()):
            event.ignore()
            return
        self.save_window_state()
        super().closeEvent(event)

    def may_leave_page(self) -> bool:
        """True when the open loan has no unsaved changes, or the user lets them go."""
        if self.showing[0] not in ("loan", "new") or not self.form.is_dirty():
            return True
        from ashore.ui import dialogs

        name = self.form.name.text().strip() or self.tr("the new loan")
        return dialogs.confirm(
            self,
            self.tr("Unsaved changes"),
            self.tr("Discard the changes to “%1”?").replace("%1", name),
            self.tr("Discard changes"),
        )

    # ----- filling ---------------------------------------------------------------------------
    def load(self) -> None:
        """Fill the window after it is shown: the sidebar, then the last open loan if any."""
        # The splitter is restored once the window has its real width, or the sidebar's share
        # would be scaled from the default size.
        from PySide6.QtCore import QByteArray

        splitter = self.settings.value(SPLITTER_KEY)
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self.layout().activate()  # lay out now, so the splitter has its real width
            self.splitter.restoreState(splitter)
        else:
            self._fit_sidebar()
        self.reload()
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            # a sidebar saved wide gives way in a window now small, once the list is filled
            # and so knows the least its three columns need
            self._give_way()
        last = str(self.settings.value(LAST_LOAN_KEY, "") or "")
        if last and last in self._summaries:
            self.open_loan(last)
        else:
            self.show_default()

    def _fit_sidebar(self) -> None:
        """On a first start the sidebar takes 400 px on a wide screen and gives way on a small
        one, down to what its three columns need (the splitter keeps the list's least width),
        so the page keeps room for its figures."""
        self.layout().activate()
        width = self.splitter.width()
        sidebar = min(SIDEBAR_WIDE, round(width * SIDEBAR_SHARE))
        self.splitter.setSizes([sidebar, max(0, width - sidebar)])

    def _give_way(self) -> None:
        """In a small window the sidebar keeps no more than its share, down to its three
        columns' least (the splitter holds that): the tester's 800x600 window kept a 400-pixel
        sidebar saved wide, and the page's dates and amounts came out as "202…"."""
        width = self.splitter.width()
        if width >= SMALL_WINDOW or self.splitter.count() < 2:
            return
        sidebar = self.splitter.sizes()[0]
        side = self.splitter.widget(0)
        # never below what its three columns need, whether the splitter has heard of it yet
        least = max(side.minimumWidth(), side.minimumSizeHint().width())
        most = max(round(width * SIDEBAR_SHARE), least)
        if sidebar > most:
            self.splitter.setSizes([most, max(0, width - most)])

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() < event.oldSize().width():
            # once the splitter has its new width (laid out after this event)
            QTimer.singleShot(0, self, self._give_way)

    def reload(self) -> None:
        """Read lenders and loan summaries again and refresh the sidebar and the lender list."""
        self._lenders = self.ledger.lenders()
        summaries = self.ledger.summaries(self.ctx.today)
        self._summaries = {summary.loan_id: summary for summary in summaries}
        self._selecting = True
        try:
            # After an edit the same rows stay: only those whose figures changed are redrawn.
            reset = not self.model.update_loans(self._lenders, summaries)
            if reset:
                self.model.set_data(self._lenders, summaries)
        finally:
            self._selecting = False
        if reset:
            # The one layout of the new rows: the lenders were opened and the guide's stages
            # (their second lines) filled in while it was pending; the columns are fitted in it.
            self.sidebar.doItemsLayout()
        self.all_loans.set_summaries(summaries)
        self.form.set_lenders(self._lenders)
        self._select_in_sidebar()

    def _after_import(self) -> None:
        self.undo_stack.clear()  # the data changed outside the undo history
        self.reload_and_show_first()

    def reload_and_show_first(self) -> None:
        self.reload()
        self.show_default()

    def show_default(self) -> None:
        """The welcome page on an empty data dir, else the hint to pick a loan."""
        if not self._lenders and not self._summaries:
            self.showing = ("welcome", "")
            self.pages.setCurrentWidget(self.welcome)
        else:
            self.showing = ("none", "")
            self.pages.setCurrentWidget(self.nothing)
            # The window appears first; the dashboard (charts, every loan worked out) then fills.
            QTimer.singleShot(0, self._fill_dashboard)
        self._select_in_sidebar()

    def _select_in_sidebar(self) -> None:
        from PySide6.QtCore import QItemSelectionModel, QModelIndex

        kind, item = self.showing
        # "All loans" reads as selected while the dashboard is the page shown
        self.all_loans.setChecked(kind == "none")
        if kind == "loan":
            index = self.model.loan_index(item)
        elif kind == "lender":
            index = self.model.lender_index(item)
        else:
            index = QModelIndex()
        self._selecting = True
        try:
            selection = self.sidebar.selectionModel()
            if (
                index.isValid()
                and selection.currentIndex() == index
                and selection.isSelected(index)
            ):
                return  # already so (after an edit of the loan shown): no relayout, no scroll
            if index.isValid():
                selection.setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.sidebar.scrollTo(index)
            else:
                selection.clearSelection()
                selection.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.Clear)
        finally:
            self._selecting = False

    def _on_all_loans(self) -> None:
        self.show_dashboard()
        self._select_in_sidebar()  # stays unchecked when the dashboard was not shown

    def _on_sidebar_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        from ashore.ui.loan.sidebar import SidebarRole

        if self._selecting or not current.isValid():
            return
        if not self.may_leave_page():
            self._select_in_sidebar()  # stay: the selection goes back to what is still open
            return
        if current.data(SidebarRole.KIND) == "loan":
            self.open_loan(str(current.data(SidebarRole.LOAN_ID)))
        else:
            self.open_lender(str(current.data(SidebarRole.LENDER_ID)))

    # ----- pages -----------------------------------------------------------------------------
    def open_loan(self, loan_id: str) -> None:
        self.build_rooms()
        try:
            loan = self.ledger.loan(loan_id)
        except InputError:
            self.show_default()
            return
        self.showing = ("loan", loan_id)
        self.form.set_guided(False)
        self.form.set_loan(loan)
        self.loan_page.show_loan(
            loan.name, self._lender_name(loan.lender), self._summaries.get(loan_id)
        )
        self.pages.setCurrentWidget(self.loan_page)
        self._show_workspace(loan)
        self._select_in_sidebar()

    def open_lender(self, lender_id: str) -> None:
        self.build_rooms()
        lender = next((item for item in self._lenders if item.id == lender_id), None)
        if lender is None:
            self.show_default()
            return
        self.showing = ("lender", lender_id)
        count = sum(1 for summary in self._summaries.values() if summary.lender_id == lender_id)
        self.lender_page.set_lender(lender, count)
        self.pages.setCurrentWidget(self.lender_page)
        self._select_in_sidebar()

    def _save_shortcut(self) -> None:
        if self.pages.currentWidget() is self.loan_page:
            self.form.save()

    def ask_new_loan(self) -> None:
        """ "New loan" from the button or the menu: the empty form, unless edits would be lost."""
        if self.may_leave_page():
            self.new_loan()

    def new_loan(self, lender_id: str | None = None, guided: bool = False) -> None:
        """The empty form; ``guided`` shows a short hint per section (the first loan)."""
        self.build_rooms()
        self.showing = ("new", lender_id or "")
        self.form.set_guided(guided or not self._summaries)
        self.form.set_loan(None, lender_id=lender_id)
        self.loan_page.show_new()
        self.pages.setCurrentWidget(self.loan_page)
        self._select_in_sidebar()
        self.form.to_top()  # the first field, top down, in view

    def _lender_name(self, lender_id: str) -> str:
        for lender in self._lenders:
            if lender.id == lender_id:
                return lender.name
        return lender_id

    # ----- what the features ask of the window (ui.window_services.WindowServices) ----------
    def widget(self) -> QWidget:
        return self

    def bring_to_front(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def show_status(self, text: str, ms: int) -> None:
        self.statusBar().showMessage(text, ms)

    def has_unsaved_edits(self) -> bool:
        return self.form.is_dirty()

    def add_loan_tab(self, widget: QWidget, title: str) -> int:
        return self.loan_page.add_tab(widget, title)

    def loan_tab_index(self) -> int:
        return self.loan_page.tabs.currentIndex()

    def set_loan_tab_index(self, index: int) -> None:
        self.loan_page.tabs.setCurrentIndex(index)

    def add_to_lender_page(self, widget: QWidget) -> None:
        layout = self.lender_page.layout()
        if isinstance(layout, QBoxLayout):
            # Between the contact details and the Save bar, taking most of the height.
            layout.insertWidget(max(layout.count() - 1, 0), widget, 3)

    def lender_page_shown(self) -> bool:
        return self.pages.currentWidget() is self.lender_page

    def set_loan_stages(self, stages: dict[str, tuple[str, str]]) -> None:
        self.model.set_stages(stages)

    def export_menu(self) -> QMenu:
        return self.file_actions.export_menu

    def add_to_file_menu(self, action: QAction) -> None:
        self.file_menu.insertAction(self.quit_action, action)

    def add_menu(self, menu: QMenu) -> None:
        self.menuBar().insertMenu(self.help_menu.menuAction(), menu)

    def on_loan_tab_changed(self, callback: Callable[[int], None]) -> None:
        self.loan_page.tabs.currentChanged.connect(callback)

    def on_page_changed(self, callback: Callable[[], None]) -> None:
        self.pages.currentChanged.connect(lambda _index: callback())

    def on_selection_changed(self, callback: Callable[[], None]) -> None:
        self.sidebar.selectionModel().currentRowChanged.connect(lambda _now, _before: callback())

    def on_loans_reloaded(self, callback: Callable[[], None]) -> None:
        self.model.refreshed.connect(callback)  # a reset, or the rows of an edit updated

    # ----- what the edits ask of the window (ui.edits.EditsHost) -----------------------------

    def lenders(self) -> list[Lender]:
        return self._lenders

    def lender_listed(self, lender_id: str) -> bool:
        return self.model.lender_index(lender_id).isValid()

    def lender_added(self, lender_id: str) -> None:
        """A lender was added from the form: list it, and choose it in the form."""
        self._selecting = True
        try:
            self._lenders = self.ledger.lenders()
            self.model.set_data(self._lenders, list(self._summaries.values()))
        finally:
            self._selecting = False
        self.form.set_lenders(self._lenders, select=lender_id)

    # ----- the negotiation workspace (tabs of a loan, dashboard of all) ----------------------
    def _ensure_workspace(self) -> None:
        """Build a loan's workspace tabs the first time a loan is opened (they import
        matplotlib); the dashboard is built on its own, when first shown (``_ensure_dashboard``),
        so that filling the window builds no loan tab."""
        if getattr(self, "workspace_built", False):
            return
        from ashore.services.payments import Payments
        from ashore.services.proposals import Proposals
        from ashore.ui.loan.overview import OverviewTab
        from ashore.ui.payments.tab import PaymentsTab
        from ashore.ui.proposals.tab import ProposalsTab
        from ashore.ui.widgets.workspace import scrolling

        self.overview_tab: OverviewTab = OverviewTab(self.ledger, self.ctx, self.money_locale)
        self.proposals_tab: ProposalsTab = ProposalsTab(
            Proposals(self.ledger), self.ctx, self.money_locale
        )
        self.payments_tab: PaymentsTab = PaymentsTab(
            Payments(self.ledger),
            self.ctx,
            self.money_locale,
            undo=(self.undo_stack, self.edits.after_undo),  # Edit ▸ Undo Record payment
        )
        for key, tab in (
            ("overview", self.overview_tab),
            ("proposals", self.proposals_tab),
            ("payments", self.payments_tab),
        ):
            holder = scrolling(tab)
            self.loan_page.fill(key, holder)
            holder.show()  # at once: the loan page may be shown already (opening a loan)
        # The tab that wrote has shown the loan as written already: the others follow.
        self.proposals_tab.loanChanged.connect(
            lambda loan_id: self._on_workspace_changed(loan_id, self.proposals_tab)
        )
        self.payments_tab.loanChanged.connect(
            lambda loan_id: self._on_workspace_changed(loan_id, self.payments_tab)
        )
        self.workspace_built = True  # last: a failure above leaves no half-built workspace

    def _ensure_dashboard(self) -> None:
        """Build the dashboard of all loans the first time it is shown (it imports matplotlib):
        "Nothing selected" shows it in place of its hint."""
        if getattr(self, "dashboard_built", False):
            return
        from ashore.ui.loan.dashboard import Dashboard
        from ashore.ui.widgets.workspace import scrolling

        self.dashboard: Dashboard = Dashboard(self.ledger, self.ctx, self.money_locale)
        for hint in self.nothing.findChildren(QLabel):
            hint.setVisible(False)
        self.nothing.layout().setContentsMargins(0, 0, 0, 0)
        board = scrolling(self.dashboard)
        self.nothing.layout().addWidget(board)
        board.show()  # at once: the page may be shown already (a layout shows it a turn later)
        self.dashboard.openLoan.connect(self.open_loan)
        self.dashboard.budgetChanged.connect(self.reload)
        self.dashboard_built = True  # last: a failure above leaves no half-built dashboard

    def _show_workspace(self, loan: Loan, shown: QWidget | None = None) -> None:
        """The loan's tabs show ``loan`` (but ``shown``, a tab that shows it already)."""
        self._ensure_workspace()
        lender = next((item for item in self._lenders if item.id == loan.lender), None)
        self.overview_tab.set_loan(loan, lender)
        if shown is not self.proposals_tab:
            self.proposals_tab.set_loan(loan)
        if shown is not self.payments_tab:
            self.payments_tab.set_loan(loan)

    def _on_workspace_changed(self, loan_id: str, source: QWidget | None = None) -> None:
        """A proposal, payment or claim was written (from the ``source`` tab, which shows it
        already): the sidebar, header and the other tabs follow. Only that loan is read again
        (``Ledger.snapshot``, ``Ledger.loan``) and worked out again (``Ledger.figures``)."""
        from dataclasses import replace

        from ashore.ui import dialogs

        self.reload()
        if self.showing != ("loan", loan_id):
            return
        try:
            loan = self.ledger.loan(loan_id)
        except (InputError, DataError) as problem:
            from ashore.ui.messages import error_detail  # (money, faults: not for the frame)

            dialogs.error(self, error_detail(problem))
            return
        if self.form.is_dirty() and self.form.original is not None:
            # Keep the unsaved contract edits, but save them over the new children, not stale ones.
            self.form.original = replace(
                self.form.original,
                payments=loan.payments,
                claims=loan.claims,
                proposals=loan.proposals,
                notes=loan.notes,
            )
        else:
            self.form.set_loan(loan)
        self.loan_page.show_loan(
            loan.name, self._lender_name(loan.lender), self._summaries.get(loan_id)
        )
        self._show_workspace(loan, source)

    def _fill_dashboard(self) -> None:
        if self.pages.currentWidget() is not self.nothing or not self._summaries:
            return
        self._ensure_dashboard()
        self.dashboard.refresh_if_changed()

    def show_dashboard(self) -> None:
        """View ▸ Dashboard: all loans at once (the page shown when no loan is selected)."""
        if not self._summaries or not self.may_leave_page():  # unsaved edits are asked about
            return
        self.showing = ("none", "")
        self.pages.setCurrentWidget(self.nothing)
        self._select_in_sidebar()
        self._fill_dashboard()
