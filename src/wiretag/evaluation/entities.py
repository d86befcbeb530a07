"""Score entity merging, titles, countries and geocoding against our golden stories.

Run: ``python -m wiretag.evaluation.entities tests/golden/entities`` (add ``--model NAME``
or ``--model bundled`` to score end to end, with the backbone's own NER spans instead of
the gold spans).

Golden story format (``*.txt``, UTF-8), written by us: the story text with every mention
marked ``[surface|id]`` (``[he|putin|pro]`` marks a pronoun or nominal reference: it is
scored but never given to the system as input), then a line ``---`` and one line per
entity: ``id TYPE key=value; key=value``. Keys: ``country`` (ISO alpha-3), ``titles``
(comma-separated; empty means "no titles"), ``geo`` (``lat,lon``, ``country:XX`` for a
country record, ``id:N`` for one GeoNames record such as a US state, or ``none`` for a
place GeoNames does not hold), ``government`` (``yes``/``no``: the place stands for its
government somewhere in the story, "Moscow denies").

Scores:
- geocoding accuracy@161 km over gold place mentions with a location (a country counts
  when the country record is chosen), and how often ``geo: none`` places stay null;
- merge precision/recall: pairs of gold mentions put in the same entity (pairwise, as in
  the coreference literature's pairwise F1), over mentions found at their gold span;
- title accuracy (the set of titles equals gold's, case-insensitively) and country accuracy;
- government accuracy: the entity's ``government`` flag equals gold's, where gold gives one.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING

from wiretag.document import Dateline, Entity

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

KM_THRESHOLD = 161.0
_MARK = re.compile(r"\[([^\[\]|]+)\|([\w-]+)(?:\|(pro))?\]")
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’ -]+?(?:, [A-Z][A-Za-z.]+)?), (?:[A-Z][a-z]{2,8}\.? \d{1,2} )?"
    r"\((?P<agency>[^)]+)\)"
)


@dataclass
class GoldMention:
    start: int
    end: int
    entity: str
    reference: bool = False  # pronoun or nominal: scored, not given as input


@dataclass
class GoldEntity:
    id: str
    type: str
    country: str | None = None
    titles: list[str] | None = None
    geo: str | None = None
    government: bool | None = None


@dataclass
class GoldStory:
    path: Path
    text: str
    mentions: list[GoldMention]
    entities: dict[str, GoldEntity]
    dateline: Dateline | None = None


def parse_story(path: Path) -> GoldStory:
    raw = path.read_text("utf-8")
    body, _, spec = raw.partition("\n---\n")
    text_parts: list[str] = []
    mentions: list[GoldMention] = []
    pos = 0
    length = 0
    for m in _MARK.finditer(body):
        chunk = body[pos:m.start()]
        text_parts.append(chunk)
        length += len(chunk)
        surface = m.group(1)
        mentions.append(GoldMention(length, length + len(surface), m.group(2), bool(m.group(3))))
        text_parts.append(surface)
        length += len(surface)
        pos = m.end()
    text_parts.append(body[pos:])
    text = "".join(text_parts).strip("\n")
    entities: dict[str, GoldEntity] = {}
    for line in spec.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        head, _, rest = line.strip().partition(" ")
        etype, _, attrs = rest.strip().partition(" ")
        ent = GoldEntity(head, etype)
        for pair in attrs.split(";"):
            if "=" not in pair:
                continue
            key, _, value = pair.strip().partition("=")
            value = value.strip()
            if key == "country":
                ent.country = value or None
            elif key == "titles":
                ent.titles = [t.strip() for t in value.split(",") if t.strip()]
            elif key == "geo":
                ent.geo = value
            elif key == "government":
                ent.government = value == "yes"
        entities[head] = ent
    missing = {m.entity for m in mentions} - set(entities)
    if missing:
        raise ValueError(f"{path}: mentions of undeclared entities {sorted(missing)}")
    dateline = None
    dm = _DATELINE.match(text)
    if dm:
        dateline = Dateline(text=dm.group(0), start=0, end=dm.end(),
                            place=dm.group("place").strip().title(), agency=dm.group("agency"))
    return GoldStory(path, text, mentions, entities, dateline)


def load_stories(folder: Path) -> list[GoldStory]:
    return [parse_story(p) for p in sorted(folder.glob("*.txt"))]


def gold_doc(story: GoldStory, nlp: Language) -> Doc:
    """The story as a Doc whose entity spans are the gold name mentions (no references)."""
    doc = nlp.make_doc(story.text)
    spans = []
    for m in story.mentions:
        if m.reference:
            continue
        span = doc.char_span(m.start, m.end, label=story.entities[m.entity].type,
                             alignment_mode="expand")
        if span is not None:
            spans.append(span)
    spans.sort(key=lambda s: (s.start, -s.end))
    kept: list[Span] = []
    for s in spans:
        if kept and s.start < kept[-1].end:
            continue
        kept.append(s)
    doc.ents = kept
    return doc


@dataclass
class Scores:
    stories: int = 0
    place_mentions: int = 0
    named_mentions: int = 0
    geo_total: int = 0
    geo_correct: int = 0
    null_total: int = 0
    null_correct: int = 0
    pairs_pred: int = 0
    pairs_gold: int = 0
    pairs_both: int = 0
    titles_total: int = 0
    titles_correct: int = 0
    country_total: int = 0
    country_correct: int = 0
    government_total: int = 0
    government_correct: int = 0
    errors: list[str] = field(default_factory=list)

    def ratio(self, a: int, b: int) -> float:
        return a / b if b else 0.0

    def summary(self) -> dict[str, float]:
        p = self.ratio(self.pairs_both, self.pairs_pred)
        r = self.ratio(self.pairs_both, self.pairs_gold)
        return {
            "geo_accuracy_161km": round(self.ratio(self.geo_correct, self.geo_total), 4),
            "geo_null_accuracy": round(self.ratio(self.null_correct, self.null_total), 4),
            "merge_precision": round(p, 4),
            "merge_recall": round(r, 4),
            "merge_f1": round(2 * p * r / (p + r) if p + r else 0.0, 4),
            "title_accuracy": round(self.ratio(self.titles_correct, self.titles_total), 4),
            "country_accuracy": round(self.ratio(self.country_correct, self.country_total), 4),
            "government_accuracy": round(
                self.ratio(self.government_correct, self.government_total), 4),
        }


def _geo_ok(spec: str, ent: Entity | None) -> bool:
    from wiretag.extract.geo import distance_km

    geo = ent.geo if ent is not None else None
    if spec == "none":
        return geo is None
    if geo is None:
        return False
    if spec.startswith("id:"):
        return geo.geonameid == int(spec[3:])
    if spec.startswith("country:"):
        return (geo.feature_code or "").startswith("PCL") and geo.country_code == spec[8:]
    lat, lon = (float(x) for x in spec.split(","))
    return distance_km(lat, lon, geo.lat, geo.lon) <= KM_THRESHOLD


def score_story(story: GoldStory, entities: Sequence[Entity], scores: Scores) -> None:
    where: dict[tuple[int, int], Entity] = {}
    for e in entities:
        for m in e.mentions:
            where[(m.start, m.end)] = e
    scores.stories += 1
    gold_by_entity: dict[str, list[GoldMention]] = {}
    for gm in story.mentions:
        gold_by_entity.setdefault(gm.entity, []).append(gm)
        gold = story.entities[gm.entity]
        if gold.type in {"GPE", "LOC", "FAC"}:
            scores.place_mentions += 1
        elif gold.type in {"PERSON", "ORG"} and not gm.reference:
            scores.named_mentions += 1
        if gold.geo is not None:
            pred = where.get((gm.start, gm.end))
            ok = _geo_ok(gold.geo, pred)
            if gold.geo == "none":
                scores.null_total += 1
                scores.null_correct += ok
            else:
                scores.geo_total += 1
                scores.geo_correct += ok
            if not ok:
                got = pred.geo if pred is not None else None
                scores.errors.append(
                    f"{story.path.name}: geo {story.text[gm.start:gm.end]!r} want {gold.geo} "
                    f"got {(got.name, got.lat, got.lon) if got else None}")
    found = [gm for gm in story.mentions if (gm.start, gm.end) in where]
    for a, b in combinations(found, 2):
        same_gold = a.entity == b.entity
        same_pred = where[(a.start, a.end)] is where[(b.start, b.end)]
        scores.pairs_pred += same_pred
        scores.pairs_both += same_gold and same_pred
        if same_pred and not same_gold:
            scores.errors.append(f"{story.path.name}: merged {story.text[a.start:a.end]!r} "
                                 f"({a.entity}) with {story.text[b.start:b.end]!r} ({b.entity})")
    for ms in gold_by_entity.values():
        scores.pairs_gold += len(ms) * (len(ms) - 1) // 2
    for eid, gold in story.entities.items():
        first = next((gm for gm in gold_by_entity.get(eid, []) if not gm.reference), None)
        if first is None:
            continue
        pred = where.get((first.start, first.end))
        if gold.titles is not None:
            scores.titles_total += 1
            got_titles = sorted(t.casefold() for t in pred.titles) if pred else []
            ok = got_titles == sorted(t.casefold() for t in gold.titles)
            scores.titles_correct += ok
            if not ok:
                scores.errors.append(f"{story.path.name}: titles {eid} want {gold.titles} "
                                     f"got {pred.titles if pred else None}")
        if gold.country is not None:
            scores.country_total += 1
            ok = pred is not None and pred.country == gold.country
            scores.country_correct += ok
            if not ok:
                scores.errors.append(f"{story.path.name}: country {eid} want {gold.country} "
                                     f"got {pred.country if pred else None}")
        if gold.government is not None:
            scores.government_total += 1
            ok = pred is not None and pred.government == gold.government
            scores.government_correct += ok
            if not ok:
                scores.errors.append(f"{story.path.name}: government {eid} want "
                                     f"{gold.government} got {pred.government if pred else None}")


def evaluate(folder: Path, *, model: str | None = None) -> Scores:
    """Score the golden stories in ``folder``: on gold spans, or end to end with ``model``."""
    import spacy

    from wiretag.extract.entities import extract_entities

    scores = Scores()
    stories = load_stories(folder)
    if model is None:
        nlp = spacy.blank("en")
        for story in stories:
            score_story(story, extract_entities(gold_doc(story, nlp),
                                                dateline=story.dateline), scores)
        return scores
    from wiretag.nlp import load_backbone

    nlp = load_backbone(None if model == "bundled" else model)
    for story, doc in zip(stories, nlp.pipe([s.text for s in stories]), strict=True):
        score_story(story, extract_entities(doc, dateline=story.dateline), scores)
    return scores


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m wiretag.evaluation.entities",
                                     description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--model", default=None,
                        help="score end to end with this backbone ('bundled' for ours)")
    parser.add_argument("--errors", action="store_true", help="list every error")
    args = parser.parse_args(argv)
    scores = evaluate(args.folder, model=args.model)
    mode = "gold mention spans" if args.model is None else f"end to end ({args.model})"
    print(f"{scores.stories} stories, {scores.place_mentions} place mentions, "
          f"{scores.named_mentions} person/org name mentions; {mode}")
    for key, value in scores.summary().items():
        print(f"{key:22} {value:.4f}")
    if args.errors:
        for line in scores.errors:
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
