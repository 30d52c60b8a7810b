"""What the words around a name say about it: descriptors, former office, locative use.

Pure functions over a parsed ``Doc``; the resolver (resolve.py) decides what to do with them.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from spacy.tokens import Doc, Token

from flashpoint.actors.kb import person_roles
from flashpoint.nlp.text import text_of
from flashpoint.quotes.lexicon import read_list

HONORIFICS = frozenset(
    ["mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "lord"]
)
FORMER_WORDS = frozenset(
    ["former", "ex", "ex-", "formerly", "erstwhile", "onetime", "one-time", "then-"]
)
# A toponym after one of these is where something happens, not who does it (issue 3).
LOCATIVE = frozenset(
    ["in", "inside", "within", "across", "throughout", "near", "at", "into", "around",
     "through", "outside"]
)  # fmt: skip
DESCRIPTOR_DEPS = frozenset({"compound", "amod", "nmod", "poss", "npadvmod"})
CLAUSE_STOPS = frozenset({",", ":", ";", "—", "–", "(", ")"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def descriptor_start(doc: Doc, start: int, end: int) -> int:
    """Where the words describing a name begin: "former Iranian diplomat Hossein Rassam"."""
    i = start
    sent_start = doc[start].sent.start
    while i > sent_start:
        token = doc[i - 1]
        # non-breaking spaces are tokens too; a hyphen joins "Secretary-General"
        if (token.is_space and "\n" not in token.text) or (
            token.text == "-" and not token.whitespace_
        ):
            i -= 1
            continue
        if token.is_space or token.pos_ in ("PRON", "DET", "VERB", "AUX", "ADP", "PUNCT"):
            break
        if token.dep_ == "case" and i <= token.head.head.i < end:
            i = max(token.head.left_edge.i, sent_start)  # "Iran's foreign minister Zarif"
            continue
        # the name may also be the apposition of the role noun: "minister Ali Rezaei"
        governs = token.i == i - 1 and doc[end - 1].head == token and token.pos_ == "NOUN"
        inside = i <= token.head.i < end and token.dep_ in DESCRIPTOR_DEPS
        if not (token.lower_ in HONORIFICS or inside or governs):
            break
        i -= 1
    while i < start and doc[i].is_space:
        i += 1
    return i


def strip_honorifics(doc: Doc, start: int, end: int) -> str | None:
    """The descriptor text without "Mr"/"Dr" or a final "'s", or None when nothing is left."""
    words = [t for t in doc[start:end] if t.lower_ not in HONORIFICS and t.tag_ != "POS"]
    if not words:
        return None
    return " ".join(doc[words[0].i : words[-1].i + 1].text.split())


def has_former(tokens: list[Token]) -> bool:
    """Whether these words say the office is over ("former", "ex-", "used to")."""
    lowers = [t.lower_ for t in tokens]
    if any(word in FORMER_WORDS or word.startswith("ex-") for word in lowers):
        return True
    return any(a == "used" and b == "to" for a, b in zip(lowers, lowers[1:], strict=False))


def clause_after(doc: Doc, end: int) -> tuple[int, int]:
    """The appositive or relative clause right after a name: ", who used to work at X"."""
    if end >= len(doc) or doc[end].text != ",":
        return end, end
    stop = end + 1
    sent_end = doc[end].sent.end
    while stop < sent_end and doc[stop].text not in CLAUSE_STOPS and doc[stop].dep_ != "ROOT":
        stop += 1
    return end + 1, stop


def is_locative(token: Token) -> bool:
    """Whether a toponym is the object of a locative preposition ("both in Iran and in ..."),
    or names a facility or area ("near Baghdad airport", "the Damascus suburbs")."""
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    if token.dep_ == "compound" and token.head.lemma_.lower() in place_nouns():
        return True
    return token.dep_ == "pobj" and token.head.lower_ in LOCATIVE


@lru_cache(maxsize=1)
def place_nouns() -> frozenset[str]:
    """Nouns a toponym can modify as a place: airport, base, suburb ... (data/place_nouns.txt)."""
    return read_list("flashpoint.actors", "place_nouns.txt")


def conjoined_subject(token: Token) -> bool:
    """ "... returning to Turkey and Cavusoglu said": the parser joined the name to the noun
    before it and left the verb right after the name (a second conjunct) with no subject;
    the name is that verb's subject."""
    if token.pos_ != "PROPN" or token.dep_ != "conj" or token.i + 1 >= len(token.doc):
        return False
    verb = token.doc[token.i + 1]
    return (
        verb.pos_ == "VERB"
        and verb.dep_ == "conj"
        and token.head.i < token.i
        and not any(c.dep_ in SUBJECTS for c in verb.children)
    )


def _subject_token(token: Token) -> Token | None:
    """The subject a token is or names: itself, or the subject it is in apposition to
    ("Trump's spokesman, Sean Spicer, indicated": Sean Spicer is the subject)."""
    if token.dep_ in SUBJECTS or conjoined_subject(token):
        return token
    if token.dep_ != "appos":
        return None
    head = outer_noun(token.head)
    return head if head.dep_ in SUBJECTS else None


