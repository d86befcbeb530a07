from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from wiretag.document import Document
from wiretag.errors import WiretagError
from wiretag.samples import examples
from wiretag.store import Filters, Store, entity_id, entity_key
from wiretag.store.schema import LATEST


def test_store_add_is_idempotent_by_content_id(tmp_path: Path) -> None:
    store = Store(tmp_path / "a.db")
    doc = examples()[0]
    assert store.add(doc) is True
    assert store.add(doc) is False
    assert store.count() == 1
    assert store.entities()["total"] == 4


def test_store_story_round_trips_the_full_document(store: Store) -> None:
    doc = examples()[0]
    got = store.story(doc.id)
    assert got is not None
    assert got["document"] == doc.to_dict()
    assert Document.from_dict(got["document"]) == doc
    # local entity ids map onto store entity ids
    moe = doc.entities[2]
    assert got["entities"][moe.id] == entity_id(entity_key(moe))
    # a unique prefix is enough
    prefix = store.story(doc.id[:10])
    assert prefix is not None and prefix["document"]["id"] == doc.id
    assert store.story("0" * 64) is None


def test_store_links_entities_across_stories(store: Store) -> None:
    page = store.entities(Filters(q="Kristian Moe"))
    assert page["total"] == 1
    moe = page["items"][0]
    assert moe["stories"] == 2
    assert moe["first_seen"] == "2025-03-03" and moe["last_seen"] == "2025-03-04"
    faroes = store.entities(Filters(q="Faroe"))["items"][0]
    assert faroes["stories"] == 2


def test_store_entity_detail_has_quotes_events_timeline_network(store: Store) -> None:
    moe_id = store.entities(Filters(q="Moe"))["items"][0]["id"]
    moe = store.entity(moe_id)
    assert moe is not None
    assert [q["text"] for q in moe["quotes_by"]["items"]] == ["The quota they set is reckless,"]
    assert moe["mentions_list"]["total"] == 2
    assert [t["date"] for t in moe["timeline"]] == ["2025-03-03", "2025-03-04"]

    norway = store.entities(Filters(q="Norway"))["items"][0]
    detail = store.entity(norway["id"])
    assert detail is not None
    assert detail["events_as_source"]["total"] == 1
    edges = detail["network"]["edges"]
    faroes_id = store.entities(Filters(q="Faroe"))["items"][0]["id"]
    assert {"source": norway["id"], "target": faroes_id, "type": "ACCUSE", "count": 1} in edges
    assert store.entity("nope") is None


def test_store_quotes_about_an_entity(tmp_path: Path) -> None:
    from wiretag.samples import build_document

    doc = build_document(
        '"Norway is bullying us," Jonas Dalsgaard said.',
        entities=[("Norway", "GPE", "NOR"), ("Jonas Dalsgaard", "PERSON", "FRO")],
        quotes=[("Norway is bullying us,", "Jonas Dalsgaard")])
    store = Store(tmp_path / "a.db")
    store.add(doc)
    norway = store.entities(Filters(q="Norway"))["items"][0]["id"]
    detail = store.entity(norway)
    assert detail is not None
    assert detail["quotes_about"]["total"] == 1
    assert detail["quotes_by"]["total"] == 0
    assert store.quotes(Filters(entity="Norway"))["total"] == 1


