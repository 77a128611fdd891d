"""Proposals: the table of a loan's proposals, the form that edits one, and their comparison."""
