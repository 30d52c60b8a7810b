"""Speaker patterns found reading real news (news-quotes dev), on texts written for the tests."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.models import Actor, Analysis, Article


def analyse(engine, text: str, day: dt.date = dt.date(2018, 7, 16)) -> Analysis:
    return engine.analyze(Article(id="t", text=text, published=day))


def speaker_actor(analysis: Analysis, words: str, kind: str = "direct") -> Actor | None:
    """The speaker of the quote of ``kind`` whose content holds ``words``."""
    actors = {a.id: a for a in analysis.actors}
    found = [q for q in analysis.quotes if q.kind == kind and words in q.content.text]
    assert found, [q.content.text for q in analysis.quotes]
    return actors.get(found[0].speaker or "")


def speaker_of(analysis: Analysis, words: str, kind: str = "direct") -> str | None:
    """The speaker's actor name of the quote of ``kind`` whose content holds ``words``."""
    actor = speaker_actor(analysis, words, kind)
    return actor.name if actor is not None else None


def test_a_first_lady_is_not_the_president_with_her_surname(engine):
    analysis = analyse(
        engine,
        "President Trump landed in Tokyo on Sunday.\n\n"
        "“We are doing very well,” he said.\n\n"
        "He was joined by first lady Melania Trump, who visited a school.",
        dt.date(2017, 11, 5),
    )
    people = {a.name for a in analysis.actors if a.kind == "person"}
    assert {"Donald Trump", "Melania Trump"} <= people
    assert speaker_of(analysis, "doing very well") == "Donald Trump"


