"""Quotes of one article: direct quotes from the marks, indirect ones from the parse (issue 5).

Direct quotes come from ``marks.find_direct_quotes`` (text only); each is then attributed
through its cue: a reporting verb before the opening mark in the same sentence ("Mr Rassam
explained: “...”", "with one official claiming “...”"), after the closing mark ("“...,” he
said"), or, for a paragraph of quoted speech without a cue, the previous quote's speaker.
Indirect quotes are the clausal complements of reporting verbs ("X said (that) ..."),
"according to X, ...", "As X explained, ..." and unattributed passives ("X is believed to").
The speaker is the actor of the cue's subject (``ActorIndex``; a named apposition first).
A he/she subject the actor stage left unresolved (or linked to a non-person) falls back to
the last person who was a main-clause or cue subject, then the last named speaker, then the
nearest person named before it outside quotes. An unnamed official ("one official") speaks
for the organisation or country that is the subject of the sentence (data/unnamed_speakers.txt).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan

from flashpoint.actors.context import (
    apposed,
    byline,
    conjoined_subject,
    misread_modal,
    one_person_role,
    titled_name,
)
from flashpoint.actors.coref import FEMALE, MALE, given_name_gender
from flashpoint.actors.index import ActorIndex
from flashpoint.models import Actor, Article, Quote, Span
from flashpoint.nlp.text import text_of
from flashpoint.quotes.lexicon import QuoteLexicon, load_lexicon
from flashpoint.quotes.marks import PARAGRAPH_BREAK, RawQuote, find_direct_quotes, paragraphs
from flashpoint.quotes.ranker import rerank

QUOTE_CHARS = frozenset('“”„"‘’')
SENTENCE_END = frozenset(".!?")
DASHES = frozenset(("—", "–", "-", "--"))
CUE_AFTER_WINDOW = 16  # '“...,” Dr. Xi Li, lead researcher on the project, wrote'
CUE_BEFORE_WINDOW = 40
PRONOUN_LOOKBACK = 300  # tokens
PRONOUNS = frozenset({"he", "she", "him", "her"})


@dataclass
class _Found:
    """A quote before speaker resolution: its parts, cue verb and the subject of the cue."""

    kind: str
    parts: list[tuple[int, int]]
    cue: tuple[int, int] | None = None
    subject: Token | None = None
    speaker_text: str | None = None  # for cues without a subject token ("one official")
    inherit: bool = False  # no cue: a paragraph of quoted speech continuing the last speaker
    relayed: Token | None = None  # who spoke, when ``subject`` turns out to be a news outlet
    nominal: bool = False  # "Trump's argument that ...": a stance cited, not a speech reported

    @property
    def start(self) -> int:
        return self.parts[0][0]


def extract_quotes(
    doc: Doc, actors: ActorIndex, article: Article, *, rank: bool = True
) -> tuple[list[Quote], list[str]]:
    """Direct and indirect quotes in text order with ids Q1, Q2, ..., plus warnings. With
    ``rank``, the speaker ranker (``ranker.rerank``) may overrule the rules' speakers."""
    lexicon = load_lexicon()
    raws, warnings = find_direct_quotes(text_of(doc))
    direct = [f for f in (_attribute(doc, raw, raws, lexicon) for raw in raws) if f is not None]
    indirect = _indirect_quotes(doc, direct, lexicon)
    found = sorted(direct + indirect, key=lambda f: f.start)
    quotes = _resolve(found, doc, actors, article, lexicon)
    if rank:
        rerank(doc, quotes, actors.actors, lexicon)
    return quotes, warnings


# --- direct quotes -------------------------------------------------------------------------


def _attribute(
    doc: Doc, raw: RawQuote, raws: list[RawQuote], lexicon: QuoteLexicon
) -> _Found | None:
    found = _Found("direct", list(raw.parts))
    previous_end = max((q.close or q.end for q in raws if q.end < raw.start), default=0)
    verb = _cue_before(doc, raw.opens[0], previous_end, lexicon)
    if verb is None and raw.close is not None:
        verb = _cue_after(doc, raw, lexicon)
    if verb is None and raw.close is None:
        verb = _cue_inside_unclosed(doc, found, lexicon)
    if verb is None and raw.single:
        return None  # ‘...’ is a quote only when a cue says so; otherwise a title or term
    # "“...,” according to the BBC", "“...,” as Carter put it"; but in "“...,” Tusk said,
    # according to Reuters" the agency only relays what Tusk said
    cued = verb is not None and _subject(verb) is not None
    source = _source_after(doc, raw) if raw.close is not None and not cued else None
    if source is not None:
        found.subject = source
        return found
    if verb is None and raw.close is not None and (named := _bare_name_after(doc, raw)):
        found.subject = named  # "“...” White House spokeswoman Sarah Sanders."
        return found
    embedded = _embedded_subject(doc, raw)
    if verb is None and embedded is None:
        found.inherit = True
        return found
    if verb is not None:
        found.cue = _cue_span(verb)
        if raw.close is not None and verb.idx > raw.close:
            # 'Lavrov called it a “...” that is prompting Moscow to “...,” the AP reports'
            found.relayed = _earlier_cue_subject(doc, raw, lexicon)
        # this quote as cut at an inner cue ('“..., Ms Tembo said.'), and every other quote
        spans = found.parts + [part for q in raws if q is not raw for part in q.parts]
        found.subject = (
            _outside(_subject(verb), spans)
            # '“... All countries that want to ... they try,” he said': two subjects parsed
            or _subject_after_close(raw, verb)
            # "She added: “...” and insisted: “...”": the parser gave "insisted" a subject
            # from inside the first quote; the first verb's subject speaks
            or (
                _outside(_subject(_out_of(verb.head, spans)), spans)
                if verb.dep_ == "conj"
                else None
            )
            or _after_close(doc, raw, verb)
            # '“...,” said X. “...”': the second quote's cue is the first one's inverted cue
            or (_name_after(doc, verb) if verb.idx < raw.opens[0] else None)
        )
    found.subject = found.subject or embedded
    return found


def _earlier_cue_subject(doc: Doc, raw: RawQuote, lexicon: QuoteLexicon) -> Token | None:
    """The subject of a reporting verb earlier in the quote's sentence, across other quotes."""
    span = doc.char_span(raw.opens[0], raw.opens[0] + 1, alignment_mode="expand")
    if span is None:
        return None
    for token in reversed(doc[span[0].sent.start : span[0].i]):
        if _is_reporting(token, lexicon.reporting_verbs) and (subject := _subject(token)):
            return subject if subject.idx < token.idx else None
    return None


