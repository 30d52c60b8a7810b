"""Stage 3: who is who in one article (issue 3).

``ActorResolver`` builds its phrase matchers and loads the knowledge base once; ``resolve``
turns one parsed article into an ``ActorIndex``. Knowledge-base matches win over the small
model's NER labels (it tags "Soleimani" as a place); names the knowledge base does not know are
resolved from their own words ("former Iranian diplomat Hossein Rassam" -> IRN, former).
Coreference (pronouns, "the two nations", "the country") is in coref.py.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import spacy
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.util import filter_spans

from flashpoint.actors import context
from flashpoint.actors.coref import given_name_gender, link_office_holders, resolve_references
from flashpoint.actors.draft import Draft, Hit, Resolution
from flashpoint.actors.index import ActorIndex
from flashpoint.actors.kb import KnowledgeBase
from flashpoint.actors.places import CityIndex
from flashpoint.actors.roles import place_titled_people, resolve_roles
from flashpoint.models import Article
from flashpoint.settings import Settings

COUNTRY_FORMS = frozenset({"name", "short", "adj", "people", "capital"})
NER_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})


@dataclass
class ActorResolver:
    """Resolves the actors of one article at a time; build once per process."""

    settings: Settings | None = None
    kb: KnowledgeBase = field(default_factory=KnowledgeBase.load)

    def __post_init__(self) -> None:
        nlp = spacy.blank("en")  # only the tokenizer, to turn aliases into patterns
        self._exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._alias_of: dict[int, str] = {}
        for alias in self.kb.aliases:
            key = nlp.vocab.strings.add(alias)
            self._alias_of[key] = alias
            pattern = [nlp.make_doc(alias)]
            self._exact.add(alias, pattern)
            if self._case_free(alias):
                self._lower.add(alias, pattern)
        self.cities = CityIndex()

    def _case_free(self, alias: str) -> bool:
        # Multi-word names of places and bodies also match in lower case ("Persian gulf");
        # single words, people's names and "the ..." forms must match exactly ("US" is not
        # "us", "the West" is not "the west of the country").
        kinds = {e.kind for e in self.kb.lookup(alias)}
        return " " in alias and "person" not in kinds and not alias.startswith("the ")

    def resolve(self, doc: Doc, article: Article) -> ActorIndex:
        """Every actor and place of one article, with every mention (issue 3)."""
        _ensure_sentences(doc)
        state = Resolution(doc=doc, article=article, kb=self.kb, cities=self.cities)
        hits = _outside_person_names(doc, self.hits(doc, day=article.published))
        _resolve_people(state, hits)
        _bare_surnames(state)
        _resolve_ner(state, hits)
        for hit in hits:
            if not state.claimed(hit.start, hit.end):
                _resolve_hit(state, hit)
        resolve_references(state)
        resolve_roles(state)
        link_office_holders(state)
        place_titled_people(state)
        return state.build()

    def hits(self, doc: Doc, *, day: dt.date | None) -> list[Hit]:
        """Knowledge-base matches, longest first, one entry each (chosen as of ``day``)."""
        found = [*self._exact(doc), *self._lower(doc)]
        spans = filter_spans([doc[s:e] for _, s, e in found])
        keep = {(s.start, s.end) for s in spans}
        hits: dict[tuple[int, int], Hit] = {}
        for match_id, start, end in sorted(found, key=lambda m: (m[1], m[2])):
            if (start, end) not in keep or (start, end) in hits or _shouting(doc, start, end):
                continue
            entries = self.kb.lookup(self._alias_of[match_id])
            hits[(start, end)] = Hit(start, end, self.kb.choose(entries, day))
        return list(hits.values())


def _outside_person_names(doc: Doc, hits: list[Hit]) -> list[Hit]:
    """Drop place and country matches that are part of a longer person's name: "Sofia" in
    "Foreign Minister Sofia Marquez" is a first name, not Bulgaria."""
    people = [(e.start, e.end) for e in doc.ents if e.label_ == "PERSON" and len(e) > 1]

    def inside(hit: Hit) -> bool:
        kind = hit.entry.kind if hit.entry is not None else None
        if kind == "person":
            return _someone_else(doc, hit, people)
        return kind in ("country", "region") and any(
            s <= hit.start and hit.end <= e and (s, e) != (hit.start, hit.end) for s, e in people
        )

    return [hit for hit in hits if not inside(hit)]


def _someone_else(doc: Doc, hit: Hit, people: list[tuple[int, int]]) -> bool:
    """A known surname inside a longer name with another first name: "Trump" in "Ivanka
    Trump" is not Donald Trump (titles and honorifics before the surname do not count)."""
    assert hit.entry is not None
    if hit.end - hit.start != 1:
        return False
    first_names = {name.split()[0].lower() for name in (hit.entry.name,) if " " in name}
    previous = doc[hit.start - 1] if hit.start > 0 else None
    if (
        previous is not None
        and previous.pos_ == "PROPN"
        and previous.is_title
        and previous.lower_ not in first_names | context.HONORIFICS
        and not _titled(previous)
    ):
        return True  # "Ivanka Trump" where the model saw no PERSON entity
    for start, end in people:
        if not (start <= hit.start and hit.end <= end) or (start, end) == (hit.start, hit.end):
            continue
        before = [t for t in doc[start : hit.start] if t.is_alpha and t.is_title]
        named = [t for t in before if t.lower_ not in context.HONORIFICS and not _titled(t)]
        if named and named[-1].lower_ not in first_names:
            return True
    return False


