"""The sentence guard: tokens that cannot start a sentence are marked before the parser,
and the parser and ner of the bundled pipeline respect the marks."""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.tokens import Doc

from wiretag.nlp import load_backbone
from wiretag.nlp.sentences import cannot_start_sentence, guard_sentence_starts

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def tagged(words: list[str], tags: list[str], spaces: list[bool] | None = None) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, tags=tags, spaces=spaces)


def marks(doc: Doc) -> list[str]:
    return [t.text for t in doc if t.is_sent_start is False]


def test_guard_keeps_a_name_together():
    doc = tagged(
        ["Ambassador-at-Large", "Rodion", "Miroshnik", "told", "reporters", "."],
        ["NNP", "NNP", "NNP", "VBD", "NNS", "."],
    )
    assert marks(guard_sentence_starts(doc)) == ["Rodion", "Miroshnik"]


def test_guard_after_a_dash():
    doc = tagged(
        ["(", "Reuters", ")", "-", "Norway", "accused", "Russia"],
        ["-LRB-", "NNP", "-RRB-", ":", "NNP", "VBD", "NNP"],
    )
    assert marks(guard_sentence_starts(doc)) == ["Norway"]


def test_guard_leaves_real_boundaries_open():
    words = ["talks", "resumed", ".", "Putin", "said", "Moscow", "\n"]
    words += ["Kyiv", "Ukraine", "U.S.", "Biden"]
    tags = ["NNS", "VBD", ".", "NNP", "VBD", "NNP", "_SP", "NNP", "NNP", "NNP", "NNP"]
    spaces = [True, False, True, True, True, False, False, True, True, True, False]
    doc = guard_sentence_starts(tagged(words, tags, spaces))
    # after a full stop, after a line break, after an abbreviation, before a lower-case
    # word: the parser decides
    for word in ("Putin", "said", "\n", "Kyiv", "Biden"):
        assert doc[words.index(word)].is_sent_start is None, word
    assert marks(doc) == ["Ukraine", "U.S."]


def test_guard_never_overrides_a_boundary_already_set():
    doc = tagged(["Rodion", "Miroshnik"], ["NNP", "NNP"])
    doc[1].is_sent_start = True
    assert guard_sentence_starts(doc)[1].is_sent_start is True


def test_bundled_parser_and_ner_respect_the_guard():
    nlp = load_backbone()
    assert nlp.pipe_names.index("wiretag_sentence_guard_v1") < nlp.pipe_names.index("parser")
    text = (SHARED / "examples" / "wire-moscow-miroshnik.txt").read_text(encoding="utf-8")
    doc = nlp(text)
    guarded = [t for t in doc[1:] if cannot_start_sentence(doc[t.i - 1], t)]
    assert len(guarded) > 10
    assert not [t.text for t in guarded if t.is_sent_start]
    assert "Rodion Miroshnik" in {e.text for e in doc.ents if e.label_ == "PERSON"}
