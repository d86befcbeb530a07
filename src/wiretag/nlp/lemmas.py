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

- inflected verbs whose base ends in a silent "e" lose it when a shorter verb exists
  ("hoping"/"hoped"/"hopes" → "hop", "scraped" → "scrap"), and an irregular form's
  exception entry loses to a suffix rule that produced the same word further down
  ("coping" → "cop") (``verb_lemma``).

``exception_lemma`` gives the lemma for the closed-class and base-form tokens (UD's
conventions: "be", "have", "not", "I", "a"); ``set_exception_lemmas`` applies both, and
``wiretag_lemmas_v1`` is the component, placed before spaCy's lemmatizer, which leaves a
lemma that is already set alone. Every other token is left to the lemmatizer.
"""

from __future__ import annotations

from collections.abc import Container, Mapping
from typing import TYPE_CHECKING, Any

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


VOWELS = frozenset("aeiou")
INFLECTED_VERB_TAGS = frozenset({"VBD", "VBN", "VBG", "VBZ"})


def lemmatizer_table(nlp: Language | None, table: str, pos: str) -> Any:
    """One part of speech of a lookup table of the pipeline's rule lemmatizer: for
    "lemma_index" a list of the dictionary's words, for "lemma_exc" a mapping of irregular
    forms to their lemmas. Empty when the pipeline has no lemmatizer or no such table."""
    if nlp is None or "lemmatizer" not in nlp.pipe_names:
        return {}
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table(table):
        return {}
    return lookups.get_table(table).get(pos, {})


def silent_e_lemma(word: str, verbs: Container[str], exceptions: Mapping[str, Any]) -> str | None:
    """The lemma of an inflected verb whose base ends in a silent "e", where the rule
    lemmatizer picks the shorter verb: "hoping", "hoped", "hopes" → "hope" (it gives "hop"),
    "scraped" → "scrape", "coping" → "cope", "stared" → "stare".

    spaCy tries its suffix rules in order and puts each form the dictionary knows in
    front, so the last rule ("-ing" → "", "-ed" → "") wins whenever both "hop" and "hope"
    are verbs. English spelling decides: a short stem ending in vowel + consonant doubles
    that consonant before "-ing"/"-ed" ("hopping", "hopped"); without the doubling, the
    base has the "e". Words with their own exception entry, and stems ending in w, x or
    y, are left to the lemmatizer."""
    if word in exceptions:
        return None  # see ``verb_lemma``
    for suffix in ("ing", "ed", "es"):
        if not word.endswith(suffix):
            continue
        stem = word[: -len(suffix)]
        if (
            len(stem) >= 2
            and stem in verbs
            and stem + "e" in verbs
            and stem[-1] not in VOWELS
            and stem[-1] not in "wxy"
            and stem[-2] in VOWELS
            and (len(stem) == 2 or stem[-3] not in VOWELS)
        ):
            return stem + "e"
        return None
    return None


def verb_lemma(word: str, verbs: Container[str], exceptions: Mapping[str, Any]) -> str | None:
    """The lemma of an inflected verb (lower-cased ``word``) where the rule lemmatizer goes
    wrong: an irregular form takes its exception entry ("coping" → "cope": spaCy puts an
    exception first only when no suffix rule already produced it, so "cop" won), else
    ``silent_e_lemma``. Of two spellings in an entry, the doubled "l" is taken
    ("installed" → "install", not "instal")."""
    forms = exceptions.get(word)
    if forms:
        if len(forms) > 1 and forms[1] == forms[0] + "l":
            return str(forms[1])
        return str(forms[0])
    return silent_e_lemma(word, verbs, exceptions)


def set_exception_lemmas(
    doc: Doc, verbs: Container[str] = (), exceptions: Mapping[str, Any] | None = None
) -> Doc:
    """Set ``exception_lemma`` (or, for inflected verbs, ``verb_lemma`` against the
    lemmatizer's ``verbs`` and verb ``exceptions``) on the tokens that have one and no
    lemma yet."""
    for token in doc:
        if token.lemma:
            continue
        lemma = exception_lemma(token)
        if lemma is None and token.pos_ == "VERB" and token.tag_ in INFLECTED_VERB_TAGS:
            lemma = verb_lemma(token.lower_, verbs, exceptions or {})
        if lemma is not None:
            token.lemma_ = lemma
    return doc


class LemmaExceptions:
    """The ``wiretag_lemmas_v1`` component. Reads the verb dictionary and exceptions of the
    pipeline's rule lemmatizer on first use (none: only ``exception_lemma`` applies)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.name = name
        self._tables: tuple[Container[str], Mapping[str, Any]] | None = None

    def _verb_tables(self) -> tuple[Container[str], Mapping[str, Any]]:
        if self._tables is None:
            self._tables = (
                frozenset(lemmatizer_table(self.nlp, "lemma_index", "verb")),
                lemmatizer_table(self.nlp, "lemma_exc", "verb"),
            )
        return self._tables

    def __call__(self, doc: Doc) -> Doc:
        verbs, exceptions = self._verb_tables()
        return set_exception_lemmas(doc, verbs, exceptions)


@Language.factory(
    "wiretag_lemmas_v1",
    requires=["token.pos", "token.tag"],
    assigns=["token.lemma"],
    default_config={},
)
def make_lemma_exceptions(nlp: Language, name: str) -> LemmaExceptions:
    """spaCy factory: ``nlp.add_pipe("wiretag_lemmas_v1", before="lemmatizer")``."""
    return LemmaExceptions(nlp, name)
