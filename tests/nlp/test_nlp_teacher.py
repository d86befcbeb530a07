"""The MiniLM teacher's pure helpers (training/teacher.py); torch is not needed here."""

from __future__ import annotations

import itertools

import spacy
from spacy.tokens import Doc, Span
from training.teacher import IGNORE, LABELS, bio_spans, doc_examples, windows


def test_bio_spans_decodes_b_i_and_repairs_stray_i() -> None:
    tags = ["B-PER", "I-PER", "O", "I-LOC", "I-LOC", "B-ORG", "I-PER"]
    conf = [0.9, 0.7, 1.0, 0.6, 0.8, 1.0, 0.5]
    spans = bio_spans(tags, conf)
    assert [(s, e, lab) for s, e, lab, _ in spans] == [
        (0, 2, "PER"),
        (3, 5, "LOC"),
        (5, 6, "ORG"),
        (6, 7, "PER"),
    ]
    assert abs(spans[0][3] - 0.8) < 1e-9


def test_windows_cut_at_sentence_ends_and_cover_everything() -> None:
    words = (["w"] * 9 + ["."]) * 20
    cuts = list(windows(len(words), words, max_words=35))
    assert cuts[0] == (0, 30)
    assert cuts[-1][1] == len(words)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(cuts))


def test_doc_examples_keep_missing_annotation_unlabelled() -> None:
    nlp = spacy.blank("en")
    doc = Doc(nlp.vocab, words=["Ann", "Lee", "met", "Acme", "in", "Paris", "."])
    doc.set_ents(
        [Span(doc, 0, 2, "PERSON"), Span(doc, 5, 6, "GPE")],
        missing=[doc[3:4]],
        default="outside",
    )
    ((words, labels),) = doc_examples(doc)
    assert words == ["Ann", "Lee", "met", "Acme", "in", "Paris", "."]
    assert labels == [
        LABELS.index("B-PER"),
        LABELS.index("I-PER"),
        0,
        IGNORE,
        0,
        LABELS.index("B-LOC"),
        0,
    ]


def test_predict_docs_maps_window_spans_back_to_doc_tokens() -> None:
    """Whitespace tokens are skipped in the windows the encoder sees, and spans come back
    as the Doc's own token offsets."""
    from training.teacher import Teacher

    class Fake(Teacher):
        def __init__(self) -> None:  # no encoder: tag every capitalised word as a name
            self.seen: list[list[str]] = []

        def predict(self, sents, batch_words=2000):  # type: ignore[no-untyped-def]
            self.seen.extend(sents)
            return [[(i, i + 1, "PER", 0.9) for i, w in enumerate(ws) if w[:1].isupper()]
                    for ws in sents]

    nlp = spacy.blank("en")
    doc = Doc(nlp.vocab, words=["met", "\n\n", "Ann", "in", "Paris", "."],
              spaces=[False, False, True, True, False, False])
    fake = Fake()
    (spans,) = fake.predict_docs([doc])
    assert [(doc[a:b].text, lab) for a, b, lab, _ in spans] == [("Ann", "PER"), ("Paris", "PER")]
    assert all("\n\n" not in ws for ws in fake.seen)
