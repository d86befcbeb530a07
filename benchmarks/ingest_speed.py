"""Ingest throughput: stories/s and words/s at 1 and 2 workers, over the bundled sample
replicated with variations into N stories (default 2,000), analysed with the bundled model
and written to a fresh SQLite store per run.

    python benchmarks/ingest_speed.py [--stories 2000] [--workers 1 2]

Results are recorded in benchmarks/STORE.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from wiretag.batch import ingest
from wiretag.samples import SAMPLE_PATH
from wiretag.store import Store
from wiretag.story import Story

FILLERS = [
    "Officials said talks would continue next week.",
    "A spokesperson declined to comment further.",
    "Industry groups said they were studying the details.",
    "The ministry said more information would follow.",
    "Analysts said prices for mackerel had risen this year.",
]


def replicate(n: int) -> list[Story]:
    """``n`` distinct stories: the sample, each copy with its own extra sentence after the
    lede (so its content id differs) and its date moved on by whole weeks."""
    records = [json.loads(line) for line in SAMPLE_PATH.read_text("utf-8").splitlines()]
    out: list[Story] = []
    for i in range(n):
        rec = records[i % len(records)]
        copy = i // len(records)
        lede, _, rest = rec["text"].partition("\n\n")
        extra = f"{FILLERS[i % len(FILLERS)]} (Update {copy}.)"
        text = f"{lede}\n\n{extra}\n\n{rest}" if rest else f"{lede} {extra}"
        published = (date.fromisoformat(rec["published"]) + timedelta(weeks=copy)).isoformat()
        out.append(Story(text=text, id=f"{rec['id']}-{copy}", headline=rec["headline"],
                         published=published, source=rec["source"], url=rec["url"]))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--stories", type=int, default=2000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    stories = replicate(args.stories)
    words = sum(len(s.text.split()) for s in stories)
    print(f"{len(stories)} stories, {words:,} words (raw); {platform.processor() or '?'} "
          f"{os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f}")
    print("| workers | stories | seconds | stories/s | words/s |")
    print("|---:|---:|---:|---:|---:|")
    for workers in args.workers:
        with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.db") as store:
            started = time.perf_counter()
            summary = ingest(stories, store, workers=workers)
            seconds = time.perf_counter() - started
            assert summary.ingested == len(stories), summary.failed[:3]
            print(f"| {workers} | {summary.ingested} | {seconds:.1f} | "
                  f"{summary.ingested / seconds:.1f} | {summary.words / seconds:,.0f} |",
                  flush=True)


if __name__ == "__main__":
    main()
