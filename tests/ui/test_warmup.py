"""The chart's libraries load in a background thread, and the chart waits for that load."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from ashore.ui import warmup


def test_the_load_runs_off_the_main_thread_and_ends() -> None:
    script = textwrap.dedent(
        """
        import sys, threading
        from ashore.ui import warmup
        assert "matplotlib" not in sys.modules
        seen = []
        real = warmup._load
        def spy():
            seen.append(threading.current_thread() is threading.main_thread())
            real()
        warmup._load = spy
        assert warmup.start() is True
        assert warmup.start() is False  # once per process
        warmup.settle()
        assert seen == [False], seen
        assert not warmup._thread.is_alive()
        assert {"numpy", "matplotlib.figure", "matplotlib.backends.backend_agg"} <= set(sys.modules)
        import matplotlib
        assert matplotlib.rcParams["axes.unicode_minus"] is False  # the chart's fonts are set up
        print("ok")
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_nothing_to_load_starts_no_thread(monkeypatch) -> None:
    import matplotlib.figure  # noqa: F401  (loaded, as after any chart)

    monkeypatch.setattr(warmup, "_thread", None)
    monkeypatch.setattr(warmup, "_MODULES", ("matplotlib", "matplotlib.figure"))
    assert warmup.start() is False
    assert warmup._thread is None


def test_the_chart_waits_for_a_load_under_way(qtbot, monkeypatch) -> None:
    from ashore.ui.chart.view import NegotiationChart

    joined: list[str] = []

    class Loading:
        def join(self) -> None:
            joined.append("joined")

    monkeypatch.setattr(warmup, "_thread", Loading())
    chart = NegotiationChart()
    qtbot.addWidget(chart)
    assert joined == ["joined"]
