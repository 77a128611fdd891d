"""The pages on the right of the window: a loan (title + tabs), a lender, the welcome page, and the
hint shown when nothing is selected."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ashore.app.errors import InputError
from ashore.domain.records import Lender, LoanSummary
from ashore.ui.loan.form import LoanForm
from ashore.ui.loan.sidebar import status_text
from ashore.ui.widgets.fields import CheckedLineEdit, user_message
from ashore.ui.widgets.style import BADGE_COLOURS, MARGIN, SPACING, title_font


class Badge(QLabel):
    """A status as a small rounded pill (the same colours as in the sidebar)."""

    def set_status(self, status: str | None, text: str) -> None:
        if not status:
            self.setVisible(False)
            return
        background, foreground = BADGE_COLOURS.get(status, BADGE_COLOURS["settled"])
        self.setText(text)
        self.setStyleSheet(
            f"background: {background}; color: {foreground}; border: 1px solid {background};"
            " border-radius: 10px;"
            " padding: 2px 10px; font-weight: 600;"
        )
        self.setVisible(True)


class PageHeader(QWidget):
    """A clear title (loan name), a subtitle (lender) and a status badge."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN + 2, MARGIN, MARGIN + 2, 4)
        layout.setSpacing(2)
        top = QHBoxLayout()
        top.setSpacing(SPACING)
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.title.setFont(title_font(self.font()))
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.badge = Badge()
        self.badge.setVisible(False)
        top.addWidget(self.title)
        top.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignVCenter)
        top.addStretch(1)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("pageSubtitle")
        layout.addLayout(top)
        layout.addWidget(self.subtitle)

    def set_text(self, title: str, subtitle: str = "") -> None:
        self.title.setText(title)
        self.subtitle.setText(subtitle)
        self.subtitle.setVisible(bool(subtitle))


class WaitingTab(QStackedWidget):
    """A loan tab other than Details: its content, or, while a new loan is being entered, a page
    saying "Save the loan first" in its place. The content still holds the loan shown before
    (its figures, its installments, a live "Record payment"); hidden behind this page it can be
    neither read nor used, however the tab came to the front."""

    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content = content
        self.waiting = QWidget()
        self.waiting.setObjectName("page")
        column = QVBoxLayout(self.waiting)
        self.waiting_label = QLabel(
            self.tr("Save the loan first: its figures, plans, payments and notes come here.")
        )
        self.waiting_label.setObjectName("hint")
        self.waiting_label.setWordWrap(True)
        self.waiting_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addStretch(1)
        column.addWidget(self.waiting_label)
        column.addStretch(2)
        self.addWidget(content)
        self.addWidget(self.waiting)

    def set_waiting(self, waiting: bool) -> None:
        self.setCurrentWidget(self.waiting if waiting else self.content)

    def is_waiting(self) -> bool:
        return self.currentWidget() is self.waiting


