"""One module per group of ``ashore`` commands; ``ashore.cli`` imports each when it is called."""
