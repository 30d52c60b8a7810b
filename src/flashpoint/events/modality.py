"""Factuality of an event mention: certainty, polarity and time, and the event modality.

One cue logic serves both the events (``modality``) and the MEANTIME scorer
(``factuality`` for any verb or noun token). Cues are the lists in data/modality.json.
The judgement walks from the trigger up through the clauses that govern it, so "is
considering the scenario of partnership", "it is not a certainty that ... will set up" and
"is unlikely to back" are all hypothetical (issue 4).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from flashpoint.models import Modality

Cues = Mapping[str, frozenset[str]]

# Dependencies through which a governing clause passes its modality down to a trigger.
_EMBEDDING = {"xcomp", "ccomp", "acl", "pcomp", "csubj", "acomp", "attr"}
# an infinitival relative clause is still to happen: "an event to be held on October 12"
_NOMINAL_UP = {
    "dobj",
    "pobj",
    "prep",
    "nsubj",
    "nsubjpass",
    "attr",
    "compound",
    "conj",
    "appos",
    "npadvmod",
    "amod",
}
_TEMPORAL_MARKS = frozenset({"when", "before", "after", "until", "till", "once", "as"})
_RANK = {"CERTAIN": 0, "PROBABLE": 1, "POSSIBLE": 2, "UNDERSPECIFIED": 3}


@dataclass(frozen=True)
class Factuality:
    """MEANTIME-style factuality of one event mention."""

    certainty: str = "CERTAIN"  # CERTAIN | PROBABLE | POSSIBLE | UNDERSPECIFIED
    polarity: str = "POS"  # POS | NEG | UNDERSPECIFIED
    time: str = "NON_FUTURE"  # FUTURE | NON_FUTURE

    @property
    def modality(self) -> Modality:
        """Hypothetical wins over negated, negated over future (issue 4)."""
        # a planned or scheduled event ("plans to meet") is probable and future: future
        if self.certainty in ("POSSIBLE", "UNDERSPECIFIED") or (
            self.certainty == "PROBABLE" and self.time != "FUTURE"
        ):
            return "hypothetical"
        if self.polarity == "NEG":
            return "negated"
        return "future" if self.time == "FUTURE" else "asserted"


class _Judgement:
    def __init__(self) -> None:
        self.certainty = "CERTAIN"
        self.negated = False
        self.future = False
        self.generic = False  # "it can fly 9,000 miles": an ability, at no particular time

    def doubt(self, level: str) -> None:
        if _RANK[level] > _RANK[self.certainty]:
            self.certainty = level

    def result(self) -> Factuality:
        # wanted or conditional events are neither affirmed nor denied (MEANTIME guidelines),
        # but they are still to happen: on the development corpora 60 of 79 such events
        # are annotated FUTURE, only 3 time-UNDERSPECIFIED
        unknown = self.certainty == "UNDERSPECIFIED"
        polarity = "UNDERSPECIFIED" if unknown else "NEG" if self.negated else "POS"
        time = "FUTURE" if self.future or unknown else "NON_FUTURE"
        time = "UNDERSPECIFIED" if self.generic and not self.future else time
        return Factuality(self.certainty, polarity, time)


def factuality(token: Token, cues: Cues, *, local: bool = False) -> Factuality:
    """Certainty, polarity and time of the event expressed by ``token`` (verb or noun).

    ``local`` looks only at the trigger's own clause and the verbs that control it ("plans
    to", "is prepared to"), not at who reports or speculates about it: the actor's own
    intent, which turns a future cooperative act into AGREE and a conditional conflictual
    one into THREATEN (PLOVER manual 2.3).
    """
    judgement = _Judgement()
    clause = _nominal_climb(token, cues, judgement)
    own_future = judgement.future
    adjunct = _adjunct(token, clause)
    clause = _shared_clause(clause)
    _own_clause(clause, cues, judgement)
    if clause.i == token.i and _later_year(token):
        judgement.future = True  # "will be profitable by 2011" in an article dated 2009
    if clause.dep_ == "ROOT" and _infinitive(clause):
        judgement.future = True  # headline style: "Apple to give refunds"
    if local:
        if clause.dep_ == "xcomp" and clause.head.i != clause.i:
            _governor(clause, clause.head, cues, judgement, generic_future=False)
            _own_clause(clause.head, cues, judgement)
    else:
        _governors(clause, cues, judgement)
    if adjunct or _entity(token):
        judgement.future = own_future  # "delayed by problems in the wiring": not the verb's time
    return judgement.result()


def modality(token: Token, cues: Cues) -> Modality:
    return factuality(token, cues).modality


def _adjunct(token: Token, clause: Token) -> bool:
    """A noun inside a prepositional adjunct of its clause (any preposition but "of")."""
    current = token
    while current.i != clause.i and current.head.i != current.i:
        if current.dep_ == "pobj" and current.head.lower_ != "of":
            return True
        current = current.head
    return False


def _entity(token: Token) -> bool:
    """A counted or possessed noun that a verb acts on: "will cut 13,000 jobs", "to reduce
    the firm's costs". It names things that already exist, not an event still to come, so
    the verb's future is not its time (the jobs exist now; their cutting is the event)."""
    current = token
    while current.dep_ == "conj" and current.head.pos_ in ("NOUN", "PROPN"):
        current = current.head
    if token.pos_ != "NOUN" or current.dep_ not in ("dobj", "nsubjpass"):
        return False
    return any(c.dep_ in ("nummod", "poss") for c in (*token.children, *current.children))


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _shared_clause(verb: Token) -> Token:
    """ "will set the price or release them": a bare conjunct shares the first verb's
    auxiliaries and governors."""
    current = verb
    while (
        current.dep_ == "conj"
        and current.head.pos_ in ("VERB", "AUX")
        and not any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "neg") for c in current.children
        )
    ):
        current = current.head
    return current


