"""Tests of the money engine, ashore.finance."""
