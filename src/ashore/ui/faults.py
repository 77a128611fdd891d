"""The words of the faults the world causes below the window (the data folder, its lock, the
database and its migration, backups and restores, stored files, exports) and of the rules the
money engine checks, by code, in the interface's language. ``{where}`` is the file or folder the
fault is about (``Fault.about``); the other names are the fault's ``arguments``.

Every code raised below the interface has its words here or in ashore.ui.messages: a test walks
the sources for codes and checks each is said in Chinese."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def world_templates() -> dict[str, str]:
    """The data folder, the database, backups, stored files, exports."""

    translate = QCoreApplication.translate
    # as a person would say it (seventh walk's 3: "open on this data dir (process 8065)")
    return {
        "lock.held": translate(
            "DataError",
            "{where}: Ashore is already open with this data in another window. Close that "
            "window first, or open a different data folder.",
        ),
        "lock.held_by": translate(
            "DataError",
            "{where}: Ashore is already open with this data in another window (process "
            "{process}). Close that window first, or open a different data folder.",
        ),
        "lock.held_older": translate(
            "DataError",
            "{where}: Ashore is already open with this data in another window, and the "
            "data is not yet ready for this version of Ashore. Close that window first.",
        ),
        "lock.not_created": translate(
            "DataError", "{where}: cannot create the lock file: {reason}"
        ),
        "folder.not_created": translate(
            "DataError", "{where}: cannot create the data folder: {reason}"
        ),
        "folder.missing": translate("DataError", "the folder {folder} does not exist"),
        "database.foreign": translate(
            "DataError",
            "{where}: this is not an Ashore database (no schema version); move it away or "
            "open another data folder",
        ),
        "database.newer": translate(
            "DataError",
            "{where}: the database was written by a newer version of Ashore (schema {schema}); "
            "update Ashore to open it. It was left unchanged",
        ),
        "database.locked": translate(
            "DataError",
            "{where}: the database is locked by another program (is Ashore already open?); "
            "close it and try again",
        ),
        "database.damaged": translate(
            "DataError",
            "{where}: the database is damaged; restore a backup (File ▸ Restore from Backup…; "
            "automatic copies are in {backups})",
        ),
        "database.read_only": translate(
            "DataError", "{where}: the database cannot be written; check the folder's permissions"
        ),
        "database.unreadable": translate(
            "DataError", "{where}: the database cannot be read: {reason}"
        ),
        "database.not_created": translate(
            "DataError", "{where}: cannot create the database: {reason}"
        ),
        "migration.failed": translate(
            "DataError", "{where}: the database cannot be brought up to this version: {reason}"
        ),
        "migration.dangling": translate(
            "DataError",
            "the update of the database would leave rows pointing at nothing (the first in table "
            "{table}); the database was left as it was",
        ),
        "disk.full": translate(
            "DataError", "{where}: the disk is full; free some space and try again"
        ),
        "disk.error": translate(
            "DataError", "{where}: the disk reported an error; check it and try again"
        ),
        "file.missing": translate("DataError", "{where}: no such file"),
        "file.not_plain": translate("DataError", "{where}: is not a plain file"),
        "file.bad_name": translate("DataError", "{where}: is not a usable file name"),
        "file.is_folder": translate("DataError", "{where}: is a folder; give a file name"),
        "file.permission_denied": translate("DataError", "{where}: permission denied"),
        "file.not_written": translate("DataError", "{where}: cannot be written: {reason}"),
        "backup.not_written": translate("DataError", "{where}: cannot write the backup: {reason}"),
        "backup.inside_data": translate(
            "DataError", "{where} is inside the data folder; save the backup somewhere else"
        ),
        "backup.not_backup": translate("DataError", "{where}: is not a backup Ashore can read"),
        "backup.damaged": translate(
            "DataError", "{where}: the backup is damaged ({member} cannot be read)"
        ),
        "backup.refused": translate(
            "DataError",
            "{where}: the backup's database is damaged or not as Ashore writes it; refused, "
            "nothing was changed",
        ),
        "backup.newer": translate(
            "DataError",
            "{where}: the backup's database has schema {schema}, which this Ashore does not "
            "know; update Ashore to restore it",
        ),
        "restore.interrupted": translate(
            "DataError",
            "{where}: the backup could not be put fully in place ({reason}); the next start of "
            "Ashore finishes it",
        ),
        "restore.not_placed": translate(
            "DataError", "{where}: cannot put the backup in place: {reason}"
        ),
        "restore.not_finished": translate(
            "DataError", "{where}: cannot finish the interrupted restore: {reason}"
        ),
        "restore.journal_unreadable": translate(
            "DataError",
            "{where}: an interrupted restore left this file and it cannot be read; restore "
            "your backup again",
        ),
        "evidence.missing": translate("DataError", "{where}: the stored file is missing"),
        "evidence.not_stored": translate("DataError", "cannot store {file}: {reason}"),
        "evidence.damaged": translate(
            "DataError",
            "{where}: the stored file is damaged; check your data (File ▸ Check Data…). The "
            "bundle was not written",
        ),
        "evidence.changed": translate("DataError", "{where}: changed while it was being exported"),
        "font.missing": translate(
            "DataError", "{where}: the report font is missing; reinstall Ashore"
        ),
        "autostart.not_written": translate(
            "DataError", "{where}: cannot write the autostart entry: {reason}"
        ),
        "autostart.not_removed": translate("DataError", "{where}: cannot remove it: {reason}"),
        "settlement.after_report": translate(
            "DataError", "the settlement day is after the day the credit report was checked"
        ),
        "settlement.not_recorded": translate(
            "DataError", "record the day the loan was settled first"
        ),
        "settlement.not_settled": translate("DataError", "the loan is not recorded as settled"),
        "note.deleted": translate(
            "DataError", "the note is deleted; a deleted note cannot be changed"
        ),
        "note.already_deleted": translate("DataError", "the note is already deleted"),
        "note.already_attached": translate("DataError", "{name} is already attached to this note"),
    }


def rule_templates() -> dict[str, str]:
    """The money engine's checks of a loan's or a proposal's terms."""

    translate = QCoreApplication.translate
    return {
        "allocation.not_each_once": translate(
            "InputError", "must name each of fees, penalty, interest, principal once"
        ),
        "amount.fewer_decimals": translate("InputError", "{currency} amounts have fewer decimals"),
        "apr.too_large": translate(
            "InputError", "the payments are too large to give a yearly rate"
        ),
        "apr.too_small": translate(
            "InputError", "the payments are too small to give a yearly rate"
        ),
        "choice.not_one_of": translate("InputError", "is not one of the choices"),
        "choice.unknown": translate("InputError", "{value} is not one of the choices"),
        "compare.no_payment": translate("InputError", "has no payment to compare"),
        "date.before_today": translate("InputError", "must not be before today"),
        "date.not_iso": translate("InputError", "{value} is not a date (YYYY-MM-DD)"),
        "decimal.invalid_number": translate("InputError", "{value} is not a decimal number"),
        "decimal.not_decimal": translate("InputError", "{value} is not a decimal number"),
        "decimal.not_plain": translate(
            "InputError", "{value} is not a decimal amount (under 10^12)"
        ),
        "decimal.not_string": translate("InputError", "{value} is not a decimal number"),
        "discount.out_of_range": translate(
            "InputError", "must be a share from 0 up to (not including) 1"
        ),
        "fee.per_unknown": translate("InputError", "a fee is per installment, once or upfront"),
        "fees.upfront_leave_nothing": translate(
            "InputError", "the upfront fees must leave some money paid out"
        ),
        "installment.not_due_and_amount": translate(
            "InputError", "must be a due date and an amount"
        ),
        "installments.none_given": translate("InputError", "at least one installment is needed"),
        "installments.not_list": translate("InputError", "must be a list of due dates and amounts"),
        "interest.rule_unknown": translate(
            "InputError", "interest is counted by the month or by the day"
        ),
        "lump_sum.amount_or_discount": translate(
            "InputError", "give either an amount or a discount, not both"
        ),
        "number.not_whole_value": translate("InputError", "{value} is not a whole number"),
        "number.out_of_range": translate("InputError", "is out of range"),
        "param.not_of_method": translate("InputError", "is not a value of this kind of proposal"),
        "param.required": translate("InputError", "is required"),
        "penalty.base_unknown": translate(
            "InputError", "the penalty runs on the overdue amount or the overdue principal"
        ),
        "penalty.times_out_of_range": translate("InputError", "must be more than 0 and at most 10"),
        "projection.too_long": translate("InputError", "a projection can cover at most 30 years"),
        "rate.day_count": translate("InputError", "{value} must be 360 or 365"),
        "rate.out_of_range": translate(
            "InputError", "must be a yearly rate from 0 (a fraction, 0.18 = 18 %)"
        ),
        "share.not_share": translate("InputError", "must be a share between 0 and 1"),
        "start.not_before_first_due": translate("InputError", "must be before the first due date"),
        "term.days_only_bullet": translate(
            "InputError", "only a bullet loan can run for a number of days"
        ),
        "term.unit_unknown": translate("InputError", "a term is in months or in days"),
        "text.nul": translate("InputError", "must not hold a NUL character"),
    }
