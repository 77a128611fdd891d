"""The complaint PDF: a letter to the regulator's hotline (12378) or the central bank's (12363)
about a lender's collection, in English or Chinese, with a table of every collection contact and
the rule it broke, and the SHA-256 of every file that backs them. Everything the user typed is
printed literally (text that looks like markup is not obeyed)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from xml.sax.saxutils import escape

from ashore.domain.money import format_amount
from ashore.domain.records import Attachment, CallNote, Lender, Loan
from ashore.reports.fonts import latin_marks, printable, register_fonts, register_mono
from ashore.reports.letter import signature_lines
from ashore.reports.strings import counted
from ashore.reports.strings import in_lang as _pick
from ashore.reports.strings import long_date as _day


@dataclass(frozen=True)
class ComplaintContact:
    """One collection contact as the complaint lists it."""

    note: CallNote
    rules: tuple[str, ...]  # the rules it broke (services.collection.RULES), maybe none


@dataclass(frozen=True)
class ComplaintData:
    to: str  # one of HOTLINES
    today: date
    borrower_name: str
    borrower_phone: str
    borrower_address: str
    borrower_email: str
    lender: Lender
    loan: Loan
    agreed: tuple[str, ...]  # the accepted plan in a few lines; empty when there is none
    agreed_on: date | None
    contacts: tuple[ComplaintContact, ...]  # every collection contact, oldest first

    @property
    def breaches(self) -> list[tuple[ComplaintContact, str]]:
        return [(contact, rule) for contact in self.contacts for rule in contact.rules]

    @property
    def evidence(self) -> list[tuple[CallNote, Attachment]]:
        """Every file attached to a listed contact, in the contacts' order."""
        return [(c.note, a) for c in self.contacts for a in c.note.attachments]


_HOTLINES: dict[str, tuple[str, str]] = {
    "12378": (
        "National Financial Regulatory Administration, consumer complaints hotline 12378",
        "国家金融监督管理总局 12378 金融消费者投诉热线",
    ),
    "12363": (
        "People's Bank of China, financial consumer protection hotline 12363",
        "中国人民银行 12363 金融消费权益保护咨询投诉电话",
    ),
}
_RULES: dict[str, tuple[str, str]] = {
    "night_call": ("Contact between 22:00 and 08:00", "在22:00至次日08:00之间催收"),
    "too_many_calls": ("More than 3 contacts in one day", "同一日催收超过3次"),
    "third_party": ("Contacted a third party", "联系债务人以外的第三人"),
    "abuse": ("Threats, insults, impersonation or disclosure", "威胁、辱骂、冒充或泄露债务信息"),
}
_ABUSE: dict[str, tuple[str, str]] = {
    "threat": ("threat", "威胁"),
    "insult": ("insult", "辱骂"),
    "impersonation": ("impersonation", "冒充公检法或律师"),
    "disclosure": ("disclosure of the debt", "向他人泄露债务"),
    "other": ("other abuse", "其他不当言行"),
}
_DIRECTIONS: dict[str, tuple[str, str]] = {
    "incoming": ("they contacted me", "对方来电/来信"),
    "outgoing": ("I contacted them", "本人去电"),
}


def zone_text(at: datetime) -> str:
    """The offset a time carries, as a regulator reads it: ``UTC+08:00``, ``UTC-05:30``."""
    offset = at.utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{rest:02d}"


def _bracket(text: str, lang: str) -> str:
    return f"（{text}）" if lang == "zh_CN" else f" ({text})"


def contact_time(
    at: datetime, lang: str = "en", *, zone: bool = True, sep: str | None = None
) -> str:
    """A contact's time as the note carries it (its own offset, never this computer's zone):
    ``2026-11-20 23:10 (UTC+08:00)``, ``2026-11-20 23:10（UTC+08:00）`` in Chinese; without the
    offset when ``zone`` is false (the table's heading names it once); ``sep`` goes between the
    time and the offset (a line break in the table's narrow column; by default a space in
    English, nothing before the Chinese bracket)."""
    text = f"{at:%Y-%m-%d %H:%M}"
    if not zone:
        return text
    joiner = sep if sep is not None else ("" if lang == "zh_CN" else " ")
    return text + joiner + _bracket(zone_text(at), lang).strip()


