"""The hand-checked news-quotes gold set: it loads, matches the corpus, and holds no text."""

from __future__ import annotations

import json

import pytest

from flashpoint.evaluation import SUITES, load_suite
from flashpoint.evaluation.matching import names_match
from flashpoint.evaluation.newsquotes import (
    LABEL_KEYS,
    LABELS,
    build_article,
    check_labels,
    load_indirect,
    load_labels,
    load_records,
    sha1_10,
)

MAX_DESC_WORDS = 6


def test_suite_is_registered():
    assert SUITES["news-quotes"] == "flashpoint.evaluation.newsquotes"
    assert load_suite("news-quotes").NAME == "news-quotes"


def test_labels_load_and_hold_only_allowed_fields():
    articles = load_labels()
    assert articles, "no labelled articles"
    ids = [a["id"] for a in articles]
    assert len(ids) == len(set(ids)), "an article is labelled twice"
    for article in articles:
        assert set(article) == {"id", "split", "quotes"}
        assert article["split"] in ("dev", "test")
        for q in article["quotes"]:
            assert set(q) <= LABEL_KEYS, set(q) - LABEL_KEYS
            assert 0 <= q["start"] < q["end"]
            assert len(q["sha1"]) == 10 and int(q["sha1"], 16) >= 0
            for key in ("speaker", "speaker_desc", "org", "country"):
                assert q.get(key) is None or isinstance(q[key], str)
            if q.get("speaker_desc"):
                assert len(q["speaker_desc"].split()) <= MAX_DESC_WORDS
            assert q["speaker"] or q.get("speaker_desc") or q.get("org")


def test_labels_file_is_one_json_object_a_line():
    for line in LABELS.read_text(encoding="utf-8").splitlines():
        assert isinstance(json.loads(line), dict)


def test_splits_have_at_least_15_articles():
    assert len(load_labels(split="dev")) >= 15
    assert len(load_labels(split="test")) >= 15
    assert len(load_labels(split="all")) == len(load_labels(split="dev")) + len(
        load_labels(split="test")
    )


def test_unknown_split_is_refused():
    with pytest.raises(ValueError, match="split"):
        load_labels(split="train")


@pytest.mark.shared
def test_every_label_matches_the_corpus_text(shared_dir):
    articles = load_labels()
    records = load_records(shared_dir, {a["id"] for a in articles})
    for article in articles:
        record = records[article["id"]]
        text = record["text"]
        for q in article["quotes"]:
            assert q["end"] <= len(text)
            assert sha1_10(text[q["start"] : q["end"]]) == q["sha1"], (article["id"], q)
        check_labels(record, article["quotes"])
        analysed, offset = build_article(record)
        assert analysed.text[offset : offset + len(text)] == text


@pytest.mark.shared
def test_drift_is_reported(shared_dir):
    from flashpoint.evaluation.newsquotes import LabelDrift

    article = load_labels()[0]
    record = load_records(shared_dir, {article["id"]})[article["id"]]
    moved = [{**article["quotes"][0], "start": article["quotes"][0]["start"] + 1}]
    with pytest.raises(LabelDrift, match=article["id"]):
        check_labels(record, moved)


INDIRECT_KEYS = {
    "cue_start", "cue_end", "cue_sha1", "start", "end", "sha1", "speaker", "speaker_desc",
    "org", "country", "belief", "ambiguous",
}  # fmt: skip


def test_indirect_labels_cover_labelled_articles_and_hold_only_offsets():
    splits = {a["id"]: a["split"] for a in load_labels()}
    indirect = load_indirect()
    assert len(indirect) >= 20
    for article_id, items in indirect.items():
        assert article_id in splits, article_id
        for item in items:
            assert set(item) == INDIRECT_KEYS, set(item) ^ INDIRECT_KEYS
            assert 0 <= item["cue_start"] < item["cue_end"]
            assert 0 <= item["start"] < item["end"]
            assert isinstance(item["belief"], bool) and isinstance(item["ambiguous"], bool)
            for key in ("speaker", "speaker_desc", "org", "country"):
                assert item[key] is None or isinstance(item[key], str)


@pytest.mark.shared
def test_every_indirect_label_matches_the_corpus_text(shared_dir):
    indirect = load_indirect()
    records = load_records(shared_dir, set(indirect))
    for article_id, items in indirect.items():
        text = records[article_id]["text"]
        for item in items:
            assert sha1_10(text[item["start"] : item["end"]]) == item["sha1"], item
            assert sha1_10(text[item["cue_start"] : item["cue_end"]]) == item["cue_sha1"], item
        check_labels(records[article_id], items)


@pytest.mark.parametrize(
    ("gold", "predicted", "same"),
    [
        ("Hossein Rassam", "Mr Rassam", True),
        ("Council on American-Islamic Relations", "CAIR", True),
        ("EU", "European Union", True),
        ("White House", "the statement", False),
        ("NATO", "North Korea", False),
        ("Patrick Wintour", None, False),
    ],
)
def test_speaker_names_match_by_word_or_acronym(gold, predicted, same):
    assert names_match(gold, predicted) is same