CASES = {
    # a bullet with no subject of its own goes on about the earlier topic
    "bullet-keeps-topic": (
        "Prime Minister Ana Kovac took questions on the flight home. Kovac also:\n\n"
        "• Rejected claims that President Tomas Brandt is arriving at the summit in a "
        "stronger position. “Excuse me, so am I,” she said.",
        "so am I",
        "Ana Kovac",
    ),
    # "” the senator said" (tagged as a proper noun) after "Sen. Rand Paul"
    "the-senator": (
        "Sen. Rand Paul said on Sunday that spying is what countries do.\n\n"
        "“I am not saying they are equivalent,” the senator said.",
        "not saying they are equivalent",
        "Rand Paul",
    ),
    # the parser gives "said" a second subject from inside the quote
    "subject-inside-quote": (
        "Mr. Paulsen said he doubted the other side would admit it.\n\n"
        "“So all nations that can spy, do. All nations that want to meddle and have the means "
        "… they try,” he said.",
        "they try",
        "Paulsen",
    ),
    # "continued to" is going on doing, not speaking
    "continue-to": (
        "“We are sending more troops to guard the embassy,” Defence Secretary Mark Olsen said "
        "on Tuesday.\n\nOlsen added that the country continued to “rely on the host nation "
        "to protect our staff and their families.”",
        "rely on the host nation",
        "Mark Olsen",
    ),
    # a participle cue speaks for the reporting verb above it
    "participle-climbs": (
        "Senior lawmaker Pavel Orlov said it was not yet final that Washington had left the "
        "treaty, saying “it is still possible to read the decision as pressure rather than a "
        "legal act.”",
        "still possible to read",
        "Pavel Orlov",
    ),
    # a news agency only relays the named speaker
    "agency-relays": (
        "Foreign Minister Ivan Petrov called the downing of the jet a “planned provocation” "
        "that will force Moscow to “rethink its whole relationship with Ankara,” The "
        "Associated Press reported.",
        "rethink its whole relationship",
        "Ivan Petrov",
    ),
    # a role noun inside the name after an inverted cue
    "role-in-trailing-name": (
        "“The bottom line is whether those groups are gaining ground or falling back,” said "
        "former CIA analyst Larry Novak.",
        "bottom line",
        "Larry Novak",
    ),
    # a curly quote closed by a straight mark, the next one opened by a straight mark
    "mixed-marks": (
        '“I am deeply grateful to the president for this chance to serve our country," '
        'Minister Lena Hartwig said in a statement. "Her leadership has made the nation '
        "safer and I look forward to the work ahead.”",
        "leadership has made the nation",
        "Lena Hartwig",
    ),
    # the parser hangs the name on an earlier phrase and leaves the cue without a subject
    "name-before-cue": (
        "Speaking after a week of talks in Lausanne, Switzerland, Foreign Secretary Tom Varga "
        "told reporters that negotiators “have made real and substantial progress” this week.",
        "real and substantial progress",
        "Tom Varga",
    ),
    # "As X notes, “...”": the speaker is X, not the subject of the quoted clause
    "as-x-notes": (
        "As Mason University's Donald Breaux notes, “What is true at the level of the household "
        "is true at the level of the national economy.”",
        "level of the household",
        "Donald Breaux",
    ),
    # an infinitive cue takes its subject from the object of the verb above it
    "object-control": (
        "The delegation took a different route, prompting the opposition Liberty Party to "
        "accuse the government of “abuse of power and an act of treason” on Friday.",
        "abuse of power",
        "Liberty Party",
    ),
    # "the former ... diplomat" as a subject renames the person who spoke just before
    "former-epithet": (
        "“We cannot trust these people,” Aurelio Mendoza Pardo says. Behind that distrust is "
        "what the former Cuban diplomat calls “a long record of subversive policies.”",
        "long record of subversive policies",
        "Aurelio Mendoza Pardo",
    ),
    # a name after a long run of title words the model does not tag ("Whip")
    "long-title-run": (
        "House Democratic Whip Ronald Batey said the nominee will have a hard time.\n\n"
        "“I hope he recognizes the talent at the department and stops the hollowing out of "
        "the service,” the Maryland Democrat said.",
        "hollowing out",
        "Ronald Batey",
    ),
    # a retort: "snapped"
    "snapped": (
        "Governor Alma Reyes warned that the rhetoric was making matters worse, to which "
        "President Trump snapped back, “I don't like your rhetoric that much either.”",
        "your rhetoric that much",
        "Donald Trump",
    ),
    # a name the model misses, known by its apposition and its speech verb; "she" is hers
    "untagged-name-with-apposition": (
        "Stefan Norberg, a historian, said the square had been a market for centuries.\n\n"
        "Helle Marit Brix, one of the organisers of the event, told TV2 that the artist ran "
        "to the kitchen when the shots rang out.\n\n"
        "“He was very calm about it,” she said.",
        "very calm about it",
        "Helle Marit Brix",
    ),
    # the last speaker does not go on when the paragraph names someone else as its subject
    "new-subject-in-paragraph": (
        "Ole Hansen, an Iowa farmer, said: “That is real money lost for farmers.” He called "
        "on the government to scrap the tariffs.\n\n"
        "On Wednesday, President Trump moved to play down concerns over a trade war. He "
        "protested on Twitter: “We are not in a trade war with China, that war was lost "
        "many years ago.”",
        "not in a trade war",
        "Donald Trump",
    ),
    # a title nobody holds in the knowledge base, right after that person's quote
    "title-after-quote": (
        "“This legal theory is absurd,” Rep. Elias Brandt said. “The law had nothing to do "
        "with this.”\n\n"
        "The chairman added, “To suggest that this authorization covers the strike stretches "
        "it beyond recognition.”",
        "stretches it beyond recognition",
        "Elias Brandt",
    ),
    # "the president" before the article names him: the later office holder of that day
    "president-named-later": (
        "On Wednesday, the president tweeted that “our trade deal with China is moving along "
        "nicely, but it will be hard to get done.”\n\n"
        "I am not sure what Trump means by a different structure.",
        "moving along nicely",
        "Donald Trump",
    ),
    # a document speaks for the owner named on it before ("the Mueller report's conclusion")
    "report-owner": (
        "Special counsel Robert Mueller delivered his findings on Thursday. The Mueller "
        "report's conclusion on obstruction was noncommittal.\n\n"
        "“If we had confidence that the president clearly did not commit obstruction of "
        "justice, we would so state,” the report reads.",
        "we would so state",
        "Robert Mueller",
    ),
    # a participle cue of criticism: "decrying “...”"
    "decrying": (
        "Rep. Eliot Engel opened a probe into the ouster on Monday, decrying “the politically "
        "motivated firing of inspectors general across the government.”",
        "politically motivated firing",
        "Eliot Engel",
    ),
    # a byline under a pulled quote
    "dash-byline": (
        "Supporters\n\n“Many countries that have contained their outbreaks have used "
        "aggressive surveillance measures.” — Karen Hao, MIT Technology Review\n\n"
        "Critics\n\nThe government must be transparent about the data.",
        "aggressive surveillance measures",
        "Karen Hao",
    ),
    # a named person's sentence ending in a colon introduces the next paragraph's quote
    "colon-introduction": (
        "NPR's Corey Flintoff brings us these details from the talks in Minsk:\n\n"
        "“The immediate issues in these talks were stopping the fighting and pulling heavy "
        "weapons out of the zone.”",
        "stopping the fighting",
        "Corey Flintoff",
    ),
    # "they" after a pair of named speakers: filed under the first of them
    "they-after-pair": (
        "“The president may have put an intelligence source at risk,” said Rep. Elena Marsh "
        "of Ohio and Rep. David Okoro of Texas.\n\n"
        "Marsh leads the oversight panel. Okoro sits on the judiciary panel.\n\n"
        "“This is the same meeting in which the press was kept out of the room,” they said.",
        "kept out of the room",
        "Elena Marsh",
    ),
    # "the newspaper said": the outlet named last
    "the-newspaper": (
        "The New York Times reported on Monday that the talks had stalled.\n\n"
        "“Neither side has shown any sign of moving on the central question,” the newspaper "
        "said.",
        "central question",
        "The New York Times",
    ),
    # a title, its institution, then the name: the name speaks, and "she" is her
    "title-institution-name": (
        "Ambassador to the United Nations Carla Mendes said on Friday that the council "
        "would meet again.\n\n"
        "“Our patience has limits, though we would rather not test them,” she told the council.",
        "patience has limits",
        "Carla Mendes",
    ),
    "speaker-of-the-assembly": (
        "“The campaign never touched the questions that matter,” Speaker of the Assembly Daniel "
        "Varga told reporters on Tuesday.",
        "never touched the questions",
        "Daniel Varga",
    ),
    # an institution, then a titled name: "Committee ... Chairman Edward Lindqvist"
    "committee-chairman": (
        "“Waiting is also a policy,” House Committee on Trade Chairman Edward P. "
        "Lindqvist said at a hearing.",
        "Waiting is also",
        "Edward P. Lindqvist",
    ),
    # the title first, the name in apposition
    "title-then-apposed-name": (
        "The Maltese defence minister, Petra Zammit, said the aircraft turned sharply.\n\n"
        "“The pilot broke off contact and the radar lost the aircraft,” she said.",
        "radar lost the aircraft",
        "Petra Zammit",
    ),
    # the name first, the title in apposition: the title is no second person
    "name-then-apposed-title": (
        "Ole Brandt, Lord Mayor of Aarhus, said the attack was a “cowardly blow against open "
        "debate in our city.”",
        "cowardly blow against open",
        "Ole Brandt",
    ),
    # "the tour company": the actor an earlier apposition described that way
    "the-described-company": (
        "The students travelled with Northern Star Tours, a Latvia-based travel company.\n\n"
        "The police held them for two days.\n\n"
        "“Our thoughts are with the families at this difficult time,” the travel company "
        "said.",
        "thoughts are with the families",
        "Northern Star Tours",
    ),
    # the parser joins the name to the object before it: "... to Latvia and Ozols said"
    "name-joined-to-an-object": (
        "Foreign Minister Janis Ozols was barred from landing. President Ilze Berzina "
        "spoke on Sunday.\n\n"
        "Latvia has already expelled the Dutch envoy from the talks in Latvia and Ozols said "
        "the government had “further measures ready.”\n\n"
        "“Those measures are being drawn up now,” he said.",
        "being drawn up now",
        "Janis Ozols",
    ),
    # nobody is the subject of the sentence before; it introduces the speaker
    "introduced-then-he": (
        "President Tomas Brandt said the bloc should take Russia back.\n\n"
        "The proposal was met with cold silence by the other leaders, all but Marco Ferrante, "
        "Italy's new prime minister.\n\n"
        "“Moscow belongs back at the table,” he tweeted on Friday.",
        "belongs back at the table",
        "Marco Ferrante",
    ),
    # "Name, role, said": the parser may make the role a conjunct and leave "said" bare
    "name-role-said": (
        "When asked Friday what Moscow’s wish would be for Washington, Pavel Orlov, "
        "Russian ambassador to the U.N., said, “Keep your word on the treaty.”",
        "Keep your word",
        "Pavel Orlov",
    ),
    # a person speaks through her own statement ("read" tagged as a noun)
    "own-statement-read": (
        "Senator Ben Holloway released a short statement on Sunday.\n\n"
        "“The commander acted with courage and the country owes him thanks. Tonight we "
        "are relieved.” Holloway’s statement read.",
        "acted with courage",
        "Ben Holloway",
    ),
    "thundered": (
        "Senator Anna Lind spoke in Phoenix.\n\n"
        "“Nobody jumps the queue in this country, nobody,” Lind "
        "thundered in her speech.",
        "Nobody jumps the queue",
        "Anna Lind",
    ),
    # a nested single quote closing right after the double one: the cue still follows
    "nested-close-then-cue": (
        "“Macau is a matter for Beijing alone. The president himself said that ‘they will "
        "sort it out among themselves,”’ foreign ministry spokeswoman Lin Mei said "
        "on Tuesday.",
        "a matter for Beijing alone",
        "Lin Mei",
    ),
    # a byline is nobody's antecedent: "she" is the woman named after
    "byline-then-she": (
        "Jessica Hale\n\n"
        "DOVER — Students are demanding that a lecturer be dismissed after she wrote online "
        "that the detained tourist “had it coming all along.”\n\n"
        "Karen Doyle, a sociology lecturer, wrote on Tuesday that the tourist had been "
        "reckless.",
        "had it coming all along",
        "Karen Doyle",
    ),
    # a named speaker keeps the floor over a place apposed to his institution
    "name-over-apposed-place": (
        "“If a law has not been renewed for a decade,” said Nora Feldman, a political "
        "scientist at the University of Texas, Austin who studies the Senate, “it describes "
        "a world that is gone.”",
        "not been renewed",
        "Nora Feldman",
    ),
    # "U.S. Border Patrol agents": a country's abbreviation is never part of a name
    "no-person-with-a-country-abbreviation": (
        "Donald Trump spoke in Cleveland. Trump said U.S. Border Patrol agents told him "
        "criminals were crossing.\n\n"
        "“The agents tell me the system is broken and nobody fixes it,” he said.",
        "system is broken",
        "Donald Trump",
    ),
    # a leader's regime speaks for the leader's country
    "leader's-regime": (
        "North Korea tested another missile on Friday.\n\n"
        "Kim Jong Un’s regime said it would answer the drills with “a response the enemy "
        "will long remember.”",
        "long remember",
        "North Korea",
    ),
    # a photo credit introduces nobody: "he" is the minister before it
    "photo-credit": (
        "Oil minister Tomas Brandt said the cartel was breaking apart.\n\n"
        "FILE PHOTO: Tankers at anchor off the coast, June 29, 2018. REUTERS/Eric Holm\n\n"
        "“Prices will climb before winter,” he told Reuters.",
        "climb before winter",
        "Tomas Brandt",
    ),
    # a filing speaks for the office of its owner
    "filing-of-an-office": (
        "Special Counsel Robert Mueller’s office said on Tuesday that Michael Flynn had "
        "cooperated with its inquiry.\n\n"
        "Mueller’s office said in a court filing that Flynn helped with the investigation.\n\n"
        "Flynn also gave “detailed accounts of his meetings abroad,” the filing said.",
        "detailed accounts",
        "Robert Mueller",
    ),
    # "the Washington Democrat": the last person named with that party word after the name,
    # not the last subject (the Arizona Republican)
    "state-party-epithet": (
        "The Arizona Republican Jon Kessler has attacked the plan for months, and now he "
        "has company from across the aisle: Rep. Adam Whitlock, the ranking Democrat on the "
        "armed services panel.\n\n"
        "“The officers are tired of waiting for a plan,” the Washington Democrat said.",
        "tired of waiting",
        "Adam Whitlock",
    ),
    # an acronym the model tags as an organisation is an actor, not a teaser word
    "acronym-organisation": (
        "AIPAC sponsors an annual trip for members of Congress.\n\n"
        "“We stand by our work and will keep doing it,” the group said.",
        "stand by our work",
        "AIPAC",
    ),
}


