"""Read queries over the store: paginated lists with filters, a story, an entity.

Each kind of record ("stories", "entities", "quotes", "events") applies the filters that
belong to it directly (``speaker`` on a quote is its speaker); the other filters apply to
the story the record comes from (``event_type`` on quotes: quotes from stories reporting
such an event; ``since`` on entities: entities mentioned in stories from that date on).
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections import defaultdict
from dataclasses import asdict
from typing import Any

from wiretag.errors import WiretagError
from wiretag.store.filters import (
    Filters,
    clamp_limit,
    decode_cursor,
    encode_cursor,
    fts_query,
    like,
    until_bound,
)

KINDS = ("stories", "entities", "quotes", "events")

#: filters each kind applies to its own records; the rest go through the story
NATIVE: dict[str, set[str]] = {
    "stories": {"q", "speaker", "entity", "event_type", "source_actor", "target_actor",
                "country", "since", "until"},
    "entities": {"q", "entity", "country", "type"},
    "quotes": {"q", "speaker", "entity", "country", "since", "until"},
    "events": {"q", "entity", "event_type", "source_actor", "target_actor", "country",
               "since", "until"},
}

_ENTITY_MATCH = "SELECT rowid FROM entities WHERE id = ? OR name LIKE ? ESCAPE '\\'"
# markers FTS5's snippet() puts around matches; control characters cannot occur in
# stored text, so they are safe to find and strip again
_OPEN, _CLOSE = "\x02", "\x03"


class _Query:
    def __init__(self) -> None:
        self.where: list[str] = []
        self.params: list[Any] = []

    def add(self, sql: str, *params: Any) -> None:
        self.where.append(sql)
        self.params.extend(params)

    @property
    def sql(self) -> str:
        return " WHERE " + " AND ".join(self.where) if self.where else ""


def _entity_params(value: str) -> tuple[str, str]:
    return value, like(value)


def _actor(q: _Query, alias: str, role: str, value: str) -> None:
    # an actor code prefix ("RUS" matches RUSGOV), a store entity (id or name), or the
    # actor's text as written
    q.add(f"({alias}.{role}_actor LIKE ? ESCAPE '\\' OR {alias}.{role}_entity IN "
          f"({_ENTITY_MATCH}) OR {alias}.{role}_text LIKE ? ESCAPE '\\')",
          like(value)[1:], *_entity_params(value), like(value))


def _story_filters(q: _Query, f: Filters, skip: set[str], s: str = "s") -> None:
    """Filters applied to the story alias ``s``, except those in ``skip``."""
    if f.q is not None and "q" not in skip and (match := fts_query(f.q)) is not None:
        q.add(f"{s}.rowid IN (SELECT rowid FROM story_fts WHERE story_fts MATCH ?)", match)
    if f.entity is not None and "entity" not in skip:
        q.add(f"EXISTS (SELECT 1 FROM story_entities se WHERE se.story = {s}.rowid AND "
              f"se.entity IN ({_ENTITY_MATCH}))", *_entity_params(f.entity))
    if f.speaker is not None and "speaker" not in skip:
        q.add(f"EXISTS (SELECT 1 FROM quotes sq WHERE sq.story = {s}.rowid AND "
              f"(sq.speaker_entity IN ({_ENTITY_MATCH}) OR sq.speaker_text LIKE ? ESCAPE '\\'))",
              *_entity_params(f.speaker), like(f.speaker))
    if f.event_type is not None and "event_type" not in skip:
        q.add(f"EXISTS (SELECT 1 FROM events se WHERE se.story = {s}.rowid AND se.type = ?)",
              f.event_type)
    for role in ("source", "target"):
        value = getattr(f, f"{role}_actor")
        if value is not None and f"{role}_actor" not in skip:
            sub = _Query()
            _actor(sub, "sv", role, value)
            q.add(f"EXISTS (SELECT 1 FROM events sv WHERE sv.story = {s}.rowid AND "
                  f"{sub.where[0]})", *sub.params)
    if f.country is not None and "country" not in skip:
        q.add(f"EXISTS (SELECT 1 FROM story_entities sc JOIN entities ce ON ce.rowid = sc.entity"
              f" WHERE sc.story = {s}.rowid AND ce.country = ?)", f.country)
    if f.hide_duplicates:
        q.add(f"{s}.duplicate_of IS NULL")
    if f.since is not None and "since" not in skip:
        q.add(f"{s}.date >= ?", f.since)
    if f.until is not None and "until" not in skip:
        q.add(f"{s}.date <= ?", until_bound(f.until))


def _fingerprint(kind: str, f: Filters) -> str:
    raw = json.dumps([kind, asdict(f)], sort_keys=True).encode()
    return hashlib.sha256(raw).hexdigest()[:12]


def page(conn: sqlite3.Connection, kind: str, filters: Filters, limit: int,
         cursor: str | None) -> dict[str, Any]:
    f = filters.normalised()
    limit = clamp_limit(limit)
    fp = _fingerprint(kind, f)
    offset = decode_cursor(cursor, fp)
    build = {"stories": _stories, "entities": _entities, "quotes": _quotes,
             "events": _events}[kind]
    select, from_, q, order, convert = build(f)
    total = conn.execute(f"SELECT COUNT(*) FROM {from_}{q.sql}", q.params).fetchone()[0]
    rows = conn.execute(f"SELECT {select} FROM {from_}{q.sql} ORDER BY {order} LIMIT ? OFFSET ?",
                        [*q.params, limit, offset]).fetchall()
    nxt = offset + len(rows)
    return {
        "total": int(total),
        "items": [convert(r) for r in rows],
        "next": encode_cursor(nxt, fp) if nxt < total and rows else None,
    }


_Built = tuple[str, str, _Query, str, Any]


def _stories(f: Filters) -> _Built:
    q = _Query()
    select = ("s.id, s.headline, s.date, s.agency, s.place, s.url, s.words, s.n_entities,"
              " s.n_quotes, s.n_events, s.dup_similarity,"
              " (SELECT d.id FROM stories d WHERE d.rowid = s.duplicate_of) AS duplicate_of,"
              " (SELECT c.id FROM clusters c WHERE c.rowid = s.cluster) AS cluster_id")
    match = fts_query(f.q) if f.q is not None else None
    if match is not None:
        q.add("story_fts MATCH ?", match)
        from_ = "story_fts JOIN stories s ON s.rowid = story_fts.rowid"
        select += f", snippet(story_fts, 1, '{_OPEN}', '{_CLOSE}', '…', 16) AS snippet"
        order = "story_fts.rank, s.rowid"
    else:
        from_ = "stories s"
        # newest first; SQLite sorts NULL lowest, so undated stories come last, and this
        # order is the (date, rowid) index read backwards: no sort step
        order = "s.date DESC, s.rowid DESC"
    _story_filters(q, f, {"q"})
    return select, from_, q, order, _story_item


def _story_item(r: sqlite3.Row) -> dict[str, Any]:
    item = {"id": r["id"], "headline": r["headline"], "date": r["date"], "agency": r["agency"],
            "place": r["place"], "url": r["url"], "words": r["words"],
            "entities": r["n_entities"], "quotes": r["n_quotes"], "events": r["n_events"],
            "duplicate_of": r["duplicate_of"], "duplicate_similarity": r["dup_similarity"],
            "cluster": r["cluster_id"]}
    if "snippet" in r.keys():  # noqa: SIM118  (Row "in" tests values, not column names)
        item["snippet"], item["snippet_marks"] = split_snippet(r["snippet"])
    return item


def split_snippet(raw: str) -> tuple[str, list[list[int]]]:
    """Plain snippet text plus [start, end] offsets of the matched words in it, so clients
    can highlight without ever receiving markup built from story text."""
    out: list[str] = []
    marks: list[list[int]] = []
    pos = 0
    for piece in re.split(f"([{_OPEN}{_CLOSE}])", raw):
        if piece == _OPEN:
            marks.append([pos, pos])
        elif piece == _CLOSE:
            if marks:
                marks[-1][1] = pos
        else:
            out.append(piece)
            pos += len(piece)
    return "".join(out), marks


def _entities(f: Filters) -> _Built:
    q = _Query()
    if f.q is not None:
        q.add("e.name LIKE ? ESCAPE '\\'", like(f.q))
    if f.entity is not None:
        q.add("(e.id = ? OR e.name LIKE ? ESCAPE '\\')", *_entity_params(f.entity))
    if f.type is not None:
        q.add("e.type = ?", f.type)
    if f.country is not None:
        q.add("e.country = ?", f.country)
    story_q = _Query()
    _story_filters(story_q, f, NATIVE["entities"])
    if story_q.where:
        q.add("EXISTS (SELECT 1 FROM story_entities xe JOIN stories s ON s.rowid = xe.story "
              f"WHERE xe.entity = e.rowid AND {' AND '.join(story_q.where)})", *story_q.params)
    select = "e.id, e.type, e.name, e.country, e.stories, e.mentions, e.first_seen, e.last_seen"
    return select, "entities e", q, "e.stories DESC, e.mentions DESC, e.name", _entity_item


def _entity_item(r: sqlite3.Row) -> dict[str, Any]:
    return {k: r[k] for k in ("id", "type", "name", "country", "stories", "mentions",
                              "first_seen", "last_seen")}


_QUOTE_SELECT = (
    "s.id AS story_id, s.headline, s.date AS story_date, qt.local_id, qt.kind, qt.text,"
    " qt.start, qt.\"end\", qt.speaker_text, qt.cue, sp.id AS speaker_id,"
    " sp.name AS speaker_name")
_QUOTE_FROM = ("quotes qt JOIN stories s ON s.rowid = qt.story"
               " LEFT JOIN entities sp ON sp.rowid = qt.speaker_entity")


def _quotes(f: Filters) -> _Built:
    q = _Query()
    from_ = _QUOTE_FROM
    order = "s.date DESC, qt.rowid"
    match = fts_query(f.q) if f.q is not None else None
    if match is not None:
        from_ = ("quote_fts JOIN quotes qt ON qt.rowid = quote_fts.rowid"
                 " JOIN stories s ON s.rowid = qt.story"
                 " LEFT JOIN entities sp ON sp.rowid = qt.speaker_entity")
        q.add("quote_fts MATCH ?", match)
        order = "quote_fts.rank, qt.rowid"
    if f.speaker is not None:
        q.add(f"(qt.speaker_entity IN ({_ENTITY_MATCH}) OR qt.speaker_text LIKE ? ESCAPE '\\')",
              *_entity_params(f.speaker), like(f.speaker))
    if f.entity is not None:
        q.add(f"(qt.speaker_entity IN ({_ENTITY_MATCH}) OR EXISTS (SELECT 1 FROM quote_about qa"
              f" WHERE qa.quote = qt.rowid AND qa.entity IN ({_ENTITY_MATCH})))",
              *_entity_params(f.entity), *_entity_params(f.entity))
    if f.country is not None:
        q.add("sp.country = ?", f.country)
    if f.since is not None:
        q.add("qt.date >= ?", f.since)
    if f.until is not None:
        q.add("qt.date <= ?", until_bound(f.until))
    _story_filters(q, f, NATIVE["quotes"])
    return _QUOTE_SELECT, from_, q, order, quote_item


def quote_item(r: sqlite3.Row) -> dict[str, Any]:
    return {
        "story": r["story_id"], "headline": r["headline"], "date": r["story_date"],
        "id": r["local_id"], "kind": r["kind"], "text": r["text"], "start": r["start"],
        "end": r["end"],
        "speaker": None if r["speaker_text"] is None and r["speaker_id"] is None else {
            "text": r["speaker_text"], "entity": r["speaker_id"], "name": r["speaker_name"]},
        "cue": r["cue"],
    }


_EVENT_SELECT = (
    "s.id AS story_id, s.headline, COALESCE(ev.date, s.date) AS event_date, ev.local_id,"
    " ev.type, ev.mode, ev.cameo, ev.modality, ev.negated, ev.trigger, ev.start, ev.\"end\","
    " ev.sentence, ev.quote, ev.source_text, ev.source_actor, se.id AS source_id,"
    " se.name AS source_name, ev.target_text, ev.target_actor, te.id AS target_id,"
    " te.name AS target_name")
_EVENT_FROM = ("events ev JOIN stories s ON s.rowid = ev.story"
               " LEFT JOIN entities se ON se.rowid = ev.source_entity"
               " LEFT JOIN entities te ON te.rowid = ev.target_entity")


def _events(f: Filters) -> _Built:
    q = _Query()
    if f.q is not None and (match := fts_query(f.q)) is not None:
        q.add("ev.story IN (SELECT rowid FROM story_fts WHERE story_fts MATCH ?)", match)
    if f.entity is not None:
        q.add(f"(ev.source_entity IN ({_ENTITY_MATCH}) OR ev.target_entity IN ({_ENTITY_MATCH}))",
              *_entity_params(f.entity), *_entity_params(f.entity))
    if f.event_type is not None:
        q.add("ev.type = ?", f.event_type)
    if f.source_actor is not None:
        _actor(q, "ev", "source", f.source_actor)
    if f.target_actor is not None:
        _actor(q, "ev", "target", f.target_actor)
    if f.country is not None:
        q.add("(ev.source_actor LIKE ? OR ev.target_actor LIKE ? OR se.country = ?"
              " OR te.country = ?)", f.country + "%", f.country + "%", f.country, f.country)
    if f.since is not None:
        q.add("COALESCE(ev.date, s.date) >= ?", f.since)
    if f.until is not None:
        q.add("COALESCE(ev.date, s.date) <= ?", until_bound(f.until))
    _story_filters(q, f, NATIVE["events"])
    order = "event_date DESC, ev.rowid"
    return _EVENT_SELECT, _EVENT_FROM, q, order, event_item


def _actor_item(r: sqlite3.Row, role: str) -> dict[str, Any] | None:
    if r[f"{role}_text"] is None and r[f"{role}_id"] is None and r[f"{role}_actor"] is None:
        return None
    return {"text": r[f"{role}_text"], "entity": r[f"{role}_id"], "name": r[f"{role}_name"],
            "actor": r[f"{role}_actor"]}


def event_item(r: sqlite3.Row) -> dict[str, Any]:
    return {
        "story": r["story_id"], "headline": r["headline"], "date": r["event_date"],
        "id": r["local_id"], "type": r["type"], "mode": r["mode"], "cameo": r["cameo"],
        "modality": r["modality"], "negated": bool(r["negated"]),
        "trigger": {"text": r["trigger"], "start": r["start"], "end": r["end"]},
        "sentence": r["sentence"], "quote": r["quote"],
        "source": _actor_item(r, "source"), "target": _actor_item(r, "target"),
    }


def story(conn: sqlite3.Connection, story_id: str) -> dict[str, Any] | None:
    row = conn.execute("SELECT rowid, document, ingested FROM stories WHERE id = ?",
                       (story_id,)).fetchone()
    if row is None and len(story_id) >= 8 and re.fullmatch(r"[0-9a-f]+", story_id):
        # a unique id prefix is enough, as with git hashes
        rows = conn.execute("SELECT rowid, document, ingested FROM stories WHERE id LIKE ?"
                            " LIMIT 2", (story_id + "%",)).fetchall()
        row = rows[0] if len(rows) == 1 else None
    if row is None:
        return None
    rid = row["rowid"]
    links = conn.execute("SELECT se.local_id, e.id FROM story_entities se JOIN entities e"
                         " ON e.rowid = se.entity WHERE se.story = ?", (rid,))
    return {"document": json.loads(row["document"]), "entities": {a: b for a, b in links},
            "ingested": row["ingested"], **_story_relations(conn, rid)}


def _story_relations(conn: sqlite3.Connection, rid: int) -> dict[str, Any]:
    """The story's cluster, the story it copies, and the stored copies of it."""
    head = conn.execute(
        "SELECT c.id, c.headline, c.size, d.id AS dup_id, d.headline AS dup_headline,"
        " s.dup_similarity FROM stories s LEFT JOIN clusters c ON c.rowid = s.cluster"
        " LEFT JOIN stories d ON d.rowid = s.duplicate_of WHERE s.rowid = ?", (rid,)).fetchone()
    cluster = ({"id": head["id"], "headline": head["headline"], "size": head["size"]}
               if head["id"] else None)
    original = ({"id": head["dup_id"], "headline": head["dup_headline"],
                 "similarity": head["dup_similarity"]} if head["dup_id"] else None)
    copies = [{"id": r[0], "headline": r[1], "date": r[2], "agency": r[3], "similarity": r[4]}
              for r in conn.execute(
                  "SELECT id, headline, date, agency, dup_similarity FROM stories"
                  " WHERE duplicate_of = ? ORDER BY date, rowid", (rid,))]
    return {"cluster": cluster, "duplicate_of": original, "duplicates": copies}


