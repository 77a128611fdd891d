"""Where the main window opens: the size and place the user left it at, when they were saved by
a session on this kind of display and still fit a screen; else a default that fits the screen,
title bar and borders included (1280x800 where there is room, at least 1100x720 when the screen
allows), centred on it.

A size saved by an offscreen run (a test, a screenshot: a virtual 800-pixel screen) once came
back on a real desktop as a 755x580 window cut off in Chinese; a 1280x800 window on a 1280x800
screen put its status bar under the screen's edge, below the title bar the window manager adds.
"""

from __future__ import annotations

import functools
import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QPoint, QRect, QSettings, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    import ctypes

GEOMETRY_KEY = "window/geometry"
# The frame's top-left and the window's size, kept beside the geometry: restoreGeometry before
# the window manager has framed the window puts the inside where the frame was (a title bar
# lower on each start); move() places the frame itself.
POS_KEY = "window/pos"
SIZE_KEY = "window/size"
# The display the geometry was saved on ("xcb", "wayland", "offscreen", …): a size from another
# kind of display says nothing of this one.
PLATFORM_KEY = "window/platform"

DEFAULT = QSize(1280, 800)
LEAST = QSize(1100, 720)
# The smallest the main window goes: everything reads whole at it (the sidebar's three columns,
# the Overview's figures in fewer columns); a page with more than that much to show scrolls.
SMALLEST = QSize(800, 600)
# What a window manager adds around the window before it says how much (title bar, borders).
FRAME = QSize(16, 56)


# X11's predefined WINDOW atom, the type of the root's _NET_SUPPORTING_WM_CHECK (EWMH).
_XA_WINDOW = 33


def x11_library() -> ctypes.CDLL | None:
    """Xlib with the calls asked here typed (None where it cannot be loaded). ctypes is imported
    here, only on an X server: it is a tenth of the first frame's imports, which offscreen,
    Wayland, Windows and macOS have no use for."""
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("X11")
    if name is None:
        return None
    try:
        x11 = ctypes.CDLL(name)
    except OSError:
        return None
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
    x11.XInternAtom.restype = ctypes.c_ulong
    x11.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    x11.XDefaultRootWindow.restype = ctypes.c_ulong
    x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
    x11.XGetWindowProperty.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong]
    x11.XGetWindowProperty.argtypes += [ctypes.c_long, ctypes.c_long, ctypes.c_int, ctypes.c_ulong]
    x11.XGetWindowProperty.argtypes += [ctypes.c_void_p] * 5
    x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
    x11.XFree.argtypes = [ctypes.c_void_p]
    return x11


@functools.cache
def x11_window_manager(display: str) -> bool | None:
    """Whether a window manager runs on the X server ``display`` (one that follows EWMH, as every
    desktop's does, names its check window on the root); None when that cannot be asked."""
    x11 = x11_library() if display else None
    if x11 is None:
        return None
    import ctypes  # (loaded by x11_library)

    connection = x11.XOpenDisplay(display.encode())
    if not connection:
        return None
    try:
        atom = x11.XInternAtom(connection, b"_NET_SUPPORTING_WM_CHECK", True)
        if not atom:  # no client ever named it: no window manager has run on this server
            return False
        kind, width = ctypes.c_ulong(), ctypes.c_int()
        count, after, data = ctypes.c_ulong(), ctypes.c_ulong(), ctypes.c_void_p()
        status = x11.XGetWindowProperty(
            connection,
            x11.XDefaultRootWindow(connection),
            atom,
            0,
            1,
            False,
            _XA_WINDOW,
            *(ctypes.byref(v) for v in (kind, width, count, after, data)),
        )
        if data:
            x11.XFree(data)
        return None if status != 0 else count.value > 0
    finally:
        x11.XCloseDisplay(connection)


def framed(platform: str | None = None) -> bool:
    """Whether a window manager puts a title bar and borders around the window: not on an X
    server without one; elsewhere (a desktop, Wayland, Windows, macOS, and offscreen, where the
    tests stand for a desktop) it does."""
    platform = platform or QGuiApplication.platformName()
    if platform == "xcb":
        return x11_window_manager(os.environ.get("DISPLAY", "")) is not False
    return True


