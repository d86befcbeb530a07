"""Lemmas spaCy's English rule lemmatizer gets wrong on our tagger's output.

The rule lemmatizer (``spacy-lookups-data`` tables) expects the morphology of spaCy's own
English pipelines, where an attribute ruler also sets the lemmas of auxiliaries and
pronouns. Our morphologizer predicts UD English EWT's features instead, and two things go
wrong without help:

- present-tense verbs other than the third person singular carry ``Number``/``Person``, so
  the lemmatizer does not take them as base forms and strips suffixes: "they need" →
  "nee", "we bring" → "bre", "officials press" → "pres", "they discuss" → "discus";
- closed-class words have no tables: "is" stays "is", "n't" stays "n't", "me" stays "me",
  and a capitalised imperative keeps its capital ("Thank you" → "Thank").

``exception_lemma`` gives the lemma for those tokens (UD's conventions: "be", "have",
"not", "I", "a"); ``set_exception_lemmas`` is the component (``wiretag_lemmas_v1``), placed
before spaCy's lemmatizer, which leaves a lemma that is already set alone. Every other
token is left to the lemmatizer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.language import Language

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_BE = (
    *("is", "'s", "’s", "s", "are", "'re", "’re", "re", "was", "were", "am", "'m", "’m"),
    *("been", "being", "be"),
)
_HAVE = ("has", "had", "'ve", "’ve", "ve", "have", "having")
_DO = ("does", "did", "done", "doing", "do")

#: be / have / do forms, for verbs and auxiliaries alike.
LIGHT_VERBS: dict[str, str] = {
    **{form: "be" for form in _BE},
    **{form: "have" for form in _HAVE},
    **{form: "do" for form in _DO},
}
#: Auxiliaries only (a clitic "'d" is "would" as an auxiliary).
AUXILIARIES: dict[str, str] = {
    "'ll": "will",
    "’ll": "will",
    "ll": "will",
    "wo": "will",
    "ca": "can",
    "sha": "shall",
    "'d": "would",
    "’d": "would",
}
NEGATIONS: dict[str, str] = {"n't": "not", "n’t": "not", "nt": "not"}
#: Object forms of the personal pronouns (tag PRP; possessive "her" is PRP$ and stays).
PRONOUNS: dict[str, str] = {
    "i": "I",
    "me": "I",
    "him": "he",
    "her": "she",
    "us": "we",
    "them": "they",
}
DETERMINERS: dict[str, str] = {"an": "a", "these": "this", "those": "that"}
ADJECTIVES: dict[str, str] = {"better": "good", "best": "good", "worse": "bad", "worst": "bad"}
ADVERBS: dict[str, str] = {"better": "well", "best": "well"}


def exception_lemma(token: Token) -> str | None:
    """The lemma of ``token`` when it is one the rule lemmatizer gets wrong, else None."""
    low = token.lower_
    pos = token.pos_
    if pos == "AUX":
        return LIGHT_VERBS.get(low) or AUXILIARIES.get(low) or low
    if pos == "VERB":
        if low in LIGHT_VERBS and token.tag_.startswith("VB"):
            return LIGHT_VERBS[low]
        if token.tag_ in ("VB", "VBP") and token.is_alpha:
            return low  # a base form: nothing to strip ("need", "bring", "Thank")
        return None
    if pos == "PART":
        return NEGATIONS.get(low)
    if pos == "PRON":
        if token.tag_ == "PRP" and low in PRONOUNS:
            return PRONOUNS[low]
        return DETERMINERS.get(low) if low in ("these", "those") else None
    if pos == "DET":
        return DETERMINERS.get(low)
    if pos == "ADJ":
        if low in ADJECTIVES:
            return ADJECTIVES[low]
        if token.tag_ == "JJ" and token.text[:1].isupper() and not token.is_sent_start:
            return token.text  # a proper adjective keeps its case: "Islamic", "Iraqi"
        return None
    if pos == "ADV":
        return ADVERBS.get(low)
    return None


def set_exception_lemmas(doc: Doc) -> Doc:
    """Set ``exception_lemma`` on the tokens that have one and no lemma yet."""
    for token in doc:
        if not token.lemma:
            lemma = exception_lemma(token)
            if lemma is not None:
                token.lemma_ = lemma
    return doc


@Language.component(
    "wiretag_lemmas_v1",
    requires=["token.pos", "token.tag"],
    assigns=["token.lemma"],
)
def lemma_exceptions(doc: Doc) -> Doc:
    """spaCy component: ``nlp.add_pipe("wiretag_lemmas_v1", before="lemmatizer")``."""
    return set_exception_lemmas(doc)
