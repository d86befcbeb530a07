"""Story → wire parser → NLP backbone → extractors → Document, in one readable place.

Each extraction stage is a function ``stage(doc, document) -> None`` living in its own
module (``wiretag.extract.<name>``) that calls that module's pure extraction function and
stores the result on the ``Document``. Stages run in the order of ``STAGES``; a later stage
may read what an earlier one filled in (quotes link to entities, events to quotes).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import TYPE_CHECKING

from wiretag.document import Document, InputRef, Sentence, Source, content_id
from wiretag.errors import WiretagError
from wiretag.story import Story

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

StageFn = Callable[["Doc", Document], None]

#: (name, "module:function"), in run order. Later issues add stages here and nowhere else.
STAGES: list[tuple[str, str]] = []


def load_stages(names: Iterable[str] | None = None) -> list[tuple[str, StageFn]]:
    wanted = set(names) if names is not None else None
    out: list[tuple[str, StageFn]] = []
    for name, ref in STAGES:
        if wanted is not None and name not in wanted:
            continue
        module, _, func = ref.partition(":")
        out.append((name, getattr(importlib.import_module(module), func)))
    return out


def prepare(story: Story, *, today: date | None = None) -> Document:
    """Run the wire parser and language check: a Document with structure but no NLP yet."""
    from wiretag.language import detect_language
    from wiretag.wire import parse_wire

    wire = parse_wire(story.text, published=story.published, headline=story.headline, today=today)
    if not wire.text.strip():
        raise WiretagError(
            "W201", "story is empty after removing credits, boilerplate and tags", path=story.path,
            line=story.line,
        )
    document = Document(
        id=content_id(wire.text),
        text=wire.text,
        language=story.language or detect_language(wire.text),
        headline=wire.headline,
        input=InputRef(path=story.path, line=story.line, id=story.id),
        source=Source(agency=story.source or wire.agency, url=story.url),
        dateline=wire.dateline,
        published=story.published,
        credits=wire.credits,
        tags=wire.tags,
        boilerplate=wire.boilerplate,
    )
    if document.language not in (None, "en"):
        document.warnings.append(
            str(WiretagError("W202", f"story language is {document.language!r}, not analysed",
                             path=story.path, line=story.line))
        )
    return document


def is_analysable(document: Document) -> bool:
    return document.language in (None, "en")


def finish(doc: Doc, document: Document, stages: list[tuple[str, StageFn]]) -> Document:
    """Fill the NLP-derived fields of a prepared Document from its parsed spaCy Doc."""
    document.sentences = [Sentence(s.start_char, s.end_char) for s in doc.sents]
    for _name, stage in stages:
        stage(doc, document)
    return document


def analyze_story(
    story: Story,
    nlp: Language,
    *,
    stages: list[tuple[str, StageFn]] | None = None,
    today: date | None = None,
) -> Document:
    document = prepare(story, today=today)
    if not is_analysable(document):
        return document
    return finish(nlp(document.text), document, stages if stages is not None else load_stages())


def analyze_stream(
    stories: Iterable[Story],
    nlp: Language,
    *,
    stages: list[tuple[str, StageFn]] | None = None,
    today: date | None = None,
    batch_size: int = 32,
) -> Iterator[Document | WiretagError]:
    """Analyse stories in input order, batching the backbone with ``nlp.pipe``.

    A story that fails yields its ``WiretagError`` in its place; the stream goes on.
    """
    active = stages if stages is not None else load_stages()
    prepared: list[Document | WiretagError] = []

    def flush() -> Iterator[Document | WiretagError]:
        todo = [d for d in prepared if isinstance(d, Document) and is_analysable(d)]
        docs = iter(nlp.pipe([d.text for d in todo], batch_size=batch_size))
        for item in prepared:
            if isinstance(item, Document) and is_analysable(item):
                yield finish(next(docs), item, active)
            else:
                yield item
        prepared.clear()

    for story in stories:
        try:
            prepared.append(prepare(story, today=today))
        except WiretagError as err:
            prepared.append(err)
        if len(prepared) >= batch_size:
            yield from flush()
    yield from flush()