def _list(conn: sqlite3.Connection, sql: str, params: tuple[Any, ...], convert: Any,
          limit: int) -> dict[str, Any]:
    total = conn.execute(f"SELECT COUNT(*) FROM ({sql})", params).fetchone()[0]
    rows = conn.execute(f"{sql} LIMIT ?", (*params, limit)).fetchall()
    return {"total": int(total), "items": [convert(r) for r in rows]}


def entity(conn: sqlite3.Connection, entity_id: str, *, limit: int = 100) -> dict[str, Any] | None:
    row = conn.execute("SELECT rowid, * FROM entities WHERE id = ?", (entity_id,)).fetchone()
    if row is None:
        # the id of an entity since merged into another leads to that one
        row = conn.execute("SELECT e.rowid, e.* FROM entity_aliases a JOIN entities e"
                           " ON e.rowid = a.entity WHERE a.id = ?", (entity_id,)).fetchone()
    if row is None:
        return None
    rid = row["rowid"]
    out = _entity_item(row)
    names = conn.execute("SELECT DISTINCT name FROM story_entities WHERE entity = ?", (rid,))
    out["names"] = sorted({n for (n,) in names})
    out["aliases"] = _aliases(conn, rid, out["names"])
    titles: set[str] = set()
    for (raw,) in conn.execute("SELECT titles FROM story_entities WHERE entity = ?", (rid,)):
        titles.update(json.loads(raw))
    out["titles"] = sorted(titles)
    countries = {c for (c,) in conn.execute(
        "SELECT DISTINCT country FROM story_entities WHERE entity = ? AND country IS NOT NULL",
        (rid,))}
    out["countries"] = sorted(countries | ({row["country"]} if row["country"] else set()))
    out["merged_ids"] = [i for (i,) in conn.execute(
        "SELECT id FROM entity_aliases WHERE entity = ? ORDER BY id", (rid,))]
    out["mentions_list"] = _list(
        conn, "SELECT s.id AS story, s.headline, s.date, m.start, m.\"end\", m.text FROM mentions m"
        " JOIN stories s ON s.rowid = m.story WHERE m.entity = ?"
        " ORDER BY s.date DESC, m.story, m.start", (rid,),
        lambda r: dict(zip(r.keys(), r, strict=True)), limit)
    order_q = " ORDER BY s.date DESC, qt.rowid"
    out["quotes_by"] = _list(
        conn, f"SELECT {_QUOTE_SELECT} FROM {_QUOTE_FROM} WHERE qt.speaker_entity = ?{order_q}",
        (rid,), quote_item, limit)
    out["quotes_about"] = _list(
        conn, f"SELECT {_QUOTE_SELECT} FROM {_QUOTE_FROM} WHERE qt.rowid IN"
        f" (SELECT quote FROM quote_about WHERE entity = ?){order_q}", (rid,), quote_item, limit)
    order_e = " ORDER BY event_date DESC, ev.rowid"
    out["events_as_source"] = _list(
        conn, f"SELECT {_EVENT_SELECT} FROM {_EVENT_FROM} WHERE ev.source_entity = ?{order_e}",
        (rid,), event_item, limit)
    out["events_as_target"] = _list(
        conn, f"SELECT {_EVENT_SELECT} FROM {_EVENT_FROM} WHERE ev.target_entity = ?{order_e}",
        (rid,), event_item, limit)
    out["timeline"] = _timeline(conn, rid)
    out["network"] = _network(conn, rid, out)
    return out