def _nominal_climb(token: Token, cues: Cues, judgement: _Judgement) -> Token:
    """From a nominal trigger up to the verb of its clause, noting "no deal", "scenario of"."""
    current = token
    if any(c.dep_ == "neg" or c.lower_ == "no" for c in token.children):
        judgement.negated = True
    for child in token.children:  # "the planned visit", "a possible attack"
        word = child.lower_
        timely = word in cues["future_time_words"] or word in cues["future_attributes"]
        if child.dep_ in ("amod", "compound") and timely:
            judgement.future = True
        elif child.dep_ == "amod" and child.lemma_.lower() in cues["hypothetical_adjectives"]:
            judgement.doubt("POSSIBLE")
    if _planned(token, cues):
        judgement.future = True  # "a reorganization plan", "plans on reviving"
    while current.pos_ not in ("VERB", "AUX") and current.dep_ in _NOMINAL_UP:
        if current.i != token.i and current.lemma_.lower() in cues["hypothetical_nouns"]:
            judgement.doubt("POSSIBLE")
        if current.head.i == current.i:
            break
        current = current.head
    if current.i != token.i and current.lemma_.lower() in cues["hypothetical_verbs"]:
        judgement.doubt("POSSIBLE")  # "considering a partnership", "threatened sanctions"
    if current.i != token.i and current.lemma_.lower() in cues["future_verbs"]:
        judgement.future = True  # "deliveries are scheduled", "plans a visit"
    if _awaited(token, current, cues):
        judgement.future = True  # "ahead of the vote", "bracing for a downturn"
    if (
        token.dep_ == "dobj"
        and token.head.lemma_.lower() in cues["prospective_governors"]
        and token.lemma_.lower() not in cues["plan_nouns"]
    ):
        # "announced job cuts", "negotiated the purchase of"; but "announced plans": the
        # plan itself exists once it is announced, only what it plans is still to come
        judgement.future = True
    return current


