"""JSON Lines: one story per line, an object with ``text`` (or ``html``) and optional
``id``, ``headline``, ``url``, ``published``, ``source``, ``language``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from wiretag.errors import ReadError, WiretagError
from wiretag.readers.decode import decode_bytes
from wiretag.readers.published import normalize_published
from wiretag.story import Story

__all__ = ["read_jsonl", "story_from_record"]

_OPTIONAL_STRINGS = ("headline", "url", "published", "source", "language", "byline")


def read_jsonl(
    data: bytes, *, path: str, encoding: str | None = None
) -> Iterator[Story | ReadError]:
    try:
        text = decode_bytes(data, path=path, encoding=encoding)
    except WiretagError as err:
        yield ReadError(err)
        return
    seen = 0
    for number, line in enumerate(text.replace("\r\n", "\n").split("\n"), start=1):
        line = line.strip().lstrip("\ufeff")
        if not line:
            continue
        seen += 1
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadError(
                WiretagError("W107", f"not valid JSON ({exc.msg} at column {exc.colno})",
                             path=path, line=number)
            )
            continue
        if not isinstance(record, dict):
            yield ReadError(
                WiretagError("W109", f"the record is a JSON {type(record).__name__}, "
                             "not an object", path=path, line=number)
            )
            continue
        try:
            yield story_from_record(record, path=path, line=number)
        except WiretagError as err:
            yield ReadError(err)
    if not seen:
        yield ReadError(WiretagError("W103", "the file holds no records", path=path))


def story_from_record(
    record: dict[str, Any], *, path: str | None = None, line: int | None = None
) -> Story:
    """A Story from one input record (a JSON Lines object, or a dict given to the API).

    Raises ``WiretagError`` W108 when the record has no text and W109 when a field has
    the wrong type. A record with ``html`` instead of ``text`` goes through the HTML
    extractor; the record's own fields win over what the page says.
    """
    for name in ("text", "html", *_OPTIONAL_STRINGS):
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            raise WiretagError(
                "W109", f"field {name!r} must be a string, not {type(value).__name__}",
                path=path, line=line,
            )
    ident = record.get("id")
    if ident is not None and (isinstance(ident, bool) or not isinstance(ident, (str, int))):
        raise WiretagError(
            "W109", f"field 'id' must be a string or an integer, not {type(ident).__name__}",
            path=path, line=line,
        )
    text = record.get("text")
    html = record.get("html")
    fields: dict[str, str | None] = {name: record.get(name) or None for name in _OPTIONAL_STRINGS}
    if text and text.strip():
        story = Story(text=text, path=path, line=line, format="jsonl")
    elif html and html.strip():
        from wiretag.readers.html import extract_html

        story = extract_html(html, url=fields["url"], path=path, line=line)
        story.format = "jsonl"
    else:
        raise WiretagError(
            "W108", "the record has no 'text' (or 'html') to analyse", path=path, line=line
        )
    story.id = str(ident) if ident is not None else None
    for name, value in fields.items():
        if value is None:
            continue
        if name == "published":
            # RFC 2822 dates become ISO; an unreadable date is kept as the record gave it
            value = normalize_published(value) or value
        setattr(story, name, value)
    return story
