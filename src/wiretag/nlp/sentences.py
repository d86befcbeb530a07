"""Sentences as wiretag reports them: the backbone's sentences, repaired for wire copy.

Repairs, so that every stage that numbers sentences agrees with ``Document.sentences``:
line breaks can become one-token "sentences" of whitespace, which no reader would count;
and the parser sometimes ends a sentence mid-clause, typically at or just after the dash of
a dateline ("OSLO, March 3 (Reuters) - Norway | accused ..."). Within one line, a piece that
ends without sentence-final punctuation is joined to the next when that one starts with a
lower-case word or the piece ends with a dash: edited copy starts sentences with capitals.

Before the parser, ``guard_sentence_starts`` (the ``wiretag_sentence_guard_v1`` component of
the bundled pipeline) marks the tokens that cannot start a sentence: the word after a dash
and the second word of a name. spaCy's parser and ner respect the mark. A parser split inside
a name ("Ambassador-at-Large Rodion | Miroshnik told") would otherwise cost the ner the whole
name, since no entity crosses a sentence boundary.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.language import Language

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

DASHES = frozenset({"-", "–", "—", "--", "―"})
FINAL = frozenset({".", "!", "?", ":", ";", "…", "\"", "”", "’", "'", ")"})
PROPER = frozenset({"NNP", "NNPS"})


def content_sentences(doc: Doc) -> list[Span]:
    """``doc.sents`` without whitespace-only sentences, with mid-clause splits joined."""
    sents = [sent for sent in doc.sents if sent.text.strip()]
    out: list[Span] = []
    for sent in sents:
        if out and _continues(out[-1], sent):
            out[-1] = doc[out[-1].start : sent.end]
        else:
            out.append(sent)
    return out


def _continues(prev: Span, sent: Span) -> bool:
    words = [t for t in prev if not t.is_space]
    first = next((t for t in sent if not t.is_space), None)
    if not words or first is None:
        return False
    between = prev.doc.text[words[-1].idx + len(words[-1]) : first.idx]
    if "\n" in between or words[-1].text in FINAL:
        return False
    return words[-1].text in DASHES or (first.is_alpha and first.text[0].islower())


def cannot_start_sentence(prev: Token, tok: Token) -> bool:
    """True when ``tok`` continues the sentence of ``prev`` on the same line: the word
    after a dash ("(Reuters) - Norway"), or the second word of a name (two capitalised
    proper nouns, the first made of letters, hyphens and apostrophes only, so not "U.S." or
    "Corp.").

    A lower-case word after a word without final punctuation is left to the parser here
    (``content_sentences`` joins such pieces afterwards): on web text, which starts
    sentences in lower case, blocking those breaks cost sentence F1 (training/RESULTS.md)."""
    if prev.whitespace_ != " " or tok.is_space or prev.is_space:
        return False  # a line break may end a sentence; glued tokens are left to the parser
    if prev.text in DASHES:
        return True
    return (
        prev.tag_ in PROPER
        and tok.tag_ in PROPER
        and prev.text.replace("-", "").replace("'", "").replace("’", "").isalpha()
        and prev.text[:1].isupper()
        and tok.text[:1].isupper()
    )


def guard_sentence_starts(doc: Doc) -> Doc:
    """Mark every token that cannot start a sentence (``cannot_start_sentence``) with
    ``is_sent_start = False``; boundaries already set are kept. Needs tags."""
    for i in range(1, len(doc)):
        tok = doc[i]
        if tok.is_sent_start is None and cannot_start_sentence(doc[i - 1], tok):
            tok.is_sent_start = False
    return doc


@Language.component(
    "wiretag_sentence_guard_v1",
    requires=["token.tag"],
    assigns=["token.is_sent_start"],
)
def sentence_guard(doc: Doc) -> Doc:
    """spaCy component: ``nlp.add_pipe("wiretag_sentence_guard_v1", before="parser")``."""
    return guard_sentence_starts(doc)
