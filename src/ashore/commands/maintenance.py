"""``ashore backup --out FILE``, ``ashore restore FILE``: keeping data safe (``ashore verify`` is
in ``commands.verify``)."""

from __future__ import annotations

import argparse

from ashore.app.context import Context
from ashore.store.backup import restore_backup, write_backup
from ashore.store.database import Database


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
