"""Build ``src/wiretag/data/case_forms.txt.gz``: how English text usually writes a word,
for re-casing copy written all in lower case (``wiretag.nlp.truecase.truecase_lower``).

Source: the word probabilities of spaCy's lookup tables (``en_lexeme_prob`` in the PyPI
package spacy-lookups-data, MIT; log probabilities of cased words counted over web
text). For each word of letters that occurs often enough (log probability of its most
frequent form at least ``MIN_LOGPROB``), the file keeps its most frequent written form
when that is not the lower case ("masoud" -> "Masoud", "nato" -> "NATO", "monday" ->
"Monday") and, for words the dictionary rules would take for a name, the lower case too
("ceasefire", "website"): one form per line, sorted, so the build is reproducible.

    python -m training.build_case_table
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from pathlib import Path

import spacy_lookups_data

OUT = Path(__file__).resolve().parent.parent / "src" / "wiretag" / "data" / "case_forms.txt.gz"
#: the rarest words kept (about 150,000 words pass)
MIN_LOGPROB = -18.0
#: a capitalised form or one in capitals must be this much more probable (log) than the
#: lower case to win: web text capitalises "Palace", "Frontier", "South" in titles and
#: names almost as often as it writes them in lower case
MARGIN = 0.5
#: the words considered: letters only, capitalised or in capitals
WORD = re.compile(r"[A-Za-z][a-z]+|[A-Z]{2,}|[a-z]")
#: Roman numerals, which web text writes in capitals ("XI", "III") and news uses for
#: other words in lower case ("xi" of "xi jinping")
ROMAN = re.compile(r"[IVXLC]+")


def case_forms(
    probs: dict[str, float], min_logprob: float = MIN_LOGPROB, margin: float = MARGIN
) -> list[str]:
    """The most frequent written form of each word (lower-case key) whose most frequent
    form has at least ``min_logprob``; a form other than the lower case needs ``margin``
    more log probability than the lower case."""
    best: dict[str, tuple[float, str, float]] = {}  # low -> (score, form, probability)
    for word, prob in probs.items():
        if not WORD.fullmatch(word) or (word.isupper() and ROMAN.fullmatch(word)):
            continue
        low = word.lower()
        score = prob if word == low else prob - margin
        if low not in best or (score, word) > best[low][:2]:
            best[low] = (score, word, prob)
    return sorted(form for _, form, prob in best.values() if prob >= min_logprob)


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--out", type=Path, default=OUT)
    p.add_argument("--min-logprob", type=float, default=MIN_LOGPROB)
    p.add_argument("--margin", type=float, default=MARGIN)
    args = p.parse_args(argv)
    src = Path(spacy_lookups_data.__file__).parent / "data" / "en_lexeme_prob.json.gz"
    with gzip.open(src, "rt", encoding="utf-8") as fh:
        probs = json.load(fh)
    forms = case_forms(probs, args.min_logprob, args.margin)
    # mtime=0: the same input gives the same bytes
    with open(args.out, "wb") as raw, gzip.GzipFile(
        fileobj=raw, mode="wb", mtime=0, filename=""
    ) as fh:
        fh.write(("\n".join(forms) + "\n").encode("utf-8"))
    names = sum(1 for f in forms if not f.islower())
    print(f"{args.out}: {len(forms):,} words, {names:,} not in lower case")


if __name__ == "__main__":
    main()
