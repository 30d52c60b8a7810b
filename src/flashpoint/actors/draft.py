"""The actor stage's working state for one article: draft actors, claimed tokens, places.

``Resolution`` collects mentions as token spans under a stable key (a knowledge-base id, or
a key made from the name) and ``build`` numbers the actors A1, A2 ... in order of first mention.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from flashpoint.actors import context
from flashpoint.actors.index import ActorIndex, Place
from flashpoint.actors.kb import Entry, KnowledgeBase
from flashpoint.actors.places import CityIndex
from flashpoint.models import Actor, Article, Span
from flashpoint.nlp.text import text_of

RANK = {"person": 0, "organization": 1, "group": 2, "country": 3}


@dataclass
class Hit:
    """A knowledge-base match (or an NER person the knowledge base does not know)."""

    start: int
    end: int
    entry: Entry | None


@dataclass
class Draft:
    key: str
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    former: bool = False
    description: str | None = None
    kb_id: str | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)

    def fill(self, *, country: str | None, sector: str | None, former: bool) -> None:
        """Add what a later mention says, never overriding what an earlier one said."""
        self.country = self.country or country
        self.sector = self.sector or sector
        self.former = self.former or former


@dataclass
class Resolution:
    doc: Doc
    article: Article
    kb: KnowledgeBase
    cities: CityIndex
    drafts: dict[str, Draft] = field(default_factory=dict)
    token_key: dict[int, str] = field(default_factory=dict)
    groups: dict[int, list[str]] = field(default_factory=dict)
    places: list[Place] = field(default_factory=list)
    token_place: dict[int, int] = field(default_factory=dict)
    # every mention of a country, as an actor or a place, for "the two nations"
    country_seq: list[tuple[int, str]] = field(default_factory=list)

    @property
    def day(self) -> dt.date | None:
        return self.article.published

    def claimed(self, start: int, end: int) -> bool:
        return any(i in self.token_key or i in self.token_place for i in range(start, end))

    def mention(self, draft: Draft, start: int, end: int) -> None:
        """Record a mention; tokens already claimed by another actor keep their actor."""
        self.drafts.setdefault(draft.key, draft)
        draft.spans.append((start, end))
        for i in range(start, end):
            self.token_key.setdefault(i, draft.key)
        if draft.kind == "country" and draft.country:
            self.country_seq.append((start, draft.country))

    def draft(self, key: str, **fields: object) -> Draft:
        if key not in self.drafts:
            self.drafts[key] = Draft(key=key, **fields)  # type: ignore[arg-type]
        return self.drafts[key]

    def country_draft(self, code: str) -> Draft:
        country = self.kb.country(code)
        name = country.name if country else code
        return self.draft(f"country:{code}", name=name, kind="country", country=code,
                          kb_id=f"country:{code}")  # fmt: skip

    def entry_draft(self, entry: Entry) -> Draft:
        """The draft of a knowledge-base entry that is not a person."""
        if entry.kind == "country" and not entry.sector:
            return self.country_draft(entry.code or "")
        kind = entry.kind if entry.kind in RANK else "organization"
        country = entry.code if entry.form == "seat" else entry.code or entry.country
        return self.draft(entry.id, name=entry.name, kind=kind, country=country,
                          sector=entry.sector, kb_id=entry.id)  # fmt: skip

    def person_draft(
        self, hit: Hit, *, begin: int, inner: list[Hit], around: list[Hit],
        clause: tuple[int, int],
    ) -> Draft:  # fmt: skip
        """A person, known or not, with what the descriptor and the clause after it say."""
        doc = self.doc
        words = [t for t in doc[begin : hit.start]]
        clause_words = [t for t in doc[clause[0] : clause[1]]]
        former = context.has_former(words) or context.has_former(clause_words)
        description = context.strip_honorifics(doc, begin, hit.start)
        if hit.entry is not None:
            return self._known_person(hit.entry, former=former, description=description)
        draft = self._unknown_person(doc[hit.start : hit.end].text)
        country, sector = self._affiliation(words, inner)
        if country is None:
            country, sector = self._affiliation(clause_words, around, sector=sector)
        draft.fill(country=country, sector=sector, former=former)
        # "Andrea Kendall-Taylor, who used to work at ..." : the clause is the description
        if description is None and clause_words and (former or around):
            description = doc[clause[0] : clause[1]].text
        draft.description = draft.description or description
        return draft

    def _known_person(self, entry: Entry, *, former: bool, description: str | None) -> Draft:
        status = self.kb.status(entry, self.day)
        if entry.id not in self.drafts:
            title = status.title and (("former " if status.former else "") + status.title)
            self.draft(entry.id, name=entry.name, kind="person", country=status.code,
                       sector=status.sector, former=status.former, kb_id=entry.id,
                       description=description or title)  # fmt: skip
        draft = self.drafts[entry.id]
        if description and draft.description and not _from_text(draft, self.doc):
            draft.description = description
        draft.former = draft.former or (former and status.sector is None)
        return draft

    def _unknown_person(self, name: str) -> Draft:
        # "Mr Rassam" is the Hossein Rassam met before: same surname, same actor (issue 3).
        for draft in self.drafts.values():
            if draft.kind == "person" and _same_surname(name.split(), draft.name.split()):
                if len(name) > len(draft.name):
                    draft.name = name
                return draft
        return self.draft("person:" + name.lower(), name=name, kind="person")

    def _affiliation(
        self, words: list[Token], hits: list[Hit], *, sector: str | None = None
    ) -> tuple[str | None, str | None]:
        """Country and sector from descriptor words and the entries named among them."""
        sector = sector or self.role_sector(words)
        for hit in hits:
            entry = hit.entry
            if entry is None or entry.kind in ("person", "region"):
                continue
            code = entry.code if entry.kind == "country" else entry.country or entry.code
            if entry.sector == "IGO":  # "Arab League Secretary General X" speaks for the IGO
                return entry.code or code, "IGO"
            return code, sector or entry.sector
        return None, sector

    def role_sector(self, words: list[Token]) -> str | None:
        """The sector of the last role noun among these words ("former Iranian diplomat")."""
        for i in range(len(words) - 1, -1, -1):
            for phrase in _phrases(words, i):
                role = self.kb.role(phrase)
                if role:
                    return role[0]
        return None

    def role_actor(self, hit: Hit) -> bool:
        """A country word modifying a role noun is an unnamed actor: "a senior US official"."""
        assert hit.entry is not None
        head = _modified_noun(self.doc[hit.end - 1])
        role = self.role_of(head) if head is not None else None
        if head is None or role is None:
            return False
        owner = self.drafts.get(self.token_key.get(head.i, ""))
        if owner is not None and not owner.key.startswith("role:"):
            return False
        code = hit.entry.code or ""
        if (person := self.titled_person(head)) is not None:
            person.fill(country=code or None, sector=role[0], former=False)
        draft = (
            person
            or self._definite_person(head, code, role[0])
            or self.role_draft(head, code, role)
        )
        for start, end in _role_spans(hit, head):
            self.mention(draft, start, end)
        return True

    def located_role(self, hit: Hit) -> None:
        """ "Rebels in the Ivory Coast": a collective role noun located in a country, with no
        owner of its own ("its forces in Lebanon", "US troops in Iraq"), is of that country."""
        assert hit.entry is not None
        token = self.doc[hit.end - 1]
        while token.dep_ == "conj" and token.head is not token:
            token = token.head
        noun = token.head.head
        if token.head.lower_ != "in" or noun.pos_ != "NOUN" or noun.i in self.token_key:
            return
        if any(c.dep_ == "poss" or c.i in self.token_key for c in noun.lefts):
            return
        role = self.role_of(noun)
        if role is None or (role[1] and noun.tag_ == "NN"):
            return
        draft = self.role_draft(noun, hit.entry.code or "", role)
        self.mention(draft, _left_modifiers(noun), noun.i + 1)

    def titled_person(self, head: Token) -> Draft | None:
        """The named person a title phrase ends in ("U.S. ambassador to the United Nations
        Nikki Haley") or describes ("Frank Jensen, Lord Mayor of Copenhagen"): the title is
        that person's mention, not an unnamed official."""
        name = context.titled_name(head)
        if name is None and head.dep_ == "appos" and context.apposed(head.head, head):
            name = head.head  # "Frank Jensen, Lord Mayor of Copenhagen, said"
        draft = self.drafts.get(self.token_key.get(name.i, "")) if name is not None else None
        return draft if _named_person(draft) else self._person_after(head)

    def _person_after(self, head: Token) -> Draft | None:
        """The person named right after a title the parser did not join to the name:
        "Saudi Foreign Minister Adel al-Jubeir - infuriated ... - said", "Ukraine's
        ambassador to the United States, Valeriy Chaly, said" (over an office's place, and a
        comma only before an apposition: not "he met the ambassador, Trump said")."""
        role = self.role_of(head)
        if role is None or not role[1] or head.tag_ in ("NNS", "NNPS"):
            return None  # "its troops to President X", "the parliament, X": not X's title
        comma = False
        for token in head.doc[head.i + 1 : head.i + 9]:
            draft = self.drafts.get(self.token_key.get(token.i, ""))
            if _named_person(draft):
                return draft if not comma or token.head.dep_ == "appos" else None
            if token.text == ",":
                comma = True
            elif not (
                token.lower_ in context.OFFICE_PREPS
                or token.pos_ == "DET"
                or token.i in self.token_place
                or (token.pos_ == "PROPN" and token.ent_type_ != "PERSON")  # "the United States"
            ):
                return None
        return None

    def role_of(self, head: Token) -> tuple[str, bool] | None:
        left = [c for c in head.lefts if c.dep_ in ("compound", "amod")]
        if left and (role := self.kb.role(f"{left[-1].lower_} {head.lemma_.lower()}")):
            return role
        return self.kb.role(head.lemma_.lower())

    def role_draft(self, head: Token, code: str | None, role: tuple[str, bool]) -> Draft:
        """An unnamed role actor ("Kenyan police"); ``code`` None when nothing places it."""
        sector, one_person = role
        plural = head.tag_ in ("NNS", "NNPS")
        kind = "group" if plural else ("person" if one_person else "organization")
        former = context.has_former(list(head.lefts))
        key = f"role:{code or ''}:{sector}:{head.lemma_.lower()}:{former}"
        name = " ".join(self.doc[_left_modifiers(head) : head.i + 1].text.split())
        return self.draft(key, name=name, kind=kind, country=code or None, sector=sector,
                          former=former,
                          description=name)  # fmt: skip

    def _definite_person(self, head: Token, code: str, sector: str) -> Draft | None:
        """ "the US leader" after "Mr Trump" is Mr Trump: same country and sector, close by."""
        if not any(c.lower_ == "the" for c in head.lefts) or head.tag_ != "NN":
            return None
        sent_start = max(0, head.sent.start - 1)
        window = self.doc[sent_start].sent.start
        for key in reversed([self.token_key.get(i) for i in range(window, head.i)]):
            draft = self.drafts.get(key or "")
            if draft and draft.kind == "person" and (draft.country, draft.sector) == (code, sector):
                return draft
        return None

    def organization(self, text: str, start: int, end: int, inner: list[Hit]) -> None:
        """An organisation the knowledge base does not know ("Serbian Workers' Union")."""
        name = text[4:] if text.lower().startswith("the ") else text
        codes = [h.entry.code for h in inner if h.entry is not None]
        sector = self.role_sector(list(self.doc[start:end]))
        draft = self.draft("org:" + name.lower(), name=name, kind="organization",
                           country=codes[0] if codes else None, sector=sector)  # fmt: skip
        self.mention(draft, start, end)

    def place(self, start: int, end: int, entry: Entry) -> None:
        text = self.doc[start:end].text
        kind = {"region": "region", "capital": "city"}.get(entry.kind, "country")
        kind = "city" if entry.form == "capital" else kind
        name = text if kind == "city" else entry.name
        self._add_place(start, end, Place(self.doc[start].idx, self._end_char(end), text, name,
                                          kind, entry.code, entry.lat, entry.lon))  # fmt: skip
        if entry.kind == "country" and entry.code:
            self.country_seq.append((start, entry.code))

    def place_from_ner(self, text: str, start: int, end: int, *, label: str) -> None:
        name = text[4:] if text.lower().startswith("the ") else text
        city = self.cities.get(name) if label != "LOC" else None
        if city is not None:
            place = Place(self.doc[start].idx, self._end_char(end), text, name, "city", *city)
        else:
            place = Place(self.doc[start].idx, self._end_char(end), text, name, "region")
        self._add_place(start, end, place)

    def _add_place(self, start: int, end: int, place: Place) -> None:
        self.places.append(place)
        for i in range(start, end):
            self.token_place.setdefault(i, len(self.places) - 1)

    def _end_char(self, end: int) -> int:
        last = self.doc[end - 1]
        return last.idx + len(last.text)

    def build(self) -> ActorIndex:
        self._merge_short_forms()
        drafts = sorted((d for d in self.drafts.values() if d.spans), key=lambda d: min(d.spans))
        ids = {d.key: f"A{n}" for n, d in enumerate(drafts, start=1)}
        actors = [self._actor(ids[d.key], d) for d in drafts]
        return ActorIndex(
            doc=self.doc,
            actors=actors,
            token_actor={i: ids[k] for i, k in self.token_key.items() if k in ids},
            token_group={i: [ids[k] for k in keys if k in ids] for i, keys in self.groups.items()},
            places=self.places,
            token_place=self.token_place,
        )

    def _merge_short_forms(self) -> None:
        """ "the Post" after "The Washington Post", "the Commission" after "the European
        Commission": an organisation the knowledge base does not know, named by the last
        words of exactly one other organisation of the article, is that organisation."""
        orgs = [d for d in self.drafts.values() if d.kind == "organization" and d.spans]
        for short in orgs:
            if short.kb_id is not None:
                continue
            longer = [o for o in orgs if o is not short and _ends_with(o.name, short.name)]
            if len(longer) != 1:
                continue
            (full,) = longer
            full.spans.extend(short.spans)
            for i, key in self.token_key.items():
                if key == short.key:
                    self.token_key[i] = full.key
            for keys in self.groups.values():
                keys[:] = [full.key if k == short.key else k for k in keys]
            short.spans.clear()

    def _actor(self, actor_id: str, draft: Draft) -> Actor:
        text = self.article.text
        spans = sorted(set(draft.spans))
        mentions = [Span.of(text, self.doc[s].idx, self._end_char(e)) for s, e in spans]
        return Actor(
            id=actor_id, name=draft.name, kind=draft.kind,  # type: ignore[arg-type]
            country=draft.country, sector=draft.sector, former=draft.former,
            description=draft.description, mentions=mentions, kb_id=draft.kb_id,
        )  # fmt: skip


def _named_person(draft: Draft | None) -> bool:
    """A person with a name, not an unnamed role actor ("the ambassador")."""
    return draft is not None and draft.kind == "person" and not draft.key.startswith("role:")


def _ends_with(name: str, short: str) -> bool:
    """ "The Washington Post" ends with the words "Post"; "Postal Service" does not."""
    words, tail = name.split(), short.split()
    return 0 < len(tail) < len(words) and words[-len(tail) :] == tail


def _same_surname(one: list[str], other: list[str]) -> bool:
    """ "Rassam" / "Hossein Rassam"; a double surname too: "Alzugaray" is "Carlos Alzugaray
    Treto" (a lone word matches any part of the other name but its first, the given name)."""
    if not one or not other:
        return False
    if one[-1] == other[-1]:  # but "Melania Trump" is not "Donald Trump"
        return len(one) == 1 or len(other) == 1 or _same_given(one[0], other[0])
    return (len(one) == 1 and one[0] in other[1:]) or (len(other) == 1 and other[0] in one[1:])


def _same_given(one: str, other: str) -> bool:
    """Given names that can be the same person's: equal, an initial ("J." / "John"), or a
    title in place of one ("Ms Marquez", "Sen. Paul")."""
    if any(
        w.lower() in context.HONORIFICS or (w.endswith(".") and len(w) > 2) for w in (one, other)
    ):
        return True
    a, b = one.rstrip(".").lower(), other.rstrip(".").lower()
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def _from_text(draft: Draft, doc: Doc) -> bool:
    """Whether a draft's description was read from the article rather than the KB title."""
    return draft.description is not None and draft.description in text_of(doc)


def _phrases(words: list[Token], i: int) -> list[str]:
    """The two-word and one-word role phrases ending at word i ("secretary-general" too)."""
    lemma = words[i].lemma_.lower()
    before = [w for w in words[:i] if w.text != "-"]
    if before:
        return [f"{before[-1].lower_} {lemma}", lemma]
    return [lemma]


def _modified_noun(token: Token) -> Token | None:
    """The noun a country word modifies, through conjunctions ("Hungarian and Romanian officials")."""
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    if token.dep_ not in ("amod", "compound", "nmod", "poss"):
        return None
    head = token.head
    return head if head.pos_ in ("NOUN", "PROPN") else None


def _role_spans(hit: Hit, head: Token) -> list[tuple[int, int]]:
    """Mention spans of a role actor; with conjoined countries ("U.S. and Russian
    negotiators") each country keeps its own words and the first one also gets the noun."""
    first = head.doc[hit.end - 1]
    while first.dep_ == "conj" and first.head is not first:
        first = first.head
    if first.i != hit.end - 1:
        return [(hit.start, hit.end)]
    if not any(c.dep_ == "conj" for c in first.children):
        return [(min(hit.start, _left_modifiers(head)), head.i + 1)]
    return [(min(hit.start, _left_modifiers(head)), hit.end), (first.right_edge.i + 1, head.i + 1)]


def _left_modifiers(head: Token) -> int:
    """Start of the modifiers before a noun, without the determiner ("a senior US official")."""
    start = head.i
    for child in head.lefts:
        if child.pos_ in ("PRON", "DET"):
            continue
        if child.dep_ in ("amod", "compound", "nmod", "poss", "nummod", "case"):
            start = min(start, child.left_edge.i)
    return start
