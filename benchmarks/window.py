"""Time the window as a user meets it, against bare Qt and matplotlib baselines in the same run.

Each start is a fresh process, timed from launch to the frame in question, interleaved with its
baseline, medians of the rounds:

- first window: ``ashore`` on an empty data dir until its window paints, against a bare PySide6
  QMainWindow until it paints, each watched by an event filter on its window alone, Ashore started
  as its script starts it (the command line imported first, then Qt); and the same the old way
  (an application-wide event filter, Qt imported and the QApplication made before Ashore), whose
  figure is kept for comparison. The old way is not the user's start: a Python filter on the whole
  application turns every event of every object into a Python object, and for Qt's private
  classes (the animation timer of a QMainWindow's layout, which the bare window, having no central
  widget, never starts) that builds the types and enums of most of QtWidgets, a tenth of a second
  or more that no user's start pays;
- filled window: ``ashore`` on the heavy data (``heavy_data.py``, N loans) and on the 3-loan
  sample until the sidebar is filled and the dashboard's chart is drawn, against a bare Qt window
  with a matplotlib canvas drawing 8 lines of 365 points;
- proposal edit: inside one running window, a proposal's months changed and saved until the
  loan's Overview chart has drawn it, against a bare redraw of the same lines on that canvas
  (interleaved in the same process).

Ashore's modules are byte-compiled before the rounds, as an installed Ashore's are (pip compiles
them, the bundle carries them): under ``PYTHONDONTWRITEBYTECODE`` a source checkout would compile
every module at every start (about 50 ms), which the baselines (the standard library, PySide6,
matplotlib: compiled) never pay.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/window.py [--loans 30 300 3000]
[--rounds 5] [--edits 9]``. A script that prints, not a test.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from heavy_data import heavy_book  # noqa: E402  (the generator beside this script)

ASHORE = Path(sys.executable).with_name("ashore")
TODAY = "2026-11-28"
EDIT_TIMEOUT = 300  # seconds: an edit that never shows is a failure, not a wait forever
NOTES_PER_LOAN = 67  # 20,000 notes on 300 loans, as in issue 15


# ----- the child processes -------------------------------------------------------------------


def _say(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def _main_window() -> Any:
    from PySide6.QtWidgets import QApplication, QMainWindow

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMainWindow) and widget.objectName() == "mainWindow":
            return widget
    return None


def _frames(chart: Any) -> int:
    return int(chart.plot.full_draws + chart.plot.blits)


def _filled(window: Any) -> bool:
    """The sidebar has its rows and the dashboard's chart has drawn its lines."""
    model = getattr(window, "model", None)  # the sidebar comes after the first frame
    if model is None or model.rowCount() == 0:
        return False
    dashboard = getattr(window, "dashboard", None)
    if dashboard is None or not dashboard.chart.isVisible():
        return False
    return _frames(dashboard.chart) > 0 and bool(dashboard.chart.plot.owed_axes.lines)


