"""Within-article coreference: pronouns, "the X editor", "the country", "the two nations".

Simple, documented heuristics (issue 3), applied left to right so that a resolved reference
can itself be an antecedent:

- "he/him/his/she/her" outside quotes -> the last person that was a subject earlier in the
  same sentence, else the subject of the main clause of the closest previous sentence with a
  person subject (else its last person subject);
- the same pronouns inside a quote -> the last *named* person before it who is not the
  speaker of the quote (a person subject of the same sentence outside the quotes);
- "the <role noun>" ("the Iran International editor said", "the President") -> the last
  person whose description holds that noun (a rank such as "vice" must match too), else the
  last person named who held that office on the publication day (knowledge-base office
  terms; "the U.S. president" only someone of that country), else nobody;
- "the country/the nation" -> as a subject, the last country that was the subject of a verb
  other than "be"; otherwise the last country mentioned as an actor;
- "the two nations/both countries" -> a group of the last two distinct countries mentioned,
  places included ("Russia's influence in Iran ... the two nations" -> [RUS, IRN]).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Span, Token

from flashpoint.actors import context
from flashpoint.actors.draft import Resolution
from flashpoint.quotes.lexicon import load_lexicon

PRONOUNS = frozenset({"he", "him", "his", "she", "her"})
# Grammatical gender a pronoun or honorific shows; a pronoun never links to a person whose
# other mentions show the other one ("Ms Diallo ... He argued" is someone else).
MALE = frozenset({"he", "him", "his", "mr", "mr.", "sir", "lord"})
FEMALE = frozenset({"she", "her", "hers", "ms", "ms.", "mrs", "mrs.", "miss", "dame"})
GROUP_NOUNS = frozenset({"nations", "countries"})
COUNTRY_NOUNS = frozenset({"country", "nation"})
# "the Kentucky Republican", "the Nevada Democrat": a politician named just before
PARTY_MEMBERS = frozenset({"republican", "democrat"})
RANKS = frozenset({"vice", "deputy", "assistant", "under", "acting", "former", "ex", "interim"})
LOOKBACK = 6  # sentences a pronoun may reach back


@dataclass
class Event:
    """One mention of a person or a country, with what coreference needs to know about it."""

    i: int
    key: str
    sent: int
    subject: bool
    root: bool
    quote: bool
    named: bool
    copular: bool


@dataclass
class _Context:
    state: Resolution
    quotes: list[bool]
    sent_of: list[int]
    people: list[Event]
    countries: list[Event]

    def event(self, start: int, end: int, key: str) -> Event:
        tokens = list(self.state.doc[start:end])
        return Event(
            start, key, self.sent_of[start], context.is_subject(tokens),
            context.is_root_subject(tokens), self.quotes[start], not key.startswith("role:"),
            context.is_copular_subject(tokens),
        )  # fmt: skip


def resolve_references(state: Resolution) -> None:
    ctx = _context(state)
    for token in state.doc:
        if token.i in state.token_key or token.i in state.token_place:
            continue
        if token.lower_ in PRONOUNS:
            _pronoun(ctx, token)
        elif token.lower_ in GROUP_NOUNS and any(c.lower_ in ("two", "both") for c in token.lefts):
            _two_nations(ctx, token)
        elif token.lower_ in COUNTRY_NOUNS and _definite(token):
            _the_country(ctx, token)
        elif _definite(token):
            _the_role(ctx, token)


def _context(state: Resolution) -> _Context:
    doc = state.doc
    sent_of = [0] * len(doc)
    n = 0  # sentences with words: a stray closing mark or a blank line is not one
    for sent in doc.sents:
        n += any(t.is_alpha for t in sent)
        for token in sent:
            sent_of[token.i] = n
    ctx = _Context(state, context.quote_mask(doc), sent_of, [], [])
    for draft in state.drafts.values():
        for start, end in draft.spans:
            if draft.kind == "person" and not context.byline(doc, start, end):
                ctx.people.append(ctx.event(start, end, draft.key))
            elif draft.kind == "country" and draft.key.startswith("country:"):
                ctx.countries.append(ctx.event(start, end, draft.key))
    ctx.people.sort(key=lambda e: e.i)
    ctx.countries.sort(key=lambda e: e.i)
    return ctx


def _definite(token: Token) -> bool:
    """ "the editor", and "the President" (tagged NNP when capitalised) of a role noun."""
    compound = any(c.dep_ == "compound" for c in token.lefts)
    if token.tag_ == "NNP" and token.is_title and (not compound or token.lower_ in PARTY_MEMBERS):
        return token.lower_ not in COUNTRY_NOUNS and any(c.lower_ == "the" for c in token.lefts)
    # a lower-case noun the tagger calls proper after a closing mark ("” the senator said")
    common = token.tag_ == "NN" or (token.tag_ == "NNP" and token.is_lower)
    return common and any(c.lower_ == "the" for c in token.lefts)


def _link(ctx: _Context, events: list[Event], key: str, start: int, end: int) -> None:
    ctx.state.mention(ctx.state.drafts[key], start, end)
    events.append(ctx.event(start, end, key))
    events.sort(key=lambda e: e.i)


def _pronoun(ctx: _Context, token: Token) -> None:
    key = _antecedent(ctx, token)
    if key is not None:
        _link(ctx, ctx.people, key, token.i, token.i + 1)


def _gender(ctx: _Context, key: str) -> str | None:
    """ "m", "f" or None (unknown or mixed) from the person's pronouns and honorifics so far."""
    seen = set()
    for start, end in ctx.state.drafts[key].spans:
        if ctx.quotes[start]:
            continue  # a pronoun inside a quote was linked on weaker evidence
        first = ctx.state.doc[start].lower_
        if end - start == 1 or first in MALE | FEMALE:
            seen |= {"m"} if first in MALE else {"f"} if first in FEMALE else set()
    if not seen:  # no "Mr"/"she" yet: the given name, when it is clearly one or the other
        return given_name_gender(ctx.state.drafts[key].name)
    return seen.pop() if len(seen) == 1 else None


