"""The look of the window: a light, calm palette, the stylesheet, and fonts with tabular digits."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QWidget

# One place for the colours, so the sidebar badges, the form and the banners agree.
ACCENT = "#2f6f8f"
ACCENT_DARK = "#245871"
WINDOW_BG = "#f5f7f8"
PANEL_BG = "#ffffff"
BORDER = "#d9dee3"
TEXT = "#1f2a33"
MUTED = "#5f6b76"
ERROR = "#b3261e"
ERROR_BG = "#fdecea"

# status -> (background, foreground) of the small rounded pill
BADGE_COLOURS: dict[str, tuple[str, str]] = {
    "current": ("#e3f4ea", "#1e6b40"),
    "overdue": ("#fde3e0", "#a1221a"),
    "agreement": ("#e3edfa", "#1f5596"),
    "agreement_missed": ("#fdf0dc", "#8a5300"),
    "settled": ("#eceff1", "#4f5d68"),
}

MARGIN = 14
SPACING = 10

STYLESHEET = f"""
QMainWindow, QWidget#page, QWidget#welcome {{ background: {WINDOW_BG}; }}
QWidget#sidebarPanel {{ background: {PANEL_BG}; border-right: 1px solid {BORDER}; }}
QLabel#sidebarTitle {{ font-weight: 600; color: {MUTED}; }}
QTreeView#sidebar {{ border: none; background: {PANEL_BG}; }}
QTreeView#sidebar::item {{ padding: 4px 2px; }}
QTreeView#sidebar QHeaderView::section {{ background: {PANEL_BG}; color: {MUTED}; border: none;
    border-bottom: 1px solid {BORDER}; padding: 4px 8px; }}
QTreeView#sidebar::item:selected {{ background: #dcebf2; color: {TEXT}; }}
QPushButton#allLoans {{ background: {PANEL_BG}; border: none; border-radius: 0;
    border-bottom: 1px solid {BORDER}; padding: 0; text-align: left; }}
QPushButton#allLoans:hover {{ background: #eef3f6; }}
QPushButton#allLoans:checked {{ background: #dcebf2; }}
QLabel#allLoansTotal {{ color: {TEXT}; }}
QLabel#pageTitle {{ font-weight: 600; color: {TEXT}; }}
QLabel#pageSubtitle {{ color: {MUTED}; }}
QLabel#hint {{ color: {MUTED}; }}
QLabel#fieldError {{ color: {ERROR}; }}
QLabel#banner {{ background: {ERROR_BG}; color: {ERROR}; border: 1px solid #f3b9b3;
                 border-radius: 6px; padding: 8px 10px; }}
QGroupBox {{ background: {PANEL_BG}; border: 1px solid {BORDER}; border-radius: 8px;
             margin-top: 16px; padding: 8px 12px 10px 12px; font-weight: 600; }}
