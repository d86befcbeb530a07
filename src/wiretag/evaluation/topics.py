"""Evaluate topic classification against the golden stories in ``tests/golden/topics``.

    python -m wiretag.evaluation.topics [--golden PATH] [--model NAME | --blank] [--errors]

Scores are micro-averaged precision, recall and F1 over (story, top-level topic) pairs: a
predicted top-level topic the story was not labelled with is a false positive, a labelled one
not predicted a false negative. Second-level topics are not scored (the golden stories carry
top-level labels only). Per-topic counts are printed too.

``--blank`` runs on a tokenizer-only pipeline (no lemmas, no entities): what the evaluation
gate in ``tests/extract/test_topics.py`` checks, since it does not move when the backbone is
retrained. Without it the bundled backbone is used, as in production.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from wiretag.document import Document, content_id
from wiretag.extract.topics import classify_topics

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["DEFAULT_GOLDEN", "GoldStory", "TopicScores", "corpus_sha256", "evaluate", "load_golden"]

#: the golden stories in a source checkout (they are test data, not shipped in the wheel)
DEFAULT_GOLDEN = (
    Path(__file__).resolve().parents[3] / "tests" / "golden" / "topics" / "stories.jsonl"
)


@dataclass(frozen=True)
class GoldStory:
    id: str
    headline: str | None
    text: str
    topics: frozenset[str]


@dataclass
class TopicScores:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    per_topic: dict[str, Counter[str]] = field(default_factory=dict)
    errors: list[tuple[str, list[str], list[str]]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def load_golden(path: Path = DEFAULT_GOLDEN) -> list[GoldStory]:
    stories = []
    for line in path.read_text("utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            stories.append(
                GoldStory(rec["id"], rec.get("headline"), rec["text"], frozenset(rec["topics"]))
            )
    return stories


def corpus_sha256(path: Path = DEFAULT_GOLDEN) -> str:
    """Hash of the golden file: the gate's floors are only valid for the corpus they were set on."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def evaluate(stories: list[GoldStory], nlp: Language) -> TopicScores:
    scores = TopicScores()
    docs = nlp.pipe([s.text for s in stories])
    for story, doc in zip(stories, docs, strict=True):
        document = Document(id=content_id(story.text), text=story.text, headline=story.headline)
        predicted = {t.code for t in classify_topics(doc, document) if t.code.endswith("000000")}
        for code in predicted | story.topics:
            counts = scores.per_topic.setdefault(code, Counter())
            if code in predicted and code in story.topics:
                scores.tp += 1
                counts["tp"] += 1
            elif code in predicted:
                scores.fp += 1
                counts["fp"] += 1
            else:
                scores.fn += 1
                counts["fn"] += 1
        if predicted != story.topics:
            scores.errors.append((story.id, sorted(story.topics), sorted(predicted)))
    return scores


def _report(scores: TopicScores, n: int, show_errors: bool) -> str:
    from wiretag.extract.topics import load_topic_lexicon

    labels = {c: t.label for c, t in load_topic_lexicon().topics.items()}
    lines = [
        f"stories: {n}",
        f"micro precision {scores.precision:.3f}  recall {scores.recall:.3f}  f1 {scores.f1:.3f}"
        f"  (tp {scores.tp}, fp {scores.fp}, fn {scores.fn})",
        "",
        f"{'topic':<52} {'tp':>4} {'fp':>4} {'fn':>4}",
    ]
    for code in sorted(scores.per_topic):
        c = scores.per_topic[code]
        name = f"{code} {labels.get(code, '?')}"
        lines.append(f"{name:<52} {c['tp']:>4} {c['fp']:>4} {c['fn']:>4}")
    if show_errors:
        lines += ["", "disagreements (id, expected, predicted):"]
        lines += [f"  {sid}  {exp}  {pred}" for sid, exp, pred in scores.errors]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    import spacy

    parser = argparse.ArgumentParser(
        prog="python -m wiretag.evaluation.topics", description=__doc__
    )
    parser.add_argument("--golden", type=Path, default=DEFAULT_GOLDEN)
    parser.add_argument("--model", default=None, help="spaCy pipeline name or path")
    parser.add_argument("--blank", action="store_true", help="tokenizer-only pipeline")
    parser.add_argument("--errors", action="store_true", help="list disagreeing stories")
    args = parser.parse_args(argv)
    if args.blank:
        nlp = spacy.blank("en")
    else:
        from wiretag.nlp import load_backbone

        nlp = load_backbone(args.model)
    stories = load_golden(args.golden)
    scores = evaluate(stories, nlp)
    sys.stdout.write(_report(scores, len(stories), args.errors) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
