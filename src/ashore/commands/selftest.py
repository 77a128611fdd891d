"""``ashore self-test``: prove, with no screen, that everything the app needs works on this machine.

It works in a temporary data dir (never the user's data), one line per check:
``ok   <check>: <detail>``, ``FAIL <check>: <detail>`` or ``info <check>: <detail>`` for what is
reported but not required (the audio backend). Exit 0 when every required check passed. It runs
from the packaged bundle too, so it is the proof that the bundle carries all it needs.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

from ashore import __version__
from ashore.app.context import Context
from ashore.app.paths import DataDir

# The worked example of DOMAIN.md, which the sample's first loan is: owed on 2026-11-28.
_EXAMPLE_DAY = date(2026, 11, 28)
_EXAMPLE_LOAN = "jb-2026-01"
_EXAMPLE_OWED = Decimal("9348.71")


class CheckFailed(Exception):
    """A required check did not hold; the message says what was seen."""


def run(args: argparse.Namespace, ctx: Context) -> int:
    # No screen needed: unless the caller chose a platform, draw offscreen.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Qt's own chatter about missing PipeWire or sound servers is not a result; the audio line is.
    os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia*=false;qt.qpa.*=false")
    print(f"Ashore {__version__} self-test (Python {sys.version.split()[0]}, {sys.platform})")
    with tempfile.TemporaryDirectory(prefix="ashore-self-test-") as temp:
        data = DataDir(Path(temp) / "data")
        test_ctx = Context(data=data, today=_EXAMPLE_DAY, lang=ctx.lang)
        checks: list[tuple[str, Callable[[Context, Path], str], bool]] = [
            ("database", _check_database, True),
            ("figures", _check_figures, True),
            ("evidence", _check_evidence, True),
            ("window", _check_window, True),
            ("chart", _check_chart, True),
            ("calendar", _check_calendar, True),
            ("audio", _check_audio, False),
        ]
        failed = 0
        for name, check, required in checks:
            try:
                detail = check(test_ctx, Path(temp))
            # Every failure becomes one line, never a traceback: the self-test reports what is
            # broken on this machine, whatever it is.
            except Exception as error:  # noqa: BLE001
                if not required:
                    print(f"info {name}: unavailable: {_one_line(error)}")
                    continue
                failed += 1
                print(f"FAIL {name}: {_one_line(error)}")
                if os.environ.get("ASHORE_SELF_TEST_DEBUG"):
                    traceback.print_exc()
                continue
            print(f"{'ok  ' if required else 'info'} {name}: {detail}")
        _close_qt()
    print("all required checks passed" if not failed else f"{failed} required check(s) failed")
    return 0 if not failed else 1


def _one_line(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[0] if text else ''}".rstrip(": ")


def _check_database(ctx: Context, temp: Path) -> str:
    from ashore.services import Ledger

    ledger = Ledger.open(ctx.data, ctx.clock)
    try:
        if not ledger.is_empty():
            raise CheckFailed("a new data dir is not empty")
        ledger.load_sample()
        written = ledger.export_book()
    finally:
        ledger.close()
    mode = ctx.data.root.stat().st_mode & 0o777
    if mode != 0o700:
        raise CheckFailed(f"data dir has mode {mode:o}, not 700")
    # a second open: the data is read back, not remembered
    ledger = Ledger.open(ctx.data, ctx.clock)
    try:
        read = ledger.export_book()
    finally:
        ledger.close()
    if read != written:
        raise CheckFailed("what was read back differs from what was written")
    return f"sample stored and read back ({len(read.lenders)} lenders, {len(read.loans)} loans)"


def _check_figures(ctx: Context, temp: Path) -> str:
    from ashore.services import Ledger

    ledger = Ledger.open(ctx.data, ctx.clock)
    try:
        summaries = {s.loan_id: s for s in ledger.summaries(_EXAMPLE_DAY)}
    finally:
        ledger.close()
    owed = summaries[_EXAMPLE_LOAN].owed_today
    if owed != _EXAMPLE_OWED:
        raise CheckFailed(f"worked example owes {owed}, expected {_EXAMPLE_OWED}")
    return f"worked example owes {owed} on {_EXAMPLE_DAY}, as DOMAIN.md says"


def _check_evidence(ctx: Context, temp: Path) -> str:
    from ashore.store.evidence import EvidenceStore, sha256_of

    source = temp / "proof.txt"
    source.write_bytes(b"self-test evidence \x00\xff")
    store = EvidenceStore(ctx.data.evidence)
    sha = store.put_file(source)
    if sha != sha256_of(source):
        raise CheckFailed("stored under a hash that is not the file's SHA-256")
    problem = store.verify(sha)
    if problem:
        raise CheckFailed(problem)
    if store.path_for(sha).read_bytes() != source.read_bytes():
        raise CheckFailed("stored bytes differ from the original")
    return f"file stored byte for byte under {sha[:12]}… and verified"


_qt_app: object = None


def _application() -> object:
    global _qt_app
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0], "-platform", os.environ["QT_QPA_PLATFORM"]])
    _qt_app = app
    return app


def _close_qt() -> None:
    if _qt_app is None:
        return
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()


def _check_window(ctx: Context, temp: Path) -> str:
    from PySide6.QtWidgets import QApplication

    _application()
    from ashore.services import Ledger
    from ashore.ui.app import open_settings
    from ashore.ui.main_window import MainWindow

    ledger = Ledger.open(ctx.data, ctx.clock)
    window = MainWindow(ledger, ctx, open_settings(ctx.data))
    try:
        window.resize(1280, 800)
        window.show()
        window.load()
        QApplication.processEvents()
        shown = window.model.loan_count()
        if shown != 3:
            raise CheckFailed(f"the sidebar lists {shown} loans, expected the sample's 3")
        image = window.grab()
        if image.isNull() or image.width() < 400:
            raise CheckFailed("the window could not be drawn")
        platform = QApplication.platformName()
    finally:
        window.close()
        window.deleteLater()
        QApplication.processEvents()
        ledger.close()
    return f"main window built and drawn on '{platform}' with {shown} sample loans in the sidebar"


def _check_chart(ctx: Context, temp: Path) -> str:
    from PySide6.QtWidgets import QApplication

    _application()
    from ashore import finance
    from ashore.services import Ledger
    from ashore.services.plans import loan_payments, loan_terms
    from ashore.ui.chart.view import NegotiationChart, Series

    ledger = Ledger.open(ctx.data, ctx.clock)
    try:
        loan = ledger.loan(_EXAMPLE_LOAN)
    finally:
        ledger.close()
    days = finance.projection(
        loan_terms(loan), loan_payments(loan), _EXAMPLE_DAY, date(2027, 11, 28)
    )
    points = [(d.as_of, d.total) for d in days]
    chart = NegotiationChart(currency=loan.currency)
    try:
        chart.resize(900, 600)
        chart.set_data(
            lines=[Series("status_quo", "If nothing is paid", points, "status_quo")],
            today=_EXAMPLE_DAY,
        )
        out = temp / "chart.png"
        chart.export(out)
        drawn = len(chart.line_data("status_quo"))
    finally:
        chart.deleteLater()
        QApplication.processEvents()
    header = out.read_bytes()[:8]
    if header != b"\x89PNG\r\n\x1a\n":
        raise CheckFailed("the exported chart is not a PNG")
    if drawn != len(points):
        raise CheckFailed(f"the chart drew {drawn} points of {len(points)}")
    return f"matplotlib chart of {drawn} days drawn and exported ({out.stat().st_size:,} bytes PNG)"


def _check_calendar(ctx: Context, temp: Path) -> str:
    from ashore.commands.calendar import run_export_calendar
    from ashore.reports.fonts import font_path

    out = temp / "calendar.pdf"
    args = argparse.Namespace(out=out, from_month="2026-12", months=3, loans=[], paper="A4")
    zh = Context(data=ctx.data, today=ctx.today, lang="zh_CN")
    import contextlib
    import io

    with contextlib.redirect_stdout(io.StringIO()):
        code = run_export_calendar(args, zh)
    if code != 0:
        raise CheckFailed(f"the calendar export returned {code}")
    data = out.read_bytes()
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:]:
        raise CheckFailed("the calendar is not a complete PDF")
    if b"/FontFile2" not in data:
        raise CheckFailed("the calendar's font is not embedded")
    return f"PDF calendar in Chinese written ({len(data):,} bytes, {font_path().name} embedded)"


def _check_audio(ctx: Context, temp: Path) -> str:
    from ashore.ui.audio.probe import audio_backend_status

    available, reason = audio_backend_status()
    return ("playback available: " if available else "playback unavailable: ") + reason
