"""Across stories: near duplicates, story clusters, entity linking by name variants."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from wiretag.document import Document
from wiretag.samples import build_document
from wiretag.store import Filters, Store, clustering, entity_id
from wiretag.store.schema import APPLICATION_ID, LATEST, MIGRATIONS

# written for these tests: one wire story, a republished version of it, and another story
# on the same subject the same day
LEDE = (
    "REYKJAVIK, May 12 (Reuters) - Iceland will cut its mackerel quota for next season by "
    "15 percent, Fisheries Minister Helga Sigurdardottir said on Monday, a first step "
    "towards the sharing deal that coastal states have failed to agree for over a decade.\n\n"
    "The cut takes Iceland's catch limit to about 110,000 tonnes. Sigurdardottir told "
    "parliament the government acted because the stock had shrunk for four years running "
    "and scientists had warned that fishing above their advice risked a collapse.\n\n"
    '"We cannot ask others to show restraint and then fish as if nothing had happened," '
    "she said. Opposition lawmakers said the cut would cost coastal towns jobs and "
    "demanded compensation for boat owners who had borrowed to buy new trawlers.\n\n"
    "Norway and the European Union welcomed the move. A spokesman for the European "
    "Commission said Brussels hoped the Faroe Islands would follow before talks resume "
    "in Bergen next month.\n\n"
)
ORIGINAL = LEDE + (
    "Fishing industry groups in Iceland said they would study the decision before "
    "commenting further on its effect on exports to Nigeria and Japan."
)
REPUBLISHED = LEDE + (
    "Shares in Iceland's largest listed seafood company fell 3 percent in Reykjavik after "
    "the announcement, their biggest one-day drop since January."
)
OTHER = (
    "TORSHAVN, May 12 (AP) - The Faroe Islands said on Monday they had no plans to follow "
    "Iceland in cutting their mackerel quota, arguing that the islands' boats already "
    "fish less than their fair share of the stock.\n\n"
    "Fisheries minister Jonas Dalsgaard said the Faroese fleet had been unfairly blamed "
    "for the decline and that Iceland's decision was a matter for Iceland alone. "
    '"Our scientists read the same numbers and draw other conclusions," he said.\n\n'
    "The European Union has threatened to close its ports to Faroese fish unless the "
    "islands accept a lower share at talks in Bergen next month.\n\n"
    "Iceland's Fisheries Minister Helga Sigurdardottir said on Monday her government would "
    "cut its mackerel quota by 15 percent, and that Norway and the European Union had "
    "welcomed the move. Faroese boat owners said they feared the pressure on the islands "
    "would now grow, with exporters already looking for buyers outside Europe."
)
PEOPLE = [("Helga Sigurdardottir", "PERSON", "ISL"), ("Iceland", "GPE", "ISL")]


def _store(tmp_path: Path) -> Store:
    return Store(tmp_path / "k.db")


def test_republished_copy_is_flagged_and_another_story_is_not(tmp_path: Path) -> None:
    store = _store(tmp_path)
    first = build_document(ORIGINAL, headline="Iceland to cut mackerel quota by 15 pct",
                           published="2025-05-12", agency="Reuters", entities=PEOPLE)
    copy = build_document(REPUBLISHED, headline="UPDATE 1-Iceland cuts mackerel quota, "
                          "seafood shares fall", published="2025-05-12", agency="Reuters",
                          entities=PEOPLE)
    other = build_document(OTHER, headline="Faroes will not follow Iceland's quota cut",
                           published="2025-05-12", agency="AP",
                           entities=[("Jonas Dalsgaard", "PERSON", "FRO")])
    assert store.insert(first).duplicate_of is None
    added = store.insert(copy)
    assert added.stored and added.duplicate_of == first.id
    assert added.similarity is not None and 0.8 <= added.similarity <= 1.0
    assert store.insert(other).duplicate_of is None

    listed = {s["id"]: s for s in store.stories()["items"]}
    assert listed[copy.id]["duplicate_of"] == first.id
    assert listed[other.id]["duplicate_of"] is None
    shown = store.stories(Filters(hide_duplicates=True))
    assert shown["total"] == 2 and copy.id not in {s["id"] for s in shown["items"]}

    original = store.story(first.id)
    assert original is not None
    assert [c["id"] for c in original["duplicates"]] == [copy.id]
    republished = store.story(copy.id)
    assert republished is not None and republished["duplicate_of"]["id"] == first.id


def test_skip_near_duplicates_leaves_the_copy_out(tmp_path: Path) -> None:
    store = _store(tmp_path)
    first = build_document(ORIGINAL, published="2025-05-12")
    copy = build_document(REPUBLISHED, published="2025-05-12")
    store.add(first)
    added = store.insert(copy, skip_near_duplicates=True)
    assert not added.stored and added.duplicate_of == first.id
    assert store.count() == 1


def test_a_copy_of_a_copy_points_at_the_original(tmp_path: Path) -> None:
    store = _store(tmp_path)
    docs = [build_document(ORIGINAL), build_document(REPUBLISHED),
            build_document(REPUBLISHED + " Trading volume was light.")]
    for doc in docs:
        store.add(doc)
    items = {s["id"]: s["duplicate_of"] for s in store.stories()["items"]}
    assert items == {docs[0].id: None, docs[1].id: docs[0].id, docs[2].id: docs[0].id}


def _person_doc(text: str, names: list[str], date: str) -> Document:
    return build_document(text, published=date,
                          entities=[(n, "PERSON", None) for n in names])


def test_surname_only_links_to_the_one_stored_full_name(tmp_path: Path) -> None:
    store = _store(tmp_path)
    store.add(_person_doc("OSLO - Fisheries Minister Kristian Moe spoke.", ["Kristian Moe"],
                          "2025-03-01"))
    store.add(_person_doc("OSLO - Moe said the quota was reckless.", ["Moe"], "2025-03-02"))
    people = store.entities(Filters(type="PERSON"))
    assert people["total"] == 1
    moe = store.entity(people["items"][0]["id"])
    assert moe is not None and moe["stories"] == 2
    assert moe["aliases"][0] in ("Kristian Moe", "Moe") and set(moe["aliases"]) == {
        "Kristian Moe", "Moe"}
    assert (moe["first_seen"], moe["last_seen"]) == ("2025-03-01", "2025-03-02")


def test_surname_only_stays_apart_when_ambiguous(tmp_path: Path) -> None:
    store = _store(tmp_path)
    store.add(_person_doc("OSLO - Kristian Moe spoke.", ["Kristian Moe"], "2025-03-01"))
    store.add(_person_doc("BERGEN - Anna Moe spoke.", ["Anna Moe"], "2025-03-01"))
    store.add(_person_doc("OSLO - Moe said no.", ["Moe"], "2025-03-02"))
    names = sorted(e["name"] for e in store.entities(Filters(type="PERSON"))["items"])
    assert names == ["Anna Moe", "Kristian Moe", "Moe"]


def test_surname_stored_first_is_merged_when_the_full_name_arrives(tmp_path: Path) -> None:
    store = _store(tmp_path)
    early = _person_doc('OSLO - "No," Moe said.', ["Moe"], "2025-03-01")
    store.add(early)
    short_id = store.entities(Filters(type="PERSON"))["items"][0]["id"]
    store.add(_person_doc("OSLO - Kristian Moe spoke again.", ["Kristian Moe"], "2025-03-05"))
    people = store.entities(Filters(type="PERSON"))["items"]
    assert [p["name"] for p in people] == ["Kristian Moe"]
    assert people[0]["stories"] == 2 and people[0]["first_seen"] == "2025-03-01"
    # the old public id still leads to the merged entity
    merged = store.entity(short_id)
    assert merged is not None and merged["name"] == "Kristian Moe"
    assert short_id in merged["merged_ids"]
    stored = store.story(early.id)
    assert stored is not None
    assert set(stored["entities"].values()) == {people[0]["id"]}


def test_folded_name_variants_link_across_stories(tmp_path: Path) -> None:
    store = _store(tmp_path)
    store.add(build_document("NEW YORK - The U.N. said so.", entities=[("U.N.", "ORG", None)]))
    store.add(build_document("GENEVA - The UN agreed.", entities=[("UN", "ORG", None)]))
    orgs = store.entities(Filters(type="ORG"))
    assert orgs["total"] == 1
    detail = store.entity(orgs["items"][0]["id"])
    assert detail is not None and set(detail["aliases"]) == {"U.N.", "UN"}


def test_entity_record_lists_countries_and_titles_seen(tmp_path: Path) -> None:
    store = _store(tmp_path)
    store.add(build_document("OSLO - Fisheries Minister Kristian Moe spoke.",
                             entities=[("Kristian Moe", "PERSON", "NOR")]))
    store.add(build_document("LONDON - Kristian Moe arrived.",
                             entities=[("Kristian Moe", "PERSON", "GBR")]))
    moe = store.entity(entity_id("PERSON:kristian moe"))
    assert moe is not None and moe["countries"] == ["GBR", "NOR"]


def _cluster_docs() -> list[Document]:
    out = []
    for day, extra in ((12, ""), (13, " Talks go on."), (20, " Later.")):
        out.append(build_document(ORIGINAL + extra, headline="Iceland cuts quota",
                                  published=f"2025-05-{day:02d}", entities=PEOPLE))
    out.append(build_document(OTHER, headline="Faroes will not follow",
                              published="2025-05-13",
                              entities=[("Jonas Dalsgaard", "PERSON", "FRO")]))
    out.append(build_document(
        "ROME, June 30 (AFP) - Italy's wheat harvest rose 4 percent, farmers said, after "
        "a wet spring in the north.", headline="Italian wheat harvest up",
        published="2025-06-30", entities=[("Italy", "GPE", "ITA")]))
    return out


def _membership(store: Store) -> set[frozenset[str]]:
    page = store.clusters(limit=200)
    out = set()
    for item in page["items"]:
        detail = store.cluster_detail(item["id"])
        assert detail is not None
        out.add(frozenset(s["id"] for s in detail["stories"]))
    return out


def test_incremental_clustering_matches_clustering_from_scratch(tmp_path: Path) -> None:
    docs = _cluster_docs()
    inc = Store(tmp_path / "inc.db")
    for batch in (docs[:2], docs[2:4], docs[4:]):
        dates = [inc.insert(d).date for d in batch]
        inc.cluster(dates)
    full = Store(tmp_path / "full.db")
    for d in docs:
        full.add(d)
    full.cluster(None)
    assert _membership(inc) == _membership(full)
    groups = _membership(full)
    # the same story on the 12th and 13th is one cluster; a week later it is a new one;
    # the wheat harvest is alone
    assert frozenset({docs[0].id, docs[1].id}) <= next(g for g in groups if docs[0].id in g)
    assert docs[2].id not in next(g for g in groups if docs[0].id in g)
    assert frozenset({docs[4].id}) in groups
    # running it again changes nothing, ids included
    before = [c["id"] for c in full.clusters(limit=200)["items"]]
    full.cluster(None)
    assert [c["id"] for c in full.clusters(limit=200)["items"]] == before


def test_cluster_page_shape_and_detail(tmp_path: Path) -> None:
    store = _store(tmp_path)
    for d in _cluster_docs():
        store.add(d)
    store.cluster(None)
    page = store.clusters(min_size=2, limit=1)
    assert set(page) == {"total", "items", "next"}
    assert page["total"] >= 1
    if page["total"] > 1:
        assert page["next"] is not None
    item = page["items"][0]
    detail = store.cluster_detail(item["id"])
    assert detail is not None and detail["size"] == len(detail["stories"]) >= 2
    assert [s["date"] for s in detail["stories"]] == sorted(s["date"] for s in detail["stories"])
    assert detail["top_entities"] and detail["timeline"]
    assert store.cluster_detail("0" * 16) is None
    wheat = store.clusters(Filters(q="wheat"))
    assert wheat["total"] == 1 and wheat["items"][0]["headline"] == "Italian wheat harvest up"


def test_schema_1_store_is_migrated_and_backfilled(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied TEXT)")
    for statement in MIGRATIONS[0].split(";\n"):
        if statement.strip():
            conn.execute(statement)
    conn.execute("INSERT INTO schema_version VALUES (1, 'then')")
    conn.execute(
        "INSERT INTO stories (id, text, words, n_entities, n_quotes, n_events, document,"
        " ingested, date) VALUES ('a', ?, 1, 0, 0, 0, ?, 'then', '2025-05-12')",
        (ORIGINAL, build_document(ORIGINAL, published="2025-05-12").to_json()))
    conn.execute("INSERT INTO entities (id, key, type, name) VALUES ('x', 'PERSON:kristian moe',"
                 " 'PERSON', 'Kristian Moe')")
    conn.close()
    store = Store(path)
    assert store.version == LATEST
    assert store.backfill_signatures() == 1
    added = store.insert(build_document(REPUBLISHED, published="2025-05-12"))
    assert added.duplicate_of == "a"
    # the old entity got its lookup forms: a surname-only mention links to it
    store.add(_person_doc("OSLO - Moe spoke.", ["Moe"], "2025-05-13"))
    assert store.entities(Filters(type="PERSON"))["total"] == 1


def test_windows_split_at_gaps_and_cut_large_ones_into_blocks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    start = date(2025, 1, 6)
    daily = [(i, f"s{i}", start + timedelta(days=i)) for i in range(30)]
    later = [(100, "late", start + timedelta(days=60))]
    undated: list[tuple[int, str, date | None]] = [(200, "u", None)]
    windows = clustering._windows([*daily, *later, *undated], 4)
    assert windows == [list(range(30)), [100], [200]]
    monkeypatch.setattr(clustering, "MAX_WINDOW", 10)
    cut = clustering._windows(list(daily), 4)
    # calendar-aligned blocks of BLOCK_DAYS days, in date order, covering every story once
    assert [r for part in cut for r in part] == list(range(30))
    for part in cut:
        blocks = {(start + timedelta(days=r)).toordinal() // clustering.BLOCK_DAYS for r in part}
        assert len(blocks) == 1 and len(part) <= clustering.BLOCK_DAYS


def test_incremental_clustering_with_calendar_blocks_matches_from_scratch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(clustering, "MAX_WINDOW", 4)
    docs = [build_document((ORIGINAL if i % 2 else OTHER) + f" Day {i}.",
                           headline=f"Day {i}", published=f"2025-05-{1 + 2 * i:02d}",
                           entities=PEOPLE)
            for i in range(12)]
    inc = Store(tmp_path / "inc.db")
    for batch in (docs[:3], docs[3:5], docs[5:11], docs[11:]):
        inc.cluster([inc.insert(d).date for d in batch])
    full = Store(tmp_path / "full.db")
    for d in docs:
        full.add(d)
    full.cluster(None)
    assert _membership(inc) == _membership(full)
    # a later day re-clusters its own block only
    extra = build_document(OTHER + " Day 99.", published="2025-05-23", entities=PEOPLE)
    assert full.cluster([full.insert(extra).date]).stories < 12