def outer_noun(noun: Token) -> Token:
    """The noun phrase an apposition names: "A senior aide to the chancellor, Markus Feld":
    the parser hangs the name on "chancellor", but it names the aide."""
    prep = noun.head
    if noun.dep_ == "pobj" and prep.dep_ == "prep" and prep.head.pos_ == "NOUN":
        return prep.head
    return noun


# prepositions between an office and its institution: "ambassador to the United Nations"
OFFICE_PREPS = frozenset({"of", "to", "for", "on", "at"})


def titled_name(head: Token) -> Token | None:
    """The name a title phrase ends in, when the parser made the title the head:
    "The Greek defence minister, Panos Kammenos," (apposition), "Speaker of the Knesset Yuli
    Edelstein", "U.S. ambassador to the United Nations Nikki Haley" (an office, its
    institution, then the name), "House Committee on Foreign Relations Chairman Edward R.
    Royce" (an institution, then a titled name). Not "an adviser to President Trump": a name
    right after a title word without an institution before it is somebody else."""
    office = one_person_role(head)
    if office:
        appos = next((c for c in head.children if c.dep_ == "appos" and _proper(c)), None)
        if appos is not None and apposed(head, appos):
            return appos
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in OFFICE_PREPS:
            continue
        for name in prep.children:
            if name.dep_ != "pobj" or not _proper(name) or not _proper(name.doc[name.i - 1]):
                continue
            before = [t for t in name.subtree if t.i < name.i]
            institution = bool(before) and before[0].lower_ == "the" and len(before) >= 3
            titled = any(t.lower_ in person_roles() and t.is_title for t in before)
            if (office and institution) or (not office and titled and _proper(head)):
                return name
    return None


def apposed(first: Token, second: Token) -> bool:
    """A noun phrase and its apposition, a comma between: "Frank Jensen, Lord Mayor of ...",
    "Vice Minister of the Foreign Ministry, Choe Son Hui"; not a name and a noun after a
    clause ("Sallah Ali, who was convicted of theft, a source ... told AFP")."""
    comma = second.left_edge.i - 1
    between = first.doc[first.i + 1 : comma]
    if comma <= first.i or first.doc[comma].text != "," or len(between) > 8:
        return False
    return not any(t.pos_ in ("VERB", "AUX") or t.text == "," for t in between)


def byline(doc: Doc, start: int, end: int) -> bool:
    """A name on a line of its own ("Jessica Bies", "By Jessica Bies"): the writer, never
    what a pronoun in the story stands for."""
    text = text_of(doc)
    line_start = text.rfind("\n", 0, doc[start].idx) + 1
    line_end = text.find("\n", doc[end - 1].idx)
    line = text[line_start : line_end if line_end >= 0 else len(text)].strip()
    name = text[doc[start].idx : doc[end - 1].idx + len(doc[end - 1])]
    return line in (name, f"By {name}", f"by {name}")


def one_person_role(token: Token) -> bool:
    """A role noun that names one person ("minister", "spokesman"; data/roles.tsv)."""
    return token.lemma_.lower() in person_roles()


def proper_name(tokens: Iterable[Token]) -> bool:
    """Capitalised proper nouns only, as the words of a name are."""
    return all(_proper(t) for t in tokens)


def _proper(token: Token) -> bool:
    return token.pos_ == "PROPN" and token.is_title


def misread_modal(token: Token) -> bool:
    """ "May told parliament": a capitalised "May" the parser took for the modal, though a
    modal never comes before a past or third-person verb. It is the subject."""
    return token.dep_ == "aux" and token.is_title and token.head.tag_ in ("VBD", "VBZ")


def is_subject(tokens: list[Token]) -> bool:
    return any(_subject_token(t) is not None for t in tokens)


def is_root_subject(tokens: list[Token]) -> bool:
    return any((s := _subject_token(t)) is not None and s.head.dep_ == "ROOT" for t in tokens)


def is_copular_subject(tokens: list[Token]) -> bool:
    return any(t.dep_ in SUBJECTS and t.head.lemma_ == "be" for t in tokens)


def quote_mask(doc: Doc) -> list[bool]:
    """For each token, whether it sits inside double quotes; a paragraph break closes a quote.

    Single quotes are ignored: "’" is also the apostrophe of "Trump’ betrayal". Computed
    once per doc (the coreference passes ask twice).
    """
    cached = doc.user_data.get("flashpoint.quote_mask")
    if cached is None:
        cached = doc.user_data["flashpoint.quote_mask"] = _quote_mask(doc)
    return list(cached)


def _quote_mask(doc: Doc) -> list[bool]:
    inside = False
    mask: list[bool] = []
    for token in doc:
        if token.is_space and "\n" in token.text:
            inside = False
        opens = token.text == "“" or (token.text == '"' and not inside)
        closes = token.text == "”" or (token.text == '"' and inside)
        mask.append(inside)
        if opens:
            inside = True
        elif closes:
            inside = False
    return mask
