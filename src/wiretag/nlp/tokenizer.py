"""News-wire tokenizer rules, baked into the shipped pipeline at training time.

spaCy's English tokenizer already splits curly quotes, en/em dashes and "(Reuters)" the
way wire copy needs, and keeps "U.S." whole. What it gets wrong for news is titles built
with hyphenated prepositions ("Ambassador-at-Large", "Commander-in-Chief") and hyphenated
"-General" titles ("Secretary-General"), which it cuts into five tokens: entity
extraction wants a title to be one token. Ordinary hyphenated words ("Russia-backed")
stay split, so that "Russia" can still be tagged as a place.

A run of one punctuation mark ("!!!", "?!", "*****", "=====", "<<", "$$$") stays one
token, as the Universal Dependencies treebanks write it: spaCy's stock rules cut it into
one token per character, which hands the tagger and parser a string of fake words
(separator lines of asterisks or equals signs in scraped copy and e-mail).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, registry

from wiretag.nlp.wire_names import RIC_TOKEN

#: Hyphenated compounds kept as one token.
TITLE_COMPOUND = (
    r"(?:[A-Za-z]+(?:-(?:at|in|of|on|by|to|the|and|a)){1,2}-[A-Za-z]+"
    r"|(?i:secretary|attorney|director|governor|solicitor|inspector|surgeon|adjutant"
    r"|postmaster|consul|procurator|advocate|auditor|comptroller)-(?i:general))"
)
#: Kept whole too: a Reuters instrument code with a market suffix ("DBKGn.DE", "VOWG_p.DE";
#: the stock rules cut them at the dot), see ``wiretag.nlp.wire_names``.
TOKEN_MATCH_RE = re.compile(rf"^(?:{TITLE_COMPOUND}|{RIC_TOKEN})$")

#: Abbreviations common in wire copy that the stock English exceptions lack.
NEWS_ABBREVIATIONS = (
    "Sept.",
    "Gov.",
    "Sen.",
    "Rep.",
    "Gen.",
    "Lt.",
    "Col.",
    "Maj.",
    "Capt.",
    "Sgt.",
    "Adm.",
    "Cmdr.",
    "Amb.",
    "Pres.",
    "Supt.",
    "Insp.",
    "Brig.",
    "Cpl.",
    "Pvt.",
    "U.N.",
    "U.K.",
    "E.U.",
    "U.A.E.",
    "D.C.",
    "Pa.",
    "Va.",
    "Mass.",
    "Calif.",
    "Fla.",
)

#: Initialisms also kept whole in lower case (scraped copy that lost its case: "the u.s.
#: said"); spaCy's exceptions keep "U.S." but cut "u.s." into "u.s" and ".".
LOWER_INITIALISMS = ("u.s.", "u.n.", "u.k.", "e.u.", "u.a.e.", "d.c.")


#: Punctuation runs kept whole, tried before the one-character affixes.
PUNCT_RUNS = (
    r"[!?]{2,}",
    r"\*{2,}",
    r"={2,}",
    r"_{2,}",
    r"~{2,}",
    r"#{2,}",
    r"\+{2,}",
    r"\${2,}",
    r"<{2,}",
    r">{2,}",
    r"-{3,}",
)


@registry.tokenizers("wiretag.news_tokenizer.v1")  # type: ignore[untyped-decorator]
def create_news_tokenizer() -> Callable[[Language], Tokenizer]:
    """Registry entry point: the English tokenizer with news rules added."""

    def make_tokenizer(nlp: Language) -> Tokenizer:
        return news_tokenizer(nlp)

    return make_tokenizer


def news_tokenizer(nlp: Language) -> Tokenizer:
    """Build the news tokenizer for ``nlp`` (an English Language object)."""
    defaults = nlp.Defaults
    rules = dict(defaults.tokenizer_exceptions)
    for abbr in (*NEWS_ABBREVIATIONS, *LOWER_INITIALISMS):
        rules.setdefault(abbr, [{ORTH: abbr}])
    tokenizer = Tokenizer(
        nlp.vocab,
        rules=rules,
        prefix_search=compile_prefix_regex([*PUNCT_RUNS, *(defaults.prefixes or ())]).search,
        suffix_search=compile_suffix_regex([*PUNCT_RUNS, *(defaults.suffixes or ())]).search,
        infix_finditer=compile_infix_regex(defaults.infixes or ()).finditer,
        token_match=TOKEN_MATCH_RE.match,
        url_match=defaults.url_match,
    )
    return tokenizer
