"""Widgets every room uses: form fields that cannot mislead, the style sheet, undo, and the loan
workspace's shared pieces."""