def _timeline(conn: sqlite3.Connection, rid: int) -> list[dict[str, Any]]:
    """Per story date: stories mentioning the entity, its mentions, quotes by it, events it
    takes part in."""
    days: dict[str, dict[str, Any]] = defaultdict(
        lambda: {"stories": 0, "mentions": 0, "quotes": 0, "events": 0})
    for d, n_stories, n_mentions in conn.execute(
            "SELECT s.date, COUNT(*), SUM(se.mentions) FROM story_entities se JOIN stories s"
            " ON s.rowid = se.story WHERE se.entity = ? AND s.date IS NOT NULL GROUP BY s.date",
            (rid,)):
        days[d]["stories"] += n_stories
        days[d]["mentions"] += n_mentions
    for d, n in conn.execute("SELECT date, COUNT(*) FROM quotes WHERE speaker_entity = ?"
                             " AND date IS NOT NULL GROUP BY date", (rid,)):
        days[d]["quotes"] += n
    for d, n in conn.execute("SELECT date, COUNT(*) FROM events WHERE (source_entity = ?"
                             " OR target_entity = ?) AND date IS NOT NULL GROUP BY date",
                             (rid, rid)):
        days[d]["events"] += n
    return [{"date": d, **days[d]} for d in sorted(days)]


def _network(conn: sqlite3.Connection, rid: int, ent: dict[str, Any]) -> dict[str, Any]:
    """Who does what to whom around this entity: nodes and directed, counted edges by event
    type. A counterpart that is not a store entity is named by its actor code or text."""
    center = ent["id"]
    nodes: dict[str, dict[str, Any]] = {center: {"id": center, "name": ent["name"],
                                                 "type": ent["type"], "entity": True}}
    edges: dict[tuple[str, str, str], int] = defaultdict(int)
    rows = conn.execute(
        "SELECT ev.type, ev.source_entity, se.id AS sid, se.name AS sname, se.type AS stype,"
        " ev.source_actor, ev.source_text, ev.target_entity, te.id AS tid, te.name AS tname,"
        " te.type AS ttype, ev.target_actor, ev.target_text FROM events ev"
        " LEFT JOIN entities se ON se.rowid = ev.source_entity"
        " LEFT JOIN entities te ON te.rowid = ev.target_entity"
        " WHERE ev.type IS NOT NULL AND (ev.source_entity = ? OR ev.target_entity = ?)",
        (rid, rid))
    for r in rows:
        ends = []
        for p in ("s", "t"):
            node_id, name = r[f"{p}id"], r[f"{p}name"]
            if node_id is None:
                label = r["source_actor" if p == "s" else "target_actor"] or \
                    r["source_text" if p == "s" else "target_text"]
                if not label:
                    break
                node_id, name = "~" + label.casefold(), label
            nodes.setdefault(node_id, {"id": node_id, "name": name,
                                       "type": r[f"{p}type"], "entity": node_id[0] != "~"})
            ends.append(node_id)
        if len(ends) == 2 and ends[0] != ends[1]:
            edges[(ends[0], ends[1], r["type"])] += 1
    return {
        "nodes": list(nodes.values()),
        "edges": [{"source": s, "target": t, "type": k, "count": n}
                  for (s, t, k), n in sorted(edges.items())],
    }


