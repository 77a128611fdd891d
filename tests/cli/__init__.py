"""Tests of the data commands run through ``ashore.cli.main`` and the installed ``ashore``."""
