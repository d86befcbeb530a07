"""Story clusters in the store, kept up to date incrementally.

``wiretag.corpus.clusters.cluster_stories`` groups stories by TF-IDF similarity with
average linkage, merging two groups only while the time gap between them is at most
``window_days``. So two stories more than ``window_days`` apart with no story in between
can never share a cluster: sorted by date, the stories split at every such gap into
independent *windows*, each clustered on its own (with its own IDF: a word's weight
reflects how common it was in the news of those days). Undated stories form one window of
their own (they link on similarity alone, and letting them join dated windows would chain
every window together).

A busy archive has a story every day, so its windows never close; clustering is quadratic
in a window's size, so a window of more than ``MAX_WINDOW`` stories is cut into
calendar-aligned blocks of ``BLOCK_DAYS`` days. A developing story that runs across a block
boundary then becomes two clusters: the price of bounded time and memory. Each cluster
records the unit it was made in, so a block that received no new story and whose clusters
were all made in that very block is left alone: in a busy archive an ingest of one day's
news re-clusters one or two blocks, not the whole archive.

After an ingest only the windows that received new stories are clustered again: the dates
around the new stories (± ``window_days``), widened to the full extent of every existing
cluster they touch until nothing more is touched, and then to the window boundaries. The
clusters of those windows are replaced; all others are left alone. A cluster's id is
derived from its first story, so it is stable while the cluster only grows later in time.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from wiretag.corpus.clusters import DEFAULT_THRESHOLD, DEFAULT_WINDOW_DAYS, cluster_stories
from wiretag.document import Document

#: stories in one clustering run before a window is cut into calendar blocks
MAX_WINDOW = 600
BLOCK_DAYS = 7


@dataclass
class ClusterSummary:
    stories: int = 0
    clusters: int = 0
    multi: int = 0


def cluster_id(first_story: str) -> str:
    return hashlib.sha256(f"cluster:{first_story}".encode()).hexdigest()[:16]


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _region(conn: sqlite3.Connection, days: list[date], window: int) -> tuple[str, str] | None:
    """The date range to re-cluster around ``days``: ± window, widened to touched clusters."""
    if not days:
        return None
    lo, hi = min(days) - timedelta(days=window), max(days) + timedelta(days=window)
    while True:
        row = conn.execute(
            "SELECT MIN(c.first_date), MAX(c.last_date) FROM clusters c WHERE c.rowid IN"
            " (SELECT cluster FROM stories WHERE date >= ? AND date <= ?)",
            (lo.isoformat(), hi.isoformat() + "\uffff")).fetchone()
        first, last = _day(row[0]), _day(row[1])
        new_lo = min(lo, first) if first else lo
        new_hi = max(hi, last) if last else hi
        if (new_lo, new_hi) == (lo, hi):
            return lo.isoformat(), hi.isoformat() + "\uffff"
        lo, hi = new_lo, new_hi


def _windows(stories: list[tuple[int, str, date | None]], window: int) -> list[list[int]]:
    """Row ids split into independent windows: dated ones at gaps over ``window`` days, and
    the undated ones together."""
    return [rids for _unit, rids in _units(stories, window)]


def _units(stories: list[tuple[int, str, date | None]],
           window: int) -> list[tuple[str, list[int]]]:
    """Row ids in clustering units: ("window", ids) or, for a window over ``MAX_WINDOW``,
    ("block:<n>", ids) per calendar block."""
    dated = sorted((d, rid) for rid, _sid, d in stories if d is not None)
    undated = [rid for rid, _sid, d in stories if d is None]
    out: list[list[int]] = []
    current: list[int] = []
    previous: date | None = None
    for day, rid in dated:
        if previous is not None and (day - previous).days > window:
            out.append(current)
            current = []
        current.append(rid)
        previous = day
    if current:
        out.append(current)
    day_of = {rid: d for rid, _sid, d in stories}
    cut: list[tuple[str, list[int]]] = []
    for part in out:
        if len(part) <= MAX_WINDOW:
            cut.append(("window", part))
            continue
        blocks: dict[int, list[int]] = {}
        for rid in part:
            when = day_of[rid]
            assert when is not None  # only dated stories are in these windows
            blocks.setdefault(when.toordinal() // BLOCK_DAYS, []).append(rid)
        cut.extend((f"block:{b}", blocks[b]) for b in sorted(blocks))
    if undated:
        cut.append(("window", undated))
    return cut


def recluster(
    conn: sqlite3.Connection,
    dates: Iterable[str | None] | None = None,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    window_days: int = DEFAULT_WINDOW_DAYS,
) -> ClusterSummary:
    """Re-cluster the windows holding stories of ``dates`` (None: the whole store).

    Runs inside the caller's transaction."""
    wanted = list(dates) if dates is not None else []
    if dates is None:
        rows = conn.execute("SELECT rowid, id, date FROM stories").fetchall()
    else:
        days = [d for d in (_day(v) for v in wanted) if d is not None]
        rows = []
        region = _region(conn, days, window_days)
        if region is not None:
            rows += conn.execute("SELECT rowid, id, date FROM stories WHERE date >= ?"
                                 " AND date <= ?", region).fetchall()
        if any(_day(v) is None for v in wanted):
            rows += [r for r in conn.execute("SELECT rowid, id, date FROM stories").fetchall()
                     if _day(r[2]) is None]
    stories = [(int(r[0]), str(r[1]), _day(r[2])) for r in rows]
    # dated rows just outside the first region may have been left out of a window the
    # region cuts in two: widen to the windows' true limits by the same gap rule
    if dates is not None and stories:
        stories = _close_windows(conn, stories, window_days)
    summary = ClusterSummary()
    if not stories:
        return summary
    new_blocks = None if dates is None else {
        d.toordinal() // BLOCK_DAYS for d in (_day(v) for v in wanted) if d is not None}
    units = [(unit, rids) for unit, rids in _units(stories, window_days)
             if new_blocks is None or not _settled(conn, unit, rids, new_blocks)]
    _drop_clusters(conn, [rid for _unit, rids in units for rid in rids])
    for unit, rids in units:
        summary.stories += len(rids)
        docs = _documents(conn, rids)
        by_id = {d.id: rid for rid, d in zip(rids, docs, strict=True)}
        for members in cluster_stories(docs, threshold=threshold, window_days=window_days):
            _insert_cluster(conn, [by_id[m] for m in members], members[0], unit)
            summary.clusters += 1
            summary.multi += len(members) > 1
    return summary


def _settled(conn: sqlite3.Connection, unit: str, rowids: list[int],
             new_blocks: set[int]) -> bool:
    """Whether a calendar block without new stories already holds exactly the clusters a
    fresh run would make: every story clustered, every cluster made in this block."""
    if not unit.startswith("block:") or int(unit.split(":")[1]) in new_blocks:
        return False
    marks = ",".join("?" * len(rowids))
    row = conn.execute(
        f"SELECT COUNT(*), COUNT(c.rowid), SUM(c.unit = ?) FROM stories s"
        f" LEFT JOIN clusters c ON c.rowid = s.cluster WHERE s.rowid IN ({marks})",
        (unit, *rowids)).fetchone()
    if not (row[0] == row[1] == row[2] == len(rowids)):
        return False
    # and no cluster of the block has a member outside it
    outside = conn.execute(
        f"SELECT 1 FROM stories WHERE cluster IN (SELECT cluster FROM stories WHERE rowid IN"
        f" ({marks})) AND rowid NOT IN ({marks}) LIMIT 1", (*rowids, *rowids)).fetchone()
    return outside is None


def _close_windows(conn: sqlite3.Connection, stories: list[tuple[int, str, date | None]],
                   window: int) -> list[tuple[int, str, date | None]]:
    have = {rid for rid, _s, _d in stories}
    dated = [d for _r, _s, d in stories if d is not None]
    if not dated:
        return stories
    lo, hi = min(dated), max(dated)
    while True:
        # a story within the window of the region's edge continues its window
        extra = conn.execute(
            "SELECT rowid, id, date FROM stories WHERE (date >= ? AND date < ?)"
            " OR (date > ? AND date <= ?)",
            ((lo - timedelta(days=window)).isoformat(), lo.isoformat(),
             hi.isoformat() + "\uffff", (hi + timedelta(days=window)).isoformat() + "\uffff"),
        ).fetchall()
        added = [(int(r[0]), str(r[1]), _day(r[2])) for r in extra
                 if int(r[0]) not in have and _day(r[2]) is not None]
        if not added:
            return stories
        stories += added
        have.update(r for r, _s, _d in added)
        days = [d for _r, _s, d in added if d is not None]
        lo, hi = min(lo, *days), max(hi, *days)


def _drop_clusters(conn: sqlite3.Connection, rowids: list[int]) -> None:
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS recluster (story INTEGER PRIMARY KEY)")
    conn.execute("DELETE FROM temp.recluster")
    conn.executemany("INSERT INTO temp.recluster VALUES (?)", [(r,) for r in rowids])
    old = [r[0] for r in conn.execute(
        "SELECT DISTINCT cluster FROM stories WHERE cluster IS NOT NULL"
        " AND rowid IN (SELECT story FROM temp.recluster)")]
    conn.execute("UPDATE stories SET cluster = NULL WHERE rowid IN"
                 " (SELECT story FROM temp.recluster)")
    conn.executemany("DELETE FROM clusters WHERE rowid = ? AND NOT EXISTS"
                     " (SELECT 1 FROM stories WHERE cluster = ?)", [(c, c) for c in old])
    conn.execute("DELETE FROM temp.recluster")


def _documents(conn: sqlite3.Connection, rowids: list[int]) -> list[Document]:
    docs = []
    for rid in rowids:
        raw = conn.execute("SELECT document FROM stories WHERE rowid = ?", (rid,)).fetchone()[0]
        docs.append(Document.from_dict(json.loads(raw)))
    return docs


def _insert_cluster(conn: sqlite3.Connection, rowids: list[int], first: str, unit: str) -> None:
    marks = ",".join("?" * len(rowids))
    head = conn.execute("SELECT headline FROM stories WHERE id = ?", (first,)).fetchone()[0]
    lo, hi, sources = conn.execute(
        f"SELECT MIN(date), MAX(date), COUNT(DISTINCT agency) FROM stories"
        f" WHERE rowid IN ({marks})", rowids).fetchone()
    cur = conn.execute(
        "INSERT INTO clusters (id, headline, first_date, last_date, size, sources, unit)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (cluster_id(first), head, lo, hi, len(rowids), sources, unit))
    conn.executemany("UPDATE stories SET cluster = ? WHERE rowid = ?",
                     [(cur.lastrowid, r) for r in rowids])
