"""The suite's own guard: a test that leaves a thread running fails (tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

CONFTEST = Path(__file__).with_name("conftest.py")

LEAVES_THREADS = """
import threading

from PySide6.QtCore import QThread


def test_leaves_a_python_thread() -> None:
    threading.Thread(target=threading.Event().wait, args=(30,), daemon=True).start()


class Sleeper(QThread):
    def run(self) -> None:
        self.msleep(3000)


KEEP = []


def test_leaves_a_qthread(qapp) -> None:
    thread = Sleeper()
    KEEP.append(thread)
    thread.start()


def test_joins_its_thread() -> None:
    worker = threading.Thread(target=lambda: None)
    worker.start()
    worker.join()
"""


def test_a_thread_left_running_fails_its_test(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ASHORE_TEST_THREAD_GRACE_S", "0.2")
    # This checks the guard, not the day: without libfaketime (which fakes the monotonic clock,
    # so a thread's timed join in the child would wait for years when the suite runs under it).
    for name in ("LD_PRELOAD", "FAKETIME", "FAKETIME_DONT_FAKE_MONOTONIC"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    pytester.makeconftest(CONFTEST.read_text(encoding="utf-8"))
    pytester.makepyfile(test_leaves=LEAVES_THREADS)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-p", "no:randomly")
    result.assert_outcomes(passed=3, errors=2)
    result.stdout.fnmatch_lines(
        [
            "*the test left threads running: thread Thread-*",
            "*the test left threads running: QThread Sleeper*",
        ]
    )
