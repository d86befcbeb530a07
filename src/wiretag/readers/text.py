"""Plain-text files: one story per file."""

from __future__ import annotations

from collections.abc import Iterator

from wiretag.errors import ReadError, WiretagError
from wiretag.readers.decode import decode_bytes
from wiretag.story import Story

__all__ = ["read_text"]


def read_text(
    data: bytes, *, path: str, encoding: str | None = None
) -> Iterator[Story | ReadError]:
    try:
        text = decode_bytes(data, path=path, encoding=encoding)
    except WiretagError as err:
        yield ReadError(err)
        return
    # NUL and BOM characters carry nothing; a file of only those is empty too.
    if not text.replace("\x00", "").replace("\ufeff", "").strip():
        yield ReadError(WiretagError("W103", "the file holds no text", path=path))
        return
    yield Story(text=text, path=path, format="text")
