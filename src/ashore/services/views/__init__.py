"""The read side of the screens: plain exact figures for the overview, payments, chart, comparison
and dashboard, all worked out through ``services.plans`` so the screens agree with the exports."""