@pytest.mark.parametrize(("text", "words", "speaker"), CASES.values(), ids=CASES.keys())
def test_speaker(engine, text: str, words: str, speaker: str):
    assert speaker_of(analyse(engine, text), words) == speaker


def test_a_reporting_noun_gives_an_indirect_quote_without_taking_the_floor(engine):
    analysis = analyse(
        engine,
        "Chancellor Ingrid Sommer spoke to reporters after the meeting. She rejected President "
        "Trump's argument that her country spends too little on defence.\n\n"
        "“Germany does a great deal for the alliance and will do more,” Sommer said.\n\n"
        "“We have raised the budget every year since 2014.”",
    )
    assert speaker_of(analysis, "spends too little", kind="indirect") == "Donald Trump"
    nominal = [q for q in analysis.quotes if "spends too little" in q.content.text]
    assert nominal[0].cue is not None and nominal[0].cue.text == "argument"
    assert speaker_of(analysis, "raised the budget") == "Ingrid Sommer"


def test_the_adviser_is_the_unnamed_official_introduced_before(engine):
    analysis = analyse(
        engine,
        "A senior White House official told reporters the president decided to make the "
        "change ahead of the summit.\n\n"
        "“The president wanted his new team in place before the talks,” the adviser said.",
    )
    speaker = speaker_actor(analysis, "new team")
    # the official or the White House: either way not nobody, and American
    assert speaker is not None and speaker.country == "USA"


