"""Article highlighting: the text is cut at span boundaries and never changed or lost."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from flashpoint.web.highlight import Mark, marks_of, segments
from flashpoint.web.pages import safe_url, templates


@st.composite
def text_and_marks(draw):
    text = draw(st.text(min_size=0, max_size=80))
    n = len(text)
    marks = []
    for i in range(draw(st.integers(0, 8))):
        start = draw(st.integers(-2, n + 2))
        end = draw(st.integers(-2, n + 2))
        kind = draw(st.sampled_from(["actor", "event", "trigger", "quote"]))
        marks.append(Mark(start, end, kind, f"label {i}", f"r{i}"))
    return text, marks


@given(text_and_marks())
def test_segments_join_back_to_the_text_and_carry_their_covering_kinds(case):
    text, marks = case
    pieces = segments(text, marks)
    assert "".join(p.text for p in pieces) == text
    offset = 0
    for piece in pieces:
        end = offset + len(piece.text)
        expected = {m.kind for m in marks if 0 <= m.start < m.end <= len(text)
                    and m.start <= offset and end <= m.end}  # fmt: skip
        assert set(piece.kinds) == expected and piece.text
        offset = end


def test_marks_of_a_record_cover_actors_events_triggers_and_quotes():
    text = 'Iran accused Israel. "No," he said.'
    record = {
        "actors": [{"id": "a1", "name": "Iran", "kind": "country", "country": "IRN",
                    "mentions": [{"start": 0, "end": 4, "text": "Iran"}]}],
        "events": [{"id": "e1", "type": "ACCUSE", "modality": "asserted",
                    "evidence": {"start": 0, "end": 20}, "trigger": {"start": 5, "end": 12}}],
        "quotes": [{"id": "q1", "speaker_text": "he", "content": {"start": 22, "end": 25}}],
    }  # fmt: skip
    pieces = {p.text: p.kinds for p in segments(text, marks_of(record))}
    assert pieces["Iran"] == ["actor", "event"]
    assert pieces["accused"] == ["event", "trigger"]
    assert pieces["No,"] == ["quote"]


def test_a_speaker_the_ranker_chose_says_so():
    text = 'Lena Vogt arrived. "We will stay," the bulletin added.'
    quote = {"id": "Q1", "kind": "direct", "speaker_text": "Lena Vogt", "speaker_by": "ranker",
             "content": {"start": 20, "end": 33, "text": "We will stay,"}}  # fmt: skip
    (mark,) = marks_of({"quotes": [quote]})
    assert mark.label == "quote: Lena Vogt (speaker chosen by the ranker)"
    record = {"id": "a", "title": "t", "published": None, "source": None, "url": None, "text": text}
    render = templates().get_template("article.html").render
    html = render(article=record, safe_url=None, segments=segments(text, []), actors=[],
                  events=[], quotes=[quote])  # fmt: skip
    assert "speaker chosen by the ranker, not the cue" in html
    quote["speaker_by"] = "rules"
    html = render(article=record, safe_url=None, segments=segments(text, []), actors=[],
                  events=[], quotes=[quote])  # fmt: skip
    assert "ranker" not in html


def test_article_template_escapes_every_field():
    payload = "<script>alert(1)</script>"
    record = {"id": payload, "title": payload, "published": None, "source": payload,
              "url": "javascript:alert(1)", "text": payload}  # fmt: skip
    html = templates().get_template("article.html").render(
        article=record, safe_url=safe_url(record["url"]), segments=segments(payload, []),
        actors=[{"name": payload, "kind": payload}], events=[], quotes=[],
    )  # fmt: skip
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "javascript:" not in html


def test_only_http_urls_are_linked():
    assert safe_url("https://example.org/a") == "https://example.org/a"
    for url in ("javascript:alert(1)", "JAVASCRIPT:x", "data:text/html,x", "//evil", "", None):
        assert safe_url(url) is None