def _run_ashore(data: str, until: Any, then: Any = None) -> None:
    """Start Ashore as ``ashore --data-dir DATA`` does, watching for ``until(window)``; print
    ``ready`` when it holds, run ``then(window)`` if given, and leave without saving anything."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])

    class Watch(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                check()
            return False

    def check() -> None:
        if watch.done:  # type: ignore[attr-defined]
            return
        window = _main_window()
        if window is not None and until(window):
            watch.done = True
            app.removeEventFilter(watch)
            _say("ready")
            if then is None:
                os._exit(0)  # leave as killed: no window state saved for the next round
            # Not from inside a paint event: the edits need the canvas to paint again.
            QTimer.singleShot(0, lambda: (then(window), os._exit(0)))

    watch = Watch()
    watch.done = False  # type: ignore[attr-defined]
    app.installEventFilter(watch)
    poll = QTimer()
    poll.setInterval(2)
    poll.timeout.connect(check)
    poll.start()
    from ashore.commands.cli import main

    main(["--data-dir", data, "--today", TODAY])


def _first_window(data: str) -> None:
    """Start Ashore as its ``ashore`` script does (the command line imported first) on ``data``;
    print ``ready`` at the main window's first paint, seen by an event filter on that window
    alone (installed as the window is made), and leave without saving anything."""
    # The command line first, Qt after, as the script imports them (so not sorted).
    from ashore.commands.cli import main  # noqa: I001
    from ashore.ui import main_window
    from PySide6.QtCore import QEvent, QObject

    class Watch(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                _say("ready")
                os._exit(0)  # leave as killed: no window state saved for the next round
            return False

    watch = Watch()
    build = main_window.MainWindow.__init__

    def watched(window: Any, *args: Any, **kwargs: Any) -> None:
        build(window, *args, **kwargs)
        window.installEventFilter(watch)

    main_window.MainWindow.__init__ = watched  # type: ignore[method-assign]
    main(["--data-dir", data, "--today", TODAY])


def _bare_window(canvas: bool, app_wide: bool = True) -> None:
    """A bare QMainWindow (and, with ``canvas``, a matplotlib canvas with 8 lines) until painted;
    watched by an event filter on the whole application, or (``app_wide=False``) on the window."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1280, 800)
    target: QObject = window
    if canvas:
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        figure = Figure()
        axes = figure.add_subplot(111)
        for k in range(8):
            axes.plot(range(365), [1000 + k * 100 + day * (k + 1) for day in range(365)])
        target = FigureCanvasQTAgg(figure)
        window.setCentralWidget(target)  # type: ignore[arg-type]

    class Watch(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if obj is target and event.type() == QEvent.Type.Paint:
                if canvas:
                    target.draw()  # type: ignore[attr-defined]  # the lines drawn, as Ashore's
                _say("ready")
                os._exit(0)
            return False

    if app_wide:
        app.installEventFilter(Watch(app))
    else:
        target.installEventFilter(Watch(app))
    window.show()
    app.exec()


def _edit_loan(window: Any) -> Any:
    """The first loan with a reamortize proposal, opened on its Overview tab."""
    from ashore.ui.pages import LoanPage

    for loan in window.ledger.loans():
        if any(p.method == "reamortize" for p in loan.proposals):
            window.open_loan(loan.id)
            page: LoanPage = window.loan_page
            page.tabs.setCurrentIndex(0)  # Overview
            return loan
    raise SystemExit("no loan with a reamortize proposal")


def _edits(window: Any, count: int) -> None:
    """Change a proposal's months ``count`` times; time each until the Overview chart shows it,
    each followed by a bare redraw of the same lines on that canvas; print the times as JSON."""
    from dataclasses import replace

    from chart import BareFigure
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    loan = _edit_loan(window)
    proposal = next(p for p in loan.proposals if p.method == "reamortize")
    chart = window.overview_tab.chart
    deadline = time.perf_counter() + 60
    while _frames(chart) == 0 and time.perf_counter() < deadline:
        app.processEvents()
    ours, bare = [], []
    for k in range(count):
        months = int(proposal.params["months"]) + (1 if k % 2 == 0 else -1)
        proposal = replace(proposal, params={**proposal.params, "months": months})
        chart = window.overview_tab.chart
        before = _frames(chart)
        start = time.perf_counter()
        window.proposals_tab.save(proposal)
        while _frames(window.overview_tab.chart) == before:
            app.processEvents()
            if time.perf_counter() - start > EDIT_TIMEOUT:
                raise SystemExit(f"edit {k}: the Overview chart did not draw in {EDIT_TIMEOUT} s")
        ours.append(time.perf_counter() - start)
        _say(f"edit {k}: {ours[-1] * 1000:.0f} ms")
        bare.append(BareFigure(window.overview_tab.chart).draw())
    _say(json.dumps({"edit": ours, "bare": bare}))


def child(mode: str, data: str, edits: int) -> None:
    if mode == "first":
        _first_window(data)
    elif mode == "first-old":
        _run_ashore(data, lambda window: window.isVisible())
    elif mode == "filled":
        _run_ashore(data, _filled)
    elif mode == "edit":
        _run_ashore(data, _filled, lambda window: _edits(window, edits))
    elif mode == "bare-window":
        _bare_window(canvas=False, app_wide=False)
    elif mode == "bare-window-old":
        _bare_window(canvas=False)
    elif mode == "bare-canvas":
        _bare_window(canvas=True)


# ----- the parent: data, rounds, figures -----------------------------------------------------


def _spawn(mode: str, data: Path | None = None, edits: int = 0) -> tuple[float, list[str]]:
    """Seconds from launch to the child's ``ready`` line, and all lines it printed."""
    args = [sys.executable, __file__, "--child", mode, "--data", str(data or ""), "--edits"]
    start = time.perf_counter()
    child = subprocess.Popen([*args, str(edits)], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    lines = []
    ready = None
    for line in child.stdout:
        lines.append(line.strip())
        if ready is None and line.strip() == "ready":
            ready = time.perf_counter() - start
    if child.wait() != 0 or ready is None:
        raise SystemExit(f"{mode} on {data} failed (exit {child.returncode}): {lines[-3:]}")
    return ready, lines


def _import(data: Path, source: Path) -> None:
    subprocess.run(
        [str(ASHORE), "--data-dir", str(data), "--today", TODAY, "import", str(source)],
        check=True,
        stdout=subprocess.DEVNULL,
    )


def _line(what: str, ours: list[float], bare: list[float], unit: str = "s") -> None:
    a, b = statistics.median(ours), statistics.median(bare)
    scale = 1000 if unit == "ms" else 1
    print(f"{what:<46}{a * scale:>9.2f}{unit}{b * scale:>9.2f}{unit}{a / b:>8.2f}×")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loans", type=int, nargs="+", default=[30, 300])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--edits", type=int, default=9)
    parser.add_argument("--child", default="")
    parser.add_argument("--data", default="")
    args = parser.parse_args()
    if args.child:
        child(args.child, args.data, args.edits)
        return
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    compileall.compile_dir(str(ROOT / "src" / "ashore"), quiet=1)  # as installed (see above)
    work = Path(tempfile.mkdtemp(prefix="ashore-window-bench-"))
    try:
        empty = work / "empty"
        sample = work / "sample"
        _import(sample, ROOT / "resources" / "sample" / "sample.json")
        heavy: dict[int, Path] = {}
        for loans in args.loans:
            source = work / f"heavy-{loans}.json"
            book = heavy_book(loans, loans * NOTES_PER_LOAN)
            source.write_text(json.dumps(book, ensure_ascii=False), "utf-8")
            heavy[loans] = work / f"heavy-{loans}"
            _import(heavy[loans], source)
        times: dict[str, list[float]] = {}

        def add(key: str, value: float) -> None:
            times.setdefault(key, []).append(value)
            print(f"  {key}: {value:.2f} s", flush=True)

        for _ in range(args.rounds):  # interleaved: each measurement next to its baseline
            add("first", _spawn("first", empty)[0])
            add("bare window", _spawn("bare-window")[0])
            add("first, old way", _spawn("first-old", empty)[0])
            add("bare window, old way", _spawn("bare-window-old")[0])
            add("filled sample", _spawn("filled", sample)[0])
            add("bare canvas", _spawn("bare-canvas")[0])
            for loans, data in heavy.items():
                add(f"filled {loans}", _spawn("filled", data)[0])
                add("bare canvas", _spawn("bare-canvas")[0])
        for name, data in [("sample", sample), *((str(n), d) for n, d in heavy.items())]:
            _seconds, lines = _spawn("edit", data, args.edits)
            result = json.loads(lines[-1])
            times[f"edit {name}"] = result["edit"]
            times[f"edit bare {name}"] = result["bare"]
        print(f"{args.rounds} rounds (edits: {args.edits} in one window each), medians")
        print(f"{'what':<46}{'Ashore':>10}{'bare':>10}{'ratio':>9}")
        _line("first visible window, empty data", times["first"], times["bare window"])
        _line("  the same, the old way", times["first, old way"], times["bare window, old way"])
        _line("filled window, 3-loan sample", times["filled sample"], times["bare canvas"])
        for loans in heavy:
            _line(f"filled window, {loans} loans", times[f"filled {loans}"], times["bare canvas"])
        for name in ["sample", *map(str, heavy)]:
            label = "sample" if name == "sample" else f"{name} loans"
            _line(
                f"proposal edit → overview chart, {label}",
                times[f"edit {name}"],
                times[f"edit bare {name}"],
                "ms",
            )
        sample_filled = statistics.median(times["filled sample"])
        sample_edit = statistics.median(times["edit sample"])
        for loans in heavy:
            filled = statistics.median(times[f"filled {loans}"]) / sample_filled
            edit = statistics.median(times[f"edit {loans}"]) / sample_edit
            print(f"{loans} loans vs the sample: filled {filled:.2f}×, edit {edit:.2f}×")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