def _subject_after_close(raw: RawQuote, verb: Token) -> Token | None:
    """'“... All countries that want to ... they try,” he said': the parser gave "said" a
    second subject from inside the quote; the one between the closing mark and the verb."""
    if raw.close is None:
        return None
    return next(
        (c for c in verb.children if c.dep_ == "nsubj" and raw.close < c.idx < verb.idx), None
    )


def _outside(subject: Token | None, spans: list[tuple[int, int]]) -> Token | None:
    """A cue's subject, unless the parser took it from inside a quote ("“The bottom line:
    ...” said Larry Johnson" parsed with "line" as the subject)."""
    if subject is None or any(a <= subject.idx < b for a, b in spans):
        return None
    return subject


def _out_of(token: Token, spans: list[tuple[int, int]]) -> Token:
    """The first head above ``token`` that stands outside every quote."""
    while any(a <= token.idx < b for a, b in spans) and token.head.i != token.i:
        token = token.head
    return token


def _after_close(doc: Doc, raw: RawQuote, verb: Token) -> Token | None:
    """The speaker named beside a cue that follows the quote: between the closing mark and
    the cue ("“...,” Florida Sen. Marco Rubio said"), or right after it when nothing else
    stands between ("“...,” said pro-democracy legislator Claudia Mo"): a person's name
    first, else the end of the first run of proper nouns (not after a preposition: "said on
    Twitter" names no speaker)."""
    if raw.close is None or verb.idx < raw.close:
        return None
    between = [t for t in _tokens_between(doc, raw.close + 1, verb.idx) if not t.is_punct]
    if between:
        names = [t for t in between if t.pos_ == "PROPN"]
        # a name the tagger called a noun is still a name ("“...,” Trump told troops")
        people = [t for t in between if t.ent_type_ == "PERSON"]
        return people[0] if people else (names[-1] if names else None)
    return _name_after(doc, verb)


def _name_after(doc: Doc, verb: Token) -> Token | None:
    """The name right after an inverted cue ("said pro-democracy legislator Claudia Mo")."""
    run: list[Token] = []
    for token in doc[verb.i + 1 : min(verb.i + 10, len(doc))]:
        stop = token.pos_ == "ADP" or token.text in (",", ";", ":") or token.text in QUOTE_CHARS
        if stop or "\n" in token.text_with_ws:
            break
        if token.pos_ == "PROPN":
            run.append(token)
        elif run and token.text != "-" and not _role_word(token):
            break  # "said former CIA analyst Larry Johnson": a role noun does not end the name
    people = [t for t in run if t.ent_type_ == "PERSON"]
    return people[0] if people else (run[-1] if run else None)


def _role_word(token: Token) -> bool:
    """A lower-case noun or adjective inside a title before a name ("CIA analyst")."""
    return token.pos_ in ("NOUN", "ADJ") and token.text.islower()


def _bare_name_after(doc: Doc, raw: RawQuote) -> Token | None:
    """A name and nothing else after the closing mark, up to the full stop: the newswire
    shorthand '“...,” White House spokeswoman Sarah Sanders.'"""
    assert raw.close is not None
    end = min(len(text_of(doc)), raw.close + 200)
    tokens = [t for t in _tokens_between(doc, raw.close + 1, end) if t.idx > raw.close]
    if tokens and tokens[0].text in DASHES:
        # '“...” — Karen Hao, MIT Technology Review': a byline under a pulled quote
        line = [t for t in tokens[1:12] if "\n" not in text_of(doc)[raw.close : t.idx]]
        people = [t for t in line if t.ent_type_ == "PERSON"]
        return people[0] if people else None
    phrase: list[Token] = []
    for token in tokens[:12]:
        if token.text in SENTENCE_END:
            break
        if token.pos_ in ("VERB", "AUX") or token.text in QUOTE_CHARS or "\n" in token.text:
            return None
        phrase.append(token)
    else:
        return None
    people = [t for t in phrase if t.ent_type_ == "PERSON"]
    return people[-1] if people else None


def _source_after(doc: Doc, raw: RawQuote) -> Token | None:
    """ "according to X" or "as X put it" right after the closing mark, in the same sentence."""
    assert raw.close is not None
    tokens = _tokens_between(doc, raw.close + 1, min(len(text_of(doc)), raw.close + 80))
    tokens = [t for t in tokens if t.idx > raw.close][:6]
    for index, token in enumerate(tokens):
        if token.text in SENTENCE_END or token.text in QUOTE_CHARS:
            return None
        if (
            token.lower_ == "according"
            and index + 1 < len(tokens)
            and tokens[index + 1].lower_ == "to"
        ):
            # a named source ("the BBC"), not "an informal translation"
            objects = [c for c in tokens[index + 1].children if c.dep_ == "pobj"]
            named = [o for o in objects if any(t.pos_ == "PROPN" for t in o.subtree)]
            return named[0] if named else None
        if token.lower_ == "as" and token.dep_ == "mark" and token.head.lemma_ == "put":
            subjects = [c for c in token.head.children if c.dep_ == "nsubj"]
            return subjects[0] if subjects else None
    return None


def _embedded_subject(doc: Doc, raw: RawQuote) -> Token | None:
    """For a quote inside a sentence of the reporter's ("The President praised the “...”",
    "Kaplan sent out fake emails to “...”"): the subject of the sentence's main verb, when
    it stands outside the quote. None for a quote that opens its sentence."""
    span = doc.char_span(raw.opens[0], raw.opens[0] + 1, alignment_mode="expand")
    if span is None:
        return None
    sent = span[0].sent
    if not any(t.idx < raw.opens[0] and not (t.is_space or t.is_punct) for t in sent):
        return None
    for child in sent.root.children:
        outside = not any(a - 1 <= child.idx < b + 1 for a, b in raw.parts)
        # a named or described subject only: a bare pronoun there is too often the narrator's
        # "he" of someone else in fiction, and inheriting the last speaker does better
        if child.dep_ in ("nsubj", "nsubjpass") and outside and child.pos_ != "PRON":
            return child
    return None


