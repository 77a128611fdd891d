"""The ``ashore`` command: parse the arguments, open the window or run one command, exit.

Exit codes (INTERFACES.md): 0 done; 1 the input or the data is wrong (one line on stderr naming what
and where, never a traceback); 2 wrong usage. Each command lives in ``ashore.commands.<module>``
and is imported only when called, so ``ashore --version`` and start-up pay for nothing else.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from ashore import __version__
from ashore.app.clock import Clock
from ashore.app.context import LANGUAGES, Context
from ashore.app.errors import AshoreError
from ashore.app.paths import (
    DataDir,
    private_umask,
    resolve_data_dir,
    resolve_today,
    tightened_message,
)

# command name -> "module:function" taking (args, ctx) and returning an exit code
_COMMANDS: dict[str, str] = {
    "self-test": "ashore.commands.selftest:run",
    "import": "ashore.commands.exchange:run_import",
    "export json": "ashore.commands.exchange:run_export_json",
    "export schedule": "ashore.commands.tables:run_export_schedule",
    "export projection": "ashore.commands.tables:run_export_projection",
    "export calendar": "ashore.commands.calendar:run_export_calendar",
    "export ics": "ashore.commands.calendar:run_export_ics",
    "export evidence": "ashore.commands.evidence:run_export_evidence",
    "export letter": "ashore.commands.letter:run_export_letter",
    "export summary": "ashore.commands.costs:run_export_summary",
    "lpr list": "ashore.commands.costs:run_lpr_list",
    "lpr add": "ashore.commands.costs:run_lpr_add",
    "export complaint": "ashore.commands.complaint:run_export_complaint",
    "verify": "ashore.commands.verify:run_verify",
    "backup": "ashore.commands.maintenance:run_backup",
    "restore": "ashore.commands.maintenance:run_restore",
}


class _Parser(argparse.ArgumentParser):
    """argparse that exits 2 with one line, as INTERFACES.md asks for wrong usage."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: {message}\n")


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="where all data lives (default: $ASHORE_DATA_DIR or the platform's user data dir)",
    )
    parser.add_argument(
        "--today",
        metavar="YYYY-MM-DD",
        default=argparse.SUPPRESS,
        help="the date taken as today (default: $ASHORE_TODAY or the clock)",
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=argparse.SUPPRESS,
        help="language of the interface and of exported documents",
    )


