"""A second opinion on each direct quote's speaker: a linear ranker over the article's actors.

The rules of ``extract`` name a speaker from the quote's cue; they are right about nine times
in ten on held-out news. Where they go wrong the right speaker is nearly always an actor of
the same article: the person named just before a paragraph of quoted speech, the speaker of
the quote before, the subject of the next sentence's "said". The ranker puts every plausible
actor (and "keep the rules' answer") side by side, describes each by a few readable features
(``FEATURES``: is it the rules' choice, how far back was it named, was it the subject of a
reporting verb nearby, did it speak the quote before, ...) and scores them with weights
learnt on the hand-labelled dev articles (``data/speaker_ranker.json``, trained by
``bench/train_speaker_ranker.py``). The highest score wins; ties go to the rules.

A quote whose speaker the ranker changed says so (``speaker_by`` = "ranker"), and its
``speaker_text`` is the words that last named the new speaker before it, so the record can
be checked against the text; ``docs/quotes.md`` gives the weights and the measured effect.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc

from flashpoint.actors.kb import person_roles
from flashpoint.models import Actor, Quote
from flashpoint.nlp.text import text_of
from flashpoint.quotes.lexicon import QuoteLexicon
from flashpoint.quotes.marks import paragraphs

PRONOUNS = frozenset({"he", "she", "they", "him", "her", "it"})
PARAGRAPHS_BACK = 3  # actors named this many paragraphs before a quote are candidates
MAX_LOG_DISTANCE = 10.0  # log1p(characters); "never named before" is this far
KINDS = ("person", "organization", "country", "group")

FEATURES = (
    # the rules' answer
    "rule",  # this actor is the rules' speaker
    "rule_cued",  # ... found through a cue ("he said")
    "rule_pronoun",  # ... through a pronoun cue
    "rule_inherited",  # ... inherited: a paragraph of quoted speech without a cue
    "rule_unnamed",  # ... through an unnamed-speaker noun ("the source said": its body)
    "keep",  # keep the rules' answer that names no actor
    "keep_text",  # ... which has a speaker text ("a spokesman", "the survey")
    "keep_pronoun",  # ... a pronoun
    "keep_unnamed",  # ... an unnamed-speaker noun ("an official", "the statement")
    "keep_cued",  # ... the subject of a cue ("the queen said")
    "keep_role",  # ... a one-person role or office ("the queen", "the minister")
    "keep_named",  # ... a name no actor holds ("Abiy", "Jeff Glor")
    # where the actor is named, relative to the quote (mentions inside quotes do not count)
    "distance_before",  # log1p(characters) back to the nearest mention, scaled 0-1
    "never_before",  # not named before the quote
    "same_sentence",  # named in the quote's own sentence
    "same_paragraph",  # named in the quote's paragraph
    "after_in_paragraph",  # named after the quote in its paragraph
    "previous_paragraph",  # named in the paragraph before
    "subject_nearby",  # a clause subject in this or the previous two paragraphs
    "reporting_subject_nearby",  # the subject of a reporting verb in those paragraphs
    "reporting_subject_after",  # the subject of a reporting verb after the quote, same sentence
    "only_inside_quotes_nearby",  # named nearby, but only inside quoted words
    "other_subject_before",  # the quote's paragraph, before it, has someone else as a subject
    # what the actor has done so far
    "spoke_previous",  # the rules' speaker of the direct quote before
    "spoke_previous_adjacent",  # ... which ended in this or the previous paragraph
    "quotes_so_far",  # log1p(direct quotes the rules gave it before this one)
    "mentions",  # log1p(mentions in the article)
    # what it is
    "person",
    "organization",
    "country",
    "group",
    "outlet",  # a news outlet (they mostly relay)
    "pronoun_cue_person",  # the cue is he/she and this is a person
)


@dataclass
class Candidate:
    """One possible speaker of a quote: an actor id, or None for "keep the rules' answer"."""

    actor: str | None
    features: dict[str, float] = field(default_factory=dict)

    def vector(self) -> list[float]:
        return [self.features.get(name, 0.0) for name in FEATURES]


@dataclass
class _Mention:
    start: int
    end: int
    paragraph: int
    sentence: int
    subject: bool
    reporting_subject: bool
    quoted: bool


@dataclass
class _Where:
    """Where a quote stands: its paragraph and sentence, the direct quote before it (and
    whether that one ended in this or the previous paragraph), and the actors (None: not an
    actor) named as clause subjects in its paragraph before it."""

    quote: Quote
    paragraph: int
    sentence: int
    previous: Quote | None
    previous_adjacent: bool
    subjects: list[str | None]


def candidates(
    doc: Doc, quotes: list[Quote], actors: list[Actor], lexicon: QuoteLexicon
) -> list[tuple[Quote, list[Candidate]]]:
    """Each direct quote with its candidate speakers and their features, in text order."""
    paras = paragraphs(text_of(doc))
    direct = [q for q in quotes if q.kind == "direct"]
    quoted = [(q.content.start - 1, q.content.end + 1) for q in direct]
    mentions = {a.id: _mentions(doc, a, paras, quoted, lexicon) for a in actors}
    owners = [(m.start, m.end, a.id) for a in actors for m in a.mentions]
    spoken: dict[str, int] = {}  # direct quotes the rules gave each actor so far
    out: list[tuple[Quote, list[Candidate]]] = []
    previous: Quote | None = None
    for quote in direct:
        para = _index(paras, quote.content.start)
        where = _Where(
            quote, para, _sentence(doc, quote.content.start), previous,
            previous is not None and _index(paras, previous.content.end) >= para - 1,
            _subjects_before(doc, paras[para][0] if paras else 0, quote, quoted, owners),
        )  # fmt: skip
        cands = [
            _features(where, actor, mentions[actor.id], spoken, lexicon)
            for actor in _pool(where, actors, mentions)
        ]
        if quote.speaker is None or quote.speaker not in mentions:
            cands.append(_keep(quote, lexicon))
        out.append((quote, cands))
        if quote.speaker is not None:
            spoken[quote.speaker] = spoken.get(quote.speaker, 0) + 1
        previous = quote
    return out


def _pool(where: _Where, actors: list[Actor], mentions: dict[str, list[_Mention]]) -> list[Actor]:
    """The actors named outside quotes in the quote's paragraph or the ``PARAGRAPHS_BACK``
    before it, then the rules' speaker and the previous quote's, if not among them."""
    low, high = where.paragraph - PARAGRAPHS_BACK, where.paragraph
    pool = [
        a for a in actors
        if any(low <= m.paragraph <= high and not m.quoted for m in mentions[a.id])
    ]  # fmt: skip
    previous = where.previous.speaker if where.previous else None
    for extra in (where.quote.speaker, previous):
        actor = next((a for a in actors if a.id == extra), None)
        if actor is not None and actor not in pool:
            pool.append(actor)
    return pool


def _subjects_before(
    doc: Doc,
    start: int,
    quote: Quote,
    quoted: list[tuple[int, int]],
    owners: list[tuple[int, int, str]],
) -> list[str | None]:
    """The actors (None: not an actor) that are named clause subjects in the quote's
    paragraph before the quote, outside quotes ("The queen sent a message: “...”")."""
    span = doc.char_span(start, quote.content.start, alignment_mode="contract")
    if span is None:
        return []
    out: list[str | None] = []
    for token in span:
        if token.dep_ not in ("nsubj", "nsubjpass") or token.pos_ == "PRON":
            continue
        if any(a <= token.idx < b for a, b in quoted):
            continue
        out.append(next((o for a, b, o in owners if a <= token.idx < b), None))
    return out


def _mentions(
    doc: Doc,
    actor: Actor,
    paras: tuple[tuple[int, int], ...],
    quoted: list[tuple[int, int]],
    lexicon: QuoteLexicon,
) -> list[_Mention]:
    out = []
    for span in actor.mentions:
        tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
        if tokens is None or not len(tokens):
            continue
        root = tokens.root
        subject = root.dep_ in ("nsubj", "nsubjpass")
        reporting = subject and root.head.lemma_.lower() in lexicon.reporting_verbs
        out.append(
            _Mention(
                start=span.start,
                end=span.end,
                paragraph=_index(paras, span.start),
                sentence=root.sent.start,
                subject=subject,
                reporting_subject=reporting,
                quoted=any(a <= span.start < b for a, b in quoted),
            )
        )
    return out


def _features(
    where: _Where,
    actor: Actor,
    mentions: list[_Mention],
    spoken: dict[str, int],
    lexicon: QuoteLexicon,
) -> Candidate:
    f = _rule_features(where.quote, actor, lexicon)
    f.update(_place_features(where, mentions))
    if any(owner != actor.id for owner in where.subjects):
        f["other_subject_before"] = 1.0
    if where.previous is not None and where.previous.speaker == actor.id:
        f["spoke_previous"] = 1.0
        if where.previous_adjacent:
            f["spoke_previous_adjacent"] = 1.0
    f["quotes_so_far"] = math.log1p(spoken.get(actor.id, 0)) / 3
    f["mentions"] = math.log1p(len(mentions)) / 3
    if actor.kind in KINDS:
        f[actor.kind] = 1.0
    if actor.sector == "MED":
        f["outlet"] = 1.0
    if (where.quote.speaker_text or "").lower() in ("he", "she") and actor.kind == "person":
        f["pronoun_cue_person"] = 1.0
    return Candidate(actor.id, f)


def _rule_features(quote: Quote, actor: Actor, lexicon: QuoteLexicon) -> dict[str, float]:
    """Whether the rules chose this actor, and how they found it."""
    if quote.speaker != actor.id:
        return {}
    f = {"rule": 1.0, "rule_cued" if quote.cue is not None else "rule_inherited": 1.0}
    words = (quote.speaker_text or "").lower()
    if words in PRONOUNS:
        f["rule_pronoun"] = 1.0
    if words.split() and _unnamed(words.split()[-1], lexicon):
        f["rule_unnamed"] = 1.0
    return f


def _place_features(where: _Where, mentions: list[_Mention]) -> dict[str, float]:
    """Where the actor is named relative to the quote (mentions inside quotes do not count,
    except to tell that it is named nearby only inside quoted words)."""
    start, end, para = where.quote.content.start, where.quote.content.end, where.paragraph
    outside = [m for m in mentions if not m.quoted]
    before = [m for m in outside if m.end <= start]
    f: dict[str, float] = {"distance_before": 1.0}
    if before:
        gap = start - max(m.end for m in before)
        f["distance_before"] = min(math.log1p(gap), MAX_LOG_DISTANCE) / MAX_LOG_DISTANCE
    else:
        f["never_before"] = 1.0
    window = [m for m in outside if para - 2 <= m.paragraph <= para]
    near = [m for m in mentions if para - PARAGRAPHS_BACK <= m.paragraph <= para]
    checks = {
        "same_sentence": any(m.sentence == where.sentence for m in outside),
        "same_paragraph": any(m.paragraph == para for m in outside),
        "after_in_paragraph": any(m.paragraph == para and m.start >= end for m in outside),
        "previous_paragraph": any(m.paragraph == para - 1 for m in outside),
        "subject_nearby": any(m.subject for m in window),
        "reporting_subject_nearby": any(m.reporting_subject for m in window),
        "reporting_subject_after": any(
            m.reporting_subject and m.start >= end and m.paragraph == para for m in outside
        ),
        "only_inside_quotes_nearby": bool(near) and all(m.quoted for m in near),
    }
    f.update({name: 1.0 for name, hit in checks.items() if hit})
    return f


def _keep(quote: Quote, lexicon: QuoteLexicon) -> Candidate:
    f = {"keep": 1.0}
    if quote.cue is not None:
        f["keep_cued"] = 1.0
    words = (quote.speaker_text or "").lower().split()
    if words:
        f["keep_text"] = 1.0
        if words[-1] in PRONOUNS:
            f["keep_pronoun"] = 1.0
        if _unnamed(words[-1], lexicon):
            f["keep_unnamed"] = 1.0
        if words[-1] in person_roles() or words[-1] in lexicon.unique_offices:
            f["keep_role"] = 1.0
        if _named(quote.speaker_text or ""):
            f["keep_named"] = 1.0

    return Candidate(None, f)


def _unnamed(word: str, lexicon: QuoteLexicon) -> bool:
    """An unnamed-speaker noun, singular or plural ("official", "sources")."""
    return word in lexicon.unnamed_speakers or word.rstrip("s") in lexicon.unnamed_speakers


def _named(text: str) -> bool:
    """Speaker words that are a name: capitalised words, not a pronoun or a determiner."""
    words = [w for w in text.split() if w.lower() not in ("the", "a", "an")]
    return bool(words) and all(w[:1].isupper() for w in words) and text.lower() not in PRONOUNS


def _index(paras: tuple[tuple[int, int], ...], at: int) -> int:
    """The paragraph holding offset ``at`` (the one before it, between paragraphs)."""
    index = 0
    for i, (start, _) in enumerate(paras):
        if start <= at:
            index = i
        else:
            break
    return index


def _sentence(doc: Doc, at: int) -> int:
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    return span[0].sent.start if span is not None and len(span) else -1


@lru_cache(maxsize=1)
def load_weights() -> dict[str, float]:
    """The learnt weight of each feature (``data/speaker_ranker.json``)."""
    path = resources.files("flashpoint.quotes").joinpath("data", "speaker_ranker.json")
    return dict(json.loads(path.read_text(encoding="utf-8"))["weights"])


def score(candidate: Candidate, weights: dict[str, float]) -> float:
    return sum(weights.get(k, 0.0) * v for k, v in candidate.features.items())


def best(cands: Iterable[Candidate], weights: dict[str, float]) -> Candidate | None:
    """The highest-scoring candidate; the rules' own answer wins a tie."""
    top: Candidate | None = None
    top_score = -math.inf
    for cand in cands:
        s = score(cand, weights)
        if s > top_score or (s == top_score and _own(cand)):
            top, top_score = cand, s
    return top


