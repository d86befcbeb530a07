"""The speed yardstick (benchmarks/reference_speed.py) builds the small-pipeline
architecture it claims, offline, and runs; its timing is a benchmark, not a test."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_reference_pipeline_has_the_small_english_architecture() -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from backbone_speed import load_texts
        from reference_speed import build_reference
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    nlp = build_reference(load_texts(300))
    assert nlp.pipe_names == ["tok2vec", "tagger", "parser", "ner", "attribute_ruler", "lemmatizer"]
    cfg = nlp.config["components"]
    assert cfg["tok2vec"]["model"]["encode"]["width"] == 96
    assert cfg["tok2vec"]["model"]["embed"]["include_static_vectors"] is False
    assert cfg["parser"]["model"]["hidden_width"] == 64
    assert cfg["ner"]["model"]["tok2vec"]["@architectures"] == "spacy.Tok2Vec.v2"  # its own
    doc = nlp("MOSCOW (Reuters) - Lavrov said Russia would respond.")
    assert all(t.tag_ and t.dep_ for t in doc)
    assert all(t.pos_ for t in doc)  # the attribute ruler maps every tag
