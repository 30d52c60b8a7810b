"""Convert the CAMEO/PLOVER reference tables in ../shared/formats into events/data files.

Run by a developer only (the package never reads ../shared):

    .venv/bin/python scripts/build_event_codebook.py [--shared ../shared]

Writes src/flashpoint/events/data/{cameo.tsv, cameo2plover.tsv, plover.json}.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "flashpoint" / "events" / "data"

# PLOVER manual table 7.2: the quad category of each PLOVER type.
QUAD = {
    1: ("AGREE", "CONSULT", "SUPPORT", "CONCEDE"),
    2: ("COOPERATE", "AID", "RETREAT"),
    3: ("REQUEST", "ACCUSE", "REJECT", "SANCTION", "THREATEN"),
    4: ("PROTEST", "MOBILIZE", "COERCE", "ASSAULT"),
}
CONTEXTS = [
    "military",
    "intelligence",
    "executive",
    "legislative",
    "election",
    "political_institutions",
    "pro_democracy",
    "pro_autocracy",
    "economic",
    "legal",
    "reparations",
    "human_rights",
    "rights_freedoms",
    "repression",
    "human_security",
    "gender",
    "lgbt",
    "religion_ethnicity",
    "inequality",
    "diplomatic",
    "territory",
    "peacekeeping",
    "health",
    "asylum",
    "migration",
    "disasters",
    "natural_resource",
    "environment",
    "technology",
    "terrorism",
    "cbrn",
    "cyber",
    "misinformation",
    "crime",
    "corruption",
    "illegal_drugs",
    "trafficking",
]


def cameo_table(shared: Path) -> list[dict[str, str]]:
    path = shared / "formats" / "cameo_eventcodes_goldstein_quadclass.tsv"
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    return [
        {
            "cameo": r["cameo_code"],
            "root": r["root_code"],
            "quad_class": r["quad_class_gdelt_UNVERIFIED"],
            "goldstein": r["goldstein"],
            "description": r["description"],
        }
        for r in rows
    ]


def cameo2plover(shared: Path) -> list[dict[str, str]]:
    rows = []
    pattern = re.compile(r"^(\d{3,4}):\s*([A-Z]+)\s*,\s*([^,#]*?)\s*,\s*([^#]*?)\s*(?:#.*)?$")
    for line in (shared / "formats" / "CAMEO2PLOVER-2021.txt").read_text().splitlines():
        match = pattern.match(line.strip())
        if match:
            code, ptype, mode, context = match.groups()
            contexts = [c.strip().replace(" ", "_") for c in context.split(";") if c.strip()]
            rows.append(
                {"cameo": code, "type": ptype, "mode": mode.strip(), "context": ";".join(contexts)}
            )
    return rows


def plover_scores(shared: Path) -> dict[str, dict[str, float]]:
    """Table 2.2 of the PLOVER manual: type -> {"": base score, mode: score}."""
    text = (shared / "formats" / "PLOVER_MANUAL.txt").read_text()
    table = text.split("Table 2.2: PLOVER conflict–cooperation scores", 1)[1].split("Chapter 3", 1)[
        0
    ]
    scores: dict[str, dict[str, float]] = {}
    cell = re.compile(r"([A-Z]+)(?::\s*([A-Za-z-]+))?\s+(-?\d+(?:\.\d+)?)")
    for ptype, mode, score in cell.findall(table):
        if ptype == "CATEGORY":
            continue
        scores.setdefault(ptype, {})[(mode or "").lower()] = float(score)
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    for name, rows in (
        ("cameo.tsv", cameo_table(args.shared)),
        ("cameo2plover.tsv", cameo2plover(args.shared)),
    ):
        with (OUT / name).open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(
                fh, fieldnames=list(rows[0]), delimiter="\t", lineterminator="\n"
            )
            writer.writeheader()
            writer.writerows(rows)
    scores = plover_scores(args.shared)
    types = {
        ptype: {
            "quad_class": quad,
            "score": scores[ptype][""],
            "modes": {mode: score for mode, score in scores[ptype].items() if mode},
        }
        for quad, names in QUAD.items()
        for ptype in names
    }
    plover = {
        "source": "PLOVER manual (2024-02-04) tables 2.1, 2.2, 7.2",
        "types": types,
        "contexts": CONTEXTS,
    }
    (OUT / "plover.json").write_text(json.dumps(plover, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
