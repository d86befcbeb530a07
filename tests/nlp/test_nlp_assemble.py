"""Assembling the shipped pipeline: only the strings the pipeline needs are stored."""

from __future__ import annotations

import spacy
import srsly
from spacy.training import Example
from training.train import needed_strings, prune_strings

from wiretag.nlp import BUNDLED_MODEL_PATH


def test_pruned_vocabulary_keeps_labels_and_the_output(tmp_path) -> None:
    nlp = spacy.blank("en")
    tagger = nlp.add_pipe("tagger")
    for tag in ("NNP", "VBD"):
        tagger.add_label(tag)
    examples = [Example.from_dict(nlp.make_doc("Putin spoke"), {"tags": ["NNP", "VBD"]})]
    nlp.initialize(lambda: examples)
    for word in ("trainingonlyword", "Kyiv"):
        nlp.vocab.strings.add(word)
    nlp.to_disk(tmp_path)
    before = [t.tag_ for t in nlp("Putin spoke")]

    prune_strings(nlp, tmp_path)

    stored = set(srsly.read_json(tmp_path / "vocab" / "strings.json"))
    assert {"NNP", "VBD"} <= stored and not {"trainingonlyword", "Kyiv"} & stored
    assert [t.tag_ for t in spacy.load(tmp_path)("Putin spoke")] == before


def test_needed_strings_split_morph_labels_into_features() -> None:
    nlp = spacy.blank("en")
    morph = nlp.add_pipe("morphologizer")
    morph.add_label("Number=Sing|POS=NOUN")
    assert {"Number=Sing|POS=NOUN", "Number=Sing", "Number", "Sing", "NOUN"} <= needed_strings(nlp)


def test_shipped_vocabulary_is_pruned() -> None:
    stored = srsly.read_json(BUNDLED_MODEL_PATH / "vocab" / "strings.json")
    nlp = spacy.load(BUNDLED_MODEL_PATH)
    assert set(stored) <= needed_strings(nlp)
