"""Exports of the stored events: PLOVER JSON lines, GDELT 2.0 event rows, Parquet (issue 6)."""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from flashpoint.store.queries import events, events_sql

if TYPE_CHECKING:
    from flashpoint.store.db import Store

# The 61 columns of a GDELT 2.0 event record, in order (GDELT 2.0 event codebook).
GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)  # fmt: skip
_PAGE = 5000


def iter_events(store: Store, **filters: Any) -> Iterator[dict[str, Any]]:
    """Every event matching ``filters`` (see ``queries.events``), read a page at a time."""
    offset = 0
    while True:
        page = events(store.conn, limit=_PAGE, offset=offset, **filters)
        yield from page
        if len(page) < _PAGE:
            return
        offset += _PAGE


def write_plover(store: Store, out: TextIO, **filters: Any) -> int:
    """Write one PLOVER JSON record per event (PLOVER manual, ch. 6); returns the count."""
    n = 0
    for event in iter_events(store, **filters):
        out.write(json.dumps(plover_record(event), ensure_ascii=False, default=str) + "\n")
        n += 1
    return n


def plover_record(event: dict[str, Any]) -> dict[str, Any]:
    """PLOVER field names; flashpoint's modality, attribution and offsets added beside them."""
    return {
        "id": f"{event['article_id']}-{event['event_id']}",
        "date": event["day"].isoformat() if event["day"] else None,
        "actor": _entities(event, "actor"),
        "recipient": _entities(event, "recipient"),
        "event": [event["type"]],
        "mode": [event["mode"]] if event["mode"] else [],
        "context": list(event["context"] or []),
        "quad_code": event["quad_class"],
        "event_scale": event["score"],
        "event_loc": event["location"],
        "event_text": [event["evidence_text"]],
        "text_info": {"start": event["evidence_start"], "end": event["evidence_end"]},
        "cite_info": {
            "url": event["url"],
            "title": event["title"],
            "publication": event["source"],
            "coder": "flashpoint",
            "codebook": "plover",
        },
        "coded_date": event["analysed_at"].date().isoformat() if event["analysed_at"] else None,
        "modality": event["modality"],
        "attributed_to": event["attributed_to"],
        "cameo": event["cameo"],
        "goldstein": event["goldstein"],
        "trigger": {
            "start": event["trigger_start"],
            "end": event["trigger_end"],
            "text": event["trigger_text"],
        },
        "article_id": event["article_id"],
        "confidence": event["confidence"],
    }


def _entities(event: dict[str, Any], role: str) -> list[dict[str, Any]]:
    parts = zip(event[role], event[f"{role}_sector"], event[f"{role}_text"], strict=True)
    return [{"code": code, "sector": sector, "entity_text": text} for code, sector, text in parts]


def write_parquet(store: Store, path: str | Path, **filters: Any) -> int:
    """Write the events (the columns of ``queries.events``) to a Parquet file with DuckDB.

    Needs no pyarrow: DuckDB writes Parquet itself. Returns the count of rows.
    """
    sql, params = events_sql(limit=None, **filters)
    target = str(path).replace("'", "''")
    store.conn.execute(f"COPY ({sql}) TO '{target}' (FORMAT parquet)", params)
    row = store.conn.execute(f"SELECT count(*) FROM read_parquet('{target}')").fetchone()
    return int(row[0]) if row else 0


def write_gdelt(store: Store, out: TextIO, *, header: bool = True, **filters: Any) -> int:
    """Write GDELT 2.0 event rows as CSV with a header, 61 columns; returns the row count.

    Comma-separated (GDELT's own files use tabs) so that pandas and DuckDB read it with no
    options (issue 6). One row per event with its first actor and first recipient (GDELT
    has one of each). Columns flashpoint cannot derive (ethnic/religion codes, tone, ADM
    codes ...) are empty.
    """
    writer = csv.writer(out, lineterminator="\n")
    if header:
        writer.writerow(GDELT_COLUMNS)
    n = 0
    for event in iter_events(store, **filters):
        row = gdelt_row(event)
        writer.writerow([_cell(row.get(name)) for name in GDELT_COLUMNS])
        n += 1
    return n


def global_event_id(article_id: str, event_id: str) -> int:
    """A stable positive 60-bit integer id for an event (GDELT ids are integers)."""
    digest = hashlib.sha256(f"{article_id}\x00{event_id}".encode()).hexdigest()
    return int(digest[:15], 16)


def gdelt_row(event: dict[str, Any]) -> dict[str, Any]:
    day = event["day"]
    cameo = event["cameo"] or ""
    row: dict[str, Any] = {
        "GLOBALEVENTID": global_event_id(event["article_id"], event["event_id"]),
        "EventCode": cameo or None,
        "EventBaseCode": cameo[:3] or None,
        "EventRootCode": cameo[:2] or None,
        "QuadClass": event["quad_class"],
        "GoldsteinScale": event["goldstein"],
        "NumMentions": 1,
        "NumSources": 1,
        "NumArticles": 1,
        "SOURCEURL": event["url"],
    }
    if day is not None:
        row |= {
            "SQLDATE": day.strftime("%Y%m%d"),
            "MonthYear": day.strftime("%Y%m"),
            "Year": day.year,
            "FractionDate": round(day.year + (day.timetuple().tm_yday - 1) / 365, 4),
        }
    if event["analysed_at"] is not None:
        row["DATEADDED"] = event["analysed_at"].strftime("%Y%m%d%H%M%S")
    row |= _gdelt_actor(event, "actor", "Actor1")
    row |= _gdelt_actor(event, "recipient", "Actor2")
    row |= _gdelt_geo(event["location"])
    return row


def _gdelt_actor(event: dict[str, Any], role: str, prefix: str) -> dict[str, Any]:
    if not event[role]:
        return {}
    code, sector, text = event[role][0], event[f"{role}_sector"][0], event[f"{role}_text"][0]
    out = {
        f"{prefix}Code": (code or "") + (sector or "") or None,
        f"{prefix}Name": text.upper() if text else None,
        f"{prefix}Type1Code": sector,
    }
    if code and len(code) == 3 and code.isalpha():
        out[f"{prefix}CountryCode"] = code
    return out


def _gdelt_geo(location: dict[str, Any] | None) -> dict[str, Any]:
    if not location:
        return {}

    def pick(*keys: str) -> Any:
        return next((location[k] for k in keys if location.get(k) not in (None, "")), None)

    return {
        "ActionGeo_FullName": pick("name", "resolved_placename", "text"),
        "ActionGeo_CountryCode": pick("country_code3", "country", "country_code"),
        "ActionGeo_Lat": pick("lat", "latitude"),
        "ActionGeo_Long": pick("lon", "lng", "longitude"),
        "ActionGeo_FeatureID": pick("geonameid", "geonames_id", "id"),
    }


def _cell(value: Any) -> str:
    if value is None:
        return ""
    # A tab or line break inside a value would break the row into more columns or rows.
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)
