"""Tests of the data commands run through ``ashore.commands.cli.main`` and the installed
``ashore``."""
