"""Which words a modifier ("tomorrow", "in Baghdad") is syntactically tied to (issue 5).

Shared by the date and place stages so that both attach modifiers to events the same way.
"""

from __future__ import annotations

from spacy.tokens import Token

# A date or place of a coordinated, reported or relative clause does not cover the others:
# "pulled out in May 2018, and has imposed sanctions since" does not date the sanctions.
CLAUSE_BREAKS = frozenset({"conj", "ccomp", "parataxis", "relcl", "ROOT"})


def under(anchor: Token | None, trigger: Token, through: frozenset[str] = frozenset()) -> bool:
    """The anchor is the trigger, or a noun below it with no other verb in between (except
    verbs attached by a relation in ``through``, e.g. the xcomp of "threatened to impose")."""
    token = anchor
    while token is not None:
        if token.i == trigger.i:
            return True
        verb = token.pos_ in ("VERB", "AUX") and token.dep_ not in through
        if verb or token.head.i == token.i:
            return False
        token = token.head
    return False


def scoping_heads(trigger: Token) -> set[int]:
    """Indices of the heads whose modifiers also cover ``trigger``: up through adverbial and
    complement clauses ("derailed on Wednesday, killing seven"), stopping at a clause break."""
    heads: set[int] = set()
    token = trigger
    while token.dep_ not in CLAUSE_BREAKS and token.head.i != token.i:
        token = token.head
        heads.add(token.i)
    return heads
