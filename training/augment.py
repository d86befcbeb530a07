"""Case/format augmentation for NER training (registered for the training process only;
the shipped pipeline never needs it).

News copy reaches us in shapes web text lacks: all-caps headlines and datelines, and
scraped copy with names lower-cased. With probability ``upper`` a training doc is
upper-cased, with probability ``lower`` lower-cased; gold entity offsets are kept.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator

import spacy
from spacy.language import Language
from spacy.training import Example


@spacy.registry.augmenters("wiretag_training.case_augmenter.v1")
def create_case_augmenter(
    upper: float = 0.05, lower: float = 0.05, seed: int = 0
) -> Callable[[Language, Example], Iterator[Example]]:
    rng = random.Random(seed)

    def augment(nlp: Language, example: Example) -> Iterator[Example]:
        yield example
        r = rng.random()
        if r >= upper + lower:
            return
        ref = example.reference
        if not ref.has_annotation("ENT_IOB"):
            return
        fn = str.upper if r < upper else str.lower
        data = example.to_dict()
        words = [fn(t.text) for t in ref]
        data["token_annotation"]["ORTH"] = words
        doc = nlp.make_doc(fn(ref.text))
        yield Example.from_dict(doc, data)

    return augment
