"""The hardship letter: a template filled from the stored facts (English or Chinese), and the PDF of
whatever text the user finally approved, printed literally (markup-looking text is not obeyed).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from xml.sax.saxutils import escape

from ashore.domain.guide import Borrower, GuideDocument
from ashore.domain.money import format_amount
from ashore.finance import RateLines
from ashore.reports.fonts import latin_marks, printable, register_fonts
from ashore.reports.strings import in_lang as _pick
from ashore.reports.strings import installments_words, sentence
from ashore.reports.strings import long_date as _day


@dataclass(frozen=True)
class PlanSummary:
    """A proposal's plan in a few figures: ``count`` × ``amount`` (``amount`` the usual
    installment; ``last_amount`` when the last differs), dates and total."""

    proposal_id: str
    name: str
    method: str
    status: str
    start: date
    count: int
    amount: Decimal
    last_amount: Decimal
    first_due: date
    last_due: date
    total: Decimal
    owed_at_start: Decimal
    forgiven: Decimal
    waive_penalty: bool
    waive_late_fees: bool
    waive_interest: bool
    # The plan in force, once payments are made under it: what they paid of ``total`` so far and
    # what is left to pay under it (the Overview's "left to pay under the plan").
    paid: Decimal = Decimal("0")
    left: Decimal | None = None
    # Every installment's payment in order; without them, ``count`` - 1 × ``amount`` and a last
    # ``last_amount`` (one of ``total`` for a lump sum).
    payments: tuple[Decimal, ...] = ()

    def installments(self, currency: str, lang: str) -> str:
        """The installments in words (reports.strings.installments_words): "23 × 364.70 and a
        last 364.67", the one wording every place that states this plan uses."""
        payments = self.payments
        if not payments:
            evened = (self.amount,) * (self.count - 1) + (self.last_amount,)
            payments = evened if self.count > 1 else (self.total,)
        return installments_words(payments, currency, lang)


@dataclass(frozen=True)
class LetterData:
    """The facts a hardship letter states, taken from the stored data."""

    today: date
    borrower: Borrower
    lender_name: str
    lender_phone: str
    loan_name: str
    loan_id: str
    reference: str
    currency: str
    principal: Decimal
    owed: Decimal
    penalty: Decimal
    late_fees: Decimal
    days_overdue: int
    reason: str
    reason_text: str
    plan: PlanSummary
    documents: tuple[GuideDocument, ...]
    # The loan's true yearly cost against the reference lines, to cite where one is crossed.
    lines: RateLines | None = None
    # Under an agreement in force: the day it began and what is left to pay under it; ``owed``,
    # ``penalty``, ``late_fees`` and ``days_overdue`` are then the agreement's (the Overview's).
    agreed_on: date | None = None
    left_to_pay: Decimal | None = None
    # How the agreement in force has been kept (services.guide.letter.agreement_record): "on_time"
    # (every installment fallen due so far paid by its date, at least one), "caught_up" (all paid
    # now, one of them late), "none_due" (none has fallen due yet, the first on
    # ``agreed_first_due``), "paid_ahead" (none has, the first is paid already); "" when no
    # agreement is in force or one of it is unpaid.
    kept: str = ""
    agreed_first_due: date | None = None


_REASONS: dict[str, tuple[str, str]] = {
    "job_loss": ("I lost my job", "我失去了工作"),
    "illness": ("I fell seriously ill", "我生了重病"),
    "family_event": ("a serious event hit my family", "家中发生了重大变故"),
    "income_drop": ("my income fell sharply", "我的收入大幅下降"),
    "disaster": ("a disaster struck my home", "我遭遇了灾害"),
    "other": ("things outside my control happened", "发生了我无法控制的情况"),
}
_DOCUMENTS: dict[str, tuple[str, str]] = {
    "unemployment_proof": ("Proof of unemployment", "失业证明"),
    "medical_records": ("Medical records", "病历及医疗证明"),
    "income_statement": ("Income statement", "收入证明"),
    "other": ("Supporting document", "其他证明材料"),
}


# What a letter or complaint is signed with, and the line a missing value is written on by hand.
_SIGNATURE: tuple[tuple[str, str], ...] = (
    ("Name", "姓名"),
    ("ID number", "身份证号"),
    ("Phone", "联系电话"),
    ("Date", "日期"),
    ("Signature", "签名"),
)
BLANK = "_" * 24