def _cue_inside_unclosed(doc: Doc, found: _Found, lexicon: QuoteLexicon) -> Token | None:
    """'“Every vote counts, she said.' (closing mark missing): cut the quote at the cue."""
    start, end = found.parts[-1]
    tokens = _tokens_between(doc, start, end)[-CUE_AFTER_WINDOW:]
    for index, token in enumerate(tokens):
        if token.text == "," and index + 1 < len(tokens):
            verb = next(
                (t for t in tokens[index + 1 :] if _is_reporting(t, lexicon.reporting_verbs)), None
            )
            if verb is not None and not any(t.text in SENTENCE_END for t in tokens[index + 1 : -1]):
                found.parts[-1] = (start, token.idx + 1)
                return verb
    return None


def _tokens_between(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand") if end > start else None
    return [t for t in span if not t.is_space] if span is not None else []


def _cue_before(doc: Doc, open_at: int, floor: int, lexicon: QuoteLexicon) -> Token | None:
    """The reporting verb nearest before the opening mark, in the same sentence."""
    para_start = max((s for s, _ in paragraphs(text_of(doc)) if s <= open_at), default=0)
    if para_start == open_at:
        return _cue_ending_previous_paragraph(doc, open_at, floor, lexicon)
    tokens = _tokens_between(doc, max(floor + 1, para_start), open_at)
    for token in reversed(tokens[-CUE_BEFORE_WINDOW:]):
        if token.text in SENTENCE_END or token.text in QUOTE_CHARS:
            return None
        if _is_reporting(token, lexicon.reporting_verbs):
            return token
    # 'with Sanders saying that “...” and that “...”': the second quote of a sentence has
    # the first one's cue when only connecting words stand between them
    words = [t for t in tokens if not t.is_punct]
    if floor <= para_start or len(words) > 3 or not tokens:
        return None
    earlier = [t for t in _tokens_between(doc, para_start, floor + 1) if t.sent == tokens[-1].sent]
    inside = False
    for token in reversed(earlier[-CUE_BEFORE_WINDOW:]):
        if token.text in QUOTE_CHARS:
            inside = not inside
        elif token.text in SENTENCE_END and not inside:
            return None
        elif not inside and _is_reporting(token, lexicon.reporting_verbs):
            return token
    return None


def _cue_ending_previous_paragraph(
    doc: Doc, open_at: int, floor: int, lexicon: QuoteLexicon
) -> Token | None:
    """'He said:' on a paragraph of its own, the quote opening the next paragraph."""
    colon = len(text_of(doc)[:open_at].rstrip()) - 1
    if colon <= floor or text_of(doc)[colon] != ":":
        return None
    verb = _cue_before(doc, colon, floor, lexicon)
    if verb is not None:
        return verb
    # "NPR's Corey Flintoff brings us these details from the talks:" then the quote: the
    # sentence a named person opens with a colon introduces their words
    span = doc.char_span(colon, colon + 1, alignment_mode="expand")
    root = span[0].sent.root if span is not None and len(span) else None
    if root is None or root.pos_ not in ("VERB", "AUX"):
        return None
    subjects = [c for c in root.children if c.dep_ == "nsubj"]
    named = subjects and any(t.ent_type_ == "PERSON" for t in subjects[0].subtree)
    return root if named else None


def _cue_after(doc: Doc, raw: RawQuote, lexicon: QuoteLexicon) -> Token | None:
    """'“...,” he said' / '“...,” said the parson': a reporting verb just after the close."""
    assert raw.close is not None
    end = min((e for _, e in paragraphs(text_of(doc)) if e > raw.close), default=len(text_of(doc)))
    tokens = _tokens_between(doc, raw.close + 1, end)
    tokens = [t for t in tokens if t.idx > raw.close]
    while tokens and tokens[0].text in QUOTE_CHARS and tokens[0].idx == raw.close + 1:
        tokens.pop(0)  # '... need advice,”’ Hua said': a nested quote closing after the outer one
    limit = CUE_AFTER_WINDOW if text_of(doc)[raw.end - 1 : raw.end] != "." else 4
    if tokens and tokens[0].pos_ == "PROPN" and limit > 4:
        limit = 40  # '“...,” Joshua Wong, a leader of the protests in 2014 that ..., said'
    for token in tokens[:limit]:
        if token.text in QUOTE_CHARS or "\n" in token.text_with_ws[:-1]:
            return None
        if _is_reporting(token, lexicon.reporting_verbs):
            return token
        if token.text in SENTENCE_END:
            return None
    return None


def _is_reporting(token: Token, verbs: frozenset[str]) -> bool:
    if token.pos_ in ("VERB", "AUX"):
        following = token.nbor(1) if token.i + 1 < len(token.doc) else None
        if (
            token.lemma_.lower() == "continue"
            and following is not None
            and following.lower_ == "to"
        ):
            return False  # "the US continued to “rely on ...”": going on doing, not speaking
        return token.lemma_.lower() in verbs
    if token.pos_ == "NOUN" and token.dep_ == "ROOT" and token.lower_ in verbs:
        # "Sasse's statement read.": a past form tagged as a noun, with a subject
        return any(c.dep_ == "nsubj" for c in token.children)
    return token.pos_ == "NOUN" and _gerund_lemma(token.lower_) in verbs


def _gerund_lemma(word: str) -> str | None:
    """'warning' mis-tagged as a noun before a quote: 'with one diplomat warning “...”'."""
    if not word.endswith("ing"):
        return None
    stem = word[:-3]
    return stem if stem in load_lexicon().reporting_verbs else stem + "e"


def _cue_span(verb: Token) -> tuple[int, int]:
    """The verb with its passive auxiliary ('is believed'), as character offsets."""
    start = min([verb.idx] + [c.idx for c in verb.children if c.dep_ == "auxpass"])
    return start, verb.idx + len(verb.text)


RELATIVE = frozenset({"who", "that", "which"})
# a participle or infinitive cue takes its subject from the verb it hangs on: "Giuliani said,
# adding: “...”", "Trump told reporters, hours after saying that “...”"
_CLIMB = frozenset({"conj", "advcl", "xcomp", "pcomp"})


def _subject(verb: Token, depth: int = 0) -> Token | None:
    """Who speaks: the verb's subject, the noun a participle modifies, or the subject of the
    verb a conjunct, participle or infinitive cue hangs on."""
    reporting = verb.lemma_.lower() in load_lexicon().reporting_verbs
    for child in verb.children:
        if misread_modal(child):
            return child  # "May told parliament"
        if child.dep_ == "nsubj" and child.lower_ == "it" and reporting:
            return child  # "“...,” it said": the organisation that spoke before
        if _dateline(child, verb):
            continue  # "Washington (CNN) Rudy Giuliani said": the dateline is no speaker
        if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ not in ("it", "there"):
            if child.lower_ in RELATIVE and verb.dep_ == "relcl":
                return verb.head  # "said Trump, who said there would be a “...”"
            return _split_title(child) or child
    if verb.pos_ == "NOUN":  # a mis-tagged gerund: its 'compound' is the speaker
        return next((c for c in verb.children if c.dep_ in ("compound", "nmod", "poss")), None)
    if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    head = verb.head
    if verb.dep_ == "pcomp" and head.dep_ == "prep":
        head = head.head
    if any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return _name_before(verb)  # "As Donald Boudreaux notes, “...”": not the main clause's
    if verb.dep_ == "conj" and reporting and (name := _conjoined_name(verb)) is not None:
        return name  # "... returning to Turkey and Cavusoglu said"
    if verb.dep_ == "xcomp" and (obj := _controller(head, verb)) is not None:
        return obj  # "prompting the opposition party to accuse Moon of “...”"
    if verb.dep_ in _CLIMB and verb.dep_ != "conj":
        # "Trump said North Korea would be a big subject, calling it ...": the parser hangs
        # the participle on the reported clause; the one calling is the one who said it
        head = _reporting_ancestor(head) or head
    if verb.dep_ in _CLIMB and head.pos_ in ("VERB", "AUX") and head.i != verb.i and depth < 3:
        return _subject(head, depth + 1)
    return _name_before(verb) if reporting else None


def _split_title(title: Token) -> Token | None:
    """ "said Pentagon spokesman Capt. Jeff Davis": the parser made both the title and the
    name subjects of the verb; the name right after the title speaks."""
    if title.pos_ != "NOUN" or not one_person_role(title):
        return None
    for name in title.head.children:
        if name.dep_ == "nsubj" and name.ent_type_ == "PERSON" and name.left_edge.i == title.i + 1:
            return name
    return None


def _dateline(subject: Token, verb: Token) -> bool:
    """A dateline the parser made a second subject: "Washington (CNN) Rudy Giuliani said"."""
    words = [t.text for t in subject.subtree]
    later = [c for c in verb.children if c.dep_ == "nsubj" and c.i > subject.i]
    return "(" in words and ")" in words and bool(later)


def _name_before(verb: Token) -> Token | None:
    """A person's name right before a cue the parser left without a subject ("..., Secretary
    of State John Kerry told reporters" with Kerry hung on "in Lausanne")."""
    if verb.i == 0:
        return None
    before = verb.doc[verb.i - 1]
    if before.text == "," and (role := _role_before(before)) is not None:
        # "Vasily Nebenzya, Russian ambassador to the U.N., said": the name before the role
        name = role.doc[role.left_edge.i - 2] if role.left_edge.i >= 2 else None
        if name is not None and role.doc[role.left_edge.i - 1].text == ",":
            return name if name.pos_ == "PROPN" and name.is_title else None
    if before.ent_type_ == "PERSON" and before.pos_ == "PROPN":
        return before
    # "..., Modly said, “...”": a surname the model took for an adverb or an organisation
    misread = before.is_title and before.ent_type_ in ("PERSON", "ORG") and before.i > 0
    return before if misread and before.dep_ in ("advmod", "npadvmod", "compound") else None


def _role_before(comma: Token) -> Token | None:
    """The one-person role noun whose phrase ends right before ``comma``."""
    end = comma.doc[comma.i - 1] if comma.i > 0 else None
    node = end
    while node is not None and not one_person_role(node):
        if node.head.i == node.i or node.head.i > comma.i or node.head.i < comma.i - 10:
            return None
        node = node.head
    return node


def _conjoined_name(verb: Token) -> Token | None:
    """ "... returning to Turkey and Cavusoglu said": the name right before a cue the parser
    left without a subject (``conjoined_subject``)."""
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    return before if before is not None and conjoined_subject(before) else None


def _controller(head: Token, verb: Token) -> Token | None:
    """The object that an infinitive cue's subject is ("urged Iran to say", "prompting the
    party to accuse"): a direct object of the governing verb standing before the cue."""
    return next(
        (c for c in head.children if c.dep_ == "dobj" and c.i < verb.i and c.pos_ != "PRON"),
        None,
    )


def _reporting_ancestor(verb: Token) -> Token | None:
    """The highest reporting verb whose reported clause holds ``verb``: "he said it's not
    official that the US has pulled out, saying ..." climbs from "pulled" to "said"."""
    found = None
    node = verb
    while node.dep_ in ("ccomp", "advcl", "xcomp", "conj") and node.head.i != node.i:
        node = node.head
        if node.pos_ in ("VERB", "AUX") and node.lemma_.lower() in load_lexicon().reporting_verbs:
            found = node
    return found


# --- indirect quotes -----------------------------------------------------------------------


def _indirect_quotes(doc: Doc, direct: list[_Found], lexicon: QuoteLexicon) -> list[_Found]:
    quoted = [(a, b) for f in direct for a, b in f.parts]
    out: list[_Found] = []
    for token in doc:
        found = _indirect_at(token, lexicon)
        if found is None or _mostly_quoted(found.parts[0], quoted):
            continue
        if any(a <= token.idx < b for a, b in quoted):
            continue  # “It’s not helpful, I can say that for sure,” Casey said: his words
        out.append(found)
    return out


def _indirect_at(token: Token, lexicon: QuoteLexicon) -> _Found | None:
    lemma = token.lemma_.lower()
    if token.lower_ == "according" and _according_to(token) is not None:
        return _according(token)
    if token.pos_ == "NOUN" and lemma in lexicon.reporting_nouns:
        return _noun_quote(token)
    if token.pos_ not in ("VERB", "AUX"):
        return None
    passive = any(c.dep_ == "auxpass" for c in token.children)
    if passive and lemma in lexicon.hearsay_passives:
        return _hearsay(token)
    if not passive and lemma in lexicon.finding_verbs and not _expletive(token):
        # "A new poll by Ekos showed that ...": a finding, only with its "that"
        clause = next((c for c in token.children if c.dep_ == "ccomp" and c.i > token.i), None)
        if clause is not None and clause.left_edge.lower_ == "that":
            return _clause_quote(token, clause)
        return None
    if passive or lemma not in lexicon.indirect_verbs or _expletive(token):
        return None  # "it should be noted that ..." is the writer speaking
    complements = [c for c in token.children if c.dep_ == "ccomp"]
    after = [c for c in complements if c.i > token.i]
    fronted = [c for c in token.children if c.dep_ in ("ccomp", "dobj") and c.i < token.i]
    before = [c for c in fronted if _trailing_cue(token, c)]  # '<claim>, the UN said.'
    if after or before:
        return _clause_quote(token, (after or before)[0])
    if token.dep_ == "advcl" and any(c.lower_ == "as" and c.dep_ == "mark" for c in token.children):
        return _as_quote(token)
    if token.dep_ == "parataxis" and _subject(token) is not None and not complements:
        return _as_quote(token)  # '<claim>, the UN said, as ...'
    if token.dep_ == "ROOT" and not complements and not fronted:
        return _fragment_before(token)
    return None


def _noun_quote(noun: Token) -> _Found | None:
    """ "Trump's argument that ...", "a New York Times report that ...", "speculation that
    ...": the that-clause of a reporting noun; the speaker is its owner, if it names one."""
    clause = next(
        (
            c for c in noun.children
            if c.dep_ in ("acl", "ccomp") and c.i > noun.i
            and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        ),
        None,
    )  # fmt: skip
    if clause is None:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None) or next(
        (c for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN"), None
    )
    before = noun.doc[noun.i - 1] if noun.i > 0 else None
    if owner is None and before is not None and before.pos_ == "PROPN":
        owner = before  # "a recent New York Times report that", however parsed
    if owner is None and noun.dep_ == "dobj":
        owner = _subject(noun.head)  # "Grassley expressed concern that ..."
    if owner is not None and owner.lower_ in ("his", "her", "their", "its"):
        owner = _subject(noun.head) if noun.dep_ == "dobj" else owner  # "reaffirmed his belief"
    found = _clause_quote(noun, clause)
    if found is not None:
        found.subject, found.nominal = owner, True
    return found


def _fragment_before(verb: Token) -> _Found | None:
    """'<claim>, the UN said.' parsed as two sentences: the claim is the words before the comma."""
    subject = _subject(verb)
    if subject is None or subject.left_edge.i == 0:
        return None
    comma = verb.doc[subject.left_edge.i - 1]
    if comma.text != ",":
        return None
    tokens: list[Token] = []
    for token in reversed(verb.doc[max(0, comma.i - CUE_BEFORE_WINDOW) : comma.i]):
        if token.text in SENTENCE_END or token.text in QUOTE_CHARS or "\n" in token.text_with_ws:
            break
        tokens.append(token)
    parts = _char_range(tokens)
    if parts is None:
        return None
    return _Found("indirect", [parts], cue=_cue_span(verb), subject=subject)


def _trailing_cue(verb: Token, complement: Token) -> bool:
    """'<claim>, officials said.': the cue closes the sentence after a comma."""
    between = verb.doc[complement.right_edge.i + 1 : verb.i]
    crosses = any("\n" in t.text_with_ws for t in verb.doc[complement.i : verb.i])
    comma = any(t.text == "," for t in between)
    return verb.dep_ == "ROOT" and comma and len(between) <= 6 and not crosses


def _expletive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.lower_ == "it" for c in verb.children)


