"""Direct quotes and their speakers in real news (``flashpoint eval news-quotes``).

Gold: ``data/news_quotes.jsonl``, hand-labelled by reading 960 AllSides articles of
``../shared/corpora/allsides_2015_2020_geopolitics.jsonl`` (labels made without running
the engine). Publisher text is never copied: each line is ``{"id", "split", "quotes"}`` and
each quote holds only ``start``/``end`` (offsets of the words inside the marks, marks
excluded, into the record's ``text`` field; the title is not labelled), ``sha1`` (first 10
hex digits of the SHA-1 of that stretch, to detect drift), ``speaker`` (fullest name in the
article, or null), ``speaker_desc`` (<= 6 words, for unnamed or organisation speakers),
``org`` and ``country`` (ISO 3166 alpha-3) when an organisation speaks, and the flags
``fragment`` (4+ words of someone's speech embedded in a sentence), ``ambiguous`` (speaker
cannot be told; scored for recall only) and ``continues`` (a paragraph continuing the
previous paragraph's quote).

What counts as a direct quote: a stretch in straight or curly double marks, or in curly
single marks used as speech, that is someone's words. Scare quotes, titles, slogans and
nicknames of 1-3 words are not labelled; fragments of 1-3 words are not labelled either.

Sample (fixed): the corpus records in file order, shuffled with ``random.Random(2026)``;
taken in that order, skipping records whose ``text`` is longer than 9,000 characters or holds
no direct-quote candidate (a stretch of >= 4 words inside " ", “ ” or ‘ ’ on one line), until
480 articles, labelled in rounds (same order and rule). Articles 1-20, 41-120 and 161-200
are the split ``dev``; 21-40, 121-160 and 201-480 are ``test``, each round labelled before
the engine was run on it. Articles 481-600 (the next 120 of the same order holding a
candidate, labelled 2026-12-08) are ``dev`` too: the speaker ranker is trained on dev. One of
them (``lB4r5fa5os4XBWE2``) has mojibake for its quote marks and so no labels. Articles
601-720 (the next 120, labelled the same day once the ranker was final, scored once) are
``test``. Articles 721-840 (``dev``) and 841-960 (``test``), the next 240 of the same order,
were labelled later that day, before the engine ran on them; the ranker was then retrained on
all of dev. Develop on dev; test is held out.

Scoring. A gold quote is found when a predicted direct quote's content span shares at least
half of the longer span's characters with it (``direct_recall``; split into
``recall_full`` and ``recall_fragment``). Precision is not reported because scare quotes are
left out of the labels; ``direct_pred`` counts the engine's direct quotes. Speaker accuracy
is over found, non-ambiguous gold quotes:

- named gold speaker: correct when the predicted actor's name (or, with no actor, the
  speaker text) shares a content word with the gold name (``names_match``);
- unnamed gold speaker: correct unless the engine named a person actor that does not match
  the gold description (an organisation/country/group actor, a description, or no speaker
  is correct);
- organisation gold speaker: correct when the predicted name or text matches the
  organisation, or a non-person actor's country is the organisation's country.

Indirect quotes. ``data/news_indirect.jsonl`` holds hand labels of reported speech for 40 of
the articles (the 20 of ``test`` and the first 20 of ``dev``), made the same way: each line is
``{"id", "split", "indirect"}``, each item ``cue_start``/``cue_end``/``cue_sha1`` (the
reporting words: "said", "told", "according to", "is believed"), ``start``/``end``/``sha1``
(the reported clause, without a leading "that"), the speaker fields above, ``belief`` (a
reported belief: "officials fear that ...") and ``ambiguous``. Clauses more than half inside
quote marks are direct quotes and are not labelled here. A gold item is found when a
predicted indirect quote's cue overlaps the gold cue and its content overlaps the gold
clause, or its content shares half of the longer span (``indirect_recall`` over speech,
``belief_recall`` over beliefs); speakers are scored as for direct quotes
(``indirect_speaker_accuracy``, over found speech items).

Notes list every miss and wrong speaker as ``id: start-end gold=... pred=...`` (offsets into
the ``text`` field; never quote text); indirect ones are marked ``indirect``.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from flashpoint.evaluation.matching import best_quote, names_match, overlap, ratio
from flashpoint.ingest.readers import FieldMap, Overrides, from_record
from flashpoint.models import Actor, Analysis, Article, Quote

NAME = "news-quotes"
LABELS = Path(__file__).resolve().parent / "data" / "news_quotes.jsonl"
INDIRECT_LABELS = Path(__file__).resolve().parent / "data" / "news_indirect.jsonl"
CORPUS = Path("corpora") / "allsides_2015_2020_geopolitics.jsonl"
SPLITS = ("dev", "test", "all")
LABEL_KEYS = frozenset(
    ("start", "end", "sha1", "speaker", "speaker_desc", "org", "country", "fragment",
     "ambiguous", "continues")
)  # fmt: skip


class LabelDrift(ValueError):
    """A label's offsets no longer point at the text it was made on."""


