"""The desktop window (PySide6): main window, sidebar, loan pages, dialogs and Qt item models.

Only ``ashore.commands.cli`` imports this package, and only when the window is wanted.
"""
