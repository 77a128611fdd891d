"""Backups of a whole data dir as one zip, and putting one back, all or nothing.

A backup holds a consistent snapshot of the database (sqlite3's backup API, taken while it may be
open), every evidence file under ``evidence/<aa>/<sha256>``, and ``MANIFEST.json`` with each
member's SHA-256, so a damaged or foreign zip is refused before anything is touched.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from ashore.clock import Clock
from ashore.errors import DataError, InputError
from ashore.paths import DataDir
from ashore.store.database import Database, inspect_file, known_revisions
from ashore.store.evidence import CHUNK, is_sha256
from ashore.store.models import EvidenceFileRow

DB_MEMBER = "ashore.sqlite3"
MANIFEST = "MANIFEST.json"
BACKUP_FORMAT = "ashore-backup"


@dataclass(frozen=True)
class BackupSummary:
    path: Path
    files: int
    size: int
    # Stored files whose content no longer matches their hash: copied as they are, so that the
    # backup holds what the data dir holds, and named so the user can run ``ashore verify``.
    damaged: tuple[str, ...] = ()
    # Files the notes refer to that are not in the store at all: the backup cannot hold them.
    missing: tuple[str, ...] = ()


def _copy_into_zip(archive: zipfile.ZipFile, source: Path, name: str) -> str:
    """Stream ``source`` into the zip as ``name`` and return its SHA-256."""
    digest = hashlib.sha256()
    with source.open("rb") as src, archive.open(name, "w", force_zip64=True) as dst:
        while chunk := src.read(CHUNK):
            digest.update(chunk)
            dst.write(chunk)
    return digest.hexdigest()


def write_backup(db: Database, out: Path) -> BackupSummary:
    """Write a backup of ``db``'s data dir to ``out`` (atomically, mode 0600)."""
    out = Path(out)
    target = out.resolve()
    if target.is_relative_to(db.data.root.resolve()) and not target.is_relative_to(
        db.data.backups.resolve()
    ):
        # a backup written into the data dir could replace the live database or a stored file
        raise InputError(f"--out: {out} is inside the data dir; save the backup somewhere else")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent)
        os.close(fd)
        tmp = Path(tmp_name)
        try:
            with tempfile.TemporaryDirectory(prefix="ashore-backup-") as work:
                snapshot = Path(work) / DB_MEMBER
                db.backup_to(snapshot)
                members: dict[str, str] = {}
                damaged: list[str] = []
                with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
                    members[DB_MEMBER] = _copy_into_zip(archive, snapshot, DB_MEMBER)
                    for sha in db.evidence.stored():
                        name = f"evidence/{sha[:2]}/{sha}"
                        members[name] = _copy_into_zip(archive, db.evidence.path_for(sha), name)
                        if members[name] != sha:
                            damaged.append(sha)
                    manifest = {
                        "format": BACKUP_FORMAT,
                        "version": 1,
                        "created_at": db.clock.now().isoformat(timespec="seconds"),
                        "revision": db.revision(),
                        "members": members,
                    }
                    archive.writestr(MANIFEST, json.dumps(manifest, indent=2, sort_keys=True))
            os.chmod(tmp, 0o600)
            os.replace(tmp, out)
        finally:
            tmp.unlink(missing_ok=True)
    except PermissionError as error:
        raise InputError(f"{error.filename or out}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{out}: is a folder; give a file name") from None
    except OSError as error:
        raise DataError(f"{out}: cannot write the backup: {error.strerror}") from None
    with db.reading() as session:
        referenced = set(session.scalars(select(EvidenceFileRow.sha256)))
    missing = tuple(sorted(sha for sha in referenced if f"evidence/{sha[:2]}/{sha}" not in members))
    return BackupSummary(out, len(members) - 1, out.stat().st_size, tuple(damaged), missing)


def _read_manifest(archive: zipfile.ZipFile, source: Path) -> dict[str, str]:
    try:
        manifest = json.loads(archive.read(MANIFEST))
    except KeyError:
        raise InputError(f"{source}: not an Ashore backup (no {MANIFEST})") from None
    except ValueError:
        raise InputError(f"{source}: {MANIFEST} is not valid JSON") from None
    if not isinstance(manifest, dict) or manifest.get("format") != BACKUP_FORMAT:
        raise InputError(f"{source}: not an Ashore backup ({MANIFEST} has another format)")
    members = manifest.get("members")
    if not isinstance(members, dict) or DB_MEMBER not in members:
        raise InputError(f"{source}: the backup holds no database")
    return {str(k): str(v) for k, v in members.items()}


