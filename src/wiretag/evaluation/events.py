"""Score event coding against golden stories: category P/R/F1, actors, modality, mode, CAMEO.

Golden stories are ``.txt`` files (format in ``tests/golden/events/README.md``): one sentence
per line, each followed by its expected events as indented lines
``trigger TYPE mode root source target modality``. Each story runs through the real
pipeline (wire parser, backbone, entities, quotes, events), so the scores measure what a
user gets.

A predicted event *matches* a golden one when its trigger is the golden trigger word in the
same sentence (one-to-one; coordinated pairs are separate golden lines). Scores:

- ``category``: PLOVER category P/R/F1 — a match with the same category is a true positive;
  an unmatched prediction (or one with the wrong category) is a false positive, an unmatched
  golden event (or a wrong category) a false negative. CAMEO statements with no PLOVER
  category (``-``) are scored separately as ``statements``.
- ``source``/``target``: over matched events whose golden actor is given (not ``-``/``?``):
  ``country`` accuracy compares the first three letters (``RUS`` of ``RUSGOV``; ``IGO`` for
  international organisations), ``code`` the whole code.
- ``modality``, ``mode`` and ``cameo_root`` accuracy over matched events of the right category.

Run: ``python -m wiretag.evaluation.events tests/golden/events [--model NAME] [--json]
[--errors]``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wiretag.document import Document, Event

if TYPE_CHECKING:
    from spacy.language import Language

PLOVER = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
MODALITIES = ("asserted", "alleged", "denied", "negated", "hypothetical", "future",
              "historical", "reported")


@dataclass(frozen=True)
class GoldEvent:
    trigger: str
    occurrence: int
    type: str | None
    mode: str | None
    root: str
    source: str | None  # None = no actor expected; "?" = any
    target: str | None
    modality: str


@dataclass
class GoldSentence:
    text: str
    events: list[GoldEvent] = field(default_factory=list)


@dataclass
class GoldStory:
    name: str
    date: str | None
    paragraphs: list[list[GoldSentence]]

    @property
    def sentences(self) -> list[GoldSentence]:
        return [s for p in self.paragraphs for s in p]

    @property
    def text(self) -> str:
        return "\n".join(" ".join(s.text for s in p) for p in self.paragraphs) + "\n"


def _cell(value: str) -> str | None:
    return None if value == "-" else value


def parse_story(source: str, name: str = "<story>") -> GoldStory:
    story = GoldStory(name=name, date=None, paragraphs=[[]])
    for n, raw in enumerate(source.splitlines(), 1):
        if raw.startswith("#"):
            m = re.match(r"#\s*date:\s*(\S+)", raw)
            if m:
                story.date = m.group(1)
            continue
        if not raw.strip():
            if story.paragraphs[-1]:
                story.paragraphs.append([])
            continue
        if raw[0] in " \t":
            cols = raw.split()
            if len(cols) != 7:
                raise ValueError(f"{name}:{n}: expected 7 columns, got {len(cols)}: {raw!r}")
            if not story.paragraphs[-1]:
                raise ValueError(f"{name}:{n}: an event line before any sentence")
            word, _, occ = cols[0].partition("#")
            if cols[6] not in MODALITIES:
                raise ValueError(f"{name}:{n}: unknown modality {cols[6]!r}")
            if cols[1] != "-" and cols[1] not in PLOVER:
                raise ValueError(f"{name}:{n}: unknown category {cols[1]!r}")
            story.paragraphs[-1][-1].events.append(GoldEvent(
                trigger=word, occurrence=int(occ or 1), type=_cell(cols[1]), mode=_cell(cols[2]),
                root=cols[3], source=_cell(cols[4]), target=_cell(cols[5]), modality=cols[6],
            ))
            continue
        story.paragraphs[-1].append(GoldSentence(raw.strip()))
    story.paragraphs = [p for p in story.paragraphs if p]
    return story


def load_gold(path: Path) -> list[GoldStory]:
    files = sorted(path.glob("*.txt")) if path.is_dir() else [path]
    return [parse_story(f.read_text("utf-8"), f.name) for f in files]



def _word_offset(sentence: str, word: str, occurrence: int) -> int | None:
    hits = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", sentence)]
    return hits[occurrence - 1] if len(hits) >= occurrence else None


def analyse(story: GoldStory, nlp: Language) -> Document:
    from wiretag import pipeline
    from wiretag.story import Story

    stages = pipeline.load_stages(["entities", "quotes", "events"])
    return pipeline.analyze_story(
        Story(text=story.text, published=story.date), nlp, stages=stages
    )


@dataclass
class _Tally:
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    right: Counter[str] = field(default_factory=Counter)
    total: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)

    def score(self, key: str, ok: bool) -> None:
        self.total[key] += 1
        self.right[key] += int(ok)


def _label(type_: str | None) -> str:
    return type_ or "-"


def _actor_checks(t: _Tally, role: str, gold: str | None, pred: str | None) -> list[str]:
    if gold is None or gold == "?":
        return []
    pred = pred or ""
    t.score(f"{role}.country", pred[:3] == gold[:3])
    t.score(f"{role}.code", pred == gold)
    return [] if pred == gold else [f"{role} {pred or '-'} != {gold}"]


def score_story(story: GoldStory, document: Document, t: _Tally) -> None:
    text = document.text
    cursor = 0
    for n, sent in enumerate(story.sentences):
        start = text.find(sent.text, cursor)
        if start < 0:
            # the wire parser rewrote the first line (dateline); fall back to its tail
            start = text.find(sent.text[-40:], cursor)
            start = start - (len(sent.text) - 40) if start >= 0 else cursor
        end = start + len(sent.text)
        cursor = max(cursor, end)
        preds = [e for e in document.events if start <= e.trigger.start < end]
        used: set[int] = set()
        for gold in sent.events:
            off = _word_offset(sent.text, gold.trigger, gold.occurrence)
            cands = [
                (i, e) for i, e in enumerate(preds)
                if i not in used and off is not None and e.trigger.start == start + off
            ]
            where = f"{story.name}#{n + 1} {gold.trigger}"
            if not cands:
                if gold.type is not None:
                    t.fn[gold.type] += 1
                else:
                    t.fn["-"] += 1
                t.errors.append(f"MISS {where}: {_label(gold.type)} {gold.source}>{gold.target}")
                continue

            def fit(item: tuple[int, Event], gold: GoldEvent = gold) -> int:
                e = item[1]
                return (
                    2 * int(e.type == gold.type)
                    + int((e.source.actor if e.source else None) == gold.source)
                    + int((e.target.actor if e.target else None) == gold.target)
                )

            i, pred = max(cands, key=fit)
            used.add(i)
            if pred.type == gold.type:
                t.tp[_label(gold.type)] += 1
            else:
                t.fp[_label(pred.type)] += 1
                t.fn[_label(gold.type)] += 1
                t.errors.append(f"TYPE {where}: {_label(pred.type)} != {_label(gold.type)}")
                continue
            problems = _actor_checks(t, "source", gold.source, pred.source.actor
                                     if pred.source else None)
            problems += _actor_checks(t, "target", gold.target, pred.target.actor
                                      if pred.target else None)
            t.score("modality", pred.modality == gold.modality)
            if pred.modality != gold.modality:
                problems.append(f"modality {pred.modality} != {gold.modality}")
            t.score("mode", (pred.mode or None) == gold.mode)
            if (pred.mode or None) != gold.mode:
                problems.append(f"mode {pred.mode} != {gold.mode}")
            t.score("cameo_root", (pred.cameo or "")[:2] == gold.root)
            if (pred.cameo or "")[:2] != gold.root:
                problems.append(f"cameo {pred.cameo} !~ {gold.root}")
            if problems:
                t.errors.append(f"DIFF {where}: " + "; ".join(problems))
        for i, e in enumerate(preds):
            if i not in used:
                t.fp[_label(e.type)] += 1
                src = e.source.actor if e.source else None
                tgt = e.target.actor if e.target else None
                t.errors.append(
                    f"EXTRA {story.name}#{n + 1} {e.trigger.text}: {_label(e.type)} {src}>{tgt}"
                )


def _prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "tp": tp, "fp": fp, "fn": fn}


def evaluate(stories: Sequence[GoldStory], nlp: Language) -> dict[str, Any]:
    """Scores over the stories (see the module docstring)."""
    t = _Tally()
    for story in stories:
        score_story(story, analyse(story, nlp), t)
    plover = [k for k in PLOVER]
    tp = sum(t.tp[k] for k in plover)
    fp = sum(t.fp[k] for k in plover)
    fn = sum(t.fn[k] for k in plover)

    def acc(key: str) -> float:
        return round(t.right[key] / t.total[key], 4) if t.total[key] else 0.0

    return {
        "stories": len(stories),
        "sentences": sum(len(s.sentences) for s in stories),
        "gold_events": sum(len(x.events) for s in stories for x in s.sentences),
        "category": _prf(tp, fp, fn),
        "per_category": {k: _prf(t.tp[k], t.fp[k], t.fn[k]) for k in plover
                         if t.tp[k] + t.fp[k] + t.fn[k]},
        "statements": _prf(t.tp["-"], t.fp["-"], t.fn["-"]),
        "source": {"country": acc("source.country"), "code": acc("source.code"),
                   "n": t.total["source.country"]},
        "target": {"country": acc("target.country"), "code": acc("target.code"),
                   "n": t.total["target.country"]},
        "modality": acc("modality"),
        "mode": acc("mode"),
        "cameo_root": acc("cameo_root"),
        "errors": t.errors,
    }


def format_report(scores: dict[str, Any]) -> str:
    c = scores["category"]
    lines = [
        f"stories {scores['stories']}, sentences {scores['sentences']}, "
        f"golden events {scores['gold_events']}",
        f"PLOVER category  P {c['precision']:.3f}  R {c['recall']:.3f}  F1 {c['f1']:.3f}  "
        f"(tp {c['tp']}, fp {c['fp']}, fn {c['fn']})",
    ]
    for k, v in scores["per_category"].items():
        lines.append(f"  {k:<10} P {v['precision']:.2f}  R {v['recall']:.2f}  F1 {v['f1']:.2f}"
                     f"  (tp {v['tp']}, fp {v['fp']}, fn {v['fn']})")
    s = scores["statements"]
    lines.append(f"CAMEO statements (no PLOVER type)  F1 {s['f1']:.3f}")
    for role in ("source", "target"):
        r = scores[role]
        lines.append(f"{role:<6} actor  country {r['country']:.3f}  code {r['code']:.3f}"
                     f"  (n {r['n']})")
    lines.append(f"modality {scores['modality']:.3f}  mode {scores['mode']:.3f}  "
                 f"CAMEO root {scores['cameo_root']:.3f}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score event coding on golden stories.")
    parser.add_argument("path", type=Path, help="directory of golden .txt stories (or one file)")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: bundled)")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--errors", action="store_true", help="list every mismatch")
    args = parser.parse_args(argv)
    from wiretag.errors import WiretagError
    from wiretag.nlp import load_backbone

    try:
        nlp = load_backbone(args.model)
        stories = load_gold(args.path)
    except (WiretagError, ValueError, OSError) as err:
        print(err, file=sys.stderr)
        return 2
    scores = evaluate(stories, nlp)
    errors = scores.pop("errors")
    if args.json:
        print(json.dumps(scores, indent=1))
    else:
        print(format_report(scores))
    if args.errors:
        print("\n".join(errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
