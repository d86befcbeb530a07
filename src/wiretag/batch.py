"""Batch ingest: read stories, analyse them in parallel, write them to the store.

Analysis runs in a local process pool by default (each worker loads the backbone once) or
on a Dask cluster when a scheduler address is given; results come back in input order to
one writer, the calling process, which commits each story in its own transaction. So a
batch killed half-way keeps every story committed before the kill, and running it again
skips them (their raw text's hash is stored) before spending any analysis on them.

Input is streamed: stories are read as the workers need them, never listed up front, so
memory stays flat however large the archive. The progress total is an estimate made
without reading stories (files counted, JSON Lines files' lines counted); where that is
not possible (standard input, feeds, WARC, compressed files) progress has no total.

Stories that copy a stored story (near duplicates) are stored and flagged by default, or
skipped with ``skip_near_duplicates``. At the end the story clusters of the dates that
received new stories are brought up to date.
"""

from __future__ import annotations

import contextlib
import fnmatch
import json
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from itertools import islice
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from wiretag.document import Document, content_id
from wiretag.errors import ReadError, WiretagError
from wiretag.store import Store
from wiretag.story import Story

#: stories sent to a worker at a time: large enough for nlp.pipe batching to pay off,
#: small enough that little work is lost to a kill and progress stays smooth
CHUNK_SIZE = 8
#: with workers=0 (auto), stories per worker process started
AUTO_STORIES_PER_WORKER = 100
#: seconds to wait for a Dask scheduler before W406
DASK_CONNECT_TIMEOUT = 10.0

# what a worker sends back for one story: ("doc", Document) or ("error", WiretagError dict);
# WiretagError itself does not survive pickling (its __init__ takes keyword arguments)
Result = tuple[str, Any]


@dataclass
class Failure:
    code: str
    message: str
    path: str | None = None
    line: int | None = None
    id: str | None = None

    @classmethod
    def from_error(cls, err: dict[str, Any], story: Story | None = None) -> Failure:
        return cls(code=str(err["code"]), message=str(err["message"]),
                   path=err.get("path") or (story.path if story else None),
                   line=err.get("line") or (story.line if story else None),
                   id=story.id if story else None)

    def __str__(self) -> str:
        where = self.path or ""
        if where and self.line is not None:
            where += f":{self.line}"
        return f"[{self.code}] {where + ': ' if where else ''}{self.message}"


@dataclass
class Progress:
    done: int
    #: None when the input cannot be counted without reading it
    total: int | None
    ingested: int
    duplicates: int
    failed: int
    elapsed: float


@dataclass
class IngestSummary:
    read: int = 0
    ingested: int = 0
    duplicates: int = 0
    failed: list[Failure] = field(default_factory=list)
    words: int = 0
    seconds: float = 0.0
    #: stories found to copy a stored story: stored and flagged, or skipped on request
    near_duplicates: int = 0
    near_duplicates_skipped: int = 0
    #: clusters (re)built at the end, and how many of them hold more than one story
    clusters: int = 0
    multi_story_clusters: int = 0
    #: files inside the directories given that were not read: their names announce no
    #: format we read (``include`` globs read them)
    skipped_files: list[str] = field(default_factory=list)

    @property
    def stories_per_second(self) -> float:
        return self.ingested / self.seconds if self.seconds > 0 else 0.0

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["stories_per_second"] = round(self.stories_per_second, 2)
        data["words_per_second"] = round(self.words_per_second, 1)
        return data

    def write_failures(self, path: str | Path) -> None:
        """One JSON object per failed story: code, message, path, line, id."""
        with open(path, "w", encoding="utf-8") as out:
            for failure in self.failed:
                out.write(json.dumps(asdict(failure), ensure_ascii=False) + "\n")