_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers", "it", "its", "they", "them",
                       "their", "theirs", "we", "us", "our", "i", "me", "my", "you", "your"})


def _aliases(conn: sqlite3.Connection, rid: int, names: list[str]) -> list[str]:
    """Every surface form seen: the stories' names for the entity and its mention texts,
    once per spelling (case and spacing ignored), the most frequent spelling first."""
    counts: dict[str, int] = defaultdict(int)
    for name in names:
        counts[name] += 1
    for text, n in conn.execute("SELECT text, COUNT(*) FROM mentions WHERE entity = ?"
                                " GROUP BY text", (rid,)):
        # coreference mentions ("he", "the minister") are not names
        if text[:1].isupper() and text.casefold() not in _PRONOUNS:
            counts[" ".join(text.split())] += int(n)
    best: dict[str, tuple[int, str]] = {}
    for text, n in counts.items():
        key = text.casefold()
        if key not in best or (n, text) > best[key]:
            best[key] = (max(n, best.get(key, (0, ""))[0]), text)
    return [t for _n, t in sorted(best.values(), key=lambda p: (-p[0], p[1]))]


def clusters_page(conn: sqlite3.Connection, filters: Filters, min_size: int, limit: int,
                  cursor: str | None) -> dict[str, Any]:
    """Clusters, latest first; the story filters keep clusters with a matching story."""
    f = filters.normalised()
    limit = clamp_limit(limit)
    if min_size < 1:
        raise WiretagError("W505", f"min_size must be at least 1, not {min_size}")
    fp = _fingerprint(f"clusters:{min_size}", f)
    offset = decode_cursor(cursor, fp)
    q = _Query()
    q.add("c.size >= ?", min_size)
    story_q = _Query()
    _story_filters(story_q, f, set())
    if story_q.where:
        q.add(f"EXISTS (SELECT 1 FROM stories s WHERE s.cluster = c.rowid AND "
              f"{' AND '.join(story_q.where)})", *story_q.params)
    total = conn.execute(f"SELECT COUNT(*) FROM clusters c{q.sql}", q.params).fetchone()[0]
    rows = conn.execute(
        f"SELECT c.rowid, c.* FROM clusters c{q.sql}"
        " ORDER BY c.last_date DESC, c.size DESC, c.id LIMIT ? OFFSET ?",
        [*q.params, limit, offset]).fetchall()
    nxt = offset + len(rows)
    return {"total": int(total), "items": [_cluster_item(conn, r) for r in rows],
            "next": encode_cursor(nxt, fp) if nxt < total and rows else None}


