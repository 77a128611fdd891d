"""``_tr``: the translation of a text outside any class (Qt's context ""), for the module-level
word tables (stage names, rules broken, hardship reasons). ``make translations`` reads ``_tr(...)``
calls as ``tr`` (``-tr-function-alias tr+=_tr``), so each module imports this one under that name.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files these under ""


def joined(items: list[str]) -> str:
    """``items`` as a list in the interface's language: "a, b, c" in English, "a、b、c" in Chinese
    (the separator is translated)."""
    return _tr(", ").join(items)
