"""The look of the first frame: the palette, the stylesheet and the colours and spacings every
page shares.

Kept apart from ``style`` (fonts, columns) so that the start-up, which applies the theme before the
window's first frame, touches no Qt class it does not paint with: the first access to ``Qt`` alone
builds a hundred Python enums (tenths of a second), and the window must show before that.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

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

# The style every platform gets. Named on the QApplication's command line (``STYLE_ARGUMENTS``,
# as ``ashore.ui.app.create_application`` does) the first frame never touches a QStyle from
# Python: ``setStyle`` hands one back, and its first use builds a dozen Python enums (tens of ms).
STYLE = "fusion"
STYLE_ARGUMENTS = ("-style", STYLE)
STYLE_PROPERTY = "ashoreStyle"  # set on an application made with STYLE_ARGUMENTS

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
QLineEdit:disabled, QComboBox:disabled, QSpinBox:disabled, QDateEdit:disabled {{
    color: {MUTED}; background: #eef1f3; }}
QLabel#agreedNote {{ color: {ACCENT_DARK}; font-weight: 600; }}
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


def apply_theme(app: QApplication) -> None:
    """Fusion, the light palette and the stylesheet for the whole application. An application
    made with ``STYLE_ARGUMENTS`` (the window's) has Fusion already; any other is given it."""
    if app.property(STYLE_PROPERTY) != STYLE:
        app.setStyle(STYLE)
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
