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
import sqlite3
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from ashore.app.clock import Clock
from ashore.app.errors import DataError, InputError
from ashore.app.paths import DataDir
from ashore.store import lock
from ashore.store.database import Database, known_revisions, make_engine, upgrade
from ashore.store.dbfile import inspect_file
from ashore.store.evidence import CHUNK, is_sha256
from ashore.store.journal import (
    ACTIVE,
    ASIDE_PREFIX,
    STAGING_PREFIX,
    recover,
    remove_tree,
    roll_forward,
    write_journal,
)
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
        raise InputError(
            f"--out: {out} is inside the data dir; save the backup somewhere else",
            code="backup.inside_data",
            arguments={"where": str(out)},
        )
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
                with db.reading() as session:
                    referenced = set(session.scalars(select(EvidenceFileRow.sha256)))
                stored = set(db.evidence.stored())
                missing = tuple(sorted(referenced - stored))
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
                        # named so that a restore can tell them from files a backup lost
                        "missing": list(missing),
                    }
                    archive.writestr(MANIFEST, json.dumps(manifest, indent=2, sort_keys=True))
            os.chmod(tmp, 0o600)
            os.replace(tmp, out)
        finally:
            tmp.unlink(missing_ok=True)
    except PermissionError as error:
        raise InputError.about(
            error.filename or out, "file.permission_denied", "permission denied"
        ) from None
    except IsADirectoryError:
        raise InputError.about(out, "file.is_folder", "is a folder; give a file name") from None
    except OSError as error:
        raise DataError.about(
            out,
            "backup.not_written",
            f"cannot write the backup: {error.strerror}",
            reason=error.strerror,
        ) from None
    return BackupSummary(out, len(members) - 1, out.stat().st_size, tuple(damaged), missing)


def _not_backup(source: Path, why: str, plain: bool = False) -> InputError:
    """The file at ``source`` is no backup Ashore can restore: "not an Ashore backup (why)", or
    ``why`` alone when ``plain``; the window says "it is not a backup Ashore can read"."""
    detail = why if plain else f"not an Ashore backup ({why})"
    return InputError.about(source, "backup.not_backup", detail, why=why)


def _read_manifest(archive: zipfile.ZipFile, source: Path) -> dict[str, str]:
    try:
        manifest = json.loads(archive.read(MANIFEST))
    except KeyError:
        raise _not_backup(source, f"no {MANIFEST}") from None
    except ValueError:
        raise _not_backup(source, f"{MANIFEST} is not valid JSON", plain=True) from None
    if not isinstance(manifest, dict) or manifest.get("format") != BACKUP_FORMAT:
        raise _not_backup(source, f"{MANIFEST} has another format")
    members = manifest.get("members")
    if not isinstance(members, dict) or DB_MEMBER not in members:
        raise _not_backup(source, "the backup holds no database", plain=True)
    return {str(k): str(v) for k, v in members.items()}


def _extract_checked(source: Path, staging: Path) -> None:
    """Unpack the backup into ``staging``, checking every member against the manifest."""
    try:
        archive = zipfile.ZipFile(source)
    except FileNotFoundError:
        raise InputError.about(source, "file.missing", "no such file") from None
    except (zipfile.BadZipFile, IsADirectoryError):
        raise _not_backup(source, "not a zip file") from None
    with archive:
        members = _read_manifest(archive, source)
        names = set(archive.namelist()) - {MANIFEST}
        if names != set(members):
            raise _not_backup(source, "the backup's files do not match its manifest", plain=True)
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
                raise _not_backup(source, f"unexpected member {name!r}", plain=True)
            target = staging.joinpath(*parts)
            target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            digest = hashlib.sha256()
            try:
                with archive.open(name) as src, target.open("wb") as dst:
                    while chunk := src.read(CHUNK):
                        digest.update(chunk)
                        dst.write(chunk)
            except (zipfile.BadZipFile, OSError) as error:
                raise InputError.about(
                    source, "backup.damaged", f"{name} cannot be read: {error}", member=name
                ) from None
            if digest.hexdigest() != expected:
                raise InputError.about(
                    source, "backup.damaged", f"{name} is damaged (hash mismatch)", member=name
                )
            os.chmod(target, 0o600 if name == DB_MEMBER else 0o400)
    (staging / "evidence").mkdir(mode=0o700, exist_ok=True)  # goes live even when empty
    revision, _tables = inspect_file(staging / DB_MEMBER)
    if revision is None or revision not in known_revisions():
        raise DataError.about(
            source,
            "backup.newer",
            f"the backup's database has schema {revision!r}, which this Ashore "
            "does not know; update Ashore to restore it",
            schema=repr(revision),
        )


def restore_backup(data: DataDir, source: Path, clock: Clock | None = None) -> Path | None:
    """Replace the data dir's database and evidence with the backup's, all or nothing.

    The backup is unpacked and checked in a staging folder first (every member against the
    manifest, the database's pages, its schema objects, every file it refers to); the current
    data is then saved as a backup in ``data.backups`` (that file is returned; None when there was
    no data yet), and the staged files go live through the restore journal (ashore.store.journal):
    killed at any point, the next start has either the old data or the new, whole. The database
    is migrated on its next open, as any older one.
    """
    with lock.holding(data.root):
        return _restore_locked(data, Path(source), clock if clock is not None else Clock())


