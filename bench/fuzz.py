"""A bounded fuzz run of the analyse path and every reader (issue 8, item 1).

Random and adversarial input goes through ``Engine.analyze_many`` and through
``read_articles`` on .txt, .html, .jsonl, .csv and .rss files: empty and whitespace-only
text, NUL bytes, invalid UTF-8, RTL and mixed scripts, unbalanced quote marks by the
hundred, a 5 MB single line, HTML nested 10,000 deep, a million-column CSV header,
billion-laughs and external-entity XML. Every case must give Articles/Analyses or
``ArticleError``s (a *crash* is any other exception), finish within the per-case limit
(a *hang* otherwise; a POSIX timer interrupts it), and every span must slice back
exactly. Prints the counts and the slowest case; exit status 1 on any crash, hang or span
violation. Nothing touches the network: feed links point to loopback, which the default
fetch policy refuses before connecting.

    .venv/bin/python bench/fuzz.py                    # 10,000 cases
    .venv/bin/python bench/fuzz.py --cases 300 --seed 7
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flashpoint.errors import ArticleError
from flashpoint.limits import alarm
from flashpoint.models import Analysis, Article
from flashpoint.validate import span_problems

# Share of the cases per kind; "analyse" is the whole pipeline, the rest are readers.
KINDS = {"analyse": 0.3, "txt": 0.14, "html": 0.14, "jsonl": 0.14, "csv": 0.14, "rss": 0.14}
WORDS = ["Iran", "condemned", "the", "United", "States", "Putin", "said", "sanctions", "on",
         "Monday", "talks", "in", "Moscow", "Hamas", "attacked", "Israel", "Xi", "met", "Biden",
         "threatened", "to", "withdraw", "from", "the", "agreement", "Kyiv", "Tehran", "Gaza"]  # fmt: skip
ODD = ["\x00", "\u202e", "\u202b", "\u200b", "\ufeff", "\u3000", "\t", "\r\n", "\n\n", "\r",
       '"', "'", "“", "”", "‘", "’", "«", "»", "„", "「", "」", "—", "…", "\\", "&amp;", "<",
       ">", "إيران تدين", "איראן", "Россия", "中国", "🇺🇦", "e\u0301", "ﷺ", "\U0001f600", "[", "]",
       "Source: Read Full Article", "READ MORE: ", "(AP) —", "\udcff"]  # fmt: skip
LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY l0 "lol">'
    + "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    + "]>"
)
QUOTES = ["“", "”", '"', "‘", "«"]
XXE = '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>'


@dataclass
class Tally:
    cases: Counter[str] = field(default_factory=Counter)
    crashes: list[str] = field(default_factory=list)
    hangs: list[str] = field(default_factory=list)
    spans: list[str] = field(default_factory=list)
    leaks: list[str] = field(default_factory=list)
    outcomes: Counter[str] = field(default_factory=Counter)
    slowest: tuple[float, str] = (0.0, "")


class Hang(BaseException):
    """The per-case time limit passed (BaseException: no ``except Exception`` eats it)."""


def limit(seconds: float) -> AbstractContextManager[None]:
    """The per-case limit: the engine's own timer mechanism, raising ``Hang``."""
    return alarm(seconds, Hang)


# -- generators: each returns (label, payload) ----------------------------------------------


def text(rng: random.Random, *, size: int = 80) -> str:
    pieces = [rng.choice(WORDS if rng.random() < 0.6 else ODD) for _ in range(rng.randint(0, size))]
    joiner = rng.choice([" ", "", ". ", " \n"])
    return joiner.join(pieces)


def special_text(rng: random.Random) -> tuple[str, str]:
    specials: dict[str, Callable[[], str]] = {
        "empty": lambda: "",
        "whitespace": lambda: rng.choice([" ", "\n\n\t", "\u3000\u200b", "\r\n" * 50]),
        "quotes": lambda: "Iran said " + "".join(rng.choice('"“”‘’«»\'') for _ in range(rng.randint(100, 600))),
        "quoted-words": lambda: " ".join(rng.choice(QUOTES) + rng.choice(WORDS) for _ in range(300)) + ".",
        "rtl": lambda: "\u202e" + text(rng) + " إيران أدانت الولايات المتحدة. איראן גינתה " + text(rng),
        "nul": lambda: "\x00".join(rng.choice(WORDS) for _ in range(60)),
        "long-token": lambda: "Iran " + "x" * rng.randint(1000, 150_000) + " said.",
        "long-line": lambda: " ".join(rng.choice(WORDS) for _ in range(rng.randint(400, 3000))),
        "huge": lambda: "Iran attacked Iraq " * 300_000,  # 5.7 MB on one line
    }  # fmt: skip
    label = rng.choice(list(specials))
    return label, specials[label]()


