"""The evidence bundle of one loan: a PDF call log, the original files and a SHA256SUMS manifest.

The zip holds ``call-log.pdf``, ``files/<original name>`` (byte for byte from the evidence store)
and ``SHA256SUMS`` in the form ``sha256sum -c`` reads, paths relative to the zip's root. It is
written to a temporary file beside the target and renamed, so a failed export leaves nothing.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from ashore.app.errors import DataError, InputError
from ashore.domain.dates import date_text, offset_text
from ashore.domain.records import Attachment, CallNote, Lender, Loan, NoteEvent
from ashore.reports.fonts import latin_marks, printable, register_fonts
from ashore.reports.strings import counted, day_text
from ashore.store.evidence import EvidenceStore

PDF_NAME = "call-log.pdf"
SUMS_NAME = "SHA256SUMS"

_TEXT: dict[str, tuple[str, str]] = {
    "title": ("Call log", "沟通记录"),
    "made": ("Made {when}", "生成于 {when}"),
    "about": (
        "{notes}. Every entry is chained by SHA-256 to the one before; the files are the "
        "originals, listed with their SHA-256 in SHA256SUMS (check with: sha256sum -c SHA256SUMS).",
        "共 {n} 条记录。每一条都以 SHA-256 与前一条相连；文件均为原件，其 SHA-256 列于 "
        "SHA256SUMS（校验：sha256sum -c SHA256SUMS）。",
    ),
    "head": ("Last chain hash", "链末指纹"),
    "note": ("Note {number}", "第 {number} 条记录"),
    "occurred": ("Contact at", "沟通时间"),
    "logged": ("Written at", "记录时间"),
    "channel": ("Channel", "方式"),
    "who": ("With", "对方"),
    "text": ("What was said", "内容"),
    "outcome": ("Outcome", "结果"),
    "promises": ("Promises", "承诺"),
    "follow_up": ("Follow-up", "跟进日期"),
    "files": ("Files", "附件"),
    "hash": ("Entry hash", "记录指纹"),
    "revision": ("Before {when}", "{when} 之前的版本"),
    "deleted": ("DELETED {when}: {reason}", "已删除 {when}：{reason}"),
    "chain": ("The chain", "指纹链"),
    "kind": ("Event", "事件"),
    "at": ("At", "时间"),
    "none": ("(none)", "（无）"),
    "footer": ("Ashore evidence bundle", "Ashore 证据包"),
    "page": ("Page {page} of {pages}", "第 {page} 页，共 {pages} 页"),
}

_CHANNELS: dict[str, tuple[str, str]] = {
    "phone": ("phone", "电话"),
    "app_chat": ("app chat", "App 内聊天"),
    "sms": ("SMS", "短信"),
    "email": ("email", "电子邮件"),
    "in_person": ("in person", "当面"),
    "letter": ("letter", "信件"),
    "other": ("other", "其他"),
}

_KINDS: dict[str, tuple[str, str]] = {
    "created": ("created", "创建"),
    "revised": ("revised", "修改"),
    "deleted": ("deleted", "删除"),
    "attached": ("file attached", "添加附件"),
}


def _t(key: str, lang: str, **values: object) -> str:
    en, zh = _TEXT[key]
    return (zh if lang == "zh_CN" else en).format(**values)


def _pick(table: dict[str, tuple[str, str]], key: str, lang: str) -> str:
    en, zh = table.get(key, (key, key))
    return zh if lang == "zh_CN" else en


def _when(value: datetime | None) -> str:
    """A time as it was recorded, with its UTC offset (evidence keeps the offset)."""
    return value.isoformat(sep=" ", timespec="seconds") if value is not None else ""


def _moment(value: datetime, lang: str) -> str:
    """A time as a person reads it, in the window's date style with its zone always named (the
    log is read on other computers): "Fri, Nov 20, 2026 · 10:15 (UTC+8)"."""
    day = date_text(value.date(), lang, weekday=True)
    zone = f"（{offset_text(value)}）" if lang == "zh_CN" else f" ({offset_text(value)})"
    return f"{day} · {value:%H:%M}{zone}"


def _stamp(value: datetime | None, lang: str) -> str:
    """A recorded time as a person reads it, then, on a second line, exactly as recorded (ISO,
    with its offset): the first for reading, the second is the evidence the chain hashes."""
    return f"{_moment(value, lang)}\n{_when(value)}" if value is not None else ""


def _bytes(size: int) -> str:
    kb = size / 1024
    if kb < 1:
        return f"{size} B"
    if kb < 1024:
        return f"{kb:.1f} KB · {size:,} B"
    return f"{kb / 1024:.1f} MB · {size:,} B"


def _duration(ms: int | None) -> str:
    if ms is None:
        return ""
    seconds = ms // 1000
    return f" · {seconds // 60}:{seconds % 60:02d}"


@dataclass(frozen=True)
class BundleSummary:
    path: Path
    notes: int
    files: int


def safe_name(name: str) -> str:
    """A file name safe to put under files/: no folders, controls, backslashes or leading dots."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    base = re.sub(r"[\x00-\x1f\x7f:*?\"<>|]", "_", base).strip(" .")
    return base or "file"


