"""Near-duplicate stories in the store: republished wire copy found through LSH bands.

Each stored story keeps its near-duplicate signature (``wiretag.corpus.dedup``) and one row
per LSH band in ``story_bands``. A new story's candidates are the stored stories sharing
at least ``MIN_SHARED_BANDS`` of its bands; each is scored from the two signatures alone
(``key_similarity``, an estimate of the shingle overlap), so no old story is re-read. The
best one at or above ``THRESHOLD`` is recorded as the story's ``duplicate_of`` — or, when
that story is itself a copy, the original it copies, so copies of copies point at one
story.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from wiretag.corpus.dedup import key_similarity, lsh_bands, near_duplicate_key

#: overlap of word shingles from which two stories are copies of one another
THRESHOLD = 0.8
#: a true copy (overlap >= 0.8, lengths within 2x) shares ~8-30 of the 64 bands; one
#: shared band is mostly chance between stories on one subject
MIN_SHARED_BANDS = 2
#: candidates scored per new story, most shared bands first
MAX_CANDIDATES = 50


@dataclass(frozen=True)
class Signature:
    key: str
    bands: list[str]

    @classmethod
    def of(cls, text: str) -> Signature:
        key = near_duplicate_key(text)
        return cls(key, lsh_bands(key))


@dataclass(frozen=True)
class Match:
    rowid: int
    id: str
    similarity: float


def find(conn: sqlite3.Connection, sig: Signature, threshold: float = THRESHOLD) -> Match | None:
    """The stored story ``sig`` copies (its original when that one is a copy too)."""
    if sig.key.startswith("0:"):  # no words: nothing to compare
        return None
    marks = ",".join("?" * len(sig.bands))
    rows = conn.execute(
        f"SELECT s.rowid, s.id, s.dup_key, s.duplicate_of, COUNT(*) AS shared"
        f" FROM story_bands b JOIN stories s ON s.rowid = b.story"
        f" WHERE b.band IN ({marks}) GROUP BY b.story HAVING shared >= ?"
        f" ORDER BY shared DESC, s.rowid LIMIT ?",
        (*sig.bands, MIN_SHARED_BANDS, MAX_CANDIDATES)).fetchall()
    best: tuple[float, int, str, int | None] | None = None
    for rowid, story_id, key, original, _shared in rows:
        score = key_similarity(sig.key, key)
        # ties go to the candidate listed first: most shared bands, then stored earliest
        if score >= threshold and (best is None or score > best[0]):
            best = (score, rowid, story_id, original)
    if best is None:
        return None
    score, rowid, story_id, original = best
    if original is not None:
        row = conn.execute("SELECT id FROM stories WHERE rowid = ?", (original,)).fetchone()
        rowid, story_id = original, row[0]
    return Match(rowid, story_id, round(score, 4))


def record(conn: sqlite3.Connection, story: int, sig: Signature) -> None:
    conn.executemany("INSERT OR IGNORE INTO story_bands (band, story) VALUES (?, ?)",
                     [(band, story) for band in sig.bands])


def backfill(conn: sqlite3.Connection) -> int:
    """Signatures and bands for stories stored before the store kept them (schema 1), in
    storage order, each checked against the ones before it. Returns how many."""
    rows = conn.execute("SELECT rowid, text FROM stories WHERE dup_key IS NULL ORDER BY rowid")
    todo = rows.fetchall()
    for rowid, text in todo:
        sig = Signature.of(text)
        match = find(conn, sig)
        conn.execute("UPDATE stories SET dup_key = ?, duplicate_of = ?, dup_similarity = ?"
                     " WHERE rowid = ?",
                     (sig.key, match.rowid if match else None,
                      match.similarity if match else None, rowid))
        record(conn, rowid, sig)
    return len(todo)
