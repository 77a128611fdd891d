"""Tests of the store: migrations, exact columns, the evidence store, the exchange file."""