def _clause_quote(verb: Token, complement: Token) -> _Found | None:
    """'X said (that) ...': content is the complement clause without its 'that'."""
    tokens = [
        t for t in complement.subtree if not (t.dep_ == "mark" and t.i == complement.left_edge.i)
    ]
    parts = _char_range(tokens)
    if parts is None:
        return None
    return _Found("indirect", [parts], cue=_cue_span(verb), subject=_subject(verb))


def _as_quote(verb: Token) -> _Found | None:
    """'As X explained, <main clause>' / '<main clause>, X said': the main clause is the claim."""
    head = verb.head
    after = [t for t in head.subtree if t.i > verb.right_edge.i]
    before = [t for t in head.subtree if t.i < verb.left_edge.i]
    parts = _char_range(after if len(after) >= len(before) else before)
    if parts is None:
        return None
    return _Found("indirect", [parts], cue=_cue_span(verb), subject=_subject(verb))


def _according_to(token: Token) -> Token | None:
    to = next((c for c in token.children if c.lower_ == "to"), None)
    return next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None


def _according(token: Token) -> _Found | None:
    """'According to X, ...' / '..., according to X': the rest of the clause is the claim."""
    source = _according_to(token)
    head = token.head
    while head.dep_ not in ("ROOT", "ccomp", "conj") and head.head.i != head.i:
        head = head.head
    inside = {t.i for t in token.subtree}
    before = [t for t in head.subtree if t.i < token.i and t.i not in inside]
    after = [t for t in head.subtree if t.i > token.right_edge.i]
    tokens = after if len(after) >= len(before) else before
    parts = _char_range([t for t in tokens if not t.is_punct or t.text not in ",."])
    if parts is None or source is None:
        return None
    to = next(c for c in token.children if c.lower_ == "to")
    cue = (token.idx, to.idx + len(to.text))
    return _Found("indirect", [parts], cue=cue, subject=source)