def signature_lines(name: str, phone: str, lang: str) -> list[str]:
    """The signature block: name, ID number, phone, date and signature, each with the profile's
    value when it has one and a line to fill in by hand otherwise (the ID number, the date of
    signing and the signature are always written by hand)."""
    values = (name.strip(), "", phone.strip(), "", "")
    colon = "：" if lang == "zh_CN" else ": "
    pairs = zip(_SIGNATURE, values, strict=True)
    return [f"{_pick(label, lang)}{colon}{value or BLANK}" for label, value in pairs]


def plan_lines(plan: PlanSummary, currency: str, lang: str) -> list[str]:
    """The plan in two or three lines: its installments in words, first and last dates, total."""
    locale = "zh_CN" if lang == "zh_CN" else "en"

    def money(value: object) -> str:
        return format_amount(value, currency, locale)  # type: ignore[arg-type]

    zh = lang == "zh_CN"
    words = plan.installments(currency, lang)
    if plan.count == 1:
        line = (
            f"于{_day(plan.last_due, lang)}前{words} {currency}"
            if zh
            else f"{sentence(words)} {currency} by {_day(plan.last_due, lang)}"
        )
        lines = [line]
    elif zh:
        lines = [
            f"每月还款（{currency}）：{words}",
            f"首期 {_day(plan.first_due, lang)}，末期 {_day(plan.last_due, lang)}",
        ]
    else:
        lines = [
            f"Monthly payments ({currency}): {words}",
            f"First payment {_day(plan.first_due, lang)}, last payment {_day(plan.last_due, lang)}",
        ]
    waived = []
    if plan.waive_penalty:
        waived.append("罚息" if zh else "the penalty interest")
    if plan.waive_late_fees:
        waived.append("滞纳金" if zh else "the late fees")
    if plan.waive_interest:
        waived.append("利息" if zh else "the interest")
    total = (
        f"合计还款 {money(plan.total)} {currency}"
        if zh
        else f"Total to repay: {money(plan.total)} {currency}"
    )
    if waived:
        total += f"（减免{'、'.join(waived)}）" if zh else f" (with {' and '.join(waived)} waived)"
    lines.append(total)
    if plan.paid > 0 and plan.left is not None:
        lines.append(
            f"已还 {money(plan.paid)} {currency}，按方案尚余 {money(plan.left)} {currency}"
            if zh
            else f"Paid so far: {money(plan.paid)} {currency}; left to pay under the plan: "
            f"{money(plan.left)} {currency}"
        )
    return lines


def _percent(rate: Decimal) -> str:
    return f"{(rate * 100).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP):f} %"


def cost_sentence(lines: RateLines | None, lang: str = "en") -> str:
    """One sentence citing the lines the loan's true yearly cost crosses ("" when none is):
    "the yearly cost of this loan is 38.80 %, above the 36 % line"."""
    if lines is None or not lines.crossed:
        return ""
    apr = _percent(lines.rate)
    zh = lang == "zh_CN"
    cited: list[str] = []
    if lines.over_36:
        cited.append(
            "超过了 36 % 这条从未受法律保护的利率红线"
            if zh
            else "above the 36 % line, beyond which interest has never been protected"
        )
    elif lines.over_24:
        cited.append(
            "超过了监管要求持牌机构综合融资成本不超过 24 % 的标准"
            if zh
            else "above the 24 % that regulators expect of licensed lenders' total cost"
        )
    if lines.over_lpr4 and lines.lpr4 is not None:
        four = _percent(lines.lpr4)
        cited.append(
            f"也超过了借款时一年期 LPR 四倍（{four}）这一法院支持的上限"
            if zh
            else f"and above {four}, four times the one-year LPR when the loan began, the most "
            "that courts uphold"
        )
    if zh:
        return f"按 IRR 方法并计入各项费用，这笔借款的年化成本为 {apr}，" + "，".join(cited) + "。"
    return f"By the IRR method, fees included, the yearly cost of this loan is {apr}, " + (
        " ".join(cited) + "."
    )