def html_case(rng: random.Random) -> tuple[str, bytes]:
    body = "".join(f"<p>{text(rng)}</p>" for _ in range(rng.randint(0, 6)))
    choices: dict[str, Callable[[], str]] = {
        "random": lambda: f"<html><head><title>{text(rng, size=8)}</title></head><body><article>{body}</article></body></html>",
        "nested": lambda: "<div>" * 10_000 + body + "</div>" * rng.choice([0, 10_000]),
        "unclosed": lambda: "".join(rng.choice(["<p>", "<div>", "<b>", "<!--", "<script>", "<![CDATA["]) + text(rng, size=5) for _ in range(500)),
        "laughs": lambda: LAUGHS + f"<html><body><p>&l9; {body}</p></body></html>",
        "script": lambda: f"<html><body><script>{'x' * 100_000}</script><article>{body}</article></body></html>",
    }  # fmt: skip
    label = rng.choice(list(choices))
    return label, mangle(rng, choices[label]().encode("utf-8", "surrogatepass"))


def jsonl_case(rng: random.Random) -> tuple[str, bytes]:
    def record() -> str:
        choice = rng.random()
        if choice < 0.5:
            return json.dumps(
                {
                    "id": rng.choice([None, "", 1, "a"]),
                    "text": text(rng),
                    "title": text(rng, size=5),
                    "date": rng.choice(["2020-01-02", "soon", 5, None]),
                }
            )
        if choice < 0.6:
            return "[" * rng.randint(1000, 200_000) + "]" * rng.choice([0, 1000])
        if choice < 0.7:
            return json.dumps({"text": "x " * rng.randint(100_000, 2_000_000)})
        return rng.choice(["{", "null", "[]", '{"text": 5}', '{"text": "\\ud800"}', text(rng, size=10)])  # fmt: skip

    lines = [record() for _ in range(rng.randint(0, 5))]
    return "records", mangle(rng, "\n".join(lines).encode("utf-8", "surrogatepass"))


def csv_case(rng: random.Random) -> tuple[str, bytes]:
    if rng.random() < 0.03:
        header = ",".join(f"c{i}" for i in range(1_000_000))
        return "wide-header", (header + "\nid,text\n1,Iran said.\n").encode()
    rows = ["id,text,title,date"] + [
        ",".join(rng.choice(['"', "", text(rng, size=6), f'"{text(rng)}"', "x" * rng.choice([1, 500_000])]) for _ in range(rng.randint(0, 6)))
        for _ in range(rng.randint(0, 5))
    ]  # fmt: skip
    return "rows", mangle(rng, "\n".join(rows).encode("utf-8", "surrogatepass"))


def rss_case(rng: random.Random, secret: Path) -> tuple[str, bytes]:
    item = (
        "<item><title>{t}</title><link>{link}</link><description>{d}</description>"
        "<pubDate>{date}</pubDate></item>"
    )
    links = [
        "http://127.0.0.1:9/a",
        "http://10.0.0.1/x",
        "http://[::1]/",
        "file:///etc/passwd",
        "",
        "javascript:x",
    ]
    items = "".join(
        item.format(t=text(rng, size=5), link=rng.choice(links), d=rng.choice([text(rng), "&l9;", "&x;", "<![CDATA[<p>" + text(rng) + "</p>]]>"]),
                    date=rng.choice(["Mon, 06 Jan 2020 10:00:00 GMT", "soon", ""]))
        for _ in range(rng.randint(0, 4))
    )  # fmt: skip
    label = rng.choice(["plain", "laughs", "xxe", "broken"])
    head = {
        "plain": '<?xml version="1.0"?>',
        "laughs": LAUGHS,
        "xxe": XXE.format(secret=secret),
        "broken": "<rss",
    }[label]
    return label, mangle(
        rng,
        f'{head}<rss version="2.0"><channel><title>t</title>{items}</channel></rss>'.encode(
            "utf-8", "surrogatepass"
        ),
    )


