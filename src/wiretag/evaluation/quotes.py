"""Score quotation extraction against golden stories: content P/R/F1 and speaker accuracy.

Golden stories are ``.txt`` files with inline markup (see ``tests/golden/quotes/README.md``):
``[[kind|speaker phrase|canonical name|content]]``. A predicted quote matches a golden one
when their content spans overlap by at least half of each (the "overlap" criterion of
Pareti's PARC evaluations and of citron, which reports about 0.83 overlap F1). Scores are
given overall (kind ignored) and per kind (only same-kind pairs match).

Speaker accuracy is measured over the overall matches: a predicted speaker is right when
its phrase overlaps the golden phrase nearest the quote, when it names the golden speaker
(holds their surname), or when it is linked to an entity carrying the golden name.
``entity_accuracy`` counts only that last, stricter route, over golden speakers with a name.

Run: ``python -m wiretag.evaluation.quotes tests/golden/quotes [--model NAME] [--json]``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wiretag.document import Entity, Mention, Quote

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

KINDS = ("direct", "partial", "mixed", "indirect")
_KIND_CODES = {"d": "direct", "p": "partial", "m": "mixed", "i": "indirect"}


@dataclass(frozen=True)
class GoldQuote:
    kind: str
    start: int
    end: int
    text: str
    speaker: str
    name: str | None
    speaker_start: int
    speaker_end: int


@dataclass(frozen=True)
class GoldStory:
    name: str
    text: str
    quotes: tuple[GoldQuote, ...]


def parse_markup(source: str, name: str = "<story>") -> GoldStory:
    """Strip ``[[kind|speaker|name|content]]`` markup (nestable); return text and quotes."""
    lines = [ln for ln in source.splitlines() if not ln.startswith("#")]
    src = "\n".join(lines).strip("\n")
    out: list[str] = []
    length = 0
    stack: list[tuple[str, str, str, int]] = []
    raw: list[tuple[str, str, str, int, int]] = []
    i = 0
    while i < len(src):
        if src.startswith("[[", i):
            fields = src[i + 2:].split("|", 3)
            if len(fields) < 4:
                raise ValueError(f"{name}: unterminated quote header at {i}")
            kind, speaker, canon = fields[0], fields[1], fields[2]
            if kind not in _KIND_CODES:
                raise ValueError(f"{name}: unknown kind {kind!r} at {i}")
            stack.append((_KIND_CODES[kind], speaker, canon, length))
            i += 2 + len(kind) + len(speaker) + len(canon) + 3
            continue
        if src.startswith("]]", i) and stack:
            kind, speaker, canon, start = stack.pop()
            raw.append((kind, speaker, canon, start, length))
            i += 2
            continue
        out.append(src[i])
        length += 1
        i += 1
    if stack:
        raise ValueError(f"{name}: {len(stack)} unclosed quote(s)")
    text = "".join(out)
    quotes = []
    for kind, speaker, canon, start, end in sorted(raw, key=lambda r: (r[3], r[4])):
        s_start = _nearest(text, speaker, start, end)
        if s_start < 0:
            raise ValueError(f"{name}: speaker {speaker!r} does not occur in the story")
        quotes.append(GoldQuote(kind, start, end, text[start:end], speaker,
                                None if canon == "~" else canon, s_start,
                                s_start + len(speaker)))
    return GoldStory(name, text, tuple(quotes))


def _nearest(text: str, phrase: str, start: int, end: int) -> int:
    best, best_dist = -1, 1 << 60
    pos = text.find(phrase)
    while pos >= 0:
        dist = start - (pos + len(phrase)) if pos < start else pos - end
        if dist >= 0 and dist < best_dist:
            best, best_dist = pos, dist
        pos = text.find(phrase, pos + 1)
    return best


def load_gold(path: Path) -> list[GoldStory]:
    files = sorted(path.glob("*.txt")) if path.is_dir() else [path]
    return [parse_markup(f.read_text("utf-8"), f.name) for f in files]



# ------------------------------------------------------------------ entities for scoring


def entities_from_doc(doc: Doc) -> list[Entity]:
    """Entities grouped from ``doc.ents`` when the pipeline has no entities stage.

    Only for evaluation: PERSON mentions are grouped by surname, other types by their
    folded text, so that "Miroshnik" and "Rodion Miroshnik" are one entity.
    """
    from wiretag.lexicon.countries import fold

    groups: dict[tuple[str, str], Entity] = {}
    for ent in doc.ents:
        label = ent.label_ if ent.label_ in ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC") \
            else "MISC"
        words = [t.text for t in ent if t.is_alpha]
        if not words:
            continue
        key = (label, fold(words[-1]) if label == "PERSON" else fold(ent.text))
        entity = groups.get(key)
        if entity is None:
            entity = Entity(id=f"E{len(groups) + 1}", type=label, name=ent.text)  # type: ignore[arg-type]
            groups[key] = entity
        elif len(ent.text) > len(entity.name):
            entity.name = ent.text
        entity.mentions.append(Mention(ent.start_char, ent.end_char, ent.text))
    return list(groups.values())


def default_entities(nlp_doc: Doc, text: str) -> list[Entity]:
    """The pipeline's entities stage when it is registered, else :func:`entities_from_doc`."""
    from wiretag.document import Document, content_id
    from wiretag.pipeline import load_stages

    stages = load_stages(["entities"])
    if not stages:
        return entities_from_doc(nlp_doc)
    document = Document(id=content_id(text), text=text)
    for _name, stage in stages:
        stage(nlp_doc, document)
    return document.entities