def bundle_names(attachments: list[Attachment]) -> dict[str, str]:
    """sha256 -> path inside the zip (files/...): one per content, names made unique."""
    out: dict[str, str] = {}
    taken: set[str] = set()
    for attachment in attachments:
        if attachment.sha256 in out:
            continue
        name = safe_name(attachment.name)
        stem, dot, suffix = name.rpartition(".")
        if not dot:
            stem, suffix = name, ""
        candidate, n = name, 2
        while candidate.lower() in taken:
            candidate = f"{stem} ({n}).{suffix}" if suffix else f"{stem} ({n})"
            n += 1
        taken.add(candidate.lower())
        out[attachment.sha256] = f"files/{candidate}"
    return out


# --------------------------------------------------------------------------------- the PDF


class _Printer:
    """The styles of the log and the pieces it is made of (reportlab imported by the caller)."""

    def __init__(self, lang: str, font: str, width: float) -> None:
        from reportlab.lib import colors
        from reportlab.lib.styles import ParagraphStyle
        from reportlab.platypus import TableStyle

        self.lang = lang
        self.width = width
        self.muted = colors.Color(0.35, 0.35, 0.35)
        self.base = ParagraphStyle(
            "base", fontName=font, fontSize=9, leading=12, textColor=colors.black
        )
        self.small = ParagraphStyle(
            "small", parent=self.base, fontSize=7.5, leading=9.5, textColor=self.muted
        )
        self.label = ParagraphStyle(
            "label", parent=self.base, fontSize=8, leading=11, textColor=self.muted
        )
        self.title = ParagraphStyle("title", parent=self.base, fontSize=18, leading=23)
        self.h2 = ParagraphStyle(
            "h2", parent=self.base, fontSize=11, leading=15, spaceBefore=8, spaceAfter=3
        )
        self.struck = ParagraphStyle("struck", parent=self.base, textColor=self.muted)
        self.table_style = TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.Color(0.7, 0.7, 0.7)),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )

    def para(self, value: str, style: Any = None) -> Any:
        from reportlab.platypus import Paragraph

        # Escaped, so text that looks like markup (<b>&amp;) prints exactly as typed.
        return Paragraph(latin_marks(escape(printable(value)), self.lang), style or self.base)

    def lines(self, value: str, style: Any = None) -> Any:
        from reportlab.platypus import Paragraph

        parts = [escape(printable(line)) for line in value.splitlines()] or [""]
        return Paragraph(latin_marks("<br/>".join(parts), self.lang), style or self.base)

    def note(self, note: CallNote, number: int, head: NoteEvent | None) -> Any:
        """One note (``number`` in the log's order): its fields, files, earlier versions,
        tombstone and hash, kept on one page."""
        from reportlab.lib.units import mm
        from reportlab.platypus import KeepTogether, Table

        lang = self.lang
        title = f"{_t('note', lang, number=number)} · {_moment(note.occurred_at, lang)}"
        body = self.base
        if note.deleted_at is not None:
            title += " · " + _t(
                "deleted", lang, when=_moment(note.deleted_at, lang), reason=note.deleted_reason
            )
            body = self.struck
        rows = [
            (_t("occurred", lang), _stamp(note.occurred_at, lang)),
            (_t("logged", lang), _stamp(note.logged_at, lang)),
            (_t("channel", lang), _pick(_CHANNELS, note.channel, lang)),
            (_t("who", lang), note.counterpart),
            (_t("text", lang), note.text),
            (_t("outcome", lang), note.outcome),
            (_t("promises", lang), note.promises),
            (_t("follow_up", lang), day_text(note.follow_up, lang) if note.follow_up else ""),
        ]
        data = [[self.para(name, self.label), self.lines(value, body)] for name, value in rows]
        files = [
            f"{a.name} · {_bytes(a.size)}{_duration(a.duration_ms)}\nSHA-256 {a.sha256}"
            for a in note.attachments
        ]
        data.append(
            [
                self.para(_t("files", lang), self.label),
                self.lines("\n".join(files) if files else _t("none", lang)),
            ]
        )
        for revision in reversed(note.revisions):
            old = [
                f"{_t('occurred', lang)}: {_moment(revision.occurred_at, lang)} · "
                f"{_pick(_CHANNELS, revision.channel, lang)} · {revision.counterpart}",
                f"{_t('text', lang)}: {revision.text}",
                f"{_t('outcome', lang)}: {revision.outcome}",
                f"{_t('promises', lang)}: {revision.promises}",
                f"{_t('follow_up', lang)}: "
                + (day_text(revision.follow_up, lang) if revision.follow_up else ""),
            ]
            data.append(
                [
                    self.para(
                        _t("revision", lang, when=_moment(revision.revised_at, lang)), self.label
                    ),
                    self.lines("\n".join(old), self.small),
                ]
            )
        data.append(
            [
                self.para(_t("hash", lang), self.label),
                self.para(head.hash if head else "—", self.small),
            ]
        )
        table = Table(data, colWidths=[30 * mm, self.width - 30 * mm])
        table.setStyle(self.table_style)
        return KeepTogether([self.para(title, self.h2), table])

    def chain(self, chain: list[NoteEvent], numbers: dict[str, int]) -> list[Any]:
        from reportlab.lib.units import mm
        from reportlab.platypus import Paragraph, Table

        lang = self.lang
        rows = [
            [
                self.para("#", self.label),
                self.para(_t("at", lang), self.label),
                self.para(_t("kind", lang), self.label),
                self.para("prev → hash", self.label),
            ]
        ]
        for position, event in enumerate(chain):
            rows.append(
                [
                    self.para(str(position), self.small),
                    self.para(_when(event.at), self.small),
                    self.para(
                        f"{_t('note', lang, number=numbers.get(event.note, 0))} · "
                        f"{_pick(_KINDS, event.kind, lang)}",
                        self.small,
                    ),
                    # Hex digits only: nothing to escape.
                    Paragraph(f"{event.prev_hash}<br/>{event.hash}", self.small),
                ]
            )
        table = Table(
            rows, colWidths=[8 * mm, 34 * mm, 34 * mm, self.width - 76 * mm], repeatRows=1
        )
        table.setStyle(self.table_style)
        return [self.para(_t("chain", lang), self.h2), table]