def given_name_gender(name: str) -> str | None:
    """ "m" for "Larry Kudlow", "f" for "Nikki Haley", None for unlisted names."""
    parts = name.split()
    return _given_names().get(parts[0].lower()) if len(parts) > 1 else None


@lru_cache(maxsize=1)
def _given_names() -> dict[str, str]:
    text = resources.files("flashpoint.actors").joinpath("data", "first_names.tsv")
    rows = (line.split("\t") for line in text.read_text("utf-8").splitlines())
    return {row[0]: row[1] for row in rows if len(row) == 2 and not row[0].startswith("#")}


def _agrees(ctx: _Context, key: str, token: Token) -> bool:
    wanted = "m" if token.lower_ in MALE else "f" if token.lower_ in FEMALE else None
    known = _gender(ctx, key)
    return wanted is None or known is None or wanted == known


def _antecedent(ctx: _Context, token: Token) -> str | None:
    sent = ctx.sent_of[token.i]
    before = [
        e for e in ctx.people
        if e.i < token.i and sent - e.sent <= LOOKBACK and _agrees(ctx, e.key, token)
    ]  # fmt: skip
    if ctx.quotes[token.i]:
        speakers = {e.key for e in before if e.sent == sent and e.subject and not e.quote}
        named = [e for e in before if e.named and e.key not in speakers]
        return named[-1].key if named else None
    subjects = [e for e in before if e.subject and not e.quote]
    same = [e for e in subjects if e.sent == sent]
    if same:
        return same[-1].key
    if not any(e.sent == sent - 1 for e in subjects):
        # "... all but Giuseppe Conte, Italy's new prime minister. “...,” he tweeted": the
        # person the sentence before introduces, when nobody is its subject
        introduced = [e for e in before if e.sent == sent - 1 and _introduced(ctx, e)]
        if introduced:
            return introduced[-1].key
    fallback = None
    for back in sorted({e.sent for e in subjects}, reverse=True):
        in_sent = [e for e in subjects if e.sent == back]
        roots = [e for e in in_sent if e.root]
        if roots:
            return roots[0].key
        if not _subjectless(ctx.state.doc[in_sent[-1].i].sent):
            return fallback or in_sent[-1].key
        # "• Disputed suggestions that Xi is coming ...": a bullet with no subject of its
        # own goes on about the earlier topic (Trump), not the person in its clause
        fallback = fallback or in_sent[-1].key
    return fallback


def _introduced(ctx: _Context, event: Event) -> bool:
    """A person's first mention, by name, outside quotes, and not a photo credit
    ("REUTERS/Eric Thayer", "Photo by Ann Lee")."""
    first = min(start for start, _ in ctx.state.drafts[event.key].spans)
    if not event.named or event.quote or event.i != first:
        return False
    doc = ctx.state.doc
    before = [t.lower_ for t in doc[max(0, first - 2) : first]]
    return not (before[-1:] == ["/"] or before in (["photo", "by"], ["credit", ":"]))


def _later_holder(ctx: _Context, token: Token, words: set[str], countries: set[str]) -> str | None:
    """The one person named after ``token`` who held the office its words name on the day."""
    later = {
        e.key for e in ctx.people
        if e.i > token.i and e.named and _holds(ctx, e.key, words)
        and (not countries or ctx.state.drafts[e.key].country in countries)
    }  # fmt: skip
    return later.pop() if len(later) == 1 else None