# ------------------------------------------------------------------ scoring


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def _match(
    gold: Sequence[GoldQuote], pred: Sequence[Quote]
) -> list[tuple[GoldQuote, Quote]]:
    """Greedy one-to-one matching by overlap, each side covered at least half."""
    pairs = []
    for g in gold:
        for p in pred:
            ov = _overlap(g.start, g.end, p.start, p.end)
            if ov * 2 >= (g.end - g.start) and ov * 2 >= (p.end - p.start) and ov > 0:
                pairs.append((ov, g, p))
    pairs.sort(key=lambda t: -t[0])
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _ov, g, p in pairs:
        if id(g) in used_g or id(p) in used_p:
            continue
        used_g.add(id(g))
        used_p.add(id(p))
        out.append((g, p))
    return out


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float | int]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "gold": n_gold, "predicted": n_pred, "matched": tp}


def _last_word(name: str) -> str:
    from wiretag.lexicon.countries import fold

    words = fold(name).split()
    return words[-1] if words else ""


def speaker_correct(
    g: GoldQuote, p: Quote, entities: Sequence[Entity]
) -> tuple[bool, bool]:
    """(phrase-or-name correct, entity correct) for one matched pair."""
    from wiretag.lexicon.countries import fold

    sp = p.speaker
    if sp is None:
        return False, False
    entity_ok = False
    if g.name is not None and sp.entity is not None:
        ent = next((e for e in entities if e.id == sp.entity), None)
        if ent is not None:
            entity_ok = fold(ent.name) == fold(g.name) or (
                _last_word(ent.name) == _last_word(g.name) and bool(_last_word(g.name)))
    phrase_ok = _overlap(sp.start, sp.end, g.speaker_start, g.speaker_end) > 0
    names_ok = g.name is not None and _last_word(g.name) in fold(sp.text).split()
    return phrase_ok or names_ok or entity_ok, entity_ok