def rerank(
    doc: Doc,
    quotes: list[Quote],
    actors: list[Actor],
    lexicon: QuoteLexicon,
    weights: dict[str, float] | None = None,
) -> None:
    """Give each direct quote the ranker's speaker, in place. A quote that runs over several
    paragraphs (all but the last marked ``continues``) is one decision: the actor whose
    scores summed over its paragraphs beat the rules' answers summed the same way. A changed
    speaker's text is its nearest mention before the quote, and ``speaker_by`` says "ranker"."""
    weights = load_weights() if weights is None else weights
    by_id = {a.id: a for a in actors}
    chain: list[tuple[Quote, list[Candidate]]] = []
    for quote, cands in candidates(doc, quotes, actors, lexicon):
        chain.append((quote, cands))
        if not quote.continues:
            _decide(chain, by_id, weights)
            chain = []
    if chain:
        _decide(chain, by_id, weights)


def _decide(
    chain: list[tuple[Quote, list[Candidate]]],
    by_id: dict[str, Actor],
    weights: dict[str, float],
) -> None:
    """One speaker for the paragraphs of one quote (see ``rerank``). The rules' answer stands
    where their words say who spoke and only the actor stage missed it (a name or a one-person
    role with no actor: "Abiy said", "The queen sent a message: ..."), and where a pronoun cue
    was resolved ("he says" after "Daniel Okafor ... in his eyes"): measured on dev, the
    ranker overruling those broke as many quotes as it fixed."""
    if any(_stands(c) for _, cands in chain for c in cands):
        return
    own = sum(score(c, weights) for _, cands in chain for c in cands if _own(c))
    totals: dict[str, float] = {}
    for _, cands in chain:
        for cand in cands:
            if cand.actor is not None:
                totals[cand.actor] = totals.get(cand.actor, 0.0) + score(cand, weights)
    everywhere = [a for a in totals if all(any(c.actor == a for c in cands) for _, cands in chain)]
    if not everywhere:
        return
    actor = max(everywhere, key=lambda a: totals[a])
    if totals[actor] <= own or all(q.speaker == actor for q, _ in chain):
        return
    for quote, _ in chain:
        quote.speaker = actor
        quote.speaker_text = _mention_before(by_id[actor], quote)
        quote.speaker_by = "ranker"


