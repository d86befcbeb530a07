"""Batch ingest with a tiny spaCy pipeline built here (no bundled model needed)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from wiretag.batch import Progress, analyse, ingest
from wiretag.errors import WiretagError
from wiretag.store import Filters, Store
from wiretag.story import Story

PLACES = ["OSLO", "REYKJAVIK", "BRUSSELS", "LONDON", "BERGEN", "TORSHAVN"]


def make_stories(n: int) -> list[Story]:
    return [
        Story(
            text=f"{PLACES[i % len(PLACES)]}, March {1 + i % 28} (Reuters) - Officials met for "
            f"round {i} of talks on mackerel quotas on Monday. \"We are not there yet,\" one "
            f"negotiator said after session {i}.\n\n(Reporting by Ann Berg; Editing by Tom Hill)",
            id=f"s{i}", published=f"2025-03-{1 + i % 28:02d}",
        )
        for i in range(n)
    ]


def test_batch_ingest_then_rerun_skips_everything(tmp_path: Path, tiny_model: str) -> None:
    store = Store(tmp_path / "b.db")
    seen: list[Progress] = []
    summary = ingest(make_stories(12), store, workers=1, model=tiny_model, progress=seen.append)
    assert (summary.read, summary.ingested, summary.duplicates, summary.failed) == (12, 12, 0, [])
    assert summary.words > 12 * 20 and summary.stories_per_second > 0
    assert seen[-1].done == seen[-1].total == 12
    assert store.count() == 12
    doc = store.story(store.stories(limit=1)["items"][0]["id"])
    assert doc is not None and doc["document"]["credits"][0]["name"] == "Ann Berg"

    again = ingest(make_stories(12), store, workers=1, model=tiny_model)
    assert (again.ingested, again.duplicates) == (0, 12)
    assert store.count() == 12


def test_batch_failures_are_reported_and_batch_goes_on(tmp_path: Path, tiny_model: str) -> None:
    stories = make_stories(3)
    stories.insert(1, Story(text="  \n\n  ", id="empty",
                            path="feed.jsonl", line=2))
    store = Store(tmp_path / "b.db")
    summary = ingest(stories, store, workers=1, model=tiny_model)
    assert summary.ingested == 3
    (failure,) = summary.failed
    assert failure.code == "W201" and failure.id == "empty" and failure.line == 2
    report = tmp_path / "failures.jsonl"
    summary.write_failures(report)
    assert json.loads(report.read_text())["code"] == "W201"


def test_batch_from_a_directory_names_the_files_it_left_out(
    tmp_path: Path, tiny_model: str
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i, story in enumerate(make_stories(2)):
        (folder / f"s{i}.txt").write_text(story.text)
    (folder / "notes.dat").write_text("not read")
    store = Store(tmp_path / "d.db")
    summary = ingest([folder], store, workers=1, model=tiny_model)
    assert (summary.ingested, summary.failed) == (2, [])
    assert summary.skipped_files == [str(folder / "notes.dat")]
    assert summary.to_dict()["skipped_files"] == [str(folder / "notes.dat")]


def test_batch_unknown_model_fails_every_story_with_a_code(tmp_path: Path) -> None:
    store = Store(tmp_path / "b.db")
    summary = ingest(make_stories(2), store, workers=1, model=str(tmp_path / "no-such-model"))
    assert [f.code for f in summary.failed] == ["W301", "W301"]
    assert store.count() == 0


def test_batch_two_workers_give_the_same_documents_in_order(tiny_model: str) -> None:
    stories = make_stories(20)
    one = [v.to_dict() for k, v in analyse(stories, workers=1, model=tiny_model, chunk_size=3)]
    two = [v.to_dict() for k, v in analyse(stories, workers=2, model=tiny_model, chunk_size=3)]
    assert one == two
    assert [d["input"]["id"] for d in two] == [s.id for s in stories]


def test_batch_scheduler_without_dask_is_a_coded_error(
    monkeypatch: pytest.MonkeyPatch, tiny_model: str
) -> None:
    # None in sys.modules makes "import dask.distributed" raise ImportError
    monkeypatch.setitem(sys.modules, "dask.distributed", None)
    monkeypatch.setitem(sys.modules, "dask", None)
    with pytest.raises(WiretagError) as err:
        list(analyse(make_stories(1), scheduler="tcp://127.0.0.1:8786", model=tiny_model))
    assert err.value.code == "W404"


CHILD = """
import json, sys, time
from wiretag.batch import ingest
from wiretag.store import Store
from wiretag.story import Story
stories = [Story(**json.loads(line)) for line in open(sys.argv[1])]
def progress(p):
    print(p.ingested, flush=True)
    time.sleep(0.05)  # slow enough that the parent's kill lands mid-batch