def _extract_checked(source: Path, staging: Path) -> None:
    """Unpack the backup into ``staging``, checking every member against the manifest."""
    try:
        archive = zipfile.ZipFile(source)
    except FileNotFoundError:
        raise InputError(f"{source}: no such file") from None
    except (zipfile.BadZipFile, IsADirectoryError):
        raise InputError(f"{source}: not an Ashore backup (not a zip file)") from None
    with archive:
        members = _read_manifest(archive, source)
        names = set(archive.namelist()) - {MANIFEST}
        if names != set(members):
            raise InputError(f"{source}: the backup's files do not match its manifest")
        for name, expected in sorted(members.items()):
            parts = name.split("/")
            # The member's content must match the manifest; a file already damaged when the
            # backup was made comes back as it was, for ``ashore verify`` to name.
            ok_evidence = (
                len(parts) == 3
                and parts[0] == "evidence"
                and is_sha256(parts[2])
                and parts[1] == parts[2][:2]
            )
            if name != DB_MEMBER and not ok_evidence:
                raise InputError(f"{source}: unexpected member {name!r}")
            target = staging.joinpath(*parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            digest = hashlib.sha256()
            try:
                with archive.open(name) as src, target.open("wb") as dst:
                    while chunk := src.read(CHUNK):
                        digest.update(chunk)
                        dst.write(chunk)
            except (zipfile.BadZipFile, OSError) as error:
                raise InputError(f"{source}: {name} cannot be read: {error}") from None
            if digest.hexdigest() != expected:
                raise InputError(f"{source}: {name} is damaged (hash mismatch)")
            os.chmod(target, 0o600 if name == DB_MEMBER else 0o400)
    revision, _tables = inspect_file(staging / DB_MEMBER)
    if revision is None or revision not in known_revisions():
        raise DataError(
            f"{source}: the backup's database has schema {revision!r}, which this Ashore "
            "does not know; update Ashore to restore it"
        )


def restore_backup(data: DataDir, source: Path, clock: Clock | None = None) -> Path | None:
    """Replace the data dir's database and evidence with the backup's, all or nothing.

    The current data is first saved as a backup in ``data.backups``; that file is returned (None
    when there was no data yet). The database is migrated on its next open, as any older one.
    """
    data.ensure()
    clock = clock if clock is not None else Clock()
    stamp = clock.stamp()
    staging = data.root / f".restore-{stamp}"
    aside = data.root / f".replaced-{stamp}"
    safety: Path | None = None
    try:
        staging.mkdir(mode=0o700)
        _extract_checked(Path(source), staging)
        if data.database.exists() and data.database.stat().st_size > 0:
            try:
                db = Database.open(data, clock)
            except DataError:
                # Damaged, locked out by a newer schema, …: exactly when a restore is needed. Keep
                # the raw files as they are, then put the backup back.
                safety = _keep_raw_database(data, stamp)
            else:
                try:
                    name = f"ashore-before-restore-{stamp}.zip"
                    safety = write_backup(db, data.backups / name).path
                finally:
                    db.close()
        _swap(data, staging, aside)
    finally:
        for folder in (staging, aside):
            if folder.exists():
                _remove_tree(folder)
    return safety


def _live_paths(data: DataDir) -> list[Path]:
    db = data.database
    return [
        db,
        db.with_name(db.name + "-wal"),
        db.with_name(db.name + "-shm"),
        data.evidence,
    ]


def _keep_raw_database(data: DataDir, stamp: str) -> Path:
    """Copy the database files that cannot be opened, byte for byte, into ``data.backups``."""
    kept = data.backups / f"ashore-unreadable-{stamp}"
    kept.mkdir(mode=0o700, parents=True)
    for suffix in ("", "-wal", "-shm"):
        source = data.database.with_name(data.database.name + suffix)
        if source.exists():
            shutil.copy2(source, kept / source.name)
            os.chmod(kept / source.name, 0o600)
    return kept


def _swap(data: DataDir, staging: Path, aside: Path) -> None:
    """Move the live files aside and the staged ones in; on any failure put the live ones back."""
    aside.mkdir(mode=0o700)
    moved: list[tuple[Path, Path]] = []
    placed: list[Path] = []
    try:
        for live in _live_paths(data):
            if live.exists():
                target = aside / live.name
                os.replace(live, target)
                moved.append((target, live))
        new_db = staging / DB_MEMBER
        os.replace(new_db, data.database)
        placed.append(data.database)
        new_evidence = staging / "evidence"
        if not new_evidence.exists():
            new_evidence.mkdir(mode=0o700)
        os.replace(new_evidence, data.evidence)
        placed.append(data.evidence)
        os.chmod(data.evidence, 0o700)
    except OSError as error:
        for path in placed:
            if path.is_dir():
                _remove_tree(path)
            else:
                path.unlink(missing_ok=True)
        for held, live in reversed(moved):
            os.replace(held, live)
        raise DataError(f"{data.root}: cannot put the backup in place: {error.strerror}") from None


def _remove_tree(folder: Path) -> None:
    # Evidence files are read-only; make them writable so the tree can go.
    for path in folder.rglob("*"):
        if path.is_file():
            os.chmod(path, 0o600)
        elif path.is_dir():
            os.chmod(path, 0o700)
    shutil.rmtree(folder, ignore_errors=True)