def load_labels(path: Path = LABELS, *, split: str = "all") -> list[dict[str, Any]]:
    """The labelled articles of one split (``dev``, ``test`` or ``all``), in sample order."""
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; choose one of: {', '.join(SPLITS)}")
    with path.open(encoding="utf-8") as fh:
        articles = [json.loads(line) for line in fh if line.strip()]
    return [a for a in articles if split == "all" or a["split"] == split]


def load_indirect(path: Path = INDIRECT_LABELS) -> dict[str, list[dict[str, Any]]]:
    """Indirect-quote labels by article id (only some articles have them)."""
    with path.open(encoding="utf-8") as fh:
        return {a["id"]: a["indirect"] for a in map(json.loads, fh) if a}


def load_records(shared: Path, ids: set[str]) -> dict[str, dict[str, Any]]:
    """The corpus records with these ids; a missing one raises ``LabelDrift``."""
    found: dict[str, dict[str, Any]] = {}
    with (shared / CORPUS).open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            record = json.loads(line)
            if record.get("id") in ids:
                found[record["id"]] = record
    missing = ids - set(found)
    if missing:
        raise LabelDrift(f"labelled articles not in {shared / CORPUS}: {sorted(missing)}")
    return found


def sha1_10(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def build_article(record: dict[str, Any]) -> tuple[Article, int]:
    """The article as the JSONL reader makes it, and where the ``text`` field starts in it."""
    article = from_record(record, fields=FieldMap(), overrides=Overrides(), where=record["id"])
    body = record["text"]
    offset = 0 if article.text.startswith(body) else article.text.find(body)
    if offset < 0:
        raise LabelDrift(f"{record['id']}: the record's text is not inside the analysed text")
    return article, offset


def check_labels(record: dict[str, Any], quotes: list[dict[str, Any]]) -> None:
    """Raise ``LabelDrift`` when a label's stretch (or cue) no longer has its recorded hash."""
    text = record["text"]
    for q in quotes:
        stretches = [("start", "end", "sha1"), ("cue_start", "cue_end", "cue_sha1")]
        for start, end, key in stretches:
            if key not in q:
                continue
            got = sha1_10(text[q[start] : q[end]])
            if got != q[key]:
                raise LabelDrift(
                    f"{record['id']}: label {q[start]}-{q[end]} has sha1 {got}, expected "
                    f"{q[key]}; the corpus text or the labels changed"
                )


def run(
    engine: Any,
    shared: Path,
    *,
    limit: int | None = None,
    split: str = "test",
    labels: Path = LABELS,
) -> dict[str, Any]:
    """Direct-quote recall and speaker accuracy on the labelled news articles of ``split``."""
    articles = load_labels(labels, split=split)[:limit]
    indirect = load_indirect() if labels == LABELS else {}
    records = load_records(shared, {a["id"] for a in articles})
    counts: dict[str, int] = dict.fromkeys(
        ("articles", "direct_gold", "direct_pred", "hit", "full_gold", "full_hit",
         "fragment_gold", "fragment_hit", "speaker_scored", "speaker_ok", "named_scored",
         "named_ok", "unnamed_scored", "unnamed_ok", "org_scored", "org_ok", "ambiguous",
         "indirect_articles", "indirect_gold", "indirect_pred", "indirect_hit",
         "indirect_scored", "indirect_ok", "belief_gold", "belief_hit"),
        0,
    )  # fmt: skip
    notes: list[str] = []
    for item in articles:
        record = records[item["id"]]
        check_labels(record, item["quotes"])
        article, offset = build_article(record)
        analysis = engine.analyze(article)
        _score_article(analysis, item, offset, counts, notes)
        if item["id"] in indirect:
            check_labels(record, indirect[item["id"]])
            _score_indirect(analysis, item["id"], indirect[item["id"]], offset, counts, notes)
        counts["articles"] += 1
    return {"split": split, "metrics": _metrics(counts), "notes": notes}


def _score_indirect(
    analysis: Analysis,
    article_id: str,
    gold_items: list[dict[str, Any]],
    offset: int,
    counts: dict[str, int],
    notes: list[str],
) -> None:
    actors = {actor.id: actor for actor in analysis.actors}
    preds = [q for q in analysis.quotes if q.kind == "indirect"]
    counts["indirect_articles"] += 1
    counts["indirect_pred"] += len(preds)
    for gold in gold_items:
        kind = "belief" if gold.get("belief") else "indirect"
        counts[f"{kind}_gold"] += 1
        cue = (gold["cue_start"] + offset, gold["cue_end"] + offset)
        span = (gold["start"] + offset, gold["end"] + offset)
        where = f"{article_id}: {gold['start']}-{gold['end']} {kind}"
        match = _indirect_match(cue, span, preds)
        if match is None:
            notes.append(f"{where} missed gold={_gold_name(gold)} pred=<no quote>")
            continue
        counts[f"{kind}_hit"] += 1
        if kind == "belief" or gold.get("ambiguous"):
            continue
        counts["indirect_scored"] += 1
        if speaker_correct(gold, match, actors):
            counts["indirect_ok"] += 1
        else:
            notes.append(
                f"{where} speaker gold={_gold_name(gold)} pred={_pred_name(match, actors)}"
            )


def _indirect_match(
    cue: tuple[int, int], span: tuple[int, int], preds: list[Quote]
) -> Quote | None:
    """The predicted indirect quote on the same cue and clause, else the best clause match."""
    for quote in preds:
        content = (quote.content.start, quote.content.end)
        same_cue = quote.cue is not None and overlap(cue, (quote.cue.start, quote.cue.end)) > 0
        if same_cue and overlap(span, content) > 0:
            return quote
    return best_quote(span, preds)


def _score_article(
    analysis: Analysis,
    item: dict[str, Any],
    offset: int,
    counts: dict[str, int],
    notes: list[str],
) -> None:
    actors = {actor.id: actor for actor in analysis.actors}
    preds = [q for q in analysis.quotes if q.kind == "direct"]
    counts["direct_pred"] += len(preds)
    for gold in item["quotes"]:
        part = "fragment" if gold.get("fragment") else "full"
        counts["direct_gold"] += 1
        counts[f"{part}_gold"] += 1
        span = (gold["start"] + offset, gold["end"] + offset)
        where = f"{item['id']}: {gold['start']}-{gold['end']}"
        match = best_quote(span, preds)
        if match is None:
            notes.append(f"{where} missed{_tag(gold)} gold={_gold_name(gold)} pred=<no quote>")
            continue
        counts["hit"] += 1
        counts[f"{part}_hit"] += 1
        if gold.get("ambiguous"):
            counts["ambiguous"] += 1
            continue
        kind = "named" if gold["speaker"] else "org" if gold.get("org") else "unnamed"
        counts["speaker_scored"] += 1
        counts[f"{kind}_scored"] += 1
        if speaker_correct(gold, match, actors):
            counts["speaker_ok"] += 1
            counts[f"{kind}_ok"] += 1
        else:
            notes.append(
                f"{where} speaker{_tag(gold)} gold={_gold_name(gold)} "
                f"pred={_pred_name(match, actors)}"
            )


def speaker_correct(gold: dict[str, Any], quote: Quote, actors: dict[str, Actor]) -> bool:
    """The speaker rule of the module docstring."""
    actor = actors.get(quote.speaker) if quote.speaker else None
    predicted = actor.name if actor is not None else quote.speaker_text
    if gold["speaker"]:
        return names_match(gold["speaker"], predicted)
    if gold.get("org"):
        if names_match(gold["org"], predicted) or names_match(gold["org"], quote.speaker_text):
            return True
        return bool(
            actor is not None
            and actor.kind != "person"
            and gold.get("country")
            and actor.country == gold["country"]
        )
    if actor is None or actor.kind != "person":
        return True
    return bool(gold.get("speaker_desc")) and names_match(gold["speaker_desc"], actor.name)


def _tag(gold: dict[str, Any]) -> str:
    return " [fragment]" if gold.get("fragment") else ""


def _gold_name(gold: dict[str, Any]) -> str:
    if gold["speaker"]:
        return repr(gold["speaker"])
    if gold.get("org"):
        return f"org:{gold['org']!r}"
    return f"unnamed:{gold.get('speaker_desc')!r}"


def _pred_name(quote: Quote, actors: dict[str, Actor]) -> str:
    actor = actors.get(quote.speaker) if quote.speaker else None
    if actor is not None:
        return f"{actor.name!r} ({actor.kind})"
    return f"text:{quote.speaker_text!r}" if quote.speaker_text else "<none>"


def _metrics(c: dict[str, int]) -> dict[str, float]:
    return {
        "articles": c["articles"],
        "direct_gold": c["direct_gold"],
        "direct_pred": c["direct_pred"],
        "direct_recall": ratio(c["hit"], c["direct_gold"]),
        "recall_full": ratio(c["full_hit"], c["full_gold"]),
        "recall_fragment": ratio(c["fragment_hit"], c["fragment_gold"]),
        "speaker_scored": c["speaker_scored"],
        "speaker_accuracy": ratio(c["speaker_ok"], c["speaker_scored"]),
        "speaker_accuracy_named": ratio(c["named_ok"], c["named_scored"]),
        "speaker_accuracy_unnamed": ratio(c["unnamed_ok"], c["unnamed_scored"]),
        "speaker_accuracy_org": ratio(c["org_ok"], c["org_scored"]),
        "indirect_articles": c["indirect_articles"],
        "indirect_gold": c["indirect_gold"],
        "indirect_pred": c["indirect_pred"],
        "indirect_recall": ratio(c["indirect_hit"], c["indirect_gold"]),
        "indirect_speaker_accuracy": ratio(c["indirect_ok"], c["indirect_scored"]),
        "belief_gold": c["belief_gold"],
        "belief_recall": ratio(c["belief_hit"], c["belief_gold"]),
    }