def _subjectless(sent: Span) -> bool:
    """A sentence whose main verb has no subject (not an imperative): a bullet item
    ("• Disputed suggestions that ...") or a headline fragment."""
    root = sent.root
    subjects = ("nsubj", "nsubjpass", "expl", "csubj")
    return root.tag_ != "VB" and not any(c.dep_ in subjects for c in root.children)


def _the_role(ctx: _Context, token: Token) -> None:
    """ "The Iran International editor said" -> the person described as such, or last subject."""
    role = ctx.state.kb.role(token.lemma_)
    if role is None or not role[1]:
        return
    start = token.left_edge.i
    if any(ctx.state.token_key.get(i, "").startswith("person:") for i in range(start, token.i)):
        return
    named = _named_in_clause(ctx, token)
    if named is not None:  # "The rebel commander, who goes by the name Abu Tariq"
        _link(ctx, ctx.people, named, start, token.i + 1)
        return
    if _unnamed_before(ctx, token):
        return  # "A former senior State Department official said ... said the official"
    noun = token.lower_
    words = {t.lower_ for t in token.lefts} | {noun}
    # "the U.S. president" is nobody of another country, however described
    countries = {
        key.removeprefix("country:")
        for i in range(start, token.i)
        if (key := ctx.state.token_key.get(i, "")).startswith("country:")
    }
    people = [
        e for e in ctx.people
        if e.i < token.i and (not countries or ctx.state.drafts[e.key].country in countries)
    ]  # fmt: skip
    described = [e for e in people if _describes(ctx.state.drafts[e.key].description, noun, words)]
    # else someone named earlier who held that office on the day ("the president" after
    # "Trump" in 2019, "The chancellor, who grew up in East Germany" after "Merkel"), from
    # the knowledge base's office terms
    holders = [e for e in people if _holds(ctx, e.key, words)]
    # else, for a post at an organisation ("the Iran International editor said"), the last
    # subject; a bare office ("the queen") is not the last person who spoke (that fallback
    # linked her to the prime minister, and did worse on news-quotes dev)
    at_org = any(
        ctx.state.drafts[k].kind == "organization"
        for i in range(start, token.i)
        if (k := ctx.state.token_key.get(i)) in ctx.state.drafts
    )
    if described:
        found: str | None = described[-1].key
    elif holders:
        found = holders[-1].key
    elif later := _later_holder(ctx, token, words, countries):
        found = later  # "the president tweeted ..." before the article names Trump
    elif (at_org or noun in PARTY_MEMBERS) and token.dep_ in context.SUBJECTS:
        found = _antecedent(ctx, token)  # "the Kentucky Republican said": the last subject
    else:
        return
    if found is not None:
        _link(ctx, ctx.people, found, start, token.i + 1)


def _unnamed_before(ctx: _Context, token: Token) -> bool:
    """Whether an unnamed holder of the same post was introduced before ("an official",
    "A former senior State Department official"): "the official" is that one, nobody named."""
    if token.lemma_.lower() not in load_lexicon().unnamed_speakers:
        return False  # "a president" ... "the president" may still be the one named
    doc = ctx.state.doc
    for before in reversed(doc[: token.i]):
        if before.lemma_ != token.lemma_ or ctx.quotes[before.i]:
            continue
        if ctx.state.token_key.get(before.i, "").startswith("person:"):
            return False
        if any(c.lower_ in ("a", "an", "one", "another") for c in before.lefts):
            return True
    return False


# "Sen. Rand Paul" ... "the senator said"
ABBREVIATED = {
    "sen.": "senator", "rep.": "representative", "gov.": "governor", "gen.": "general",
    "adm.": "admiral", "amb.": "ambassador", "capt.": "captain", "col.": "colonel",
    "lt.": "lieutenant", "sgt.": "sergeant", "maj.": "major", "cmdr.": "commander",
    "pres.": "president", "sec.": "secretary", "atty.": "attorney", "supt.": "superintendent",
}  # fmt: skip


def _describes(description: str | None, noun: str, words: set[str]) -> bool:
    """ "the editor" for "Iran International editor", but "the president" is not the "Vice
    President": a rank word of the description must be in the mention too."""
    found = [
        ABBREVIATED.get(word, word)
        for word in (description or "").lower().replace("-", " ").split()
    ]
    return noun in found and not (RANKS & set(found)) - words


def _holds(ctx: _Context, key: str, words: set[str]) -> bool:
    """Whether the person held, that day, an office the mention's words name: every word of
    the title before "of" ("President of the United States" -> president) is among them, so
    "the president" is not the Vice President, nor "the minister" the Prime Minister."""
    kb_id = ctx.state.drafts[key].kb_id
    entry = ctx.state.kb.entries.get(kb_id) if kb_id else None
    day = ctx.state.day
    if entry is None or day is None:
        return False
    kb = ctx.state.kb
    for role in entry.roles:
        head = role.title.split(" of ")[0].split()
        # "US senator" is "the senator": a country word of the title need not be repeated
        head = [w.lower() for w in head if not any(e.kind == "country" for e in kb.lookup(w))]
        if head and set(head) <= words and role.holds_on(day):
            return True
    return False