def evaluate(
    stories: Sequence[GoldStory],
    nlp: Language,
    *,
    entities_fn: Callable[[Doc, str], list[Entity]] | None = None,
    extract: Callable[[Doc, Sequence[Entity]], list[Quote]] | None = None,
) -> dict[str, Any]:
    """Run the extractor over ``stories`` and score it. Returns a JSON-ready dict."""
    from wiretag.extract.quotes import extract_quotes

    get_entities = entities_fn or default_entities
    run = extract or extract_quotes
    tp = n_pred = n_gold = 0
    per_kind = {k: [0, 0, 0] for k in KINDS}
    sp_ok = sp_n = ent_ok = ent_n = 0
    errors: list[dict[str, Any]] = []
    for story in stories:
        doc = nlp(story.text)
        entities = get_entities(doc, story.text)
        pred = run(doc, entities)
        matches = _match(story.quotes, pred)
        tp += len(matches)
        n_pred += len(pred)
        n_gold += len(story.quotes)
        for kind in KINDS:
            g_k = [g for g in story.quotes if g.kind == kind]
            p_k = [p for p in pred if p.kind == kind]
            per_kind[kind][0] += len(_match(g_k, p_k))
            per_kind[kind][1] += len(p_k)
            per_kind[kind][2] += len(g_k)
        for g, p in matches:
            ok, eok = speaker_correct(g, p, entities)
            sp_n += 1
            sp_ok += ok
            if g.name is not None:
                ent_n += 1
                ent_ok += eok
            if not ok:
                errors.append({"story": story.name, "error": "speaker", "quote": g.text[:60],
                               "gold": g.speaker, "got": p.speaker.text if p.speaker else None})
        matched_g = {id(g) for g, _ in matches}
        matched_p = {id(p) for _, p in matches}
        errors.extend({"story": story.name, "error": "missed", "kind": g.kind,
                       "quote": g.text[:80]} for g in story.quotes if id(g) not in matched_g)
        errors.extend({"story": story.name, "error": "spurious", "kind": p.kind,
                       "quote": p.text[:80]} for p in pred if id(p) not in matched_p)
    return {
        "stories": len(stories),
        "content": _prf(tp, n_pred, n_gold),
        "kinds": {k: _prf(*v) for k, v in per_kind.items()},
        "speaker_accuracy": round(sp_ok / sp_n, 4) if sp_n else 0.0,
        "entity_accuracy": round(ent_ok / ent_n, 4) if ent_n else 0.0,
        "errors": errors,
    }


def format_report(scores: dict[str, Any]) -> str:
    c = scores["content"]
    lines = [
        f"stories {scores['stories']}  gold quotes {c['gold']}  predicted {c['predicted']}",
        f"{'kind':<10}{'P':>8}{'R':>8}{'F1':>8}{'gold':>7}{'pred':>7}",
        f"{'all':<10}{c['precision']:>8.3f}{c['recall']:>8.3f}{c['f1']:>8.3f}"
        f"{c['gold']:>7}{c['predicted']:>7}",
    ]
    for kind, k in scores["kinds"].items():
        lines.append(f"{kind:<10}{k['precision']:>8.3f}{k['recall']:>8.3f}{k['f1']:>8.3f}"
                     f"{k['gold']:>7}{k['predicted']:>7}")
    lines.append(f"speaker accuracy {scores['speaker_accuracy']:.3f}   "
                 f"entity accuracy {scores['entity_accuracy']:.3f}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m wiretag.evaluation.quotes",
                                     description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("path", type=Path, help="directory of golden .txt stories")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: bundled)")
    parser.add_argument("--json", action="store_true", help="print scores as JSON")
    parser.add_argument("--errors", action="store_true", help="list missed/spurious quotes")
    args = parser.parse_args(argv)

    from wiretag.errors import WiretagError
    from wiretag.nlp import load_backbone

    try:
        nlp = load_backbone(args.model)
    except WiretagError as exc:
        sys.stderr.write(f"{exc}\n")
        return 2
    if not args.path.exists():
        sys.stderr.write(f"[W101] golden path not found: {args.path}\n")
        return 2
    scores = evaluate(load_gold(args.path), nlp)
    if args.json:
        sys.stdout.write(json.dumps(scores, indent=1, ensure_ascii=False) + "\n")
        return 0
    sys.stdout.write(format_report(scores) + "\n")
    if args.errors:
        for item in scores["errors"]:
            sys.stdout.write(json.dumps(item, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
