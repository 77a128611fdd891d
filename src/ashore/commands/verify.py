"""``ashore verify``: the database, every stored file and every note chain, checked.

A database at the newest schema is read without SQLAlchemy (``store.audit.verify_data``), so the
command starts in a fraction of the time; an older one is opened (and migrated) as always first.
"""

from __future__ import annotations

import argparse

from ashore.app.context import Context
from ashore.store.audit import Findings, NotNewest, verify_data


def _migrated_findings(ctx: Context) -> tuple[Findings, list[str]]:
    """The same over ``Database.open``, which migrates an older database first."""
    from ashore.store.database import Database  # SQLAlchemy, only for a database to migrate

    Database.open(ctx.data, ctx.clock).close()
    return verify_data(ctx.data)


def run_verify(args: argparse.Namespace, ctx: Context) -> int:
    """Exit 0 when the database, every stored file and every note chain hold; else 1."""
    try:
        (problems, files, notes), orphans = verify_data(ctx.data)
    except NotNewest:
        (problems, files, notes), orphans = _migrated_findings(ctx)
    for line in problems:
        print(line)
    # Not damage to the record, so the exit code stays 0: named so the user knows they are there.
    for sha in orphans:
        print(f"note: evidence {sha} is stored but no note or document refers to it")
    if problems:
        return 1
    print(f"all good: database intact, {files} file(s) match their hashes, {notes} note(s) chained")
    return 0
