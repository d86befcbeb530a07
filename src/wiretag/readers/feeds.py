"""RSS and Atom feeds (feedparser): one story per item."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from wiretag.errors import ReadError, WiretagError
from wiretag.readers.html import fragment_to_text
from wiretag.readers.published import from_struct_time
from wiretag.story import Story

__all__ = ["read_feed"]


def read_feed(
    data: bytes, *, path: str, encoding: str | None = None
) -> Iterator[Story | ReadError]:
    import feedparser

    if not data.strip():
        yield ReadError(WiretagError("W103", "the file is empty", path=path))
        return
    # feedparser honours the XML declaration's encoding itself; --encoding overrides it.
    source: bytes | str = data.decode(encoding, errors="replace") if encoding else data
    parsed = feedparser.parse(source)
    entries: list[Any] = list(parsed.get("entries", []))
    if not entries:
        problem = parsed.get("bozo_exception")
        detail = f": {problem}" if problem else ": it holds no items"
        yield ReadError(WiretagError("W111", f"the feed could not be read{detail}", path=path))
        return
    texts = [fragment_to_text(html) if (html := _entry_html(e)) else "" for e in entries]
    if parsed.get("bozo") and not any(t.strip() for t in texts):
        # a broken document whose salvaged items carry nothing is a broken feed
        problem = parsed.get("bozo_exception")
        yield ReadError(WiretagError("W111", f"the feed could not be read: {problem}", path=path))
        return
    for index, (entry, text) in enumerate(zip(entries, texts, strict=True), start=1):
        ident = entry.get("id") or entry.get("link")
        if not text.strip():
            yield ReadError(
                WiretagError("W114", f"feed item {index} ({ident or 'no id'}) has no text",
                             path=path)
            )
            continue
        yield Story(
            text=text,
            headline=entry.get("title") or None,
            url=entry.get("link") or None,
            published=from_struct_time(
                entry.get("published_parsed") or entry.get("updated_parsed")
            ),
            byline=entry.get("author") or None,
            id=ident or None,
            path=path,
            format="feed",
        )


def _entry_html(entry: Any) -> str:
    """The fullest text an item carries: its content, else its summary."""
    for content in entry.get("content", []) or []:
        value = content.get("value")
        if value and value.strip():
            return str(value)
    summary = entry.get("summary")
    return str(summary) if summary else ""