def _reference(loan: Loan) -> list[str]:
    """The loan's contract or order number, when it has one: what a lender finds it by."""
    return [loan.reference] if loan.reference else []


def call_log_pdf(
    loan: Loan, lender: Lender, chain: list[NoteEvent], lang: str, made: datetime
) -> bytes:
    """The call log of ``loan`` as PDF bytes: every note with both times and its history."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import SimpleDocTemplate, Spacer

    font = register_fonts()
    log = _Printer(lang, font, A4[0] - 36 * mm)
    head_hash = chain[-1].hash if chain else "0" * 64
    story: list[Any] = [
        log.para(f"{_t('title', lang)} — {lender.name} · {loan.name}", log.title),
        log.para(
            " · ".join([*_reference(loan), _t("made", lang, when=_moment(made, lang))]), log.label
        ),
        Spacer(1, 4),
        log.para(
            _t("about", lang, n=len(loan.notes), notes=counted(len(loan.notes), "note", "notes"))
        ),
        log.para(f"{_t('head', lang)}: {head_hash}", log.small),
        Spacer(1, 6),
    ]
    heads = {e.note: e for e in chain}
    # Each note by its number in the log, not its id ("note-1"): a person reads "Note 1".
    ordered = sorted(loan.notes, key=lambda n: (n.occurred_at, n.logged_at))
    numbers = {note.id: number for number, note in enumerate(ordered, start=1)}
    for note in ordered:
        story.append(log.note(note, numbers[note.id], heads.get(note.id)))
    story.extend(log.chain(chain, numbers))

    footer = " · ".join(
        [_t("footer", lang), lender.name, loan.name, _t("made", lang, when=_moment(made, lang))]
    )
    muted = log.muted

    class Numbered(Canvas):
        """Holds pages back to print "Page X of Y" on each."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["initialFontName"] = font  # never an unembedded standard font
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._held.append(dict(self.__dict__))
            # the stubs omit it; reportlab's own "page X of Y" recipe calls it
            self._startPage()  # type: ignore[attr-defined]

        def save(self) -> None:
            for number, state in enumerate(self._held, start=1):
                self.__dict__.update(state)
                self.saveState()
                self.setFont(font, 7.5)
                self.setFillColor(muted)
                self.drawString(18 * mm, 10 * mm, printable(footer))
                self.drawRightString(
                    A4[0] - 18 * mm,
                    10 * mm,
                    _t("page", lang, page=number, pages=len(self._held)),
                )
                self.restoreState()
                Canvas.showPage(self)
            Canvas.save(self)

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=18 * mm,
        title=printable(f"{_t('title', lang)} — {loan.name}"),
        author="Ashore",
        creator="Ashore",
        invariant=1,
        initialFontName=font,
    )
    doc.build(story, canvasmaker=Numbered)
    return buffer.getvalue()


