"""wiretag: structured, attributed knowledge from news stories.

The public API is three functions::

    import wiretag
    doc = wiretag.analyze("MOSCOW, Nov 21 (Reuters) - ...")
    doc.entities, doc.quotes, doc.events

    for doc in wiretag.analyze_many(stories):   # str, dict or Story items, in order
        ...

    nlp = wiretag.load()                         # the backbone spaCy pipeline
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from wiretag.document import Document
from wiretag.errors import WiretagError
from wiretag.story import Story

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["Document", "Story", "WiretagError", "analyze", "analyze_many", "load"]
__version__ = "0.1.0"


def load(model: str | None = None) -> Language:
    """The NLP backbone: the bundled pipeline, or any installed spaCy pipeline by name/path.

    Loading is lazy and cached per process.
    """
    from wiretag.nlp import load_backbone

    return load_backbone(model)


def _as_story(item: str | Mapping[str, Any] | Story) -> Story:
    if isinstance(item, Story):
        return item
    if isinstance(item, str):
        return Story(text=item)
    from wiretag.readers.jsonl import story_from_record

    return story_from_record(dict(item))


def analyze(
    text: str | Mapping[str, Any] | Story,
    *,
    model: str | None = None,
    today: date | None = None,
    **metadata: Any,
) -> Document:
    """Analyse one story: its text, a record shaped like a JSON Lines line
    (``{"text": ..., "headline": ...}``, or ``html`` instead of ``text``) or a ``Story``.
    ``metadata`` may give ``headline``, ``url``, ``published`` (ISO date), ``source``,
    ``language`` and ``id``; with a record, it overrides the record's own fields.
    A record without text raises ``WiretagError`` W108."""
    from wiretag.pipeline import analyze_story

    if isinstance(text, str):
        story = _as_story({"text": text, **metadata}) if metadata else Story(text=text)
    elif isinstance(text, Story):
        if metadata:
            raise TypeError("metadata keywords go with text or a record, not with a Story")
        story = text
    else:
        story = _as_story({**dict(text), **metadata})
    return analyze_story(story, load(model), today=today)


def analyze_many(
    stories: Iterable[str | Mapping[str, Any] | Story],
    *,
    model: str | None = None,
    today: date | None = None,
    batch_size: int = 32,
) -> Iterator[Document | WiretagError]:
    """Analyse stories lazily, in input order. A story that cannot be analysed yields its
    ``WiretagError`` in its place, so one bad record never stops the stream."""
    from wiretag.pipeline import analyze_stream

    return analyze_stream(
        (_as_story_or_error(s) for s in stories), load(model), today=today,
        batch_size=batch_size,
    )


def _as_story_or_error(item: str | Mapping[str, Any] | Story) -> Story | WiretagError:
    # A bad record (no text, wrong field type) takes its place in the stream as its error.
    try:
        return _as_story(item)
    except WiretagError as err:
        return err
