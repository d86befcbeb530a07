"""Dump and classify NER errors on the corpus test sets (UNER-EWT test, Wikigold held-out)
or a news set, for the full pipeline or the raw statistical ``ner`` alone.

    python -m training.ner_errors [--set uner|wikigold|news|sports|dev2|dev3|dev4] [--raw]
        [--show N]

Every false positive and false negative (exact character spans, PER/ORG/LOC folding as
in ``training.evaluate``) is put into one class, so the counts add up:
  boundary   - same type, overlapping span (titles, "the", possessives, partial names)
  type       - same span, other type
  type+bound - overlapping span, other type
  lower      - missed gold span without any capitalised letter (web text)
  missed     - other missed gold span
  spurious   - prediction overlapping no gold span (split by whether the rule component
               added it, when the raw ``ner`` is compared)
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from training.evaluate import (
    COARSE,
    NEWS_BLIND,
    NEWS_BLIND2,
    NEWS_BLIND3,
    NEWS_GOLD,
    ROOT,
    _doc_items,
    items_from_jsonl,
)

#: the development sets by short name (their errors are read; the blind sets' are not)
DEV_SETS = ("sports", "dev2", "dev3", "dev4")


def load_items(name: str, corpora: Path, vocab) -> list:
    from training import convert as cv

    if name == "uner":
        return _doc_items(
            cv.uner_docs(corpora / "uner-en-ewt" / "en_ewt-ud-test.iob2", vocab, as_annotated=True)
        )
    if name == "wikigold":
        path = corpora / "wikigold" / "wikigold.conll.txt"
        return _doc_items(cv.wikigold_docs(path, vocab, "test", as_annotated=True))
    named = {"news": NEWS_GOLD, "blind2": NEWS_BLIND2, "blind3": NEWS_BLIND3}
    if name in DEV_SETS:
        return items_from_jsonl(ROOT / "tests" / "nlp" / f"news_ner_{name}.jsonl")
    return items_from_jsonl(named.get(name, NEWS_BLIND))


def spans(nlp, items: list) -> tuple[list[set], list[set]]:
    """Gold and predicted (start, end, label) per item, folded, MISC ranges skipped."""
    golds, preds = [], []
    for (_text, gold, missing), doc in zip(items, nlp.pipe([t for t, _, _ in items]), strict=True):
        golds.append({(s, e, COARSE[lab]) for s, e, lab in gold if lab in COARSE})
        p = set()
        for ent in doc.ents:
            lab = COARSE.get(ent.label_)
            s, e = ent.start_char, ent.end_char
            if lab and not any(s < me and ms < e for ms, me in missing):
                p.add((s, e, lab))
        preds.append(p)
    return golds, preds


def classify(text: str, gold: set, pred: set, raw: set) -> list[tuple[str, str, str]]:
    """(class, gold repr, pred repr) for every error in one item; ``raw`` is what the
    statistical ner alone predicted, to tell rule-made spurious spans apart."""
    out = []
    fn, fp = gold - pred, pred - gold
    used: set = set()
    for g in sorted(fn):
        over = [p for p in fp if p[0] < g[1] and g[0] < p[1]]
        gs = f"{text[g[0] : g[1]]!r}/{g[2]}"
        if not over:
            cls = "lower" if not any(c.isupper() for c in text[g[0] : g[1]]) else "missed"
            out.append((cls, gs, ""))
            continue
        for p in over:
            used.add(p)
            same_span = p[:2] == g[:2]
            cls = "type" if same_span else ("boundary" if p[2] == g[2] else "type+bound")
            out.append((cls, gs, f"{text[p[0] : p[1]]!r}/{p[2]}"))
    for p in sorted(fp - used):
        cls = "spurious-ner" if p in raw else "spurious-rule"
        out.append((cls, "", f"{text[p[0] : p[1]]!r}/{p[2]}"))
    return out


def main(argv: list[str] | None = None) -> None:
    import spacy

    import wiretag.nlp  # noqa: F401

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--model", default=str(ROOT / "src" / "wiretag" / "models" / "en_wiretag_news"))
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    sets = ["uner", "wikigold", "news", *DEV_SETS, "blind", "blind2", "blind3"]
    ap.add_argument("--set", default="uner", choices=sets)
    ap.add_argument("--raw", action="store_true", help="statistical ner only, no rule component")
    ap.add_argument("--show", type=int, default=15, help="examples shown per class")
    args = ap.parse_args(argv)
    nlp = spacy.load(args.model)
    items = load_items(args.set, args.corpora, nlp.vocab)
    rules = [p for p in nlp.pipe_names if p.startswith("wiretag_entity")]
    golds, preds = spans(nlp, items)
    with nlp.select_pipes(disable=rules):
        _, raw = spans(nlp, items)
    use = raw if args.raw else preds
    errs: list[tuple[str, str, str]] = []
    for (text, _, _), g, p, r in zip(items, golds, use, raw, strict=True):
        errs.extend(classify(text, g, p, r))
    tp = sum(len(g & p) for g, p in zip(golds, use, strict=True))
    ng, npred = sum(map(len, golds)), sum(map(len, use))
    pr, rc = tp / max(npred, 1), tp / max(ng, 1)
    print(
        f"{args.set} {'raw ner' if args.raw else 'full pipeline'}: gold={ng} pred={npred} "
        f"tp={tp} P={pr:.3f} R={rc:.3f} F1={2 * pr * rc / max(pr + rc, 1e-9):.3f}"
    )
    counts = Counter(c for c, _, _ in errs)
    for cls, n in counts.most_common():
        print(f"== {cls}: {n}")
        for _c, gs, ps in [e for e in errs if e[0] == cls][: args.show]:
            print(f"   gold {gs:40s} pred {ps}")


if __name__ == "__main__":
    main()
