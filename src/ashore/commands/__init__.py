"""One module per group of ``ashore`` commands; ``ashore.commands.cli`` parses the arguments and
imports each when it is called."""
