"""Ashore: negotiate overdue online loans, keep the evidence, and pay the new plan on time."""

__version__ = "0.1.0"
