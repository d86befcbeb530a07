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
from wiretag.errors import ReadError, WiretagError
from wiretag.story import Story

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

StageFn = Callable[["Doc", Document], None]

#: (name, "module:function"), in run order. Later issues add stages here and nowhere else.
STAGES: list[tuple[str, str]] = [
    ("entities", "wiretag.extract.entities:stage"),
    ("quotes", "wiretag.extract.quotes:stage"),
    ("events", "wiretag.extract.events:stage"),
    ("topics", "wiretag.extract.topics:stage"),
    ("tone", "wiretag.extract.tone:stage"),
]


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
    from wiretag.wire import byline_credits, parse_wire

    wire = parse_wire(story.text, published=story.published, headline=story.headline, today=today)
    if story.byline and not any(c.role == "byline" for c in wire.credits):
        # HTML and feed readers carry the byline beside the text, not in it
        wire.credits[:0] = byline_credits(story.byline)
    if not wire.text.strip():
        raise WiretagError(
            "W201", "story is empty after removing credits, boilerplate and tags", path=story.path,
            line=story.line,
        )
    document = Document(
        id=content_id(wire.text),
        text=wire.text,
        # inputs name languages as BCP 47 tags ("en-US", "EN"); the contract uses ISO 639-1
        language=(story.language.strip().lower().replace("_", "-").split("-")[0]
                  if story.language and story.language.strip() else detect_language(wire.text)),
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


def internal_error(
    where: str, exc: BaseException, *, path: str | None = None, line: int | None = None
) -> WiretagError:
    """W299: an unexpected exception inside wiretag while analysing one story. It takes
    that story's place in a batch so the rest of the batch is still analysed."""
    return WiretagError(
        "W299", f"{where} failed: {type(exc).__name__}: {exc}", path=path, line=line
    )


def _trimmed(start: int, end: int, text: str) -> Sentence:
    """A sentence span without the line breaks and spaces around it."""
    chunk = text[start:end]
    lead, trail = len(chunk) - len(chunk.lstrip()), len(chunk) - len(chunk.rstrip())
    return Sentence(start + lead, end - trail)


def finish(doc: Doc, document: Document, stages: list[tuple[str, StageFn]]) -> Document:
    """Fill the NLP-derived fields of a prepared Document from its parsed spaCy Doc."""
    from wiretag.nlp.sentences import content_sentences

    document.sentences = [_trimmed(s.start_char, s.end_char, doc.text)
                          for s in content_sentences(doc)]
    for name, stage in stages:
        try:
            stage(doc, document)
        except WiretagError:
            raise
        except Exception as exc:  # a bug in one stage must not stop the batch
            raise internal_error(
                f"stage {name!r}", exc, path=document.input.path, line=document.input.line
            ) from exc
    return document


def too_long(
    document: Document | Story, nlp: Language, *, slack: int = 1
) -> WiretagError | None:
    """W203 when the story's text is longer than ``slack`` times what the backbone accepts
    (spaCy's ``nlp.max_length``, 1,000,000 characters by default), else None.

    Checked twice: on the raw story with ``slack=2`` before the wire parser, which would
    spend seconds and hundreds of megabytes on a 50 MB text only for the story to fail
    (boilerplate never makes up half a story), and on the prepared text."""
    size = len(document.text)
    if size <= nlp.max_length * slack:
        return None
    where = document.input if isinstance(document, Document) else document
    return WiretagError(
        "W203",
        f"the story is {size:,} characters long, over the backbone's limit of "
        f"{nlp.max_length:,}",
        path=where.path,
        line=where.line,
    )


def _prepare_safely(story: Story, today: date | None) -> Document | WiretagError:
    try:
        return prepare(story, today=today)
    except WiretagError as err:
        return err
    except Exception as exc:  # the wire parser failing on one story is a W299 for it
        failure = internal_error("the wire parser", exc, path=story.path, line=story.line)
        failure.__cause__ = exc
        return failure


def analyze_story(
    story: Story,
    nlp: Language,
    *,
    stages: list[tuple[str, StageFn]] | None = None,
    today: date | None = None,
) -> Document:
    error = too_long(story, nlp, slack=2)
    if error is not None:
        raise error
    document = _prepare_safely(story, today)
    if isinstance(document, WiretagError):
        raise document
    if not is_analysable(document):
        return document
    error = too_long(document, nlp)
    if error is not None:
        raise error
    try:
        doc = nlp(backbone_input(nlp, document))
    except Exception as exc:
        raise internal_error("the NLP backbone", exc, path=story.path, line=story.line) from exc
    return finish(doc, document, stages if stages is not None else load_stages())


def backbone_input(nlp: Language, document: Document) -> Doc:
    """The story's text as a Doc for the backbone, with the headline the wire parser took
    out of the text in ``user_data`` (its slug, "SOCCER - ...", marks sports copy)."""
    from wiretag.nlp.sports import HEADLINE_KEY

    doc = nlp.make_doc(document.text)
    if document.headline:
        doc.user_data[HEADLINE_KEY] = document.headline
    return doc


def analyze_stream(
    stories: Iterable[Story | ReadError | WiretagError],
    nlp: Language,
    *,
    stages: list[tuple[str, StageFn]] | None = None,
    today: date | None = None,
    batch_size: int = 32,
) -> Iterator[Document | WiretagError]:
    """Analyse stories in input order, batching the backbone with ``nlp.pipe``.

    A story that fails yields its ``WiretagError`` in its place; the stream goes on.
    Read errors given in the input (``ReadError`` or ``WiretagError`` items, as readers
    yield them) pass through in their place, so output order is input order.
    """
    active = stages if stages is not None else load_stages()
    prepared: list[Document | WiretagError] = []

    def parse_all(todo: list[Document]) -> list[Doc | WiretagError]:
        try:
            return list(nlp.pipe([backbone_input(nlp, d) for d in todo], batch_size=batch_size))
        except Exception:
            # One text broke the batch: parse one by one so only that story fails.
            out: list[Doc | WiretagError] = []
            for d in todo:
                try:
                    out.append(nlp(backbone_input(nlp, d)))
                except Exception as exc:
                    out.append(internal_error("the NLP backbone", exc, path=d.input.path,
                                              line=d.input.line))
            return out

    def flush() -> Iterator[Document | WiretagError]:
        todo = [d for d in prepared if isinstance(d, Document) and is_analysable(d)]
        docs = iter(parse_all(todo))
        for item in prepared:
            if isinstance(item, Document) and is_analysable(item):
                doc = next(docs)
                if isinstance(doc, WiretagError):
                    yield doc
                    continue
                try:
                    yield finish(doc, item, active)
                except WiretagError as err:
                    yield err
            else:
                yield item
        prepared.clear()

    for story in stories:
        if isinstance(story, ReadError):
            prepared.append(story.error)
        elif isinstance(story, WiretagError):
            prepared.append(story)
        elif (error := too_long(story, nlp, slack=2)) is not None:
            prepared.append(error)
        else:
            item = _prepare_safely(story, today)
            error = too_long(item, nlp) if isinstance(item, Document) else None
            prepared.append(item if error is None else error)
        if len(prepared) >= batch_size:
            yield from flush()
    yield from flush()