def _awaited(token: Token, clause: Token, cues: Cues) -> bool:
    """An event noun that something waits for or precedes: "ahead of the vote", "pending
    the decision", "bracing for a downturn", "warned of a recession"; or whose subject
    complement says it is still due: "the vote is due on Monday"."""
    if token.pos_ != "NOUN" and token.tag_ != "VBG":
        return False
    current = token
    while current.dep_ == "conj" and current.head.pos_ == token.pos_:
        current = current.head
    if current.dep_ == "pobj" or (current.dep_ == "pcomp" and current.tag_ == "VBG"):
        prep = current.head
        words = [t.lower_ for t in prep.doc[max(prep.i - 2, 0) : prep.i + 1]]
        if any(" ".join(words[i:]) in cues["prospective_prepositions"] for i in range(3)):
            return True  # "ahead of", "in anticipation of", "pending"
        governor = prep.head
        if governor.pos_ == "VERB" and prep.dep_ == "prep":
            phrase = f"{governor.lemma_.lower()} {prep.lower_}"
            return phrase in cues["prospective_prepositions"]
    if current.dep_ in ("nsubj", "nsubjpass") and clause.lemma_ == "be" and not _past(clause):
        return any(
            c.dep_ == "acomp" and c.lemma_.lower() in cues["future_adjectives"]
            for c in clause.children
        )
    return False


def _planned(token: Token, cues: Cues) -> bool:
    """An event noun or gerund naming what a plan noun plans or a prospect noun foresees:
    "the rescue plan", "plans on reviving", "fears of a recession"; the plan or the fear
    exists now, its content is still to come."""
    if not (token.pos_ == "NOUN" or token.tag_ == "VBG"):
        return False
    current = token
    while current.dep_ in ("compound", "nmod", "pobj", "pcomp", "prep", "conj"):
        current = current.head
        lemma = current.lemma_.lower()
        if current.pos_ == "NOUN" and (
            lemma in cues["plan_nouns"] or lemma in cues["prospect_nouns"]
        ):
            return current.i != token.i
        if current.pos_ in ("VERB", "AUX") or current.head.i == current.i:
            return False
    return False


def _own_clause(verb: Token, cues: Cues, judgement: _Judgement) -> None:
    for child in verb.children:
        word = child.lower_
        lemma = child.lemma_.lower()
        if child.dep_ in ("aux", "auxpass"):
            if word in cues["future_modals"] or lemma in cues["future_modals"]:
                judgement.future = True
            elif lemma == "would" and _reported(verb, cues):
                judgement.future = True  # "said it would allow": the future of the past
                judgement.doubt("PROBABLE")
            elif lemma in cues["possible_modals"] and not _concessive(verb, cues):
                judgement.doubt("POSSIBLE")
                # MEANTIME leaves the time of generic statements unspecified; present "can"
                # states an ability, not an event at some time
                judgement.generic = judgement.generic or (word == "can" and not _perfect(verb))
                judgement.future = judgement.future or (lemma != "can" and not _perfect(verb))
            elif lemma == "must" and not _perfect(verb):
                judgement.future = True  # "Congress must act": an obligation is still to be met
        elif child.dep_ == "neg" or (child.dep_ == "advmod" and word == "never"):
            judgement.negated = True
        elif child.dep_ == "mark" and lemma in cues["conditional_marks"]:
            judgement.doubt("UNDERSPECIFIED")
        elif child.dep_ == "advmod" and lemma in cues["probable_adverbs"]:
            judgement.doubt("PROBABLE")
        elif child.dep_ == "advmod" and lemma in cues["hypothetical_adverbs"]:
            judgement.doubt("POSSIBLE")
        if _future_time(child, cues):
            judgement.future = True


def _future_time(child: Token, cues: Cues) -> bool:
    """ "tomorrow", "next week", "later this month" next to the verb."""
    if child.dep_ not in ("npadvmod", "advmod", "prep", "tmod", "dobj"):
        return False
    words = [child, *child.subtree] if child.dep_ != "prep" else list(child.subtree)
    lemmas = {w.lemma_.lower() for w in words}
    if "tomorrow" in lemmas:
        return True
    if (
        child.dep_ == "prep"
        and child.lower_ == "in"
        and any(w.dep_ == "pobj" and w.lower_ == "future" for w in child.children)
    ):
        return True  # "in the near future"
    # "next quarter", "in the coming months", "in the year ahead"
    return bool(lemmas & {"next", "upcoming", "coming", "later", "ahead"}) and bool(
        lemmas & cues["future_time_units"]
    )


