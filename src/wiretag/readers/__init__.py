"""Readers: files, directories and stdin in, Stories (or coded read errors) out.

Each input format has its own module (``text``, ``jsonl``, ``html``, ``feeds``, ``warc``)
with a function ``read_<format>(data, *, path, encoding) -> Iterator[Story | ReadError]``.
``read_inputs`` expands paths, sniffs each file's format from its name and content, and
yields every story or error in input order: one bad file or record never stops a batch.
"""

from __future__ import annotations

import fnmatch
import gzip
import os
import sys
import zlib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from wiretag.errors import ReadError, WiretagError
from wiretag.story import Story

__all__ = [
    "DEFAULT_MAX_BYTES",
    "FORMATS",
    "read_bytes",
    "read_inputs",
    "sniff_format",
]

#: the default --max-bytes (the ``max_bytes`` setting)
DEFAULT_MAX_BYTES = 50_000_000

Reader = Callable[..., Iterator["Story | ReadError"]]

#: input format -> file name endings that announce it
_EXTENSIONS: dict[str, tuple[str, ...]] = {
    "warc": (".warc", ".warc.gz", ".arc", ".arc.gz"),
    "jsonl": (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz"),
    "html": (".html", ".htm", ".xhtml", ".html.gz"),
    "feed": (".rss", ".atom", ".xml", ".rss.gz", ".atom.gz", ".xml.gz"),
    "text": (".txt", ".text", ".txt.gz"),
}
FORMATS = tuple(_EXTENSIONS)


def _reader(fmt: str) -> Reader:
    # Imported on demand: trafilatura, feedparser and warcio are slow to import.
    if fmt == "text":
        from wiretag.readers.text import read_text

        return read_text
    if fmt == "jsonl":
        from wiretag.readers.jsonl import read_jsonl

        return read_jsonl
    if fmt == "html":
        from wiretag.readers.html import read_html

        return read_html
    if fmt == "feed":
        from wiretag.readers.feeds import read_feed

        return read_feed
    from wiretag.readers.warc import read_warc

    return read_warc


def _format_from_name(name: str) -> str | None:
    lower = name.lower()
    # longest ending first, so ".warc.gz" wins over ".gz"-less guesses
    endings = sorted(
        ((ending, fmt) for fmt, ends in _EXTENSIONS.items() for ending in ends),
        key=lambda item: -len(item[0]),
    )
    for ending, fmt in endings:
        if lower.endswith(ending):
            return fmt
    return None


def sniff_format(data: bytes, name: str | None = None) -> str:
    """The input format of ``data``: from its name where that is telling, else its content.

    Content wins where a name is misleading in a way we can see: an ``.xml`` file holding
    an HTML page is read as HTML.
    """
    by_name = _format_from_name(name) if name else None
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if data[:2] == b"\x1f\x8b":
        head = _gunzip_head(data).lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"warc/"):
        return "warc"
    if by_name in ("warc", "jsonl", "text"):
        return by_name
    is_feed = b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head
    is_html = b"<html" in head or b"<!doctype html" in head
    if by_name == "feed":
        return "html" if is_html and not is_feed else "feed"
    if by_name == "html":
        return "html"
    if is_feed:
        return "feed"
    if is_html or head.startswith((b"<head", b"<body", b"<article")):
        return "html"
    if head.startswith(b"{"):
        return "jsonl"
    return "text"


def _gunzip_head(data: bytes) -> bytes:
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[:65536], 4096)
    except zlib.error:
        return b""


def read_bytes(
    data: bytes,
    *,
    path: str,
    encoding: str | None = None,
    input_format: str | None = None,
) -> Iterator[Story | ReadError]:
    """Stories from the bytes of one input, in the given or sniffed format."""
    fmt = input_format or sniff_format(data, None if path == "-" else path)
    if fmt not in FORMATS:
        yield ReadError(
            WiretagError("W113", f"unknown input format {fmt!r}; expected one of "
                         + ", ".join(FORMATS), path=path)
        )
        return
    if fmt != "warc" and data[:2] == b"\x1f\x8b":
        # gzip-compressed text, JSON Lines, HTML or feeds are read transparently
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as exc:
            yield ReadError(WiretagError("W104", f"the gzip data is corrupt: {exc}", path=path))
            return
    yield from _reader(fmt)(data, path=path, encoding=encoding)