QGroupBox::title {{ subcontrol-origin: margin; left: 12px; padding: 0 4px; color: {TEXT}; }}
QGroupBox QLabel, QGroupBox QCheckBox {{ font-weight: normal; }}
QLineEdit, QComboBox, QSpinBox, QDateEdit {{ padding: 3px 6px; min-height: 22px; }}
QLineEdit[invalid="true"] {{ border: 1px solid {ERROR}; border-radius: 3px;
                             background: #fff8f7; }}
QPushButton {{ background: #ffffff; color: {TEXT}; border: 1px solid #c3ccd4; border-radius: 5px;
               padding: 5px 14px; }}
QPushButton:hover {{ background: #eef3f6; border-color: #9fb3c2; }}
QPushButton:pressed {{ background: #dde8ee; }}
QPushButton:disabled {{ color: #9aa5ae; border-color: #dde2e6; }}
QPushButton#primary {{ background: {ACCENT}; color: white; border: 1px solid {ACCENT_DARK};
                       border-radius: 5px; padding: 6px 18px; font-weight: 600; }}
QPushButton#primary:hover {{ background: {ACCENT_DARK}; }}
QPushButton#primary:disabled {{ background: #9bb7c4; border-color: #9bb7c4; color: #eef3f5; }}
QPushButton#danger {{ color: {ERROR}; }}
QPushButton#danger:disabled {{ color: #d9a5a1; }}
QTabWidget::pane {{ border: none; }}
QScrollArea {{ border: none; background: transparent; }}
QWidget#formBody {{ background: transparent; }}
"""


def tabular_font(base: QFont | None = None) -> QFont:
    """A font whose digits all have the same width, so amounts line up in columns."""
    font = QFont(base) if base is not None else QFont(QApplication.font())
    font.setFeature(QFont.Tag("tnum"), 1)
    return font


def title_font(base: QFont, scale: float = 1.5) -> QFont:
    """A larger font for page titles, relative to the user's font (never a hard-coded size)."""
    font = QFont(base)
    size = base.pointSizeF()
    if size > 0:
        font.setPointSizeF(size * scale)
    font.setWeight(QFont.Weight.DemiBold)
    return font


def apply_theme(app: QApplication) -> None:
    """Light palette and stylesheet for the whole application."""
    app.setStyle("Fusion")
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor(WINDOW_BG))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(TEXT))
    palette.setColor(QPalette.ColorRole.Base, QColor(PANEL_BG))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#f0f3f5"))
    palette.setColor(QPalette.ColorRole.Text, QColor(TEXT))
    palette.setColor(QPalette.ColorRole.Button, QColor("#eef1f3"))
    palette.setColor(QPalette.ColorRole.ButtonText, QColor(TEXT))
    palette.setColor(QPalette.ColorRole.Highlight, QColor(ACCENT))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor("#8a96a0"))
    palette.setColor(QPalette.ColorRole.ToolTipBase, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.ToolTipText, QColor(TEXT))
    app.setPalette(palette)
    app.setStyleSheet(STYLESHEET)


def set_invalid(widget: QWidget, invalid: bool) -> None:
    """Outline ``widget`` in red (through the ``invalid`` property the stylesheet matches)."""
    if bool(widget.property("invalid")) == invalid:
        return
    widget.setProperty("invalid", invalid)
    # A dynamic property change needs a re-polish before the stylesheet sees it.
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def fit_columns(view: QAbstractItemView, stretch: int, fixed: dict[int, int] | None = None) -> None:
    """Columns sized to their contents, ``stretch`` taking what is left, and no horizontal
    scrollbar: every column stays in sight (a long text is elided in the stretched column).

    ``fixed`` gives columns a set width in characters of the view's font (long free text)."""
    header = getattr(view, "horizontalHeader", None)
    header = header() if callable(header) else getattr(view, "header", lambda: None)()
    if not isinstance(header, QHeaderView):
        return
    header.setStretchLastSection(False)
    for column in range(header.count()):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    for column, chars in (fixed or {}).items():
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(column, view.fontMetrics().averageCharWidth() * chars + 16)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    header.setMinimumSectionSize(40)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    model = view.model()
    if model is not None:

        def fit() -> None:
            # never narrower than the headings: the stretched column elides its cells, never
            # its heading ("方案" beside wide figures)
            needed = sum(
                header.sectionSizeHint(column)
                if column == stretch
                else max(header.sectionSizeHint(column), view.sizeHintForColumn(column))
                for column in range(header.count())
                if not header.isSectionHidden(column)
            )
            view.setMinimumWidth(needed + 2 * view.frameWidth())

        model.modelReset.connect(fit)
        model.layoutChanged.connect(fit)
        fit()


def spread_columns(view: QAbstractItemView) -> None:
    """Every column shares the width evenly (a table of short dates, amounts and statuses that
    is the main element of its page), no horizontal scrollbar."""
    header = getattr(view, "horizontalHeader", None)
    if not callable(header):
        return
    found = header()
    found.setStretchLastSection(False)
    found.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)


def table_height(view: QAbstractItemView, rows: int) -> int:
    """The height that shows the header and ``rows`` rows of ``view``."""
    vertical = getattr(view, "verticalHeader", None)
    row = vertical().defaultSectionSize() if callable(vertical) else view.sizeHintForRow(0)
    header = getattr(view, "horizontalHeader", None)
    head = header().sizeHint().height() if callable(header) else 0
    return head + rows * row + 2 * 2 + 2
