"""Quote marks alone (no parse): pairing, multi-paragraph quotes, scare quotes, bad marks."""

from __future__ import annotations

from flashpoint.quotes.marks import find_direct_quotes


def contents(text: str) -> list[list[str]]:
    quotes, _ = find_direct_quotes(text)
    return [[text[a:b] for a, b in q.parts] for q in quotes]


def test_curly_and_straight_quotes_exclude_the_marks():
    text = 'She said: “We will stay here for now.” He replied: "We will leave tonight."'
    assert contents(text) == [["We will stay here for now."], ["We will leave tonight."]]


def test_multi_paragraph_quote_opens_each_paragraph_and_closes_once():
    text = "He said: “One two three four.\n\n“Five six seven eight.\n\n“Nine ten eleven.”\n\nAfter."
    quotes, warnings = find_direct_quotes(text)
    assert [[text[a:b] for a, b in q.parts] for q in quotes] == [
        ["One two three four.", "Five six seven eight.", "Nine ten eleven."]
    ]
    assert warnings == []


def test_blanked_lines_between_parts_are_not_content():
    text = "He said: “One two three four.\n\n      \n      \n\n“Five six seven eight.”"
    assert contents(text) == [["One two three four.", "Five six seven eight."]]


def test_scare_quotes_of_one_to_three_words_are_not_quotes():
    text = "Officials called it “a turning point” and the “reset” failed."
    assert contents(text) == []


def test_short_speech_with_punctuation_is_a_quote():
    assert contents("“No,” she said.") == [["No,"]]


def test_nested_single_quotes_stay_inside():
    text = "“They told us ‘the count is final’ far too early,” he said."
    assert contents(text) == [["They told us ‘the count is final’ far too early,"]]


def test_apostrophes_are_not_single_quotes():
    assert contents("Russia’s power and Trump’s policy don’t mix, he said.") == []


def test_unclosed_quote_ends_at_its_paragraph_with_a_warning():
    text = "He said: “We will win this fight.\n\nThe crowd cheered loudly."
    quotes, warnings = find_direct_quotes(text)
    assert [[text[a:b] for a, b in q.parts] for q in quotes] == [["We will win this fight."]]
    assert warnings and "never closed" in warnings[0]


def test_stray_closing_mark_warns_and_continues():
    text = "Nothing here” at all. She said: “We are ready to talk now.”"
    quotes, warnings = find_direct_quotes(text)
    assert [[text[a:b] for a, b in q.parts] for q in quotes] == [["We are ready to talk now."]]
    assert any("without an opening" in w for w in warnings)


def test_odd_numbers_of_marks_never_raise():
    for text in ['"', "“", "” “ ”", 'a "b "c', "“a\n\n“b\n\n", "‘", '""', "“”", "“ ”"]:
        quotes, _ = find_direct_quotes(text)
        assert all(0 <= a < b <= len(text) for q in quotes for a, b in q.parts)


def test_curly_quote_closed_by_a_straight_mark():
    text = 'He said: “It will be used as the latest proof for populists." Then he left.'
    assert contents(text) == [["It will be used as the latest proof for populists."]]


def test_two_apostrophes_close_a_double_quote():
    text = (
        "\"I was afraid of sounding like an angry woman at the meeting,'' says Ms Okoro.\n\n"
        "“We tried everything we could think of,'' he said. She added, \"It's over now for us.\""
    )
    quotes, warnings = find_direct_quotes(text)
    assert [text[s:e] for q in quotes for s, e in q.parts] == [
        "I was afraid of sounding like an angry woman at the meeting,",
        "We tried everything we could think of,",
        "It's over now for us.",
    ]
    assert warnings == []