def link_office_holders(state: Resolution) -> None:
    """ "The president also seemed to ..." was drafted as an unnamed US president (roles.py);
    when a person named earlier held that office on the day ("Trump", 2017), or was
    described by it ("Japanese freelance journalist Kenji Goto" ... "the journalist"), it is
    that person."""
    ctx = _context(state)
    for draft in [d for d in state.drafts.values() if d.key.startswith("role:")]:
        if draft.kind != "person":
            continue
        for start, end in list(draft.spans):
            head = state.doc[end - 1]
            if not any(c.lower_ == "the" for c in head.lefts) or _unnamed_before(ctx, head):
                continue
            words = {t.lower_ for t in state.doc[start:end]}
            noun = head.lower_
            holders = [
                e for e in ctx.people
                if e.i < start and e.named
                and draft.country in (None, state.drafts[e.key].country)
                and (_holds(ctx, e.key, words)
                     or _describes(state.drafts[e.key].description, noun, words))
            ]  # fmt: skip
            if not holders and "former" in words and head.dep_ in context.SUBJECTS:
                holders = _epithet_antecedent(ctx, start, draft.country)
            key = holders[-1].key if holders else None
            if key is None and noun in PARTY_MEMBERS:
                key = _party_member(ctx, start, noun)  # "the Washington Democrat said"
            if key is None:
                continue
            person = state.drafts[key]
            draft.spans.remove((start, end))
            person.spans.append((start, end))
            for i in range(start, end):
                state.token_key[i] = person.key
            for event in ctx.people:
                if event.i == start and event.key == draft.key:
                    event.key = person.key


def _party_member(ctx: _Context, start: int, party: str) -> str | None:
    """The last person named before ``start`` with the party word right after the name
    ("Rep. Adam Smith, the ranking Democrat on ..." ... "the Washington Democrat said")."""
    doc = ctx.state.doc
    for event in reversed([e for e in ctx.people if e.i < start and e.named]):
        end = event.i
        while end < len(doc) and ctx.state.token_key.get(end) == event.key:
            end += 1
        after = doc[end : min(end + 6, event.i + 12, len(doc))]
        if any(t.lower_ in (party, party + "s") for t in after):
            return event.key
    return None


def _epithet_antecedent(ctx: _Context, start: int, country: str | None) -> list[Event]:
    """ "..., Alzugaray says. ... what the former Cuban diplomat calls ...": a "former"
    description as a subject renames the named person who was a subject just before (this or
    the previous two sentences), when no country tells them apart."""
    sent = ctx.sent_of[start]
    found = [
        e for e in ctx.people
        if e.i < start and e.named and e.subject and not e.quote and sent - e.sent <= 2
        and ctx.state.drafts[e.key].country in (None, country)
    ]  # fmt: skip
    return found[-1:]


def _named_in_clause(ctx: _Context, token: Token) -> str | None:
    """The person named inside a relative clause or apposition of a role noun, if any."""
    for child in token.children:
        if child.dep_ not in ("relcl", "appos", "acl"):
            continue
        if child.dep_ == "appos" and context.outer_noun(token) is not token:
            continue  # "an aide to the chancellor, Markus Feld": the name is the aide's
        for inner in child.subtree:
            key = ctx.state.token_key.get(inner.i, "")
            # an owner is somebody else: "the official, who asked not to be named because of
            # the official's past dealings with Trump's team"
            if key.startswith("person:") and inner.dep_ not in ("poss", "case", "nmod", "compound"):
                return key
    return None


def _the_country(ctx: _Context, token: Token) -> None:
    before = [e for e in ctx.countries if e.i < token.i]
    if token.dep_ in context.SUBJECTS:
        agents = [e for e in before if e.subject and not e.copular]
        before = agents or before
    if before:
        _link(ctx, ctx.countries, before[-1].key, token.left_edge.i, token.i + 1)


def _two_nations(ctx: _Context, token: Token) -> None:
    codes: list[str] = []
    for _, code in sorted((s for s in ctx.state.country_seq if s[0] < token.i), reverse=True):
        if code not in codes:
            codes.append(code)
        if len(codes) == 2:
            break
    if len(codes) < 2:
        return
    drafts = [ctx.state.country_draft(code) for code in reversed(codes)]
    start = token.left_edge.i
    for draft in drafts:
        draft.spans.append((start, token.i + 1))
    for i in range(start, token.i + 1):
        ctx.state.groups[i] = [d.key for d in drafts]
