from __future__ import annotations

import datetime as dt
import gzip
import json

import pytest

from flashpoint.errors import ArticleError, InputError
from flashpoint.ingest.readers import FieldMap, Overrides, read_articles, read_text_article
from flashpoint.models import Article


def test_txt_first_line_is_title_when_a_blank_line_follows():
    article = read_text_article(b"Talks stall\n\nEnvoys left Geneva.", name="a.txt")
    assert article.title == "Talks stall"
    assert article.title_span is not None
    assert article.text[article.title_span.start : article.title_span.end] == "Talks stall"


def test_txt_without_blank_line_has_no_title():
    article = read_text_article(b"Envoys left Geneva.\nTalks stalled.", name="a.txt")
    assert article.title is None and article.title_span is None


def test_same_text_gets_the_same_id_and_other_text_another():
    one = read_text_article(b"Envoys left Geneva.", name="a")
    again = read_text_article(b"Envoys left Geneva.", name="b")
    other = read_text_article(b"Envoys left Vienna.", name="a")
    assert one.id == again.id != other.id


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"   \n\t ", "empty"),
        (b"\x7fELF\x00\x00\x01binary", "binary"),
        ("Caf\u00e9 talks".encode("latin-1"), "UTF-8"),
    ],
)
def test_unreadable_text_gives_a_clear_error(data, reason):
    with pytest.raises(ArticleError, match=reason):
        read_text_article(data, name="bad.txt")


def test_jsonl_bad_lines_are_reported_and_the_rest_read(tmp_path):
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps(
            {"id": "1", "text": "Iran condemned the strike.", "date": "2020-01-05"}
        ).encode(),
        b"{not json",
        json.dumps({"id": "3", "body": "no text field here"}).encode(),
        b'{"id": "4", "text": "Caf\xe9 bytes"}',
        json.dumps({"id": "5", "text": "Russia met Iran.", "published": "2020-02-01"}).encode(),
    ]
    path.write_bytes(b"\n".join(lines))
    items = list(read_articles([str(path)], fields=FieldMap(text=("text",))))
    assert [type(i).__name__ for i in items] == [
        "Article",
        "ArticleError",
        "ArticleError",
        "ArticleError",
        "Article",
    ]
    assert "not valid JSON" in items[1].reason
    assert "--text-field" in items[2].reason
    assert "UTF-8" in items[3].reason
    assert items[4].published == dt.date(2020, 2, 1)


def test_field_names_can_be_mapped(tmp_path):
    path = tmp_path / "batch.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write(json.dumps({"key": "k1", "story": "Iran met Iraq.", "when": "2019-03-04"}) + "\n")
    fields = FieldMap().override(id="key", text="story", date="when")
    [article] = read_articles([str(path)], fields=fields)
    assert isinstance(article, Article)
    assert (article.id, article.text, article.published) == (
        "k1",
        "Iran met Iraq.",
        dt.date(2019, 3, 4),
    )


def test_csv_with_long_bodies_and_overrides(tmp_path):
    path = tmp_path / "batch.csv"
    body = "Talks went on. " * 20000
    path.write_text(f'id,text,source\n7,"{body}",Wire\n8,,Wire\n', encoding="utf-8")
    items = list(read_articles([str(path)], overrides=Overrides(source="Desk")))
    assert isinstance(items[0], Article) and items[0].text == body and items[0].source == "Desk"
    assert isinstance(items[1], ArticleError)


def test_html_main_text_is_extracted(tmp_path):
    path = tmp_path / "page.html"
    paragraph = "<p>Iran's foreign minister met his Russian counterpart in Moscow on Monday to discuss the nuclear agreement and regional security.</p>"
    path.write_text(
        f"<html><head><title>Talks in Moscow</title></head><body><nav>Home | World</nav><article>{paragraph * 3}</article></body></html>",
        encoding="utf-8",
    )
    [article] = read_articles([str(path)])
    assert isinstance(article, Article)
    assert "Russian counterpart" in article.text and "Home | World" not in article.text


def test_folder_is_read_recursively_and_missing_path_is_a_usage_error(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "one.txt").write_text("Iran met Iraq.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    assert [a.text for a in read_articles([str(tmp_path)])] == ["Iran met Iraq."]
    with pytest.raises(InputError, match="no such file"):
        list(read_articles([str(tmp_path / "missing.txt")]))