def _stands(cand: Candidate) -> bool:
    f = cand.features
    return bool(f.get("keep_named") or f.get("keep_role") or f.get("rule_pronoun"))


def _own(cand: Candidate) -> bool:
    """The rules' own answer: their actor, or "keep" when they named none."""
    return bool(cand.features.get("rule") or cand.features.get("keep"))


def _mention_before(actor: Actor, quote: Quote) -> str:
    """The words that last named the actor before the quote (its name if none did)."""
    before = [m for m in actor.mentions if m.end <= quote.content.start]
    return max(before, key=lambda m: m.end).text if before else actor.name


def fit(
    examples: list[tuple[list[Candidate], list[bool]]],
    *,
    l2: float = 0.001,
    steps: int = 300,
    rate: float = 0.05,
) -> dict[str, float]:
    """Weights of a conditional logit: for each quote, a softmax over its candidates that
    puts the probability on the right ones (``examples``: candidates and which are right;
    quotes with no right candidate teach nothing and are left out). Adam on the mean
    negative log-likelihood plus ``l2`` times the squared weights. numpy (spaCy's own
    dependency) is needed only here, to train."""
    import numpy as np

    usable = [(np.array([c.vector() for c in cands]), np.array(ok)) for cands, ok in examples]
    usable = [(x, ok) for x, ok in usable if ok.any()]
    if not usable:
        raise ValueError("no quote has a right candidate: nothing to learn from")
    w = np.zeros(len(FEATURES))
    m1, m2 = np.zeros_like(w), np.zeros_like(w)
    for step in range(1, steps + 1):
        grad = l2 * w
        for x, ok in usable:
            s = x @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            right = p * ok
            grad += x.T @ (p - right / right.sum()) / len(usable)
        m1 = 0.9 * m1 + 0.1 * grad
        m2 = 0.999 * m2 + 0.001 * grad * grad
        w -= rate * (m1 / (1 - 0.9**step)) / (np.sqrt(m2 / (1 - 0.999**step)) + 1e-8)
    return {name: round(float(v), 4) for name, v in zip(FEATURES, w, strict=True)}
