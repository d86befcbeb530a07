"""A Story: one news item as read from input, before any analysis."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Story:
    """Raw story text plus whatever metadata the input carried.

    ``text`` is the story as published (for HTML, the extracted main text), still holding
    its dateline, credits, boilerplate and trailing tags: the wire parser separates those.
    """

    text: str
    headline: str | None = None
    url: str | None = None
    published: str | None = None
    #: the agency or publisher the input names ("Reuters", "AP", a site name)
    source: str | None = None
    language: str | None = None
    byline: str | None = None
    #: the input record's own id, if it had one
    id: str | None = None
    #: where it came from: file path ("-" for stdin) and 1-based line for JSON Lines
    path: str | None = None
    line: int | None = None
    #: the reader that produced it: "text", "jsonl", "html", "feed", "warc"
    format: str | None = None