# --------------------------------------------------------------------------------- the zip


def write_evidence_bundle(
    loan: Loan,
    lender: Lender,
    chain: list[NoteEvent],
    store: EvidenceStore,
    out: Path,
    lang: str = "en",
    *,
    made: datetime,
) -> BundleSummary:
    """Write the loan's evidence zip to ``out`` atomically; DataError when a file is damaged.

    ``made``: when it was made (the context's clock), printed in the log and kept in the zip."""
    made = made.replace(microsecond=0)
    attachments = [a for note in loan.notes for a in note.attachments]
    names = bundle_names(attachments)
    for sha in names:
        problem = store.verify(sha)
        if problem is not None:
            raise DataError.about(
                f"evidence {sha}",
                "evidence.damaged",
                f"{problem}; run `ashore verify` (the bundle was not written)",
            )
    pdf = call_log_pdf(loan, lender, chain, lang, made)
    out = Path(out)
    folder = out.resolve().parent
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", dir=folder)
    except OSError as error:
        raise InputError.about(
            f"--out: {out}",
            "file.not_written",
            f"cannot be written: {error.strerror}",
            reason=error.strerror,
        ) from None
    tmp = Path(tmp_name)
    try:
        sums: list[str] = [f"{hashlib.sha256(pdf).hexdigest()}  {PDF_NAME}"]

        def entry(name: str, compress: int = zipfile.ZIP_DEFLATED) -> zipfile.ZipInfo:
            # Dated at the export (not 1980) and read-only when unpacked, like the store's copy.
            info = zipfile.ZipInfo(name, date_time=made.timetuple()[:6])
            info.compress_type = compress
            info.external_attr = (0o100444) << 16
            return info

        with os.fdopen(fd, "wb") as fh, zipfile.ZipFile(fh, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr(entry(PDF_NAME), pdf)
            for sha, inner in names.items():
                digest = hashlib.sha256()
                with (
                    store.open(sha) as src,
                    zf.open(
                        # Recordings and screenshots are compressed already: store them as they are.
                        entry(inner, zipfile.ZIP_STORED),
                        "w",
                        force_zip64=True,
                    ) as dst,
                ):
                    while chunk := src.read(1024 * 1024):
                        digest.update(chunk)
                        dst.write(chunk)
                if digest.hexdigest() != sha:  # changed while we copied it
                    raise DataError.about(
                        f"evidence {sha}",
                        "evidence.changed",
                        "changed while it was being exported",
                    )
                sums.append(f"{sha}  {inner}")
            zf.writestr(entry(SUMS_NAME), "\n".join(sums) + "\n")
        os.replace(tmp, out)
    except IsADirectoryError:
        raise InputError(f"--out: {out} is a folder; give a file name") from None
    except PermissionError as error:
        raise InputError(f"--out: {error.filename or out}: permission denied") from None
    finally:
        tmp.unlink(missing_ok=True)
    return BundleSummary(path=out, notes=len(loan.notes), files=len(names))
