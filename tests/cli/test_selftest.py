"""``ashore self-test`` as a user (and the packaged bundle) runs it: its own process, no screen."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_self_test_passes_and_reports_every_check(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "ashore", "--data-dir", str(tmp_path / "mine"), "self-test"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    status = {line[5:].split(":")[0]: line[:4].strip() for line in lines[1:-1]}
    assert status == {
        "database": "ok",
        "figures": "ok",
        "evidence": "ok",
        "window": "ok",
        "chart": "ok",
        "calendar": "ok",
        "audio": "info",
    }
    assert "9348.71" in result.stdout
    assert lines[-1] == "all required checks passed"
    assert "Traceback" not in result.stderr
    # it works in a temporary data dir: the user's data dir is not even created
    assert not (tmp_path / "mine").exists()