def _hearsay(verb: Token) -> _Found | None:
    """'X is believed to ...' / 'it is said that ...': a claim without a named speaker."""
    complement = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp")), None)
    if complement is None or complement.i < verb.i:
        return None
    parts = _char_range(list(complement.subtree))
    if parts is None:
        return None
    return _Found("indirect", [parts], cue=_cue_span(verb))


def _char_range(tokens: list[Token]) -> tuple[int, int] | None:
    """Offsets from the first to the last token, trailing punctuation and quote marks dropped."""
    tokens = sorted(tokens, key=lambda t: t.i)
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space) and not _closes(tokens):
        tokens.pop()
    while tokens and (tokens[0].is_punct or tokens[0].is_space):
        tokens.pop(0)
    if len(tokens) < 3:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    text = text_of(tokens[0].doc)
    if text.count("“", start, end) > text.count("”", start, end) and text[end : end + 1] == "”":
        end += 1  # the closing mark the parser hung elsewhere: keep “...” balanced
    return start, end


def _closes(tokens: list[Token]) -> bool:
    """The last token closes a quote opened inside the range: keep it (“...”)."""
    last = tokens[-1].text
    return last in ("”", '"') and any(t.text in ("“", '"') for t in tokens[:-1])


def _mostly_quoted(part: tuple[int, int], quoted: list[tuple[int, int]]) -> bool:
    start, end = part
    covered = sum(max(0, min(end, b) - max(start, a)) for a, b in quoted)
    return covered > 0.5 * (end - start)