def _month(text: str) -> str:
    try:
        month = datetime.strptime(text, "%Y-%m")
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a month (YYYY-MM)") from None
    if not 1970 <= month.year <= 2200:
        raise argparse.ArgumentTypeError(f"{text!r} is not between 1970 and 2200")
    return text


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} must be at least 1")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="ashore", description="Ashore: get out of overdue online loans.")
    parser.add_argument("--version", action="version", version=f"Ashore {__version__}")
    parser.add_argument(
        "--tray",
        action="store_true",
        help="start minimised to the tray (what the start-at-login entry runs)",
    )
    _common(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("self-test", help="check that everything the app needs works here")
    _common(p)

    p = sub.add_parser("import", help="add the contents of an exchange file (all or nothing)")
    p.add_argument("file", metavar="FILE.json", type=Path)
    _common(p)

    export = sub.add_parser("export", help="write data out (json, schedule, projection, …)")
    _common(export)
    kinds = export.add_subparsers(dest="kind", metavar="KIND", parser_class=_Parser)
    kinds.required = True

    p = kinds.add_parser("json", help="everything, losslessly")
    p.add_argument("--out", required=True, type=Path, metavar="FILE.json")
    _common(p)

    p = kinds.add_parser("schedule", help="installment table as CSV")
    p.add_argument("--loan", required=True, metavar="ID")
    p.add_argument("--proposal", metavar="ID")
    p.add_argument("--out", type=Path, metavar="FILE.csv")
    _common(p)

    p = kinds.add_parser("projection", help='the "if nothing more is paid" curve as CSV')
    p.add_argument("--loan", required=True, metavar="ID")
    p.add_argument("--until", required=True, metavar="YYYY-MM-DD")
    p.add_argument("--out", type=Path, metavar="FILE.csv")
    _common(p)

    for kind, what, suffix in (
        ("calendar", "the PDF repayment calendar", "FILE.pdf"),
        ("ics", "the due dates for calendar apps", "FILE.ics"),
    ):
        p = kinds.add_parser(kind, help=what)
        p.add_argument("--out", required=True, type=Path, metavar=suffix)
        p.add_argument(
            "--from",
            dest="from_month",
            type=_month,
            metavar="YYYY-MM",
            help="the first month (default: this month)",
        )
        p.add_argument(
            "--months",
            type=_positive_int,
            metavar="N",
            help="how many months from --from (default 12; the window's export covers the plans"
            " in force); the command says how many payments fall after them",
        )
        p.add_argument("--loan", action="append", dest="loans", metavar="ID", default=[])
        if kind == "calendar":
            p.add_argument("--paper", choices=("A4", "Letter"), help="paper size (default: locale)")
        _common(p)

    p = kinds.add_parser("evidence", help="call log PDF, the original files and SHA256SUMS")
    p.add_argument("--loan", required=True, metavar="ID")
    p.add_argument("--out", required=True, type=Path, metavar="FILE.zip")
    _common(p)

    p = kinds.add_parser("letter", help="the hardship letter for a proposal")
    p.add_argument("--loan", required=True, metavar="ID")
    p.add_argument("--proposal", required=True, metavar="ID")
    p.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
    _common(p)

    p = kinds.add_parser("summary", help="every loan's figures as of --today, as JSON")
    p.add_argument("--loan", action="append", dest="loans", metavar="ID", default=[])
    p.add_argument("--out", type=Path, metavar="FILE.json")
    _common(p)

    p = kinds.add_parser("complaint", help="a complaint to the regulator about collection")
    p.add_argument("--loan", required=True, metavar="ID")
    p.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
    p.add_argument(
        "--to",
        choices=("12378", "12363"),
        default="12378",
        help="the financial regulator's hotline (12378, default) or the central bank's (12363)",
    )
    _common(p)

    lpr = sub.add_parser("lpr", help="the one-year LPR table behind the 4 × LPR line")
    _common(lpr)
    lpr_kinds = lpr.add_subparsers(dest="kind", metavar="ACTION", parser_class=_Parser)
    lpr_kinds.required = True
    p = lpr_kinds.add_parser("list", help="the values in force, shipped and added")
    _common(p)
    p = lpr_kinds.add_parser("add", help="add a value published later: lpr add 2026-08-20 2.90")
    p.add_argument("since", metavar="YYYY-MM-DD")
    p.add_argument("percent", metavar="PERCENT")
    _common(p)

    p = sub.add_parser("verify", help="check the database, every stored file and every note chain")
    _common(p)

    p = sub.add_parser("backup", help="a consistent copy of everything")
    p.add_argument("--out", required=True, type=Path, metavar="FILE")
    _common(p)

    p = sub.add_parser("restore", help="put a backup back (the current data is backed up first)")
    p.add_argument("file", metavar="FILE", type=Path)
    _common(p)
    return parser


# The options that may stand alone, each with the number of values it takes: with only these, the
# window is wanted and a parser of them alone will do (the full one costs a Qt start a tenth).
_WINDOW_OPTIONS = {"--data-dir": 1, "--today": 1, "--lang": 1, "--tray": 0}


def window_parser(argv: Sequence[str]) -> argparse.ArgumentParser | None:
    """The parser of the global options alone when ``argv`` holds nothing else (the window's
    start, also from the start-at-login entry), else None. It reads them as the full one does."""
    index = 0
    while index < len(argv):
        name, equals, _value = argv[index].partition("=")
        if name not in _WINDOW_OPTIONS or (equals and not _WINDOW_OPTIONS[name]):
            return None
        index += 1 if equals else 1 + _WINDOW_OPTIONS[name]
    if index > len(argv):
        return None  # an option without its value: the full parser says so
    parser = _Parser(prog="ashore")
    parser.add_argument("--tray", action="store_true")
    _common(parser)
    parser.set_defaults(command=None)
    return parser


def _amount_error() -> type[Exception]:
    """The money engine's error class, imported only once an error is to be told apart."""
    from ashore.domain.money import AmountError

    return AmountError


def _command_name(args: argparse.Namespace) -> str | None:
    if args.command is None:
        return None
    if args.command in ("export", "lpr"):
        return f"{args.command} {args.kind}"
    return str(args.command)


def _resolve(spec: str) -> Callable[[argparse.Namespace, Context], int]:
    module_name, _, func = spec.partition(":")
    module = importlib.import_module(module_name)
    return getattr(module, func)  # type: ignore[no-any-return]


def _log_bug(ctx: Context | None) -> Path | None:
    """Write the current traceback to the data dir's log; return the file, if written."""
    if ctx is None:
        return None
    try:
        ctx.data.ensure()
        log = ctx.data.logs / "errors.log"
        fd = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "a", encoding="utf-8") as fh:
            stamp = ctx.clock.now().isoformat(timespec="seconds")
            fh.write(f"--- {stamp} Ashore {__version__}\n")
            fh.write(traceback.format_exc())
        return log
    except OSError:
        return None


def main(argv: Sequence[str] | None = None) -> int:
    with private_umask():  # every file Ashore writes is the owner's alone, whatever the umask
        return _main(argv)


def _tighten(data: DataDir) -> None:
    changed = data.tighten()
    if changed:
        print(f"ashore: {tightened_message(data.root, changed)}", file=sys.stderr)


def _main(argv: Sequence[str] | None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = window_parser(arguments) or build_parser()
    args = parser.parse_args(arguments)
    ctx: Context | None = None
    try:
        day = resolve_today(getattr(args, "today", None))
        ctx = Context(
            data=DataDir(resolve_data_dir(getattr(args, "data_dir", None))),
            clock=Clock() if day is None else Clock.on(day),
            lang=getattr(args, "lang", None) or _default_lang(),
        )
        name = _command_name(args)
        if name is None:
            from ashore.ui.app import run_app  # lazy: Qt only when the window is wanted

            # The data dir is made private after the first frame, as the data opens off the
            # main thread (``ui.app.ready_data``: ``store.dbfile.prepare``), not before it.
            return run_app(ctx, tray=bool(getattr(args, "tray", False)))
        _tighten(ctx.data)
        return _resolve(_COMMANDS[name])(args, ctx)
    except (AshoreError, _amount_error()) as error:
        print(f"ashore: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("ashore: interrupted; nothing was changed", file=sys.stderr)
        return 1
    # A bug: log it, say so in one line, never show the traceback (the one place that must catch
    # everything, so that no traceback reaches a user).
    except Exception as error:  # noqa: BLE001
        log = _log_bug(ctx)
        where = f" (details in {log})" if log else ""
        print(f"ashore: internal error: {type(error).__name__}: {error}{where}", file=sys.stderr)
        return 1


def _default_lang() -> str:
    import locale

    try:
        code = locale.getlocale()[0] or ""
    except ValueError:
        code = ""
    return "zh_CN" if code.startswith("zh") else "en"


if __name__ == "__main__":  # ``python -m ashore.commands.cli``, as the ``ashore`` script
    sys.exit(main())