def _future_modal(aux: Token, verb: Token, cues: Cues) -> bool:
    """ "will", "'ll", "shall"; and "would" as the future of the past in reported speech
    ("said it would stop selling"), not the "would" of a wish or a habit."""
    if aux.lower_ in cues["future_modals"] or aux.lemma_.lower() in cues["future_modals"]:
        return True
    return aux.lemma_.lower() == "would" and _reported(_shared_clause(verb), cues)


def _later_year(verb: Token) -> bool:
    """A year after the article's dateline in a time adjunct of the verb ("closed by 2012",
    "to exercise by 2018"): the event is still to come when the article was written."""
    dateline = _dateline_year(verb.doc)
    if dateline is None:
        return False
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in _LATER_PREPOSITIONS:
            years = [_year(t) for t in child.subtree]
            if any(y is not None and y > dateline for y in years):
                return True
    return False


_LATER_PREPOSITIONS = frozenset({"by", "in", "until", "till", "through", "before", "from"})
_MONTHS = frozenset(
    {
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    }
)


def _year(token: Token) -> int | None:
    text = token.text
    if len(text) == 4 and text.isdigit() and text[:2] in ("19", "20"):
        return int(text)
    return None


def _dateline_year(doc: Doc) -> int | None:
    """The year of the article's dateline ("January 23 , 2006") near its start, if any."""
    for token in doc[:80]:
        year = _year(token)
        if year is None or token.i < 3:
            continue
        before = [t.lower_ for t in doc[token.i - 3 : token.i]]
        if before[-1] == "," and before[-2].isdigit() and before[-3] in _MONTHS:
            return year
    return None


def _reported(verb: Token, cues: Cues) -> bool:
    head = verb.head
    return verb.dep_ == "ccomp" and head.lemma_.lower() in cues["reporting_verbs"]


def _past(verb: Token) -> bool:
    """A verb in the simple past ("tried"), or with a past auxiliary ("was allowed")."""
    if verb.tag_ == "VBD":
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children)


def _perfect(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def _concessive(verb: Token, cues: Cues) -> bool:
    """ "may have condemned ..., but" concedes a fact: it is asserted (issue 4)."""
    perfect = _perfect(verb)
    after = verb.doc[verb.i : verb.sent.end]
    return perfect and any(t.lower_ in cues["concessive_marks"] for t in after)


def _governors(clause: Token, cues: Cues, judgement: _Judgement) -> None:
    current = clause
    while (
        current.dep_ in _EMBEDDING
        or current.dep_ in ("advcl", "relcl")
        or (current.dep_ == "conj" and current.head.pos_ == "ADJ")
    ):
        head = current.head
        if head.i == current.i:
            break
        if current.dep_ in ("advcl", "relcl"):
            _purpose(current, head, cues, judgement)
            break  # "as", "when", "because" and relative clauses keep their own modality
        _governor(current, head, cues, judgement)
        reporter = head.lemma_.lower()
        if (
            current.dep_ == "ccomp"
            and reporter in cues["reporting_verbs"]
            and reporter not in cues["hypothetical_verbs"]
        ):
            break  # reported speech: the reporter's own modality is not the event's
        current = head


def _purpose(current: Token, head: Token, cues: Cues, judgement: _Judgement) -> None:
    """A purpose infinitive ("meeting tomorrow to discuss") is a possible future event."""
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in current.children)
    if infinitive and head.lemma_.lower() not in cues["factive_governors"] and not _ranked(head):
        judgement.future = True
    # "will step down when the proceedings are finalized": a time clause of a future event
    # is future too, whatever its tense (English uses the present there)
    temporal = any(
        c.dep_ in ("mark", "advmod") and c.lower_ in _TEMPORAL_MARKS for c in current.children
    )
    if temporal and any(c.dep_ == "aux" and _future_modal(c, head, cues) for c in head.children):
        judgement.future = True


