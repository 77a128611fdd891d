"""The fixed words of the printed reports in English and Simplified Chinese.

The reports run without Qt, so they keep their own small dictionary instead of Qt's translations.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache

from ashore.domain import dates
from ashore.domain.money import format_amount
from ashore.reports.data import CalendarEntry, sum_amounts

_TEXT: dict[str, tuple[str, str]] = {
    # key: (en, zh_CN)
    "title": ("Repayment calendar", "还款日历"),
    "made": ("Made {when}", "生成于 {when}"),
    "period": ("{first} to {last}", "{first} 至 {last}"),
    "loans": ("Loans and the plan in force", "各笔借款及当前还款计划"),
    "lender": ("Lender", "出借方"),
    "loan": ("Loan", "借款"),
    "plan": ("Plan in force", "当前计划"),
    "left_to_pay": ("Left to pay under the plan", "按计划还需还款"),
    "owed_today": ("Owed today", "今日欠款"),
    "figures_note": (
        "Owed today: the figure Ashore's window shows, what the lender can claim today (no "
        "interest to come). Left to pay under the plan: every unpaid installment of the "
        "plan in force, its interest to come and the penalty and late fees so far included.",
        "今日欠款：与 Ashore 窗口所示一致，即出借方今日可主张的金额（不含未来利息）。"
        "按计划还需还款：当前计划全部未还分期，含未来利息及至今的罚息和滞纳金。",
    ),
    "ends": ("Last due", "最后到期日"),
    "total": ("Total", "合计"),
    "earlier_note": (
        "! Unpaid from before {month}: {payments}, {amount} in all. Pay these first; "
        "they open the list at the end.",
        "！{month}之前尚有 {n} 笔未还清，共 {amount}。请优先还款；明细见末尾清单开头。",
    ),
    "earlier_note_charges": (
        "! Unpaid from before {month}: {payments}, {amount} in all with {charges} of penalty "
        "and late fees so far (it grows every day). Pay these first; they open the list at the "
        "end.",
        "！{month}之前尚有 {n} 笔未还清，连同至今的罚息和滞纳金 {charges} 共 {amount}"
        "（每天还在增加）。请优先还款；明细见末尾清单开头。",
    ),
    "plan_original": ("Original schedule", "原还款计划"),
    "plan_agreement": ("Agreement from {start}: {plan}", "协议自 {start} 起：{plan}"),
    "no_loans": ("No loans chosen.", "未选择任何借款。"),
    "by_month": ("To pay each month", "每月应还"),
    "month": ("Month", "月份"),
    "payments": ("Payments", "笔数"),
    "due_total": ("Total due", "应还合计"),
    "paid_so_far": ("Paid", "已还"),
    "still_to_pay": ("Still to pay", "尚需还款"),
    "budget": ("Monthly budget: {amount}", "每月预算：{amount}"),
    "no_budget": ("No monthly budget set.", "未设置每月预算。"),
    "later_note": (
        "And {payments} after {month}, {amount} in all, until {until}: not in this calendar "
        "(export more months to see them).",
        "{month}之后还有 {n} 笔，共 {amount}，直到 {until}：未列入本日历（导出更多月份即可看到）。",
    ),
    "months_without_new": (
        "Nothing new falls due in {months}: not in the table.",
        "{months}没有新到期的款项，未列入表中。",
    ),
    "vs_budget": ("Budget", "预算"),
    "over_budget": ("▲ over by {amount}", "▲ 超出 {amount}"),
    "within_budget": ("within", "未超出"),
    "over_budget_note": (
        "Months marked ▲ ask for more than the budget.",
        "标有 ▲ 的月份应还金额超出预算。",
    ),
    "amounts_in": ("Amounts in {currency}.", "金额单位：{currency}。"),
    "month_total": ("This month: {amount}", "本月应还：{amount}"),
    "month_paid": ("Paid: {amount}", "已还：{amount}"),
    "paid_before_plan_short": (
        "{loan}: {amount} paid on {day}, before the plan began.",
        "{loan}：{day}已还 {amount}（方案生效前）。",
    ),
    "nothing_due": ("Nothing falls due this month.", "本月没有到期的还款。"),
    # beside unpaid installments from before the months shown: nothing *new*, not "nothing"
    "nothing_new_due": (
        "Nothing new falls due this month; what is unpaid from before still is (first page).",
        "本月没有新到期的还款；之前未还的仍需偿还（见第一页）。",
    ),
    "paid_before_plan": (
        "{loan}: {amount} paid on {day}, before the plan began on {start}: it paid the "
        "installments then due, and the plan starts from what was left.",
        "{loan}：{day}已还 {amount}，在方案于{start}生效之前：用于偿还当时到期的分期，"
        "方案从剩余欠款起算。",
    ),
    "month_left": ("Still to pay this month: {amount}", "本月尚需还款：{amount}"),
    "left_after": (
        "Left to pay after this month: {amount}",
        "本月之后剩余应还：{amount}",
    ),
    "left_after_unplanned": (
        "Left to pay after this month*: {amount}",
        "本月之后剩余应还*：{amount}",
    ),
    "unplanned_note": (
        "* Left to pay after a month counts the overdue installments of {loans} (no agreement) "
        "as paid with their penalty and late fees as of today; each day they stay unpaid adds "
        "more.",
        "* 每月之后的剩余应还中，{loans}（已逾期、尚无协议）的逾期分期按今日连同罚息和滞纳金还清"
        "计算；每晚还一天，欠款还会增加。",
    ),
    "count_payments": ("{n} payments", "共 {n} 笔"),
    "count_payment": ("1 payment", "共 1 笔"),
    "no_payments_month": ("Nothing due this month.", "本月无应还款项。"),
    "no_new_payments_month": ("Nothing new due this month.", "本月无新到期款项。"),
    "more": ("+{n} more (see list)", "另有 {n} 笔（见清单）"),
    "day_total": ("Day {amount}", "当日 {amount}"),
    "legend_due": ("due", "待还"),
    "legend_paid": ("paid", "已还"),
    "legend_partly": ("partly paid", "部分已还"),
    "legend_overdue": ("overdue", "已逾期"),
    "legend_today": ("today", "今天"),
    "legend_weekend": ("weekend or holiday", "周末或节假日"),
    "list_title": ("Every payment, in date order", "全部还款明细（按日期）"),
    "list_hint": (
        "Tick the box by hand when you have paid.",
        "还款后请在方框内手动打勾。",
    ),
    "date": ("Date", "日期"),
    "amount": ("Amount", "金额"),
    "status": ("Status", "状态"),
    "tick": ("Done", "已办"),
    "no_payments": ("No payments in these months.", "所选月份内没有还款。"),
    "page": ("Page {page} of {pages}", "第 {page} 页，共 {pages} 页"),
    "footer": ("Ashore repayment calendar", "Ashore 还款日历"),
    "status_paid": ("paid", "已还"),
    "status_partly_paid": ("partly paid ({paid})", "部分已还（{paid}）"),
    "status_due": ("due", "待还"),
    "status_overdue": ("OVERDUE", "已逾期"),
    "status_overdue_owed": (
        "OVERDUE: {owed} to pay today with penalty and late fees",
        "已逾期：连同罚息和滞纳金今日应还 {owed}",
    ),
    "ics_summary": (
        "Pay {amount} {currency}: {lender} · {loan}",
        "还款 {amount} {currency}：{lender} · {loan}",
    ),
    "ics_summary_paid": (
        "Paid {amount} {currency}: {lender} · {loan}",
        "已还 {amount} {currency}：{lender} · {loan}",
    ),
    "ics_summary_partly": (
        "Pay {left} {currency} (of {amount} {currency}): {lender} · {loan}",
        "还款 {left} {currency}（共 {amount} {currency}）：{lender} · {loan}",
    ),
    "ics_summary_overdue": (
        "OVERDUE (due {due}): pay {left} {currency}: {lender} · {loan}",
        "已逾期（应还日 {due}）：还款 {left} {currency}：{lender} · {loan}",
    ),
    "ics_owed_today": (
        "Owed on it today, penalty and late fees included: {owed} {currency} (it grows every day "
        "until it is paid)",
        "截至今日连同罚息和滞纳金应还：{owed} {currency}（未还清前每天增加）",
    ),
    "ics_left": ("Left to pay: {left} {currency}", "尚需还款：{left} {currency}"),
    "ics_reminder": ("In 3 days: {summary}", "3 天后：{summary}"),
    "ics_reminder_1": ("Tomorrow: {summary}", "明天：{summary}"),
    "ics_reminder_0": ("Today: {summary}", "今天：{summary}"),
    "ics_description": (
        "Lender: {lender}\nLoan: {loan}\nAmount: {amount} {currency}\n"
        "Status when exported: {status}",
        "出借方：{lender}\n借款：{loan}\n金额：{amount} {currency}\n导出时状态：{status}",
    ),
    "ics_name": ("Ashore repayments", "Ashore 还款"),
    "ics_range": ("Payments due from {first} to {last}.", "{first}至{last}到期的还款。"),
}

_MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_MONTHS_EN_SHORT = tuple(m[:3] for m in _MONTHS_EN)
_WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAYS_ZH = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")
_WEEKDAYS_ZH_SHORT = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")


# Public holidays come from the ``holidays`` package (lunar dates such as the Spring Festival
# included), in the calendar's language where the package has it.
_HOLIDAY_LANGS = {"en": "en_US", "zh_CN": "zh_CN"}


@lru_cache(maxsize=64)
def _holidays_of(country: str, year: int, lang: str) -> dict[date, str]:
    import holidays  # lazy: its country data loads on first use

    try:
        found = holidays.country_holidays(country, years=year)
    except NotImplementedError:
        return {}
    wanted = _HOLIDAY_LANGS.get(lang, "en_US")
    if wanted in found.supported_languages:
        found = holidays.country_holidays(country, years=year, language=wanted)
    elif "en_US" in found.supported_languages:
        found = holidays.country_holidays(country, years=year, language="en_US")
    return {day: str(name) for day, name in found.items()}


def holiday(day: date, lang: str, country: str = "") -> str | None:
    """The name of the public holiday on ``day`` in ``country`` (ISO code, e.g. "CN"), in
    ``lang`` where known; None on a working day or without a country."""
    if not country:
        return None
    return _holidays_of(country.upper(), day.year, lang).get(day)


def counted(count: int, one: str, many: str) -> str:
    """ "1 payment", "2 payments": an English count with its noun, one or many, never both (Chinese
    has no plural; its texts place the number themselves)."""
    return f"{count} {one if count == 1 else many}"


def later_note(
    later: Sequence[CalendarEntry],
    last_month: tuple[int, int],
    lang: str,
    money: Callable[[Decimal], str],
) -> str:
    """ "And 14 more payments after Nov 2027, … until …": the installments ``later`` (by date) a
    calendar ending with ``last_month`` leaves out, in the PDF's summary and the .ics's
    description alike; ``money`` formats an amount in the calendar's currency."""
    return text(
        "later_note",
        lang,
        n=len(later),
        payments=counted(len(later), "more payment", "more payments"),
        month=month_short(*last_month, lang),
        amount=money(sum_amounts([e.amount for e in later])),
        until=day_text(later[-1].due, lang),
    )


