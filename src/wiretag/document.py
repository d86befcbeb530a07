"""The ``wiretag/1`` data model: typed dataclasses that serialise to the JSON contract.

The contract (see DESIGN.md) is what other people's scripts are written against: fields may
be added, none may be renamed or removed without a new schema version. All offsets are
character offsets into ``Document.text`` (end exclusive).

The JSON schema shipped in ``wiretag/schema/wiretag-1.schema.json`` is generated from these
classes (``python -m wiretag.document > src/wiretag/schema/wiretag-1.schema.json``); a test
checks that the shipped file matches.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import sys
import types
import typing
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar, Union

SCHEMA = "wiretag/1"

EntityType = Literal["PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "MISC"]
QuoteKind = Literal["direct", "partial", "mixed", "indirect"]
Modality = Literal[
    "asserted", "alleged", "denied", "negated", "hypothetical", "future", "historical", "reported"
]
DatePrecision = Literal["day", "month", "year"]


@dataclass
class InputRef:
    """Where a story came from, so callers can join results back to their own records."""

    path: str | None = None
    line: int | None = None
    id: str | None = None


@dataclass
class Source:
    agency: str | None = None
    url: str | None = None


@dataclass
class Dateline:
    text: str
    start: int
    end: int
    place: str | None = None
    agency: str | None = None
    date: str | None = None
    date_precision: DatePrecision | None = None
    year_inferred: bool = False
    #: the qualifier after the place, as written: "Ukraine" in "KYIV, Ukraine, March 4",
    #: "Ill." in "SPRINGFIELD, Ill." (an addition to DESIGN.md's example)
    region: str | None = None


@dataclass
class Credit:
    role: str
    name: str


@dataclass
class Boilerplate:
    kind: str
    text: str


@dataclass
class Sentence:
    start: int
    end: int


@dataclass
class Mention:
    start: int
    end: int
    text: str
    #: how this mention was linked to its entity: "name", "surname", "acronym",
    #: "alias", "pronoun", "nominal", ... (None for the first, naming mention)
    basis: str | None = None


@dataclass
class Geo:
    geonameid: int
    lat: float
    lon: float
    country_code: str | None = None
    feature_class: str | None = None
    feature_code: str | None = None
    name: str | None = None
    population: int | None = None
    score: float | None = None
    alternatives: list[GeoAlternative] = field(default_factory=list)


@dataclass
class GeoAlternative:
    geonameid: int
    name: str
    lat: float
    lon: float
    country_code: str | None = None
    score: float | None = None


@dataclass
class Entity:
    id: str
    type: EntityType
    name: str
    mentions: list[Mention] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    #: longer descriptions from appositives ("a former official of ...")
    descriptions: list[str] = field(default_factory=list)
    country: str | None = None
    geo: Geo | None = None
    #: a place or organisation used for its government ("Moscow denies", "kyiv says")
    government: bool = False
    #: stable key linking the same entity across stories (type + name + country, or GeoNames id)
    key: str | None = None


@dataclass
class SpanRef:
    text: str
    start: int
    end: int


@dataclass
class Speaker:
    text: str
    start: int
    end: int
    entity: str | None = None
    confidence: float | None = None


@dataclass
class Quote:
    id: str
    kind: QuoteKind
    text: str
    start: int
    end: int
    speaker: Speaker | None = None
    cue: SpanRef | None = None
    confidence: float | None = None


@dataclass
class Actor:
    text: str
    start: int | None = None
    end: int | None = None
    entity: str | None = None
    #: CAMEO-convention actor code: country (ISO alpha-3) + sector, e.g. RUSGOV, UKRMIL, IGOUNO
    actor: str | None = None


@dataclass
class Event:
    id: str
    #: one of PLOVER's 16 categories, or None for CAMEO statements PLOVER drops
    type: str | None
    trigger: SpanRef
    sentence: int
    cameo: str | None = None
    mode: str | None = None
    modality: Modality = "asserted"
    negated: bool = False
    source: Actor | None = None
    target: Actor | None = None
    date: str | None = None
    location: Actor | None = None
    quote: str | None = None
    confidence: float | None = None


@dataclass
class Topic:
    #: "iptc-mediatopic"
    scheme: str
    #: the Media Topic code, e.g. "16000000"
    code: str
    #: IPTC's English label, e.g. "conflict, war and peace"
    label: str
    #: 0..1 confidence (see wiretag.extract.topics)
    score: float


@dataclass
class Tone:
    #: -1..1: balance of positive and negative wording (see wiretag.extract.tone)
    polarity: float
    #: share (0..1) of the story's words with positive valence (GDELT's GKG score / 100)
    positive: float
    #: share (0..1) of the story's words with negative valence (GDELT's GKG score / 100)
    negative: float
    #: number of words (tokens with a letter) in the story
    words: int


@dataclass
class Document:
    id: str
    text: str
    schema: str = SCHEMA
    language: str | None = "en"
    headline: str | None = None
    input: InputRef = field(default_factory=InputRef)
    source: Source = field(default_factory=Source)
    dateline: Dateline | None = None
    published: str | None = None
    credits: list[Credit] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    boilerplate: list[Boilerplate] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    #: quoted words with no speaker frame (scare quotes, "so-called" terms): not quotes
    scare_quotes: list[SpanRef] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)
    tone: Tone | None = None
    #: non-fatal problems met while analysing this story (coded, e.g. "[W202] ...")
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def to_json(self, *, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        return _from_dict(cls, data)

    def entity(self, entity_id: str) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)


def content_id(text: str) -> str:
    """The story id: SHA-256 of the NFC-normalised text with whitespace runs collapsed."""
    norm = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


T = TypeVar("T")


def _from_dict(cls: type[T], data: Any) -> T:
    hints = typing.get_type_hints(cls)
    kwargs: dict[str, Any] = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if f.name in data:
            kwargs[f.name] = _convert(hints[f.name], data[f.name])
    return cls(**kwargs)


def _convert(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _convert(args[0], value) if len(args) == 1 else value
    if origin is list:
        (item,) = typing.get_args(tp)
        return [_convert(item, v) for v in value]
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        return _from_dict(tp, value)
    return value


def json_schema() -> dict[str, Any]:
    """The JSON schema of ``wiretag/1``, generated from the dataclasses above."""
    from pydantic import TypeAdapter

    schema = TypeAdapter(Document).json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://wiretag.dev/schema/wiretag-1.schema.json"
    schema["title"] = "wiretag/1 document"
    schema["properties"]["schema"]["const"] = SCHEMA
    return schema


def load_schema() -> dict[str, Any]:
    """The shipped schema file."""
    from importlib.resources import files

    text = files("wiretag").joinpath("schema/wiretag-1.schema.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


if __name__ == "__main__":
    sys.stdout.write(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n")