def ingest(
    inputs: Sequence[str | Path] | Iterable[Story],
    store: Store,
    *,
    workers: int = 0,
    scheduler: str | None = None,
    model: str | None = None,
    progress: Callable[[Progress], None] | None = None,
    include: Sequence[str] | None = None,
    exclude: Sequence[str] | None = None,
    max_bytes: int | None = None,
    chunk_size: int = CHUNK_SIZE,
    skip_near_duplicates: bool = False,
    cluster: bool = True,
    cluster_threshold: float | None = None,
    cluster_window_days: int | None = None,
) -> IngestSummary:
    """Analyse and store every story in ``inputs`` (paths, or Story objects).

    ``workers=0`` uses one process per core (fewer on small counted batches); 1 analyses
    in this process. A story already stored counts as a duplicate; one that cannot be read
    or analysed is a failure with its coded reason, and the batch goes on. ``cluster``
    re-clusters the time windows that received stories once the batch is stored.
    """
    started = time.perf_counter()
    summary = IngestSummary()
    store.backfill_signatures()
    total = estimate_total(inputs, include, exclude)
    items = _read(inputs, include, exclude, max_bytes, summary.skipped_files)
    done = 0
    new_dates: set[str | None] = set()

    def report() -> None:
        if progress is not None:
            progress(Progress(done, total, summary.ingested, summary.duplicates,
                              len(summary.failed), time.perf_counter() - started))

    # stories handed to analysis and not yet back, in order: results come back in the
    # same order, so each result is matched with the story at the head of this queue
    in_flight: deque[tuple[Story, str]] = deque()

    def to_analyse() -> Iterator[Story]:
        nonlocal done
        for item in items:
            if isinstance(item, ReadError):
                summary.failed.append(Failure.from_error(item.error.to_dict()))
                done += 1
                report()
                continue
            summary.read += 1
            source_hash = content_id(item.text)
            if store.has_source(source_hash):
                summary.duplicates += 1
                done += 1
                report()
                continue
            in_flight.append((item, source_hash))
            yield item

    report()
    for kind, value in analyse(to_analyse(), workers=workers, scheduler=scheduler, model=model,
                               chunk_size=chunk_size, expected=total):
        story, source_hash = in_flight.popleft()
        if kind == "doc":
            added = store.insert(value, source_hash=source_hash,
                                 skip_near_duplicates=skip_near_duplicates)
            if added.duplicate_of is not None:
                summary.near_duplicates += 1
            if added.stored:
                summary.ingested += 1
                summary.words += len(value.text.split())
                new_dates.add(added.date)
            elif added.duplicate_of is not None:
                summary.near_duplicates_skipped += 1
            else:
                summary.duplicates += 1
        else:
            summary.failed.append(Failure.from_error(value, story))
        done += 1
        report()
    if cluster and new_dates:
        kwargs: dict[str, Any] = {}
        if cluster_threshold is not None:
            kwargs["threshold"] = cluster_threshold
        if cluster_window_days is not None:
            kwargs["window_days"] = cluster_window_days
        result = store.cluster(sorted(new_dates, key=lambda d: d or ""), **kwargs)
        summary.clusters, summary.multi_story_clusters = result.clusters, result.multi
    summary.seconds = time.perf_counter() - started
    return summary


def _read(
    inputs: Sequence[str | Path] | Iterable[Story],
    include: Sequence[str] | None,
    exclude: Sequence[str] | None,
    max_bytes: int | None,
    skipped: list[str],
) -> Iterator[Story | ReadError]:
    if isinstance(inputs, Sequence) and all(isinstance(i, (str, Path)) for i in inputs):
        from wiretag.readers import read_inputs

        kwargs: dict[str, Any] = {"include": tuple(include or ()),
                                  "exclude": tuple(exclude or ()), "skipped": skipped}
        if max_bytes is not None:
            kwargs["max_bytes"] = max_bytes
        yield from read_inputs([str(p) for p in inputs], **kwargs)
        return
    for item in inputs:
        if isinstance(item, Story):
            yield item


#: endings of files holding one story each; JSON Lines files are counted by lines
_ONE_STORY = (".txt", ".text", ".html", ".htm", ".xhtml")
_LINES = (".jsonl", ".ndjson")


def estimate_total(
    inputs: Sequence[str | Path] | Iterable[Story],
    include: Sequence[str] | None = None,
    exclude: Sequence[str] | None = None,
) -> int | None:
    """How many stories ``inputs`` hold, found without reading any story: a list of
    stories' length; for paths, one per text or HTML file and one per line of a JSON Lines
    file. None where that cannot be known cheaply (an iterator of stories, standard input,
    feeds, WARC or compressed files)."""
    if not isinstance(inputs, Sequence):
        return None
    if not all(isinstance(i, (str, Path)) for i in inputs):
        return len(inputs)
    total = 0
    for raw in inputs:
        if str(raw) == "-":
            return None
        path = Path(raw)
        files = _files(path, tuple(include or ()), tuple(exclude or ())) if path.is_dir() \
            else [path]
        for file in files:
            name = file.name.lower()
            if name.endswith(_ONE_STORY):
                total += 1
            elif name.endswith(_LINES):
                total += _count_lines(file)
            else:
                return None
    return total


def _files(root: Path, include: tuple[str, ...], exclude: tuple[str, ...]) -> Iterator[Path]:
    # the same choice of files as the readers' directory walk: hidden ones skipped, globs
    # matched on the relative path or the name; unknown endings are left to the caller
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for filename in filenames:
            if filename.startswith("."):
                continue
            full = Path(dirpath) / filename
            rel = full.relative_to(root).as_posix()
            if include and not any(fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(filename, p)
                                   for p in include):
                continue
            if exclude and any(fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(filename, p)
                               for p in exclude):
                continue
            if not include and not filename.lower().endswith(_ONE_STORY + _LINES) and \
                    not _known(filename):
                continue
            yield full