# --- speakers ------------------------------------------------------------------------------


def _resolve(
    found: list[_Found],
    doc: Doc,
    actors: ActorIndex,
    article: Article,
    lexicon: QuoteLexicon,
) -> list[Quote]:
    quotes: list[Quote] = []
    quoted = [part for item in found if item.kind == "direct" for part in item.parts]
    last: tuple[str | None, str | None] = (None, None)
    last_actor: str | None = None  # the latest named speaker, for 'he'/'she' cues
    last_pair: str | None = None  # the latest speaker named with another, for 'they' cues
    last_end = -1  # where the last quote (direct, or a cued indirect one) ended
    for item in found:
        speaker, text = _speaker(item, actors, lexicon, last_actor, quoted)
        if item.relayed is not None and _outlet(speaker, actors):
            relayed = _Found(item.kind, item.parts, subject=item.relayed)
            speaker, text = _speaker(relayed, actors, lexicon, last_actor, quoted)
        if item.inherit and _follows_paragraph(text_of(doc), last_end, item.start):
            speaker, text = last  # "..., Dalton says." then a paragraph of her words
        elif (
            last[0] is not None
            and _follows_paragraph(text_of(doc), last_end, item.start)
            and actors.get(last[0]).kind == "person"
            and (
                _pronoun_goes_on(item, doc, actors, speaker, last[0], last_end)
                or _title_goes_on(item, speaker, lexicon)
            )
        ):
            speaker = last[0]
        subject = item.subject
        if subject is not None and subject.lower_ == "they" and speaker is None:
            speaker = last_pair  # "said Reps. Cummings and Conyers. ... “...,” they said"
        if subject is not None and speaker is not None:
            # a pair of named speakers is filed under the first of them
            pair = any(c.dep_ == "conj" and c.pos_ == "PROPN" for c in subject.children)
            last_pair = speaker if pair else last_pair
        last_actor = speaker or last_actor
        end = max(item.parts[-1][1], item.cue[1] if item.cue else -1)
        # "..., according to the AP": the outlet relays; the last speaker goes on speaking
        counts = item.kind == "direct" or (
            item.cue is not None and not item.nominal and not _outlet(speaker, actors)
        )
        if counts and end >= last_end and (speaker is not None or text is not None):
            last, last_end = (speaker, text), end  # the quote that ends last speaks on
        quotes.extend(_quotes_of(item, article, speaker, text, len(quotes)))
    return quotes


def _pronoun_goes_on(
    item: _Found, doc: Doc, actors: ActorIndex, linked: str | None, last: str, last_end: int
) -> bool:
    """ "“...,” he said" right after someone else's quote: the last speaker goes on (news;
    measured on news-quotes dev +0.011, litbank dialogue -0.017), unless the quote's paragraph
    named the pronoun's own antecedent as a subject since ("... said Heisdorffer. ¶ Trump
    moved to ... He protested: “...”")."""
    subject = item.subject
    if subject is None or subject.lower_ not in PRONOUNS:
        return False
    since = max(last_end, _paragraph_start(doc, item.start))
    return _gender_fits(subject, actors.get(last)) and not _subject_between(
        doc, actors, linked, since, item.start
    )


def _title_goes_on(item: _Found, speaker: str | None, lexicon: QuoteLexicon) -> bool:
    """ "“...,” Engel said. ¶ The chairman added, “...”": a title nobody holds in the
    knowledge base, right after a person's quote, is that person; not a unique office ("the
    queen"), a speaker noun ("the official"), or a title naming a body ("the head of the Red
    Cross")."""
    subject = item.subject
    if speaker is not None or subject is None or subject.pos_ != "NOUN":
        return False
    lemma = subject.lemma_.lower()
    excluded = lexicon.unnamed_speakers | lexicon.media_nouns | lexicon.unique_offices
    return (
        _definite_noun(subject)
        and one_person_role(subject)  # not "the shipping company insisted"
        and lemma not in excluded
        and not any(t.pos_ == "PROPN" for t in subject.subtree)
    )


def _paragraph_start(doc: Doc, at: int) -> int:
    return max((s for s, _ in paragraphs(text_of(doc)) if s <= at), default=0)


def _subject_between(
    doc: Doc, actors: ActorIndex, actor_id: str | None, start: int, end: int
) -> bool:
    """Whether the actor is named (not a pronoun) as a clause subject between two offsets
    (the quote's own paragraph: "Trump moved to ... He protested on Twitter: “...”")."""
    if actor_id is None:
        return False
    return any(
        t.dep_ in ("nsubj", "nsubjpass") and t.pos_ != "PRON" and actors.actor_of(t) is not None
        and actors.get(actor_id) is actors.actor_of(t)
        for t in _tokens_between(doc, start, end) if start <= t.idx < end
    )  # fmt: skip


def _outlet(speaker: str | None, actors: ActorIndex) -> bool:
    return speaker is not None and actors.get(speaker).sector == "MED"


def _gender_fits(pronoun: Token, actor: Actor) -> bool:
    """Whether the actor's mentions ("Mr Novak", "she") show no gender other than the
    pronoun's."""
    wanted = MALE if pronoun.lower_ in MALE else FEMALE
    other = FEMALE if wanted is MALE else MALE
    firsts = {m.text.split()[0].lower() for m in actor.mentions if m.text.split()}
    given = given_name_gender(actor.name)
    return not firsts & other and given != ("f" if wanted is MALE else "m")


def _follows_paragraph(text: str, previous_end: int, start: int) -> bool:
    """The quote opens the paragraph right after the one where the last direct quote ended."""
    if previous_end < 0:
        return False
    return len(PARAGRAPH_BREAK.findall(text, previous_end, start)) <= 1


