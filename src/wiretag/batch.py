"""Batch ingest: read stories, analyse them in parallel, write them to the store.

Analysis runs in a local process pool by default (each worker loads the backbone once) or
on a Dask cluster when a scheduler address is given; results come back in input order to
one writer, the calling process, which commits each story in its own transaction. So a
batch killed half-way keeps every story committed before the kill, and running it again
skips them (their raw text's hash is stored) before spending any analysis on them.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
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
    total: int
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
) -> IngestSummary:
    """Analyse and store every story in ``inputs`` (paths, or Story objects).

    ``workers=0`` uses one process per core; 1 analyses in this process. A story already
    stored counts as a duplicate; one that cannot be read or analysed is a failure with its
    coded reason, and the batch goes on.
    """
    started = time.perf_counter()
    summary = IngestSummary()
    items = _read(inputs, include, exclude, max_bytes)
    summary.read = sum(isinstance(i, Story) for i in items)
    pending: list[tuple[Story, str]] = []
    for item in items:
        if isinstance(item, ReadError):
            summary.failed.append(Failure.from_error(item.error.to_dict()))
            continue
        source_hash = content_id(item.text)
        if store.has_source(source_hash):
            summary.duplicates += 1
        else:
            pending.append((item, source_hash))

    total = len(items)
    done = total - len(pending)

    def report() -> None:
        if progress is not None:
            progress(Progress(done, total, summary.ingested, summary.duplicates,
                              len(summary.failed), time.perf_counter() - started))

    report()
    stories = [s for s, _ in pending]
    for (story, source_hash), (kind, value) in zip(
            pending, analyse(stories, workers=workers, scheduler=scheduler, model=model,
                             chunk_size=chunk_size), strict=True):
        if kind == "doc":
            if store.add(value, source_hash=source_hash):
                summary.ingested += 1
                summary.words += len(value.text.split())
            else:
                summary.duplicates += 1
        else:
            summary.failed.append(Failure.from_error(value, story))
        done += 1
        report()
    summary.seconds = time.perf_counter() - started
    return summary


def _read(
    inputs: Sequence[str | Path] | Iterable[Story],
    include: Sequence[str] | None,
    exclude: Sequence[str] | None,
    max_bytes: int | None,
) -> list[Story | ReadError]:
    given = list(inputs)
    if all(isinstance(i, Story) for i in given):
        return [i for i in given if isinstance(i, Story)]
    from wiretag.readers import read_inputs

    paths = [str(p) for p in given if isinstance(p, (str, Path))]
    kwargs: dict[str, Any] = {"include": tuple(include or ()), "exclude": tuple(exclude or ())}
    if max_bytes is not None:
        kwargs["max_bytes"] = max_bytes
    # the whole batch is listed up front so progress can show a total and an ETA
    return list(read_inputs(paths, **kwargs))


def analyse(
    stories: Sequence[Story],
    *,
    workers: int = 0,
    scheduler: str | None = None,
    model: str | None = None,
    chunk_size: int = CHUNK_SIZE,
) -> Iterator[Result]:
    """Analyse ``stories``, yielding one result per story in input order."""
    chunks = [list(stories[i:i + chunk_size]) for i in range(0, len(stories), chunk_size)]
    if scheduler is not None:
        yield from _on_dask(chunks, scheduler, model)
        return
    if workers > 0:
        n = workers
    else:
        # each worker pays a few seconds to start and load the backbone: on a small batch
        # that costs more than it saves, so "auto" adds a worker per AUTO_STORIES_PER_WORKER
        n = max(1, min(os.cpu_count() or 1, len(stories) // AUTO_STORIES_PER_WORKER))
    n = min(n, len(chunks))
    if n <= 1:
        for chunk in chunks:
            yield from analyse_chunk(chunk, model)
        return
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


def _on_pool(chunks: list[list[Story]], workers: int, model: str | None) -> Iterator[Result]:
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


def _on_dask(chunks: list[list[Story]], scheduler: str, model: str | None) -> Iterator[Result]:
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