class LoanPage(QWidget):
    """One loan: its title, and tabs in the order a user works through them: Overview, Proposals,
    Payments (places kept from the start and filled by ``fill``), then what features add with
    ``add_tab`` (Notes, Guide), and "Details" (the form) last, added by ``add_details``."""

    WORKSPACE = ("overview", "proposals", "payments")

    def __init__(self, form: LoanForm, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.form = form
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.header = PageHeader()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        layout.addWidget(self.header)
        layout.addWidget(self.tabs, 1)
        # The workspace tabs import matplotlib, so they are built when a loan is first opened;
        # their places exist from the start so that every later tab's index never moves.
        self.slots: dict[str, WaitingTab] = {}
        titles = (self.tr("Overview"), self.tr("Proposals"), self.tr("Payments"))
        for key, title in zip(self.WORKSPACE, titles, strict=True):
            slot = QWidget()
            slot_layout = QVBoxLayout(slot)
            slot_layout.setContentsMargins(0, 0, 0, 0)
            self.slots[key] = WaitingTab(slot)
            self.tabs.addTab(self.slots[key], title)
        self.mode = ""  # "new" or "loan"
        # the tab last chosen on a saved loan this session; a loan opens on it (Overview first)
        self.loan_tab: QWidget = self.slots["overview"]
        self.tabs.currentChanged.connect(self._remember_tab)

    def minimumSizeHint(self) -> QSize:
        """Never so narrow that a tab hides behind the tab bar's arrows: in a small window the
        sidebar gives way first (down to its three columns), the tabs stay in sight."""
        least = super().minimumSizeHint()
        return least.expandedTo(QSize(self.tabs.tabBar().sizeHint().width(), 0))

    def add_tab(self, widget: QWidget, title: str) -> int:
        """Add a tab after the existing ones, scrolling as a whole when the window is smaller than
        it needs (as the workspace tabs do: a tall note form must not make the window taller
        than the screen); returns its index."""
        from ashore.ui.widgets.workspace import scrolling

        tab = WaitingTab(scrolling(widget))
        tab.set_waiting(self.mode == "new")
        return self.tabs.addTab(tab, title)

    def add_details(self) -> int:
        """The loan form's tab, last: after every feature has added its own."""
        return self.tabs.addTab(self.form, self.tr("Details"))

    def fill(self, key: str, widget: QWidget) -> None:
        """Put the built workspace tab ``key`` ("overview", "proposals", "payments") in place."""
        self.slots[key].content.layout().addWidget(widget)

    def tab_index(self, title: str) -> int:
        """The index of the tab called ``title`` (translated, without "&"), or -1."""
        for index in range(self.tabs.count()):
            if self.tabs.tabText(index).replace("&", "") == title:
                return index
        return -1

    def _remember_tab(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if self.mode == "loan" and widget is not None:
            self.loan_tab = widget

    def show_new(self, lender_name: str = "") -> None:
        self.mode = "new"
        self.header.set_text(
            self.tr("New loan"),
            self.tr("Fill in what the contract or the app says, then save."),
        )
        self.header.badge.set_status(None, "")
        self.tabs.setCurrentWidget(self.form)
        # The other tabs are about a saved loan: until this one is saved they would show the last
        # loan's figures, so they wait.
        self._enable_tabs(False)

    def _enable_tabs(self, enabled: bool) -> None:
        for index in range(self.tabs.count()):
            tab = self.tabs.widget(index)
            if not isinstance(tab, WaitingTab):
                continue  # Details: the form of the new loan
            tab.set_waiting(not enabled)
            self.tabs.setTabEnabled(index, enabled)
            self.tabs.setTabToolTip(index, "" if enabled else self.tr("Save the loan first"))

    def show_loan(self, name: str, lender_name: str, summary: LoanSummary | None) -> None:
        if self.mode != "loan":  # from a new loan or the first time: the session's loan tab
            self.mode = "loan"
            self._enable_tabs(True)
            self.tabs.setCurrentWidget(self.loan_tab)
        self.header.set_text(name, lender_name)
        if summary is None:
            self.header.badge.set_status(None, "")
        else:
            self.header.badge.set_status(summary.status, status_text(summary))


class LenderPage(QWidget):
    """Edit a lender's name and contact details, or delete it when it has no loans."""

    saveRequested = Signal(object)  # Lender
    deleteRequested = Signal(str)
    newLoanRequested = Signal(str)  # lender id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.original: Lender | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.header = PageHeader()
        layout.addWidget(self.header)
        body = QVBoxLayout()
        body.setContentsMargins(MARGIN, 4, MARGIN, MARGIN)
        body.setSpacing(SPACING)
        box = QGroupBox(self.tr("Contact"))
        box.setMaximumWidth(760)
        form = QFormLayout(box)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setHorizontalSpacing(14)
        form.setVerticalSpacing(8)

        def required(text: str) -> str:
            if not text.strip():
                raise InputError("name: required")
            return text.strip()

        self.name = CheckedLineEdit(required)
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("customer service number"))
        self.hours = QLineEdit()
        self.hours.setPlaceholderText(self.tr("e.g. 9:00–21:00 every day"))
        self.website = QLineEdit()
        self.website.setPlaceholderText(self.tr("app name or web address"))
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(self.tr("anything worth remembering about this lender"))
        self.notes.setFixedHeight(self.fontMetrics().lineSpacing() * 5 + 12)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("Hours"), self.hours)
        form.addRow(self.tr("App or website"), self.website)
        form.addRow(self.tr("Notes"), self.notes)
        body.addWidget(box)
        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.setVisible(False)
        body.addWidget(self.banner)
        body.addStretch(1)
        layout.addLayout(body, 1)

        bar = QHBoxLayout()
        bar.setContentsMargins(MARGIN, 10, MARGIN, 12)
        bar.setSpacing(SPACING)
        self.delete_button = QPushButton(self.tr("Delete lender…"))
        self.delete_button.setObjectName("danger")
        self.new_loan_button = QPushButton(self.tr("Add a loan from this lender"))
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("primary")
        bar.addWidget(self.delete_button)
        bar.addStretch(1)
        bar.addWidget(self.new_loan_button)
        bar.addWidget(self.save_button)
        layout.addLayout(bar)

        self.name.changed.connect(self._update)
        self.save_button.clicked.connect(self._on_save)
        self.delete_button.clicked.connect(
            lambda: self.original and self.deleteRequested.emit(self.original.id)
        )
        self.new_loan_button.clicked.connect(
            lambda: self.original and self.newLoanRequested.emit(self.original.id)
        )

    def set_lender(self, lender: Lender, loan_count: int) -> None:
        self.original = lender
        self.header.set_text(lender.name, self._count_text(loan_count))
        self.name.setText(lender.name)
        self.phone.setText(lender.phone)
        self.hours.setText(lender.hours)
        self.website.setText(lender.website)
        self.notes.setPlainText(lender.notes)
        self.banner.setVisible(False)
        self.delete_button.setEnabled(loan_count == 0)
        self.delete_button.setToolTip(
            "" if loan_count == 0 else self.tr("Delete or move its loans first")
        )
        self._update()

    def _count_text(self, count: int) -> str:
        return self.tr("%n loan(s)", "", count)

    def _update(self) -> None:
        self.save_button.setEnabled(self.name.valid)

    def _on_save(self) -> None:
        if self.original is None or not self.name.valid:
            return
        self.saveRequested.emit(
            dataclasses.replace(
                self.original,
                name=self.name.value,
                phone=self.phone.text().strip(),
                hours=self.hours.text().strip(),
                website=self.website.text().strip(),
                notes=self.notes.toPlainText().strip(),
            )
        )

    def show_save_error(self, message: str) -> None:
        text = user_message(InputError(message))
        if message.split(":", 1)[0].strip().endswith("name"):
            self.name.show_error(text)
        else:
            self.banner.setText(text)
            self.banner.setVisible(True)