def test_the_official_of_no_named_body_is_not_an_earlier_diplomat(engine):
    analysis = analyse(
        engine,
        "A French diplomat said the invitation had been agreed weeks ago. Members of the "
        "administration were unhappy, according to Politico. An official accused the French "
        "president of playing to a domestic audience.\n\n"
        "“They are trying to fracture the group of seven,” the official said.",
    )
    speaker = speaker_actor(analysis, "fracture the group")
    assert speaker is None or "diplomat" not in speaker.name


def test_a_dateline_is_not_the_speaker_of_an_indirect_quote(engine):
    analysis = analyse(
        engine,
        "Washington (CNN) Rudy Giuliani said Friday that the special counsel has agreed to "
        "narrow the scope of a potential interview.",
    )
    assert speaker_of(analysis, "narrow the scope", kind="indirect") == "Rudy Giuliani"


def test_findings_and_stances_are_indirect_quotes_with_their_owner(engine):
    analysis = analyse(
        engine,
        "A new poll by Ekos Politics showed that minorities were the least swayed by the "
        "affair. In an interview, Senator Charles Grassley expressed concern that the "
        "president may soon dismiss the agency director. The first round had shown how far "
        "apart the two sides are.",
    )
    indirect = [q.content.text for q in analysis.quotes if q.kind == "indirect"]
    assert any("least swayed" in text for text in indirect)
    assert not any("how far apart" in text for text in indirect)
    assert speaker_of(analysis, "dismiss the agency director", kind="indirect") == (
        "Charles Grassley"
    )


