"""Render the main window with the sample loans to packaging/screenshots/main-window.png, the
screenshot the AppStream metainfo shows (offscreen; run again when the window changes)."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "packaging" / "screenshots" / "main-window.png"
# 16:9 as software centres show it; the date keeps the sample's figures the same on every run.
SIZE = (1280, 720)
TODAY = date(2026, 11, 28)


def _show_tab(window: QWidget, title: str) -> None:
    """Bring the first tab called ``title`` to the front, if the window has one."""
    from PySide6.QtWidgets import QTabWidget

    for tabs in window.findChildren(QTabWidget):
        for index in range(tabs.count()):
            if tabs.tabText(index).replace("&", "") == title:
                tabs.setCurrentIndex(index)
                return


def render(
    out: Path,
    lang: str = "en",
    tab: str = "",
    size: tuple[int, int] = SIZE,
    dashboard: bool = False,
    loan: str = "",
) -> Path:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from ashore.app.context import Context
    from ashore.app.paths import DataDir
    from ashore.services import Ledger
    from ashore.ui.app import configure_application, install_translations, open_settings
    from ashore.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    configure_application(app)
    translators = install_translations(app, lang)
    with tempfile.TemporaryDirectory() as temp:
        data = DataDir(Path(temp) / "data").ensure()
        ctx = Context(data=data, today=TODAY, lang=lang)
        ledger = Ledger.open(data)
        try:
            ledger.load_sample()
            window = MainWindow(ledger, ctx, open_settings(data))
            window.resize(*size)
            window.show()
            window.load()
            # the longest loan: its page has the most to show (schedule, chart, proposals)
            loans = ledger.export_book().loans
            if dashboard:
                window.show_dashboard()
            elif loans:
                longest = max(loans, key=lambda item: item.term_count).id
                window.open_loan(loan or longest)
                if tab:
                    _show_tab(window, tab)
            for _ in range(5):  # let layouts and the chart settle
                app.processEvents()
            image = window.grab()
            window.close()
            window.deleteLater()
            app.processEvents()
        finally:
            ledger.close()
            for translator in translators:
                app.removeTranslator(translator)
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out), "PNG"):
        raise SystemExit(f"screenshot: could not write {out}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--lang", choices=("en", "zh_CN"), default="en")
    parser.add_argument("--tab", default="", help="the loan page's tab to show, e.g. Overview")
    parser.add_argument("--size", default="", help="the window's size, e.g. 1280x800")
    parser.add_argument("--dashboard", action="store_true", help="show all loans, not one")
    parser.add_argument("--loan", default="", help="the sample loan's id (default: the longest)")
    args = parser.parse_args(argv)
    size = SIZE
    if args.size:
        width, _, height = args.size.partition("x")
        if not (width.isdigit() and height.isdigit()):
            parser.error("--size: expected WIDTHxHEIGHT, e.g. 1280x800")
        size = (int(width), int(height))
    written = render(args.out, args.lang, args.tab, size, args.dashboard, args.loan)
    print(f"screenshot: wrote {written}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
