"""Show the negotiation chart with the worked example and save it: export() PNG/SVG and a grab.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/chart_demo.py OUTDIR
"""

from __future__ import annotations

import sys
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from dateutil.relativedelta import relativedelta
from PySide6.QtWidgets import QApplication

from ashore.domain.money import round_money
from ashore.ui.chart.view import Marker, MonthlyBar, NegotiationChart, Series

TODAY = date(2026, 11, 28)
OWED = Decimal("9348.71")
OVERDUE = Decimal("6600.96")  # the overdue installments of the worked example
DAILY = Decimal("0.0005")


def status_quo(days: int = 365) -> Series:
    """The worked example's balance from today: penalty 0.05 % a day on the overdue amount."""
    points = [
        (TODAY + timedelta(days=n), round_money(OWED + OVERDUE * DAILY * n)) for n in range(days)
    ]
    return Series("status_quo", "If nothing is paid", points, "status_quo")


def original() -> Series:
    """The worked example's schedule: 12,000.00 at 18 %, 12 × 1,100.16 from 2026-02-15."""
    rate = Decimal("0.015")
    balance = Decimal("12000.00")
    points = [(date(2026, 1, 15), balance)]
    for k in range(12):
        interest = round_money(balance * rate)
        payment = Decimal("1100.16") if k < 11 else balance + interest
        balance -= payment - interest
        points.append((date(2026, 2, 15) + relativedelta(months=k), balance))
    return Series("original", "Original schedule", points, "original")


def reamortize(months: int = 24) -> tuple[Series, MonthlyBar]:
    """24 months at 12 % a year on the amount owed today: about 440 a month."""
    rate = Decimal("0.12") / 12
    payment = round_money(OWED * rate / (1 - (1 + rate) ** -months))
    balance = OWED
    points = [(TODAY, balance)]
    monthly = []
    for k in range(months):
        due = date(2026, 12, 15) + relativedelta(months=k)
        interest = round_money(balance * rate)
        pay = payment if k < months - 1 else balance + interest
        balance = balance + interest - pay
        points.append((due, balance))
        monthly.append((due, pay))
    return Series("reamortize", "借呗 reamortize 24 months", points, "agreement"), MonthlyBar(
        "reamortize", "借呗 reamortize 24 months", monthly
    )


def zero_rate(months: int = 24) -> tuple[Series, MonthlyBar]:
    """Penalty waived, 24 months at 0 %: 389.53 a month, the last one takes the remainder."""
    payment = round_money(OWED / months)
    balance = OWED
    points = [(TODAY, balance)]
    monthly = []
    for k in range(months):
        due = date(2026, 12, 20) + relativedelta(months=k)
        pay = payment if k < months - 1 else balance
        balance -= pay
        points.append((due, balance))
        monthly.append((due, pay))
    return Series("waiver", "Fee waiver + 24 × 0 %", points, "proposal"), MonthlyBar(
        "waiver", "Fee waiver + 24 × 0 %", monthly
    )


def lump_sum() -> tuple[Series, MonthlyBar]:
    """Settle once: 70 % of today's balance by 2027-01-10."""
    amount = round_money(OWED * Decimal("0.7"))
    day = date(2027, 1, 10)
    points = [(TODAY, OWED), (day, Decimal("0.00"))]
    return Series("lump", "Lump sum 70 %", points, "proposal"), MonthlyBar(
        "lump", "Lump sum 70 %", [(day, amount)]
    )


def build(chart: NegotiationChart) -> None:
    ream, ream_m = reamortize()
    waiver, waiver_m = zero_rate()
    lump, lump_m = lump_sum()
    payments = [Marker(date(2026, m, 15), Decimal("1100.16"), "") for m in (2, 3, 4, 5)]
    claims = [Marker(date(2026, 11, 20), Decimal("9612.40"), "95188 call")]
    chart.set_data(
        lines=[status_quo(), original(), ream, waiver, lump],
        today=TODAY,
        payments=payments,
        claims=claims,
        monthly=[ream_m, waiver_m, lump_m],
        budget=Decimal("1500.00"),
    )


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv)
    chart = NegotiationChart(locale="en")
    chart.resize(1280, 800)
    build(chart)
    chart.show()
    app.processEvents()
    from matplotlib.dates import date2num

    chart.canvas.draw()
    x = float(date2num(date(2027, 3, 3)))
    chart.hover_at(x)  # as if the pointer rested on 3 March 2027
    chart.plot.show_cursor(x)
    app.processEvents()
    chart.export(out / "chart.png")
    chart.export(out / "chart.svg")
    chart.grab().save(str(out / "chart-grab.png"))
    print(chart.readout_text())


if __name__ == "__main__":
    main()
