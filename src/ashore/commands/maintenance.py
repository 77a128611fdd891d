"""``ashore verify``, ``ashore backup --out FILE``, ``ashore restore FILE``: keeping data safe."""

from __future__ import annotations

import argparse

from sqlalchemy import select

from ashore.app.context import Context
from ashore.store import Database
from ashore.store.audit import find_problems
from ashore.store.backup import restore_backup, write_backup
from ashore.store.models import EvidenceFileRow


def orphan_files(db: Database) -> list[str]:
    """Stored files no row refers to (left by an import killed before it could clear up)."""
    with db.reading() as session:
        known = set(session.scalars(select(EvidenceFileRow.sha256)))
    return [sha for sha in db.evidence.stored() if sha not in known]


def run_verify(args: argparse.Namespace, ctx: Context) -> int:
    """Exit 0 when the database, every stored file and every note chain hold; else 1."""
    db = Database.open(ctx.data, ctx.clock)
    try:
        problems, files, notes = find_problems(db)
        orphans = [] if problems else orphan_files(db)
    finally:
        db.close()
    for line in problems:
        print(line)
    # Not damage to the record, so the exit code stays 0: named so the user knows they are there.
    for sha in orphans:
        print(f"note: evidence {sha} is stored but no note or document refers to it")
    if problems:
        return 1
    print(f"all good: database intact, {files} file(s) match their hashes, {notes} note(s) chained")
    return 0


def run_backup(args: argparse.Namespace, ctx: Context) -> int:
    db = Database.open(ctx.data, ctx.clock)
    try:
        summary = write_backup(db, args.out)
    finally:
        db.close()
    for sha in summary.damaged:
        print(
            f"warning: evidence {sha} does not match its hash; copied as it is (see ashore verify)"
        )
    for sha in summary.missing:
        print(f"warning: evidence {sha} is missing from the store and is not in the backup")
    print(f"backed up the database and {summary.files} file(s) to {summary.path}")
    return 0


def run_restore(args: argparse.Namespace, ctx: Context) -> int:
    safety = restore_backup(ctx.data, args.file, ctx.clock)
    # Opening once migrates a backup made by an older Ashore, so the next start is quick.
    Database.open(ctx.data, ctx.clock).close()
    kept = f"; the data it replaced is saved in {safety}" if safety else ""
    print(f"restored {args.file}{kept}")
    return 0