def text(key: str, lang: str, **values: object) -> str:
    """The fixed string ``key`` in ``lang`` ("en" or "zh_CN"), with ``values`` filled in."""
    en, zh = _TEXT[key]
    template = zh if lang == "zh_CN" else en
    return template.format(**values) if values else template


def month_name(year: int, month: int, lang: str) -> str:
    """ "March 2027" / "2027年3月"."""
    if lang == "zh_CN":
        return f"{year}年{month}月"
    return f"{_MONTHS_EN[month - 1]} {year}"


def month_short(year: int, month: int, lang: str) -> str:
    """ "Mar 2027" / "2027年3月": for tables."""
    if lang == "zh_CN":
        return f"{year}年{month}月"
    return f"{_MONTHS_EN_SHORT[month - 1]} {year}"


def weekday_name(weekday: int, lang: str) -> str:
    """The name of ``weekday`` (0 = Monday) for a calendar's column heads."""
    return _WEEKDAYS_ZH[weekday] if lang == "zh_CN" else _WEEKDAYS_EN[weekday]


def weekday_short(weekday: int, lang: str) -> str:
    """ "Mon" / "周一"."""
    return _WEEKDAYS_ZH_SHORT[weekday] if lang == "zh_CN" else _WEEKDAYS_EN[weekday][:3]


