"""The negotiation guide: where each loan stands in the seed's process (``stage``), the checklist
before the call (``checklist``), the call card (``call_card``), the hardship letter's facts
(``letter``), what needs attention (``warnings``), the call's outcome (``calls``), and the kept
checklist and borrower profile (``storage``); the plan figures they share are in ``figures``.

The stage is derived from what is kept (checklist, notes, proposals, payments, credit checks), never
stored, so it moves by itself. Figures come from ``services.plans`` like everywhere else.
"""
