"""Files the user makes from the window: exports, the calendar, backups."""
