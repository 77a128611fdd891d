"""The plain values the user keeps (lenders, loans, proposals, notes), money and its rules, and the
checks that say what input is wrong."""
