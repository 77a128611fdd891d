"""The restore journal: how putting a backup back survives being killed at any instruction.

A restore first stages the backup's database and evidence folder in ``.restore-<stamp>/`` and
checks them; nothing live is touched yet, and a restore killed then leaves only that staging
folder, which the next start removes (rolled back). Then one ``os.replace`` writes
``restore-journal.json`` naming the staging and the aside folder: from that instant the restore
is decided. Each step after it (live files aside, staged files in) is a rename that can be done
again or skipped by looking at what exists, so the next start that finds the journal finishes the
swap (rolled forward) before the database is opened, then removes the journal and the old files.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from ashore.app.errors import DataError
from ashore.app.paths import DataDir

JOURNAL = "restore-journal.json"
DB_MEMBER = "ashore.sqlite3"
STAGING_PREFIX = ".restore-"
ASIDE_PREFIX = ".replaced-"


# Staging folders of a restore running in this process: not a left-over of a killed one.
ACTIVE: set[Path] = set()


def journal_path(data: DataDir) -> Path:
    return data.root / JOURNAL


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot sync a folder; the renames still happened in order
    finally:
        os.close(fd)


def write_journal(data: DataDir, staging: Path, aside: Path) -> None:
    """Decide the restore: after this returns, the next start finishes it whatever happens."""
    body = json.dumps({"staging": staging.name, "aside": aside.name}, sort_keys=True)
    tmp = data.root / f".{JOURNAL}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(body)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, journal_path(data))
    _fsync_dir(data.root)


def _read_journal(data: DataDir) -> tuple[Path, Path]:
    path = journal_path(data)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        staging, aside = str(raw["staging"]), str(raw["aside"])
    except (OSError, ValueError, KeyError, TypeError):
        raise DataError.about(
            path,
            "restore.journal_unreadable",
            "an interrupted restore left this file and it cannot be read; "
            "run `ashore restore FILE` again with your backup",
        ) from None
    for name, prefix in ((staging, STAGING_PREFIX), (aside, ASIDE_PREFIX)):
        if not name.startswith(prefix) or "/" in name or name in (prefix, ".", ".."):
            raise DataError.about(
                path,
                "restore.journal_unreadable",
                f"names {name!r}, which is no restore folder of Ashore",
            )
    return data.root / staging, data.root / aside


def roll_forward(data: DataDir, staging: Path, aside: Path) -> None:
    """Put the staged files in place; each step is skipped when done already, so this may run
    again after being killed at any point. The journal goes last, then the leftovers."""
    aside.mkdir(mode=0o700, exist_ok=True)
    live_db = data.database
    new_db = staging / DB_MEMBER
    if new_db.exists():
        # The old -wal and -shm belong to the old database: they must never meet the new one.
        for suffix in ("-wal", "-shm", ""):
            live = live_db.with_name(live_db.name + suffix)
            if live.exists():
                os.replace(live, aside / live.name)
        os.replace(new_db, live_db)
    new_evidence = staging / "evidence"
    if new_evidence.exists():
        if data.evidence.exists():
            os.replace(data.evidence, aside / "evidence")
        os.replace(new_evidence, data.evidence)
    _fsync_dir(data.root)
    # The old files go while the journal still says why: killed meanwhile, this runs again.
    remove_tree(aside)
    remove_tree(staging)
    journal_path(data).unlink(missing_ok=True)
    _fsync_dir(data.root)


def recover(data: DataDir) -> str | None:
    """Finish or undo whatever a killed restore left in ``data``; what was done, or None.

    With the journal the restore was decided: it is finished. Without it, a staging folder is a
    restore that never started to swap (removed: the live data was not touched); an aside folder
    without a journal is left by an older Ashore: what it holds is put back or kept in backups/."""
    if not data.root.is_dir():
        return None
    done: str | None = None
    if journal_path(data).exists():
        staging, aside = _read_journal(data)
        if staging in ACTIVE:
            return None
        try:
            roll_forward(data, staging, aside)
        except OSError as error:
            raise DataError.about(
                data.root,
                "restore.not_finished",
                f"cannot finish the interrupted restore: {error.strerror}",
                reason=error.strerror,
            ) from None
        done = "finished a restore that was interrupted"
    (data.root / f".{JOURNAL}.tmp").unlink(missing_ok=True)
    for folder in sorted(data.root.iterdir()):
        if not folder.is_dir():
            continue
        if folder in ACTIVE:
            continue
        if folder.name.startswith(STAGING_PREFIX):
            remove_tree(folder)  # a copy of the backup, never live: the live data is untouched
            done = done or "removed the unfinished copy of an interrupted restore"
        elif folder.name.startswith(ASIDE_PREFIX):
            done = _keep_aside(data, folder) or done
    return done


def _keep_aside(data: DataDir, aside: Path) -> str:
    """An aside folder without a journal: its files were replaced by a finished restore, or (left
    by an older Ashore, killed halfway) they are the live data. Missing live files are put back
    from it; the rest is kept in ``backups/``, never thrown away."""
    live_db = data.database
    if (aside / DB_MEMBER).exists() and not (live_db.exists() and live_db.stat().st_size):
        for suffix in ("", "-wal", "-shm"):
            held = aside / (DB_MEMBER + suffix)
            if held.exists():
                os.replace(held, live_db.with_name(live_db.name + suffix))
    if (aside / "evidence").is_dir() and not data.evidence.exists():
        os.replace(aside / "evidence", data.evidence)
    if not any(aside.iterdir()):
        aside.rmdir()
        return "put back the data an interrupted restore had moved aside"
    data.backups.mkdir(mode=0o700, parents=True, exist_ok=True)
    kept = data.backups / f"interrupted-restore-{aside.name.removeprefix(ASIDE_PREFIX)}"
    os.replace(aside, kept)
    return f"kept what an interrupted restore had replaced in {kept}"


def remove_tree(folder: Path) -> None:
    """Remove a folder of read-only evidence files (made writable first so it can go)."""
    if not folder.exists():
        return
    for path in folder.rglob("*"):
        try:
            if path.is_symlink():
                continue
            if path.is_file():
                os.chmod(path, 0o600)
            elif path.is_dir():
                os.chmod(path, 0o700)
        except OSError:
            continue
    shutil.rmtree(folder, ignore_errors=True)
