"""Gold spans from the corpus converters are kept as the corpus annotates them."""

from __future__ import annotations

import sys
from pathlib import Path

import spacy

# training/ is a repo-level package, not part of wiretag: put the repo root on the path
# the same way tests/nlp/eval_gate.py does, so the test runs from any directory.
ROOT = str(Path(__file__).resolve().parents[2])
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from training.convert import _ner_doc  # noqa: E402


def _ents(as_annotated: bool) -> list[tuple[str, str]]:
    words = ["The", "New", "York", "Times", "said", "US", "troops", "saw", "us", "."]
    spaces = [True] * 9 + [False]
    spans = [(0, 4, "ORG"), (5, 6, "LOC"), (8, 9, "PER")]
    doc = _ner_doc(spacy.blank("en").vocab, words, spaces, spans, as_annotated=as_annotated)
    return [(e.text, e.label_) for e in doc.ents]


def test_convert_all_caps_us_is_a_place_not_a_pronoun():
    assert ("US", "LOC") in _ents(as_annotated=False)
    assert all(text != "us" for text, _ in _ents(as_annotated=False))


def test_convert_as_annotated_keeps_leading_article():
    assert ("The New York Times", "ORG") in _ents(as_annotated=True)
    assert ("New York Times", "ORG") in _ents(as_annotated=False)
