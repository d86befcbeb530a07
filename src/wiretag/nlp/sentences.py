"""Sentences as wiretag reports them: the backbone's sentences, repaired for wire copy.

Repairs, so that every stage that numbers sentences agrees with ``Document.sentences``:
line breaks can become one-token "sentences" of whitespace, which no reader would count;
and the parser sometimes ends a sentence mid-clause, typically at or just after the dash of
a dateline ("OSLO, March 3 (Reuters) - Norway | accused ..."). Within one line, a piece that
ends without sentence-final punctuation is joined to the next when that one starts with a
lower-case word or the piece ends with a dash: edited copy starts sentences with capitals.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

DASHES = frozenset({"-", "–", "—", "--", "―"})
FINAL = frozenset({".", "!", "?", ":", ";", "…", "\"", "”", "’", "'", ")"})


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