def _kept_sentence(data: LetterData, lang: str) -> str:
    """How the agreement has been kept, said only as far as the record shows: "kept to it" only
    once an agreed installment has fallen due and every one due so far was paid on time."""
    zh = lang == "zh_CN"
    if data.days_overdue > 0:
        return (
            f"协议中有一期已逾期 {data.days_overdue} 天。"
            if zh
            else f"An installment of it is now {data.days_overdue} days overdue."
        )
    if data.kept == "on_time":
        return "到期的各期我都已按时还款。" if zh else "I have kept to it so far."
    if data.kept == "caught_up":
        return "协议已到期的各期均已还清。" if zh else "Every installment due so far is paid."
    if data.kept == "paid_ahead" and data.agreed_first_due is not None:
        first = _day(data.agreed_first_due, lang)
        return (
            f"协议首期（{first}到期）我已提前还清。"
            if zh
            else f"Its first installment, due on {first}, is paid already."
        )
    if data.kept == "none_due" and data.agreed_first_due is not None:
        first = _day(data.agreed_first_due, lang)
        return (
            f"协议首期将于{first}到期。" if zh else f"Its first installment falls due on {first}."
        )
    return ""


def _facts(data: LetterData, lang: str) -> str:
    """Why the loan fell behind and where it stands today, in the figures the Overview shows:
    under the contract what is owed today with its penalty and late fees and the days overdue;
    under an agreement in force what is owed today under it, what is left to pay under it and
    whether an installment of it is late (its penalty and late fees no longer count)."""
    locale = "zh_CN" if lang == "zh_CN" else "en"

    def money(value: Decimal) -> str:
        return f"{format_amount(value, data.currency, locale)} {data.currency}"

    reason = _pick(_REASONS.get(data.reason, _REASONS["other"]), lang)
    today = _day(data.today, lang)
    zh = lang == "zh_CN"
    if data.agreed_on is not None and data.left_to_pay is not None:
        since = _day(data.agreed_on, lang)
        if zh:
            late = _kept_sentence(data, lang)
            return (
                f"由于{reason}，我曾未能按时还款，并于{since}与贵司达成还款协议。"
                f"截至{today}，按协议我尚欠 {money(data.owed)}，"
                f"按还款计划尚需还款 {money(data.left_to_pay)}。" + late
            )
        late = " " + _kept_sentence(data, lang)
        return (
            f"Because {reason}, I fell behind on the payments, and we agreed a repayment plan "
            f"from {since}. As of {today}, what I owe today under it is {money(data.owed)}, "
            f"and {money(data.left_to_pay)} is left to pay under the plan." + late
        )
    cost = cost_sentence(data.lines, lang)
    if zh:
        return (
            f"由于{reason}，我未能按时还款，目前已逾期 {data.days_overdue} 天。截至{today}，"
            f"按合同计算今日应还 {money(data.owed)}，其中罚息 {money(data.penalty)}，"
            f"滞纳金 {money(data.late_fees)}。" + cost
        )
    return (
        f"Because {reason}, I could not keep up the payments, and the loan is now "
        f"{data.days_overdue} days overdue. As of {today} your terms put what I owe today at "
        f"{money(data.owed)}, including {money(data.penalty)} of penalty interest and "
        f"{money(data.late_fees)} of late fees." + (" " + cost if cost else "")
    )