def _titled(token: Token) -> bool:
    return token.lemma_.lower() in _ROLE_WORDS


_ROLE_WORDS = frozenset(
    ("president", "minister", "senator", "sen", "rep", "representative", "governor", "gov",
     "secretary", "general", "gen", "chancellor", "king", "queen", "prince", "pope", "judge",
     "speaker", "leader", "chairman", "director", "ambassador", "vice", "prime", "premier")
)  # fmt: skip


def _ensure_sentences(doc: Doc) -> None:
    # A doc from a blank pipeline (tests, tokenizer-only use) has no sentence boundaries;
    # the whole doc is then one sentence, and only knowledge-base matching really applies.
    if len(doc) and not doc.has_annotation("SENT_START"):
        doc[0].is_sent_start = True
        for token in doc[1:]:
            token.is_sent_start = False


def _shouting(doc: Doc, start: int, end: int) -> bool:
    """An all-caps alias inside an all-caps line ("WHY THE US IS ...") is not a name."""
    if not doc[start:end].text.isupper():
        return False
    around = [doc[i] for i in (start - 1, end) if 0 <= i < len(doc) and doc[i].is_alpha]
    return any(t.text.isupper() and len(t) > 1 for t in around)


def _resolve_people(state: Resolution, hits: list[Hit]) -> None:
    """People first, so that their descriptors ("Russian President") are not separate actors."""
    people = [h for h in hits if h.entry is not None and h.entry.kind == "person"]
    people += _ner_people(state, hits)
    for hit in sorted(people, key=lambda h: h.start):
        _person(state, hits, hit)


SUFFIXES = frozenset({"jr.", "jr", "sr.", "sr", "iii", "ii", "iv"})


def _bare_surnames(state: Resolution) -> None:
    """ "May told parliament" after "Theresa May": a person's surname alone, as the subject
    of a verb or an owner ("Sasse's statement"), is that person even where the model reads a
    month, an organisation or nothing at all."""
    surnames: dict[str, Draft] = {}
    for draft in state.drafts.values():
        parts = draft.name.split()
        if draft.kind == "person" and len(parts) > 1:
            for part in parts[1:]:  # a double surname: "Carlos Ruiz Ortega" ... "Ruiz says"
                if part[:1].isupper() and len(part) > 2 and part.lower() not in SUFFIXES:
                    surnames.setdefault(part, draft)
    for token in state.doc:
        person = surnames.get(token.text)
        if person is None or token.i in state.token_key:
            continue
        # a subject, or an owner: "Sasse's statement read"
        subject = token.dep_ in context.SUBJECTS | {"poss"} or context.conjoined_subject(token)
        if not subject and not context.misread_modal(token):
            continue
        if any(start <= token.i for start, _ in person.spans):
            state.mention(person, token.i, token.i + 1)


def _ner_people(state: Resolution, hits: list[Hit]) -> list[Hit]:
    found = []
    for ent in state.doc.ents:
        start, end = _trim(state.doc, ent.start, ent.end)
        if ent.label_ == "ORG" and end - start >= 3:
            start = end - 2  # "the Assembly Daniel Varga": an institution, then a person
            if given_name_gender(state.doc[start:end].text) is None:
                continue
            if not context.proper_name(state.doc[start:end]):
                continue
        elif ent.label_ != "PERSON" or _country_abbreviation(state, start, end):
            continue
        if start >= end or _overlaps(hits, start, end):
            continue
        if _junk(state.doc, start, end, acronym=False):
            continue
        entries = state.kb.lookup(state.doc[start:end].text)
        entry = state.kb.choose(entries, state.day) if entries else None
        found.append(Hit(start, end, entry))
    found += [h for h in _unlabelled_people(state, hits) if not _overlaps(found, h.start, h.end)]
    return found


