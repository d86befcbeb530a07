"""The static-vector table's pure helpers (training/vectors.py); torch is not needed here."""

from __future__ import annotations

import numpy as np
import spacy
from spacy.strings import hash_string
from spacy.vectors import Vectors
from training.vectors import add_cased_keys, cased_forms


def test_cased_forms_are_the_capitalised_spellings_without_repeats() -> None:
    assert cased_forms("kyiv") == ["Kyiv", "KYIV"]
    assert cased_forms("o'neill") == ["O'neill", "O'Neill", "O'NEILL"]
    assert cased_forms("a") == ["A"]
    assert cased_forms("2020s") == []
    assert cased_forms("-lrb-") == []


def test_cased_keys_share_the_row_of_their_word_and_never_shadow_another() -> None:
    nlp = spacy.blank("en")
    words = ["kyiv", "us", "apple"]
    table = Vectors(strings=nlp.vocab.strings, shape=(len(words), 4))
    for i, w in enumerate(words):
        table.add(nlp.vocab.strings.add(w), row=i)
    table.data[:] = np.arange(12, dtype="float32").reshape(3, 4)
    # "US" is a word of its own in the list: it keeps its own row
    words.append("US")
    table.resize((4, 4))
    table.add(nlp.vocab.strings.add("US"), row=3)
    n = add_cased_keys(table, words)
    assert table.find(key=hash_string("Kyiv")) == table.find(key=hash_string("KYIV")) == 0
    assert table.find(key=hash_string("Us")) == 1
    assert table.find(key=hash_string("US")) == 3
    assert table.find(key=hash_string("APPLE")) == 2
    assert table.shape[0] == 4  # keys only, no new rows
    assert n == len({"Kyiv", "KYIV", "Us", "Apple", "APPLE"})