def shared_zone(contacts: tuple[ComplaintContact, ...]) -> str | None:
    """The one offset every contact carries (``UTC+08:00``), or None when they differ or there
    are none."""
    zones = {zone_text(c.note.occurred_at) for c in contacts}
    return zones.pop() if len(zones) == 1 else None


def hash_lines(sha256: str) -> str:
    """A SHA-256 in two lines of 32 characters, each in four groups of 8, so it can be read and
    compared a group at a time (a value of another length is grouped the same way)."""
    value = sha256.strip()
    groups = [value[i : i + 8] for i in range(0, len(value), 8)]
    return "\n".join(" ".join(groups[i : i + 4]) for i in range(0, len(groups), 4))


def rule_name(rule: str, lang: str) -> str:
    return _pick(_RULES.get(rule, (rule, rule)), lang)


def _w(lang: str, en: str, zh: str) -> str:
    return zh if lang == "zh_CN" else en


def intro_paragraphs(data: ComplaintData, lang: str) -> list[tuple[str, str]]:
    """(style, text) blocks before the table: addressee, parties, loan, agreement, the facts."""
    loan, lender = data.loan, data.lender
    locale = "zh_CN" if lang == "zh_CN" else "en"
    # The lender's contract number when the user gave one; never the app's own id (the loan's
    # name already says which loan it is).
    ref = loan.reference.strip()
    number = _w(lang, f", contract number {ref}", f"，合同编号 {ref}") if ref else ""
    counts = {rule: 0 for rule in _RULES}
    for _contact, rule in data.breaches:
        counts[rule] = counts.get(rule, 0) + 1
    who = [
        line
        for line in (
            data.borrower_name,
            *data.borrower_address.splitlines(),
            data.borrower_phone,
            data.borrower_email,
        )
        if line.strip()
    ] or [_w(lang, "(name and contact details: please fill in)", "（姓名及联系方式：请填写）")]
    blocks: list[tuple[str, str]] = [
        ("title", _w(lang, "Complaint about debt collection", "关于违规催收的投诉")),
        ("body", _w(lang, "To: ", "致：") + _pick(_HOTLINES[data.to], lang)),
        ("body", _w(lang, "Date: ", "日期：") + _day(data.today, lang)),
        ("head", _w(lang, "Complainant", "投诉人")),
        ("body", "\n".join(who)),
        ("head", _w(lang, "Respondent", "被投诉机构")),
        (
            "body",
            lender.name
            + (_w(lang, f"\nCustomer service: {lender.phone}", f"\n客服电话：{lender.phone}"))
            * bool(lender.phone)
            + (f"\n{lender.website}" if lender.website else ""),
        ),
        ("head", _w(lang, "The loan", "借款情况")),
        (
            "body",
            _w(
                lang,
                f"“{loan.name}”{_w(lang, number, '')}, principal "
                f"{format_amount(loan.principal, loan.currency, locale)} {loan.currency}, "
                f"first payment due {_day(loan.first_due, lang)}.",
                f"借款“{loan.name}”{_w(lang, '', number)}，本金 "
                f"{format_amount(loan.principal, loan.currency, locale)} {loan.currency}，"
                f"首期还款日 {_day(loan.first_due, lang)}。",
            ),
        ),
        ("head", _w(lang, "What was agreed", "协商还款约定")),
    ]
    if data.agreed:
        when = (
            _w(
                lang,
                f"Agreed on {_day(data.agreed_on, lang)}:",
                f"于{_day(data.agreed_on, lang)}达成：",
            )
            if data.agreed_on
            else _w(lang, "Agreed:", "已达成：")
        )
        blocks.append(("body", when + "\n" + "\n".join(f"• {line}" for line in data.agreed)))
    else:
        blocks.append(
            (
                "body",
                _w(
                    lang,
                    "No repayment agreement has been reached yet; I have asked to negotiate one.",
                    "目前尚未达成还款协议，本人一直在积极协商还款。",
                ),
            )
        )
    colon = "：" if lang == "zh_CN" else ": "
    summary = [f"• {rule_name(rule, lang)}{colon}{n}" for rule, n in counts.items() if n]
    broke = sum(1 for contact in data.contacts if contact.rules)
    blocks += [
        ("head", _w(lang, "What happened", "事实与理由")),
        (
            "body",
            _w(
                lang,
                f"{lender.name} or collectors acting for it contacted me "
                f"{counted(len(data.contacts), 'time', 'times')} about this loan. {broke} of "
                "these contacts broke the rules on collection "
                "of the national standard GB/T 45251-2025 (no contact between 22:00 and 08:00, "
                "at most 3 contacts a day, no contact with third parties, no threats, insults or "
                f"impersonation), {counted(len(data.breaches), 'breach', 'breaches')} in all:",
                f"{lender.name}或其委托的催收人员就本笔借款共联系本人 {len(data.contacts)} 次，"
                f"其中 {broke} 次违反国家标准 GB/T 45251—2025 对催收行为的要求"
                "（不得在22:00至次日08:00催收、每日催收不超过3次、不得联系第三人、"
                f"不得威胁、辱骂或冒充他人），共 {len(data.breaches)} 项违规：",
            )
            + ("\n" + "\n".join(summary) if summary else ""),
        ),
        (
            "body",
            _w(
                lang,
                "Every contact is listed below with its time (as it happened, in its time zone), "
                "the number used, what was said and the rule it broke.",
                "下表列出每次催收的时间（按发生地时区）、来电号码、催收内容及所违反的规定。",
            ),
        ),
    ]
    return blocks