def _cluster_item(conn: sqlite3.Connection, r: sqlite3.Row) -> dict[str, Any]:
    dups = conn.execute("SELECT COUNT(*) FROM stories WHERE cluster = ? AND duplicate_of"
                        " IS NOT NULL", (r["rowid"],)).fetchone()[0]
    return {"id": r["id"], "headline": r["headline"], "first_date": r["first_date"],
            "last_date": r["last_date"], "size": r["size"], "sources": r["sources"],
            "near_duplicates": int(dups),
            "top_entities": _cluster_entities(conn, r["rowid"], 5)}


def _cluster_entities(conn: sqlite3.Connection, rid: int, limit: int) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT e.id, e.name, e.type, COUNT(DISTINCT se.story) AS n, SUM(se.mentions) AS m"
        " FROM stories s JOIN story_entities se ON se.story = s.rowid"
        " JOIN entities e ON e.rowid = se.entity WHERE s.cluster = ?"
        " GROUP BY e.rowid ORDER BY n DESC, m DESC, e.name LIMIT ?", (rid, limit))
    return [{"id": r["id"], "name": r["name"], "type": r["type"], "stories": r["n"],
             "mentions": r["m"]} for r in rows]


def cluster(conn: sqlite3.Connection, cluster_id: str) -> dict[str, Any] | None:
    row = conn.execute("SELECT rowid, * FROM clusters WHERE id = ?", (cluster_id,)).fetchone()
    if row is None:
        return None
    out = _cluster_item(conn, row)
    out["top_entities"] = _cluster_entities(conn, row["rowid"], 15)
    out["stories"] = [
        {"id": r["id"], "headline": r["headline"], "date": r["date"], "agency": r["agency"],
         "place": r["place"], "quotes": r["n_quotes"], "events": r["n_events"],
         "duplicate_of": r["dup_id"], "duplicate_similarity": r["dup_similarity"]}
        for r in conn.execute(
            "SELECT s.*, d.id AS dup_id FROM stories s LEFT JOIN stories d"
            " ON d.rowid = s.duplicate_of WHERE s.cluster = ? ORDER BY s.date, s.id",
            (row["rowid"],))]
    days: dict[str, dict[str, Any]] = defaultdict(
        lambda: {"stories": 0, "mentions": 0, "quotes": 0, "events": 0})
    for st in out["stories"]:
        if st["date"]:
            day = days[st["date"][:10]]
            day["stories"] += 1
            day["quotes"] += st["quotes"]
            day["events"] += st["events"]
    out["timeline"] = [{"date": d, **days[d]} for d in sorted(days)]
    return out
