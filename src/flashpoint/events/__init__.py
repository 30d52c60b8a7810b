"""Stage 5: events — who did what to whom, coded in PLOVER with CAMEO/Goldstein (issue 4)."""
