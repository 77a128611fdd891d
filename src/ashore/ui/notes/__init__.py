"""Call notes: the pane per loan and per lender, the editor, evidence, collection rules."""
