from __future__ import annotations

import pytest

from flashpoint.ingest.boilerplate import find_skipped, mask

ARTICLE = (
    "Ministers meet in Vienna\n\n"
    "The talks resumed on Monday.\n"
    "Nuclear talks: Why envoys fear a collapse [INSIGHT]\n"
    "  READ MORE: Sanctions tighten on shipping\n"
    "Officials said progress was slow.\n"
    "Source: Read Full Article"
)


def test_boilerplate_lines_are_recorded_with_exact_offsets():
    skipped = find_skipped(ARTICLE)
    assert [s.reason for s in skipped] == ["related-link", "related-link", "aggregator"]
    for span in skipped:
        assert ARTICLE[span.start : span.end] == span.text
    assert skipped[1].text.startswith("READ MORE")  # leading spaces are not part of the span


@pytest.mark.parametrize(
    "line",
    [
        "The minister said the talks were more important than ever.",
        "Sources: officials in Tehran",
        "He read the full article aloud to reporters in Geneva on Friday.",
        "The minister told students to read more.",
    ],
)
def test_ordinary_sentences_are_not_boilerplate(line):
    assert find_skipped(line) == []


def test_mask_keeps_length_and_newlines():
    spans = [(s.start, s.end) for s in find_skipped(ARTICLE)]
    masked = mask(ARTICLE, spans)
    assert len(masked) == len(ARTICLE)
    assert [i for i, c in enumerate(masked) if c == "\n"] == [
        i for i, c in enumerate(ARTICLE) if c == "\n"
    ]
    assert "INSIGHT" not in masked and "Read Full" not in masked
    assert "Officials said progress was slow." in masked


# A scraped page with politicians' hover cards left inline (invented text, same shape).
CARDS = (
    "Sen. Mary Vance Mary Ellen VanceFarm bill stalls again Senators trade barbs over tariffs "
    "MORE (D-Ore.) said the vote would slip.\n"
    "Speaker Tom Reed Thomas (Tom) Reed Budget talks collapse at midnight MORE told reporters "
    "that Rep. Ana OrtizAna Lucia Ortiz2020 hopefuls court veterans MORE agreed.\n"
    "He said aid would flow MORE quickly and that READ MORE pages were a nuisance."
)


def test_hover_cards_are_skipped_from_the_repeated_name_to_more():
    cards = [s for s in find_skipped(CARDS) if s.reason == "hover-card"]
    assert [c.text[:20] for c in cards] == [
        "Mary Ellen VanceFarm",
        "Thomas (Tom) Reed Bu",
        "Ana Lucia Ortiz2020 ",
    ]
    assert all(c.text.endswith("MORE") and CARDS[c.start : c.end] == c.text for c in cards)
    masked = mask(CARDS, [(s.start, s.end) for s in find_skipped(CARDS)])
    # the name the reader sees stays; the card and its headlines go
    assert "Sen. Mary Vance " in masked and "(D-Ore.) said the vote" in masked
    assert "Speaker Tom Reed " in masked and "Budget talks" not in masked
    assert "Rep. Ana Ortiz " in masked and "veterans" not in masked


def test_more_in_ordinary_text_is_not_a_hover_card():
    assert find_skipped("He said aid would flow MORE quickly than Rep. Li Wei promised.") == []
    assert (
        find_skipped("MORE THAN 50 LAWS TO GO\nOfficials said Ann Lee Ann Lee would speak.") == []
    )


def test_a_video_teaser_line_is_skipped():
    text = (
        "The minister spoke on Monday.\n"
        "JUST WATCHED Ministers meet in Vienna Replay More Videos ... "
        "MUST WATCH Ministers meet in Vienna 02:11\n"
        "Talks resume on Friday."
    )
    (skipped,) = find_skipped(text)
    assert skipped.reason == "video-teaser" and skipped.text.endswith("02:11")


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Enlarge this image toggle caption Jan Novak/AP Jan Novak/AP", "photo-credit"),
        ("Photographer: Ines Varga/Bloomberg", "photo-credit"),
        ("Play Video 1:12 Ministers leave the Vienna talks – video", "video-teaser"),
        ("Facebook Twitter Pinterest Envoys in Vienna. Photograph: Ines Varga/AP", "photo-credit"),
        ("Why the Vienna talks keep failing Read more", "related-link"),
    ],
)
def test_widget_labels_are_skipped(line, reason):
    (skipped,) = find_skipped("The talks ended on Friday.\n" + line + "\nEnvoys left.")
    assert (skipped.text, skipped.reason) == (line, reason)
