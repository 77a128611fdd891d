"""Tests of the use cases the window calls (``ashore.services``)."""
