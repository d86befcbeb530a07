"""The store: one SQLite file holding analysed stories and what links them.

The full ``wiretag/1`` document of each story is kept as JSON (the source of truth, served
back unchanged); normalised tables (entities, mentions, quotes, events, credits, tags) and
FTS5 indexes exist to answer questions across stories. Entities are linked across stories
by ``Entity.key``.

Writes: each ``add`` is one transaction, so a crash loses at most the story being written.
WAL mode lets readers (the web server) read while a single writer ingests.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from types import TracebackType
from typing import Any

from wiretag.corpus.clusters import DEFAULT_THRESHOLD, DEFAULT_WINDOW_DAYS
from wiretag.document import Document, Entity
from wiretag.errors import WiretagError
from wiretag.store import clustering, linking, neardup, queries
from wiretag.store.filters import Filters
from wiretag.store.schema import APPLICATION_ID, LATEST, MIGRATIONS

Page = dict[str, Any]


@dataclass(frozen=True)
class Added:
    """What ``Store.insert`` did with a story: ``stored`` is False when the same content
    id was already stored, or when it is a near duplicate and those were to be skipped;
    ``duplicate_of`` names the stored story it copies (its id) with the estimated overlap."""

    stored: bool
    duplicate_of: str | None = None
    similarity: float | None = None
    date: str | None = None
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


#: types whose cross-story identity is their name: the extractor's per-story country guess
#: for a person or organisation varies between stories ("Kristian Moe" with and without
#: NOR) and must not split one entity in two. Places keep the extractor's key, which
#: tells Georgia the country from Georgia the US state.
NAME_KEYED = {"PERSON", "ORG", "NORP", "FAC", "EVENT", "LAW", "MISC"}


def entity_key(entity: Entity) -> str:
    """The key linking an entity across stories."""
    name = " ".join(entity.name.casefold().split())
    if entity.type in NAME_KEYED:
        return f"{entity.type}:{name}"
    if entity.key:
        return entity.key
    return f"{entity.type}:{name}:{entity.country or ''}"


def entity_id(key: str) -> str:
    """A short, URL-safe public id, the same in every store for the same key."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def story_date(document: Document) -> str | None:
    """The date a story is about: its published date, else its dateline's."""
    if document.published:
        return document.published[:10]
    if document.dateline is not None and document.dateline.date:
        return document.dateline.date
    return None


