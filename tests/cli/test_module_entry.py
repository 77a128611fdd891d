"""``python -m ashore.commands.cli`` runs the command line as the ``ashore`` script does (it
printed nothing and exited 0: the module had no ``__main__`` block)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ashore.commands.cli import main


def _run(*arguments: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ASHORE_DATA_DIR": str(data_dir)}
    return subprocess.run(
        [sys.executable, "-m", "ashore.commands.cli", *arguments],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_help_of_the_module_is_the_help_of_ashore(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = _run("--help", data_dir=tmp_path / "mine")
    with pytest.raises(SystemExit) as ended:
        main(["--help"])
    assert ended.value.code == 0
    expected = capsys.readouterr().out
    assert result.returncode == 0, result.stderr
    assert result.stdout == expected
    assert "export" in result.stdout  # the command groups are listed, not an empty page


def test_a_bad_command_through_the_module_says_so_and_exits_2(tmp_path: Path) -> None:
    result = _run("no-such-command", data_dir=tmp_path / "mine")
    assert result.returncode == 2
    assert "no-such-command" in result.stderr