def _ranked(noun: Token) -> bool:
    """ "the first woman to lead", "the largest bank to fail": an infinitival relative after
    an ordinal or a superlative states who did it, not an event still to come."""
    return noun.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ in ("amod", "nummod")
        and (c.tag_ in ("JJS", "RBS") or c.ent_type_ == "ORDINAL")
        or c.lower_ in ("first", "last", "only")
        for c in noun.children
    )


def _governor(
    current: Token, head: Token, cues: Cues, judgement: _Judgement, *, generic_future: bool = True
) -> None:
    lemma = head.lemma_.lower()
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in current.children)
    if lemma in cues["volition_verbs"] and current.dep_ == "xcomp":
        judgement.doubt("UNDERSPECIFIED")  # "wants to bring"
    elif lemma in cues["probable_verbs"] or lemma in cues["probable_adjectives"]:
        judgement.doubt("PROBABLE")
    elif (
        lemma in cues["hypothetical_verbs"]
        or lemma in cues["hypothetical_adjectives"]
        or (lemma in cues["hypothetical_nouns"] and head.pos_ == "NOUN")
    ):
        judgement.doubt("POSSIBLE")
    if infinitive and (lemma in cues["future_verbs"] or lemma in cues["future_adjectives"]):
        judgement.future = True  # intended, planned, scheduled (MEANTIME: certain + future)
    elif generic_future and infinitive and lemma not in cues["factive_governors"]:
        # "allowed to bid", "a contract to supply": still to happen; but "tried to block",
        # "refused to sign": a past governor's complement was settled in the past
        judgement.future = judgement.future or not (current.dep_ == "xcomp" and _past(head))
    elif infinitive and lemma not in cues["factive_governors"] and current.dep_ in ("advcl", "acl"):
        judgement.future = True  # purpose: "meeting tomorrow to discuss"
        judgement.doubt("POSSIBLE")
    if lemma in cues["negation_verbs"]:
        judgement.negated = True
    if (
        current.dep_ == "xcomp"
        and lemma in cues["reporting_verbs"]
        and any(c.dep_ == "auxpass" for c in head.children)
    ):
        judgement.doubt("POSSIBLE")  # "is said to be", "is reported to have"
    for child in head.children:
        _governor_child(child, current, cues, judgement)


def _governor_child(child: Token, current: Token, cues: Cues, judgement: _Judgement) -> None:
    if child.i == current.i:
        return
    lemma = child.lemma_.lower()
    if child.dep_ in ("attr", "acomp") and lemma in cues["certainty_nouns"]:
        if any(c.dep_ == "neg" for c in child.head.children):
            judgement.doubt("POSSIBLE")  # "it is not a certainty that ..."
    elif child.dep_ in ("acomp", "attr") and lemma in cues["probable_adjectives"]:
        judgement.doubt("PROBABLE")
    elif child.dep_ in ("acomp", "attr") and lemma in cues["hypothetical_adjectives"]:
        judgement.doubt("POSSIBLE")
    elif child.dep_ in ("aux", "auxpass") and child.lemma_.lower() in cues["possible_modals"]:
        if current.dep_ in ("xcomp", "acomp"):
            judgement.doubt("POSSIBLE")  # "may want to", "could try to"
            if child.lower_ != "can" and not _perfect(child.head):
                judgement.future = True  # "may continue to fall": later than now
    elif child.dep_ in ("aux", "auxpass") and _future_modal(child, child.head, cues):
        if current.dep_ in ("xcomp", "acomp"):  # "will be able to release"
            judgement.future = True
    elif child.dep_ == "mark" and lemma in cues["conditional_marks"]:
        judgement.doubt("POSSIBLE")
