"""One module per group of ``ashore`` commands; ``ashore.cli`` imports each only when it is called."""