def contact_rows(data: ComplaintData, lang: str) -> list[list[str]]:
    """The contacts table: a header row, then one row per contact."""
    zone = shared_zone(data.contacts)
    time_head = _w(lang, "Time", "时间") + (_bracket(zone, lang) if zone else "")
    rows = [
        [
            "#",
            time_head,
            _w(lang, "Number", "号码"),
            _w(lang, "What was said", "催收内容"),
            _w(lang, "Rule broken", "违反的规定"),
        ]
    ]
    for i, contact in enumerate(data.contacts, 1):
        note = contact.note
        said = note.text
        if note.third_party:
            said += _w(
                lang, f"\nAlso contacted: {note.third_party}", f"\n联系的第三人：{note.third_party}"
            )
        if note.abuse:
            said += _w(lang, "\nHeard: ", "\n言行：") + ("、" if lang == "zh_CN" else ", ").join(
                _pick(_ABUSE.get(k, (k, k)), lang) for k in note.abuse
            )
        if note.attachments:
            said += _w(lang, "\nEvidence: ", "\n证据：") + _w(lang, ", ", "、").join(
                a.name for a in note.attachments
            )
        direction = _pick(_DIRECTIONS.get(note.direction, (note.direction,) * 2), lang)
        rows.append(
            [
                str(i),
                contact_time(note.occurred_at, lang, zone=zone is None, sep="\n")
                + f"\n{direction}",
                note.from_number or note.counterpart,
                said,
                "\n".join(rule_name(rule, lang) for rule in contact.rules) or "—",
            ]
        )
    return rows