def _restore_locked(data: DataDir, source: Path, clock: Clock) -> Path | None:
    recover(data)
    data.ensure()
    stamp = clock.stamp()
    staging = data.root / f"{STAGING_PREFIX}{stamp}"
    aside = data.root / f"{ASIDE_PREFIX}{stamp}"
    safety: Path | None = None
    decided = False
    ACTIVE.add(staging)
    try:
        staging.mkdir(mode=0o700)
        _extract_checked(Path(source), staging)
        check_staged(Path(source), staging)
        safety = _save_current(data, stamp, clock)
        try:
            write_journal(data, staging, aside)
            decided = True
            roll_forward(data, staging, aside)
        except OSError as error:
            if decided:
                raise DataError.about(
                    data.root,
                    "restore.interrupted",
                    "the backup could not be put fully in place "
                    f"({error.strerror}); the next start of Ashore finishes it",
                    reason=error.strerror,
                ) from None
            raise DataError.about(
                data.root,
                "restore.not_placed",
                f"cannot put the backup in place: {error.strerror}",
                reason=error.strerror,
            ) from None
    finally:
        ACTIVE.discard(staging)
        if not decided:
            remove_tree(staging)
    return safety


def _save_current(data: DataDir, stamp: str, clock: Clock) -> Path | None:
    """The current data saved in ``data.backups`` before it is replaced (None if there is none)."""
    if not (data.database.exists() and data.database.stat().st_size > 0):
        return None
    try:
        db = Database.open(data, clock)
    except DataError:
        # Damaged, locked out by a newer schema, …: exactly when a restore is needed. Keep the
        # raw files as they are, then put the backup back.
        return _keep_raw_database(data, stamp)
    try:
        return write_backup(db, data.backups / f"ashore-before-restore-{stamp}.zip").path
    finally:
        db.close()


def _schema_objects(con: sqlite3.Connection) -> dict[tuple[str, str], str]:
    rows = con.execute(
        "SELECT type, name, coalesce(sql, '') FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
    )
    return {(str(kind), str(name)): " ".join(str(sql).split()) for kind, name, sql in rows}


def _reference_schema(revision: str) -> dict[tuple[str, str], str]:
    """The schema objects a database made by Ashore at ``revision`` holds."""
    with tempfile.TemporaryDirectory(prefix="ashore-schema-") as work:
        engine = make_engine(Path(work) / "reference.sqlite3")
        try:
            upgrade(engine, revision)
        finally:
            engine.dispose()
        con = sqlite3.connect(Path(work) / "reference.sqlite3")
        try:
            return _schema_objects(con)
        finally:
            con.close()


def check_staged(source: Path, staging: Path) -> None:
    """Refuse a staged backup whose database is damaged, carries triggers, views or tables the
    schema does not define (a trigger could delete notes on the next import), or refers to
    evidence the backup does not hold. Nothing live has been touched when this runs."""
    db_path = staging / DB_MEMBER
    revision, _tables = inspect_file(db_path)
    assert revision is not None  # _extract_checked refused a database without one
    try:
        con = sqlite3.connect(f"{db_path.absolute().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise InputError.about(
            source, "backup.refused", f"the backup's database cannot be opened: {error}"
        ) from None
    try:
        lines = [str(row[0]) for row in con.execute("PRAGMA integrity_check")]
        if lines != ["ok"]:
            raise InputError.about(
                source, "backup.refused", f"the backup's database is damaged: {lines[0]}"
            )
        found = _schema_objects(con)
        shas = [str(row[0]) for row in con.execute("SELECT sha256 FROM evidence_files")]
    except sqlite3.DatabaseError as error:
        raise InputError.about(
            source, "backup.refused", f"the backup's database is damaged: {error}"
        ) from None
    finally:
        con.close()
    expected = _reference_schema(revision)
    for key in sorted(set(found) | set(expected)):
        kind, name = key
        if key not in expected:
            raise InputError.about(
                source,
                "backup.refused",
                f"the backup's database holds a {kind} {name!r} that Ashore's schema "
                "does not define; refused (it could change data behind Ashore's back)",
            )
        if found.get(key) != expected[key]:
            raise InputError.about(
                source,
                "backup.refused",
                f"the backup's database has {kind} {name!r} missing or changed "
                "from Ashore's schema; refused",
            )
    declared = _declared_missing(source)
    for sha in shas:
        path = staging / "evidence" / sha[:2] / sha
        if not is_sha256(sha):
            raise InputError.about(
                source, "backup.refused", f"the backup's database names evidence {sha!r}"
            )
        if not path.is_file() and sha not in declared:
            raise InputError.about(
                source,
                "backup.refused",
                f"evidence {sha} is referred to by the backup's database but is not in "
                "the backup; refused",
            )


def _declared_missing(source: Path) -> set[str]:
    """Files the backup's manifest says were already missing when it was made (warned then)."""
    with zipfile.ZipFile(source) as archive:
        manifest = json.loads(archive.read(MANIFEST))
    missing = manifest.get("missing", [])
    return {str(sha) for sha in missing} if isinstance(missing, list) else set()


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