class WelcomePage(QWidget):
    """The first screen on an empty data dir: add a first loan, or look around in a sample."""

    addLoanRequested = Signal()
    sampleRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 32, 32, 32)
        outer.addStretch(1)
        column = QVBoxLayout()
        column.setSpacing(14)
        title = QLabel(self.tr("Welcome to Ashore"))
        title.setObjectName("pageTitle")
        title.setFont(title_font(self.font(), 1.9))
        text = QLabel(
            self.tr(
                "Ashore keeps every loan you are behind on in one place: what you owe each lender "
                "today and how fast it grows, what each offer would cost you, what was said on "
                "every call, and what to pay on which day.\n\n"
                "Your data stays on this computer."
            )
        )
        text.setWordWrap(True)
        text.setObjectName("pageSubtitle")
        text.setMaximumWidth(560)
        self.add_button = QPushButton(self.tr("Add your first loan"))
        self.add_button.setObjectName("primary")
        self.sample_button = QPushButton(self.tr("Open a sample to look around"))
        buttons = QHBoxLayout()
        buttons.setSpacing(SPACING)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.sample_button)
        buttons.addStretch(1)
        column.addWidget(title)
        column.addWidget(text)
        column.addSpacing(6)
        column.addLayout(buttons)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addLayout(column)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.add_button.clicked.connect(self.addLoanRequested)
        self.sample_button.clicked.connect(self.sampleRequested)


class NothingSelectedPage(QWidget):
    """Shown when loans exist but none is open."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("Choose a loan on the left, or add a new one."))
        label.setObjectName("hint")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(label)


def error_text(error: Exception) -> str:
    """A service error as one line for a banner or dialog."""
    return user_message(error)