def frame(platform: str | None = None) -> QSize:
    """What the window manager adds around a window (nothing where there is none)."""
    return QSize(FRAME) if framed(platform) else QSize(0, 0)


def _available(widget: QWidget) -> QRect:
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1280, 800)


def default_size(available: QRect, platform: str | None = None) -> QSize:
    """1280x800 with its frame when the screen has room, else what the screen leaves. Offscreen
    (tests: no one sees that 800-pixel "screen") the reference 1280x800; with no window manager
    (nothing to move or resize the window) the whole screen."""
    platform = platform or QGuiApplication.platformName()
    if platform == "offscreen":
        return QSize(DEFAULT)
    if not framed(platform):
        return available.size()
    return DEFAULT.boundedTo(available.size() - FRAME)


def smallest(window: QWidget, smallest: QSize = SMALLEST) -> QSize:
    """The least size of the main window: ``smallest``, or less on a screen that has not that
    much room beside its panels and the window's frame (offscreen, as a desktop: ``smallest``)."""
    if QGuiApplication.platformName() == "offscreen":
        return QSize(smallest)
    return smallest.boundedTo(_available(window).size() - frame())


def least_size(available: QRect) -> QSize:
    """The smallest size a window is reopened at without a saved size of this display's own."""
    return LEAST.boundedTo(default_size(available))


def place_default(window: QWidget) -> None:
    """The default size, centred on the window's screen."""
    available = _available(window)
    size = default_size(available)
    window.resize(size)
    outside = size + frame()
    corner = available.center() - QPoint(outside.width() // 2, outside.height() // 2)
    window.move(max(corner.x(), available.left()), max(corner.y(), available.top()))


def _fits(frame: QRect) -> bool:
    """Whether ``frame`` lies on a screen as it is now."""
    screen = QGuiApplication.screenAt(frame.center())
    return screen is not None and screen.availableGeometry().contains(frame)


def restore_placement(window: QWidget, settings: QSettings) -> None:
    """Give ``window`` the size and place saved by ``save_placement`` on this kind of display,
    else the default (a size saved before the display was kept is used only when it is not
    smaller than ``least_size``). With no window manager, always the whole screen."""
    saved_on = str(settings.value(PLATFORM_KEY, "") or "")
    here = QGuiApplication.platformName()
    geometry = settings.value(GEOMETRY_KEY)
    pos, size = settings.value(POS_KEY), settings.value(SIZE_KEY)
    if (
        not framed(here)
        or (saved_on and saved_on != here)
        or not isinstance(geometry, QByteArray)
        or geometry.isEmpty()
        or not window.restoreGeometry(geometry)
    ):
        place_default(window)
        return
    maximized = window.isMaximized() or window.isFullScreen()
    if (
        isinstance(pos, QPoint)
        and isinstance(size, QSize)
        and not maximized
        and _fits(QRect(pos, size))
    ):
        window.resize(size)
        window.move(pos)
    least = least_size(_available(window))
    if (
        not saved_on
        and not maximized
        and (window.width() < least.width() or window.height() < least.height())
    ):
        place_default(window)  # an old, small size of unknown origin


def save_placement(window: QWidget, settings: QSettings) -> None:
    """Keep the window's geometry, its frame's top-left and size, and the kind of display."""
    settings.setValue(GEOMETRY_KEY, window.saveGeometry())
    if not (window.isMaximized() or window.isFullScreen()):
        settings.setValue(POS_KEY, window.pos())  # the frame's top-left
        settings.setValue(SIZE_KEY, window.size())
    settings.setValue(PLATFORM_KEY, QGuiApplication.platformName())


def fit_dialog(dialog: QWidget, width: int, height: int) -> None:
    """Open ``dialog`` at ``width`` x ``height``, or smaller where the screen is: with the title
    bar and borders the window manager adds it stays on the screen, its buttons in sight (a 860
    px call card ran off an 800 px screen). Never below what its contents need."""
    room = _available(dialog.parentWidget() or dialog).size() - frame()
    least = dialog.minimumSizeHint()
    dialog.resize(
        max(least.width(), min(width, room.width())),
        max(least.height(), min(height, room.height())),
    )