def _speaker(
    item: _Found,
    actors: ActorIndex,
    lexicon: QuoteLexicon,
    last_actor: str | None,
    quoted: list[tuple[int, int]],
) -> tuple[str | None, str | None]:
    subject = item.subject
    if subject is None:
        return None, item.speaker_text
    for token in _name_tokens(subject):
        actor = actors.actor_of(token)
        if actor is not None and token.lower_ in PRONOUNS and not _agrees(token, actor):
            continue  # 'he' linked to a place or a group: the fallback does better
        if actor is not None:
            mention = actors.mention_span(token)
            if mention is None or (len(mention) == 1 and token.pos_ == "NOUN"):
                return actor.id, _phrase(subject)  # 'editor' -> 'The Iran International editor'
            return actor.id, _trimmed(mention)
    text = _phrase(subject)
    if (state := _state_of_leader(subject, actors)) is not None:
        return state, text  # "Kim Jong Un's regime said": North Korea
    if subject.lower_ in PRONOUNS:
        found = _recent_subject(subject, actors, quoted, lexicon)
        return found or last_actor or _nearest_person(subject, actors, quoted), text
    if subject.lower_ == "it":
        return _recent_body(subject, actors, quoted), text
    if subject.lemma_.lower() in lexicon.media_nouns and _definite_noun(subject):
        # "the newspaper said", "the editorial argued": the owner named on that noun before
        # ("the Mueller report"), else the outlet named last
        found = _owner_before(subject, actors, quoted) or _recent_outlet(subject, actors, quoted)
        return found or _recent_body(subject, actors, quoted), text
    if subject.lemma_.lower() in lexicon.unnamed_speakers:
        own = [actors.actor_of(t) for t in subject.lefts]  # "an ICE spokesperson"
        # a person speaks through her own statement, not through her spokesman
        document = subject.lemma_.lower() in lexicon.document_nouns
        body = next((a for a in own if a is not None and (document or a.kind != "person")), None)
        body = body or _issuer(subject, actors)  # "A statement released by the White House"
        found = body.id if body else _affiliation(subject, actors)
        if found is None and _definite_noun(subject):
            found = (
                _owner_before(subject, actors, quoted)  # "the Mueller report" ... "the report"
                or _described_before(subject, actors)  # "The Elders, a group ..." ... "the group"
                or _recent_unnamed(subject, actors, quoted, lexicon)  # "the adviser said"
            )
        if found is None and _self_described(subject):
            return None, text  # "A former intelligence officer for Russia told ...": nobody's
        return found or _recent_body(subject, actors, quoted, owners=document), text
    if _definite_noun(subject) and subject.pos_ == "NOUN":
        return _described_before(subject, actors), text  # "the tour company said"
    return None, text


def _state_of_leader(subject: Token, actors: ActorIndex) -> str | None:
    """ "Kim Jong Un's regime", "the Assad government": the country of the person whose
    regime or government speaks, when the article names that country."""
    if subject.lemma_.lower() not in ("regime", "government"):
        return None
    for child in subject.lefts:
        leader = actors.actor_of(child) if child.dep_ in ("poss", "compound") else None
        if leader is None or leader.kind != "person" or not leader.country:
            continue
        return next(
            (a.id for a in actors.actors if a.kind == "country" and a.country == leader.country),
            None,
        )
    return None


def _looking_back(subject: Token, quoted: list[tuple[int, int]]) -> Iterator[Token]:
    """The tokens before ``subject`` (up to PRONOUN_LOOKBACK), nearest first, outside quotes."""
    for token in reversed(subject.doc[max(0, subject.i - PRONOUN_LOOKBACK) : subject.i]):
        if not any(a <= token.idx < b for a, b in quoted):
            yield token


def _owner_before(subject: Token, actors: ActorIndex, quoted: list[tuple[int, int]]) -> str | None:
    """ "As a result, the Mueller report's conclusion ... “...,” the report reads": the owner
    named on the same noun earlier ("<X>'s report", "<X> report"), outside quotes."""
    lemma = subject.lemma_
    for token in _looking_back(subject, quoted):
        if token.lemma_ != lemma:
            continue
        for child in token.children:
            owner = actors.actor_of(child) if child.dep_ in ("poss", "compound") else None
            if owner is not None:
                return owner.id
        if (issuer := _issuer(token, actors)) is not None:
            return issuer.id  # "A statement released by the White House ... the statement"
    return None


# verbs of putting out a document: "a statement released by", not "a group founded by"
ISSUING = frozenset(
    ["release", "issue", "publish", "send", "sign", "post", "write", "draft", "circulate",
     "distribute", "put", "deliver", "read", "file", "submit"]
)  # fmt: skip


def _issuer(noun: Token, actors: ActorIndex) -> Actor | None:
    """Who issued a document noun: "a statement from the ministry", "a report by the UN",
    "a statement released by the White House"."""
    issued = (c for c in noun.children if c.dep_ in ("acl", "relcl") and c.lemma_ in ISSUING)
    heads = [noun, *issued]
    for head in heads:
        for prep in head.children:
            if prep.dep_ not in ("prep", "agent") or prep.lower_ not in ("from", "by"):
                continue
            for obj in prep.children:
                actor = actors.actor_of(obj) if obj.dep_ == "pobj" else None
                if actor is not None:
                    return actor
    return None


def _recent_unnamed(
    subject: Token, actors: ActorIndex, quoted: list[tuple[int, int]], lexicon: QuoteLexicon
) -> str | None:
    """ "A senior White House official told Fox News ... “...,” the adviser said": the
    unnamed person introduced last (an actor named by a speaker noun; one named by the same
    noun first: "the official" is the last "official"), outside quotes."""
    unnamed: list[tuple[Actor, list[str]]] = []
    for token in _looking_back(subject, quoted):
        actor = actors.actor_of(token)
        if actor is None and token.lemma_ == subject.lemma_ and not unnamed:
            return None  # "An official reportedly accused ...": the official, of no body named
        if actor is None or actor.kind != "person":
            continue
        words = actor.name.lower().split()
        if any(word in lexicon.unnamed_speakers for word in words):
            unnamed.append((actor, words))
    same = [actor for actor, words in unnamed if subject.lemma_.lower() in words]
    found = same or [actor for actor, _ in unnamed]
    return found[0].id if found else None


def _recent_body(
    subject: Token, actors: ActorIndex, quoted: list[tuple[int, int]], *, owners: bool = False
) -> str | None:
    """ "it said", "a spokesperson said", "the statement said": the organisation (or country)
    that was last the subject of a clause, outside quotes, in this or the five sentences before
    (a quote of several sentences may stand between); for a document, with ``owners``, also
    a person's office or campaign ("Mueller's office said ... the filing said")."""
    doc = subject.doc
    sentences = [subject.sent]
    while len(sentences) < 6 and sentences[-1].start > 0:
        sentences.append(doc[sentences[-1].start - 1].sent)
    for sent in sentences:
        for token in reversed(list(sent)):
            if token.i >= subject.i or any(a <= token.idx < b for a, b in quoted):
                continue
            if token.dep_ not in ("nsubj", "nsubjpass"):
                continue
            for name in [token, *token.children]:
                actor = actors.actor_of(name)
                if actor is not None and actor.kind in ("organization", "country"):
                    return actor.id
                personal = owners and name.dep_ == "poss" and token.lemma_ in PERSONAL_BODIES
                if actor is not None and personal:
                    return actor.id  # a document: "Mueller's office said ... the filing said"
    return None