def test_a_statement_speaks_for_whoever_released_it(engine):
    analysis = analyse(
        engine,
        "A statement released by the White House said the president “welcomes the return "
        "of the two sailors held since March.”\n\n"
        "“Both men are well and will be home by Sunday,” the statement said.",
    )
    assert speaker_of(analysis, "welcomes the return") == "White House"
    assert speaker_of(analysis, "home by Sunday") == "White House"


def test_a_source_after_a_clause_is_not_the_name_before_it(engine):
    analysis = analyse(
        engine,
        "Police named the driver as Karim Osei, who had served two years for fraud, "
        "a source close to the inquiry told reporters.\n\n"
        "The source said “his car had been rented two days earlier under another name.”",
    )
    assert speaker_of(analysis, "rented two days earlier") != "Karim Osei"


def test_the_official_is_the_unnamed_one_introduced_not_a_named_person(engine):
    analysis = analyse(
        engine,
        "President Anna Vik met the Russian envoy, Oleg Petrov, in May.\n\n"
        "A former senior State Department official said the Russians had pressed for a "
        "private channel.\n\n"
        "“Every capital tries to get close to a new leader before the inauguration,” said "
        "the official, who asked not to be named because of the official’s past dealings "
        "with Vik’s team.\n\n"
        "Petrov declined to comment.\n\n"
        "“They work through layers of intermediaries,” said the former State Department "
        "official.",
    )
    for words in ("get close to a new leader", "layers of intermediaries"):
        speaker = speaker_actor(analysis, words)
        assert speaker is None or speaker.kind != "person", speaker