@pytest.mark.parametrize(
    ("kind", "filters", "expected"),
    [
        ("stories", Filters(q="mackerel"), 1),
        ("stories", Filters(q="reckless"), 1),
        ("stories", Filters(entity="Kristian Moe"), 2),
        ("stories", Filters(speaker="Dalsgaard"), 1),
        ("stories", Filters(event_type="sanction"), 1),
        ("stories", Filters(source_actor="NOR"), 1),
        ("stories", Filters(target_actor="Faroe Islands"), 1),
        ("stories", Filters(country="FRO"), 2),
        ("stories", Filters(country="Norway"), 3),
        ("stories", Filters(since="2025-03-04"), 2),
        ("stories", Filters(until="2025-03"), 2),
        ("stories", Filters(since="2025-04", until="2025"), 1),
        ("quotes", Filters(q="science"), 1),
        ("quotes", Filters(speaker="Moe"), 1),
        ("quotes", Filters(country="FRO"), 1),
        ("quotes", Filters(event_type="ACCUSE"), 1),
        ("events", Filters(event_type="ACCUSE"), 1),
        ("events", Filters(source_actor="IGO"), 1),
        ("events", Filters(entity="Faroe Islands"), 2),
        ("events", Filters(country="NOR"), 1),
        ("events", Filters(q="ports"), 1),
        ("entities", Filters(type="person"), 2),
        ("entities", Filters(country="NOR"), 3),
        ("entities", Filters(event_type="SANCTION"), 2),
    ],
)
def test_store_filters(store: Store, kind: str, filters: Filters, expected: int) -> None:
    page = store.search(None, kind, filters=filters)
    assert page["total"] == expected, page
    assert len(page["items"]) == expected


def test_store_search_snippet_marks_point_at_matches(store: Store) -> None:
    page = store.search("overfishing", "stories")
    item = page["items"][0]
    (start, end), = item["snippet_marks"]
    assert item["snippet"][start:end] == "overfishing"


def test_store_pagination_walks_every_item_once(store: Store) -> None:
    seen: list[str] = []
    cursor = None
    while True:
        page = store.entities(limit=2, cursor=cursor)
        assert page["total"] == 6
        assert len(page["items"]) <= 2
        seen += [e["id"] for e in page["items"]]
        cursor = page["next"]
        if cursor is None:
            break
    assert len(seen) == len(set(seen)) == 6


def test_store_cursor_from_another_query_is_rejected(store: Store) -> None:
    cursor = store.entities(limit=1)["next"]
    with pytest.raises(WiretagError) as err:
        store.entities(Filters(type="GPE"), limit=1, cursor=cursor)
    assert err.value.code == "W505"
    with pytest.raises(WiretagError):
        store.entities(cursor="garbage!!")


@pytest.mark.parametrize(
    "query",
    ["'; DROP TABLE stories; --", 'mackerel" OR 1=1 --', "NEAR(a b)", "text:foo", "*", '"', "",
     "%", "_"],
)
def test_store_search_input_cannot_inject(store: Store, query: str) -> None:
    for kind in ("stories", "quotes", "events", "entities"):
        page = store.search(query, kind)
        assert page["total"] >= 0
        page = store.search(None, kind, filters=Filters(speaker=query, entity=query))
    assert store.count() == 3
    # LIKE wildcards are literal: "%" matches no entity name
    assert store.entities(Filters(q="%"))["total"] == 0


def test_store_bad_filters_are_coded_errors(store: Store) -> None:
    for bad in (Filters(since="yesterday"), Filters(until="2025-13"), Filters(country="Atlantis")):
        with pytest.raises(WiretagError) as err:
            store.stories(bad)
        assert err.value.code == "W505"
    with pytest.raises(WiretagError):
        store.stories(limit=0)


def test_store_refuses_a_foreign_database(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER)")
    conn.commit()
    conn.close()
    with pytest.raises(WiretagError) as err:
        Store(path)
    assert err.value.code == "W402"

    text = tmp_path / "notes.db"
    text.write_text("this is not sqlite at all, just some text " * 20)
    with pytest.raises(WiretagError) as err:
        Store(text)
    assert err.value.code == "W402"


def test_store_refuses_a_newer_schema(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO schema_version VALUES (?, 'future')", (LATEST + 1,))
    conn.commit()
    conn.close()
    with pytest.raises(WiretagError) as err:
        Store(path)
    assert err.value.code == "W403"


def test_store_reopen_keeps_data_and_version(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    with Store(path) as store:
        store.add(examples()[1])
    with Store(path) as store:
        assert store.version == LATEST
        assert store.count() == 1


def test_store_locked_database_is_w401(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    Store(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        store = Store(path, timeout=0.1)
        with pytest.raises(WiretagError) as err:
            store.add(examples()[0])
        assert err.value.code == "W401"
        store.close()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