def date_text(day: date, lang: str) -> str:
    """A due date as printed in the list, in the window's one date style with its weekday:
    "Mon, Mar 15, 2027", "2027年3月15日 周一" (ashore.domain.dates)."""
    return dates.date_text(day, lang, weekday=True)


def day_text(day: date, lang: str) -> str:
    """A date in a sentence or a table: "Mar 15, 2027", "2027年3月15日" (ashore.domain.dates)."""
    return dates.date_text(day, lang)


def moment_text(value: datetime, lang: str) -> str:
    """When a report was made: "Nov 28, 2026 12:00", "2026年11月28日 12:00"."""
    return f"{dates.date_text(value.date(), lang)} {value:%H:%M}"


def in_lang(pair: tuple[str, str], lang: str) -> str:
    """The Chinese of an (English, Chinese) pair under zh_CN, else the English."""
    return pair[1] if lang == "zh_CN" else pair[0]


def long_date(value: date, lang: str) -> str:
    """A date in a letter, in the window's one style: 2026年11月28日, or Nov 28, 2026."""
    return dates.date_text(value, lang)


def installments_words(payments: Sequence[Decimal], currency: str, lang: str) -> str:
    """A plan's installments in words, the one wording of every place that states a plan (the
    letter, the complaint, the calendar, the Guide, the call card, the Accept question):
    "24 × 364.70" only when all are equal, "23 × 364.70 and a last 364.67" when the last evens the
    total out, "one payment of 7,000.00" for a lump sum, "19 payments, 500.00 to 207.34" (first
    to last) otherwise; in Chinese "24 × 364.70", "23 × 364.70，末期 364.67", "一次性还款
    7,000.00", "共 19 期，500.00 至 207.34". Amounts without the currency code."""
    zh = lang.startswith("zh")

    def money(value: Decimal) -> str:
        return format_amount(value, currency, "zh_CN" if zh else "en")

    if not payments:
        return ""
    if len(payments) == 1:
        return f"一次性还款 {money(payments[0])}" if zh else f"one payment of {money(payments[0])}"
    first, last = payments[0], payments[-1]
    if all(p == first for p in payments):
        return f"{len(payments)} × {money(first)}"
    if all(p == first for p in payments[:-1]):
        n = len(payments) - 1
        sep = "，末期 " if zh else " and a last "
        return f"{n} × {money(first)}{sep}{money(last)}"
    if zh:
        return f"共 {len(payments)} 期，{money(first)} 至 {money(last)}"
    return f"{len(payments)} payments, {money(first)} to {money(last)}"


def sentence(words: str) -> str:
    """``words`` to open a sentence with: its first letter a capital ("One payment of …")."""
    return words[:1].upper() + words[1:]