def closing_paragraphs(data: ComplaintData, lang: str) -> list[tuple[str, str]]:
    lender = data.lender.name
    paragraphs = [
        ("head", _w(lang, "What I ask for", "投诉请求")),
        (
            "body",
            _w(
                lang,
                f"1. That {lender} and any collector acting for it be ordered to stop the "
                "contacts that break the rules above.\n"
                "2. That the breaches listed be investigated and dealt with as the rules provide.\n"
                f"3. That {lender} handle this loan through the agreed repayment (where there is "
                "one) and not through pressure on me or on people around me.",
                f"一、责令{lender}及其委托的催收机构立即停止上述违规催收行为；\n"
                "二、对上述违规行为依法调查处理；\n"
                f"三、督促{lender}按约定的还款方案（如有）处理本笔借款，"
                "不得向本人及本人亲友施压。",
            ),
        ),
    ]
    if data.evidence:
        # Only a list that follows is announced: a complaint without files says nothing of them.
        paragraphs.append(
            (
                "body",
                _w(
                    lang,
                    "The recordings and screenshots are attached; each file's SHA-256 below lets "
                    "anyone check that it is unchanged.",
                    "相关录音及截图随附提交，下列 SHA-256 值可用于核验文件未被改动。",
                ),
            )
        )
    return paragraphs


def evidence_rows(data: ComplaintData, lang: str) -> list[list[str]]:
    rows = [["#", _w(lang, "File", "文件"), "SHA-256"]]
    for i, (_note, attachment) in enumerate(data.evidence, 1):
        rows.append([str(i), attachment.name, hash_lines(attachment.sha256)])
    return rows


def _cell(text: str, lang: str) -> str:
    markup = "<br/>".join(escape(printable(line)) for line in text.split("\n"))
    return latin_marks(markup, lang)


def write_complaint_pdf(data: ComplaintData, path: Path, lang: str = "en") -> None:
    """Print the complaint on A4."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    font = register_fonts()
    wrap = "CJK" if lang == "zh_CN" else None
    styles = {
        "title": ParagraphStyle("t", fontName=font, fontSize=16, leading=22, spaceAfter=6),
        "head": ParagraphStyle("h", fontName=font, fontSize=11.5, leading=16, spaceBefore=6),
        "body": ParagraphStyle("b", fontName=font, fontSize=10, leading=14.5, wordWrap=wrap),
    }
    cell = ParagraphStyle("c", fontName=font, fontSize=8.5, leading=11, wordWrap=wrap)
    # A hash in even groups, monospaced, on lines that never wrap (hash_lines).
    hash_cell = ParagraphStyle("h64", fontName=register_mono(), fontSize=8.5, leading=11.5)
    grid = TableStyle(
        [
            ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#8a9199")),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8ecef")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]
    )

    story: list[object] = []

    def blocks(items: list[tuple[str, str]]) -> None:
        for style, text in items:
            story.append(Paragraph(_cell(text, lang), styles[style]))
            story.append(Spacer(1, 4))

    blocks(intro_paragraphs(data, lang))
    rows = contact_rows(data, lang)
    table = Table(
        [[Paragraph(_cell(value, lang), cell) for value in row] for row in rows],
        colWidths=[8 * mm, 33 * mm, 31 * mm, 57 * mm, 37 * mm],
        repeatRows=1,
    )
    table.setStyle(grid)
    story.append(table)
    story.append(Spacer(1, 8))
    blocks(closing_paragraphs(data, lang))
    files = evidence_rows(data, lang)
    if len(files) > 1:
        evidence = Table(
            [
                [
                    Paragraph(_cell(a, lang), cell),
                    Paragraph(_cell(b, lang), cell),
                    Paragraph(_cell(c, lang), hash_cell),
                ]
                for a, b, c in files
            ],
            colWidths=[8 * mm, 86 * mm, 72 * mm],
            repeatRows=1,
        )
        evidence.setStyle(grid)
        story.append(evidence)
        story.append(Spacer(1, 8))
    sign = signature_lines(data.borrower_name, data.borrower_phone, lang)
    blocks([("body", _w(lang, "Yours faithfully,", "此致\n敬礼") + "\n\n" + "\n".join(sign))])
    doc = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=22 * mm,
        rightMargin=22 * mm,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
        title=printable(_w(lang, "Complaint", "投诉") + f" — {data.lender.name}"),
        author="",
        creator="Ashore",
    )
    doc.build(story)  # type: ignore[arg-type]
