"""Lemma exceptions: base-form verbs, auxiliaries, negation, pronouns, determiners."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from wiretag.nlp import load_backbone
from wiretag.nlp.lemmas import exception_lemma, set_exception_lemmas


def tagged(words: list[str], pos: list[str], tags: list[str]) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, pos=pos, tags=tags)


def test_exception_lemmas_on_hand_tagged_tokens():
    doc = tagged(
        ["They", "need", "n't", "bring", "me", "an", "answer", "that", "is", "better"],
        ["PRON", "VERB", "PART", "VERB", "PRON", "DET", "NOUN", "PRON", "AUX", "ADJ"],
        ["PRP", "VBP", "RB", "VB", "PRP", "DT", "NN", "WDT", "VBZ", "JJR"],
    )
    got = [exception_lemma(t) for t in doc]
    assert got == [None, "need", "not", "bring", "I", "a", None, None, "be", "good"]


def test_exception_lemmas_leave_inflected_verbs_and_possessives_to_the_lemmatizer():
    doc = tagged(["Her", "envoy", "needed", "talks"], ["PRON", "NOUN", "VERB", "NOUN"],
                 ["PRP$", "NN", "VBD", "NNS"])
    assert [exception_lemma(t) for t in doc] == [None, None, None, None]


def test_exception_lemmas_keep_a_lemma_already_set():
    doc = tagged(["is"], ["AUX"], ["VBZ"])
    doc[0].lemma_ = "is-set-earlier"
    assert set_exception_lemmas(doc)[0].lemma_ == "is-set-earlier"


def test_bundled_pipeline_lemmas():
    nlp = load_backbone()
    assert nlp.pipe_names.index("wiretag_lemmas_v1") < nlp.pipe_names.index("lemmatizer")
    doc = nlp("Officials say they need help and press Moscow, but it isn't clear. Thank you.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["need"] == "need" and lemmas["press"] == "press"
    assert lemmas["is"] == "be" and lemmas["n't"] == "not"
    assert lemmas["Thank"] == "thank" and lemmas["Officials"] == "official"
    assert lemmas["say"] == "say"


def test_verb_lemmas_prefer_the_silent_e_base_and_the_exception_entry():
    from wiretag.nlp.lemmas import silent_e_lemma, verb_lemma

    verbs = {"hop", "hope", "scrap", "scrape", "star", "stare", "box", "visit", "use"}
    exceptions = {"coping": ["cope"], "hopping": ["hop"], "installed": ["instal", "install"]}
    assert [verb_lemma(w, verbs, exceptions) for w in ("hoping", "hoped", "hopes")] == [
        "hope",
        "hope",
        "hope",
    ]
    assert verb_lemma("scraped", verbs, exceptions) == "scrape"
    assert verb_lemma("coping", verbs, exceptions) == "cope"
    assert verb_lemma("hopping", verbs, exceptions) == "hop"
    assert verb_lemma("installed", verbs, exceptions) == "install"
    # no second verb with an "e", a w/x/y stem, or a long vowel: left to the lemmatizer
    for word in ("visited", "boxing", "used", "starring"):
        assert silent_e_lemma(word, verbs, exceptions) is None, word


def test_bundled_pipeline_verb_lemmas_after_the_rule_lemmatizer_quirks():
    doc = load_backbone()("Officials hoped talks were coping, but the deal was scraped.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["hoped"] == "hope" and lemmas["coping"] == "cope"
    assert lemmas["scraped"] == "scrape"
