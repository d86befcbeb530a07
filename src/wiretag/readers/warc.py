"""WARC archives (warcio): one story per HTML response record, URL from the record."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator

from wiretag.errors import ReadError, WiretagError
from wiretag.readers.decode import decode_bytes
from wiretag.readers.html import extract_html
from wiretag.story import Story

__all__ = ["read_warc"]

_CHARSET = re.compile(r"charset=[\"']?([\w.:-]+)", re.IGNORECASE)


def read_warc(
    data: bytes, *, path: str, encoding: str | None = None
) -> Iterator[Story | ReadError]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    if not data.strip():
        yield ReadError(WiretagError("W103", "the file is empty", path=path))
        return
    stories = 0
    records = 0
    try:
        for record in ArchiveIterator(io.BytesIO(data)):
            records += 1
            if record.rec_type != "response" or record.http_headers is None:
                continue
            content_type = record.http_headers.get_header("Content-Type") or ""
            if "html" not in content_type.lower():
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            payload = record.content_stream().read()
            # The record's own position names it in errors: "archive.warc.gz:3" is record 3.
            try:
                charset = _CHARSET.search(content_type)
                html = _decode(payload, path=path, encoding=encoding or
                               (charset.group(1) if charset else None))
                story = extract_html(html, url=url, path=path, line=records)
            except WiretagError as err:
                err.line = records
                err.message = f"{err.message} (record for {url})"
                yield ReadError(err)
                continue
            stories += 1
            yield story
    except (ArchiveLoadFailed, ValueError, OSError, EOFError) as exc:
        yield ReadError(WiretagError("W112", f"the archive could not be read: {exc}", path=path))
        return
    if records and not stories:
        yield ReadError(
            WiretagError("W112", "the archive holds no HTML response records", path=path,
                         hint="Only HTML responses are read from WARC files.")
        )


def _decode(payload: bytes, *, path: str, encoding: str | None) -> str:
    if encoding is not None:
        try:
            return payload.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown charset header: fall back to detection
    return decode_bytes(payload, path=path)
