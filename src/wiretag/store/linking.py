"""Linking entities across stories beyond their exact key: name variants and surnames.

Stories name one person differently: "Kristian Moe" in one, only "Moe" in another that
never gives his first name; "U.N." here, "UN" there. Each new story entity is resolved in
this order:

1. its key (``entity_key``) is a stored entity, or the key of an entity merged into one;
2. its folded name (case, accents, dots, hyphens and apostrophes ignored) matches exactly
   one stored entity of the same type;
3. a one-word PERSON name matches the surname of exactly one stored PERSON with a full
   name ("Moe" → "Kristian Moe"): with two stored Moes it stays its own entity, because a
   wrong merge puts one person's words in another's mouth, which is worse than a split;
4. otherwise it is a new entity — and when it is a full-name PERSON, the only one with its
   surname, an earlier surname-only entity ("Moe", stored before any "Kristian Moe") is
   merged into it, so the result does not depend on which story came first.

Places are left to the extractor's key, which tells Georgia the country from the US state.
A merged entity's key and public id stay in ``entity_aliases``, so links to it still work.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata

from wiretag.document import Entity

#: types linked by name (the others keep the extractor's place key)
FOLDED_TYPES = frozenset({"PERSON", "ORG", "NORP", "FAC", "EVENT", "LAW", "MISC"})
_DROP = re.compile(r"[.\u00b7'’‘`]")
_SPACE = re.compile(r"[\s\-‐-―]+")


def fold(name: str) -> str:
    """The name lower-cased, accents, dots and apostrophes dropped, hyphens as spaces:
    "U.N." and "UN", "Jean-Luc Dupré" and "Jean Luc Dupre" fold alike."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACE.sub(" ", _DROP.sub("", plain)).strip()


def surname(entity_type: str, name: str) -> str | None:
    """The folded last word of a person's full name; None for one-word names and others."""
    if entity_type != "PERSON":
        return None
    words = fold(name).split()
    return words[-1] if len(words) >= 2 else None


def _one(rows: list[sqlite3.Row]) -> int | None:
    return int(rows[0][0]) if len(rows) == 1 else None


def resolve(conn: sqlite3.Connection, entity: Entity, key: str) -> int | None:
    """The stored entity (rowid) this story entity is, or None when it is a new one."""
    row = conn.execute("SELECT rowid FROM entities WHERE key = ?", (key,)).fetchone()
    if row is None:
        row = conn.execute("SELECT entity FROM entity_aliases WHERE key = ?", (key,)).fetchone()
    if row is not None:
        return int(row[0])
    if entity.type not in FOLDED_TYPES:
        return None
    folded = fold(entity.name)
    if not folded:
        return None
    found = _one(conn.execute("SELECT rowid FROM entities WHERE type = ? AND fold = ? LIMIT 2",
                              (entity.type, folded)).fetchall())
    if found is not None:
        return found
    if entity.type == "PERSON" and " " not in folded:
        return _one(conn.execute(
            "SELECT rowid FROM entities WHERE type = 'PERSON' AND surname = ? LIMIT 2",
            (folded,)).fetchall())
    return None


def absorb_surname_only(conn: sqlite3.Connection, rowid: int) -> set[int]:
    """After a new full-name PERSON was stored: merge the surname-only entity with its
    surname into it, when it is the only full name with that surname. Returns the rowids
    merged away."""
    row = conn.execute("SELECT surname FROM entities WHERE rowid = ?", (rowid,)).fetchone()
    if row is None or row[0] is None:
        return set()
    last = row[0]
    others = conn.execute("SELECT COUNT(*) FROM entities WHERE type = 'PERSON' AND surname = ?"
                          " AND rowid != ?", (last, rowid)).fetchone()[0]
    if others:
        return set()
    merged = set()
    for (short,) in conn.execute("SELECT rowid FROM entities WHERE type = 'PERSON' AND fold = ?"
                                 " AND surname IS NULL", (last,)).fetchall():
        merge(conn, int(short), rowid)
        merged.add(int(short))
    return merged


def merge(conn: sqlite3.Connection, source: int, target: int) -> None:
    """Move everything of entity ``source`` onto ``target`` and drop ``source``, keeping its
    key and id as aliases of ``target``."""
    conn.execute("UPDATE story_entities SET entity = ? WHERE entity = ?", (target, source))
    conn.execute("UPDATE mentions SET entity = ? WHERE entity = ?", (target, source))
    conn.execute("UPDATE quotes SET speaker_entity = ? WHERE speaker_entity = ?",
                 (target, source))
    # a quote about both would collide on the primary key: keep one row
    conn.execute("UPDATE OR IGNORE quote_about SET entity = ? WHERE entity = ?", (target, source))
    conn.execute("DELETE FROM quote_about WHERE entity = ?", (source,))
    for role in ("source", "target"):
        conn.execute(f"UPDATE events SET {role}_entity = ? WHERE {role}_entity = ?",
                     (target, source))
    conn.execute("UPDATE entity_aliases SET entity = ? WHERE entity = ?", (target, source))
    conn.execute("INSERT OR IGNORE INTO entity_aliases (key, id, entity)"
                 " SELECT key, id, ? FROM entities WHERE rowid = ?", (target, source))
    conn.execute(
        "UPDATE entities SET country = COALESCE(country,"
        " (SELECT country FROM entities WHERE rowid = ?)) WHERE rowid = ?", (source, target))
    conn.execute("DELETE FROM entities WHERE rowid = ?", (source,))
    recount(conn, target)


def recount(conn: sqlite3.Connection, rowid: int) -> None:
    """Recompute an entity's story and mention counts and first/last seen dates."""
    conn.execute(
        "UPDATE entities SET"
        " stories = (SELECT COUNT(DISTINCT story) FROM story_entities WHERE entity = ?1),"
        " mentions = (SELECT COALESCE(SUM(mentions), 0) FROM story_entities WHERE entity = ?1),"
        " first_seen = (SELECT MIN(s.date) FROM story_entities se JOIN stories s"
        "   ON s.rowid = se.story WHERE se.entity = ?1),"
        " last_seen = (SELECT MAX(s.date) FROM story_entities se JOIN stories s"
        "   ON s.rowid = se.story WHERE se.entity = ?1)"
        " WHERE rowid = ?1", (rowid,))


def backfill(conn: sqlite3.Connection) -> None:
    """Fill the lookup forms of entities stored before they existed (schema 1 stores)."""
    rows = conn.execute("SELECT rowid, type, name FROM entities WHERE fold IS NULL").fetchall()
    conn.executemany("UPDATE entities SET fold = ?, surname = ? WHERE rowid = ?",
                     [(fold(name) if typ in FOLDED_TYPES else None, surname(typ, name), rid)
                      for rid, typ, name in rows])