s = ingest(stories, Store(sys.argv[2]), workers=1, model=sys.argv[3], progress=progress)
print("summary", s.ingested, s.duplicates, flush=True)
"""


def test_batch_kill_9_mid_ingest_then_resume_loses_and_duplicates_nothing(
    tmp_path: Path, tiny_model: str
) -> None:
    n = 60
    data = tmp_path / "stories.jsonl"
    data.write_text("".join(
        json.dumps({"text": s.text, "id": s.id, "published": s.published}) + "\n"
        for s in make_stories(n)))
    db = tmp_path / "k.db"
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(data), str(db), tiny_model],
                             stdout=subprocess.PIPE, text=True, env=os.environ.copy())
    assert child.stdout is not None
    deadline = time.monotonic() + 60
    for line in child.stdout:
        if int(line.split()[0]) >= 10 or time.monotonic() > deadline:
            break
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    child.stdout.close()
    assert child.returncode == -signal.SIGKILL

    store = Store(db)
    committed = store.count()
    assert 10 <= committed < n, "the kill should land mid-batch"
    assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    store.close()

    out = subprocess.run([sys.executable, "-c", CHILD, str(data), str(db), tiny_model],
                         capture_output=True, text=True, check=True).stdout
    assert out.splitlines()[-1] == f"summary {n - committed} {committed}"
    store = Store(db)
    assert store.count() == n
    ids = {row[0] for row in store.conn.execute("SELECT input_id FROM stories")}
    assert ids == {f"s{i}" for i in range(n)}
    # the FTS index holds each story once
    assert store.stories(limit=1)["total"] == n
    assert store.search("mackerel", "stories")["total"] == n


def test_batch_on_a_dask_cluster_matches_local(tiny_model: str) -> None:
    distributed = pytest.importorskip("dask.distributed", reason="Dask is an optional extra")
    stories = make_stories(10)
    local = [v.to_dict() for _, v in analyse(stories, workers=1, model=tiny_model)]
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster:
        remote = [v.to_dict() for _, v in analyse(stories, scheduler=cluster.scheduler_address,
                                                  model=tiny_model, chunk_size=3)]
    assert remote == local


def test_batch_unreachable_scheduler_is_a_coded_error(
    tiny_model: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("dask.distributed", reason="Dask is an optional extra")
    import socket

    import wiretag.batch

    monkeypatch.setattr(wiretag.batch, "DASK_CONNECT_TIMEOUT", 1.0)

    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(WiretagError) as err:
        list(analyse(make_stories(1), scheduler=f"tcp://127.0.0.1:{port}", model=tiny_model))
    assert err.value.code == "W406"


def test_estimate_total_counts_without_reading_stories(tmp_path: Path) -> None:
    from wiretag.batch import estimate_total

    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("OSLO - one story.")
    (folder / "sub" / "b.jsonl").write_text('{"text": "x"}\n{"text": "y"}\n{"text": "z"}')
    (folder / ".hidden.txt").write_text("skipped")
    (folder / "notes.png").write_bytes(b"\x89PNG")
    assert estimate_total([folder]) == 4
    assert estimate_total([folder], exclude=["*.jsonl"]) == 1
    assert estimate_total(make_stories(3)) == 3
    assert estimate_total(iter(make_stories(3))) is None
    assert estimate_total(["-"]) is None
    (folder / "c.jsonl.gz").write_bytes(b"")
    assert estimate_total([folder]) is None


def test_ingest_streams_an_iterator_without_a_total(tmp_path: Path, tiny_model: str) -> None:
    pulled: list[int] = []

    def stream() -> Iterator[Story]:
        for i, story in enumerate(make_stories(20)):
            pulled.append(i)
            yield story

    seen: list[Progress] = []
    store = Store(tmp_path / "s.db")
    first_report: list[int] = []

    def progress(p: Progress) -> None:
        if p.done == 1 and not first_report:
            first_report.append(len(pulled))
        seen.append(p)

    summary = ingest(stream(), store, workers=1, model=tiny_model, progress=progress,
                     chunk_size=4)
    assert summary.ingested == 20 and seen[-1].done == 20
    assert all(p.total is None for p in seen)
    # the first story was stored while most of the stream was still unread
    assert first_report and first_report[0] <= 8


def test_ingest_flags_near_duplicates_and_clusters(tmp_path: Path, tiny_model: str) -> None:
    base = ("OSLO, March 3 (Reuters) - Norway accused the Faroe Islands on Monday of "
            "fishing far more mackerel than scientists advise, and said it would bar Faroese "
            "boats from its waters unless the islands cut their quota before the summer. "
            "Fisheries officials from both sides are due to meet in Bergen next week, but "
            "diplomats said they saw little chance of a deal before the season opens.\n\n")
    stories = [
        Story(text=base + "The Faroese government did not comment.", id="a",
              published="2025-03-03"),
        Story(text=base + "A Faroese spokesman later rejected the charge as unfounded.",
              id="b", published="2025-03-03", headline="UPDATE 1-Norway accuses Faroes"),
        Story(text="ROME, June 30 (AFP) - Italy's wheat harvest rose 4 percent this year, "
              "farmers said, after a wet spring in the north.", id="c",
              published="2025-06-30"),
    ]
    store = Store(tmp_path / "n.db")
    summary = ingest(stories, store, workers=1, model=tiny_model)
    assert (summary.ingested, summary.near_duplicates) == (3, 1)
    assert summary.clusters == 2 and summary.multi_story_clusters == 1
    flagged = store.stories(limit=5)["items"]
    assert sum(s["duplicate_of"] is not None for s in flagged) == 1
    assert store.stories(Filters(hide_duplicates=True))["total"] == 2

    other = Store(tmp_path / "skip.db")
    skipped = ingest(stories, other, workers=1, model=tiny_model, skip_near_duplicates=True)
    assert (skipped.ingested, skipped.near_duplicates_skipped) == (2, 1)
    assert other.count() == 2