def letter_text(data: LetterData, lang: str = "en") -> str:
    """The letter filled from ``data`` in ``lang`` ("en" or "zh_CN"), ready to edit or paste."""
    locale = "zh_CN" if lang == "zh_CN" else "en"
    cur = data.currency

    def money(value: object) -> str:
        return f"{format_amount(value, cur, locale)} {cur}"  # type: ignore[arg-type]

    b = data.borrower
    # The lender's contract number when the user gave one, never the app's own id: the loan's
    # name already says which loan it is.
    ref = data.reference.strip()
    ref_zh = f"（编号 {ref}）" if ref else ""
    ref_en = f" (reference {ref})" if ref else ""
    plan = [f"  • {line}" for line in plan_lines(data.plan, cur, lang)]
    docs = [
        f"  • {_pick(_DOCUMENTS.get(d.kind, _DOCUMENTS['other']), lang)}: {d.name}"
        f" (SHA-256 {d.sha256[:16]}…)"
        for d in data.documents
    ]
    contact = [line for line in (b.name, *b.address.splitlines(), b.phone, b.email) if line]
    start = _day(data.plan.start, lang)
    # A letter about the accepted plan confirms it; any other asks for a plan.
    confirming = data.plan.status == "accepted"
    if lang == "zh_CN":
        parts = [
            "\n".join(contact),
            _day(data.today, lang),
            f"致：{data.lender_name} 客服中心\n"
            f"事由：借款“{data.loan_name}”{ref_zh}"
            + ("已约定还款方案的书面确认" if confirming else "困难协商还款申请"),
            f"{data.lender_name} 客服中心：",
            f"您好！我是借款“{data.loan_name}”{ref_zh}的借款人。" + _facts(data, lang),
            data.reason_text.strip(),
            (
                "我有诚意还清这笔欠款，只是暂时遇到困难。恳请贵司同意以下还款方案：\n"
                if not confirming
                else "我有诚意还清这笔欠款。我们已约定以下还款方案，恳请贵司书面确认：\n"
            )
            + "\n".join(plan),
            "这是我每月能够稳定承担的金额，我会严格按期还款。"
            if data.plan.count > 1
            else "这是我能够筹措到的一次性还款金额，我会在约定日期前还清。",
            ("随信附上以下证明材料：\n" + "\n".join(docs)) if docs else "",
            ("" if confirming else "如蒙同意，")
            + "请以书面形式（短信、邮件或 App 消息）确认"
            + ("上述" if confirming else "新的")
            + f"还款金额和日期，确认自{start}起停止计收罚息，并告知征信记录将如何更新。",
            "感谢您的理解与帮助。",
            "此致\n敬礼\n\n" + "\n".join(signature_lines(b.name, b.phone, lang)),
        ]
    else:
        parts = [
            "\n".join(contact),
            _day(data.today, lang),
            f"To: {data.lender_name}, customer service\n"
            f"Re: loan “{data.loan_name}”{ref_en}, "
            + (
                "confirmation of the agreed repayment plan"
                if confirming
                else "request for a hardship repayment plan"
            ),
            f"Dear {data.lender_name} customer service team,",
            f"I am writing about my loan “{data.loan_name}”{ref_en}. " + _facts(data, lang),
            data.reason_text.strip(),
            (
                "I want to repay this debt in full; my difficulty is temporary. I am asking you "
                "to agree to the following plan:\n"
                if not confirming
                else "I want to repay this debt in full. This is the plan we agreed, and I ask "
                "you to confirm it in writing:\n"
            )
            + "\n".join(plan),
            "This is what I can pay every month without falling behind again, and I will keep "
            "to every date."
            if data.plan.count > 1
            else "This is the sum I can raise at once, and I will pay it by that date.",
            ("I enclose:\n" + "\n".join(docs)) if docs else "",
            ("Please confirm these" if confirming else "If you agree, please confirm the new")
            + " amounts and dates in writing (SMS, e-mail or an app message), confirm that "
            f"penalty interest stops from {start}, and tell me how my credit record will be "
            "updated.",
            "Thank you for your help." if confirming else "Thank you for considering my request.",
            "Yours sincerely,\n\n" + "\n".join(signature_lines(b.name, b.phone, lang)),
        ]
    return "\n\n".join(part for part in parts if part.strip()) + "\n"


def write_letter_pdf(text: str, path: Path, *, title: str = "Letter", lang: str = "en") -> None:
    """Print ``text`` as a one-column letter on A4: blank lines part paragraphs, line breaks stay.

    Every line is made printable with the embedded font and escaped, so ``<b>`` or ``</para>`` in
    the user's words print as written.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    font = register_fonts()
    # Chinese text has no spaces to break at: let lines break between any two characters.
    wrap = "CJK" if lang == "zh_CN" else None
    style = ParagraphStyle("letter", fontName=font, fontSize=11, leading=16, wordWrap=wrap)
    story: list[object] = []
    for block in text.replace("\r\n", "\n").split("\n\n"):
        lines = [escape(printable(line)) for line in block.split("\n")]
        if not any(line.strip() for line in lines):
            continue
        # Keep the writer's indents: leading spaces would be collapsed by the paragraph.
        markup = "<br/>".join(
            "&nbsp;" * (len(line) - len(line.lstrip(" "))) + line.lstrip(" ") for line in lines
        )
        story.append(Paragraph(latin_marks(markup, lang), style))
        story.append(Spacer(1, 9))
    if not story:
        story.append(Paragraph("", style))
    doc = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=25 * mm,
        rightMargin=25 * mm,
        topMargin=25 * mm,
        bottomMargin=25 * mm,
        title=printable(title),
        author="",
        creator="Ashore",
    )
    doc.build(story)  # type: ignore[arg-type]