class Store:
    """A wiretag store at ``path`` (created when missing).

    Raises ``WiretagError``: W401 when the database is locked, W402 when the file is not a
    wiretag store, W403 when it was written by a newer wiretag.
    """

    def __init__(self, path: str | Path, *, timeout: float = 10.0) -> None:
        self.path = Path(path)
        try:
            self.conn = sqlite3.connect(
                str(self.path), timeout=timeout, isolation_level=None, check_same_thread=False
            )
        except sqlite3.OperationalError as exc:
            raise WiretagError("W402", f"cannot open the database: {exc}",
                               path=str(self.path)) from exc
        self.conn.row_factory = sqlite3.Row
        try:
            self._open()
        except sqlite3.OperationalError as exc:
            self.conn.close()
            raise _locked_or(exc, self.path) from exc
        except sqlite3.DatabaseError as exc:  # "file is not a database"
            self.conn.close()
            raise WiretagError("W402", f"not a SQLite database ({exc})",
                               path=str(self.path)) from exc
        except WiretagError:
            self.conn.close()
            raise

    def _open(self) -> None:
        self.conn.execute("PRAGMA foreign_keys = ON")
        tables = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master")}
        app_id = self.conn.execute("PRAGMA application_id").fetchone()[0]
        if tables and ("schema_version" not in tables or app_id != APPLICATION_ID):
            raise WiretagError("W402", "the database holds tables but is not a wiretag store",
                               path=str(self.path))
        # WAL: readers never block the writer; synchronous=NORMAL is durable across process
        # crashes (kill -9), which is what resuming an ingest relies on.
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("PRAGMA synchronous = NORMAL")
        version = 0
        if "schema_version" in tables:
            version = self.conn.execute(
                "SELECT COALESCE(MAX(version), 0) FROM schema_version").fetchone()[0]
        if version > LATEST:
            raise WiretagError(
                "W403", f"the store's schema is version {version}; this wiretag knows up to "
                f"{LATEST}", path=str(self.path))
        if version < LATEST:
            self._migrate(version)

    def _migrate(self, version: int) -> None:
        now = _now()
        with self.transaction():
            if version == 0:
                self.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                self.conn.execute(
                    "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied TEXT)")
            for number in range(version + 1, LATEST + 1):
                for statement in _statements(MIGRATIONS[number - 1]):
                    self.conn.execute(statement)
                if number == 2:
                    # name lookup forms for the entities a schema-1 store already holds;
                    # story signatures are filled by backfill_signatures (it costs a pass
                    # over every story's text, so it runs when an ingest or cluster asks)
                    linking.backfill(self.conn)
                self.conn.execute("INSERT INTO schema_version VALUES (?, ?)", (number, now))

    @property
    def version(self) -> int:
        row = self.conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
        return int(row[0])

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        # IMMEDIATE takes the write lock up front, so a second writer fails fast with
        # "database is locked" (W401) instead of deadlocking half-way through a story.
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise _locked_or(exc, self.path) from exc
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    # --- writing ------------------------------------------------------------------------

    def has(self, story_id: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM stories WHERE id = ?", (story_id,)).fetchone()
        return row is not None

    def has_source(self, source_hash: str) -> bool:
        """Whether a story read from input with this hash was stored: lets a re-run skip
        stored stories before paying for their analysis."""
        row = self.conn.execute(
            "SELECT 1 FROM stories WHERE source_hash = ?", (source_hash,)).fetchone()
        return row is not None

    def add(self, document: Document, *, source_hash: str | None = None,
            skip_near_duplicates: bool = False) -> bool:
        """Store one analysed story in its own transaction. False when a story with the
        same content id is already stored (nothing is written then)."""
        return self.insert(document, source_hash=source_hash,
                           skip_near_duplicates=skip_near_duplicates).stored

    def insert(self, document: Document, *, source_hash: str | None = None,
               skip_near_duplicates: bool = False) -> Added:
        """Store one analysed story in its own transaction, flagging it when it is a near
        duplicate of a stored story (or not storing it, with ``skip_near_duplicates``)."""
        # the signature is pure CPU: computed before the write lock is taken
        signature = neardup.Signature.of(document.text)
        with self.transaction() as conn:
            if self.has(document.id):
                return Added(False)
            match = neardup.find(conn, signature)
            if match is not None and skip_near_duplicates:
                return Added(False, match.id, match.similarity)
            _insert(conn, document, source_hash, signature, match)
        return Added(True, match.id if match else None, match.similarity if match else None,
                     story_date(document))

    def backfill_signatures(self) -> int:
        """Near-duplicate signatures for stories stored by a wiretag that kept none."""
        if self.conn.execute("SELECT 1 FROM stories WHERE dup_key IS NULL LIMIT 1").fetchone():
            with self.transaction() as conn:
                return neardup.backfill(conn)
        return 0

    def cluster(self, dates: list[str | None] | None = None, *,
                threshold: float = DEFAULT_THRESHOLD,
                window_days: int = DEFAULT_WINDOW_DAYS) -> clustering.ClusterSummary:
        """Re-cluster the stories around ``dates`` (the dates of newly added stories), or
        the whole store when None, in one transaction."""
        with self.transaction() as conn:
            return clustering.recluster(conn, dates, threshold=threshold,
                                        window_days=window_days)

    def count(self) -> int:
        return int(self.conn.execute("SELECT COUNT(*) FROM stories").fetchone()[0])

    # --- reading ------------------------------------------------------------------------

    def stories(self, filters: Filters | None = None, *, limit: int = 20,
                cursor: str | None = None) -> Page:
        return queries.page(self.conn, "stories", filters or Filters(), limit, cursor)

    def entities(self, filters: Filters | None = None, *, limit: int = 20,
                 cursor: str | None = None) -> Page:
        return queries.page(self.conn, "entities", filters or Filters(), limit, cursor)

    def quotes(self, filters: Filters | None = None, *, limit: int = 20,
               cursor: str | None = None) -> Page:
        return queries.page(self.conn, "quotes", filters or Filters(), limit, cursor)

    def events(self, filters: Filters | None = None, *, limit: int = 20,
               cursor: str | None = None) -> Page:
        return queries.page(self.conn, "events", filters or Filters(), limit, cursor)

    def search(self, query: str | None, kind: str = "stories", *, filters: Filters | None = None,
               limit: int = 20, cursor: str | None = None) -> Page:
        """Full text (``query``) plus structured filters over one kind of record:
        "stories", "quotes", "events" or "entities"."""
        if kind not in queries.KINDS:
            raise WiretagError("W505", f"kind must be one of {', '.join(queries.KINDS)}")
        base = filters or Filters()
        merged = Filters(**{**base.__dict__, "q": query if query is not None else base.q})
        return queries.page(self.conn, kind, merged, limit, cursor)

    def story(self, story_id: str) -> dict[str, Any] | None:
        """The stored ``wiretag/1`` document plus how its entities map to store entities."""
        return queries.story(self.conn, story_id)

    def clusters(self, filters: Filters | None = None, *, min_size: int = 1, limit: int = 20,
                 cursor: str | None = None) -> Page:
        """Story clusters, latest first; ``min_size=2`` leaves out single stories."""
        return queries.clusters_page(self.conn, filters or Filters(), min_size, limit, cursor)

    def cluster_detail(self, cluster_id: str) -> dict[str, Any] | None:
        """A cluster with its stories (by date), top entities and a timeline."""
        return queries.cluster(self.conn, cluster_id)

    def entity(self, entity_id: str, *, limit: int = 100) -> dict[str, Any] | None:
        """An entity with its mentions, quotes by and about it, events as source and
        target, a timeline, and its who-does-what-to-whom network."""
        return queries.entity(self.conn, entity_id, limit=limit)


def _locked_or(exc: sqlite3.OperationalError, path: Path) -> WiretagError:
    message = str(exc)
    if "locked" in message or "busy" in message:
        return WiretagError("W401", "the database is locked by another process", path=str(path))
    return WiretagError("W402", f"cannot use the database: {message}", path=str(path))


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";\n") if s.strip()]


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _insert(conn: sqlite3.Connection, document: Document, source_hash: str | None,
            signature: neardup.Signature, match: neardup.Match | None) -> None:
    date = story_date(document)
    cur = conn.execute(
        "INSERT INTO stories (id, source_hash, headline, text, agency, url, published, date,"
        " place, input_path, input_line, input_id, words, n_entities, n_quotes, n_events,"
        " document, ingested, dup_key, duplicate_of, dup_similarity)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (document.id, source_hash, document.headline, document.text, document.source.agency,
         document.source.url, document.published, date,
         document.dateline.place if document.dateline else None,
         document.input.path, document.input.line, document.input.id,
         len(document.text.split()), len(document.entities), len(document.quotes),
         len(document.events), document.to_json(), _now(), signature.key,
         match.rowid if match else None, match.similarity if match else None),
    )
    story = cur.lastrowid
    assert story is not None
    neardup.record(conn, story, signature)
    conn.execute("INSERT INTO story_fts (rowid, headline, text) VALUES (?, ?, ?)",
                 (story, document.headline or "", document.text))

    # Two local entities may share a key (the extractor did not merge them): count the
    # story once per store entity.
    rowids: dict[str, int] = {}
    counted: set[int] = set()
    remerged = False
    for ent in document.entities:
        key = entity_key(ent)
        found = linking.resolve(conn, ent, key)
        if found is None:
            row = conn.execute(
                "INSERT INTO entities (id, key, type, name, country, stories, mentions,"
                " first_seen, last_seen, fold, surname) VALUES (?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?)"
                " RETURNING rowid",
                (entity_id(key), key, ent.type, ent.name, ent.country, date, date,
                 linking.fold(ent.name) if ent.type in linking.FOLDED_TYPES else None,
                 linking.surname(ent.type, ent.name)),
            ).fetchone()
            rowid = int(row[0])
            merged = linking.absorb_surname_only(conn, rowid)
            if merged:
                # a surname-only entity of this very story may have been merged: its
                # rows now point at the new entity, and so must what is left to write
                rowids = {k: rowid if v in merged else v for k, v in rowids.items()}
                remerged = True
        else:
            rowid = found
            conn.execute(
                "UPDATE entities SET country = COALESCE(country, ?),"
                " first_seen = CASE WHEN first_seen IS NULL OR ? < first_seen"
                "   THEN COALESCE(?, first_seen) ELSE first_seen END,"
                " last_seen = CASE WHEN last_seen IS NULL OR ? > last_seen"
                "   THEN COALESCE(?, last_seen) ELSE last_seen END WHERE rowid = ?",
                (ent.country, date, date, date, date, rowid))
        rowids[ent.id] = rowid
        conn.execute(
            "UPDATE entities SET stories = stories + ?, mentions = mentions + ? WHERE rowid = ?",
            (0 if rowid in counted else 1, len(ent.mentions), rowid))
        counted.add(rowid)
        conn.execute("INSERT INTO story_entities (story, local_id, entity, name, titles,"
                     " mentions, country) VALUES (?, ?, ?, ?, ?, ?, ?)",
                     (story, ent.id, rowid, ent.name, json.dumps(ent.titles), len(ent.mentions),
                      ent.country))
        conn.executemany("INSERT INTO mentions VALUES (?, ?, ?, ?, ?)",
                         [(story, rowid, m.start, m.end, m.text) for m in ent.mentions])

    if remerged:
        for rowid in set(rowids.values()):
            linking.recount(conn, rowid)
    spans = [(m.start, m.end, rowids[e.id]) for e in document.entities for m in e.mentions]
    for quote in document.quotes:
        speaker = quote.speaker
        speaker_entity = rowids.get(speaker.entity) if speaker and speaker.entity else None
        cur = conn.execute(
            "INSERT INTO quotes (story, local_id, kind, text, start, \"end\", speaker_text,"
            " speaker_entity, cue, date) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (story, quote.id, quote.kind, quote.text, quote.start, quote.end,
             speaker.text if speaker else None, speaker_entity,
             quote.cue.text if quote.cue else None, date))
        quote_row = cur.lastrowid
        conn.execute("INSERT INTO quote_fts (rowid, text) VALUES (?, ?)", (quote_row, quote.text))
        about = {r for s, e, r in spans
                 if quote.start <= s and e <= quote.end and r != speaker_entity}
        conn.executemany("INSERT INTO quote_about VALUES (?, ?)",
                         [(quote_row, r) for r in sorted(about)])

    for event in document.events:
        src, tgt = event.source, event.target
        conn.execute(
            "INSERT INTO events (story, local_id, type, mode, cameo, modality, negated, trigger,"
            " start, \"end\", sentence, source_text, source_entity, source_actor, target_text,"
            " target_entity, target_actor, date, quote)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (story, event.id, event.type, event.mode, event.cameo, event.modality,
             int(event.negated), event.trigger.text, event.trigger.start, event.trigger.end,
             event.sentence,
             src.text if src else None, rowids.get(src.entity) if src and src.entity else None,
             src.actor if src else None,
             tgt.text if tgt else None, rowids.get(tgt.entity) if tgt and tgt.entity else None,
             tgt.actor if tgt else None,
             # a day-precise event date, else the story's: keeps date filters and ordering
             # on one comparable format (event dates may be "2025-W37" or "2025-09")
             event.date if event.date and _DAY.fullmatch(event.date) else date, event.quote))

    conn.executemany("INSERT INTO credits VALUES (?, ?, ?)",
                     [(story, c.role, c.name) for c in document.credits])
    conn.executemany("INSERT INTO tags VALUES (?, ?)", [(story, t) for t in document.tags])