def _known(filename: str) -> bool:
    """Whether the readers would pick the file up in a directory (then it may hold an
    unknown number of stories)."""
    lower = filename.lower()
    return lower.endswith((".warc", ".arc", ".rss", ".atom", ".xml", ".gz"))


def _count_lines(path: Path) -> int:
    """Non-blank lines, read in blocks: a multi-gigabyte file costs a quick scan, not
    memory."""
    count = 0
    last = b"\n"
    try:
        with path.open("rb") as handle:
            while block := handle.read(1 << 20):
                count += block.count(b"\n")
                last = block[-1:]
    except OSError:
        return 0
    return count + (last != b"\n")


def analyse(
    stories: Iterable[Story],
    *,
    workers: int = 0,
    scheduler: str | None = None,
    model: str | None = None,
    chunk_size: int = CHUNK_SIZE,
    expected: int | None = None,
) -> Iterator[Result]:
    """Analyse ``stories`` (read lazily, a few chunks ahead), yielding one result per story
    in input order. ``expected``: how many there are, when known, for the auto worker
    count."""
    if expected is None and isinstance(stories, Sequence):
        expected = len(stories)
    source = iter(stories)
    chunks: Iterator[list[Story]] = iter(lambda: list(islice(source, chunk_size)), [])
    if scheduler is not None:
        yield from _on_dask(chunks, scheduler, model)
        return
    if workers > 0:
        n = workers
    elif expected is not None:
        # each worker pays a few seconds to start and load the backbone: on a small batch
        # that costs more than it saves, so "auto" adds a worker per AUTO_STORIES_PER_WORKER
        n = max(1, min(os.cpu_count() or 1, expected // AUTO_STORIES_PER_WORKER))
    else:
        n = os.cpu_count() or 1
    if expected is not None:
        n = min(n, -(-expected // chunk_size))
    if n <= 1:
        for chunk in chunks:
            yield from analyse_chunk(chunk, model)
        return
    # a pool for a stream that turns out empty or tiny costs only the start of idle workers
    yield from _on_pool(chunks, n, model)


def analyse_chunk(stories: list[Story], model: str | None) -> list[Result]:
    """Analyse a few stories with the (per-process cached) backbone. A story that fails
    (W2xx, or W299 for an unexpected error inside wiretag) keeps its place as an error."""
    from wiretag.nlp import load_backbone
    from wiretag.pipeline import analyze_stream

    try:
        nlp = load_backbone(model)
    except WiretagError as err:
        return [("error", err.to_dict())] * len(stories)
    return [_result(r) for r in analyze_stream(stories, nlp, batch_size=len(stories) or 1)]


def _result(item: Document | WiretagError) -> Result:
    return ("doc", item) if isinstance(item, Document) else ("error", item.to_dict())


def _init_worker(model: str | None) -> None:
    # load the backbone once per worker process, before the first chunk arrives
    from wiretag.nlp import load_backbone

    with contextlib.suppress(WiretagError):  # reported per story by analyse_chunk
        load_backbone(model)


def _on_pool(chunks: Iterator[list[Story]], workers: int, model: str | None
             ) -> Iterator[Result]:
    # spawn, not fork: a forked child would inherit the parent's SQLite handle and threads
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn"),
                             initializer=_init_worker, initargs=(model,)) as pool:
        window: deque[Future[list[Result]]] = deque()
        todo = iter(chunks)
        try:
            for chunk in todo:
                window.append(pool.submit(analyse_chunk, chunk, model))
                if len(window) >= 2 * workers:
                    yield from window.popleft().result()
            while window:
                yield from window.popleft().result()
        finally:
            for future in window:
                future.cancel()


def _on_dask(chunks: Iterator[list[Story]], scheduler: str, model: str | None
             ) -> Iterator[Result]:
    try:
        # typed as Any: distributed's annotations are partial, and absent where it is not
        # installed, which is what mypy sees in CI
        from dask.distributed import Client as client_class
    except ImportError as exc:
        raise WiretagError("W404", "--scheduler needs Dask, which is not installed") from exc
    try:
        make: Any = client_class
        client: Any = make(scheduler, timeout=DASK_CONNECT_TIMEOUT)
    except (OSError, TimeoutError) as exc:
        raise WiretagError("W406", f"cannot reach the Dask scheduler at {scheduler}: {exc}") \
            from exc
    try:
        window: deque[Any] = deque()
        for chunk in chunks:
            window.append(client.submit(analyse_chunk, chunk, model, pure=False))
            if len(window) >= 4 * max(1, len(client.nthreads())):
                yield from window.popleft().result()
        while window:
            yield from window.popleft().result()
    finally:
        client.close()