def mangle(rng: random.Random, data: bytes) -> bytes:
    """Sometimes damage the bytes: invalid UTF-8, NULs, truncation, a BOM."""
    roll = rng.random()
    if roll < 0.1 and data:
        at = rng.randrange(len(data))
        return data[:at] + rng.choice([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\x00"]) + data[at:]
    if roll < 0.15:
        return data[: rng.randrange(len(data) + 1)]
    if roll < 0.18:
        return b"\xef\xbb\xbf" + data
    return data


# -- running -------------------------------------------------------------------------------


def check_item(item: Any, label: str, tally: Tally) -> None:
    if isinstance(item, ArticleError):
        tally.outcomes["error"] += 1
        return
    if isinstance(item, Article):
        tally.outcomes["article"] += 1
        span = item.title_span
        if span is not None and item.text[span.start : span.end] != span.text:
            tally.spans.append(f"{label}: title span {span}")
        return
    if isinstance(item, Analysis):
        tally.outcomes["analysis"] += 1
        if problems := span_problems(item.to_dict()):
            tally.spans.append(f"{label}: {problems[:2]}")
        return
    tally.crashes.append(f"{label}: unexpected item {type(item).__name__}")


def run_case(
    kind: str, label: str, work: Callable[[], list[Any]], tally: Tally, seconds: float, secret: str
) -> None:
    tally.cases[kind] += 1
    started = time.perf_counter()
    name = f"{kind}/{label}#{tally.cases[kind]}"
    try:
        with limit(seconds):
            items = work()
    except Hang:
        tally.hangs.append(f"{name}: over {seconds:g} s")
        return
    except Exception as exc:  # noqa: BLE001 - a crash is what we count
        tally.crashes.append(
            f"{name}: {type(exc).__name__}: {exc}"[:300] + "\n" + traceback.format_exc(limit=3)
        )
        return
    elapsed = time.perf_counter() - started
    if elapsed > tally.slowest[0]:
        tally.slowest = (elapsed, name)
    for item in items:
        check_item(item, name, tally)
        if secret in (getattr(item, "text", "") or "") + (getattr(item, "title", "") or ""):
            tally.leaks.append(f"{name}: a local file's content was read into the article")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cases", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--case-seconds", type=float, default=60.0, help="per-case limit (a hang)")
    ap.add_argument("--max-minutes", type=float, default=60.0, help="stop early after this")
    args = ap.parse_args()

    from flashpoint.engine import Engine
    from flashpoint.ingest.readers import read_articles

    rng = random.Random(args.seed)
    engine = Engine()
    tally = Tally()
    started = time.monotonic()
    stop_at = started + args.max_minutes * 60
    kinds = rng.choices(list(KINDS), weights=list(KINDS.values()), k=args.cases)
    with tempfile.TemporaryDirectory() as tmp:
        secret = Path(tmp) / "secret.txt"
        marker = "FUZZ-SECRET-7c1e"
        secret.write_text(marker)
        for number, kind in enumerate(kinds):
            if time.monotonic() > stop_at:
                print(f"stopped after {args.max_minutes:g} minutes")
                break
            if kind == "analyse":
                label, body = (
                    special_text(rng)
                    if rng.random() < 0.08
                    else ("random", text(rng, size=rng.choice([5, 80, 600])))
                )
                article = Article(id=f"a{number}", text=body)
                run_case(
                    kind,
                    label,
                    lambda a=article: list(engine.analyze_many([a])),
                    tally,
                    args.case_seconds,
                    marker,
                )
                continue
            if kind == "txt":
                label, data = (
                    "text",
                    mangle(
                        rng,
                        (special_text(rng)[1] if rng.random() < 0.1 else text(rng)).encode(
                            "utf-8", "surrogatepass"
                        ),
                    ),
                )
            elif kind == "html":
                label, data = html_case(rng)
            elif kind == "jsonl":
                label, data = jsonl_case(rng)
            elif kind == "csv":
                label, data = csv_case(rng)
            else:
                label, data = rss_case(rng, secret)
            path = Path(tmp) / f"case.{kind}"
            path.write_bytes(data)
            run_case(
                kind,
                label,
                lambda p=path: list(read_articles([str(p)])),
                tally,
                args.case_seconds,
                marker,
            )
            if number % 1000 == 999:
                print(
                    f"... {number + 1} cases, {len(tally.crashes)} crashes, {len(tally.hangs)} hangs",
                    flush=True,
                )
    report(tally)
    print(f"wall time {time.monotonic() - started:.0f} s (model load included)")
    raise SystemExit(1 if tally.crashes or tally.hangs or tally.spans or tally.leaks else 0)


def report(tally: Tally) -> None:
    total = sum(tally.cases.values())
    print(f"cases {total:,} ({', '.join(f'{k} {v:,}' for k, v in sorted(tally.cases.items()))})")
    print(f"outcomes: {', '.join(f'{k} {v:,}' for k, v in sorted(tally.outcomes.items()))}")
    print(
        f"crashes {len(tally.crashes)}, hangs {len(tally.hangs)}, span violations {len(tally.spans)}, local-file leaks {len(tally.leaks)}"
    )
    print(f"slowest case: {tally.slowest[1]} in {tally.slowest[0]:.2f} s")
    for line in (tally.crashes + tally.hangs + tally.spans + tally.leaks)[:20]:
        print("  " + line)


if __name__ == "__main__":
    main()
