"""The guide: the steps from overdue to ashore, the call card, the letter, settlement, and
what comes after the plan."""