def test_an_officer_described_by_whom_he_covers_speaks_for_no_country(engine):
    analysis = analyse(
        engine,
        "Iran has drawn closer to Moscow since the sanctions returned.\n\n"
        "A former deputy intelligence officer for Russia told a magazine in January that the "
        "Kremlin waits for openings and takes them.",
    )
    assert speaker_actor(analysis, "waits for openings", kind="indirect") is None


def test_a_zero_width_space_before_a_pronoun_cue_does_not_hide_it(engine):
    text = (
        "Senator Maria Lopez opened the hearing on Monday.\n\n"
        "“The committee will not wait any longer for the documents,” \u200bshe said on the "
        "Sunday programme of a television channel.\n\n"
        "Reporters from the channel asked no further questions."
    )
    analysis = analyse(engine, text)
    assert speaker_of(analysis, "will not wait") == "Maria Lopez"
    (quote,) = [q for q in analysis.quotes if q.kind == "direct"]
    assert text[quote.content.start : quote.content.end] == quote.content.text  # offsets kept


def test_a_title_the_parser_split_from_its_name_gives_the_name(engine):
    # the small model makes both "spokesman" and "Kane" subjects of "said"
    analysis = analyse(
        engine,
        "The review was delayed again this week.\n\n"
        "“We have been working with our partners on it for months,” said Pentagon "
        "spokesman Capt. Robert Kane on Tuesday.",
    )
    assert speaker_of(analysis, "working with our partners") == "Robert Kane"


def test_a_reporting_verb_inside_a_direct_quote_is_no_indirect_quote(engine):
    analysis = analyse(
        engine,
        "Senator Ruth Calloway said she still backs the sanctions bill.\n\n"
        "“It is not helpful, I can say that for sure,” Calloway said. “Everything done on "
        "this issue for years has been bipartisan. Why change course now?”\n\n"
        "Her colleagues did not respond.",
    )
    assert speaker_of(analysis, "Everything done on") == "Ruth Calloway"
    cues = [q.cue.text for q in analysis.quotes if q.kind == "indirect" and q.cue]
    assert "say" not in cues