def _matches(rel: str, patterns: Sequence[str]) -> bool:
    name = rel.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(name, p) for p in patterns)


def _walk(
    root: Path,
    include: Sequence[str],
    exclude: Sequence[str],
    unreadable: list[OSError],
    skipped: list[str] | None = None,
) -> Iterator[Path]:
    """Files under ``root`` in a stable (sorted) order; hidden files and folders skipped.

    Without ``include`` a directory contributes the files whose names announce a format
    we read; stray files (images, notes) in a corpus folder are not errors, but their
    paths are added to ``skipped`` so that callers can say how many were left out.
    """
    found: list[tuple[str, Path]] = []
    left_out: list[str] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=unreadable.append):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for filename in filenames:
            if filename.startswith("."):
                continue
            full = Path(dirpath) / filename
            rel = full.relative_to(root).as_posix()
            if include and not _matches(rel, include):
                continue
            if exclude and _matches(rel, exclude):
                continue  # left out on request: not reported
            if not include and _format_from_name(filename) is None:
                left_out.append(str(full))
                continue
            found.append((rel, full))
    if skipped is not None:
        skipped.extend(sorted(left_out))
    # sorted by relative path, so output order never depends on the file system
    for _rel, full in sorted(found):
        yield full


def _load(path: Path, max_bytes: int) -> bytes:
    name = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise WiretagError(
                "W106", f"the file is {size:,} bytes, over the limit of {max_bytes:,}", path=name
            )
        with path.open("rb") as handle:
            return handle.read()
    except PermissionError as exc:
        raise WiretagError("W102", "permission denied", path=name) from exc
    except FileNotFoundError as exc:
        raise WiretagError("W101", "no such file or directory", path=name) from exc
    except IsADirectoryError as exc:
        raise WiretagError("W102", "is a directory that could not be listed", path=name) from exc
    except OSError as exc:
        raise WiretagError("W102", f"the file could not be read: {exc.strerror}",
                           path=name) from exc


def _read_stdin(max_bytes: int) -> bytes:
    data = sys.stdin.buffer.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise WiretagError("W106", f"standard input is over the limit of {max_bytes:,} bytes",
                           path="-")
    return data


def read_inputs(
    paths: Sequence[str],
    *,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    max_bytes: int = DEFAULT_MAX_BYTES,
    encoding: str | None = None,
    input_format: str | None = None,
    skipped: list[str] | None = None,
) -> Iterator[Story | ReadError]:
    """Every story in ``paths`` ("-" is stdin; directories are read recursively), or a
    ``ReadError`` in its place, in input order.

    Without ``include``, files inside directories whose names announce no format we read
    (``notes.dat``, ``photo.png``) are not read; their paths are appended to ``skipped``
    when a list is given, so a caller can report them (``--include`` reads them)."""
    if input_format is not None and input_format not in FORMATS:
        raise WiretagError(
            "W113", f"unknown input format {input_format!r}; expected one of "
            + ", ".join(FORMATS),
        )
    for raw in paths:
        if raw == "-":
            try:
                data = _read_stdin(max_bytes)
            except WiretagError as err:
                yield ReadError(err)
                continue
            yield from read_bytes(data, path="-", encoding=encoding, input_format=input_format)
            continue
        path = Path(raw)
        if path.is_dir():
            unreadable: list[OSError] = []
            files = list(_walk(path, include, exclude, unreadable, skipped))
            for problem in unreadable:  # a folder we may not list is reported, not skipped
                yield ReadError(WiretagError(
                    "W102", f"the folder could not be listed: {problem.strerror}",
                    path=str(problem.filename or path)))
        elif path.exists() or path.is_symlink():
            files = [path]
        else:
            yield ReadError(WiretagError("W101", "no such file or directory", path=raw))
            continue
        for file in files:
            try:
                data = _load(file, max_bytes)
            except WiretagError as err:
                yield ReadError(err)
                continue
            yield from read_bytes(
                data, path=str(file), encoding=encoding, input_format=input_format
            )
