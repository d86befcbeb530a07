"""p50/p95 latency of the main API queries on a store of N stories (default 10,000).

The store is filled by analysing the bundled sample once and inserting replicated copies
of its Documents directly (each copy's text gets a trailing archive note, so its content id
differs while every offset stays valid; its dates move on by whole days). Requests go
through the real ASGI app in-process (Starlette's TestClient), so the figures are the
server's own time without network.

    python benchmarks/api_latency.py [--stories 10000] [--repeat 50] [--db PATH]

Results are recorded in benchmarks/STORE.md.
"""

from __future__ import annotations

import argparse
import copy
import json
import statistics
import tempfile
import time
import warnings
from datetime import date, timedelta
from pathlib import Path

from wiretag.api import create_app
from wiretag.document import Document, content_id
from wiretag.nlp import load_backbone
from wiretag.pipeline import analyze_stream
from wiretag.samples import SAMPLE_PATH
from wiretag.store import Store
from wiretag.story import Story

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's TestClient deprecation notice
    from starlette.testclient import TestClient


def _shift(value: str | None, days: int) -> str | None:
    if not value or len(value) != 10:
        return value
    return (date.fromisoformat(value) + timedelta(days=days)).isoformat()


def build(db: Path, n: int) -> None:
    records = [json.loads(line) for line in SAMPLE_PATH.read_text("utf-8").splitlines()]
    stories = [Story(text=r["text"], id=r["id"], headline=r["headline"],
                     published=r["published"], source=r["source"], url=r["url"])
               for r in records]
    docs = [d for d in analyze_stream(stories, load_backbone(None)) if isinstance(d, Document)]
    started = time.perf_counter()
    with Store(db) as store:
        for i in range(n):
            doc = copy.deepcopy(docs[i % len(docs)])
            shift = i // len(docs)
            doc.text = f"{doc.text}\n\n(Archive copy {i}.)"
            doc.id = content_id(doc.text)
            doc.published = _shift(doc.published, shift)
            if doc.dateline is not None:
                doc.dateline.date = _shift(doc.dateline.date, shift)
            store.add(doc)
        clustered = time.perf_counter()
        result = store.cluster(None)
        print(f"clustered {result.stories} stories into {result.clusters} clusters in "
              f"{time.perf_counter() - clustered:.0f} s")
    print(f"built {n} stories in {time.perf_counter() - started:.0f} s "
          f"({db.stat().st_size / 1e6:.0f} MB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--stories", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--db", type=Path, default=None, help="reuse/keep this store")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "bench.db"
        if not db.exists():
            build(db, args.stories)
        with TestClient(create_app(db)) as client:
            some = client.get("/api/stories", params={"limit": 1}).json()
            story_id = some["items"][0]["id"]
            total = some["total"]
            top = client.get("/api/entities", params={"limit": 1}).json()["items"][0]
            clusters = client.get("/api/clusters", params={"limit": 200}).json()["items"]
            biggest = max(clusters, key=lambda c: c["size"])["id"]
            person = client.get("/api/entities",
                                params={"type": "PERSON", "limit": 1}).json()["items"][0]
            queries = {
                "GET /api/stories": ("/api/stories", {}),
                "GET /api/stories?q=port ban": ("/api/stories", {"q": "port ban"}),
                "GET /api/stories?country=FRO&since=2026": (
                    "/api/stories", {"country": "FRO", "since": "2026"}),
                "GET /api/stories/{id}": (f"/api/stories/{story_id}", {}),
                "GET /api/entities": ("/api/entities", {}),
                "GET /api/entities?q=moe": ("/api/entities", {"q": "moe"}),
                f"GET /api/entities/{{id}} ({person['name']}, {person['stories']} stories)": (
                    f"/api/entities/{person['id']}", {}),
                f"GET /api/entities/{{id}} ({top['name']}, {top['stories']} stories)": (
                    f"/api/entities/{top['id']}", {}),
                "GET /api/quotes?speaker=Moe": ("/api/quotes", {"speaker": "Moe"}),
                "GET /api/quotes?q=sanctions": ("/api/quotes", {"q": "sanctions"}),
                "GET /api/events?event_type=ACCUSE": ("/api/events", {"event_type": "ACCUSE"}),
                "GET /api/events?source_actor=NOR": ("/api/events", {"source_actor": "NOR"}),
                "GET /api/stories?hide_duplicates=true": (
                    "/api/stories", {"hide_duplicates": "true"}),
                "GET /api/clusters?min_size=2": ("/api/clusters", {"min_size": 2}),
                "GET /api/clusters/{id} (largest)": (f"/api/clusters/{biggest}", {}),
            }
            print(f"store: {total} stories; {args.repeat} requests per query")
            print("| query | p50 ms | p95 ms |")
            print("|---|---:|---:|")
            for name, (path, params) in queries.items():
                client.get(path, params=params)  # warm the page cache
                times = []
                for _ in range(args.repeat):
                    started = time.perf_counter()
                    response = client.get(path, params=params)
                    times.append((time.perf_counter() - started) * 1000)
                    assert response.status_code == 200, response.text
                times.sort()
                p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
                print(f"| {name} | {statistics.median(times):.1f} | {p95:.1f} |", flush=True)


if __name__ == "__main__":
    main()
