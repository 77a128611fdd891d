"""The chart's libraries load in the background while the person reads the first page.

matplotlib and numpy take seconds to import on a slow or busy machine. Without this, the first
loan a person saves or opens freezes the window while the workspace's charts import them. The app
starts this thread once its window has painted; the chart waits for the thread (``settle``)
before it imports the same modules, so the two threads never import them at the same time.
"""

from __future__ import annotations

import importlib
import sys
import threading

__all__ = ["settle", "start"]

# What the chart imports that needs no Qt (the Qt backend is imported by the chart itself, on
# the main thread), then the chart's font set-up (matplotlib's font list).
_MODULES = (
    "numpy",
    "matplotlib",
    "matplotlib.colors",
    "matplotlib.dates",
    "matplotlib.ticker",
    "matplotlib.transforms",
    "matplotlib.lines",
    "matplotlib.figure",
    "matplotlib.layout_engine",
    "matplotlib.backends.backend_agg",
)
_lock = threading.Lock()
_thread: threading.Thread | None = None


def start() -> bool:
    """Begin loading in a background thread; False when everything is loaded already."""
    global _thread
    with _lock:
        if _thread is not None or all(name in sys.modules for name in _MODULES):
            return False
        _thread = threading.Thread(target=_load, name="ashore-warm-up")
        _thread.start()
        return True


def settle() -> None:
    """Wait until a started load has finished (at once when none was started)."""
    with _lock:
        thread = _thread
    if thread is not None and thread is not threading.current_thread():
        thread.join()


def _load() -> None:
    try:
        for name in _MODULES:
            importlib.import_module(name)
        from ashore.ui.chart.fonts import _setup_fonts

        _setup_fonts()
    except ImportError:
        return  # a broken install: the chart's own import on the main thread says what is wrong
