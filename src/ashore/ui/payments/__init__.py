"""Payments: what was paid, what the plan asks, and checks of what a lender claims."""
