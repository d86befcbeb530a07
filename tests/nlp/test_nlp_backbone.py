"""Loading the backbone: the bundled pipeline, any named pipeline, unknown names."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from wiretag.errors import WiretagError
from wiretag.nlp import BUNDLED_MODEL_PATH, load_backbone

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def test_load_backbone_bundled_is_cached_and_complete():
    nlp = load_backbone()
    assert load_backbone() is nlp
    for pipe in (
        "tok2vec",
        "tagger",
        "morphologizer",
        "parser",
        "lemmatizer",
        "ner",
        "wiretag_entity_types_v1",
    ):
        assert pipe in nlp.pipe_names
    assert (BUNDLED_MODEL_PATH / "lemmatizer" / "lookups" / "lookups.bin").is_file()
    # the package name and version users see in Document.model and spacy info
    assert nlp.meta["lang"] == "en" and nlp.meta["name"] == "wiretag_news"
    assert nlp.meta["version"].count(".") == 2


def test_load_backbone_bundled_parses_and_tags():
    doc = load_backbone()("The minister said on Tuesday that talks would resume. They did not.")
    assert len(list(doc.sents)) == 2
    assert doc[1].pos_ == "NOUN"
    assert doc[2].lemma_ == "say"
    assert doc[2].dep_ == "ROOT"


def test_load_backbone_named_pipeline_from_path(tmp_path):
    nlp = spacy.blank("en")
    ner = nlp.add_pipe("ner")
    ner.add_label("PERSON")
    nlp.initialize()
    nlp.to_disk(tmp_path)
    loaded = load_backbone(str(tmp_path))
    assert loaded.pipe_names == ["ner"]
    assert "PERSON" in loaded.get_pipe("ner").labels


def test_load_backbone_unknown_name_raises_w301():
    with pytest.raises(WiretagError) as info:
        load_backbone("en_no_such_pipeline_xyz")
    assert info.value.code == "W301"
    assert "W301" in str(info.value)


def test_bundled_model_size_at_most_40_mb():
    size = sum(p.stat().st_size for p in BUNDLED_MODEL_PATH.rglob("*") if p.is_file())
    assert size <= 40_000_000  # the limit, in decimal megabytes


def test_bundled_model_static_vectors_travel_with_it():
    """Every tok2vec that reads static vectors finds the table (lower-case words and their
    cased spellings as keys of the same row, looked up by the token's text); a pipeline
    assembled without it would run on all-zero vectors and say nothing."""
    from spacy.attrs import ORTH

    nlp = load_backbone()
    embeds = [
        nlp.config["components"]["tok2vec"]["model"]["embed"],
        nlp.config["components"]["ner"]["model"]["tok2vec"]["embed"],
    ]
    if not any(e.get("include_static_vectors") for e in embeds):
        pytest.skip("the bundled pipeline reads no static vectors")
    vectors = nlp.vocab.vectors
    assert vectors.shape[0] >= 10_000
    assert vectors.attr == ORTH
    for word in ("ukraine", "minister", "said", "ceasefire"):
        assert vectors.find(key=nlp.vocab.strings[word]) >= 0, word
    doc = nlp.make_doc("the minister said")
    assert all(tok.has_vector for tok in doc)
    # a capitalised name, a dateline in capitals and a sentence-initial word share the
    # row of their lower-case word
    for lower, cased in (("kyiv", "Kyiv"), ("kyiv", "KYIV"), ("the", "The")):
        row = vectors.find(key=nlp.vocab.strings[lower])
        assert row >= 0 and vectors.find(key=nlp.vocab.strings.add(cased)) == row, cased


@pytest.mark.shared
def test_backbone_acceptance_on_moscow_story():
    text = (SHARED / "examples" / "wire-moscow-miroshnik.txt").read_text("utf-8")
    doc = load_backbone()(text)
    found = {(e.text, e.label_) for e in doc.ents}
    expected = {
        ("Vladimir Putin", "PERSON"),
        ("Rodion Miroshnik", "PERSON"),
        ("Volodymyr Zelenskiy", "PERSON"),
        ("NATO", "ORG"),
        ("International Criminal Court", "ORG"),
        ("Kiev", "GPE"),
        ("kyiv", "GPE"),
        ("Moscow", "GPE"),
        ("Ukraine", "GPE"),
        ("Russia", "GPE"),
        ("Russian", "NORP"),
        ("Ukrainian", "NORP"),
    }
    assert expected <= found, expected - found
