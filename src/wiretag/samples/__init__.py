"""The bundled sample corpus, and a builder of annotated Documents without NLP.

``stories.jsonl`` holds news stories written for wiretag (fictional people and events around
a North Atlantic fishing dispute), in several agencies' styles; ``wiretag ingest --sample``
reads it. ``build_document`` makes a ``Document`` from text plus hand-given annotations,
locating every span by searching the text: tests and benchmarks use it to fill a store
without running (or depending on) the NLP backbone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from wiretag.document import (
    Actor,
    Credit,
    Document,
    Entity,
    EntityType,
    Event,
    Mention,
    Modality,
    Quote,
    Sentence,
    Source,
    SpanRef,
    Speaker,
    content_id,
)

SAMPLE_PATH = Path(__file__).resolve().parent / "stories.jsonl"


@dataclass(frozen=True)
class EventSpec:
    trigger: str
    type: str | None
    source: str | None = None
    target: str | None = None
    cameo: str | None = None
    modality: Modality = "asserted"
    source_actor: str | None = None
    target_actor: str | None = None


def _spans(text: str, needle: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    start = text.find(needle)
    while needle and start >= 0:
        out.append((start, start + len(needle)))
        start = text.find(needle, start + len(needle))
    return out


def build_document(
    text: str,
    *,
    headline: str | None = None,
    published: str | None = None,
    agency: str | None = None,
    entities: Sequence[tuple[str, EntityType, str | None]] = (),
    quotes: Sequence[tuple[str, str | None]] = (),
    events: Sequence[EventSpec] = (),
    credits: Sequence[tuple[str, str]] = (),
    tags: Sequence[str] = (),
) -> Document:
    """A Document for ``text`` with the given annotations.

    ``entities`` are (name, type, ISO3 country); every occurrence of the name becomes a
    mention, and a person's surname alone too. ``quotes`` are (quote text, speaker name);
    ``events`` name their trigger word and the entity names of source and target.
    """
    doc = Document(id=content_id(text), text=text, headline=headline, published=published,
                   source=Source(agency=agency),
                   credits=[Credit(role, name) for role, name in credits], tags=list(tags))
    doc.sentences = [Sentence(0, len(text))]
    by_name: dict[str, Entity] = {}
    for number, (name, etype, country) in enumerate(entities, 1):
        spans = _spans(text, name)
        if etype == "PERSON" and " " in name:
            surname = name.rsplit(" ", 1)[1]
            spans += [s for s in _spans(text, surname)
                      if not any(a <= s[0] < b for a, b in spans)]
        ent = Entity(id=f"E{number}", type=etype, name=name, country=country,
                     mentions=[Mention(a, b, text[a:b]) for a, b in sorted(spans)])
        doc.entities.append(ent)
        by_name[name] = ent
    for number, (quoted, speaker) in enumerate(quotes, 1):
        start = text.find(quoted)
        if start < 0:
            raise ValueError(f"quote not in text: {quoted!r}")
        end = start + len(quoted)
        direct = text[max(start - 1, 0):start] in "\"“" and text[end:end + 1] in "\"”"
        spk = None
        if speaker is not None:
            at = text.find(speaker)
            who = by_name.get(speaker)
            spk = Speaker(speaker, at, at + len(speaker), entity=who.id if who else None)
        doc.quotes.append(Quote(f"Q{number}", "direct" if direct else "indirect", quoted, start,
                                end, speaker=spk))
    for number, spec in enumerate(events, 1):
        at = text.find(spec.trigger)
        if at < 0:
            raise ValueError(f"trigger not in text: {spec.trigger!r}")

        def actor(name: str | None, code: str | None) -> Actor | None:
            if name is None:
                return None
            ent = by_name.get(name)
            pos = text.find(name)
            return Actor(name, pos if pos >= 0 else None, pos + len(name) if pos >= 0 else None,
                         entity=ent.id if ent else None, actor=code)

        doc.events.append(Event(
            id=f"V{number}", type=spec.type,
            trigger=SpanRef(spec.trigger, at, at + len(spec.trigger)), sentence=0,
            cameo=spec.cameo, modality=spec.modality,
            source=actor(spec.source, spec.source_actor),
            target=actor(spec.target, spec.target_actor)))
    return doc


def examples() -> list[Document]:
    """Three small hand-annotated stories (tests and docs use them)."""
    one = build_document(
        'OSLO, March 3 (Reuters) - Norway accused the Faroe Islands of overfishing mackerel '
        'on Monday. "The quota they set is reckless," Fisheries Minister Kristian Moe told '
        'reporters in Oslo.',
        headline="Norway accuses Faroes of mackerel overfishing",
        published="2025-03-03", agency="Reuters",
        entities=[("Norway", "GPE", "NOR"), ("Faroe Islands", "GPE", "FRO"),
                  ("Kristian Moe", "PERSON", "NOR"), ("Oslo", "GPE", "NOR")],
        quotes=[("The quota they set is reckless,", "Kristian Moe")],
        events=[EventSpec("accused", "ACCUSE", "Norway", "Faroe Islands", "112",
                          source_actor="NORGOV", target_actor="FROGOV")],
        credits=[("reporting", "Ann Berg")], tags=["fishing"],
    )
    two = build_document(
        'TORSHAVN, March 4 (AP) - The Faroe Islands rejected the charge. "Our fleet fishes '
        'within science," said Jonas Dalsgaard, who called Kristian Moe\'s remarks unfair.',
        headline="Faroes reject Norway's charge", published="2025-03-04", agency="AP",
        entities=[("Faroe Islands", "GPE", "FRO"), ("Jonas Dalsgaard", "PERSON", "FRO"),
                  ("Kristian Moe", "PERSON", "NOR")],
        quotes=[("Our fleet fishes within science,", "Jonas Dalsgaard")],
        events=[EventSpec("rejected", "REJECT", "Faroe Islands", None, "120",
                          source_actor="FROGOV")],
    )
    three = build_document(
        "BRUSSELS, April 10 (AFP) - The European Union said it would ban Faroese trawlers "
        "from its ports unless a deal was reached, a step Norway supported.",
        headline="EU threatens port ban", published="2025-04-10", agency="AFP",
        entities=[("European Union", "ORG", None), ("Norway", "GPE", "NOR")],
        events=[EventSpec("ban", "SANCTION", "European Union", None, "163", "future",
                          source_actor="IGOEU")],
    )
    return [one, two, three]