def _country_abbreviation(state: Resolution, start: int, end: int) -> bool:
    """ "U.S. Border" (of "U.S. Border Patrol agents") is no person: a country's abbreviation
    is never part of a name (unlike "Jordan" or the initials of "J.B. Pritzker")."""
    return any(
        (token.text.isupper() or "." in token.text)
        and any(e.kind == "country" for e in state.kb.lookup(token.text))
        for token in state.doc[start:end]
    )


def _unlabelled_people(state: Resolution, hits: list[Hit]) -> list[Hit]:
    """Names the small model misses after a newspaper or a role: "The Guardian's Patrick Wintour"."""
    doc = state.doc
    found = _titled_names(state, hits)
    for start, end in _proper_runs(doc):
        if end - start > 3:
            # "House Democratic Whip Steny Hoyer": the name after the last title word
            roles = [i for i in range(start, end - 2) if context.one_person_role(doc[i])]
            if roles and 2 <= end - roles[-1] - 1 <= 3:
                start = roles[-1] + 1
                if not _overlaps(hits, start, end):
                    found.append(Hit(start, end, None))
            continue
        before = doc[start - 1] if start > 0 else None
        if _overlaps(hits, start, end):
            continue
        if _described_speaker(state, doc[end - 1]):
            # "Helle Merete Brix, one of the organizers,"; "François-Bernard" whole
            hyphened = start > 1 and doc[start - 1].text == "-" and doc[start - 2].is_title
            found.append(Hit(start - 2 if hyphened else start, end, None))
            continue
        honorific = doc[start].lower_ in context.HONORIFICS
        # "Mr Reinholt", missed by the model; not "Lord Mayor"
        if honorific and not context.one_person_role(doc[end - 1]):
            found.append(Hit(start, end, None))
            continue
        lead = state.kb.role(doc[start].lemma_.lower())
        if lead is not None and lead[1] and end - start >= 3:  # "President Amara Diallo"
            found.append(Hit(start + 1, end, None))
            continue
        if before is None:
            continue
        owner = next((h.entry for h in hits if h.end == before.i and h.entry is not None), None)
        by_paper = before.tag_ == "POS" and owner is not None and owner.sector == "MED"
        role = state.kb.role(before.lemma_)
        # "President Amara Diallo": the small model calls the name an ORG
        titled = role is not None and role[1] and before.pos_ in ("NOUN", "PROPN")
        if by_paper or titled:
            found.append(Hit(start, end, None))
    return found


def _titled_names(state: Resolution, hits: list[Hit]) -> list[Hit]:
    """The name a title phrase ends in ("Vice Minister of the Foreign Ministry, Choe Son Hui";
    "Speaker of the Knesset Yuli Edelstein"): its last two capitalised words (three with a
    middle initial), or the whole apposition."""
    found: list[Hit] = []
    for token in state.doc:
        if token.pos_ not in ("NOUN", "PROPN"):
            continue
        name = context.titled_name(token)
        if name is None:
            continue
        if name.dep_ == "appos":
            start = min(t.i for t in name.subtree if t.i <= name.i)
        else:
            start = name.i - 1
            if state.doc[start].text.endswith(".") and start > 0:
                start -= 1  # "Edward R. Royce"
        end = name.i + 1
        words = state.doc[start:end]
        # the model calls an apposed name anything ("Panos Kammenos" a GPE); after a title
        # and its institution, a name it calls an organisation must start with a given name
        # ("the Assembly Jonas Varga", not "the U.S. Pacific Air Forces")
        given = given_name_gender(words.text) is not None
        labels = ("", "PERSON", "ORG", "GPE") if name.dep_ == "appos" or given else ("", "PERSON")
        if name.ent_type_ not in labels:
            continue
        if context.proper_name(words) and not _overlaps([*hits, *found], start, end):
            found.append(Hit(start, end, None))
    return found


SPEECH = frozenset(("say", "tell", "add", "explain", "write", "note", "warn", "argue"))


def _described_speaker(state: Resolution, head: Token) -> bool:
    """A name with an apposition that the model left untagged or called an organisation, when
    it speaks or the apposition is a person's role ("François-Bernard Huyghe, a senior
    researcher at the French Institute ..., says")."""
    if head.ent_type_ not in ("", "ORG", "PERSON"):
        return False
    appos = [c for c in head.children if c.dep_ == "appos"]
    # "Vasily Nebenzya, Russian ambassador to the U.N., said": the parser may make the
    # role a conjunct of the name
    conj = [c for c in head.children if c.dep_ == "conj" and context.apposed(head, c)]
    role = any(context.one_person_role(c) for c in appos + conj)
    speaks = head.dep_ == "nsubj" and head.head.lemma_.lower() in SPEECH
    return role or (speaks and bool(appos) and not head.ent_type_)