def _described_before(subject: Token, actors: ActorIndex) -> str | None:
    """ "Young Pioneer Tours, a China-based travel company, ... “...,” the tour company said":
    the actor an earlier apposition described with the same noun, anywhere before."""
    for token in reversed(subject.doc[: subject.i]):
        if token.lemma_ != subject.lemma_ or token.dep_ != "appos":
            continue
        if not apposed(token.head, token):
            return None  # "Sallah Ali, who was convicted ..., a source ... told AFP"
        for name in (token.head, *token.head.children):
            actor = actors.actor_of(name)
            if actor is not None and name.dep_ in ("compound", "flat") + (token.head.dep_,):
                return actor.id
    return None


# bodies that speak for the person who owns them: "Mueller's office", "Biden's campaign"
PERSONAL_BODIES = frozenset({"office", "campaign", "team", "administration", "government"})


def _self_described(noun: Token) -> bool:
    """An indefinite speaker noun that says whom it serves ("a former intelligence officer
    for Russia", "an analyst at the institute"): not the last organisation's spokesman."""
    indefinite = any(c.lower_ in ("a", "an") for c in noun.lefts)
    return indefinite and any(c.dep_ == "prep" and c.lower_ in ("for", "at") for c in noun.rights)


def _definite_noun(token: Token) -> bool:
    return any(c.lower_ in ("the", "this", "that") for c in token.lefts)


def _recent_outlet(subject: Token, actors: ActorIndex, quoted: list[tuple[int, int]]) -> str | None:
    """The news outlet named last before ``subject``, outside quotes."""
    for token in _looking_back(subject, quoted):
        actor = actors.actor_of(token)
        if actor is not None and actor.sector == "MED":
            return actor.id
    return None


def _recent_subject(
    subject: Token, actors: ActorIndex, quoted: list[tuple[int, int]], lexicon: QuoteLexicon
) -> str | None:
    """'He' the actor stage left open: the last person who was a main-clause or cue subject."""
    for token in _looking_back(subject, quoted):
        if token.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if token.head.dep_ != "ROOT" and not _is_reporting(token.head, lexicon.reporting_verbs):
            continue
        for name in _name_tokens(token):
            actor = actors.actor_of(name)
            if actor is not None and _agrees(subject, actor):
                return actor.id
    return None


def _nearest_person(
    subject: Token, actors: ActorIndex, quoted: list[tuple[int, int]]
) -> str | None:
    """'He said:' with nobody quoted yet: the last person named before, outside quotes and
    not a byline; with nobody before, the first person who speaks in the 60 words after its
    sentence ("... after she wrote on Facebook that ... ¶ Kathy Dettwyler, a professor, wrote")."""
    for token in _looking_back(subject, quoted):
        actor = actors.actor_of(token)
        if actor is not None and _agrees(subject, actor) and not _in_byline(token, actors):
            return actor.id
    verbs = load_lexicon().reporting_verbs
    after = subject.sent.end
    for token in subject.doc[after : after + 60]:
        actor = actors.actor_of(token)
        speaks = token.dep_ == "nsubj" and _is_reporting(token.head, verbs)
        if actor is not None and speaks and _agrees(subject, actor):
            return actor.id
    return None


def _in_byline(token: Token, actors: ActorIndex) -> bool:
    mention = actors.mention_span(token)
    return mention is not None and byline(token.doc, mention.start, mention.end)


def _agrees(pronoun: Token, actor: Actor) -> bool:
    """A he/she pronoun stands for a person. (Gender agreement from the actor's other
    mentions was tried and dropped: the mention lists are too noisy for it.)"""
    return actor.kind == "person"


def _trimmed(mention: TokenSpan) -> str:
    """A mention without a stray leading possessive or punctuation ('’s Patrick Wintour')."""
    tokens = list(mention)
    while len(tokens) > 1 and (tokens[0].dep_ == "case" or tokens[0].is_punct):
        tokens.pop(0)
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return text_of(mention.doc)[start:end]


def _name_tokens(subject: Token) -> list[Token]:
    """The subject head, then its name parts and appositions ('Patrick' of 'Patrick Wintour')."""
    # 'Her counterpart, Prime Minister Tomas Reinholt, said': the named apposition first
    # ... but a name keeps the floor ("Scott Adler, a scientist at the University of
    # Colorado, Boulder, said": not Boulder)
    appos = [c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    appos = appos if subject.ent_type_ != "PERSON" else []
    near = [c for c in subject.children if c.dep_ in ("compound", "flat", "appos")]
    # "Speaker of the Knesset Yuli Edelstein told reporters": the name the title ends in
    titled = [name] if (name := titled_name(subject)) is not None else []
    return [*titled, *appos, subject, *near]


def _phrase(subject: Token) -> str:
    """The speaker's noun phrase without relative clauses: 'one official', 'the parson'."""
    tokens = [t for t in subject.subtree if t.i <= subject.i]
    for child in subject.rights:
        if child.dep_ in ("compound", "flat", "prep") and len(list(child.subtree)) <= 4:
            tokens.extend(child.subtree)
    tokens.sort(key=lambda t: t.i)
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return text_of(subject.doc)[start:end]


def _affiliation(subject: Token, actors: ActorIndex) -> str | None:
    """An unnamed official speaks for the organisation or country subject of the sentence."""
    root = subject.sent.root
    for child in root.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            actor = actors.actor_of(child)
            if actor is not None and actor.kind in ("organization", "country"):
                return actor.id
    return None


def _quotes_of(
    item: _Found, article: Article, speaker: str | None, text: str | None, count: int
) -> list[Quote]:
    cue = Span.of(article.text, *item.cue) if item.cue else None
    out = []
    for index, (start, end) in enumerate(item.parts):
        out.append(
            Quote(
                id=f"Q{count + index + 1}",
                kind="direct" if item.kind == "direct" else "indirect",
                content=Span.of(article.text, start, end),
                cue=cue,
                speaker=speaker,
                speaker_text=text,
                continues=index < len(item.parts) - 1,
            )
        )
    return out