def _proper_runs(doc: Doc) -> list[tuple[int, int]]:
    """Runs of two or more capitalised proper nouns."""
    runs, start = [], None
    for token in [*doc, None]:
        proper = token is not None and token.pos_ == "PROPN" and token.text.istitle()
        if proper and start is None:
            start = token.i
        elif not proper and start is not None:
            end = token.i if token is not None else len(doc)
            if end - start >= 2:
                runs.append((start, end))
            start = None
    return runs


def _person(state: Resolution, hits: list[Hit], hit: Hit) -> None:
    doc = state.doc
    begin = context.descriptor_start(doc, hit.start, hit.end)
    if state.claimed(begin, hit.end):
        begin = hit.start
    inner = [h for h in hits if begin <= h.start and h.end <= hit.start]
    clause = context.clause_after(doc, hit.end)
    around = [h for h in hits if clause[0] <= h.start and h.end <= clause[1]]
    draft = state.person_draft(hit, begin=begin, inner=inner, around=around, clause=clause)
    for owner in inner:  # "The Guardian's X": the newspaper stays an actor of its own
        if owner.entry is not None and owner.entry.kind in ("organization", "group"):
            state.mention(state.entry_draft(owner.entry), owner.start, owner.end)
    state.mention(draft, begin, hit.end)


def _resolve_ner(state: Resolution, hits: list[Hit]) -> None:
    """Organisations and places the knowledge base does not know, from the NER labels."""
    for ent in state.doc.ents:
        start, end = _trim(state.doc, ent.start, ent.end)
        text = state.doc[start:end].text if start < end else ""
        if ent.label_ not in NER_LABELS or not text or _junk(state.doc, start, end):
            continue
        if state.claimed(start, end) or _overlaps(hits, start, end, strict=True):
            continue
        inner = [h for h in hits if start <= h.start and h.end <= end]
        if ent.label_ == "ORG" and all(h.entry.form in COUNTRY_FORMS for h in inner if h.entry):
            state.organization(text, start, end, inner)
        elif ent.label_ in ("GPE", "LOC", "FAC") and not inner:
            state.place_from_ner(text, start, end, label=ent.label_)


def _resolve_hit(state: Resolution, hit: Hit) -> None:
    entry = hit.entry
    assert entry is not None
    doc = state.doc
    if entry.kind == "region":
        state.place(hit.start, hit.end, entry)
    elif entry.kind == "country" and entry.form in COUNTRY_FORMS:
        if context.is_locative(doc[hit.end - 1]):
            state.place(hit.start, hit.end, entry)
            state.located_role(hit)
        elif not state.role_actor(hit):
            state.mention(state.entry_draft(entry), hit.start, hit.end)
    else:
        state.mention(state.entry_draft(entry), hit.start, hit.end)


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop a possessive or a leading article from an entity ("Trump’s", "the Pentagon")."""
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].text in ("’", "'", "’s")):
        end -= 1
    return start, end


def _junk(doc: Doc, start: int, end: int, *, acronym: bool = True) -> bool:
    """Teaser words and headline labels that must never be actors (issue 3): words in capitals
    ("EXPLAINED: Why ...", "BREAKING NEWS"), but not a one-word acronym ("AIPAC said") when
    an ``acronym`` may name the actor (an organisation may; a person may not: "MASSOB")."""
    text = doc[start:end].text
    letters = text.replace(" ", "")
    one_word = end - start == 1 and acronym
    if letters.isupper() and len(letters) > 4 and (not one_word or _teaser(doc, start)):
        return True
    return any(c.isdigit() for c in text) or text.lower().startswith("world war")


def _teaser(doc: Doc, at: int) -> bool:
    """A capitalised label word: followed by a colon, or a verb form ("EXPLAINED", "WATCH")."""
    after = doc[at + 1].text if at + 1 < len(doc) else ""
    if after in (":", "|") or doc[at].lower_.endswith(("ed", "ing")) or doc[at].pos_ == "VERB":
        return True
    # a word of a run in capitals ("WHITE FLASH", "RUSSIAN PRESIDENT"), not an acronym
    around = [doc[i] for i in (at - 1, at + 1) if 0 <= i < len(doc)]
    return any(t.is_alpha and t.is_upper and len(t) > 1 for t in around)


def _overlaps(hits: list[Hit], start: int, end: int, *, strict: bool = False) -> bool:
    """Whether a span overlaps a hit; with ``strict``, only partly (not containing it)."""
    for hit in hits:
        if not (hit.start < end and start < hit.end):
            continue
        inside = start <= hit.start and hit.end <= end and (hit.start, hit.end) != (start, end)
        if not strict or not inside:
            return True
    return False


__all__ = ["ActorResolver", "Draft"]
